/**
 * A route outside the page router (a multipart upload) sometimes has to answer with a page — the form again with its
 * field errors and status 400 — instead of a redirect. src/server must not import src/web, so the page renderer
 * (src/web/server.tsx) registers itself here when the web routes are set up.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from './context.ts';

type SeitenRenderer = (ctx: AppContext, req: FastifyRequest, reply: FastifyReply, anfrage: Request) => Promise<unknown>;

let renderer: SeitenRenderer | null = null;

export function setzeSeitenRenderer(r: SeitenRenderer): void {
  renderer = r;
}

/** Renders the page for `anfrage` (a urlencoded POST to the page's path) on `reply`; null without web routes. */
export function seiteRendern(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, anfrage: Request): Promise<unknown> | null {
  return renderer ? renderer(ctx, req, reply, anfrage) : null;
}
