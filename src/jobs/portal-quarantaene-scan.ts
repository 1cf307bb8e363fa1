import { scanneQuarantaene } from '../server/portal/dokumente.ts';
import { defineJob, leereNutzlast } from './job.ts';

/** Every 5 minutes: files in quarantine (the virus scanner was not reachable) are scanned again. */
export const portalQuarantaeneScanJob = defineJob({
  name: 'portal-quarantaene-scan',
  payload: leereNutzlast,
  zeitplan: '*/5 * * * *',
  run: ({ ctx }) => scanneQuarantaene({ ctx }),
});
