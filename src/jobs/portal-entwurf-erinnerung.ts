import { erinnereAnEntwuerfe } from '../server/portal/erinnerung.ts';
import { defineJob, leereNutzlast } from './job.ts';

/** Hourly: a reminder about unfinished Antrag drafts in the Bürgerportal (once per draft). */
export const portalEntwurfErinnerungJob = defineJob({
  name: 'portal-entwurf-erinnerung',
  payload: leereNutzlast,
  zeitplan: '17 * * * *',
  run: ({ ctx }) => erinnereAnEntwuerfe({ ctx }),
});
