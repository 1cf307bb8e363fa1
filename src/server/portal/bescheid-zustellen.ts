import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor } from '../context.ts';
import { buergerDerBg } from './postfach-gemeinsam.ts';

/**
 * Delivers a Bescheid PDF online — only if the citizen chose online delivery. Returns 'postfach' when delivered,
 * 'post' when it must be sent by letter (no portal account or no opt-in). For the Bescheid work (src/server/bescheid).
 */
export async function stelleBescheidZu(opts: { tx: Tx; actor: Actor | { system: string; traegerId: string }; bgId: string; titel: string; pdf: Buffer; dateiname: string }): Promise<'postfach' | 'post'> {
  const { tx } = opts;
  const buergerId = await buergerDerBg(tx, opts.bgId);
  if (!buergerId) return 'post';
  const wunsch = await portalRepository.zustellung(tx, buergerId);
  if (!wunsch?.online) return 'post';
  const traegerId = opts.actor.traegerId;
  const n = await portalRepository.insertNachricht(tx, {
    traegerId,
    buergerId,
    bgId: opts.bgId,
    richtung: 'an_buerger',
    art: 'bescheid',
    betreff: opts.titel,
    text: 'Ihr Bescheid liegt als PDF im Anhang.',
    absenderId: 'userId' in opts.actor ? opts.actor.userId : null,
    absenderName: 'Jobcenter',
  });
  await portalRepository.insertDatei(tx, {
    traegerId,
    buergerId,
    bgId: opts.bgId,
    nachrichtId: n.id,
    dateiname: opts.dateiname,
    mime: 'application/pdf',
    groesse: opts.pdf.length,
    sha256: createHash('sha256').update(opts.pdf).digest('hex'),
    inhalt: opts.pdf,
    status: 'sauber',
    scanErgebnis: 'vom Jobcenter erzeugt',
    gescanntAm: new Date(),
  });
  await recordAudit(tx, opts.actor, { objectType: 'postfach_nachricht', objectId: n.id, action: 'create', purpose: 'Bescheid online zustellen (Zustellungswunsch)' });
  return 'postfach';
}
