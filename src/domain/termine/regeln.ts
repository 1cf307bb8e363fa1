/**
 * The Träger's rules around an appointment: booking window, moving and cancelling, reminder, video room and
 * check-in windows. All pure; `jetzt` is passed in. Defaults are a proposal (docs/termine.md, "Offene Entscheidungen");
 * each Träger sets its own values (table `termin_regeln`, validated by `terminRegelnSchema`).
 */
import { z } from 'zod';
import type { Buchungsfenster, Kanal } from './verfuegbarkeit.ts';

const MINUTE = 60_000;
const STUNDE = 60 * MINUTE;

export type TerminRegeln = Buchungsfenster & {
  /** citizens may move an appointment up to this many hours before its start */
  verschiebenBisStunden: number;
  /** citizens may cancel up to this many hours before its start (later: only by phone/staff) */
  absagenBisStunden: number;
  /** reminder e-mail this many hours before the start */
  erinnerungVorStunden: number;
  /** the video room opens this many minutes before the start … */
  videoOffenVorMinuten: number;
  /** … and closes this many minutes after the start */
  videoOffenNachMinuten: number;
  /** check-in at the Standort possible from this many minutes before … */
  checkinVorMinuten: number;
  /** … to this many minutes after the start */
  checkinNachMinuten: number;
  /** a waiting-list offer must be confirmed within this many minutes */
  angebotGueltigMinuten: number;
};

export const STANDARD_REGELN: Readonly<TerminRegeln> = {
  vorlaufMinuten: 120,
  horizontTage: 42,
  verschiebenBisStunden: 24,
  absagenBisStunden: 24,
  erinnerungVorStunden: 24,
  videoOffenVorMinuten: 15,
  videoOffenNachMinuten: 60,
  checkinVorMinuten: 30,
  checkinNachMinuten: 15,
  angebotGueltigMinuten: 12 * 60,
};

/** The limits of each rule (whole numbers): what an admin may set on the Verwaltung page or through the API. */
export const REGEL_GRENZEN = {
  vorlaufMinuten: { min: 0, max: 7 * 24 * 60, einheit: 'Minuten', name: 'Der Mindestvorlauf' },
  horizontTage: { min: 1, max: 365, einheit: 'Tage', name: 'Der Buchungshorizont' },
  verschiebenBisStunden: { min: 0, max: 14 * 24, einheit: 'Stunden', name: 'Die Frist zum Verschieben' },
  absagenBisStunden: { min: 0, max: 14 * 24, einheit: 'Stunden', name: 'Die Frist zum Absagen' },
  erinnerungVorStunden: { min: 1, max: 7 * 24, einheit: 'Stunden', name: 'Die Erinnerung' },
  videoOffenVorMinuten: { min: 0, max: 120, einheit: 'Minuten', name: 'Die Öffnung des Video-Raums vor Beginn' },
  videoOffenNachMinuten: { min: 15, max: 8 * 60, einheit: 'Minuten', name: 'Die Öffnung des Video-Raums nach Beginn' },
  checkinVorMinuten: { min: 0, max: 4 * 60, einheit: 'Minuten', name: 'Der Check-in vor Beginn' },
  checkinNachMinuten: { min: 0, max: 2 * 60, einheit: 'Minuten', name: 'Der Check-in nach Beginn' },
  angebotGueltigMinuten: { min: 15, max: 7 * 24 * 60, einheit: 'Minuten', name: 'Die Gültigkeit eines Warteliste-Angebots' },
} as const satisfies Record<keyof TerminRegeln, { min: number; max: number; einheit: string; name: string }>;

export type RegelName = keyof typeof REGEL_GRENZEN;

/** German message for a value outside the limits of a rule. */
export const regelMeldung = (regel: RegelName): string => {
  const g = REGEL_GRENZEN[regel];
  return `${g.name} muss eine ganze Zahl von ${g.min} bis ${g.max} ${g.einheit} sein.`;
};

const regelFeld = (regel: RegelName) => {
  const g = REGEL_GRENZEN[regel];
  const meldung = regelMeldung(regel);
  return z.number({ error: meldung }).int({ error: meldung }).min(g.min, { error: meldung }).max(g.max, { error: meldung });
};

/** A Träger's rules, as stored and as accepted from the admin (every field required, whole numbers within limits). */
export const terminRegelnSchema = z.strictObject({
  vorlaufMinuten: regelFeld('vorlaufMinuten'),
  horizontTage: regelFeld('horizontTage'),
  verschiebenBisStunden: regelFeld('verschiebenBisStunden'),
  absagenBisStunden: regelFeld('absagenBisStunden'),
  erinnerungVorStunden: regelFeld('erinnerungVorStunden'),
  videoOffenVorMinuten: regelFeld('videoOffenVorMinuten'),
  videoOffenNachMinuten: regelFeld('videoOffenNachMinuten'),
  checkinVorMinuten: regelFeld('checkinVorMinuten'),
  checkinNachMinuten: regelFeld('checkinNachMinuten'),
  angebotGueltigMinuten: regelFeld('angebotGueltigMinuten'),
}) satisfies z.ZodType<TerminRegeln>;

/** The part of an appointment the rules look at. */
export type TerminZeit = {
  beginn: Date;
  ende: Date;
  kanal: Kanal;
  status: 'gebucht' | 'abgesagt' | 'wahrgenommen' | 'nicht_erschienen';
  /** staff invitations (Meldeaufforderung) cannot be moved or cancelled by the citizen online */
  art: 'buchung' | 'einladung';
};

export const REGEL_FEHLER = {
  frist_abgelaufen_verschieben: 'Dieser Termin kann online nicht mehr verschoben werden. Bitte rufen Sie uns an.',
  frist_abgelaufen_absagen: 'Dieser Termin kann online nicht mehr abgesagt werden. Bitte rufen Sie uns an.',
  termin_nicht_aktiv: 'Dieser Termin ist nicht mehr gebucht.',
  einladung_nicht_aenderbar:
    'Diesen Termin hat das Jobcenter für Sie festgelegt. Wenn Sie ihn nicht wahrnehmen können, melden Sie sich bitte vorher und nennen Sie den Grund.',
} as const;

export type RegelFehlerCode = keyof typeof REGEL_FEHLER;
export type RegelErgebnis = { ok: true } | { ok: false; code: RegelFehlerCode; meldung: string };

const nein = (code: RegelFehlerCode): RegelErgebnis => ({ ok: false, code, meldung: REGEL_FEHLER[code] });

function aenderbar(termin: TerminZeit, jetzt: Date, stunden: number, fristCode: RegelFehlerCode): RegelErgebnis {
  if (termin.status !== 'gebucht') return nein('termin_nicht_aktiv');
  if (termin.art === 'einladung') return nein('einladung_nicht_aenderbar');
  if (jetzt.getTime() > termin.beginn.getTime() - stunden * STUNDE) return nein(fristCode);
  return { ok: true };
}

/** May the citizen move this appointment now? (Exactly at the deadline still yes.) */
export function darfVerschieben(termin: TerminZeit, jetzt: Date, regeln: TerminRegeln = STANDARD_REGELN): RegelErgebnis {
  return aenderbar(termin, jetzt, regeln.verschiebenBisStunden, 'frist_abgelaufen_verschieben');
}

/** May the citizen cancel this appointment now? */
export function darfAbsagen(termin: TerminZeit, jetzt: Date, regeln: TerminRegeln = STANDARD_REGELN): RegelErgebnis {
  return aenderbar(termin, jetzt, regeln.absagenBisStunden, 'frist_abgelaufen_absagen');
}

/** Last instant the citizen may move/cancel online. */
export function aenderungsfrist(termin: Pick<TerminZeit, 'beginn'>, regeln: TerminRegeln = STANDARD_REGELN): Date {
  return new Date(termin.beginn.getTime() - Math.min(regeln.verschiebenBisStunden, regeln.absagenBisStunden) * STUNDE);
}

/**
 * When to send the reminder; `null` when none is needed because the booking was made after the reminder time
 * (the confirmation then serves as the reminder). A plain 24 h before, in real time (on a DST night 24 h before
 * 09:00 is 08:00 or 10:00 local time the day before – acceptable for a reminder).
 */
export function erinnerungAm(termin: Pick<TerminZeit, 'beginn'>, gebuchtAm: Date, regeln: TerminRegeln = STANDARD_REGELN): Date | null {
  const zeitpunkt = termin.beginn.getTime() - regeln.erinnerungVorStunden * STUNDE;
  return zeitpunkt <= gebuchtAm.getTime() ? null : new Date(zeitpunkt);
}

export type Zeitfenster = { von: Date; bis: Date };

const enthaelt = (f: Zeitfenster, jetzt: Date) => f.von.getTime() <= jetzt.getTime() && jetzt.getTime() < f.bis.getTime();

export function videoraumFenster(termin: Pick<TerminZeit, 'beginn'>, regeln: TerminRegeln = STANDARD_REGELN): Zeitfenster {
  return {
    von: new Date(termin.beginn.getTime() - regeln.videoOffenVorMinuten * MINUTE),
    bis: new Date(termin.beginn.getTime() + regeln.videoOffenNachMinuten * MINUTE),
  };
}

export type RaumStatus = 'offen' | 'noch_nicht_offen' | 'geschlossen' | 'kein_videotermin' | 'abgesagt';

/** Whether the video room of an appointment may be entered now. */
export function videoraumStatus(termin: TerminZeit, jetzt: Date, regeln: TerminRegeln = STANDARD_REGELN): RaumStatus {
  if (termin.kanal !== 'video') return 'kein_videotermin';
  if (termin.status === 'abgesagt') return 'abgesagt';
  const f = videoraumFenster(termin, regeln);
  if (jetzt.getTime() < f.von.getTime()) return 'noch_nicht_offen';
  if (!enthaelt(f, jetzt)) return 'geschlossen';
  return 'offen';
}

/** German message for a closed room; the opening time follows the Träger's rules. */
export function raumMeldung(status: Exclude<RaumStatus, 'offen'>, regeln: TerminRegeln = STANDARD_REGELN): string {
  if (status === 'noch_nicht_offen') {
    return regeln.videoOffenVorMinuten === 0 ? 'Der Warteraum öffnet zu Beginn des Termins.' : `Der Warteraum öffnet ${regeln.videoOffenVorMinuten} Minuten vor Beginn des Termins.`;
  }
  return RAUM_MELDUNG[status];
}

export const RAUM_MELDUNG: Record<Exclude<RaumStatus, 'offen'>, string> = {
  noch_nicht_offen: 'Der Warteraum öffnet 15 Minuten vor Beginn des Termins.',
  geschlossen: 'Die Zeit für diesen Termin ist vorbei. Bitte vereinbaren Sie einen neuen Termin.',
  kein_videotermin: 'Dieser Termin findet nicht als Video-Beratung statt.',
  abgesagt: 'Dieser Termin wurde abgesagt.',
};

export function checkinFenster(termin: Pick<TerminZeit, 'beginn'>, regeln: TerminRegeln = STANDARD_REGELN): Zeitfenster {
  return {
    von: new Date(termin.beginn.getTime() - regeln.checkinVorMinuten * MINUTE),
    bis: new Date(termin.beginn.getTime() + regeln.checkinNachMinuten * MINUTE),
  };
}

export type CheckinStatus = 'moeglich' | 'zu_frueh' | 'zu_spaet' | 'nicht_vor_ort' | 'nicht_aktiv';

export function checkinStatus(termin: TerminZeit, jetzt: Date, regeln: TerminRegeln = STANDARD_REGELN): CheckinStatus {
  if (termin.kanal !== 'vor_ort') return 'nicht_vor_ort';
  if (termin.status !== 'gebucht') return 'nicht_aktiv';
  const f = checkinFenster(termin, regeln);
  if (jetzt.getTime() < f.von.getTime()) return 'zu_frueh';
  if (!enthaelt(f, jetzt)) return 'zu_spaet';
  return 'moeglich';
}

/** German message of a check-in status; the earliest time follows the Träger's rules. */
export function checkinMeldung(status: CheckinStatus, regeln: TerminRegeln = STANDARD_REGELN): string {
  if (status === 'zu_frueh') {
    return regeln.checkinVorMinuten === 0 ? 'Die Anmeldung ist frühestens zu Beginn Ihres Termins möglich.' : `Die Anmeldung ist frühestens ${regeln.checkinVorMinuten} Minuten vor Ihrem Termin möglich.`;
  }
  return CHECKIN_MELDUNG[status];
}

export const CHECKIN_MELDUNG: Record<CheckinStatus, string> = {
  moeglich: 'Sie sind angemeldet. Bitte nehmen Sie im Wartebereich Platz.',
  zu_frueh: 'Die Anmeldung ist frühestens 30 Minuten vor Ihrem Termin möglich.',
  zu_spaet: 'Die Zeit für die Anmeldung ist vorbei. Bitte wenden Sie sich an den Empfang.',
  nicht_vor_ort: 'Dieser Termin findet nicht vor Ort statt.',
  nicht_aktiv: 'Dieser Termin ist nicht mehr gebucht.',
};
