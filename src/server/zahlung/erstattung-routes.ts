import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../schemas/grenzen.ts';
import { errorSchema } from '../auth/routes.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { aendereAufrechnung } from './aendere-aufrechnung.ts';
import { bucheZahlungseingang } from './buche-zahlungseingang.ts';
import { erklaereAufrechnung } from './erklaere-aufrechnung.ts';
import { erlasseErstattungsforderung } from './erlasse-erstattungsforderung.ts';
import { ladeErstattungsforderung, listeErstattungsforderungen } from './erstattungsforderungen.ts';
import { stundeErstattungsforderung } from './stunde-erstattungsforderung.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const security = [{ sitzung: [] }];
const angemeldet = async (req: FastifyRequest) => {
  requireActor(req);
};
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
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/erstattungsforderungen',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Erstattungsforderungen der eigenen Standorte',
        querystring: z.object({ stand: z.enum(['offen', 'erledigt']).optional(), fallnummer: z.string().max(40).optional() }),
        response: { 200: z.object({ forderungen: z.array(forderungSchema) }), ...errors },
      },
    },
    async (req) => ({ forderungen: await listeErstattungsforderungen({ ctx, actor: requireActor(req), filter: req.query }) }),
  );

  api.get(
    '/api/erstattungsforderungen/:id',
    { preValidation: angemeldet, schema: { tags, security, summary: 'Erstattungsforderung mit Verlauf', params: idParams, response: { 200: forderungSchema, ...errors } } },
    async (req) => ladeErstattungsforderung({ ctx, actor: requireActor(req), id: req.params.id }),
  );

  api.post(
    '/api/erstattungsforderungen/:id/zahlungen',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Zahlungseingang buchen (auch Teilzahlung)',
        params: idParams,
        body: z.object({ betragCent: z.number().int(), datum: z.string().max(10), version: z.number().int() }),
        response: { 200: forderungSchema, ...errors },
      },
    },
    async (req) => bucheZahlungseingang({ ctx, actor: requireActor(req), id: req.params.id, input: req.body }),
  );

  api.post(
    '/api/erstattungsforderungen/:id/stundung',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Stundung bzw. Ratenzahlung vereinbaren',
        params: idParams,
        body: z.object({ bis: z.string().max(10), ratenCent: z.number().int().optional(), grund: z.string().max(1000).optional(), version: z.number().int() }),
        response: { 200: forderungSchema, ...errors },
      },
    },
    async (req) => stundeErstattungsforderung({ ctx, actor: requireActor(req), id: req.params.id, input: req.body }),
  );

  api.post(
    '/api/erstattungsforderungen/:id/erlass',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Erlass (§ 44 SGB II, ganz oder teilweise) oder Niederschlagung mit Begründung',
        params: idParams,
        body: z.object({ art: z.enum(['erlass', 'niederschlagung']), betragCent: z.number().int().optional(), grund: z.string().max(1000), version: z.number().int() }),
        response: { 200: forderungSchema, ...errors },
      },
    },
    async (req) => erlasseErstattungsforderung({ ctx, actor: requireActor(req), id: req.params.id, input: req.body }),
  );

  api.post(
    '/api/erstattungsforderungen/:id/aufrechnung',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Aufrechnung gegen die laufende Leistung einer Person erklären (§ 43 SGB II, mit Aufrechnungsbescheid)',
        params: idParams,
        body: z.object({
          personId: uuid('Die Person'),
          ab: z.string().max(7).describe('erster Monat JJJJ-MM'),
          tatbestand: z
            .enum(['vorlaeufig', 'einkommen', 'sonstige'])
            .optional()
            .describe('vorlaeufig/einkommen: 10 %, sonstige: 30 % des Regelbedarfs; ist die Herkunft der Forderung gespeichert, gilt sie (abweichend → 400 tatbestand_abweichend)'),
          grund: z.string().max(2000),
          anhoerungAm: z.string().max(10).nullable().optional().describe('Tag der Anhörung (§ 24 Abs. 1 SGB X), JJJJ-MM-TT'),
          anhoerungAusnahme: z.enum(['nr7']).nullable().optional().describe('statt Anhörung: § 24 Abs. 2 Nr. 7 SGB X (Forderung unter 70 €)'),
          version: z.number().int(),
        }),
        response: {
          201: z.object({
            aufrechnung: aufrechnungSchema,
            bescheid: z.object({ id: z.string(), art: z.string(), datum: z.string(), zustellung: z.enum(['postfach', 'post']) }),
            ersterBetragCent: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await erklaereAufrechnung({ ctx, actor: requireActor(req), id: req.params.id, input: req.body })),
  );

  api.post(
    '/api/erstattungsforderungen/:id/aufrechnungen/:aufrechnungId/status',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Aufrechnung aussetzen (z. B. Widerspruch, § 86a Abs. 1 SGG), fortsetzen oder beenden (z. B. Forderung aufgehoben)',
        params: z.object({ id: z.string().max(100), aufrechnungId: z.string().max(100) }),
        body: z.object({ aktion: z.enum(['aussetzen', 'fortsetzen', 'beenden']), grund: z.string().max(2000), version: z.number().int() }),
        response: { 200: aufrechnungSchema, ...errors },
      },
    },
    async (req) => aendereAufrechnung({ ctx, actor: requireActor(req), forderungId: req.params.id, aufrechnungId: req.params.aufrechnungId, input: req.body }),
  );
}
