import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Tx } from '../db/client.ts';
import type { AuditMarke } from './audit-trail.ts';
import type { Actor, AppContext } from './context.ts';
import { AppError, unauthenticated, validationFailed, type FieldIssue } from './errors.ts';
import { authorize, authorizeOneOf, type Permission } from './policies.ts';

/**
 * The door of vorort: every use case is one file under src/server/<area>/ that exports one definition made with
 * `defineUseCase`. The definition names who may call it, the zod schema of its input, the audit events it writes and
 * the function that does the work. API routes are built from it (`apiRoute`) and page loaders/actions call
 * `execute` with the raw form values — so both parse with the same schema, check the same permission and reach the
 * same code. See docs/ARCHITECTURE.md ("Die Tür: ein Anwendungsfall").
 */

/** Who may call a use case: one permission, any of several, every signed-in person, or everybody. */
export type Zugang = Permission | readonly Permission[] | 'angemeldet' | 'oeffentlich';

/** An audit event a use case writes: `<objectType>.<action>`, derived from the closed event union in src/server/audit-trail.ts. */
export type { AuditMarke };

type ActorFor<Z extends Zugang> = Z extends 'oeffentlich' ? Actor | null : Actor;

export type UseCaseDefinition<S extends z.ZodType, O, Z extends Zugang> = {
  /** Stable name `<area>.<use-case>`, e.g. `fall.adresse-aendern`; unique across the system. */
  name: string;
  /** Checked before the input is parsed: anonymous callers get 401 and other roles 403 whatever they send. */
  zugang: Z;
  /** The input as one object (path parameters, query and body together). */
  input: S;
  /** Audit events the use case writes, `[]` if it reads or changes no person's data. */
  audit: readonly AuditMarke[];
  /**
   * `tx`: only when another use case runs this one inside its own transaction (e.g. applying a
   * Veränderungsmitteilung runs several Fallakte changes at once); `execute` never passes it.
   */
  run(opts: { ctx: AppContext; actor: ActorFor<Z>; input: z.output<S>; tx?: Tx }): Promise<O>;
};

export type UseCase<S extends z.ZodType = z.ZodType, O = unknown, Z extends Zugang = Zugang> = Readonly<UseCaseDefinition<S, O, Z>> & {
  /** The input parsed by the schema; invalid input → 400 `validation_failed` with one issue per field (dotted path). */
  parse(raw: unknown): z.output<S>;
  /** Permission check, input parsing and the work, in this order. The one way in for routes and pages. */
  execute(opts: { ctx: AppContext; actor: Actor | null; input: unknown }): Promise<O>;
};

const REGISTRY = new Map<string, UseCase>();

/** Refusals raised by a use case's schema (not by its `run`): `apiRoute` can tell them apart (`praefix: 'schema'`). */
const SCHEMA_FEHLER = new WeakSet<object>();

/** Field issues from a zod error, with dotted paths (`adresse.plz`) and the German messages of src/config/zod-de.ts. */
export function zodIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    code: i.code,
    message: i.message,
  }));
}

export function pruefeZugang(zugang: Zugang, actor: Actor | null): void {
  if (zugang === 'oeffentlich') return;
  if (!actor) throw unauthenticated();
  if (zugang === 'angemeldet') return;
  if (typeof zugang === 'string') authorize(actor, zugang);
  else authorizeOneOf(actor, zugang);
}

export function defineUseCase<S extends z.ZodType, O, Z extends Zugang>(def: UseCaseDefinition<S, O, Z>): UseCase<S, O, Z> {
  if (REGISTRY.has(def.name)) throw new Error(`use case ${def.name} defined twice`);
  const useCase: UseCase<S, O, Z> = {
    ...def,
    parse(raw) {
      const parsed = def.input.safeParse(raw);
      if (!parsed.success) {
        const fehler = validationFailed(zodIssues(parsed.error));
        SCHEMA_FEHLER.add(fehler);
        throw fehler;
      }
      return parsed.data;
    },
    async execute({ ctx, actor, input }) {
      pruefeZugang(def.zugang, actor);
      return def.run({ ctx, actor: actor as ActorFor<Z>, input: useCase.parse(input) });
    },
  };
  REGISTRY.set(def.name, useCase as unknown as UseCase);
  return useCase;
}

/** Every use case defined so far (those whose modules were imported). Tests and the generated docs read it. */
export const registrierteUseCases = (): UseCase[] => [...REGISTRY.values()];

/* ---------- API routes built from a definition ---------- */

type Methode = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiRouteSpec<S extends z.ZodType, O> = {
  method: Methode;
  url: string;
  useCase: UseCase<S, O>;
  tags: string[];
  summary: string;
  /** Longer OpenAPI description (optional). */
  description?: string;
  /** Success status (default 200; 201 for POST that creates, set explicitly). */
  status?: number;
  /** Response schema for the success status (serialisation and OpenAPI). */
  response: z.ZodType;
  /** Turns the use case's result into the response body (default: as is). */
  present?: (out: O, req: FastifyRequest) => unknown;
  /** OpenAPI parts of the request; default: `body` = the use case's input for methods with a body. */
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType | false;
  /** Maps the request to the use case's input (default: params, query and body merged). */
  input?: (req: FastifyRequest) => unknown;
  /** Extra work on the reply (cookies, headers) after success. */
  onSuccess?: (reply: FastifyReply, out: O) => void;
  /**
   * Which field issues get the `body.`/`params.`/`query.` prefix: 'alle' (default) or only those of the schema
   * ('schema') — for areas whose API always answered the checks made inside the use case with the bare field path.
   */
  praefix?: 'alle' | 'schema';
};

export const apiErrorSchema = z
  .object({
    error: z.string().describe('Stabiler Fehlercode (englisch), siehe ErrorCode'),
    message: z.string().describe('Deutsche Meldung für Menschen'),
    issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .passthrough();

const FEHLER_ANTWORTEN = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema };

/**
 * Registers one API route for a use case. Fastify's own validation is left to the use case: its schema parses the
 * merged input, and a refusal carries the field path as the client sent it (`body.x` for body fields).
 */
export function apiRoute<S extends z.ZodType, O>(app: FastifyInstance, ctx: AppContext, spec: ApiRouteSpec<S, O>): void {
  const mitBody = spec.method !== 'GET' && spec.method !== 'DELETE';
  const bodySchema = spec.body === false ? undefined : (spec.body ?? (mitBody ? spec.useCase.input : undefined));
  app.route({
    method: spec.method,
    url: spec.url,
    // Documentation only: the use case validates (so API and page give the same field errors).
    schema: {
      tags: spec.tags,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      ...(spec.useCase.zugang === 'oeffentlich' ? {} : { security: [{ sitzung: [] }] }),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(bodySchema ? { body: bodySchema } : {}),
      response: { [spec.status ?? 200]: spec.response, ...FEHLER_ANTWORTEN },
    },
    validatorCompiler: () => (data) => ({ value: data }),
    preValidation: async (req) => pruefeZugang(spec.useCase.zugang, req.actor),
    handler: async (req, reply) => {
      const raw = spec.input
        ? spec.input(req)
        : // path ids win: a body cannot redirect the use case to another object
          { ...(req.query as object | undefined), ...(isObject(req.body) ? req.body : {}), ...(req.params as object | undefined) };
      let out: O;
      try {
        out = await spec.useCase.execute({ ctx, actor: req.actor, input: raw });
      } catch (err) {
        throw spec.praefix === 'schema' && !(typeof err === 'object' && err !== null && SCHEMA_FEHLER.has(err)) ? err : mitBodyPrefix(err, req);
      }
      spec.onSuccess?.(reply, out);
      return reply.code(spec.status ?? 200).send(spec.present ? spec.present(out, req) : out);
    },
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Issues of body fields get the `body.` prefix the API has always used (`params.`/`query.` for those parts). */
function mitBodyPrefix(err: unknown, req: FastifyRequest): unknown {
  if (!(err instanceof AppError) || !err.issues.length) return err;
  const teil = (feld: string) =>
    isObject(req.params) && feld in req.params ? 'params' : isObject(req.query) && feld in req.query && !(isObject(req.body) && feld in req.body) ? 'query' : 'body';
  return new AppError(
    err.code,
    err.status,
    err.message,
    err.issues.map((i) => {
      if (/^(body|params|query)(\.|$)/.test(i.path)) return i;
      const feld = i.path.split('.')[0] ?? '';
      return { ...i, path: i.path ? `${teil(feld)}.${i.path}` : 'body' };
    }),
    err.extra,
  );
}
