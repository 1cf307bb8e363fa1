import type PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALLE_JOBS } from './index.ts';
import { defineJob, JobNutzlastFehler, leereNutzlast, sendJob } from './job.ts';

/** A pg-boss that only records what was sent. */
function aufzeichnenderBoss() {
  const gesendet: { name: string; data: object }[] = [];
  const boss = { send: async (name: string, data: object) => (gesendet.push({ name, data }), 'id-1') } as unknown as PgBoss;
  return { boss, gesendet };
}

const beispielJob = defineJob({
  name: 'test-beispiel',
  payload: z.object({ traegerId: z.guid(), anzahl: z.number().int().min(1) }).strict(),
  run: async () => {},
});

describe('background jobs: defined once, payload checked before it is queued', () => {
  it('refuses a payload that fails its schema before anything is queued', async () => {
    const { boss, gesendet } = aufzeichnenderBoss();
    await expect(sendJob(beispielJob, { traegerId: 'kein-uuid', anzahl: 0 }, { boss })).rejects.toBeInstanceOf(JobNutzlastFehler);
    // @ts-expect-error the payload's type comes from the schema
    await expect(sendJob(beispielJob, { anzahl: 1 }, { boss })).rejects.toThrow(/traegerId/);
    expect(gesendet).toEqual([]);
  });

  it('queues a valid payload under the job name', async () => {
    const { boss, gesendet } = aufzeichnenderBoss();
    await sendJob(beispielJob, { traegerId: '00000000-0000-4000-8000-000000000001', anzahl: 2 }, { boss });
    expect(gesendet).toEqual([{ name: 'test-beispiel', data: { traegerId: '00000000-0000-4000-8000-000000000001', anzahl: 2 } }]);
  });

  it('periodic jobs take the empty payload only; names are unique', () => {
    expect(leereNutzlast.safeParse({}).success).toBe(true);
    expect(leereNutzlast.safeParse({ x: 1 }).success).toBe(false);
    expect(() => defineJob({ name: 'test-beispiel', payload: leereNutzlast, run: async () => {} })).toThrow(/doppelt/);
    expect(() => defineJob({ name: 'test-geplant', payload: z.object({ id: z.string() }), zeitplan: '* * * * *', run: async () => {} })).toThrow(/leere Nutzlast/);
    const namen = ALLE_JOBS.map((j) => j.name);
    expect(new Set(namen).size).toBe(namen.length);
    expect(namen).toEqual(expect.arrayContaining(['termine-erinnerungen', 'termine-warteliste', 'portal-entwurf-erinnerung', 'portal-quarantaene-scan', 'mail-ausgang']));
  });
});
