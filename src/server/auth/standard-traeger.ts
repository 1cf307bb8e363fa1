import { directoryRepository } from '../../db/repositories/directory.ts';
import type { AppContext } from '../context.ts';

/**
 * The Träger whose public pages this installation shows ("/", sign-in, registration): VORORT_TRAEGER, else the first
 * one created. Read without a tenant (nobody is signed in yet), hence `withSystem`. Used by the public use cases
 * below and by registration (new citizen accounts belong to this Träger).
 */
export async function standardTraeger(ctx: AppContext) {
  return ctx.db.withSystem(async (tx) => {
    if (ctx.config.defaultTraegerSlug) {
      const bySlug = await directoryRepository.findTraegerBySlug(tx, ctx.config.defaultTraegerSlug);
      if (bySlug) return bySlug;
    }
    const all = await directoryRepository.listTraeger(tx);
    return all[0];
  });
}
