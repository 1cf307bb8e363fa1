import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { AppContext } from '../server/context.ts';

/**
 * A background job of vorort, defined once (issue 12): its pg-boss queue name, the zod schema of its payload, an
 * optional schedule and the handler. Every job is one file in src/jobs/ and listed in `ALLE_JOBS`
 * (src/jobs/index.ts), which registers them all on pg-boss in one place; senders use `sendJob`, which refuses a
 * payload that does not fit the schema before anything is queued. The worker parses the payload again (a row in
 * the queue may be older than the code).
 */

/** What a handler gets besides its payload. */
export type JobUmgebung = {
  ctx: AppContext;
  /** Public base address for links in mails (never a request's Host header). */
  basisUrl: string;
  log?: { warn: (obj: object, msg: string) => void } | undefined;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  /** The pg-boss queue name, `<area>-<what>`; unique. */
  readonly name: string;
  readonly payload: S;
  /** Cron expression (Europe/Berlin) for periodic jobs; they are scheduled with an empty payload. */
  readonly zeitplan?: string;
  run(opts: JobUmgebung & { payload: z.output<S> }): Promise<unknown>;
};

const NAMEN = new Set<string>();

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  if (NAMEN.has(def.name)) throw new Error(`Job ${def.name} doppelt definiert`);
  NAMEN.add(def.name);
  if (def.zeitplan !== undefined && !def.payload.safeParse({}).success) {
    throw new Error(`Job ${def.name}: ein geplanter Job bekommt die leere Nutzlast {}, sein Schema muss sie annehmen`);
  }
  return def;
}

/** The empty payload of periodic jobs (pg-boss sends `{}`); anything else is refused. */
export const leereNutzlast = z.object({}).strict();

/** A payload that does not fit its job's schema; nothing was queued. */
export class JobNutzlastFehler extends Error {
  constructor(
    readonly job: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`Ungültige Nutzlast für Job ${job}: ${issues.map((i) => `${i.path.join('.') || '(Wurzel)'}: ${i.message}`).join('; ')}`);
    this.name = 'JobNutzlastFehler';
  }
}

export function pruefeNutzlast<S extends z.ZodType>(job: JobDefinition<S>, payload: unknown): z.output<S> {
  const r = job.payload.safeParse(payload);
  if (!r.success) throw new JobNutzlastFehler(job.name, r.error.issues);
  return r.data;
}

let aktiverBoss: PgBoss | null = null;

/** Set by `registriereJobs`; `sendJob` queues there unless a boss is given. */
export function setzeJobBoss(boss: PgBoss | null): void {
  aktiverBoss = boss;
}

/**
 * Queues one run of a job. The payload is checked against the job's schema first: a wrong payload throws
 * `JobNutzlastFehler` and nothing is queued. Without a running pg-boss (started with `jobs: false`) it throws too.
 */
export async function sendJob<S extends z.ZodType>(
  job: JobDefinition<S>,
  payload: z.input<S>,
  opts: { boss?: PgBoss; optionen?: PgBoss.SendOptions } = {},
): Promise<string | null> {
  const daten = pruefeNutzlast(job, payload);
  const boss = opts.boss ?? aktiverBoss;
  if (!boss) throw new Error(`Job ${job.name}: Hintergrundjobs laufen nicht (pg-boss nicht gestartet)`);
  return boss.send(job.name, daten as object, opts.optionen ?? {});
}
