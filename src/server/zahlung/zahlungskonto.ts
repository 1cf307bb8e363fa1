import { einstellungenRepository } from '../../db/repositories/traeger-einstellungen.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Whether the Träger's own bank account (the debtor of the SEPA file) is entered, so the Zahlung page can explain
 * before a run how to fix it. Tells only yes/no — no bank data — and whether the actor may enter it.
 */
export const zahlungskonto = defineUseCase({
  name: 'leistung.zahlungskonto',
  zugang: 'zahllauf.uebersicht',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) => {
    const konto = await ctx.db.withTenant(tenantScope(actor), (tx) => einstellungenRepository.find(tx));
    return { hinterlegt: !!konto?.iban && !!konto.kontoinhaber, darfEintragen: can(actor, 'einstellungen.verwalten') };
  },
});
