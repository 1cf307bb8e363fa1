import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import { publicBaseUrl } from '../auth/public-url.ts';
import { recordAudit } from '../audit-trail.ts';
import { AppError, notFound } from '../errors.ts';
import { leerAlsFehlend, mehrfachAuswahl } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kanalFeld, kennung } from './eingaben.ts';
import { sendeNachCommit, traegerFuer } from './gemeinsam.ts';
import { terminAnfrageZaehlen } from './rate-limit.ts';
import { wartelisteLink } from './warteliste-link.ts';

export const wartelisteEingabe = z.object({
  /** Träger by slug (requests without account); signed-in people stay in their own Träger */
  traeger: leerAlsFehlend(z.string().max(100)),
  anliegen: z.string().min(1).max(100),
  kanaele: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(kanalFeld(), { error: 'Bitte wählen Sie mindestens eine Art des Termins.' }).min(1, { error: 'Bitte wählen Sie mindestens eine Art des Termins.' })),
  standortIds: mehrfachAuswahl(kennung()),
  wochentage: mehrfachAuswahl(z.coerce.number().int().min(1).max(7)),
  email: leerAlsFehlend(z.email({ error: 'Bitte geben Sie Ihre E-Mail-Adresse an.' }).max(254)),
  name: leerAlsFehlend(text(200)),
  /** the requesting address, set by the route or page from the request (rate limit for requests without account) */
  ip: z.string().max(100).optional(),
});

/**
 * Puts a citizen (signed in, or by e-mail address) on the Warteliste of an Anliegen. Without an account the request
 * counts against the rate limit (address and e-mail). A mail confirms the entry with the personal link to see and
 * withdraw it (`/termine/warteliste/<link>`).
 */
export const wartelisteEintragen = defineUseCase({
  name: 'termine.warteliste-eintragen',
  zugang: 'oeffentlich',
  input: wartelisteEingabe,
  audit: ['warteliste_eintrag.create'],
  run: async ({ ctx, actor: angemeldet, input }) => {
    const actor = angemeldet?.art === 'buerger' ? angemeldet : null;
    const traegerId = angemeldet ? angemeldet.traegerId : (await traegerFuer(ctx, input.traeger)).id;
    const basisUrl = publicBaseUrl(ctx);
    const email = actor?.email ?? input.email;
    if (!email) throw new AppError('validation_failed', 400, 'Bitte geben Sie Ihre E-Mail-Adresse an.', [{ path: 'email', code: 'required', message: 'Bitte geben Sie Ihre E-Mail-Adresse an.' }]);
    if (!actor) await terminAnfrageZaehlen(ctx, { ip: input.ip ?? 'unbekannt', email });
    const { eintrag, mail } = await ctx.db.withTenant({ traegerId, userId: actor?.userId ?? null }, async (tx) => {
      const anliegen = await termineRepository.findAnliegen(tx, input.anliegen);
      if (!anliegen) throw notFound('Das Anliegen');
      const vorhanden = await termineRepository.findEintragFuer(tx, anliegen.id, { userId: actor?.userId ?? null, email });
      if (vorhanden) throw new AppError('bereits_eingetragen', 409, 'Sie stehen für dieses Anliegen schon auf der Warteliste.');
      const neu = await termineRepository.insertEintrag(tx, {
        traegerId,
        anliegenId: anliegen.id,
        kanaele: input.kanaele,
        standortIds: input.standortIds ?? [],
        wochentage: input.wochentage ?? [],
        buergerUserId: actor?.userId ?? null,
        email,
        name: actor?.name ?? input.name ?? '',
      });
      await recordAudit(tx, actor ?? { system: 'warteliste', traegerId: traegerId }, {
        objectType: 'warteliste_eintrag',
        objectId: neu.id,
        personId: actor?.userId ?? null,
        action: 'create',
        purpose: 'Eintrag auf der Warteliste für Termine',
      });
      const bestaetigung: OutgoingMail | undefined = {
            to: email,
            subject: 'Sie stehen auf der Warteliste',
            text: [
              `Guten Tag${neu.name ? ` ${neu.name}` : ''},`,
              '',
              `Sie stehen auf unserer Warteliste für: ${anliegen.name}.`,
              'Sobald ein passender Termin frei wird, bieten wir ihn Ihnen der Reihe nach per E-Mail an.',
              '',
              'Ihren Eintrag ansehen oder zurückziehen (persönlicher Link, bitte nicht weitergeben):',
              wartelisteLink(ctx, basisUrl, neu.id),
            ].join('\n'),
          };
      return { eintrag: neu, mail: bestaetigung };
    });
    await sendeNachCommit(ctx, traegerId, [mail]);
    return eintrag;
  },
});
