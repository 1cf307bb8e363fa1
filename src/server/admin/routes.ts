import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { apiErrorSchema as errorSchema, apiRoute } from '../use-case.ts';
import { withIssuePrefix } from './common.ts';
import { kommuneAnlegen } from './create-kommune.ts';
import { standortAnlegen } from './create-standort.ts';
import { benutzerAnlegen } from './create-user.ts';
import { kommuneLaden } from './get-kommune.ts';
import { standortLaden } from './get-standort.ts';
import { benutzerLaden } from './get-user.ts';
import { kommunenAuflisten } from './list-kommunen.ts';
import { standorteAuflisten } from './list-standorte.ts';
import { benutzerAuflisten, userFilterSchema } from './list-users.ts';
import {
  aktivBodySchema,
  auditQuerySchema,
  auditResultSchema,
  kommuneSchema,
  kommuneUpdateSchema,
  presentKommune,
  presentStandort,
  standortSchema,
  standortUpdateSchema,
  userSchema,
  userUpdateSchema,
} from './schemas.ts';
import { protokollDurchsuchen } from './search-audit.ts';
import { passwortLinkSenden } from './send-password-link.ts';
import { kommuneAktivSetzen } from './set-kommune-aktiv.ts';
import { standortAktivSetzen } from './set-standort-aktiv.ts';
import { benutzerAktivSetzen } from './set-user-aktiv.ts';
import { kommuneAendern } from './update-kommune.ts';
import { standortAendern } from './update-standort.ts';
import { benutzerAendern } from './update-user.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const security = [{ sitzung: [] }];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Body fields plus the id from the URL (the URL wins: a body cannot name another object). */
const mitId = (req: FastifyRequest) => ({ ...(isObject(req.body) ? req.body : {}), id: (req.params as { id: string }).id });
const presentStandortZeile = (s: { standort: Parameters<typeof presentStandort>[0]; kommune: string }) => presentStandort(s.standort, s.kommune);

/**
 * Admin area of a Träger: Kommunen, Standorte, accounts, audit trail. Every route needs a session with the
 * admin role; row-level security keeps it to the admin's own Träger (another Träger's ids are 404).
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext) {
  // ---------- Kommunen ----------
  const kommunenTags = ['Verwaltung: Kommunen'];
  apiRoute(app, ctx, { method: 'GET', url: '/api/admin/kommunen', useCase: kommunenAuflisten, tags: kommunenTags, summary: 'Alle Kommunen des Trägers', response: z.object({ kommunen: z.array(kommuneSchema) }), input: () => ({}), present: (k) => ({ kommunen: k.map(presentKommune) }) });
  apiRoute(app, ctx, { method: 'POST', url: '/api/admin/kommunen', useCase: kommuneAnlegen, tags: kommunenTags, summary: 'Kommune anlegen', status: 201, response: kommuneSchema, present: presentKommune });
  apiRoute(app, ctx, { method: 'GET', url: '/api/admin/kommunen/:id', useCase: kommuneLaden, tags: kommunenTags, summary: 'Eine Kommune', params: idParams, response: kommuneSchema, input: mitId, present: presentKommune });
  apiRoute(app, ctx, {
    method: 'PATCH',
    url: '/api/admin/kommunen/:id',
    useCase: kommuneAendern,
    tags: kommunenTags,
    summary: 'Kommune ändern (mit der gelesenen Version; sonst 409 version_conflict)',
    params: idParams,
    body: kommuneUpdateSchema,
    response: kommuneSchema,
    input: mitId,
    present: presentKommune,
  });
  for (const [suffix, aktiv] of [['deactivate', false], ['activate', true]] as const) {
    apiRoute(app, ctx, {
      method: 'POST',
      url: `/api/admin/kommunen/:id/${suffix}`,
      useCase: kommuneAktivSetzen,
      tags: kommunenTags,
      summary: aktiv ? 'Kommune wieder aktivieren' : 'Kommune deaktivieren (nicht möglich, solange aktive Standorte in ihr liegen)',
      params: idParams,
      body: aktivBodySchema,
      response: kommuneSchema,
      input: (req) => ({ ...mitId(req), aktiv }),
      present: presentKommune,
    });
  }

  // ---------- Standorte ----------
  const standorteTags = ['Verwaltung: Standorte'];
  apiRoute(app, ctx, { method: 'GET', url: '/api/admin/standorte', useCase: standorteAuflisten, tags: standorteTags, summary: 'Alle Standorte des Trägers', response: z.object({ standorte: z.array(standortSchema) }), input: () => ({}), present: (s) => ({ standorte: s.map(presentStandortZeile) }) });
  apiRoute(app, ctx, { method: 'POST', url: '/api/admin/standorte', useCase: standortAnlegen, tags: standorteTags, summary: 'Standort anlegen', status: 201, response: standortSchema, present: presentStandortZeile });
  apiRoute(app, ctx, { method: 'GET', url: '/api/admin/standorte/:id', useCase: standortLaden, tags: standorteTags, summary: 'Ein Standort', params: idParams, response: standortSchema, input: mitId, present: presentStandortZeile });
  apiRoute(app, ctx, {
    method: 'PATCH',
    url: '/api/admin/standorte/:id',
    useCase: standortAendern,
    tags: standorteTags,
    summary: 'Standort ändern (mit der gelesenen Version; sonst 409 version_conflict)',
    params: idParams,
    body: standortUpdateSchema,
    response: standortSchema,
    input: mitId,
    present: presentStandortZeile,
  });
  for (const [suffix, aktiv] of [['deactivate', false], ['activate', true]] as const) {
    apiRoute(app, ctx, {
      method: 'POST',
      url: `/api/admin/standorte/:id/${suffix}`,
      useCase: standortAktivSetzen,
      tags: standorteTags,
      summary: aktiv ? 'Standort wieder aktivieren' : 'Standort deaktivieren',
      params: idParams,
      body: aktivBodySchema,
      response: standortSchema,
      input: (req) => ({ ...mitId(req), aktiv }),
      present: presentStandortZeile,
    });
  }

  // ---------- Benutzer ----------
  const usersTags = ['Verwaltung: Benutzer'];
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/admin/users',
    useCase: benutzerAuflisten,
    tags: usersTags,
    summary: 'Konten des Trägers (Beschäftigte und Bürgerinnen/Bürger); wird im Zugriffsprotokoll vermerkt',
    querystring: userFilterSchema,
    response: z.object({ benutzer: z.array(userSchema), begrenzt: z.boolean().describe('es gibt mehr Treffer als angezeigt') }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/admin/users',
    useCase: benutzerAnlegen,
    tags: usersTags,
    summary: 'Konto für Beschäftigte anlegen; die Person erhält per E-Mail einen Link (72 Stunden gültig), um ihr Passwort festzulegen',
    status: 201,
    response: userSchema.extend({ passwortMail: z.enum(['versandt', 'fehlgeschlagen']) }),
    present: (r) => ({ ...r.benutzer, passwortMail: r.passwortMail }),
  });
  apiRoute(app, ctx, { method: 'GET', url: '/api/admin/users/:id', useCase: benutzerLaden, tags: usersTags, summary: 'Ein Konto; wird im Zugriffsprotokoll vermerkt', params: idParams, response: userSchema, input: mitId });
  apiRoute(app, ctx, {
    method: 'PATCH',
    url: '/api/admin/users/:id',
    useCase: benutzerAendern,
    tags: usersTags,
    summary: 'Konto von Beschäftigten ändern (mit der gelesenen Version; sonst 409 version_conflict)',
    params: idParams,
    body: userUpdateSchema,
    response: userSchema,
    input: mitId,
  });
  for (const [suffix, aktiv] of [['deactivate', false], ['activate', true]] as const) {
    apiRoute(app, ctx, {
      method: 'POST',
      url: `/api/admin/users/:id/${suffix}`,
      useCase: benutzerAktivSetzen,
      tags: usersTags,
      summary: aktiv ? 'Konto wieder aktivieren' : 'Konto deaktivieren (beendet alle Sitzungen; nicht für das eigene Konto)',
      params: idParams,
      body: aktivBodySchema,
      response: userSchema,
      input: (req) => ({ ...mitId(req), aktiv }),
    });
  }
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/admin/users/:id/password-link',
    useCase: passwortLinkSenden,
    tags: usersTags,
    summary: 'Neuen Link zum Festlegen des Passworts senden (frühere Links werden ungültig)',
    params: idParams,
    body: false,
    response: z.object({ passwortMail: z.enum(['versandt', 'fehlgeschlagen']), gueltigBis: z.date() }),
    input: (req) => ({ id: (req.params as { id: string }).id }),
  });

  // ---------- Zugriffsprotokoll ----------
  // Hand-written (not apiRoute): the API has always named query issues `querystring.<field>`.
  app.get(
    '/api/admin/audit',
    {
      schema: {
        tags: ['Verwaltung: Zugriffsprotokoll'],
        security,
        summary: 'Zugriffsprotokoll durchsuchen (nach Person, handelnder Person, Zeitraum); die Suche wird selbst protokolliert',
        querystring: auditQuerySchema,
        response: { 200: auditResultSchema, ...errors },
      },
      // The use case checks access first and then parses the query (same schema as the page).
      validatorCompiler: () => (data) => ({ value: data }),
    },
    async (req) => withIssuePrefix('querystring', () => protokollDurchsuchen.execute({ ctx, actor: req.actor, input: req.query })),
  );
}
