import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../auth/routes.ts';
import type { AppContext } from '../context.ts';
import { publicBaseUrl } from '../auth/public-url.ts';
import { requireActor } from '../http.ts';
import { authorize, type Permission } from '../policies.ts';
import { withIssuePrefix } from './common.ts';
import { kommuneAnlegen } from './create-kommune.ts';
import { apiRoute } from '../use-case.ts';
import { createStandort } from './create-standort.ts';
import { createUser } from './create-user.ts';
import { getKommune } from './get-kommune.ts';
import { getStandort } from './get-standort.ts';
import { getUser } from './get-user.ts';
import { listKommunen } from './list-kommunen.ts';
import { listStandorte } from './list-standorte.ts';
import { listUsers } from './list-users.ts';
import {
  aktivBodySchema,
  auditQuerySchema,
  auditResultSchema,
  kommuneCreateSchema,
  kommuneSchema,
  kommuneUpdateSchema,
  presentKommune,
  presentStandort,
  standortCreateSchema,
  standortSchema,
  standortUpdateSchema,
  userCreateSchema,
  userSchema,
  userUpdateSchema,
} from './schemas.ts';
import { searchAudit } from './search-audit.ts';
import { sendPasswordLink } from './send-password-link.ts';
import { setKommuneAktiv } from './set-kommune-aktiv.ts';
import { setStandortAktiv } from './set-standort-aktiv.ts';
import { setUserAktiv } from './set-user-aktiv.ts';
import { updateKommune } from './update-kommune.ts';
import { updateStandort } from './update-standort.ts';
import { updateUser } from './update-user.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const security = [{ sitzung: [] }];

/** Runs before validation, so anonymous callers get 401 and other roles 403 whatever they send. */
const guard = (permission: Permission) => async (req: FastifyRequest) => {
  authorize(requireActor(req), permission);
};
const org = guard('organisation.verwalten');
const benutzer = guard('benutzer.verwalten');
const protokoll = guard('protokoll.durchsuchen');

/**
 * Admin area of a Träger: Kommunen, Standorte, accounts, audit trail. Every route needs a session with the
 * admin role; row-level security keeps it to the admin's own Träger (another Träger's ids are 404).
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // ---------- Kommunen ----------
  const kommunenTags = ['Verwaltung: Kommunen'];
  api.get(
    '/api/admin/kommunen',
    { preValidation: org, schema: { tags: kommunenTags, security, summary: 'Alle Kommunen des Trägers', response: { 200: z.object({ kommunen: z.array(kommuneSchema) }), ...errors } } },
    async (req) => ({ kommunen: (await listKommunen({ ctx, actor: requireActor(req) })).map(presentKommune) }),
  );
  apiRoute(app, ctx, { method: 'POST', url: '/api/admin/kommunen', useCase: kommuneAnlegen, tags: kommunenTags, summary: 'Kommune anlegen', status: 201, response: kommuneSchema, present: presentKommune });
  api.get(
    '/api/admin/kommunen/:id',
    { preValidation: org, schema: { tags: kommunenTags, security, summary: 'Eine Kommune', params: idParams, response: { 200: kommuneSchema, ...errors } } },
    async (req) => presentKommune(await getKommune({ ctx, actor: requireActor(req), id: req.params.id })),
  );
  api.patch(
    '/api/admin/kommunen/:id',
    {
      preValidation: org,
      schema: {
        tags: kommunenTags,
        security,
        summary: 'Kommune ändern (mit der gelesenen Version; sonst 409 version_conflict)',
        params: idParams,
        body: kommuneUpdateSchema,
        response: { 200: kommuneSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentKommune(await withIssuePrefix('body', () => updateKommune({ ctx, actor, id: req.params.id, input: req.body })));
    },
  );
  for (const [suffix, aktiv] of [['deactivate', false], ['activate', true]] as const) {
    api.post(
      `/api/admin/kommunen/:id/${suffix}`,
      {
        preValidation: org,
        schema: {
          tags: kommunenTags,
          security,
          summary: aktiv ? 'Kommune wieder aktivieren' : 'Kommune deaktivieren (nicht möglich, solange aktive Standorte in ihr liegen)',
          params: idParams,
          body: aktivBodySchema,
          response: { 200: kommuneSchema, ...errors },
        },
      },
      async (req) => presentKommune(await setKommuneAktiv({ ctx, actor: requireActor(req), id: req.params.id, aktiv, version: req.body?.version })),
    );
  }

  // ---------- Standorte ----------
  const standorteTags = ['Verwaltung: Standorte'];
  api.get(
    '/api/admin/standorte',
    { preValidation: org, schema: { tags: standorteTags, security, summary: 'Alle Standorte des Trägers', response: { 200: z.object({ standorte: z.array(standortSchema) }), ...errors } } },
    async (req) => ({ standorte: (await listStandorte({ ctx, actor: requireActor(req) })).map((s) => presentStandort(s.standort, s.kommune)) }),
  );
  api.post(
    '/api/admin/standorte',
    { preValidation: org, schema: { tags: standorteTags, security, summary: 'Standort anlegen', body: standortCreateSchema, response: { 201: standortSchema, ...errors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const s = await withIssuePrefix('body', () => createStandort({ ctx, actor, input: req.body }));
      return reply.code(201).send(presentStandort(s.standort, s.kommune));
    },
  );
  api.get(
    '/api/admin/standorte/:id',
    { preValidation: org, schema: { tags: standorteTags, security, summary: 'Ein Standort', params: idParams, response: { 200: standortSchema, ...errors } } },
    async (req) => {
      const s = await getStandort({ ctx, actor: requireActor(req), id: req.params.id });
      return presentStandort(s.standort, s.kommune);
    },
  );
  api.patch(
    '/api/admin/standorte/:id',
    {
      preValidation: org,
      schema: {
        tags: standorteTags,
        security,
        summary: 'Standort ändern (mit der gelesenen Version; sonst 409 version_conflict)',
        params: idParams,
        body: standortUpdateSchema,
        response: { 200: standortSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const s = await withIssuePrefix('body', () => updateStandort({ ctx, actor, id: req.params.id, input: req.body }));
      return presentStandort(s.standort, s.kommune);
    },
  );
  for (const [suffix, aktiv] of [['deactivate', false], ['activate', true]] as const) {
    api.post(
      `/api/admin/standorte/:id/${suffix}`,
      {
        preValidation: org,
        schema: {
          tags: standorteTags,
          security,
          summary: aktiv ? 'Standort wieder aktivieren' : 'Standort deaktivieren',
          params: idParams,
          body: aktivBodySchema,
          response: { 200: standortSchema, ...errors },
        },
      },
      async (req) => {
        const s = await setStandortAktiv({ ctx, actor: requireActor(req), id: req.params.id, aktiv, version: req.body?.version });
        return presentStandort(s.standort, s.kommune);
      },
    );
  }

  // ---------- Benutzer ----------
  const usersTags = ['Verwaltung: Benutzer'];
  api.get(
    '/api/admin/users',
    {
      preValidation: benutzer,
      schema: {
        tags: usersTags,
        security,
        summary: 'Konten des Trägers (Beschäftigte und Bürgerinnen/Bürger); wird im Zugriffsprotokoll vermerkt',
        querystring: z.object({
          art: z.enum(['staff', 'buerger']).optional().describe('nur Beschäftigte oder nur Bürgerinnen/Bürger'),
          q: z.string().trim().max(200).optional().describe('Teil von Name oder E-Mail-Adresse'),
        }),
        response: { 200: z.object({ benutzer: z.array(userSchema), begrenzt: z.boolean().describe('es gibt mehr Treffer als angezeigt') }), ...errors },
      },
    },
    async (req) => listUsers({ ctx, actor: requireActor(req), filter: req.query }),
  );
  api.post(
    '/api/admin/users',
    {
      preValidation: benutzer,
      schema: {
        tags: usersTags,
        security,
        summary: 'Konto für Beschäftigte anlegen; die Person erhält per E-Mail einen Link (72 Stunden gültig), um ihr Passwort festzulegen',
        body: userCreateSchema,
        response: { 201: userSchema.extend({ passwortMail: z.enum(['versandt', 'fehlgeschlagen']) }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const result = await withIssuePrefix('body', () => createUser({ ctx, actor, input: req.body, baseUrl: publicBaseUrl(ctx, req) }));
      return reply.code(201).send({ ...result.benutzer, passwortMail: result.passwortMail });
    },
  );
  api.get(
    '/api/admin/users/:id',
    { preValidation: benutzer, schema: { tags: usersTags, security, summary: 'Ein Konto; wird im Zugriffsprotokoll vermerkt', params: idParams, response: { 200: userSchema, ...errors } } },
    async (req) => getUser({ ctx, actor: requireActor(req), id: req.params.id }),
  );
  api.patch(
    '/api/admin/users/:id',
    {
      preValidation: benutzer,
      schema: {
        tags: usersTags,
        security,
        summary: 'Konto von Beschäftigten ändern (mit der gelesenen Version; sonst 409 version_conflict)',
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return withIssuePrefix('body', () => updateUser({ ctx, actor, id: req.params.id, input: req.body }));
    },
  );
  for (const [suffix, aktiv] of [['deactivate', false], ['activate', true]] as const) {
    api.post(
      `/api/admin/users/:id/${suffix}`,
      {
        preValidation: benutzer,
        schema: {
          tags: usersTags,
          security,
          summary: aktiv ? 'Konto wieder aktivieren' : 'Konto deaktivieren (beendet alle Sitzungen; nicht für das eigene Konto)',
          params: idParams,
          body: aktivBodySchema,
          response: { 200: userSchema, ...errors },
        },
      },
      async (req) => setUserAktiv({ ctx, actor: requireActor(req), id: req.params.id, aktiv, version: req.body?.version }),
    );
  }
  api.post(
    '/api/admin/users/:id/password-link',
    {
      preValidation: benutzer,
      schema: {
        tags: usersTags,
        security,
        summary: 'Neuen Link zum Festlegen des Passworts senden (frühere Links werden ungültig)',
        params: idParams,
        response: { 200: z.object({ passwortMail: z.enum(['versandt', 'fehlgeschlagen']), gueltigBis: z.date() }), ...errors },
      },
    },
    async (req) => sendPasswordLink({ ctx, actor: requireActor(req), id: req.params.id, baseUrl: publicBaseUrl(ctx, req) }),
  );

  // ---------- Zugriffsprotokoll ----------
  api.get(
    '/api/admin/audit',
    {
      preValidation: protokoll,
      schema: {
        tags: ['Verwaltung: Zugriffsprotokoll'],
        security,
        summary: 'Zugriffsprotokoll durchsuchen (nach Person, handelnder Person, Zeitraum); die Suche wird selbst protokolliert',
        querystring: auditQuerySchema,
        response: { 200: auditResultSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return withIssuePrefix('querystring', () => searchAudit({ ctx, actor, query: req.query }));
    },
  );
}
