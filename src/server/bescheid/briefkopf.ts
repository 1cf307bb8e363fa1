import type { Tx } from '../../db/client.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Briefkopf } from './eingabe.ts';

/** Träger and Standort as they head every Bescheid. */
export async function briefkopf(tx: Tx, standortId: string): Promise<Briefkopf> {
  const t = await organisationRepository.traeger(tx);
  const s = await organisationRepository.findStandort(tx, standortId);
  return {
    traeger: { name: t?.name ?? '', jobcenter: t?.jobcenterName ?? '' },
    standort: {
      name: s?.name ?? '',
      strasse: s?.strasse ?? '',
      plz: s?.plz ?? '',
      ort: s?.ort ?? '',
      ...(s?.telefon ? { telefon: s.telefon } : {}),
      ...(s?.email ? { email: s.email } : {}),
      ...(s?.oeffnungszeiten ? { oeffnungszeiten: s.oeffnungszeiten } : {}),
    },
  };
}
