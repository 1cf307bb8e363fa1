import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../schemas/grenzen.ts';
import { apiErrorSchema as errorSchema } from '../use-case.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { kostenbericht } from '../kosten/kostenbericht.ts';
import { apiRoute } from '../use-case.ts';
import { kduRichtwertAbAendern } from '../verwaltung/kdu-richtwert-ab.ts';
import { kduRichtwertAendern } from '../verwaltung/kdu-richtwert-aendern.ts';
import { kduRichtwertAnlegen } from '../verwaltung/kdu-richtwert-anlegen.ts';
import { kduRichtwertBeenden } from '../verwaltung/kdu-richtwert-beenden.ts';
import { kduRichtwerteAuflisten } from '../verwaltung/kdu-richtwerte-auflisten.ts';
import { traegerEinstellungenLaden } from '../verwaltung/traeger-einstellungen-laden.ts';
import { traegerEinstellungenSpeichern } from '../verwaltung/traeger-einstellungen-speichern.ts';
import { zahllaeufe } from './zahllaeufe.ts';
import { zahllaufDatei } from './zahllauf-datei.ts';
import { zahllauf } from './zahllauf.ts';
import { zahlungenDesLaufs, zahlungenDesLaufsCsv, zahlungenFilterSchema } from './zahlungen-des-laufs.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
/** Body fields plus the id from the URL (the URL wins). */
const mitId = (req: FastifyRequest) => ({ ...(req.body && typeof req.body === 'object' ? req.body : {}), id: (req.params as { id: string }).id });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const security = [{ sitzung: [] }];
const angemeldet = async (req: FastifyRequest) => {
  requireActor(req);
};
const monat = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bitte einen Monat im Format JJJJ-MM angeben.');

const laufSchema = z.object({
  id: z.string(),
  zahlmonat: z.string(),
  nr: z.number(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  anzahl: z.number(),
  summeCent: z.number(),
  hatDatei: z.boolean(),
});
const zurueckSchema = z.array(z.object({ bgId: z.string(), code: z.string(), message: z.string() }));
const betragJeKommune = z.array(z.object({ kommuneId: z.string(), name: z.string(), betragCent: z.number() }));
const berichtSchema = z.object({
  von: z.string(),
  bis: z.string(),
  gesamtCent: z.number(),
  bundCent: z.number(),
  kommunalCent: z.number(),
  jeKostenart: z.record(z.string(), z.number()),
  unterkunftJeKommune: betragJeKommune,
  unterkunftKreisCent: z.number(),
  kommunalJeKommune: betragJeKommune,
  anzahlBedarfsgemeinschaften: z.number(),
});
const kduSchema = z.object({
  id: z.string(),
  kommuneId: z.string(),
  haushaltsgroesse: z.number(),
  bruttokaltmieteCent: z.number(),
  heizkostenCent: z.number(),
  gueltigVon: z.string(),
  gueltigBis: z.string().nullable(),
  version: z.number(),
});
const kduBody = z.object({
  kommuneId: uuid('Die Kommune'),
  haushaltsgroesse: z.number().int(),
  bruttokaltmieteCent: z.number().int(),
  heizkostenCent: z.number().int(),
  gueltigVon: z.string().max(10),
  gueltigBis: z.string().max(10).nullable().optional(),
});
const regelnSchema = z.object({
  nachzahlungAbCent: z.number().int().nullable(),
  monatsbetragAbCent: z.number().int().nullable(),
  erstattungAbCent: z.number().int().nullable(),
  ablehnung: z.boolean(),
  aufhebung: z.boolean(),
  erstbewilligung: z.boolean(),
});

/** Zahllauf and SEPA file, Kostenbericht, KdU-Richtwerte and Träger settings (issue 4, items 5–7). */
export function registerZahlungRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/zahllaeufe',
    { preValidation: angemeldet, schema: { tags: ['Zahlung'], security, summary: 'Übersicht der Zahlläufe (ohne Bankdaten)', response: { 200: z.object({ zahllaeufe: z.array(laufSchema.extend({ zurueckgestellt: z.number() })) }), ...errors } } },
    async (req) => ({ zahllaeufe: await zahllaeufe.execute({ ctx, actor: requireActor(req), input: {} }) }),
  );

  api.post(
    '/api/zahllaeufe',
    {
      preValidation: angemeldet,
      schema: {
        tags: ['Zahlung'],
        security,
        summary: 'Zahllauf für einen Monat ausführen (zahlt den Folgemonat, § 42 Abs. 1, und offene Nachzahlungen)',
        description: 'Idempotent: ein zweiter Lauf zahlt nichts doppelt; ein abgebrochener Lauf wird fortgesetzt. Fehler: 409 traeger_konto_fehlt.',
        body: z.object({ zahlmonat: monat }),
        response: {
          200: z.object({ lauf: laufSchema.extend({ zurueckgestellt: zurueckSchema }).nullable(), zahlmonat: z.string(), leistungsmonat: z.string(), neu: z.number(), bereitsErledigt: z.number(), zurueckgestellt: zurueckSchema }),
          ...errors,
        },
      },
    },
    async (req) => {
      const r = await zahllauf({ ctx, actor: requireActor(req), zahlmonat: req.body.zahlmonat });
      return { ...r, zurueckgestellt: r.zurueckgestellt.map((x) => ({ bgId: x.bgId, code: x.code, message: x.message })) };
    },
  );

  api.get(
    '/api/zahllaeufe/:id/pain001',
    { preValidation: angemeldet, schema: { tags: ['Zahlung'], security, summary: 'SEPA-Überweisungsdatei (pain.001.001.09) des Zahllaufs', params: idParams } },
    async (req, reply) => {
      const d = await zahllaufDatei.execute({ ctx, actor: requireActor(req), input: { id: req.params.id } });
      return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${d.dateiname}"`).send(d.xml);
    },
  );

  const zahlungSchema = z.object({
    id: z.string(),
    bgId: z.string(),
    fallnummer: z.string(),
    name: z.string().describe('Kontoinhaber/in (Empfänger der Überweisung)'),
    art: z
      .enum(['laufend', 'nachzahlung', 'eingliederung', 'kdu_empfaenger'])
      .describe('eingliederung: Förderleistung aus dem Eingliederungsbudget (Einstiegsgeld, Mehraufwandsentschädigung, Vermittlungsbudget); kdu_empfaenger: Kosten der Unterkunft an Vermieter oder anderen Empfänger (§ 22 Abs. 7, § 7b Abs. 4 SGB II)'),
    leistungsmonat: z.string(),
    betragCent: z.number(),
    aufrechnungCent: z.number(),
    iban: z.string().describe('maskiert: nur Ländercode und die letzten vier Zeichen'),
  });
  api.get(
    '/api/zahllaeufe/:id/zahlungen',
    {
      preValidation: angemeldet,
      schema: {
        tags: ['Zahlung'],
        security,
        summary: 'Zahlungen eines Zahllaufs (seitenweise, filterbar; IBAN maskiert)',
        description: 'Filter: name (Teil des Namens), monat (Leistungsmonat JJJJ-MM), art (laufend | nachzahlung | eingliederung | kdu_empfaenger), betragVon/betragBis (Euro). 400 validation_failed bei ungültigem Filter.',
        params: idParams,
        querystring: zahlungenFilterSchema,
        response: {
          200: z.object({
            lauf: z.object({ id: z.string(), zahlmonat: z.string(), nr: z.number(), status: z.string(), anzahl: z.number(), summeCent: z.number(), hatDatei: z.boolean() }),
            monate: z.array(z.string()),
            filter: z.object({ name: z.string(), monat: z.string(), art: z.string(), betragVon: z.string(), betragBis: z.string() }),
            treffer: z.number(),
            summeCent: z.number(),
            seite: z.number(),
            seiten: z.number(),
            zahlungen: z.array(zahlungSchema),
          }),
          ...errors,
        },
      },
    },
    async (req) => zahlungenDesLaufs({ ctx, actor: requireActor(req), id: req.params.id, filter: req.query }),
  );
  api.get(
    '/api/zahllaeufe/:id/zahlungen.csv',
    { preValidation: angemeldet, schema: { tags: ['Zahlung'], security, summary: 'Zahlungen eines Zahllaufs als CSV (Semikolon, UTF-8; IBAN maskiert)', params: idParams, querystring: zahlungenFilterSchema } },
    async (req, reply) => {
      const d = await zahlungenDesLaufsCsv({ ctx, actor: requireActor(req), id: req.params.id, filter: req.query });
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${d.dateiname}"`)
        .send(d.csv);
    },
  );

  api.get(
    '/api/kosten',
    {
      preValidation: angemeldet,
      schema: {
        tags: ['Kosten'],
        security,
        summary: 'Kostenbericht: Monat und Jahr bis Monat (gesamt, Bund, KdU je Kommune und Kreis), aus den Buchungen',
        querystring: z.object({ monat }),
        response: {
          200: z.object({
            monat: z.string(),
            imMonat: berichtSchema,
            bisMonat: berichtSchema,
            aufrechnung: z
              .object({ imMonatCent: z.number(), bisMonatCent: z.number() })
              .describe('Einnahmen aus Aufrechnung (§ 43 SGB II): einbehalten, nicht überwiesen; die Ausgaben sind brutto'),
          }),
          ...errors,
        },
      },
    },
    async (req) => kostenbericht.execute({ ctx, actor: requireActor(req), input: req.query }),
  );

  // Verwaltung (src/server/verwaltung): issues found inside the use case keep the bare field path ('ab', 'iban').
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/admin/kdu-richtwerte',
    useCase: kduRichtwerteAuflisten,
    tags: ['Verwaltung'],
    summary: 'KdU-Richtwerte je Kommune und Haushaltsgröße',
    response: z.object({ kommunen: z.array(z.object({ id: z.string(), name: z.string() })), richtwerte: z.array(kduSchema.extend({ kommune: z.string() })) }),
    input: () => ({}),
    praefix: 'schema',
  });
  apiRoute(app, ctx, { method: 'POST', url: '/api/admin/kdu-richtwerte', useCase: kduRichtwertAnlegen, tags: ['Verwaltung'], summary: 'KdU-Richtwert anlegen (409 bei überschneidendem Zeitraum)', status: 201, body: kduBody, response: kduSchema, praefix: 'schema' });
  apiRoute(app, ctx, {
    method: 'PUT',
    url: '/api/admin/kdu-richtwerte/:id',
    useCase: kduRichtwertAendern,
    tags: ['Verwaltung'],
    summary: 'KdU-Richtwert ändern (mit Version)',
    params: idParams,
    body: kduBody.extend({ version: z.number().int() }),
    response: kduSchema,
    input: mitId,
    praefix: 'schema',
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/admin/kdu-richtwerte/:id/neuer-wert',
    useCase: kduRichtwertAbAendern,
    tags: ['Verwaltung'],
    summary: 'Neuer KdU-Richtwert ab einem Datum: der bisherige endet am Vortag, der neue gilt bis zum bisherigen Ende',
    params: idParams,
    body: z.object({ ab: z.string().max(10), bruttokaltmieteCent: z.number().int(), heizkostenCent: z.number().int(), version: z.number().int() }),
    status: 201,
    response: z.object({ beendet: kduSchema, neu: kduSchema }),
    input: mitId,
    praefix: 'schema',
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/admin/kdu-richtwerte/:id/beenden',
    useCase: kduRichtwertBeenden,
    tags: ['Verwaltung'],
    summary: 'KdU-Richtwert beenden (letzter Tag der Gültigkeit; 409 bei Überschneidung mit dem folgenden Richtwert)',
    params: idParams,
    body: z.object({ bis: z.string().max(10), version: z.number().int() }),
    response: kduSchema,
    input: mitId,
    praefix: 'schema',
  });

  const einstellungenSchema = z.object({
    vierAugenRegeln: regelnSchema,
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    kontoinhaber: z.string().nullable(),
    minderungEntscheider: z.enum(['integration', 'leistung']).describe('Wer über Minderungen entscheidet (Fordern, docs/fordern.md)'),
    minderungVierAugen: z.enum(['nie', 'wegfall', 'immer']).describe('Vier-Augen-Regel für Minderungsbescheide'),
    updatedAt: z.string().nullable().describe('null, solange der Träger nichts gespeichert hat (dann gelten die Standardregeln)'),
    version: z.number(),
  });
  apiRoute(app, ctx, { method: 'GET', url: '/api/admin/traeger-einstellungen', useCase: traegerEinstellungenLaden, tags: ['Verwaltung'], summary: 'Vier-Augen-Regeln und Konto des Trägers', response: einstellungenSchema, input: () => ({}), praefix: 'schema' });
  apiRoute(app, ctx, {
    method: 'PUT',
    url: '/api/admin/traeger-einstellungen',
    useCase: traegerEinstellungenSpeichern,
    tags: ['Verwaltung'],
    summary: 'Vier-Augen-Regeln und Konto des Trägers speichern (Version 0 beim ersten Speichern)',
    body: z.object({ vierAugenRegeln: regelnSchema, iban: z.string().max(40), bic: z.string().max(11).nullable().optional(), kontoinhaber: z.string().max(70), version: z.number().int() }),
    response: einstellungenSchema,
    praefix: 'schema',
  });
}
