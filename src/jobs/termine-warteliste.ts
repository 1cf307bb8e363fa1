import { angeboteVerfallenLassen } from '../server/termine/warteliste.ts';
import { defineJob, leereNutzlast } from './job.ts';

/** Every minute: Warteliste offers that expired go to the next person waiting. */
export const terminWartelisteJob = defineJob({
  name: 'termine-warteliste',
  payload: leereNutzlast,
  zeitplan: '* * * * *',
  run: ({ ctx, basisUrl }) => angeboteVerfallenLassen({ ctx, basisUrl }),
});
