import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { termineRepository, type AngebotRow, type EintragRow } from '../../db/repositories/termine.ts';
import {
  anbieten,
  angebotPruefen,
  deutscheAnzeige,
  KANAL_NAME,
  passendeKanaele,
  tokenHash,
  WartelisteFehler,
  type Angebot,
  type AngebotenerSlot,
  type Eintrag,
  type Kanal,
  type Warteliste,
  type Wochentag,
} from '../../domain/termine/index.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor, AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { randomToken } from '../security/crypto.ts';
import { bucheTermin } from './buche-termin.ts';
import { regelnFuer, sendeNachCommit } from './gemeinsam.ts';
import { terminAnfrageZaehlen } from './rate-limit.ts';
import { wartelisteLink } from './warteliste-link.ts';

export type FreigegebenerSlot = { ressourceId: string; standortId: string; anliegenId: string; beginn: Date; ende: Date; kanal: Kanal; pufferMinuten: number };

const alsEintrag = (e: EintragRow): Eintrag => ({
  id: e.id,
  personId: e.buergerUserId ?? e.email.toLowerCase(),
  eingetragenAm: e.eingetragenAm,
  wunsch: { anliegenId: e.anliegenId, kanaele: e.kanaele as Kanal[], standortIds: e.standortIds, wochentage: e.wochentage as Wochentag[] },
  status: e.status as Eintrag['status'],
  verfallen: e.verfallen,
});

const alsAngebot = (a: AngebotRow, pufferMinuten = 0): Angebot => ({
  id: a.id,
  eintragId: a.eintragId,
  slot: {
    schluessel: `${a.ressourceId}|${a.beginn.toISOString()}`,
    anliegenId: a.anliegenId,
    ressourceId: a.ressourceId,
    standortId: a.standortId,
    beginn: a.beginn,
    ende: a.ende,
    pufferMinuten,
    kanaele: [a.kanal as Kanal],
  },
  tokenHash: a.tokenHash,
  erstelltAm: a.createdAt,
  gueltigBis: a.gueltigBis,
  status: a.status as Angebot['status'],
});

/**
 * Puts a citizen (signed in, or by e-mail address) on the Warteliste of an Anliegen. Without an account the request
 * counts against the rate limit (address and e-mail). A mail confirms the entry with the personal link to see and
 * withdraw it (`/termine/warteliste/<link>`).
 */
export async function wartelisteEintragen(opts: {
  ctx: AppContext;
  traegerId: string;
  actor: Actor | null;
  input: { anliegen: string; kanaele: Kanal[]; standortIds?: string[] | undefined; wochentage?: number[] | undefined; email?: string | undefined; name?: string | undefined };
  /** the requesting address (rate limit for requests without account) */
  ip?: string | undefined;
  basisUrl?: string | undefined;
}) {
  const { ctx, actor, input } = opts;
  const email = actor?.email ?? input.email;
  if (!email) throw new AppError('validation_failed', 400, 'Bitte geben Sie Ihre E-Mail-Adresse an.', [{ path: 'email', code: 'required', message: 'Bitte geben Sie Ihre E-Mail-Adresse an.' }]);
  if (!actor) await terminAnfrageZaehlen(ctx, { ip: opts.ip ?? 'unbekannt', email });
  const { eintrag, mail } = await ctx.db.withTenant({ traegerId: opts.traegerId, userId: actor?.userId ?? null }, async (tx) => {
    const anliegen = await termineRepository.findAnliegen(tx, input.anliegen);
    if (!anliegen) throw notFound('Das Anliegen');
    const vorhanden = await termineRepository.findEintragFuer(tx, anliegen.id, { userId: actor?.userId ?? null, email });
    if (vorhanden) throw new AppError('bereits_eingetragen', 409, 'Sie stehen für dieses Anliegen schon auf der Warteliste.');
    const neu = await termineRepository.insertEintrag(tx, {
      traegerId: opts.traegerId,
      anliegenId: anliegen.id,
      kanaele: input.kanaele,
      standortIds: input.standortIds ?? [],
      wochentage: input.wochentage ?? [],
      buergerUserId: actor?.userId ?? null,
      email,
      name: actor?.name ?? input.name ?? '',
    });
    await recordAudit(tx, actor ?? { system: 'warteliste', traegerId: opts.traegerId }, {
      objectType: 'warteliste_eintrag',
      objectId: neu.id,
      personId: actor?.userId ?? null,
      action: 'create',
      purpose: 'Eintrag auf der Warteliste für Termine',
    });
    const bestaetigung: OutgoingMail | undefined = opts.basisUrl
      ? {
          to: email,
          subject: 'Sie stehen auf der Warteliste',
          text: [
            `Guten Tag${neu.name ? ` ${neu.name}` : ''},`,
            '',
            `Sie stehen auf unserer Warteliste für: ${anliegen.name}.`,
            'Sobald ein passender Termin frei wird, bieten wir ihn Ihnen der Reihe nach per E-Mail an.',
            '',
            'Ihren Eintrag ansehen oder zurückziehen (persönlicher Link, bitte nicht weitergeben):',
            wartelisteLink(ctx, opts.basisUrl, neu.id),
          ].join('\n'),
        }
      : undefined;
    return { eintrag: neu, mail: bestaetigung };
  });
  await sendeNachCommit(ctx, opts.traegerId, [mail]);
  return eintrag;
}

/**
 * A slot became free (cancelled, moved away, offer expired or declined): offer it to the next waiting person of
 * that Anliegen in order (inside `tx`). Returns the mail to send after commit, or undefined when nobody fits.
 */
export async function slotAnbieten(opts: { ctx: AppContext; tx: Tx; traegerId: string; slot: FreigegebenerSlot; basisUrl: string; jetzt: Date }): Promise<OutgoingMail | undefined> {
  const { tx, slot, jetzt } = opts;
  const eintraege = await termineRepository.wartendeEintraege(tx, slot.anliegenId);
  if (eintraege.length === 0) return undefined;
  const regeln = await regelnFuer(tx, opts.traegerId);
  const angebote = await termineRepository.angeboteFuerEintraege(tx, eintraege.map((e) => e.id));
  const liste: Warteliste = { eintraege: eintraege.map(alsEintrag), angebote: angebote.map((a) => alsAngebot(a)) };
  const angebotenerSlot: AngebotenerSlot = {
    schluessel: `${slot.ressourceId}|${slot.beginn.toISOString()}`,
    anliegenId: slot.anliegenId,
    ressourceId: slot.ressourceId,
    standortId: slot.standortId,
    beginn: slot.beginn,
    ende: slot.ende,
    pufferMinuten: slot.pufferMinuten,
    kanaele: [slot.kanal],
  };
  const token = randomToken();
  let ergebnis;
  try {
    ergebnis = anbieten(liste, angebotenerSlot, { angebotId: randomUUID(), token, jetzt, gueltigMinuten: regeln.angebotGueltigMinuten });
  } catch (err) {
    if (err instanceof WartelisteFehler) return undefined;
    throw err;
  }
  if (!ergebnis.angebot || !ergebnis.eintrag) return undefined;
  const eintrag = eintraege.find((e) => e.id === ergebnis.eintrag!.id)!;
  const kanal = passendeKanaele(ergebnis.eintrag.wunsch, angebotenerSlot)[0] ?? slot.kanal;
  await termineRepository.insertAngebot(tx, {
    id: ergebnis.angebot.id,
    traegerId: opts.traegerId,
    eintragId: eintrag.id,
    ressourceId: slot.ressourceId,
    standortId: slot.standortId,
    anliegenId: slot.anliegenId,
    kanal,
    beginn: slot.beginn,
    ende: slot.ende,
    tokenHash: ergebnis.angebot.tokenHash,
    gueltigBis: ergebnis.angebot.gueltigBis,
  });
  const link = `${opts.basisUrl}/termine/angebot/${token}`;
  return {
    to: eintrag.email,
    subject: 'Ein Termin ist frei geworden',
    text: [
      `Guten Tag${eintrag.name ? ` ${eintrag.name}` : ''},`,
      '',
      'Sie stehen auf unserer Warteliste. Dieser Termin ist frei geworden und für Sie reserviert:',
      '',
      `Zeit: ${deutscheAnzeige(slot.beginn)}`,
      `Art: ${KANAL_NAME[kanal]}`,
      '',
      `Bitte bestätigen Sie den Termin bis ${deutscheAnzeige(ergebnis.angebot.gueltigBis)} über diesen Link:`,
      link,
      '',
      'Wenn Sie nicht bestätigen, bieten wir den Termin der nächsten Person an. Sie bleiben auf der Warteliste.',
      '',
      'Sie brauchen keinen Termin mehr? Hier können Sie sich von der Warteliste austragen:',
      wartelisteLink(opts.ctx, opts.basisUrl, eintrag.id),
    ].join('\n'),
  };
}

/** Looks up an offer by the token from the e-mail link (across Träger) and checks it; clear errors otherwise. */
export async function angebotLesen(opts: { ctx: AppContext; token: string; jetzt?: Date }) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const hash = tokenHash(opts.token);
  const row = await opts.ctx.db.withSystem((tx) => termineRepository.findAngebotSystem(tx, hash));
  if (!row) throw new AppError('angebot_unbekannt', 404, 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.');
  try {
    angebotPruefen({ eintraege: [], angebote: [alsAngebot(row)] }, opts.token, jetzt);
  } catch (err) {
    if (err instanceof WartelisteFehler) {
      const meldung =
        err.code === 'angebot_verfallen'
          ? 'Dieses Angebot ist abgelaufen. Der Termin wurde inzwischen anderen angeboten. Sie bleiben auf der Warteliste.'
          : 'Dieses Angebot wurde bereits beantwortet. Der Link kann nur einmal verwendet werden.';
      throw new AppError(err.code, 410, meldung);
    }
    throw err;
  }
  return row;
}

/** Accepts a Warteliste offer: the offer is answered and the slot booked in one transaction. */
export async function angebotAnnehmen(opts: { ctx: AppContext; token: string; basisUrl: string; jetzt?: Date }) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const angebot = await angebotLesen(opts);
  const eintrag = await opts.ctx.db.withTenant({ traegerId: angebot.traegerId }, (tx) => termineRepository.findEintrag(tx, angebot.eintragId));
  if (!eintrag) throw notFound('Der Eintrag');
  return bucheTermin({
    ctx: opts.ctx,
    traegerId: angebot.traegerId,
    actor: null,
    person: eintrag.buergerUserId ? { userId: eintrag.buergerUserId, name: eintrag.name } : { email: eintrag.email, name: eintrag.name },
    input: { anliegenId: angebot.anliegenId, kanal: angebot.kanal as Kanal, beginn: angebot.beginn, standortId: angebot.standortId, ressourceId: angebot.ressourceId },
    basisUrl: opts.basisUrl,
    jetzt,
    ohneAngebotId: angebot.id,
    imSelbenSchritt: async (tx) => {
      // the offer's own hold must not block its booking: answer it first (exactly once)
      const beantwortet = await termineRepository.beantworteAngebot(tx, angebot.id, 'angenommen', jetzt);
      if (!beantwortet) throw new AppError('angebot_beantwortet', 410, 'Dieses Angebot wurde bereits beantwortet. Der Link kann nur einmal verwendet werden.');
      await termineRepository.updateEintrag(tx, eintrag.id, { status: 'versorgt', verfallen: 0 });
    },
    nachInsert: async (tx, termin) => {
      await termineRepository.beantworteAngebotTermin(tx, angebot.id, termin.id);
    },
  });
}

/** Background step: expire offers past their deadline and hand each slot to the next person. */
export async function angeboteVerfallenLassen(opts: { ctx: AppContext; basisUrl: string; jetzt?: Date }): Promise<number> {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const abgelaufen = await opts.ctx.db.withSystem((tx) => termineRepository.abgelaufeneAngeboteSystem(tx, jetzt));
  let weitergegeben = 0;
  for (const a of abgelaufen) {
    const mail = await opts.ctx.db.withTenant({ traegerId: a.traegerId }, async (tx) => {
      const row = await termineRepository.beantworteAngebot(tx, a.id, 'verfallen', jetzt);
      if (!row) return undefined;
      const eintrag = await termineRepository.findEintrag(tx, a.eintragId);
      if (eintrag) {
        const verfallen = eintrag.verfallen + 1;
        await termineRepository.updateEintrag(tx, eintrag.id, { verfallen, status: verfallen >= 3 ? 'pausiert' : eintrag.status });
      }
      if (a.beginn.getTime() <= jetzt.getTime()) return undefined;
      return slotAnbieten({
        ctx: opts.ctx,
        tx,
        traegerId: a.traegerId,
        slot: { ressourceId: a.ressourceId, standortId: a.standortId, anliegenId: a.anliegenId, beginn: a.beginn, ende: a.ende, kanal: a.kanal as Kanal, pufferMinuten: 0 },
        basisUrl: opts.basisUrl,
        jetzt,
      });
    });
    if (mail) weitergegeben++;
    await sendeNachCommit(opts.ctx, a.traegerId, [mail]);
  }
  return weitergegeben;
}
