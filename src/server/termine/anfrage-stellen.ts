import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { deutscheAnzeige, KANAL_NAME, pruefeBuchung } from '../../domain/termine/index.ts';
import { publicBaseUrl } from '../auth/public-url.ts';
import { text, zeitpunkt } from '../schemas/grenzen.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { hashToken, randomToken } from '../security/crypto.ts';
import { defineUseCase } from '../use-case.ts';
import { kanalFeld, kennung } from './eingaben.ts';
import { terminFehler } from './fehler.ts';
import { regelnFuer, sendeNachCommit, traegerFuer } from './gemeinsam.ts';
import { terminAnfrageZaehlen } from './rate-limit.ts';
import { ladeVerfuegbarkeit } from './verfuegbarkeit.ts';

/** How long a double-opt-in link is valid. */
export const BESTAETIGUNG_GUELTIG_MINUTEN = 60;

export const anfrageEingabe = z.object({
  /** Träger by slug (no account: the request names it); default the first Träger */
  traeger: leerAlsFehlend(z.string().max(100)),
  anliegenId: z.string().min(1).max(100),
  kanal: kanalFeld(),
  beginn: z.preprocess((v) => (v === '' ? undefined : v), zeitpunkt()),
  standortId: leerAlsFehlend(kennung()),
  email: z.email({ error: 'Bitte geben Sie Ihre E-Mail-Adresse an.' }).max(254),
  name: z.string({ error: 'Bitte geben Sie Ihren Namen an.' }).trim().min(1, { error: 'Bitte geben Sie Ihren Namen an.' }).max(200).pipe(text(200)),
  /** the requesting address, set by the route or page from the request (rate limit per address and per e-mail) */
  ip: z.string().max(100).optional(),
});

/**
 * Anonymous booking, step 1: the rules are checked, nothing is booked yet; a link goes to the given address.
 * Only who opens the link (step 2, `anfrage-bestaetigen`) books – so nobody can book in someone else's name.
 */
export const anfrageStellen = defineUseCase({
  name: 'termine.anfrage-stellen',
  zugang: 'oeffentlich',
  input: anfrageEingabe,
  audit: [],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const traegerId = actor ? actor.traegerId : (await traegerFuer(ctx, input.traeger)).id;
    // the rate limit is a security timer on real time (its locks are stamped by the database), not the business clock
    await terminAnfrageZaehlen(ctx, { ip: input.ip ?? 'unbekannt', email: input.email });
    const token = randomToken();
    const mail = await ctx.db.withTenant({ traegerId }, async (tx) => {
      const regeln = await regelnFuer(tx, traegerId);
      const anliegen = await termineRepository.findAnliegen(tx, input.anliegenId);
      const { v } = await ladeVerfuegbarkeit(tx, { jetzt, regeln });
      const p = pruefeBuchung(v, { anliegenId: anliegen?.id ?? input.anliegenId, kanal: input.kanal, beginn: input.beginn, ...(input.standortId ? { standortId: input.standortId } : {}) }, jetzt, regeln);
      if (!p.ok) throw terminFehler(p.fehler);
      const ablauf = Math.min(jetzt.getTime() + BESTAETIGUNG_GUELTIG_MINUTEN * 60_000, input.beginn.getTime());
      await termineRepository.insertBestaetigung(tx, {
        traegerId: traegerId,
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
          `${publicBaseUrl(ctx)}/termine/bestaetigen/${token}`,
          '',
          'Erst dann ist der Termin gebucht. Mit der Buchungsbestätigung erhalten Sie einen persönlichen Link, mit dem Sie den Termin ansehen, verschieben oder absagen können.',
          'Wenn Sie nichts gebucht haben, können Sie diese E-Mail löschen.',
        ].join('\n'),
      };
    });
    await sendeNachCommit(ctx, traegerId, [mail]);
    return { gesendetAn: input.email };
  },
});
