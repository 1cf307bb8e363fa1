import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema as errorSchema } from '../use-case.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { MAX_DATEIGROESSE } from '../dokumente/virenscan.ts';
import { ladeDokumentHoch, oeffneDatei } from './dokumente.ts';
import { entwurfLaden } from './entwurf-laden.ts';
import { schreibeNachricht } from './nachricht-schreiben.ts';
import { AppError } from '../errors.ts';

type Hochgeladen = { buffer: Buffer; filename: string; abgeschnitten: boolean };

/**
 * Bürgerportal routes outside the page router: the document upload (multipart, only in this scope) and file
 * downloads, plus a small JSON API for drafts. Pages live in src/web/pages/portal/.
 */
export function registerPortalRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_DATEIGROESSE + 1, files: 1, fields: 10, fieldSize: 1000 },
      async onFile(part: MultipartFile) {
        const buffer = await part.toBuffer();
        (part as unknown as { value: Hochgeladen }).value = { buffer, filename: part.filename, abgeschnitten: part.file.truncated };
      },
    });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post('/portal/antrag/:id/dokumente', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireActor(req);
      const { id } = req.params as { id: string };
      const body = (req.body ?? {}) as Record<string, unknown>;
      const datei = body.datei as Hochgeladen | undefined;
      const ziel = `/portal/antrag/${encodeURIComponent(id)}/absenden`;
      if (!datei || !Buffer.isBuffer(datei.buffer) || (datei.buffer.length === 0 && !datei.filename)) {
        return reply.code(303).header('location', `${ziel}?hochgeladen=keine_datei`).send();
      }
      const r = await ladeDokumentHoch({
        ctx,
        actor,
        entwurfId: id,
        inhalt: datei.buffer,
        dateiname: datei.filename,
        abgeschnitten: datei.abgeschnitten,
        ...(typeof body.nachweis === 'string' ? { nachweis: body.nachweis } : {}),
      });
      const code = r.status === 'abgelehnt' ? r.code : r.status;
      if ((req.headers.accept ?? '').includes('application/json')) return reply.code(r.status === 'abgelehnt' ? 422 : 201).send(r);
      return reply.code(303).header('location', `${ziel}?hochgeladen=${code}#hochladen`).send();
    });

    // Postfach: a message to the Jobcenter with an optional attachment (multipart, works without JavaScript).
    api.post('/portal/postfach/senden', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireActor(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const fuer = typeof body.fuer === 'string' && body.fuer ? body.fuer : undefined;
      const datei = body.datei as Hochgeladen | undefined;
      const zurueck = `/portal/postfach${fuer ? `?fuer=${encodeURIComponent(fuer)}&` : '?'}`;
      if (datei?.abgeschnitten) return reply.code(303).header('location', `${zurueck}fehler=datei_zu_gross`).send();
      try {
        await schreibeNachricht({
          ctx,
          actor,
          fuer,
          betreff: typeof body.betreff === 'string' ? body.betreff : '',
          text: typeof body.text === 'string' ? body.text : '',
          anhang: datei && datei.buffer.length > 0 && !datei.abgeschnitten ? { inhalt: datei.buffer, dateiname: datei.filename } : undefined,
        });
      } catch (err) {
        if (err instanceof AppError && (err.status === 400 || err.status === 422)) {
          const code = err.status === 422 ? err.code : 'eingabe';
          return reply.code(303).header('location', `${zurueck}fehler=${code}`).send();
        }
        throw err;
      }
      return reply.code(303).header('location', `${zurueck}gesendet=1`).send();
    });

    api.get('/portal/dateien/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireActor(req);
      const { id } = req.params as { id: string };
      const d = await oeffneDatei({ ctx, actor, id });
      return reply
        .header('content-type', d.mime)
        .header('content-disposition', `attachment; filename="${d.dateiname.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(d.inhalt);
    });

    api.get(
      '/api/portal/entwuerfe/:id',
      {
        schema: {
          tags: ['Bürgerportal'],
          summary: 'Antragsentwurf lesen (eigener oder als Bevollmächtigte/r)',
          params: z.object({ id: z.string() }),
          response: {
            200: z.object({ id: z.string(), flowId: z.string(), status: z.string(), antragsdatum: z.string().nullable(), aktuellerSchritt: z.string().nullable(), daten: z.record(z.string(), z.unknown()) }),
            401: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const v = await entwurfLaden.execute({ ctx, actor, input: { id: req.params.id } });
        return { id: v.entwurf.id, flowId: v.entwurf.flowId, status: v.entwurf.status, antragsdatum: v.entwurf.antragsdatum, aktuellerSchritt: v.entwurf.aktuellerSchritt, daten: v.daten };
      },
    );
  });
}
