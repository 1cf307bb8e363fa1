import { z } from 'zod';
import { defineUseCase } from '../use-case.ts';
import { standardTraeger } from './standard-traeger.ts';

/** The Jobcenter's name for the header of public pages and error pages; null before any Träger exists. */
export const jobcenterName = defineUseCase({
  name: 'auth.jobcenter-name',
  zugang: 'oeffentlich',
  input: z.object({}),
  audit: [],
  run: async ({ ctx }): Promise<string | null> => (await standardTraeger(ctx))?.jobcenterName ?? null,
});
