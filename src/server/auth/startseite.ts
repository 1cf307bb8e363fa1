import { z } from 'zod';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { defineUseCase } from '../use-case.ts';
import { standardTraeger } from './standard-traeger.ts';

/** The public start page: the Jobcenter's name and its active Standorte with addresses and opening hours. */
export const startseite = defineUseCase({
  name: 'auth.startseite',
  zugang: 'oeffentlich',
  input: z.object({}),
  audit: [],
  run: async ({ ctx }) => {
    const traeger = await standardTraeger(ctx);
    if (!traeger) return { jobcenter: null, standorte: [] };
    const standorte = await ctx.db.withSystem((tx) => directoryRepository.publicStandorte(tx, traeger.id));
    return { jobcenter: traeger.jobcenterName, standorte };
  },
});
