import { einstellungenRepository } from '../../db/repositories/bewilligung.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize, can } from '../policies.ts';

/**
 * Whether the Träger's own bank account (the debtor of the SEPA file) is entered, so the Zahlung page can explain
 * before a run how to fix it. Tells only yes/no — no bank data — and whether the actor may enter it.
 */
export async function zahlungskonto(opts: { ctx: AppContext; actor: Actor }) {
  authorize(opts.actor, 'zahllauf.uebersicht');
  const konto = await opts.ctx.db.withTenant(tenantScope(opts.actor), (tx) => einstellungenRepository.find(tx));
  return { hinterlegt: !!konto?.iban && !!konto.kontoinhaber, darfEintragen: can(opts.actor, 'einstellungen.verwalten') };
}
