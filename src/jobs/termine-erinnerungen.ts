import { sendeErinnerungen } from '../server/termine/erinnerungen.ts';
import { defineJob, leereNutzlast } from './job.ts';

/** Every minute: reminder mails (with .ics) for booked appointments whose reminder time has come. */
export const terminErinnerungenJob = defineJob({
  name: 'termine-erinnerungen',
  payload: leereNutzlast,
  zeitplan: '* * * * *',
  run: ({ ctx, basisUrl }) => sendeErinnerungen({ ctx, basisUrl }),
});
