import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AUSTRITTSGRUENDE, BUDGET_TITEL, INSTRUMENTE, KOSTENARTEN_PLATZ, TEILNAHME_STATUS } from '../../domain/foerdern/typen.ts';
import type { AppContext } from '../context.ts';
import { apiErrorSchema, apiRoute } from '../use-case.ts';
import { genehmigungenAuflisten } from './genehmigungen-auflisten.ts';
import { kontingentAendern } from './kontingent-aendern.ts';
import { kontingentAnlegen } from './kontingent-anlegen.ts';
import { massnahmeAendern } from './massnahme-aendern.ts';
import { massnahmeAktivSetzen } from './massnahme-aktiv-setzen.ts';
import { massnahmeAnlegen } from './massnahme-anlegen.ts';
import { massnahmeLesen } from './massnahme-lesen.ts';
import { massnahmeTeilnehmer, teilnehmerCsv } from './massnahme-teilnehmer.ts';
import { massnahmenAuflisten } from './massnahmen-auflisten.ts';
import { teilnahmeAustritt } from './teilnahme-austritt.ts';
import { teilnahmeBescheinigen } from './teilnahme-bescheinigen.ts';
import { teilnahmeDokument } from './teilnahme-dokument.ts';
import { teilnahmeEintritt } from './teilnahme-eintritt.ts';
import { teilnahmeGenehmigen } from './teilnahme-genehmigen.ts';
import { teilnahmeStornieren } from './teilnahme-stornieren.ts';
import { teilnahmeVorschlagen } from './teilnahme-vorschlagen.ts';
import { teilnahmeZuweisen } from './teilnahme-zuweisen.ts';
import { teilnahmenPerson } from './teilnahmen-person.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const personParams = z.object({ personId: z.string().max(100).describe('Person (UUID)') });
const security = [{ sitzung: [] }];
const fehlerAntworten = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

const kontingent = z.object({
  id: z.string(),
  standortId: z.string(),
  standortName: z.string(),
  gueltigVon: z.string(),
  gueltigBis: z.string().nullable(),
  plaetze: z.number(),
  belegt: z.number(),
  frei: z.number(),
  wartend: z.number(),
  laeuft: z.boolean().describe('gilt heute oder später'),
  version: z.number(),
});
const massnahme = z.object({
  id: z.string(),
  bezeichnung: z.string(),
  instrument: z.enum(INSTRUMENTE),
  instrumentText: z.string(),
  norm: z.string(),
  anbieter: z.string(),
  beschreibung: z.string().nullable(),
  regeldauerTage: z.number().nullable(),
  kostenJePlatzCent: z.number(),
  kostenart: z.enum(KOSTENARTEN_PLATZ),
  titel: z.enum(BUDGET_TITEL),
  aktiv: z.boolean(),
  zaehltAlsMassnahme: z.boolean().describe('zählt heute als Maßnahme der aktiven Arbeitsförderung (Kennzahlen)'),
  zuordnungVersion: z.string(),
  kontingente: z.array(kontingent),
  freiePlaetze: z.number(),
  version: z.number(),
});
const massnahmeRoh = z.object({ id: z.string(), bezeichnung: z.string(), instrument: z.enum(INSTRUMENTE), aktiv: z.boolean(), version: z.number() });
const kontingentRoh = z.object({ id: z.string(), massnahmeId: z.string(), standortId: z.string(), gueltigVon: z.string(), gueltigBis: z.string().nullable(), plaetze: z.number(), version: z.number() });
const teilnahme = z.object({
  id: z.string(),
  massnahmeId: z.string(),
  massnahme: z.string(),
  instrument: z.enum(INSTRUMENTE),
  instrumentText: z.string(),
  anbieter: z.string(),
  kontingentId: z.string(),
  standortId: z.string(),
  standortName: z.string(),
  personId: z.string(),
  name: z.string(),
  bgId: z.string(),
  fallnummer: z.string(),
  status: z.enum(TEILNAHME_STATUS),
  statusText: z.string(),
  platzNr: z.number().nullable(),
  geplantVon: z.string(),
  geplantBis: z.string(),
  vorgeschlagenAm: z.string(),
  zugewiesenAm: z.string().nullable(),
  mitRechtsfolgenbelehrung: z.boolean(),
  hatZuweisungsschreiben: z.boolean(),
  eintrittAm: z.string().nullable(),
  austrittAm: z.string().nullable(),
  austrittsgrund: z.enum(AUSTRITTSGRUENDE).nullable(),
  austrittsgrundText: z.string().nullable(),
  teilnahmebescheinigungAm: z.string().nullable(),
  erwarteteKostenCent: z.number(),
  genehmigt: z.boolean(),
  begruendung: z.string().nullable(),
  zuschussStufen: z.array(z.object({ von: z.string(), bis: z.string(), prozent: z.number() })),
  version: z.number(),
});
const zuweisungErgebnis = z.object({
  id: z.string(),
  personId: z.string(),
  status: z.enum(['zugewiesen', 'warteliste', 'wartet_auf_genehmigung', 'abgelehnt']),
  platzNr: z.number().nullable(),
  meldung: z.string(),
  fehlend: z.array(z.object({ haushaltsjahr: z.number(), freiCent: z.number(), benoetigtCent: z.number() })).describe('Jahre, in denen das freie Budget nicht reicht'),
});
const warteliste = z.object({ teilnahmeId: z.string(), personId: z.string(), name: z.string() }).nullable().describe('Erste Person auf der Warteliste, der der frei gewordene Platz angeboten werden kann');

/**
 * Maßnahmen catalogue (Träger level), Kontingente and the Teilnahme lifecycle (docs/foerdern.md). Rights:
 * massnahmen.lesen / massnahmen.verwalten (Träger), integration.lesen / integration.bearbeiten within the person's
 * Standort, zuweisung.genehmigen (teamleitung) for Zuweisungen over the free budget.
 */
export function registerMassnahmenRoutes(app: FastifyInstance, ctx: AppContext) {
  const katalog = ['Fördern: Maßnahmen'];
  const lebenslauf = ['Fördern: Teilnahmen'];

  apiRoute(app, ctx, { method: 'GET', url: '/api/integration/massnahmen', useCase: massnahmenAuflisten, tags: katalog, summary: 'Maßnahmenprogramm des Trägers mit freien Plätzen je Standort', querystring: z.object({ nurAktiv: z.string().optional() }), response: z.object({ massnahmen: z.array(massnahme) }), present: (l) => ({ massnahmen: l }) });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/massnahmen', useCase: massnahmeAnlegen, tags: katalog, summary: 'Maßnahme ins Programm aufnehmen', status: 201, response: massnahmeRoh });
  apiRoute(app, ctx, { method: 'GET', url: '/api/integration/massnahmen/:id', useCase: massnahmeLesen, tags: katalog, summary: 'Eine Maßnahme mit ihren Kontingenten', params: idParams, response: massnahme.extend({ standorte: z.array(z.object({ id: z.string(), name: z.string() })).describe('nur mit massnahmen.verwalten: Standorte für ein neues Kontingent') }) });
  apiRoute(app, ctx, { method: 'PUT', url: '/api/integration/massnahmen/:id', useCase: massnahmeAendern, tags: katalog, summary: 'Maßnahme ändern', params: idParams, response: massnahmeRoh });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/massnahmen/:id/aktiv', useCase: massnahmeAktivSetzen, tags: katalog, summary: 'Maßnahme aus dem Programm nehmen (aktiv=false) oder wieder aufnehmen', params: idParams, response: massnahmeRoh });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/massnahmen/:massnahmeId/kontingente', useCase: kontingentAnlegen, tags: katalog, summary: 'Plätze je Standort und Zeitraum (Kontingent) anlegen', params: z.object({ massnahmeId: z.string().max(100) }), status: 201, response: kontingentRoh });
  apiRoute(app, ctx, { method: 'PUT', url: '/api/integration/kontingente/:id', useCase: kontingentAendern, tags: katalog, summary: 'Zahl der Plätze oder Ende eines Kontingents ändern', params: idParams, response: kontingentRoh });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/massnahmen/:id/teilnehmende',
    useCase: massnahmeTeilnehmer,
    tags: katalog,
    summary: 'Teilnehmendenliste einer Maßnahme für den Maßnahmeträger (nur Personen der eigenen Standorte)',
    params: idParams,
    querystring: z.object({ status: z.enum(TEILNAHME_STATUS).optional() }),
    input: (req) => ({ ...(req.query as object), ...(req.params as object), format: 'json' }),
    response: z.object({ massnahme: z.object({ id: z.string(), bezeichnung: z.string(), anbieter: z.string() }), teilnehmer: z.array(teilnahme.extend({ geburtsdatum: z.string().nullable() })) }),
  });
  app.get(
    '/api/integration/massnahmen/:id/teilnehmende.csv',
    { schema: { tags: katalog, security, summary: 'Teilnehmendenliste als CSV (Semikolon, UTF-8)', params: idParams, response: fehlerAntworten } },
    async (req, reply) => {
      const r = await massnahmeTeilnehmer.execute({ ctx, actor: req.actor, input: { ...(req.params as object), ...(req.query as object), format: 'csv' } });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="teilnehmende-${r.massnahme.id.slice(0, 8)}.csv"`)
        .header('cache-control', 'no-store')
        .send(teilnehmerCsv(r));
    },
  );

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/personen/:personId/teilnahmen',
    useCase: teilnahmenPerson,
    tags: lebenslauf,
    summary: 'Teilnahmen einer Person und die Maßnahmen, die ihr vorgeschlagen werden können',
    params: personParams,
    response: z.object({
      person: z.object({ id: z.string(), vorname: z.string(), nachname: z.string(), bgId: z.string(), fallnummer: z.string(), standortId: z.string() }),
      teilnahmen: z.array(teilnahme),
      angebote: z.array(kontingent.extend({ kontingentId: z.string(), massnahmeId: z.string(), bezeichnung: z.string(), instrument: z.enum(INSTRUMENTE), anbieter: z.string(), regeldauerTage: z.number().nullable() })),
      heute: z.string(),
    }),
  });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/personen/:personId/teilnahmen', useCase: teilnahmeVorschlagen, tags: lebenslauf, summary: 'Maßnahme vorschlagen (Vorschlag)', params: personParams, status: 201, response: z.object({ id: z.string(), status: z.literal('vorschlag'), geplantBis: z.string(), endeGekappt: z.boolean().describe('ohne angegebenes Ende: Regeldauer auf das Ende des Kontingents gekürzt') }) });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/teilnahmen/:id/zuweisung', useCase: teilnahmeZuweisen, tags: lebenslauf, summary: 'Zuweisen (auch von der Warteliste): Höchstdauer, Budget, Platz, Mittelbindung, Schreiben; sonst Warteliste oder Genehmigung', params: idParams, response: zuweisungErgebnis });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/teilnahmen/:id/genehmigung', useCase: teilnahmeGenehmigen, tags: lebenslauf, summary: 'Zuweisung über dem freien Budget genehmigen oder ablehnen (Teamleitung)', params: idParams, response: zuweisungErgebnis });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/teilnahmen/:id/eintritt', useCase: teilnahmeEintritt, tags: lebenslauf, summary: 'Eintritt erfassen (Arbeitsmarktstatus folgt)', params: idParams, response: z.object({ id: z.string(), personId: z.string(), status: z.literal('eingetreten'), zaehltAlsMassnahme: z.boolean(), statusFolge: z.string().nullable() }) });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/teilnahmen/:id/austritt',
    useCase: teilnahmeAustritt,
    tags: lebenslauf,
    summary: 'Austritt mit Grund erfassen (Platz frei, Mittel freigeben, Status folgt)',
    params: idParams,
    response: z.object({ id: z.string(), personId: z.string(), status: z.literal('ausgetreten'), statusFolge: z.string().nullable(), weiter: z.string().nullable().describe('bei Arbeitsaufnahme: Formular „Integration erfassen“'), wartelisteErster: warteliste }),
  });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/teilnahmen/:id/bescheinigung', useCase: teilnahmeBescheinigen, tags: lebenslauf, summary: 'Teilnahmebescheinigung ausstellen (Datum)', params: idParams, response: z.object({ id: z.string(), personId: z.string(), teilnahmebescheinigungAm: z.string() }) });
  apiRoute(app, ctx, { method: 'POST', url: '/api/integration/teilnahmen/:id/storno', useCase: teilnahmeStornieren, tags: lebenslauf, summary: 'Teilnahme vor dem Eintritt stornieren (Platz und Mittel frei)', params: idParams, response: z.object({ id: z.string(), personId: z.string(), status: z.enum(['storniert', 'abgelehnt']), wartelisteErster: warteliste }) });
  for (const art of ['zuweisung', 'bescheinigung'] as const) {
    app.get(
      `/api/integration/teilnahmen/:id/${art}.pdf`,
      {
        schema: {
          tags: lebenslauf,
          security,
          summary: art === 'zuweisung' ? 'Zuweisungsschreiben als PDF (wie bei der Zuweisung erstellt)' : 'Teilnahmebescheinigung als PDF',
          params: idParams,
          response: fehlerAntworten,
        },
      },
      async (req, reply) => {
        const r = await teilnahmeDokument.execute({ ctx, actor: req.actor, input: { ...(req.params as object), art } });
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${r.dateiname}"`).header('cache-control', 'no-store').send(r.pdf);
      },
    );
  }
  apiRoute(app, ctx, { method: 'GET', url: '/api/integration/genehmigungen', useCase: genehmigungenAuflisten, tags: lebenslauf, summary: 'Zuweisungen, die auf die Genehmigung der Teamleitung warten', response: z.object({
      teilnahmen: z.array(
        teilnahme.extend({
          budget: z.object({ titel: z.string(), titelText: z.string(), jahre: z.array(z.object({ haushaltsjahr: z.number(), benoetigtCent: z.number(), freiCent: z.number() })) }).nullable().describe('Budget-Titel und je Haushaltsjahr benötigter und freier Betrag'),
        }),
      ),
    }),
    present: (l) => ({ teilnahmen: l }),
  });
}
