import { directoryRepository } from '../../db/repositories/directory.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { forbidden } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * The signed-in staff member's own second-factor state (for /konto/totp). TOTP is a staff feature (issue 2:
 * "Staff: … optional TOTP second factor"); citizen accounts sign in with password only.
 */
export const getTotpStatus = defineUseCase({
  name: 'auth.get-totp-status',
  zugang: 'angemeldet',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }): Promise<{ enabledAt: Date | null; requiredByTraeger: boolean }> => {
    if (actor.art !== 'staff') throw forbidden();
    const traeger = await ctx.db.withSystem((tx) => directoryRepository.findTraegerById(tx, actor.traegerId));
    const user = await ctx.db.withTenant(tenantScope(actor), (tx) => userRepository.findById(tx, actor.userId));
    return {
      enabledAt: user?.totpEnabledAt && user.totpSecretEnc ? user.totpEnabledAt : null,
      requiredByTraeger: !!traeger?.totpPflicht,
    };
  },
});
