import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withIssuePrefix } from '../admin/common.ts';
import { errorSchema } from '../auth/routes.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { aenderungSchema, mitteilungAnwenden } from './mitteilung-anwenden.ts';
import { mitteilungVorbereiten } from './mitteilung-vorbereiten.ts';

const params = z.object({ id: z.string().max(100).describe('Fallakte (UUID)'), antragId: z.string().max(100).describe('Veränderungsmitteilung (Antrag, UUID)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const security = [{ sitzung: [] }];
const tags = ['Anträge und Arbeitsvorrat'];
const angemeldet = async (req: FastifyRequest) => {
  requireActor(req);
};

/**
 * JSON API of a portal Veränderungsmitteilung: the prepared Fallakte changes (same use cases as the page
 * /faelle/:id/mitteilungen/:antragId) and applying them with one confirmation.
 */
export function registerMitteilungRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/faelle/:id/mitteilungen/:antragId',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Veränderungsmitteilung aus dem Bürgerportal mit vorbereiteten Änderungen der Fallakte',
        description: 'Liest nur. vorschlaege[] haben die Form der Änderungen, die POST erwartet (Personen oder Kommune ggf. leer: dann auswählen).',
        params,
        response: {
          200: z.object({
            bg: z.object({ id: z.string(), fallnummer: z.string(), version: z.number() }),
            antrag: z.object({ id: z.string(), version: z.number(), antragsdatum: z.string(), status: z.string() }),
            veraenderungsart: z.string().nullable(),
            angewendet: z.object({ am: z.string(), vonId: z.string(), vonName: z.string(), aenderungen: z.number() }).nullable(),
            antworten: z.record(z.string(), z.unknown()).describe('Angaben der Bürgerin / des Bürgers'),
            vorschlaege: z.array(z.record(z.string(), z.unknown())),
            hinweise: z.array(z.string()),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const m = await mitteilungVorbereiten({ ctx, actor: requireActor(req), bgId: req.params.id, antragId: req.params.antragId });
      return { bg: m.bg, antrag: m.antrag, veraenderungsart: m.veraenderungsart, angewendet: m.angewendet, antworten: m.antworten, vorschlaege: m.vorschlaege, hinweise: m.hinweise };
    },
  );
  api.post(
    '/api/faelle/:id/mitteilungen/:antragId',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Geprüfte Änderungen einer Veränderungsmitteilung in die Fallakte übernehmen (eine Transaktion)',
        description:
          'Alle Änderungen oder keine; Fehler einer Änderung stehen unter issues[].path "body.aenderungen.<Nr>.<Feld>". 409 schon_angewendet, 409 version_conflict (Fallakte oder Antrag).',
        params,
        body: z.strictObject({
          version: z.number().int().min(1).describe('gelesene Version der Fallakte'),
          antragVersion: z.number().int().min(1).describe('gelesene Version des Antrags'),
          aenderungen: z.array(aenderungSchema).max(20),
        }),
        response: {
          200: z.object({
            version: z.number().describe('neue Version der Fallakte'),
            aenderungen: z.number(),
            dokumente: z.object({ uebernommen: z.array(z.object({ id: z.string(), titel: z.string(), dateiname: z.string() })), ausstehend: z.array(z.object({ id: z.string(), dateiname: z.string() })) }),
          }),
          ...errors,
        },
      },
    },
    async (req) =>
      withIssuePrefix('body.aenderungen', () =>
        mitteilungAnwenden({ ctx, actor: requireActor(req), bgId: req.params.id, antragId: req.params.antragId, version: req.body.version, antragVersion: req.body.antragVersion, aenderungen: req.body.aenderungen }),
      ),
  );
}
