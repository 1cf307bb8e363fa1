import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { termineRepository, type AngebotRow, type EintragRow } from '../../db/repositories/termine.ts';
import {
  anbieten,
  deutscheAnzeige,
  KANAL_NAME,
  passendeKanaele,
  WartelisteFehler,
  type Angebot,
  type AngebotenerSlot,
  type Eintrag,
  type Kanal,
  type Warteliste,
  type Wochentag,
} from '../../domain/termine/index.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import type { AppContext } from '../context.ts';
import { randomToken } from '../security/crypto.ts';
import { regelnFuer, sendeNachCommit } from './gemeinsam.ts';
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

export const alsAngebot = (a: AngebotRow, pufferMinuten = 0): Angebot => ({
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
