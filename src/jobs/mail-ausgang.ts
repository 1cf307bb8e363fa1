import { loescheVerfalleneMails, versendeMails } from '../mail/ausgang.ts';
import { defineJob, leereNutzlast } from './job.ts';

/** Every minute: deletes expired mails, then sends what is due in the outbox (mails whose first attempt failed). */
export const mailAusgangJob = defineJob({
  name: 'mail-ausgang',
  payload: leereNutzlast,
  zeitplan: '* * * * *',
  run: async ({ ctx, log }) => {
    await loescheVerfalleneMails({ ctx, ...(log ? { log } : {}) });
    await versendeMails({ ctx, ...(log ? { log } : {}) });
  },
});
