import { termineRepository } from '../../db/repositories/termine.ts';
import { erinnerungAm, REGEL_GRENZEN, type TerminRegeln } from '../../domain/termine/index.ts';
import type { AppContext } from '../context.ts';
import { regelnFuer, sendeNachCommit } from './gemeinsam.ts';
import { terminMail } from './mails.ts';

/**
 * Background job (src/jobs/termine-erinnerungen.ts, every minute): reminder mail with .ics for every booked appointment whose reminder time
 * (the Träger's `erinnerungVorStunden`, 24 h by default) has come. Marked in the same transaction, so a reminder goes out at most once per appointment
 * version (moving resets it). Returns the number sent.
 */
export async function sendeErinnerungen(opts: { ctx: AppContext; basisUrl: string; jetzt?: Date }): Promise<number> {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  // every Träger's reminder lies within the largest reminder time a Träger may set
  const maxVorStunden = REGEL_GRENZEN.erinnerungVorStunden.max;
  const { kandidaten, regeln } = await opts.ctx.db.withSystem(async (tx) => {
    const liste = await termineRepository.faelligeErinnerungenSystem(tx, jetzt, new Date(jetzt.getTime() + maxVorStunden * 3_600_000));
    const jeTraeger = new Map<string, TerminRegeln>();
    for (const k of liste) if (!jeTraeger.has(k.traegerId)) jeTraeger.set(k.traegerId, await regelnFuer(tx, k.traegerId));
    return { kandidaten: liste, regeln: jeTraeger };
  });
  let gesendet = 0;
  for (const k of kandidaten) {
    const am = erinnerungAm({ beginn: k.beginn }, k.createdAt, regeln.get(k.traegerId));
    if (!am || am.getTime() > jetzt.getTime()) continue;
    const mail = await opts.ctx.db.withTenant({ traegerId: k.traegerId }, async (tx) => {
      const termin = await termineRepository.markiereErinnerung(tx, k.id);
      if (!termin) return undefined;
      return terminMail({ ctx: opts.ctx, tx, termin, art: 'erinnerung', basisUrl: opts.basisUrl, jetzt });
    });
    if (mail) {
      await sendeNachCommit(opts.ctx, k.traegerId, [mail]);
      gesendet++;
    }
  }
  return gesendet;
}
