import type { Tx } from '../../db/client.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import type { AntragEntwurfRow } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { authorize } from '../policies.ts';

export type Umfang = 'lesen' | 'handeln';
export type Zugriff = { buergerId: string; als: 'selbst' | 'vertreter' };

/**
 * May the actor read (or act in) the matters of citizen `buergerId`: themselves, or through a valid Bevollmächtigung
 * with enough scope. Anything else is 404 – another citizen's objects are never disclosed.
 */
export async function pruefeZugriff(tx: Tx, actor: Actor, buergerId: string, umfang: Umfang, heuteDatum: string): Promise<Zugriff> {
  authorize(actor, 'portal.nutzen');
  if (buergerId === actor.userId) return { buergerId, als: 'selbst' };
  if (!istUuid(buergerId)) throw notFound();
  const vollmachten = await portalRepository.vollmachtenFuer(tx, actor.userId, heuteDatum);
  const passend = vollmachten.filter((x) => x.v.vollmachtgeberId === buergerId && (umfang === 'lesen' || x.v.umfang === 'handeln'));
  if (passend.length === 0) throw notFound();
  return { buergerId, als: 'vertreter' };
}

export const ENTWURF = 'Der Antrag';

/** Loads a draft the actor may read / act in, else 404. */
export async function ladeEntwurfFuer(tx: Tx, actor: Actor, id: string, umfang: Umfang, heuteDatum: string, sperren = false): Promise<{ entwurf: AntragEntwurfRow; zugriff: Zugriff }> {
  authorize(actor, 'portal.nutzen');
  if (!istUuid(id)) throw notFound(ENTWURF);
  const entwurf = sperren ? await portalRepository.lockEntwurf(tx, id) : await portalRepository.findEntwurf(tx, id);
  if (!entwurf) throw notFound(ENTWURF);
  try {
    return { entwurf, zugriff: await pruefeZugriff(tx, actor, entwurf.buergerId, umfang, heuteDatum) };
  } catch {
    throw notFound(ENTWURF);
  }
}
