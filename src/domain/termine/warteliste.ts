/**
 * Fair waiting list (Warteliste): instead of a race for released slots, a free slot is offered to the waiting
 * people in the order they signed up, one person at a time, with a time-limited confirmation token.
 *
 * Pure state transitions on an immutable `Warteliste` value. The caller generates the random token (e.g.
 * `randomToken()` from src/server/security/crypto.ts), sends it by e-mail, and stores only the state (which holds the
 * token's SHA-256 hash, never the token).
 *
 * Rules:
 * - order: earliest `eingetragenAm` first (ties: id), among entries whose wishes match the slot;
 * - a person holds at most one open offer; a slot is offered to at most one person at a time;
 * - a person is never offered the same slot again after declining it or letting it expire;
 * - after `maxVerfallen` expired offers in a row the entry is paused (it keeps its place when reactivated);
 * - an open offer holds the slot: `gehalteneSlots` lists them as bookings for `freieSlots`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Belegung, Kanal } from './verfuegbarkeit.ts';
import { uhrzeitMinuten, wandzeit, type Wochentag } from './zeit.ts';

const MINUTE = 60_000;

export type Wunsch = {
  anliegenId: string;
  /** acceptable channels (at least one) */
  kanaele: readonly Kanal[];
  /** acceptable Standorte for on-site appointments; empty = any */
  standortIds: readonly string[];
  /** preferred weekdays; empty = any */
  wochentage: readonly Wochentag[];
  /** preferred local time of day 'HH:MM'–'HH:MM' (the appointment must lie inside); absent = any */
  tageszeit?: { von: string; bis: string };
};

export type EintragStatus = 'wartend' | 'versorgt' | 'pausiert' | 'zurueckgezogen';

export type Eintrag = {
  id: string;
  /** person (portal account) or confirmed e-mail contact – an opaque id here */
  personId: string;
  eingetragenAm: Date;
  wunsch: Wunsch;
  status: EintragStatus;
  /** expired offers in a row */
  verfallen: number;
};

export type AngebotenerSlot = {
  /** stable key of the slot, e.g. `${ressourceId}|${beginn ISO}` */
  schluessel: string;
  anliegenId: string;
  ressourceId: string;
  standortId: string;
  beginn: Date;
  ende: Date;
  pufferMinuten: number;
  kanaele: readonly Kanal[];
};

export type AngebotStatus = 'offen' | 'angenommen' | 'abgelehnt' | 'verfallen' | 'zurueckgezogen';

export type Angebot = {
  id: string;
  eintragId: string;
  slot: AngebotenerSlot;
  /** SHA-256 (hex) of the token sent by e-mail */
  tokenHash: string;
  erstelltAm: Date;
  gueltigBis: Date;
  status: AngebotStatus;
  beantwortetAm?: Date;
};

export type Warteliste = { eintraege: readonly Eintrag[]; angebote: readonly Angebot[] };

export const LEERE_WARTELISTE: Warteliste = { eintraege: [], angebote: [] };

export const WARTELISTE_FEHLER = {
  bereits_eingetragen: 'Sie stehen für dieses Anliegen schon auf der Warteliste.',
  wunsch_ungueltig: 'Bitte wählen Sie mindestens eine Terminart.',
  eintrag_unbekannt: 'Diesen Eintrag gibt es nicht.',
  angebot_unbekannt: 'Dieser Link ist ungültig.',
  angebot_verfallen: 'Dieses Angebot ist abgelaufen. Sie bleiben auf der Warteliste.',
  angebot_beantwortet: 'Dieses Angebot wurde bereits beantwortet.',
  slot_bereits_angeboten: 'Dieser Termin ist gerade einer anderen Person angeboten.',
} as const;
export type WartelisteFehlerCode = keyof typeof WARTELISTE_FEHLER;

export class WartelisteFehler extends Error {
  readonly code: WartelisteFehlerCode;
  constructor(code: WartelisteFehlerCode) {
    super(WARTELISTE_FEHLER[code]);
    this.name = 'WartelisteFehler';
    this.code = code;
  }
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function gleicherHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Add a person to the waiting list. One active entry per person and Anliegen. */
export function eintragen(w: Warteliste, eintrag: { id: string; personId: string; eingetragenAm: Date; wunsch: Wunsch }): Warteliste {
  if (eintrag.wunsch.kanaele.length === 0) throw new WartelisteFehler('wunsch_ungueltig');
  const doppelt = w.eintraege.some(
    (e) =>
      e.personId === eintrag.personId &&
      e.wunsch.anliegenId === eintrag.wunsch.anliegenId &&
      (e.status === 'wartend' || e.status === 'pausiert'),
  );
  if (doppelt) throw new WartelisteFehler('bereits_eingetragen');
  return { ...w, eintraege: [...w.eintraege, { ...eintrag, status: 'wartend', verfallen: 0 }] };
}

/** Withdraw an entry (the person no longer wants an appointment); an open offer of it is withdrawn too. */
export function austragen(w: Warteliste, eintragId: string, jetzt: Date): { liste: Warteliste; freigegeben: AngebotenerSlot[] } {
  if (!w.eintraege.some((e) => e.id === eintragId)) throw new WartelisteFehler('eintrag_unbekannt');
  const freigegeben: AngebotenerSlot[] = [];
  const angebote = w.angebote.map((a) => {
    if (a.eintragId !== eintragId || a.status !== 'offen') return a;
    freigegeben.push(a.slot);
    return { ...a, status: 'zurueckgezogen' as const, beantwortetAm: jetzt };
  });
  const eintraege = w.eintraege.map((e) => (e.id === eintragId ? { ...e, status: 'zurueckgezogen' as const } : e));
  return { liste: { eintraege, angebote }, freigegeben };
}

/** Reactivate a paused entry; it keeps its original place. */
export function reaktivieren(w: Warteliste, eintragId: string): Warteliste {
  if (!w.eintraege.some((e) => e.id === eintragId)) throw new WartelisteFehler('eintrag_unbekannt');
  return { ...w, eintraege: w.eintraege.map((e) => (e.id === eintragId && e.status === 'pausiert' ? { ...e, status: 'wartend', verfallen: 0 } : e)) };
}

/** Does a slot fit an entry's wishes? */
export function passt(wunsch: Wunsch, slot: AngebotenerSlot): boolean {
  if (wunsch.anliegenId !== slot.anliegenId) return false;
  // a Standort wish matters only for on-site appointments
  if (passendeKanaele(wunsch, slot).length === 0) return false;
  const beginn = wandzeit(slot.beginn);
  if (wunsch.wochentage.length > 0 && !wunsch.wochentage.includes(beginn.wochentag)) return false;
  if (wunsch.tageszeit) {
    const ende = wandzeit(slot.ende);
    const endeMinuten = ende.datum === beginn.datum ? ende.minuten : 1440;
    if (beginn.minuten < uhrzeitMinuten(wunsch.tageszeit.von) || endeMinuten > uhrzeitMinuten(wunsch.tageszeit.bis)) return false;
  }
  return true;
}

/** Channels of the slot the entry accepts, and on-site only at a wished Standort. */
export function passendeKanaele(wunsch: Wunsch, slot: AngebotenerSlot): Kanal[] {
  return slot.kanaele.filter(
    (k) => wunsch.kanaele.includes(k) && (k !== 'vor_ort' || wunsch.standortIds.length === 0 || wunsch.standortIds.includes(slot.standortId)),
  );
}

/** The entry that is next in line for this slot, or undefined. */
export function naechsterFuer(w: Warteliste, slot: AngebotenerSlot): Eintrag | undefined {
  const hatteSlot = new Set(w.angebote.filter((a) => a.slot.schluessel === slot.schluessel).map((a) => a.eintragId));
  const mitOffenemAngebot = new Set(w.angebote.filter((a) => a.status === 'offen').map((a) => a.eintragId));
  return [...w.eintraege]
    .filter((e) => e.status === 'wartend' && !hatteSlot.has(e.id) && !mitOffenemAngebot.has(e.id) && passt(e.wunsch, slot))
    .sort((a, b) => a.eingetragenAm.getTime() - b.eingetragenAm.getTime() || a.id.localeCompare(b.id))[0];
}

/**
 * Offer a free slot to the next person in line. Returns the new state and the offer (undefined when nobody
 * fits – the slot then stays free for normal booking). The slot must not be offered to anyone else right now.
 */
export function anbieten(
  w: Warteliste,
  slot: AngebotenerSlot,
  optionen: { angebotId: string; token: string; jetzt: Date; gueltigMinuten: number },
): { liste: Warteliste; angebot?: Angebot; eintrag?: Eintrag } {
  if (w.angebote.some((a) => a.status === 'offen' && a.slot.schluessel === slot.schluessel)) throw new WartelisteFehler('slot_bereits_angeboten');
  if (slot.beginn.getTime() <= optionen.jetzt.getTime()) return { liste: w };
  const eintrag = naechsterFuer(w, slot);
  if (!eintrag) return { liste: w };
  // the offer never runs past the start of the appointment
  const gueltigBis = Math.min(optionen.jetzt.getTime() + optionen.gueltigMinuten * MINUTE, slot.beginn.getTime());
  const angebot: Angebot = {
    id: optionen.angebotId,
    eintragId: eintrag.id,
    slot,
    tokenHash: tokenHash(optionen.token),
    erstelltAm: optionen.jetzt,
    gueltigBis: new Date(gueltigBis),
    status: 'offen',
  };
  return { liste: { ...w, angebote: [...w.angebote, angebot] }, angebot, eintrag };
}

function angebotZuToken(w: Warteliste, token: string): Angebot {
  const hash = tokenHash(token);
  const angebot = w.angebote.find((a) => gleicherHash(a.tokenHash, hash));
  if (!angebot) throw new WartelisteFehler('angebot_unbekannt');
  return angebot;
}

function ersetze(w: Warteliste, angebot: Angebot, eintragAenderung?: (e: Eintrag) => Eintrag): Warteliste {
  return {
    angebote: w.angebote.map((a) => (a.id === angebot.id ? angebot : a)),
    eintraege: eintragAenderung ? w.eintraege.map((e) => (e.id === angebot.eintragId ? eintragAenderung(e) : e)) : w.eintraege,
  };
}

/** Check a token without changing anything (for the confirmation page). */
export function angebotPruefen(w: Warteliste, token: string, jetzt: Date): Angebot {
  const angebot = angebotZuToken(w, token);
  if (angebot.status === 'verfallen' || (angebot.status === 'offen' && jetzt.getTime() >= angebot.gueltigBis.getTime())) {
    throw new WartelisteFehler('angebot_verfallen');
  }
  if (angebot.status !== 'offen') throw new WartelisteFehler('angebot_beantwortet');
  return angebot;
}

/**
 * Accept an offer. The caller then books the slot (in the same transaction); the entry is served. An expired or
 * already answered token is refused – a reused link can never book twice.
 */
export function annehmen(w: Warteliste, token: string, jetzt: Date): { liste: Warteliste; angebot: Angebot } {
  const angebot = { ...angebotPruefen(w, token, jetzt), status: 'angenommen' as const, beantwortetAm: jetzt };
  return { liste: ersetze(w, angebot, (e) => ({ ...e, status: 'versorgt', verfallen: 0 })), angebot };
}

/** Decline an offer; the person stays on the list, the slot goes to the next person (`freigegeben`). */
export function ablehnen(w: Warteliste, token: string, jetzt: Date): { liste: Warteliste; freigegeben: AngebotenerSlot } {
  const angebot = { ...angebotPruefen(w, token, jetzt), status: 'abgelehnt' as const, beantwortetAm: jetzt };
  return { liste: ersetze(w, angebot, (e) => ({ ...e, verfallen: 0 })), freigegeben: angebot.slot };
}

/**
 * Expire every open offer whose time is up. Returns the slots to offer to the next people (those that still lie
 * in the future). After `maxVerfallen` expiries in a row an entry is paused.
 */
export function verfallenLassen(
  w: Warteliste,
  jetzt: Date,
  maxVerfallen = 3,
): { liste: Warteliste; freigegeben: AngebotenerSlot[] } {
  let liste = w;
  const freigegeben: AngebotenerSlot[] = [];
  for (const a of w.angebote) {
    if (a.status !== 'offen' || jetzt.getTime() < a.gueltigBis.getTime()) continue;
    liste = ersetze(liste, { ...a, status: 'verfallen' }, (e) => {
      const verfallen = e.verfallen + 1;
      return { ...e, verfallen, status: verfallen >= maxVerfallen && e.status === 'wartend' ? 'pausiert' : e.status };
    });
    if (a.slot.beginn.getTime() > jetzt.getTime()) freigegeben.push(a.slot);
  }
  return { liste, freigegeben };
}

/**
 * Hand released slots on: each released slot is offered to the next person in line. `token` and `angebotId`
 * are called once per created offer (the caller's random source).
 */
export function weitergeben(
  w: Warteliste,
  slots: readonly AngebotenerSlot[],
  optionen: { jetzt: Date; gueltigMinuten: number; neueId: () => string; neuesToken: () => string },
): { liste: Warteliste; neu: { angebot: Angebot; token: string }[] } {
  let liste = w;
  const neu: { angebot: Angebot; token: string }[] = [];
  for (const slot of slots) {
    if (liste.angebote.some((a) => a.status === 'offen' && a.slot.schluessel === slot.schluessel)) continue;
    const token = optionen.neuesToken();
    const r = anbieten(liste, slot, { angebotId: optionen.neueId(), token, jetzt: optionen.jetzt, gueltigMinuten: optionen.gueltigMinuten });
    liste = r.liste;
    if (r.angebot) neu.push({ angebot: r.angebot, token });
  }
  return { liste, neu };
}

/** Open offers hold their slot: pass these to `freieSlots` as bookings so nobody else can book it meanwhile. */
export function gehalteneSlots(w: Warteliste, jetzt: Date): Belegung[] {
  return w.angebote
    .filter((a) => a.status === 'offen' && jetzt.getTime() < a.gueltigBis.getTime())
    .map((a) => ({ ressourceId: a.slot.ressourceId, beginn: a.slot.beginn, ende: a.slot.ende, pufferMinuten: a.slot.pufferMinuten }));
}

/** Position of an entry among the waiting entries for the same Anliegen (1-based), for display. */
export function position(w: Warteliste, eintragId: string): number | undefined {
  const eintrag = w.eintraege.find((e) => e.id === eintragId);
  if (!eintrag || eintrag.status !== 'wartend') return undefined;
  const vor = w.eintraege.filter(
    (e) =>
      e.status === 'wartend' &&
      e.wunsch.anliegenId === eintrag.wunsch.anliegenId &&
      (e.eingetragenAm.getTime() < eintrag.eingetragenAm.getTime() ||
        (e.eingetragenAm.getTime() === eintrag.eingetragenAm.getTime() && e.id < eintrag.id)),
  );
  return vor.length + 1;
}
