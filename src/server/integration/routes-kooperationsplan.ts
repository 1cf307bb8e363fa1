import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { planInhaltSchema } from '../../domain/foerdern/kooperationsplan.ts';
import type { AppContext } from '../context.ts';
import { MAX_DATEIGROESSE } from '../dokumente/virenscan.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http.ts';
import { seiteRendern } from '../seite.ts';
import { apiRoute } from '../use-case.ts';
import { abstimmenSchema, kooperationsplanAbstimmen } from './kooperationsplan-abstimmen.ts';
import { entwurfAendernSchema, kooperationsplanEntwurfAendern } from './kooperationsplan-entwurf-aendern.ts';
import { entwurfAnlegenSchema, kooperationsplanEntwurfAnlegen } from './kooperationsplan-entwurf-anlegen.ts';
import { kooperationsplanFortschreiben } from './kooperationsplan-fortschreiben.ts';
import { kooperationsplanLesen } from './kooperationsplan-lesen.ts';
import { kooperationsplanNachweisHochladen } from './kooperationsplan-nachweis-hochladen.ts';
import { kooperationsplanNachweisOeffnen } from './kooperationsplan-nachweis-oeffnen.ts';
import { kooperationsplanNichtZustande } from './kooperationsplan-nicht-zustande.ts';
import { kooperationsplanPdfLaden } from './kooperationsplan-pdf.ts';
import { kooperationsplanPortal } from './kooperationsplan-portal.ts';
import { kooperationsplanPortalPdf } from './kooperationsplan-portal-pdf.ts';
import { kooperationsplanReagieren } from './kooperationsplan-portal-reagieren.ts';
import { kooperationsplanSchlichtungBeenden } from './kooperationsplan-schlichtung-beenden.ts';
import { kooperationsplanSchlichtungBeginnen, schlichtungBeginnenSchema } from './kooperationsplan-schlichtung-beginnen.ts';
import { kooperationsplanVerwaltungsakt, verwaltungsaktSchema } from './kooperationsplan-verwaltungsakt.ts';

const TAGS = ['Integration: Kooperationsplan'];
const PORTAL = ['Bürgerportal'];
const idParams = z.object({ id: z.string() });
const personParams = z.object({ personId: z.string() });
const versionBody = z.object({ version: z.number().int() });

const planAntwort = z
  .object({
    id: z.string(),
    personId: z.string(),
    bgId: z.string(),
    fassung: z.number(),
    vorgaengerId: z.string().nullable(),
    art: z.string(),
    status: z.string(),
    rechtsstand: z.string(),
    erstelltAm: z.string(),
    abgestimmtAm: z.string().nullable(),
    eingliederungsziel: z.string(),
    inhalt: planInhaltSchema,
    naechsteUeberpruefung: z.string(),
    sprache: z.string(),
    hatDokument: z.boolean(),
    reaktion: z.string().nullable(),
    reaktionAm: z.string().nullable(),
    kommentare: z.array(z.object({ am: z.string(), art: z.string(), text: z.string() })),
    dokumentVerfuegbar: z.boolean(),
    version: z.number(),
  })
  .passthrough();

const pdfSenden = (reply: FastifyReply, d: { pdf: Buffer; dateiname: string }) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${d.dateiname.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(d.pdf);

type Hochgeladen = { buffer: Buffer; filename: string; abgeschnitten: boolean };

/** Kooperationsplan (slice B2, docs/foerdern.md): staff API, the citizen's API, PDF downloads and the proof upload. */
export function registerKooperationsplanRoutes(app: FastifyInstance, ctx: AppContext): void {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/personen/:personId/kooperationsplan',
    useCase: kooperationsplanLesen,
    tags: TAGS,
    summary: 'Kooperationsplan einer Person: alle Fassungen, Schlichtungen, Nachweise und was das Recht heute erlaubt',
    params: personParams,
    response: z.object({ person: z.object({ id: z.string() }).passthrough(), plaene: z.array(planAntwort) }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/kooperationsplan',
    useCase: kooperationsplanEntwurfAnlegen,
    tags: TAGS,
    summary: 'Entwurf eines Kooperationsplans anlegen (datiert heute; Schritt vor dem Plandatum → 400 schritt_in_vergangenheit)',
    params: personParams,
    body: entwurfAnlegenSchema.omit({ personId: true }),
    status: 201,
    response: z.object({ id: z.string(), version: z.number(), fassung: z.number(), personId: z.string() }),
  });
  apiRoute(app, ctx, {
    method: 'PUT',
    url: '/api/integration/kooperationsplaene/:id',
    useCase: kooperationsplanEntwurfAendern,
    tags: TAGS,
    summary: 'Entwurf ändern',
    params: idParams,
    body: entwurfAendernSchema.omit({ id: true }),
    response: z.object({ id: z.string(), version: z.number() }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/kooperationsplaene/:id/abstimmen',
    useCase: kooperationsplanAbstimmen,
    tags: TAGS,
    summary: 'Entwurf vereinbaren: Textform-PDF, Zustellung ins Postfach (Zustellungswunsch), Wiedervorlage zur Überprüfung (Frist nach § 15 Abs. 3 SGB II)',
    params: idParams,
    body: abstimmenSchema.omit({ id: true }),
    response: z.object({ id: z.string(), version: z.number(), status: z.string(), naechsteUeberpruefung: z.string(), zustellung: z.string(), wiedervorlageId: z.string(), sprache: z.string() }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/kooperationsplaene/:id/fortschreiben',
    useCase: kooperationsplanFortschreiben,
    tags: TAGS,
    summary: 'Geltenden Plan fortschreiben (neuer Entwurf mit dessen Inhalt)',
    params: idParams,
    body: versionBody,
    status: 201,
    response: z.object({ id: z.string(), version: z.number(), fassung: z.number(), vorgaengerId: z.string() }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/kooperationsplaene/:id/nicht-zustande-gekommen',
    useCase: kooperationsplanNichtZustande,
    tags: TAGS,
    summary: 'Festhalten, dass der Plan nicht zustande gekommen ist (danach Schlichtung bis 30.6.2026, Verwaltungsakt ab 1.7.2026)',
    params: idParams,
    body: versionBody,
    response: z.object({ id: z.string(), version: z.number(), status: z.string(), folgeschritt: z.string() }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/kooperationsplaene/:id/schlichtung',
    useCase: kooperationsplanSchlichtungBeginnen,
    tags: TAGS,
    summary: 'Schlichtungsverfahren einleiten (§ 15a SGB II a.F., nur bis 30.6.2026; endet nach 4 Wochen)',
    params: idParams,
    body: schlichtungBeginnenSchema.omit({ id: true }),
    status: 201,
    response: z.object({ id: z.string(), version: z.number(), beginn: z.string(), ende: z.string(), ergebnis: z.string() }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/schlichtungen/:id/ende',
    useCase: kooperationsplanSchlichtungBeenden,
    tags: TAGS,
    summary: 'Schlichtung mit Ergebnis beenden (Einigung oder ohne Einigung)',
    params: idParams,
    body: z.object({ version: z.number().int(), ergebnis: z.enum(['einigung', 'ohne_einigung']), am: z.string().optional(), bemerkung: z.string().optional() }),
    response: z.object({ id: z.string(), version: z.number(), ergebnis: z.string(), ende: z.string() }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/kooperationsplaene/:id/verwaltungsakt',
    useCase: kooperationsplanVerwaltungsakt,
    tags: TAGS,
    summary: 'Pflichten durch Verwaltungsakt festlegen (ab 1.7.2026, wenn kein Plan zustande kam; PDF mit Rechtsfolgen- und Rechtsbehelfsbelehrung)',
    params: idParams,
    body: verwaltungsaktSchema.omit({ id: true }),
    status: 201,
    response: z.object({ id: z.string(), version: z.number(), fassung: z.number(), art: z.string(), zustellung: z.string(), wiedervorlageId: z.string(), naechsteUeberpruefung: z.string() }),
  });
  app.get('/api/integration/kooperationsplaene/:id/pdf', { schema: { tags: TAGS, summary: 'Dokument (PDF) eines vereinbarten Plans oder Verwaltungsakts', params: idParams, security: [{ sitzung: [] }] } }, async (req, reply) => {
    const d = await kooperationsplanPdfLaden.execute({ ctx, actor: req.actor, input: req.params as { id: string } });
    return pdfSenden(reply, d);
  });

  app.get('/api/integration/eigenbemuehungen/:id/datei', { schema: { tags: TAGS, summary: 'Hochgeladenen Nachweis der Eigenbemühungen öffnen (nach sauberem Virenscan)', params: idParams, security: [{ sitzung: [] }] } }, async (req, reply) => {
    const d = await kooperationsplanNachweisOeffnen.execute({ ctx, actor: req.actor, input: req.params as { id: string } });
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
    url: '/api/portal/kooperationsplan',
    useCase: kooperationsplanPortal,
    tags: PORTAL,
    summary: 'Geltende Kooperationspläne der eigenen Bedarfsgemeinschaft (oder als Bevollmächtigte/r: ?fuer=)',
    querystring: z.object({ fuer: z.string().optional() }),
    response: z.object({ plaene: z.array(planAntwort.extend({ name: z.string(), schlichtungBis: z.string().nullable() })) }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/portal/kooperationsplaene/:id/reaktion',
    useCase: kooperationsplanReagieren,
    tags: PORTAL,
    summary: 'Auf den Kooperationsplan antworten: bestätigen, Anmerkung oder Schlichtung verlangen (nur bis 30.6.2026)',
    params: idParams,
    body: z.object({ reaktion: z.enum(['bestaetigt', 'kommentar', 'schlichtung']), text: z.string().optional() }),
    response: z.object({ id: z.string(), reaktion: z.string(), schlichtung: z.object({ id: z.string(), beginn: z.string(), ende: z.string() }).nullable() }),
  });
  app.get('/portal/kooperationsplan/:id/pdf', { schema: { hide: true } }, async (req, reply) => {
    const fuer = (req.query as { fuer?: string }).fuer;
    const d = await kooperationsplanPortalPdf.execute({ ctx, actor: requireActor(req), input: { ...(req.params as { id: string }), ...(fuer ? { fuer } : {}) } });
    return pdfSenden(reply, d);
  });

  // The proof upload (multipart, works without JavaScript): back to the page with the outcome.
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
    scope.post('/portal/kooperationsplan/nachweis', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireActor(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const feld = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const fuer = feld('fuer');
      const id = feld('id');
      // the page names its fields per plan (`monat_<id>` …) so that several plans keep unique field ids
      const wert = (k: string) => feld(`${k}_${id}`) || feld(k);
      const zurueck = (q: string) => `/portal/kooperationsplan?${fuer ? `fuer=${encodeURIComponent(fuer)}&` : ''}${q}&plan=${encodeURIComponent(id)}#nachweis-${encodeURIComponent(id)}`;
      const datei = (body[`datei_${id}`] ?? body.datei) as Hochgeladen | undefined;
      const json = (req.headers.accept ?? '').includes('application/json');
      // a wrong entry: the page again with its error summary and the errors at the fields (400), the entries kept —
      // the page's action renders it (src/web/pages/portal/kooperationsplan.tsx, `aktion=nachweis`)
      const formularMitFehlern = async (fehlerFelder: string[]) => {
        const seite = new URLSearchParams({ aktion: 'nachweis', id, fuer, monat: wert('monat'), anzahl: wert('anzahl'), fehler: [...new Set(fehlerFelder)].join(',') });
        const url = `http://${req.headers.host ?? 'localhost'}/portal/kooperationsplan${fuer ? `?fuer=${encodeURIComponent(fuer)}` : ''}`;
        const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'content-type' && k !== 'content-length') headers.set(k, v);
        const r = seiteRendern(ctx, req, reply, new Request(url, { method: 'POST', headers, body: seite }));
        if (r) return r;
        return reply.code(303).header('location', zurueck(`nachweis=eingabe&felder=${[...new Set(fehlerFelder)].join(',')}`)).send();
      };
      if (!datei || !Buffer.isBuffer(datei.buffer) || (datei.buffer.length === 0 && !datei.filename)) {
        if (json) throw new AppError('validation_failed', 400, 'Bitte wählen Sie eine Datei aus.', [{ path: 'datei', code: 'keine_datei', message: 'Bitte wählen Sie eine Datei aus.' }]);
        return formularMitFehlern(['datei']);
      }
      try {
        const r = await kooperationsplanNachweisHochladen.execute({
          ctx,
          actor,
          input: { id, monat: wert('monat'), anzahl: wert('anzahl'), inhalt: datei.buffer, dateiname: datei.filename, abgeschnitten: datei.abgeschnitten, ...(fuer ? { fuer } : {}) },
        });
        if (json) return reply.code(r.status === 'abgelehnt' ? 422 : 201).send(r);
        return reply.code(303).header('location', zurueck(`nachweis=${r.status}`)).send();
      } catch (err) {
        if (!json && err instanceof AppError && err.status === 400) {
          const felder = err.issues.map((i) => i.path.split('.')[0]).filter((p): p is string => p === 'monat' || p === 'anzahl');
          return formularMitFehlern(felder.length ? felder : ['monat', 'anzahl']);
        }
        throw err;
      }
    });
  });
}
