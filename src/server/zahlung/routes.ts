import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../schemas/grenzen.ts';
import { errorSchema } from '../auth/routes.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { kostenbericht } from '../kosten/kostenbericht.ts';
import { aendereKduRichtwertAb } from '../verwaltung/kdu-richtwert-ab.ts';
import { beendeKduRichtwert } from '../verwaltung/kdu-richtwert-beenden.ts';
import { aendereKduRichtwert, legeKduRichtwertAn, listeKduRichtwerte } from '../verwaltung/kdu-richtwerte.ts';
import { ladeEinstellungen, speichereEinstellungen } from '../verwaltung/traeger-einstellungen.ts';
import { zahllaeufe, zahllaufDatei } from './zahllaeufe.ts';
import { zahllauf } from './zahllauf.ts';
import { zahlungenDesLaufs, zahlungenDesLaufsCsv, zahlungenFilterSchema } from './zahlungen-des-laufs.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
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
    async (req) => ({ zahllaeufe: await zahllaeufe({ ctx, actor: requireActor(req) }) }),
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
      const d = await zahllaufDatei({ ctx, actor: requireActor(req), id: req.params.id });
      return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${d.dateiname}"`).send(d.xml);
    },
  );

  const zahlungSchema = z.object({
    id: z.string(),
    bgId: z.string(),
    fallnummer: z.string(),
    name: z.string().describe('Kontoinhaber/in (Empfänger der Überweisung)'),
    art: z.enum(['laufend', 'nachzahlung']),
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
        description: 'Filter: name (Teil des Namens), monat (Leistungsmonat JJJJ-MM), art (laufend | nachzahlung), betragVon/betragBis (Euro). 400 validation_failed bei ungültigem Filter.',
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
    async (req) => kostenbericht({ ctx, actor: requireActor(req), monat: req.query.monat }),
  );

  api.get(
    '/api/admin/kdu-richtwerte',
    {
      preValidation: angemeldet,
      schema: {
        tags: ['Verwaltung'],
        security,
        summary: 'KdU-Richtwerte je Kommune und Haushaltsgröße',
        response: { 200: z.object({ kommunen: z.array(z.object({ id: z.string(), name: z.string() })), richtwerte: z.array(kduSchema.extend({ kommune: z.string() })) }), ...errors },
      },
    },
    async (req) => listeKduRichtwerte({ ctx, actor: requireActor(req) }),
  );

  api.post(
    '/api/admin/kdu-richtwerte',
    { preValidation: angemeldet, schema: { tags: ['Verwaltung'], security, summary: 'KdU-Richtwert anlegen (409 bei überschneidendem Zeitraum)', body: kduBody, response: { 201: kduSchema, ...errors } } },
    async (req, reply) => reply.code(201).send(await legeKduRichtwertAn({ ctx, actor: requireActor(req), input: req.body })),
  );

  api.put(
    '/api/admin/kdu-richtwerte/:id',
    { preValidation: angemeldet, schema: { tags: ['Verwaltung'], security, summary: 'KdU-Richtwert ändern (mit Version)', params: idParams, body: kduBody.extend({ version: z.number().int() }), response: { 200: kduSchema, ...errors } } },
    async (req) => {
      const { version, ...input } = req.body;
      return aendereKduRichtwert({ ctx, actor: requireActor(req), id: req.params.id, version, input });
    },
  );

  api.post(
    '/api/admin/kdu-richtwerte/:id/neuer-wert',
    {
      preValidation: angemeldet,
      schema: {
        tags: ['Verwaltung'],
        security,
        summary: 'Neuer KdU-Richtwert ab einem Datum: der bisherige endet am Vortag, der neue gilt bis zum bisherigen Ende',
        description: 'Fehler: 400 datum_ausserhalb (Datum nicht innerhalb der bisherigen Gültigkeit), 409 version_conflict, 409 zeitraum_ueberschneidung.',
        params: idParams,
        body: z.object({ ab: z.string().max(10), bruttokaltmieteCent: z.number().int(), heizkostenCent: z.number().int(), version: z.number().int() }),
        response: { 201: z.object({ beendet: kduSchema, neu: kduSchema }), ...errors },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      return reply.code(201).send(await aendereKduRichtwertAb({ ctx, actor: requireActor(req), id: req.params.id, version, input }));
    },
  );

  api.post(
    '/api/admin/kdu-richtwerte/:id/beenden',
    {
      preValidation: angemeldet,
      schema: {
        tags: ['Verwaltung'],
        security,
        summary: 'KdU-Richtwert beenden (letzter Tag der Gültigkeit; 409 bei Überschneidung mit dem folgenden Richtwert)',
        params: idParams,
        body: z.object({ bis: z.string().max(10), version: z.number().int() }),
        response: { 200: kduSchema, ...errors },
      },
    },
    async (req) => beendeKduRichtwert({ ctx, actor: requireActor(req), id: req.params.id, version: req.body.version, bis: req.body.bis }),
  );

  const einstellungenSchema = z.object({
    vierAugenRegeln: regelnSchema,
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    kontoinhaber: z.string().nullable(),
    updatedAt: z.string().nullable().describe('null, solange der Träger nichts gespeichert hat (dann gelten die Standardregeln)'),
    version: z.number(),
  });
  api.get(
    '/api/admin/traeger-einstellungen',
    { preValidation: angemeldet, schema: { tags: ['Verwaltung'], security, summary: 'Vier-Augen-Regeln und Konto des Trägers', response: { 200: einstellungenSchema, ...errors } } },
    async (req) => ladeEinstellungen({ ctx, actor: requireActor(req) }),
  );
  api.put(
    '/api/admin/traeger-einstellungen',
    {
      preValidation: angemeldet,
      schema: {
        tags: ['Verwaltung'],
        security,
        summary: 'Vier-Augen-Regeln und Konto des Trägers speichern (Version 0 beim ersten Speichern)',
        body: z.object({ vierAugenRegeln: regelnSchema, iban: z.string().max(40), bic: z.string().max(11).nullable().optional(), kontoinhaber: z.string().max(70), version: z.number().int() }),
        response: { 200: einstellungenSchema, ...errors },
      },
    },
    async (req) => speichereEinstellungen({ ctx, actor: requireActor(req), input: req.body }),
  );
}
