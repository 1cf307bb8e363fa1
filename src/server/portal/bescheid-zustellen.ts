import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { isLang, type Lang } from '../../i18n/index.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor } from '../context.ts';
import { buergerDerBg } from './postfach-gemeinsam.ts';

/**
 * Delivers a Bescheid PDF online — only if the citizen chose online delivery. Returns 'postfach' when delivered,
 * 'post' when it must be sent by letter (no portal account or no opt-in). For the Bescheid work (src/server/bescheid).
 */
export async function stelleBescheidZu(opts: { tx: Tx; actor: Actor | { system: string; traegerId: string }; bgId: string; titel: string; pdf: Buffer; dateiname: string }): Promise<'postfach' | 'post'> {
  return (await stelleDokumentZu({ ...opts, art: 'bescheid', text: 'Ihr Bescheid liegt als PDF im Anhang.', zweck: 'Bescheid online zustellen (Zustellungswunsch)' })).weg;
}

/**
 * Delivers any document the Jobcenter made (Bescheid, Kooperationsplan) to the Postfach of the citizen linked to the
 * BG — only if they chose online delivery; `weg: 'post'` otherwise. Returns the Postfach message when delivered.
 */
export async function stelleDokumentZu(opts: {
  tx: Tx;
  actor: Actor | { system: string; traegerId: string };
  bgId: string;
  titel: string;
  pdf: Buffer;
  dateiname: string;
  art: 'bescheid' | 'nachricht';
  text: string;
  zweck: string;
  /** subject and text in the citizen's portal language (users.sprache), where the i18n has them; else titel/text */
  uebersetzt?: (lang: Lang) => { titel: string; text: string };
}): Promise<{ weg: 'postfach' | 'post'; nachrichtId: string | null }> {
  const { tx } = opts;
  const buergerId = await buergerDerBg(tx, opts.bgId);
  if (!buergerId) return { weg: 'post', nachrichtId: null };
  const wunsch = await portalRepository.zustellung(tx, buergerId);
  if (!wunsch?.online) return { weg: 'post', nachrichtId: null };
  const traegerId = opts.actor.traegerId;
  const sprache = opts.uebersetzt ? (await portalRepository.findUser(tx, buergerId))?.sprache : undefined;
  const inhalt = opts.uebersetzt && isLang(sprache) ? opts.uebersetzt(sprache) : { titel: opts.titel, text: opts.text };
  const n = await portalRepository.insertNachricht(tx, {
    traegerId,
    buergerId,
    bgId: opts.bgId,
    richtung: 'an_buerger',
    art: opts.art,
    betreff: inhalt.titel,
    text: inhalt.text,
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
  await recordAudit(tx, opts.actor, { objectType: 'postfach_nachricht', objectId: n.id, action: 'create', purpose: opts.zweck });
  return { weg: 'postfach', nachrichtId: n.id };
}
