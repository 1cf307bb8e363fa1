import type { Tx } from '../../db/client.ts';
import { einstellungenRepository } from '../../db/repositories/traeger-einstellungen.ts';
import { STANDARD_VIER_AUGEN_REGELN, vierAugenRegelnSchema, type VierAugenRegeln } from '../../domain/bewilligung/index.ts';

/** The Träger's Vier-Augen rules (the standard rules where none or broken ones are stored). */
export async function vierAugenRegeln(tx: Tx): Promise<VierAugenRegeln> {
  const e = await einstellungenRepository.find(tx);
  if (!e) return STANDARD_VIER_AUGEN_REGELN;
  const r = vierAugenRegelnSchema.safeParse(e.vierAugenRegeln);
  return r.success ? r.data : STANDARD_VIER_AUGEN_REGELN;
}
