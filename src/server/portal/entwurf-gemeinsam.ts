/**
 * Shared pieces of the draft use cases (entwurf-*.ts, schritt-speichern.ts, eintrag-*.ts). Drafts of online applications (docs/buergerportal.md): started, saved after every step on the server (encrypted),
 * resumed on any device. The Antragsdatum is fixed by `uebernehmeSchritt` at the flow's marked first step and kept in
 * its own column, so it survives even if the person stops right there.
 */
import type { Tx } from '../../db/client.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import type { AntragEntwurfRow } from '../../db/schema/index.ts';
import type { FlowDaten } from '../../domain/formular/index.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor, AppContext } from '../context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { decrypt, encrypt } from '../security/crypto.ts';
import { portalFlow, type PortalFlow } from './flows.ts';

const ZWECK = 'entwurf';

export const verschluessele = (ctx: AppContext, daten: FlowDaten) => encrypt(ctx.config.secret, ZWECK, JSON.stringify(daten));
export const entschluessele = (ctx: AppContext, e: AntragEntwurfRow): FlowDaten => JSON.parse(decrypt(ctx.config.secret, ZWECK, e.datenEnc)) as FlowDaten;

export function flowVon(e: Pick<AntragEntwurfRow, 'flowId'>): PortalFlow {
  const f = portalFlow(e.flowId);
  if (!f) throw notFound('Der Antrag');
  return f;
}

export type EntwurfAnsicht = { entwurf: AntragEntwurfRow; daten: FlowDaten; pf: PortalFlow; als: 'selbst' | 'vertreter' };

/** The Standort for following up an unfinished draft: the Kommune whose name is the address's town, if any. */
async function standortAusOrt(tx: Tx, daten: FlowDaten): Promise<string | null> {
  const ort = (daten.anschrift as { ort?: unknown } | undefined)?.ort;
  if (typeof ort !== 'string') return null;
  const kommune = (await portalRepository.kommunen(tx)).find((k) => k.name.toLowerCase() === ort.trim().toLowerCase());
  if (!kommune) return null;
  return (await fallRepository.standortFuerKommune(tx, kommune.id))?.id ?? null;
}

export async function speichere(tx: Tx, ctx: AppContext, actor: Actor, e: AntragEntwurfRow, daten: FlowDaten, patch: Partial<AntragEntwurfRow>, aktion: string) {
  const standortId = (await standortAusOrt(tx, daten)) ?? e.standortId;
  const neu = await portalRepository.updateEntwurf(tx, e.id, e.version, { datenEnc: verschluessele(ctx, daten), zuletztVon: actor.userId, standortId, updatedAt: ctx.clock.now(), ...patch });
  if (!neu) throw versionConflict();
  await recordAudit(tx, actor, { objectType: 'antrag_entwurf', objectId: e.id, action: 'update', purpose: `Bürgerportal: ${aktion}`, details: patch.aktuellerSchritt ? { schritt: patch.aktuellerSchritt } : undefined });
  return neu;
}

export function nurOffen(e: AntragEntwurfRow) {
  if (e.status !== 'offen') throw new AppError('entwurf_abgeschlossen', 409, 'Dieser Antrag wurde bereits abgeschickt.');
}

