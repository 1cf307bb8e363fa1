import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLE_JOBS, JobNutzlastFehler, registriereJobs, sendJob } from '../../src/jobs/index.ts';
import { mailAusgangJob } from '../../src/jobs/mail-ausgang.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/** The jobs on a real pg-boss: registered in one place, scheduled, and a payload is checked before and after the queue. */
let t: TestApp;
let boss: PgBoss;

beforeAll(async () => {
  t = await createTestApp();
  boss = new PgBoss({ connectionString: t.database.url });
  boss.on('error', () => {});
  await boss.start();
  await registriereJobs({ boss, ctx: t.ctx, basisUrl: 'http://localhost' });
}, 60_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await t?.close();
});

async function endzustand(name: string, id: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const job = await boss.getJobById(name, id);
    if (job && ['completed', 'failed', 'retry'].includes(job.state)) return job.state;
    await new Promise((r) => setTimeout(r, 200));
  }
  return 'zeitueberschreitung';
}

describe('background jobs on pg-boss', () => {
  it('registers a queue for every job and schedules the periodic ones (Europe/Berlin)', async () => {
    // the rows of pgboss.schedule carry the time zone as `timezone` (the type names only the options)
    const plaene = (await boss.getSchedules()) as (PgBoss.Schedule & { timezone?: string })[];
    const geplant = ALLE_JOBS.filter((j) => j.zeitplan);
    expect(plaene.map((p) => [p.name, p.cron, p.timezone]).sort()).toEqual(geplant.map((j) => [j.name, j.zeitplan, 'Europe/Berlin']).sort());
  });

  it('sendJob queues a valid payload and the worker runs the handler', async () => {
    const id = await sendJob(mailAusgangJob, {});
    expect(id).toBeTruthy();
    expect(await endzustand(mailAusgangJob.name, id!)).toBe('completed');
  }, 30_000);

  it('a payload that fails its schema is refused before it is queued', async () => {
    // @ts-expect-error a periodic job takes the empty payload only
    await expect(sendJob(mailAusgangJob, { abgewiesen: 1 })).rejects.toBeInstanceOf(JobNutzlastFehler);
    const db = new Client({ connectionString: t.database.url });
    await db.connect();
    try {
      const r = await db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = $1 and data ? 'abgewiesen'`, [mailAusgangJob.name]);
      expect(r.rows[0]!.n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('a wrong payload that reached the queue some other way fails in the worker, the handler does not run', async () => {
    const id = await boss.send(mailAusgangJob.name, { nochWas: 1 }, { retryLimit: 0 });
    expect(await endzustand(mailAusgangJob.name, id!)).toBe('failed');
  }, 30_000);
});
