import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { MAX_DATEIGROESSE } from '../dokumente/virenscan.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http.ts';
import { seiteRendern } from '../seite.ts';
import { apiRoute } from '../use-case.ts';
import { anhoerungPdfLaden } from './anhoerung-pdf.ts';
import { anhoerungStand } from './anhoerung-stand.ts';
import { antwortDateiOeffnen } from './antwort-datei.ts';
import { anhoerungVersenden, anhoerungVersendenSchema } from './anhoerung-versenden.ts';
import { antwortErfassen, antwortErfassenSchema } from './antwort-erfassen.ts';
import { portalAnhoerungAnsehen, portalAnhoerungPdf } from './portal-anhoerung-ansehen.ts';
import { portalAnhoerungBeantworten } from './portal-anhoerung-beantworten.ts';
import { portalAnhoerungen } from './portal-anhoerungen.ts';
import { pdfSenden } from './pdf-senden.ts';

const TAGS = ['Fordern: Anhörung'];
const PORTAL = ['Bürgerportal'];
const idParams = z.object({ id: z.string() });

type Hochgeladen = { buffer: Buffer; filename: string; abgeschnitten: boolean };

/** Anhörung of a Minderungsverfahren (slice C, docs/fordern.md "Anhörung"): staff API, PDF, the citizen's API and form. */
export function registerFordernAnhoerungRoutes(app: FastifyInstance, ctx: AppContext): void {
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/fordern/verfahren/:id/anhoerung',
    useCase: anhoerungVersenden,
    tags: TAGS,
    summary: 'Anhörung versenden (§ 24 SGB X, § 31a Abs. 2 SGB II): Schreiben als PDF, Zustellung ins Postfach (Zustellungswunsch) oder per Post',
    params: idParams,
    body: anhoerungVersendenSchema.omit({ id: true }),
    response: z.object({ id: z.string(), version: z.number(), status: z.string(), frist: z.string(), zustellung: z.string() }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/fordern/verfahren/:id/anhoerung',
    useCase: anhoerungStand,
    tags: TAGS,
    summary: 'Stand der Anhörung: persönliche Anhörung nötig (Schutzpflichten 2026), Standardfrist, erwartete Minderung, Dateien der Antwort',
    params: idParams,
    response: z.object({ id: z.string(), standardFrist: z.string(), persoenlichNoetig: z.boolean() }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/fordern/verfahren/:id/antwort',
    useCase: antwortErfassen,
    tags: TAGS,
    summary: 'Antwort auf die Anhörung erfassen (per Post, persönlich, telefonisch)',
    params: idParams,
    body: antwortErfassenSchema.omit({ id: true }),
    response: z.object({ id: z.string(), version: z.number(), status: z.string() }),
  });
  app.get('/api/fordern/verfahren/:id/anhoerung.pdf', { schema: { tags: TAGS, summary: 'Anhörungsschreiben (PDF)', params: idParams, security: [{ sitzung: [] }] } }, async (req, reply) => {
    const d = await anhoerungPdfLaden.execute({ ctx, actor: req.actor, input: req.params as { id: string } });
    return pdfSenden(reply, d);
  });

  app.get('/api/fordern/verfahren/:id/antwort-dateien/:dateiId', { schema: { tags: TAGS, summary: 'Datei zur Antwort auf die Anhörung öffnen (nach sauberem Virenscan)', params: z.object({ id: z.string(), dateiId: z.string() }), security: [{ sitzung: [] }] } }, async (req, reply) => {
    const d = await antwortDateiOeffnen.execute({ ctx, actor: req.actor, input: req.params as { id: string; dateiId: string } });
    return reply
      .header('content-type', d.mime)
      .header('content-disposition', `attachment; filename="${d.dateiname.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(d.inhalt);
  });

  // ---- Bürgerportal
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/portal/anhoerungen',
    useCase: portalAnhoerungen,
    tags: PORTAL,
    summary: 'Anhörungen der eigenen Bedarfsgemeinschaft (oder als Bevollmächtigte/r: ?fuer=)',
    querystring: z.object({ fuer: z.string().optional() }),
    response: z.object({ anhoerungen: z.array(z.object({ id: z.string(), status: z.string(), frist: z.string().nullable() }).passthrough()) }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/portal/anhoerungen/:id',
    useCase: portalAnhoerungAnsehen,
    tags: PORTAL,
    summary: 'Eine Anhörung ansehen',
    params: idParams,
    querystring: z.object({ fuer: z.string().optional() }),
    response: z.object({ id: z.string(), status: z.string() }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/portal/anhoerungen/:id/antwort',
    useCase: portalAnhoerungBeantworten,
    tags: PORTAL,
    summary: 'Auf die Anhörung antworten (Text; mit Datei über das Formular /portal/anhoerungen/:id/antwort, multipart)',
    params: idParams,
    body: z.object({ text: z.string(), fuer: z.string().optional() }),
    status: 201,
    response: z.object({ id: z.string(), status: z.string(), datei: z.object({ id: z.string(), status: z.string() }).nullable() }),
  });
  app.get('/portal/anhoerungen/:id/pdf', { schema: { hide: true } }, async (req, reply) => {
    const fuer = (req.query as { fuer?: string }).fuer;
    const d = await portalAnhoerungPdf.execute({ ctx, actor: requireActor(req), input: { ...(req.params as { id: string }), ...(fuer ? { fuer } : {}) } });
    return pdfSenden(reply, d);
  });

  // The answer form with upload (multipart, works without JavaScript): back to the page with the outcome.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_DATEIGROESSE + 1, files: 1, fields: 10, fieldSize: 30000 },
      async onFile(part: MultipartFile) {
        const buffer = await part.toBuffer();
        (part as unknown as { value: Hochgeladen }).value = { buffer, filename: part.filename, abgeschnitten: part.file.truncated };
      },
    });
    scope.post('/portal/anhoerungen/:id/antwort', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireActor(req);
      const { id } = req.params as { id: string };
      const body = (req.body ?? {}) as Record<string, unknown>;
      const feld = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const fuer = feld('fuer');
      const datei = body.datei as Hochgeladen | undefined;
      const mitDatei = !!datei && Buffer.isBuffer(datei.buffer) && (datei.buffer.length > 0 || !!datei.filename);
      const json = (req.headers.accept ?? '').includes('application/json');
      const seite = (q: string) => `/portal/anhoerungen/${encodeURIComponent(id)}?${fuer ? `fuer=${encodeURIComponent(fuer)}&` : ''}${q}`;
      try {
        const r = await portalAnhoerungBeantworten.execute({
          ctx,
          actor,
          input: { id, text: feld('text'), ...(mitDatei ? { inhalt: datei!.buffer, dateiname: datei!.filename, abgeschnitten: datei!.abgeschnitten } : {}), ...(fuer ? { fuer } : {}) },
        });
        if (json) return reply.code(201).send(r);
        return reply.code(303).header('location', seite(`antwort=${r.datei?.status === 'quarantaene' ? 'quarantaene' : 'ok'}`)).send();
      } catch (err) {
        if (!json && err instanceof AppError && err.status === 400) {
          const felder = [...new Set(err.issues.map((i) => (i.path.split('.')[0] === 'datei' ? 'datei' : 'text')))].join(',') || 'text';
          // the page again with its error summary, the errors at the fields and the text kept (400) — the page's
          // action renders it (src/web/pages/portal/anhoerung.tsx, `aktion=fehler`); without web routes: redirect
          const url = `http://${req.headers.host ?? 'localhost'}/portal/anhoerungen/${encodeURIComponent(id)}${fuer ? `?fuer=${encodeURIComponent(fuer)}` : ''}`;
          const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'content-type' && k !== 'content-length') headers.set(k, v);
          const r = seiteRendern(ctx, req, reply, new Request(url, { method: 'POST', headers, body: new URLSearchParams({ aktion: 'fehler', fehler: felder, text: feld('text'), fuer }) }));
          if (r) return r;
          return reply.code(303).header('location', seite(`fehler=${felder}`)).send();
        }
        throw err;
      }
    });
  });
}
