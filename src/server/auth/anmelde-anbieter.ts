import { z } from 'zod';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { defineUseCase } from '../use-case.ts';
import { standardTraeger } from './standard-traeger.ts';

/** The active OIDC providers of the public Träger, for the buttons on the sign-in page (never secrets). */
export const anmeldeAnbieter = defineUseCase({
  name: 'auth.anmelde-anbieter',
  zugang: 'oeffentlich',
  input: z.object({}),
  audit: [],
  run: async ({ ctx }) => {
    const traeger = await standardTraeger(ctx);
    if (!traeger) return [];
    const providers = await ctx.db.withSystem((tx) => directoryRepository.activeOidcProviders(tx, traeger.id));
    return providers.map((p) => ({ id: p.id, label: p.label, issuer: p.issuer }));
  },
});
