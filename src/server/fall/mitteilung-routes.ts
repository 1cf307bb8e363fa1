import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../use-case.ts';
import type { AppContext } from '../context.ts';
import { aenderungSchema, mitteilungAnwenden } from './mitteilung-anwenden.ts';
import { mitteilungVorbereiten } from './mitteilung-vorbereiten.ts';

const params = z.object({ id: z.string().max(100).describe('Fallakte (UUID)'), antragId: z.string().max(100).describe('Veränderungsmitteilung (Antrag, UUID)') });
const tags = ['Anträge und Arbeitsvorrat'];

/**
 * JSON API of a portal Veränderungsmitteilung: the prepared Fallakte changes (same use cases as the page
 * /faelle/:id/mitteilungen/:antragId) and applying them with one confirmation.
 */
export function registerMitteilungRoutes(app: FastifyInstance, ctx: AppContext) {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/faelle/:id/mitteilungen/:antragId',
    useCase: mitteilungVorbereiten,
    tags,
    summary: 'Veränderungsmitteilung aus dem Bürgerportal mit vorbereiteten Änderungen der Fallakte (liest nur; vorschlaege[] haben die Form der Änderungen, die POST erwartet)',
    params,
    response: z.object({
      bg: z.object({ id: z.string(), fallnummer: z.string(), version: z.number() }),
      antrag: z.object({ id: z.string(), version: z.number(), antragsdatum: z.string(), status: z.string() }),
      veraenderungsart: z.string().nullable(),
      angewendet: z.object({ am: z.string(), vonId: z.string(), vonName: z.string(), aenderungen: z.number() }).nullable(),
      antworten: z.record(z.string(), z.unknown()).describe('Angaben der Bürgerin / des Bürgers'),
      vorschlaege: z.array(z.record(z.string(), z.unknown())),
      hinweise: z.array(z.string()),
    }),
    present: (m) => ({ bg: m.bg, antrag: m.antrag, veraenderungsart: m.veraenderungsart, angewendet: m.angewendet, antworten: m.antworten, vorschlaege: m.vorschlaege, hinweise: m.hinweise }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle/:id/mitteilungen/:antragId',
    useCase: mitteilungAnwenden,
    tags,
    summary: 'Geprüfte Änderungen einer Veränderungsmitteilung in die Fallakte übernehmen (eine Transaktion; Fehler einer Änderung unter body.aenderungen.<Nr>.<Feld>)',
    params,
    body: z.strictObject({
      version: z.number().int().min(1).describe('gelesene Version der Fallakte'),
      antragVersion: z.number().int().min(1).describe('gelesene Version des Antrags'),
      aenderungen: z.array(aenderungSchema).max(20),
    }),
    response: z.object({
      version: z.number().describe('neue Version der Fallakte'),
      aenderungen: z.number(),
      dokumente: z.object({ uebernommen: z.array(z.object({ id: z.string(), titel: z.string(), dateiname: z.string() })), ausstehend: z.array(z.object({ id: z.string(), dateiname: z.string() })) }),
    }),
  });
}
