import { termineRepository } from '../../db/repositories/termine.ts';
import { deutscheAnzeige, KANAL_NAME, pruefeBuchung, type Kanal } from '../../domain/termine/index.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { hashToken, randomToken } from '../security/crypto.ts';
import { bucheTermin } from './buche-termin.ts';
import { terminFehler } from './fehler.ts';
import { regelnFuer, sendeNachCommit } from './gemeinsam.ts';
import { terminAnfrageZaehlen } from './rate-limit.ts';
import { ladeVerfuegbarkeit } from './verfuegbarkeit.ts';

/** How long a double-opt-in link is valid. */
export const BESTAETIGUNG_GUELTIG_MINUTEN = 60;

/**
 * Anonymous booking, step 1: the rules are checked, nothing is booked yet; a link goes to the given address.
 * Only who opens the link (step 2) books – so nobody can book in someone else's name.
 */
export async function anonymeAnfrage(opts: {
  ctx: AppContext;
  traegerId: string;
  input: { anliegenId: string; kanal: Kanal; beginn: Date; standortId?: string | undefined; email: string; name: string };
  basisUrl: string;
  /** the requesting address (rate limit per address and per e-mail) */
  ip: string;
  jetzt?: Date;
}) {
  const { ctx, input } = opts;
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  // the rate limit is a security timer on real time (its locks are stamped by the database), not the business clock
  await terminAnfrageZaehlen(ctx, { ip: opts.ip, email: input.email });
  const token = randomToken();
  const mail = await ctx.db.withTenant({ traegerId: opts.traegerId }, async (tx) => {
    const regeln = await regelnFuer(tx, opts.traegerId);
    const anliegen = await termineRepository.findAnliegen(tx, input.anliegenId);
    const { v } = await ladeVerfuegbarkeit(tx, { jetzt, regeln });
    const p = pruefeBuchung(v, { anliegenId: anliegen?.id ?? input.anliegenId, kanal: input.kanal, beginn: input.beginn, ...(input.standortId ? { standortId: input.standortId } : {}) }, jetzt, regeln);
    if (!p.ok) throw terminFehler(p.fehler);
    const ablauf = Math.min(jetzt.getTime() + BESTAETIGUNG_GUELTIG_MINUTEN * 60_000, input.beginn.getTime());
    await termineRepository.insertBestaetigung(tx, {
      traegerId: opts.traegerId,
      tokenHash: hashToken(token),
      email: input.email,
      name: input.name,
      anliegenId: p.slot.anliegenId,
      kanal: input.kanal,
      standortId: p.slot.standortId,
      beginn: input.beginn,
      expiresAt: new Date(ablauf),
    });
    return {
      to: input.email,
      subject: 'Bitte bestätigen Sie Ihren Termin',
      text: [
        `Guten Tag ${input.name},`,
        '',
        `Sie möchten einen Termin buchen: ${anliegen?.name ?? ''}, ${deutscheAnzeige(input.beginn)}, ${KANAL_NAME[input.kanal]}.`,
        `Bitte bestätigen Sie innerhalb von ${BESTAETIGUNG_GUELTIG_MINUTEN} Minuten mit diesem Link, dass diese E-Mail-Adresse Ihnen gehört:`,
        `${opts.basisUrl}/termine/bestaetigen/${token}`,
        '',
        'Erst dann ist der Termin gebucht. Mit der Buchungsbestätigung erhalten Sie einen persönlichen Link, mit dem Sie den Termin ansehen, verschieben oder absagen können.',
        'Wenn Sie nichts gebucht haben, können Sie diese E-Mail löschen.',
      ].join('\n'),
    };
  });
  await sendeNachCommit(ctx, opts.traegerId, [mail]);
  return { gesendetAn: input.email };
}

/** Checks a double-opt-in link without using it (for the page that asks to confirm). */
export async function anfragePruefen(opts: { ctx: AppContext; token: string; jetzt?: Date }) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const b = await opts.ctx.db.withSystem((tx) => termineRepository.findBestaetigungSystem(tx, hashToken(opts.token)));
  if (!b) throw new AppError('link_ungueltig', 404, 'Dieser Bestätigungslink ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.');
  if (b.usedAt) throw new AppError('link_verbraucht', 410, 'Dieser Bestätigungslink wurde bereits verwendet. Ihr Termin ist gebucht; die Bestätigung haben Sie per E-Mail erhalten.');
  if (b.expiresAt.getTime() <= jetzt.getTime()) throw new AppError('link_abgelaufen', 410, 'Dieser Bestätigungslink ist abgelaufen. Bitte wählen Sie erneut einen Termin.');
  return b;
}

/** Anonymous booking, step 2: the link was opened – consume it (once, before expiry) and book. */
export async function anfrageBestaetigen(opts: { ctx: AppContext; token: string; basisUrl: string; jetzt?: Date }) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const b = await anfragePruefen({ ...opts, jetzt });
  return bucheTermin({
    ctx: opts.ctx,
    traegerId: b.traegerId,
    actor: null,
    person: { email: b.email, name: b.name },
    input: { anliegenId: b.anliegenId, kanal: b.kanal as Kanal, beginn: b.beginn, standortId: b.standortId ?? undefined },
    basisUrl: opts.basisUrl,
    jetzt,
    imSelbenSchritt: async (tx) => {
      const used = await termineRepository.useBestaetigung(tx, b.id, null);
      if (!used) throw new AppError('link_verbraucht', 410, 'Dieser Bestätigungslink wurde bereits verwendet.');
    },
  });
}

