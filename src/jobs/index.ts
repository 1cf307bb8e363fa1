import type PgBoss from 'pg-boss';
import { pruefeNutzlast, setzeJobBoss, type JobDefinition, type JobUmgebung } from './job.ts';
import { mailAusgangJob } from './mail-ausgang.ts';
import { statistikSnapshotsJob } from './statistik-snapshots.ts';
import { portalEntwurfErinnerungJob } from './portal-entwurf-erinnerung.ts';
import { portalQuarantaeneScanJob } from './portal-quarantaene-scan.ts';
import { terminErinnerungenJob } from './termine-erinnerungen.ts';
import { terminWartelisteJob } from './termine-warteliste.ts';

export { defineJob, JobNutzlastFehler, sendJob, type JobDefinition, type JobUmgebung } from './job.ts';

/** Every background job of vorort. A new job: one file in src/jobs/ with `defineJob`, and one line here. */
export const ALLE_JOBS: readonly JobDefinition[] = [terminErinnerungenJob, terminWartelisteJob, portalEntwurfErinnerungJob, portalQuarantaeneScanJob, mailAusgangJob, statistikSnapshotsJob];

/**
 * The one place that puts the jobs on pg-boss (schema `pgboss`, owner connection): a queue per job, the schedule of
 * periodic jobs (Europe/Berlin), and a worker that parses the payload with the job's schema before the handler runs.
 * The Massenänderung is not among them — see docs/adr/0013-geschlossene-typen.md.
 */
export async function registriereJobs(opts: JobUmgebung & { boss: PgBoss }): Promise<void> {
  const { boss, ...umgebung } = opts;
  for (const job of ALLE_JOBS) {
    await boss.createQueue(job.name);
    if (job.zeitplan) await boss.schedule(job.name, job.zeitplan, {}, { tz: 'Europe/Berlin' });
    await boss.work<unknown>(job.name, async (laeufe) => {
      for (const lauf of laeufe) await job.run({ ...umgebung, payload: pruefeNutzlast(job, lauf.data) });
    });
  }
  setzeJobBoss(boss);
}
