import { heute } from '../server/clock.ts';
import { baueSnapshotsAllerTraeger } from '../server/statistik/snapshot-bauen.ts';
import { defineJob, leereNutzlast } from './job.ts';

/**
 * Nightly at 02:30 (Europe/Berlin), for every Träger: back-fill the missing monthly snapshots of the Statistik,
 * resume unfinished ones and rebuild the vorläufigen (docs/statistik.md, "Monats-Snapshots"). System work: no audit.
 */
export const statistikSnapshotsJob = defineJob({
  name: 'statistik-snapshots',
  payload: leereNutzlast,
  zeitplan: '30 2 * * *',
  run: ({ ctx, log }) => baueSnapshotsAllerTraeger({ ctx, heute: heute(ctx.clock.now()), ...(log ? { log } : {}) }),
});
