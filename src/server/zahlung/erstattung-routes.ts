import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../use-case.ts';
import type { AppContext } from '../context.ts';
import { aufrechnungStatusAendern } from './aendere-aufrechnung.ts';
import { zahlungseingangBuchen } from './buche-zahlungseingang.ts';
import { aufrechnungErklaeren } from './erklaere-aufrechnung.ts';
import { erstattungsforderungErlassen } from './erlasse-erstattungsforderung.ts';
import { erstattungsforderungLaden } from './lade-erstattungsforderung.ts';
import { erstattungsforderungenListen } from './liste-erstattungsforderungen.ts';
import { erstattungsforderungStunden } from './stunde-erstattungsforderung.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
/** The body of a route: the use case's input without the id from the URL. */
const ohneId = <S extends z.ZodObject>(s: S) => s.omit({ id: true } as never);
const tags = ['Erstattungsforderungen'];

const aufrechnungSchema = z.object({
  id: z.string(),
  personId: z.string(),
  tatbestand: z.string().describe('vorlaeufig | einkommen | sonstige'),
  prozent: z.number().describe('Anteil des maßgebenden Regelbedarfs (§ 43 Abs. 2 S. 1 SGB II)'),
  norm: z.string(),
  abMonat: z.string(),
  bisMonat: z.string().describe('endet spätestens (§ 43 Abs. 4 S. 2 SGB II)'),
  status: z.string().describe('laufend | ausgesetzt | beendet (nur laufende zieht der Zahllauf ab)'),
  grund: z.string(),
  anhoerungAm: z.string().nullable(),
  anhoerungAusnahme: z.string().nullable(),
  version: z.number(),
  bescheidId: z.string().nullable(),
  createdAt: z.string(),
});

const forderungSchema = z.object({
  id: z.string(),
  bgId: z.string(),
  fallnummer: z.string(),
  bewilligungId: z.string().nullable(),
  bescheidId: z.string().nullable().describe('Bescheid, mit dem die Forderung festgesetzt wurde (Aufhebungs- oder Änderungsbescheid)'),
  bescheid: z.object({ id: z.string(), art: z.string(), datum: z.string() }).nullable().optional(),
  betragCent: z.number(),
  offenCent: z.number().describe('noch offener Betrag'),
  status: z.string().describe('offen | erledigt | erlassen | niedergeschlagen'),
  norm: z.string(),
  aufrechnungTatbestand: z.string().nullable().describe('Herkunft für die Aufrechnungshöhe (§ 43 Abs. 2 S. 1 SGB II); null = unbekannt'),
  monate: z.array(z.object({ monat: z.string(), betragCent: z.number() })),
  stundungBis: z.string().nullable(),
  ratenCent: z.number().nullable(),
  createdAt: z.string(),
  erledigtAt: z.string().nullable(),
  version: z.number(),
  personen: z.array(z.object({ id: z.string(), betragCent: z.number(), name: z.string().nullable().optional() })).describe('wer was schuldet'),
  aufrechnungen: z.array(aufrechnungSchema).optional(),
  vorgaenge: z
    .array(
      z.object({ id: z.string(), art: z.string(), datum: z.string(), betragCent: z.number().nullable(), stundungBis: z.string().nullable(), grund: z.string().nullable(), createdAt: z.string() }),
    )
    .optional(),
});

/** Erstattungsforderungen (§ 50 SGB X): list, Zahlungseingang, Stundung/Ratenzahlung, Erlass (§ 44 SGB II), Niederschlagung. */
export function registerErstattungRoutes(app: FastifyInstance, ctx: AppContext) {

  // The checks made inside these use cases have always answered with the bare field path (`ab`, `grund`).
  const gemeinsam = { tags, praefix: 'schema' } as const;
  apiRoute(app, ctx, {
    ...gemeinsam,
    method: 'GET',
    url: '/api/erstattungsforderungen',
    useCase: erstattungsforderungenListen,
    summary: 'Erstattungsforderungen der eigenen Standorte',
    querystring: erstattungsforderungenListen.input,
    response: z.object({ forderungen: z.array(forderungSchema) }),
    present: (forderungen) => ({ forderungen }),
  });
  apiRoute(app, ctx, { ...gemeinsam, method: 'GET', url: '/api/erstattungsforderungen/:id', useCase: erstattungsforderungLaden, summary: 'Erstattungsforderung mit Verlauf', params: idParams, response: forderungSchema });
  apiRoute(app, ctx, {
    ...gemeinsam,
    method: 'POST',
    url: '/api/erstattungsforderungen/:id/zahlungen',
    useCase: zahlungseingangBuchen,
    summary: 'Zahlungseingang buchen (auch Teilzahlung)',
    params: idParams,
    body: ohneId(zahlungseingangBuchen.input),
    response: forderungSchema,
  });
  apiRoute(app, ctx, {
    ...gemeinsam,
    method: 'POST',
    url: '/api/erstattungsforderungen/:id/stundung',
    useCase: erstattungsforderungStunden,
    summary: 'Stundung bzw. Ratenzahlung vereinbaren',
    params: idParams,
    body: ohneId(erstattungsforderungStunden.input),
    response: forderungSchema,
  });
  apiRoute(app, ctx, {
    ...gemeinsam,
    method: 'POST',
    url: '/api/erstattungsforderungen/:id/erlass',
    useCase: erstattungsforderungErlassen,
    summary: 'Erlass (§ 44 SGB II, ganz oder teilweise) oder Niederschlagung mit Begründung',
    params: idParams,
    body: ohneId(erstattungsforderungErlassen.input),
    response: forderungSchema,
  });
  apiRoute(app, ctx, {
    ...gemeinsam,
    method: 'POST',
    url: '/api/erstattungsforderungen/:id/aufrechnung',
    useCase: aufrechnungErklaeren,
    summary: 'Aufrechnung gegen die laufende Leistung einer Person erklären (§ 43 SGB II, mit Aufrechnungsbescheid)',
    params: idParams,
    body: ohneId(aufrechnungErklaeren.input),
    status: 201,
    response: z.object({
      aufrechnung: aufrechnungSchema,
      bescheid: z.object({ id: z.string(), art: z.string(), datum: z.string(), zustellung: z.enum(['postfach', 'post']) }),
      ersterBetragCent: z.number(),
    }),
  });
  apiRoute(app, ctx, {
    ...gemeinsam,
    method: 'POST',
    url: '/api/erstattungsforderungen/:id/aufrechnungen/:aufrechnungId/status',
    useCase: aufrechnungStatusAendern,
    summary: 'Aufrechnung aussetzen (z. B. Widerspruch, § 86a Abs. 1 SGG), fortsetzen oder beenden (z. B. Forderung aufgehoben)',
    params: z.object({ id: z.string().max(100), aufrechnungId: z.string().max(100) }),
    body: aufrechnungStatusAendern.input.omit({ id: true, aufrechnungId: true }),
    response: aufrechnungSchema,
  });
}
