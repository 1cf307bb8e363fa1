import { termineRepository } from '../../db/repositories/termine.ts';
import { erinnerungAm } from '../../domain/termine/index.ts';
import type { AppContext } from '../context.ts';
import { regelnFuer, sendeNachCommit } from './gemeinsam.ts';
import { terminMail } from './mails.ts';

export const ERINNERUNG_JOB = 'termine-erinnerungen';

/**
 * Background job (pg-boss, every minute): reminder mail with .ics for every booked appointment whose reminder time
 * (24 h before) has come. Marked in the same transaction, so a reminder goes out at most once per appointment
 * version (moving resets it). Returns the number sent.
 */
export async function sendeErinnerungen(opts: { ctx: AppContext; basisUrl: string; jetzt?: Date }): Promise<number> {
  const jetzt = opts.jetzt ?? new Date();
  const maxVorStunden = 48;
  const kandidaten = await opts.ctx.db.withSystem((tx) =>
    termineRepository.faelligeErinnerungenSystem(tx, jetzt, new Date(jetzt.getTime() + maxVorStunden * 3_600_000)),
  );
  let gesendet = 0;
  for (const k of kandidaten) {
    const am = erinnerungAm({ beginn: k.beginn }, k.createdAt, regelnFuer(k.traegerId));
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
