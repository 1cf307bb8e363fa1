import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NACHFRAGE_TEXT } from '../../domain/foerdern/integration.ts';
import { INTEGRATIONSARTEN, NACHHALTIGKEIT_ERGEBNISSE } from '../../domain/foerdern/typen.ts';
import type { AppContext } from '../context.ts';
import { apiRoute } from '../use-case.ts';
import { beschaeftigungBeenden } from './integration-beenden.ts';
import { integrationErfassen } from './integration-erfassen.ts';
import { nachhaltigkeitErfassen } from './integration-nachhaltigkeit.ts';
import { integrationenLesen } from './integrationen-lesen.ts';

const tags = ['Fördern: Integrationen'];

const integrationSchema = z.object({
  id: z.string(),
  personId: z.string(),
  bgId: z.string(),
  art: z.enum(INTEGRATIONSARTEN),
  artText: z.string(),
  beginn: z.string(),
  ende: z.string().nullable(),
  laeuft: z.boolean(),
  arbeitgeber: z.string(),
  wochenstunden: z.number(),
  erwartetesBruttoCent: z.number().nullable(),
  erwartetesNettoCent: z.number().nullable(),
  svPflichtig: z.boolean(),
  zaehlart: z.enum(['integration', 'minijob', 'oeffentlich_gefoerdert']),
  gezaehlt: z.boolean().describe('zählt als Integration (höchstens eine je Person und Monat)'),
  zaehlungText: z.string(),
  teilnahmeId: z.string().nullable(),
  antragId: z.string().nullable().describe('Veränderungsmitteilung (Kanal intern) für die Leistungssachbearbeitung'),
  wiedervorlageId: z.string().nullable(),
  nachhaltigkeitAm: z.string().nullable(),
  nachhaltigkeitErgebnis: z.enum(NACHHALTIGKEIT_ERGEBNISSE).nullable(),
  bemerkung: z.string().nullable(),
  erfasstVon: z.string(),
  version: z.number(),
});

const personParams = z.object({ personId: z.string().max(100).describe('Person (UUID)') });
const idParams = z.object({ id: z.string().max(100).describe('Beschäftigungsaufnahme (UUID)') });

/** JSON API of the job starts (same use cases as the page /integration/personen/:personId/integrationen). */
export function registerIntegrationenRoutes(app: FastifyInstance, ctx: AppContext) {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/personen/:personId/integrationen',
    useCase: integrationenLesen,
    tags,
    summary: `Beschäftigungsaufnahmen einer Person mit Zählung (Integration, Minijob, öffentlich gefördert) und offenen Nachfragen (${NACHFRAGE_TEXT})`,
    params: personParams,
    response: z.object({
      person: z.object({ id: z.string(), vorname: z.string(), nachname: z.string(), mitgliedSeit: z.string().nullable() }),
      bg: z.object({ id: z.string(), standortId: z.string(), fallnummer: z.string() }),
      heute: z.string(),
      integrationen: z.array(
        integrationSchema.extend({
          nachhaltigkeitOffen: z.object({ wiedervorlageId: z.string(), faelligAm: z.string(), faellig: z.boolean(), zugewiesenName: z.string().nullable() }).nullable(),
        }),
      ),
    }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/integrationen',
    useCase: integrationErfassen,
    tags,
    status: 201,
    summary:
      `Beschäftigungsaufnahme erfassen: Integration, Statusfolge, Veränderungsmitteilung (Kanal intern) an die Leistungssachbearbeitung und Wiedervorlage (${NACHFRAGE_TEXT}) – in einer Transaktion`,
    params: personParams,
    body: z.object({
      art: z.enum(INTEGRATIONSARTEN),
      beginn: z.string().describe('JJJJ-MM-TT'),
      arbeitgeber: z.string().max(200),
      wochenstunden: z.number().describe('Wochenstunden, > 0 und ≤ 60 (eine Nachkommastelle)'),
      erwartetesBruttoCent: z.number().int().nullable().optional(),
      erwartetesNettoCent: z.number().int().nullable().optional(),
      teilnahmeId: z.string().nullable().optional().describe('Maßnahme-Teilnahme, deren Austritt (Arbeitsaufnahme) hierher führt'),
      bemerkung: z.string().max(2000).nullable().optional(),
    }),
    response: z.object({
      integration: integrationSchema,
      antrag: z.object({ id: z.string(), bgId: z.string() }),
      wiedervorlage: z.object({ id: z.string(), faelligAm: z.string(), zugewiesenAn: z.string() }),
      statusHinweis: z.string().nullable(),
    }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/integrationen/:id/nachhaltigkeit',
    useCase: nachhaltigkeitErfassen,
    tags,
    summary: `Ergebnis erfassen (${NACHFRAGE_TEXT}: noch beschäftigt / nicht mehr / unbekannt); erledigt die Wiedervorlage`,
    params: idParams,
    body: z.object({
      ergebnis: z.enum(NACHHALTIGKEIT_ERGEBNISSE),
      am: z.string().optional().describe('JJJJ-MM-TT, Standard: heute'),
      bemerkung: z.string().max(2000).nullable().optional(),
      version: z.number().int().min(1),
    }),
    response: integrationSchema,
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/integrationen/:id/ende',
    useCase: beschaeftigungBeenden,
    tags,
    summary: 'Beschäftigungsperiode beenden (letzter Tag); das Ende des Einkommens geht als Veränderungsmitteilung an die Leistungssachbearbeitung',
    params: idParams,
    body: z.object({ ende: z.string().describe('JJJJ-MM-TT'), leistungInformieren: z.boolean().optional(), version: z.number().int().min(1) }),
    response: z.object({ integration: integrationSchema, antragId: z.string().nullable() }),
  });
}
