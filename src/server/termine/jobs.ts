import type PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import { ERINNERUNG_JOB, sendeErinnerungen } from './erinnerungen.ts';
import { angeboteVerfallenLassen } from './warteliste.ts';

export const WARTELISTE_JOB = 'termine-warteliste';

/**
 * Background jobs of the Termine area on pg-boss (schema `pgboss`, owner connection): every minute the due
 * reminders (24 h before) and the expiry of Warteliste offers (the slot goes to the next person).
 */
export async function registriereTerminJobs(opts: { boss: PgBoss; ctx: AppContext; basisUrl: string }): Promise<void> {
  const { boss, ctx, basisUrl } = opts;
  for (const name of [ERINNERUNG_JOB, WARTELISTE_JOB]) {
    await boss.createQueue(name);
    await boss.schedule(name, '* * * * *', {}, { tz: 'Europe/Berlin' });
  }
  await boss.work(ERINNERUNG_JOB, async () => {
    await sendeErinnerungen({ ctx, basisUrl });
  });
  await boss.work(WARTELISTE_JOB, async () => {
    await angeboteVerfallenLassen({ ctx, basisUrl });
  });
}
