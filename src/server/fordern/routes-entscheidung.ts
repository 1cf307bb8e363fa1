import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { apiRoute } from '../use-case.ts';
import { fordernEinstellungenSchema, fordernEinstellungenSpeichern } from '../verwaltung/fordern-einstellungen.ts';
import { aufhebenSchema, fordernAufheben } from './aufheben.ts';
import { fordernBescheidPdf } from './bescheid-pdf.ts';
import { entscheidenSchema, fordernEntscheiden } from './entscheiden.ts';
import { fordernEntscheidungAnsehen } from './entscheidung-ansehen.ts';
import { fordernFreigeben, freigebenSchema } from './freigeben.ts';
import { portalMinderungsbescheidPdf } from './portal-minderungsbescheid-pdf.ts';
import { fordernVorzeitigBeenden, vorzeitigBeendenSchema } from './vorzeitig-beenden.ts';
import { pdfSenden } from './pdf-senden.ts';

const TAGS = ['Fordern: Entscheidung'];
const idParams = z.object({ id: z.string() });
const stand = z.object({ id: z.string(), version: z.number(), status: z.string() }).passthrough();

/** Fordern slice D (docs/fordern.md "Entscheidung und Bescheid"): decision, Vier-Augen, Bescheid, early end, Aufhebung, settings. */
export function registerFordernEntscheidungRoutes(app: FastifyInstance, ctx: AppContext): void {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/fordern/verfahren/:id/entscheidung',
    useCase: fordernEntscheidungAnsehen,
    tags: TAGS,
    summary: 'Entscheidung eines Minderungsverfahrens: gespeicherte Würdigung und Stufe, Vorschlag für heute, Rechte, festgestellte Minderung',
    params: idParams,
    response: z.object({ id: z.string(), status: z.string(), version: z.number() }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/fordern/verfahren/:id/entscheidung',
    useCase: fordernEntscheiden,
    tags: TAGS,
    summary: 'Entscheiden: Würdigung wichtiger Grund und Härte; keine Minderung → eingestellt; sonst Stufe, Vier-Augen oder Minderungsbescheid (409 version_conflict, anhoerung_offen, feststellungsfrist_abgelaufen; 403 nicht_entscheidungsberechtigt)',
    params: idParams,
    body: entscheidenSchema.omit({ id: true }),
    response: stand,
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/fordern/verfahren/:id/freigabe',
    useCase: fordernFreigeben,
    tags: TAGS,
    summary: 'Minderung nach dem Vier-Augen-Prinzip freigeben (eine andere Person als die entscheidende; 409 eigene_entscheidung_freigeben)',
    params: idParams,
    body: freigebenSchema.omit({ id: true }),
    response: stand,
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/fordern/verfahren/:id/vorzeitiges-ende',
    useCase: fordernVorzeitigBeenden,
    tags: TAGS,
    summary: 'Minderung vorzeitig beenden, weil die Person die Pflicht erfüllt hat (frühestens nach einem Monat)',
    params: idParams,
    body: vorzeitigBeendenSchema.omit({ id: true }),
    response: stand,
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/fordern/verfahren/:id/aufhebung',
    useCase: fordernAufheben,
    tags: TAGS,
    summary: 'Minderung aufheben (Widerspruch stattgegeben, Rücknahme): Nachzahlung im nächsten Zahllauf',
    params: idParams,
    body: aufhebenSchema.omit({ id: true }),
    response: stand,
  });
  app.get('/api/fordern/verfahren/:id/bescheid.pdf', { schema: { tags: TAGS, summary: 'Minderungsbescheid (PDF)', params: idParams, security: [{ sitzung: [] }] } }, async (req, reply) => {
    const d = await fordernBescheidPdf.execute({ ctx, actor: requireActor(req), input: req.params });
    return pdfSenden(reply, d);
  });
  app.get('/portal/minderungsbescheide/:id/pdf', { schema: { hide: true } }, async (req, reply) => {
    const fuer = (req.query as { fuer?: string }).fuer;
    const d = await portalMinderungsbescheidPdf.execute({ ctx, actor: requireActor(req), input: { ...(req.params as { id: string }), ...(fuer ? { fuer } : {}) } });
    return pdfSenden(reply, d);
  });
  apiRoute(app, ctx, {
    method: 'PUT',
    url: '/api/admin/fordern-einstellungen',
    useCase: fordernEinstellungenSpeichern,
    tags: ['Verwaltung'],
    summary: 'Minderungen: wer entscheidet (integration | leistung) und wann eine zweite Person freigibt (nie | wegfall | immer); Version 0 beim ersten Speichern',
    body: fordernEinstellungenSchema,
    response: z.object({ minderungEntscheider: z.string(), minderungVierAugen: z.string(), version: z.number() }).passthrough(),
    praefix: 'schema',
  });
}
