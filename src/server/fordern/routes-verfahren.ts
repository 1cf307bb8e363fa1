import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { einladungZugang, einladungZugangSchema } from '../termine/einladung-zugang.ts';
import { apiRoute } from '../use-case.ts';
import { anlaesseAuflisten } from './anlaesse.ts';
import { verfahrenAnsehen } from './verfahren-ansehen.ts';
import { verfahrenEinstellen, verfahrenEinstellenSchema } from './verfahren-einstellen.ts';
import { verfahrenEroeffnen, verfahrenEroeffnenSchema } from './verfahren-eroeffnen.ts';
import { verfahrenListe, verfahrenListeSchema } from './verfahren-liste.ts';

const TAGS = ['Fordern: Verfahren'];
const idParams = z.object({ id: z.string() });

/**
 * Minderungsverfahren (slice B, docs/fordern.md "Verfahren"): the Anlässe without a procedure, opening, list, the
 * procedure with its history, einstellen — and the Zugangsnachweis of an Einladung (Termine), which a Minderung for a
 * Meldeversäumnis needs.
 */
export function registerFordernVerfahrenRoutes(app: FastifyInstance, ctx: AppContext): void {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/fordern/anlaesse',
    useCase: anlaesseAuflisten,
    tags: TAGS,
    summary: 'Mögliche Anlässe ohne Minderungsverfahren (Meldeversäumnisse, Maßnahmen, Verwaltungsakt) in den eigenen Standorten, nächste Frist zuerst',
    querystring: anlaesseAuflisten.input,
    response: z.object({ heute: z.string(), anlaesse: z.array(z.object({ anlassArt: z.string(), anlassId: z.string(), personId: z.string(), tag: z.string(), fristEnde: z.string() }).passthrough()) }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/fordern/verfahren',
    useCase: verfahrenEroeffnen,
    tags: TAGS,
    summary: 'Minderungsverfahren aus einem Anlass oder von Hand eröffnen (Rechtsfolgenbelehrung, Zugang, Feststellungsfrist, Schlichtung geprüft)',
    body: verfahrenEroeffnenSchema,
    status: 201,
    response: z.object({ id: z.string(), version: z.number(), aktenzeichen: z.string(), status: z.string(), fristEnde: z.string(), wiedervorlageId: z.string(), wiedervorlageAm: z.string() }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/fordern/verfahren',
    useCase: verfahrenListe,
    tags: TAGS,
    summary: 'Minderungsverfahren der eigenen Standorte: offene zuerst nach der nächsten Frist; Filter Stand, Person, Fallakte; Anzahl je Stand',
    querystring: verfahrenListeSchema,
    response: z.object({ heute: z.string(), anzahl: z.record(z.string(), z.number()), mehr: z.boolean(), verfahren: z.array(z.object({ id: z.string(), aktenzeichen: z.string(), status: z.string() }).passthrough()) }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/fordern/verfahren/:id',
    useCase: verfahrenAnsehen,
    tags: TAGS,
    summary: 'Ein Minderungsverfahren mit Verlauf, früheren Minderungen der Person und den im Stand möglichen Aktionen',
    params: idParams,
    response: z.object({ verfahren: z.object({ id: z.string(), aktenzeichen: z.string(), status: z.string(), version: z.number() }).passthrough(), aktionen: z.array(z.string()) }).passthrough(),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/fordern/verfahren/:id/einstellen',
    useCase: verfahrenEinstellen,
    tags: TAGS,
    summary: 'Verfahren ohne Minderung einstellen (mit Grund); schließt die Wiedervorlage zur Feststellungsfrist',
    params: idParams,
    body: verfahrenEinstellenSchema.omit({ id: true }),
    response: z.object({ id: z.string(), version: z.number(), status: z.string(), aktenzeichen: z.string() }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/termine/einladungen/:id/zugang',
    useCase: einladungZugang,
    tags: ['Termine: Personal'],
    summary: 'Zugang einer Einladung erfassen (Art, Tag, Nachweis) – Voraussetzung einer Minderung wegen Meldeversäumnis',
    params: idParams,
    body: einladungZugangSchema.omit({ id: true }),
    response: z.object({ id: z.string(), version: z.number(), zugangArt: z.string(), zugangAm: z.string(), zugangNachweis: z.string().nullable() }),
  });
}
