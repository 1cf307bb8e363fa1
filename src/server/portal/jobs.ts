import type PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import { scanneQuarantaene } from './dokumente.ts';
import { erinnereAnEntwuerfe } from './erinnerung.ts';

export const ENTWURF_ERINNERUNG_JOB = 'portal-entwurf-erinnerung';
export const QUARANTAENE_JOB = 'portal-quarantaene-scan';

/** Periodic jobs of the Bürgerportal: reminders about unfinished drafts (hourly), rescan of quarantined files (every 5 minutes). */
export async function registrierePortalJobs(opts: { boss: PgBoss; ctx: AppContext }): Promise<void> {
  const { boss, ctx } = opts;
  await boss.createQueue(ENTWURF_ERINNERUNG_JOB);
  await boss.schedule(ENTWURF_ERINNERUNG_JOB, '17 * * * *', {}, { tz: 'Europe/Berlin' });
  await boss.createQueue(QUARANTAENE_JOB);
  await boss.schedule(QUARANTAENE_JOB, '*/5 * * * *', {}, { tz: 'Europe/Berlin' });
  await boss.work(ENTWURF_ERINNERUNG_JOB, async () => {
    await erinnereAnEntwuerfe({ ctx });
  });
  await boss.work(QUARANTAENE_JOB, async () => {
    await scanneQuarantaene({ ctx });
  });
}
