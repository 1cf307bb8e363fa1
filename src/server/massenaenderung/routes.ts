import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema as errorSchema } from '../use-case.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { massenaenderungErgebnisCsv } from './ergebnis-csv.ts';
import { ERGEBNIS_FILTER, massenaenderungErgebnis } from './ergebnis.ts';
import { setzeLaufendeFort, warteAufWorker } from './runner.ts';
import { massenaenderungDetail, massenaenderungen, starteMassenaenderung, steuereMassenaenderung } from './steuerung.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const security = [{ sitzung: [] }];
const angemeldet = async (req: FastifyRequest) => {
  requireActor(req);
};
const jobSchema = z.object({
  id: z.string(),
  ab: z.string(),
  grund: z.string(),
  auswahl: z.enum(['alle', 'fortgeschrieben']).describe('alle laufenden Bewilligungen | nur Bewilligungen mit fortgeschriebenen Monaten'),
  status: z.string().describe('laufend | pausiert | fertig | abgebrochen'),
  gesamt: z.number(),
  verarbeitet: z.number(),
  geaendert: z.number(),
  bescheide: z.number(),
  fehler: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  version: z.number(),
});

/** Massenänderung: start, progress, pause/resume/cancel (issue 4, item 8). Jobs left running resume at start. */
export function registerMassenaenderungRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Massenänderung'];
  app.addHook('onReady', async () => {
    await setzeLaufendeFort(ctx).catch(() => {});
  });
  app.addHook('onClose', async () => {
    await warteAufWorker();
  });

  api.get(
    '/api/massenaenderungen',
    { preValidation: angemeldet, schema: { tags, security, summary: 'Massenänderungen mit Fortschritt', response: { 200: z.object({ massenaenderungen: z.array(jobSchema) }), ...errors } } },
    async (req) => ({ massenaenderungen: await massenaenderungen({ ctx, actor: requireActor(req) }) }),
  );
  api.post(
    '/api/massenaenderungen',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Massenänderung ab Datum starten (läuft im Hintergrund; Änderungsbescheide, wo sich ein Betrag ändert)',
        body: z.object({
          ab: z.string().max(10),
          grund: z.string().max(300),
          auswahl: z
            .enum(['alle', 'fortgeschrieben'])
            .optional()
            .describe('Standard alle; fortgeschrieben: nur Bewilligungen mit Monaten ab „ab“, die nach dem letzten bekannten Rechtsstand fortgeschrieben berechnet sind (Tag der neuen Werte)'),
        }),
        response: { 202: jobSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(202).send(await starteMassenaenderung({ ctx, actor: requireActor(req), input: req.body })),
  );
  api.get(
    '/api/massenaenderungen/:id',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Fortschritt und geänderte Fälle',
        params: idParams,
        response: {
          200: jobSchema.extend({ faelle: z.array(z.object({ bgId: z.string(), fallnummer: z.string(), differenzCent: z.number(), bescheidId: z.string().nullable(), fehler: z.string().nullable() })) }),
          ...errors,
        },
      },
    },
    async (req) => massenaenderungDetail({ ctx, actor: requireActor(req), id: req.params.id }),
  );
  const filterQuery = z.enum(ERGEBNIS_FILTER as ['alle', 'geaendert', 'fehler']).default('alle').describe('alle | geaendert | fehler');
  api.get(
    '/api/massenaenderungen/:id/faelle',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Ergebnis: bearbeitete Fälle seitenweise (Standard 50 je Seite) mit Monatsbetrag bisher/neu, Differenz und Änderungsbescheid',
        params: idParams,
        querystring: z.object({ filter: filterQuery, seite: z.coerce.number().int().min(1).max(1_000_000).default(1), proSeite: z.coerce.number().int().min(1).max(500).default(50) }),
        response: {
          200: z.object({
            job: jobSchema,
            zahlen: z.object({ alle: z.number(), geaendert: z.number(), unveraendert: z.number(), fehler: z.number(), differenzCent: z.number(), bescheideErstellt: z.number(), pdfsFertig: z.number() }),
            filter: z.string(),
            seite: z.number(),
            seiten: z.number(),
            proSeite: z.number(),
            treffer: z.number(),
            faelle: z.array(
              z.object({
                bgId: z.string(),
                fallnummer: z.string(),
                geaendert: z.boolean(),
                fehler: z.string().nullable(),
                differenzCent: z.number(),
                monat: z.string().nullable(),
                altCent: z.number().nullable(),
                neuCent: z.number().nullable(),
                bescheidId: z.string().nullable(),
                bescheidErstellt: z.boolean(),
                pdfFertig: z.boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => massenaenderungErgebnis.execute({ ctx, actor: requireActor(req), input: { ...req.query, id: req.params.id } }),
  );
  api.get(
    '/api/massenaenderungen/:id/faelle.csv',
    { preValidation: angemeldet, schema: { tags, security, summary: 'Ergebnis als CSV (Semikolon, UTF-8)', params: idParams, querystring: z.object({ filter: filterQuery }) } },
    async (req, reply) => {
      const d = await massenaenderungErgebnisCsv({ ctx, actor: requireActor(req), id: req.params.id, filter: req.query.filter });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${d.dateiname}"`).send(d.csv);
    },
  );
  api.post(
    '/api/massenaenderungen/:id/:aktion',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Massenänderung pausieren, fortsetzen oder abbrechen',
        params: z.object({ id: z.string().max(100), aktion: z.enum(['pausieren', 'fortsetzen', 'abbrechen']) }),
        response: { 200: jobSchema, ...errors },
      },
    },
    async (req) => steuereMassenaenderung({ ctx, actor: requireActor(req), id: req.params.id, aktion: req.params.aktion }),
  );
}
