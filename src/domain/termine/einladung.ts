/**
 * Einladung by staff: an appointment the Jobcenter sets, with the legal content of a Meldeaufforderung
 * (§ 59 SGB II i.V.m. § 309 SGB III) and the recorded outcome. Texts live in src/domain/recht/meldeaufforderung.ts.
 */
import {
  MELDE_ERGEBNISSE,
  MELDEZWECKE,
  NORM_MELDEPFLICHT,
  meldeBelehrungAm,
  type MeldeErgebnis,
  type Meldezweck,
} from '../recht/meldeaufforderung.ts';
import { KANAL_NAME, type Kanal } from './verfuegbarkeit.ts';
import { deutscheAnzeige, lokalesDatum } from './zeit.ts';

export type EinladungEingabe = {
  zweck: Meldezweck;
  /** optional concrete topic in addition to the legal purpose, e.g. "Ihr Bewerbungsstand" */
  thema?: string;
  beginn: Date;
  ende: Date;
  kanal: Kanal;
  /** address of the Standort (vor_ort), or the phone arrangement / video hint */
  ort: { standortName: string; anschrift?: string; raum?: string };
  /** documents to bring */
  mitbringen?: readonly string[];
  ansprechperson: string;
};

export type Einladungstext = {
  betreff: string;
  zweck: string;
  zeit: string;
  ort: string;
  mitbringen: string[];
  rechtsgrundlage: string;
  rechtsfolgenbelehrung: string;
  wichtigerGrund: string;
  /** norm of the Belehrung (for the file) */
  belehrungNorm: string;
};

export const EINLADUNG_FEHLER = {
  zweck_fehlt: 'Bitte geben Sie den Zweck der Einladung an.',
  zeit_ungueltig: 'Das Ende muss nach dem Beginn liegen.',
  in_vergangenheit: 'Der Termin darf nicht in der Vergangenheit liegen.',
  ort_fehlt: 'Für einen Termin vor Ort ist die Anschrift des Standorts nötig.',
} as const;
export type EinladungFehlerCode = keyof typeof EINLADUNG_FEHLER;

/** Checks the legally required content: purpose, time and place. */
export function pruefeEinladung(e: EinladungEingabe, jetzt: Date): EinladungFehlerCode[] {
  const fehler: EinladungFehlerCode[] = [];
  if (!(e.zweck in MELDEZWECKE)) fehler.push('zweck_fehlt');
  if (e.ende.getTime() <= e.beginn.getTime()) fehler.push('zeit_ungueltig');
  if (e.beginn.getTime() < jetzt.getTime()) fehler.push('in_vergangenheit');
  if (e.kanal === 'vor_ort' && !e.ort.anschrift?.trim()) fehler.push('ort_fehlt');
  return fehler;
}

/** The text blocks of the invitation (letter, e-mail and portal use the same blocks). */
export function einladungstext(e: EinladungEingabe): Einladungstext {
  const belehrung = meldeBelehrungAm(lokalesDatum(e.beginn));
  const zweck = MELDEZWECKE[e.zweck];
  const ort =
    e.kanal === 'vor_ort'
      ? [e.ort.standortName, e.ort.anschrift, e.ort.raum ? `Raum ${e.ort.raum}` : undefined].filter(Boolean).join(', ')
      : e.kanal === 'telefon'
        ? `Telefon: ${e.ansprechperson} ruft Sie zur genannten Zeit an (${e.ort.standortName}).`
        : `${KANAL_NAME.video}: Den Link zum Warteraum finden Sie in dieser Nachricht und in Ihrem Konto (${e.ort.standortName}).`;
  return {
    betreff: `Einladung zu einem Termin am ${deutscheAnzeige(e.beginn)}`,
    zweck: e.thema ? `${zweck.text}: ${e.thema}` : zweck.text,
    zeit: deutscheAnzeige(e.beginn),
    ort,
    mitbringen: [...(e.mitbringen ?? [])],
    rechtsgrundlage: `${NORM_MELDEPFLICHT}, Zweck nach ${zweck.norm}`,
    rechtsfolgenbelehrung: belehrung.wert.rechtsfolgen,
    wichtigerGrund: belehrung.wert.wichtigerGrund,
    belehrungNorm: belehrung.norm,
  };
}

export type EinladungStatus = 'eingeladen' | MeldeErgebnis | 'aufgehoben';

export const ERGEBNIS_FEHLER = {
  zu_frueh: 'Das Ergebnis kann erst ab Beginn des Termins erfasst werden.',
  bereits_erfasst: 'Für diese Einladung ist schon ein Ergebnis erfasst.',
  grund_fehlt: 'Bitte beschreiben Sie den wichtigen Grund oder warum keiner anerkannt wird.',
  aufgehoben: 'Diese Einladung wurde aufgehoben.',
} as const;
export type ErgebnisFehlerCode = keyof typeof ERGEBNIS_FEHLER;

export type ErgebnisEingabe = { ergebnis: MeldeErgebnis; begruendung?: string };

/**
 * Record the outcome once the appointment has begun. For both "nicht erschienen" outcomes a short reason is
 * required (what was presented, or why it was not accepted) – later work on Fordern (§ 32 SGB II) reads it.
 */
export function ergebnisErfassen(
  status: EinladungStatus,
  beginn: Date,
  eingabe: ErgebnisEingabe,
  jetzt: Date,
): { ok: true; status: MeldeErgebnis } | { ok: false; code: ErgebnisFehlerCode; meldung: string } {
  const nein = (code: ErgebnisFehlerCode) => ({ ok: false as const, code, meldung: ERGEBNIS_FEHLER[code] });
  if (status === 'aufgehoben') return nein('aufgehoben');
  if (status !== 'eingeladen') return nein('bereits_erfasst');
  if (jetzt.getTime() < beginn.getTime()) return nein('zu_frueh');
  if (!MELDE_ERGEBNISSE.includes(eingabe.ergebnis)) throw new RangeError(`Unbekanntes Ergebnis: ${String(eingabe.ergebnis)}`);
  if (eingabe.ergebnis !== 'wahrgenommen' && !eingabe.begruendung?.trim()) return nein('grund_fehlt');
  return { ok: true, status: eingabe.ergebnis };
}
