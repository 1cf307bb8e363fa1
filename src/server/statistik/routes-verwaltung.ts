import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { z } from 'zod';
import { BEZUGSGROESSE_ARTEN } from '../../domain/statistik/typen.ts';
import { apiRoute } from '../use-case.ts';
import { bezugsgroesseAnlegen } from './bezugsgroesse-anlegen.ts';
import { bezugsgroessen } from './bezugsgroessen.ts';
import { einstellungenAendern } from './einstellungen-aendern.ts';
import { statistikEinstellungen } from './einstellungen.ts';
import { statistikSnapshotErstellen } from './snapshot-erstellen.ts';
import { statistikSnapshots } from './snapshots.ts';

/** Statistik (docs/statistik.md): API routes of Snapshots,Einstellungen,Bezugsgrößen. */
export function registerStatistikVerwaltungRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app;
  void ctx;
  // ---- Monats-Snapshots (H4)
  const status = z.enum(['im_aufbau', 'vorlaeufig', 'endgueltig']);
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/snapshots',
    useCase: statistikSnapshots,
    tags: ['Statistik'],
    summary: 'Stand der Daten: die Monate ab den ersten Daten mit Status des Snapshots (vorläufig/endgültig/im Aufbau/fehlt), Lauf, Erstellungszeit und Anzahlen',
    response: z.object({
      heute: z.string(),
      ersterDatenmonat: z.string().nullable(),
      zahlenSichtbar: z.boolean().describe('false bei Reichweite Standort (Teamleitung): keine trägerweiten Anzahlen'),
      monate: z.array(
        z.object({
          monat: z.string(),
          stichtag: z.string(),
          status: status.nullable().describe('null = noch nicht erstellt'),
          datenstand: z.enum(['vorlaeufig', 'endgueltig']).describe('Datenstand nach der Wartezeit von drei Monaten'),
          lauf: z.number().nullable(),
          gebautAm: z.string().nullable(),
          personen: z.number().nullable().describe('Personen in Bedarfsgemeinschaften des Trägers (wie im Monatsbericht); null ohne Snapshot oder ohne trägerweite Sicht'),
          bg: z.number().nullable().describe('Bedarfsgemeinschaften des Trägers (wie im Monatsbericht)'),
          dauerMs: z.number().nullable(),
        }),
      ),
    }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/statistik/snapshots/:monat',
    useCase: statistikSnapshotErstellen,
    tags: ['Statistik'],
    summary: 'Snapshot eines Monats jetzt erstellen oder neu erstellen (400 Zukunft/vor den Daten, 409 statistik_endgueltig)',
    params: z.object({ monat: z.string().describe('Berichtsmonat JJJJ-MM') }),
    body: false,
    response: z.object({ monat: z.string(), stichtag: z.string(), status: z.enum(['vorlaeufig', 'endgueltig']), lauf: z.number(), personen: z.number(), bg: z.number(), dauerMs: z.number(), fortgesetzt: z.boolean() }),
  });
  // ---- Einstellungen und Bezugsgrößen (H6)
  const einstellungen = z.object({
    stichtagTag: z.number().nullable().describe('Tag des Monats 1–28; null = letzter Kalendertag'),
    land: z.string().nullable().describe('Land (BW … TH) für die Bundesbeteiligung an den KdU'),
    landName: z.string().nullable(),
    kleinzahlGrenze: z.number().describe('Zahlen von 1 bis unter diesem Wert erscheinen in Exporten zur Veröffentlichung als *'),
    version: z.number().describe('0 = noch nie gespeichert'),
    updatedAt: z.string().nullable(),
  });
  apiRoute(app, ctx, { method: 'GET', url: '/api/statistik/einstellungen', useCase: statistikEinstellungen, tags: ['Statistik'], summary: 'Einstellungen der Statistik: Stichtag, Land, Kleinzahlgrenze', response: einstellungen });
  apiRoute(app, ctx, {
    method: 'PUT',
    url: '/api/statistik/einstellungen',
    useCase: einstellungenAendern,
    tags: ['Statistik'],
    summary: 'Einstellungen der Statistik ändern (Version 0 beim ersten Speichern; 409 bei veralteter Version)',
    body: z.object({ stichtagTag: z.number().int().min(1).max(28).nullable(), land: z.string().max(2).nullable(), kleinzahlGrenze: z.number().int().min(0).max(20), version: z.number().int() }),
    response: einstellungen,
  });
  const bezugsgroesse = z.object({
    id: z.string(),
    art: z.enum(BEZUGSGROESSE_ARTEN),
    kommuneId: z.string().nullable().describe('null = der ganze Träger'),
    gueltigAbMonat: z.string().describe('Berichtsmonat JJJJ-MM, ab dem der Wert gilt'),
    wert: z.number(),
    quelle: z.string(),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/bezugsgroessen',
    useCase: bezugsgroessen,
    tags: ['Statistik'],
    summary: 'Bezugsgrößen der Quoten (zivile Erwerbspersonen, Bevölkerung bis zur Altersgrenze) je Träger und Kommune',
    response: z.object({
      bezugsgroessen: z.array(bezugsgroesse.extend({ kommune: z.string().nullable(), createdAt: z.string() })),
      kommunen: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/statistik/bezugsgroessen',
    useCase: bezugsgroesseAnlegen,
    tags: ['Statistik'],
    summary: 'Bezugsgröße eintragen: gilt ab dem Berichtsmonat bis zum nächsten Eintrag (409 bezugsgroesse_besteht; 400 für einen Monat mit endgültigen Zahlen)',
    status: 201,
    body: z.object({ art: z.enum(BEZUGSGROESSE_ARTEN), kommuneId: z.string().uuid().nullable(), gueltigAbMonat: z.string().max(7), wert: z.number().int().min(1), quelle: z.string().min(1).max(300) }),
    response: bezugsgroesse,
  });
}
