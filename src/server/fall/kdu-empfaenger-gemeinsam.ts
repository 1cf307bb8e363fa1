/**
 * Shared parts of the KdU-Empfänger use cases (kdu-empfaenger-eintragen.ts, kdu-empfaenger-beenden.ts,
 * kdu-empfaenger-liste.ts): the BG loaded like for its bank details (the Fallakte's loader with the Standort reach of
 * 'fall.bearbeiten', then 'fall.bankdaten'), the month checks and the answer without the clear IBAN.
 */
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { Bedarfsgemeinschaft, KduEmpfaengerRow } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';
import { authorize, type Permission } from '../policies.ts';
import { kalendermonat } from '../schemas/grenzen.ts';
import { ladeBgFuer } from './zugriff.ts';

export const monatFeld = (fehlt: string) =>
  z
    .string({ error: fehlt })
    .trim()
    .min(1, { error: fehlt })
    .pipe(kalendermonat());

/** The BG for a change of its KdU payee: reach and permission as for its bank details (404 / 403 / 404). */
export async function ladeBgFuerKduEmpfaenger(tx: Tx, actor: Actor, bgId: string, permission: Permission = 'fall.bearbeiten'): Promise<Bedarfsgemeinschaft> {
  const bg = await ladeBgFuer(tx, actor, bgId, permission);
  authorize(actor, 'fall.bankdaten');
  return bg;
}

export const kduEmpfaengerAntwort = z.object({
  id: z.string(),
  bgId: z.string(),
  name: z.string(),
  iban: z.string().describe('maskiert: Ländercode, Prüfziffer und die letzten vier Zeichen'),
  bic: z.string().nullable(),
  vonMonat: z.string().describe('erster Monat JJJJ-MM, dessen Unterkunftskosten an den Empfänger gehen'),
  bisMonat: z.string().nullable().describe('letzter Monat JJJJ-MM; null = offen'),
  grund: z.string(),
  verfahrenId: z.string().nullable().describe('Minderungsverfahren, dessen Wegfall nach § 7b Abs. 4 SGB II den Eintrag nötig machte'),
  version: z.number(),
});
export type KduEmpfaengerAntwort = z.infer<typeof kduEmpfaengerAntwort>;

export function presentKduEmpfaenger(r: KduEmpfaengerRow): KduEmpfaengerAntwort {
  return {
    id: r.id,
    bgId: r.bgId,
    name: r.name,
    iban: r.ibanMaskiert,
    bic: r.bic,
    vonMonat: r.vonMonat,
    bisMonat: r.bisMonat,
    grund: r.grund,
    verfahrenId: r.verfahrenId,
    version: r.version,
  };
}
