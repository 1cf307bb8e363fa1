/** Shared pieces of the Postfach use cases (postfach-*.ts, nachricht-*.ts, bescheid-zustellen.ts). */
import type { Tx } from '../../db/client.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { validationFailed } from '../errors.ts';

export type Anhang = { id: string; dateiname: string; status: string };
export type Nachricht = { id: string; richtung: string; art: string; betreff: string; text: string; absenderName: string; gelesenAm: string | null; createdAt: string; anhaenge: Anhang[] };

export async function mitAnhaengen(tx: Tx, rows: Awaited<ReturnType<typeof portalRepository.nachrichten>>): Promise<Nachricht[]> {
  const ergebnis: Nachricht[] = [];
  for (const n of rows) {
    const anhaenge = (await portalRepository.dateienMeta(tx, { nachrichtId: n.id })).map((d) => ({ id: d.id, dateiname: d.dateiname, status: d.status }));
    ergebnis.push({
      id: n.id,
      richtung: n.richtung,
      art: n.art,
      betreff: n.betreff,
      text: n.text,
      absenderName: n.absenderName,
      gelesenAm: n.gelesenAm?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
      anhaenge,
    });
  }
  return ergebnis;
}

const BETREFF_MAX = 200;
const TEXT_MAX = 5000;

export function pruefeText(betreff: string, text: string) {
  const issues = [];
  if (!betreff.trim()) issues.push({ path: 'betreff', code: 'pflichtfeld', message: 'Bitte geben Sie einen Betreff an.' });
  else if (betreff.length > BETREFF_MAX) issues.push({ path: 'betreff', code: 'zu_lang', message: 'Der Betreff ist zu lang.' });
  if (!text.trim()) issues.push({ path: 'text', code: 'pflichtfeld', message: 'Bitte schreiben Sie eine Nachricht.' });
  else if (text.length > TEXT_MAX) issues.push({ path: 'text', code: 'zu_lang', message: 'Die Nachricht ist zu lang.' });
  if (issues.length) throw validationFailed(issues);
}

/** The citizen accounts linked to a case (who sent its Anträge online). */
export async function buergerDerBg(tx: Tx, bgId: string): Promise<string | undefined> {
  const r = await portalRepository.buergerZurBg(tx, bgId);
  return r;
}
