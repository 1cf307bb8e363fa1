/**
 * Free appointment slots from consultation hours – pure, without IO, without the machine's time zone.
 *
 * Inputs: Standorte with their holidays, Ressourcen (a staff member or a team desk; each serves one appointment
 * at a time), Sprechstundenpläne (weekly hours of one Ressource at one Standort plus dated exceptions), absences,
 * Anliegen (appointment types) and the appointments already booked. Output: candidate start times on a grid that
 * fit into the hours and collide with nothing. See docs/termine.md for the rules and the daylight-saving handling.
 *
 * `jetzt` is always passed in; nothing here reads the clock.
 */
import { z } from 'zod';
import type { Feiertag } from './feiertage.ts';
import type { Oeffnungszeit } from './oeffnungszeiten.ts';
import {
  instantAus,
  istDatum,
  lokalesDatum,
  plusTage,
  tageZwischen,
  uhrzeitMinuten,
  wandzeit,
  wochentagVon,
  type Wochentag,
} from './zeit.ts';

const MINUTE = 60_000;

export const KANAELE = ['vor_ort', 'telefon', 'video'] as const;
export type Kanal = (typeof KANAELE)[number];

export const KANAL_NAME: Record<Kanal, string> = { vor_ort: 'vor Ort', telefon: 'Telefon', video: 'Video-Beratung' };

/** A recurring weekly window, e.g. every Tuesday 08:00–12:00 from 2026-01-01. */
export type Sprechzeit = {
  wochentag: Wochentag;
  /** 'HH:MM' local time */
  von: string;
  /** 'HH:MM' local time, after `von`; '24:00' allowed */
  bis: string;
  /** first date the pattern applies (inclusive) */
  gueltigAb?: string;
  /** last date the pattern applies (inclusive) */
  gueltigBis?: string;
  /** only these channels in this window (e.g. a video afternoon); all channels of the Anliegen when absent */
  kanaele?: readonly Kanal[];
};

/** A dated exception: extra hours on one date, or closed (all day or for part of it). */
export type Ausnahme =
  | { art: 'zusaetzlich'; datum: string; von: string; bis: string; kanaele?: readonly Kanal[] }
  | { art: 'geschlossen'; datum: string; von?: string; bis?: string; grund?: string };

/** Absence of a Ressource between two instants (half-open: `von` ≤ t < `bis`). */
export type Abwesenheit = { von: Date; bis: Date; grund?: string };

export type Standort = {
  id: string;
  name: string;
  feiertage: readonly Feiertag[];
  /**
   * When the house is open to the public (oeffnungszeiten.ts). On-site appointments are offered only inside these
   * windows (or inside a desk's explicit extra hours on that date); telephone and video are not bound to them.
   * Absent or empty: unknown, no restriction.
   */
  oeffnungszeiten?: readonly Oeffnungszeit[];
};

export type Ressource = {
  id: string;
  art: 'person' | 'team';
  name: string;
  /** roles of the person (or the roles a team desk covers), e.g. 'integration', 'leistung' */
  rollen: readonly string[];
  abwesenheiten: readonly Abwesenheit[];
};

/** The hours of one Ressource at one Standort. */
export type Sprechstundenplan = {
  ressourceId: string;
  standortId: string;
  sprechzeiten: readonly Sprechzeit[];
  ausnahmen: readonly Ausnahme[];
};

export type Anliegen = {
  id: string;
  name: string;
  dauerMinuten: number;
  /** time blocked after the appointment (notes, preparation); may run past the end of the hours */
  pufferMinuten: number;
  kanaele: readonly Kanal[];
  /** who may serve it: anybody with one of `rollen`, or one of `ressourcen` by id */
  bearbeitung: { rollen?: readonly string[]; ressourcen?: readonly string[] };
  /** grid of offered start times in minutes; default 15 */
  rasterMinuten?: number;
};

/** An appointment already booked (or a slot held for a waiting-list offer). */
export type Belegung = { ressourceId: string; beginn: Date; ende: Date; pufferMinuten?: number };

/** Booking window of the Träger (see `regeln.ts`). */
export type Buchungsfenster = {
  /** minimum lead time between now and the start of a booked appointment */
  vorlaufMinuten: number;
  /** bookable up to this many calendar days ahead (local dates, today = 0) */
  horizontTage: number;
};

export type Verfuegbarkeit = {
  standorte: readonly Standort[];
  ressourcen: readonly Ressource[];
  plaene: readonly Sprechstundenplan[];
  anliegen: readonly Anliegen[];
  belegungen: readonly Belegung[];
};

export type Slot = {
  beginn: Date;
  ende: Date;
  ressourceId: string;
  standortId: string;
  anliegenId: string;
  kanaele: Kanal[];
  /** local reading of `beginn` */
  datum: string;
  uhrzeit: string;
  offsetMinuten: number;
};

export type SlotAnfrage = {
  anliegenId: string;
  /** first and last local date to search (inclusive) */
  von: string;
  bis: string;
  kanal?: Kanal;
  standortId?: string;
  ressourceId?: string;
  jetzt: Date;
  regeln: Buchungsfenster;
};

// ---------------------------------------------------------------------------------------------------------------
// Input schemas (for the HTTP step); zod messages are German via src/config/zod-de.ts.

const UHRZEIT = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const uhrzeit = z.string().regex(UHRZEIT, 'Bitte eine Uhrzeit im Format HH:MM angeben.');
/**
 * `von` before `bis` for the object refinements below. zod runs them even when a time failed its own format check,
 * so a malformed time must not reach `uhrzeitMinuten` (which throws): that field's own issue reports it.
 */
const vorBis = (von: unknown, bis: unknown) => typeof von !== 'string' || typeof bis !== 'string' || !UHRZEIT.test(von) || !UHRZEIT.test(bis) || uhrzeitMinuten(von) < uhrzeitMinuten(bis);
const datumSchema = z.string().refine(istDatum, 'Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.');
const kanal = z.enum(KANAELE);

export const sprechzeitSchema = z
  .object({
    wochentag: z.number().int().min(1).max(7),
    von: uhrzeit,
    bis: uhrzeit,
    gueltigAb: datumSchema.optional(),
    gueltigBis: datumSchema.optional(),
    kanaele: z.array(kanal).min(1).optional(),
  })
  .refine((s) => vorBis(s.von, s.bis), { message: 'Das Ende muss nach dem Beginn liegen.', path: ['bis'] })
  .refine((s) => !s.gueltigAb || !s.gueltigBis || s.gueltigAb <= s.gueltigBis, {
    message: '„Gültig bis“ darf nicht vor „Gültig ab“ liegen.',
    path: ['gueltigBis'],
  });

export const ausnahmeSchema = z.discriminatedUnion('art', [
  z
    .object({ art: z.literal('zusaetzlich'), datum: datumSchema, von: uhrzeit, bis: uhrzeit, kanaele: z.array(kanal).min(1).optional() })
    .refine((a) => vorBis(a.von, a.bis), { message: 'Das Ende muss nach dem Beginn liegen.', path: ['bis'] }),
  z
    .object({ art: z.literal('geschlossen'), datum: datumSchema, von: uhrzeit.optional(), bis: uhrzeit.optional(), grund: z.string().max(200).optional() })
    .refine((a) => (a.von === undefined) === (a.bis === undefined), { message: 'Beginn und Ende gemeinsam angeben oder beide leer lassen.', path: ['bis'] })
    .refine((a) => a.von === undefined || a.bis === undefined || vorBis(a.von, a.bis), {
      message: 'Das Ende muss nach dem Beginn liegen.',
      path: ['bis'],
    }),
]);

export const anliegenSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(120),
  dauerMinuten: z.number().int().min(5).max(480),
  pufferMinuten: z.number().int().min(0).max(240),
  kanaele: z.array(kanal).min(1),
  bearbeitung: z
    .object({ rollen: z.array(z.string().min(1)).optional(), ressourcen: z.array(z.string().min(1)).optional() })
    .refine((b) => (b.rollen?.length ?? 0) + (b.ressourcen?.length ?? 0) > 0, { message: 'Mindestens eine Rolle oder Person angeben.' }),
  rasterMinuten: z.number().int().min(5).max(480).optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Opening windows

type Fenster = { beginn: number; ende: number; kanaele: readonly Kanal[] | undefined };

const kanalSchluessel = (k: readonly Kanal[] | undefined) => (k === undefined ? '*' : [...k].sort().join(','));

/**
 * Window start and end as instants. The start takes the earlier occurrence of a doubled local time and the end the
 * later one, so a window always covers every real minute between its two wall-clock readings; a time that falls into
 * the spring-forward gap becomes the first real minute after the gap.
 */
function alsInstants(datum: string, von: string, bis: string): [number, number] {
  return [instantAus(datum, uhrzeitMinuten(von), 'frueh'), instantAus(datum, uhrzeitMinuten(bis), 'spaet')];
}

/** Merge overlapping or touching windows with the same channel restriction. */
function vereinigen(fenster: Fenster[]): Fenster[] {
  const gruppen = new Map<string, Fenster[]>();
  for (const f of fenster) {
    if (f.ende <= f.beginn) continue;
    const k = kanalSchluessel(f.kanaele);
    gruppen.set(k, [...(gruppen.get(k) ?? []), f]);
  }
  const ergebnis: Fenster[] = [];
  for (const liste of gruppen.values()) {
    liste.sort((a, b) => a.beginn - b.beginn);
    let aktuell: Fenster | undefined;
    for (const f of liste) {
      if (aktuell && f.beginn <= aktuell.ende) aktuell.ende = Math.max(aktuell.ende, f.ende);
      else {
        if (aktuell) ergebnis.push(aktuell);
        aktuell = { ...f };
      }
    }
    if (aktuell) ergebnis.push(aktuell);
  }
  return ergebnis.sort((a, b) => a.beginn - b.beginn || kanalSchluessel(a.kanaele).localeCompare(kanalSchluessel(b.kanaele)));
}

/** Remove [von, bis) from every window. */
function abziehen(fenster: Fenster[], von: number, bis: number): Fenster[] {
  const rest: Fenster[] = [];
  for (const f of fenster) {
    if (bis <= f.beginn || von >= f.ende) {
      rest.push(f);
      continue;
    }
    if (von > f.beginn) rest.push({ ...f, ende: von });
    if (bis < f.ende) rest.push({ ...f, beginn: bis });
  }
  return rest;
}

/**
 * The opening windows of one plan on one local date: weekly patterns valid on the date (none on a holiday of the
 * Standort), plus extra hours, minus closures. Extra hours apply on holidays too (an explicit entry wins); a closure
 * wins over everything.
 */
export function oeffnungsfenster(plan: Sprechstundenplan, standort: Standort | undefined, datum: string): Fenster[] {
  const wochentag = wochentagVon(datum);
  const feiertag = standort?.feiertage.some((f) => f.datum === datum) ?? false;
  let fenster: Fenster[] = [];
  if (!feiertag) {
    for (const s of plan.sprechzeiten) {
      if (s.wochentag !== wochentag) continue;
      if (s.gueltigAb !== undefined && datum < s.gueltigAb) continue;
      if (s.gueltigBis !== undefined && datum > s.gueltigBis) continue;
      const [beginn, ende] = alsInstants(datum, s.von, s.bis);
      fenster.push({ beginn, ende, kanaele: s.kanaele });
    }
  }
  for (const a of plan.ausnahmen) {
    if (a.datum !== datum || a.art !== 'zusaetzlich') continue;
    const [beginn, ende] = alsInstants(datum, a.von, a.bis);
    fenster.push({ beginn, ende, kanaele: a.kanaele });
  }
  fenster = vereinigen(fenster);
  for (const a of plan.ausnahmen) {
    if (a.datum !== datum || a.art !== 'geschlossen') continue;
    if (a.von === undefined || a.bis === undefined) return [];
    const [von, bis] = alsInstants(datum, a.von, a.bis);
    fenster = abziehen(fenster, von, bis);
  }
  return fenster;
}

// ---------------------------------------------------------------------------------------------------------------
// Candidates

/** Whether a Ressource may serve an Anliegen. */
export function darfBearbeiten(anliegen: Anliegen, ressource: Ressource): boolean {
  if (anliegen.bearbeitung.ressourcen?.includes(ressource.id)) return true;
  return ressource.rollen.some((rolle) => anliegen.bearbeitung.rollen?.includes(rolle) ?? false);
}

type Kandidat = { beginn: number; ende: number; ressource: Ressource; standortId: string; kanaele: Kanal[] };

function schneiden(a: number, b: number, c: number, d: number): boolean {
  return a < d && c < b;
}

/**
 * The instants [beginn, ende) on one date in which a citizen may come in person: the Standort's opening hours (none
 * on its holidays) plus the desk's explicit extra hours of that date. Undefined: the Standort's hours are unknown.
 */
function vorOrtFenster(plan: Sprechstundenplan, standort: Standort | undefined, datum: string): [number, number][] | undefined {
  if (!standort?.oeffnungszeiten?.length) return undefined;
  const fenster: [number, number][] = [];
  const wochentag = wochentagVon(datum);
  if (!standort.feiertage.some((f) => f.datum === datum)) {
    for (const o of standort.oeffnungszeiten) if (o.wochentag === wochentag) fenster.push(alsInstants(datum, o.von, o.bis));
  }
  for (const a of plan.ausnahmen) if (a.art === 'zusaetzlich' && a.datum === datum) fenster.push(alsInstants(datum, a.von, a.bis));
  return fenster;
}

/** All grid positions in the hours of every matching plan on the given dates (no booking, absence or time checks). */
function kandidaten(v: Verfuegbarkeit, anliegen: Anliegen, tage: readonly string[], filter: { standortId?: string; ressourceId?: string }): Kandidat[] {
  const raster = (anliegen.rasterMinuten ?? 15) * MINUTE;
  const dauer = anliegen.dauerMinuten * MINUTE;
  const ergebnis: Kandidat[] = [];
  for (const plan of v.plaene) {
    if (filter.standortId !== undefined && plan.standortId !== filter.standortId) continue;
    if (filter.ressourceId !== undefined && plan.ressourceId !== filter.ressourceId) continue;
    const ressource = v.ressourcen.find((r) => r.id === plan.ressourceId);
    if (!ressource || !darfBearbeiten(anliegen, ressource)) continue;
    const standort = v.standorte.find((s) => s.id === plan.standortId);
    for (const datum of tage) {
      const fenster = oeffnungsfenster(plan, standort, datum);
      const vorOrt = fenster.length > 0 ? vorOrtFenster(plan, standort, datum) : undefined;
      for (const f of fenster) {
        const kanaele = anliegen.kanaele.filter((k) => f.kanaele === undefined || f.kanaele.includes(k));
        if (kanaele.length === 0) continue;
        const ohneVorOrt = kanaele.filter((k) => k !== 'vor_ort');
        // The grid runs in real (UTC) time from the window start: on the fall-back day the doubled hour gets its
        // slots twice (once per offset, distinct instants), on the spring-forward day the missing hour gets none.
        for (let t = f.beginn; t + dauer <= f.ende; t += raster) {
          // in person only while the house is open (the desk's hours may go beyond, for telephone and video)
          const hier = vorOrt && !vorOrt.some(([a, b]) => a <= t && t + dauer <= b) ? ohneVorOrt : kanaele;
          if (hier.length === 0) continue;
          ergebnis.push({ beginn: t, ende: t + dauer, ressource, standortId: plan.standortId, kanaele: hier });
        }
      }
    }
  }
  return ergebnis;
}

/** Merge candidates of the same Ressource and start (overlapping windows with different channels). */
function zusammenfuehren(liste: Kandidat[]): Kandidat[] {
  const nachSchluessel = new Map<string, Kandidat>();
  for (const k of liste) {
    const schluessel = `${k.ressource.id}|${k.standortId}|${k.beginn}`;
    const vorhanden = nachSchluessel.get(schluessel);
    if (vorhanden) vorhanden.kanaele = KANAELE.filter((x) => vorhanden.kanaele.includes(x) || k.kanaele.includes(x));
    else nachSchluessel.set(schluessel, { ...k, kanaele: [...k.kanaele] });
  }
  return [...nachSchluessel.values()].sort(
    (a, b) => a.beginn - b.beginn || a.standortId.localeCompare(b.standortId) || a.ressource.id.localeCompare(b.ressource.id),
  );
}

function abwesend(k: Kandidat): boolean {
  return k.ressource.abwesenheiten.some((a) => schneiden(k.beginn, k.ende, a.von.getTime(), a.bis.getTime()));
}

function belegt(v: Verfuegbarkeit, k: Kandidat, pufferMinuten: number): boolean {
  const ende = k.ende + pufferMinuten * MINUTE;
  return v.belegungen.some(
    (b) => b.ressourceId === k.ressource.id && schneiden(k.beginn, ende, b.beginn.getTime(), b.ende.getTime() + (b.pufferMinuten ?? 0) * MINUTE),
  );
}

function alsSlot(k: Kandidat, anliegenId: string): Slot {
  const w = wandzeit(k.beginn);
  return {
    beginn: new Date(k.beginn),
    ende: new Date(k.ende),
    ressourceId: k.ressource.id,
    standortId: k.standortId,
    anliegenId,
    kanaele: k.kanaele,
    datum: w.datum,
    uhrzeit: w.uhrzeit,
    offsetMinuten: w.offsetMinuten,
  };
}

/** Last bookable local date: today + horizon. */
export function letzterBuchbarerTag(jetzt: Date, regeln: Buchungsfenster): string {
  return plusTage(lokalesDatum(jetzt), regeln.horizontTage);
}

/** Earliest bookable start instant (ms). */
function fruehesterBeginn(jetzt: Date, regeln: Buchungsfenster): number {
  return jetzt.getTime() + regeln.vorlaufMinuten * MINUTE;
}

/**
 * Free slots (one per Ressource and start) for an Anliegen between two local dates, sorted by start, Standort,
 * Ressource. Unknown Anliegen → empty list.
 */
export function freieSlots(v: Verfuegbarkeit, anfrage: SlotAnfrage): Slot[] {
  const anliegen = v.anliegen.find((a) => a.id === anfrage.anliegenId);
  if (!anliegen) return [];
  if (anfrage.kanal !== undefined && !anliegen.kanaele.includes(anfrage.kanal)) return [];
  const heute = lokalesDatum(anfrage.jetzt);
  const von = anfrage.von > heute ? anfrage.von : heute;
  const letzter = letzterBuchbarerTag(anfrage.jetzt, anfrage.regeln);
  const bis = anfrage.bis < letzter ? anfrage.bis : letzter;
  if (von > bis) return [];
  const ab = fruehesterBeginn(anfrage.jetzt, anfrage.regeln);
  return zusammenfuehren(kandidaten(v, anliegen, tageZwischen(von, bis), anfrage))
    .filter((k) => k.beginn >= ab)
    .filter((k) => anfrage.kanal === undefined || k.kanaele.includes(anfrage.kanal))
    .filter((k) => !abwesend(k) && !belegt(v, k, anliegen.pufferMinuten))
    .map((k) => alsSlot(k, anliegen.id));
}

/**
 * The times an appointment can be moved to: the free times without its own start. Another desk may be free at the
 * very same time, but "moving" there changes nothing for the citizen, so it is never offered as a target.
 */
export function verschiebeZiele<Z extends { beginn: Date }>(zeiten: readonly Z[], termin: { beginn: Date }): Z[] {
  return zeiten.filter((zeit) => zeit.beginn.getTime() !== termin.beginn.getTime());
}

/** A start time offered to citizens: one entry per Standort and start, with the Ressourcen free at that time. */
export type FreieZeit = {
  beginn: Date;
  ende: Date;
  standortId: string;
  anliegenId: string;
  kanaele: Kanal[];
  ressourcen: string[];
  datum: string;
  uhrzeit: string;
  offsetMinuten: number;
};

/** Group slots by Standort and start (a citizen books a time, not a person). */
export function freieZeiten(slots: readonly Slot[]): FreieZeit[] {
  const gruppen = new Map<string, FreieZeit>();
  for (const s of slots) {
    const schluessel = `${s.standortId}|${s.beginn.getTime()}|${s.ende.getTime()}`;
    const g = gruppen.get(schluessel);
    if (g) {
      g.ressourcen.push(s.ressourceId);
      g.kanaele = KANAELE.filter((k) => g.kanaele.includes(k) || s.kanaele.includes(k));
    } else {
      gruppen.set(schluessel, {
        beginn: s.beginn,
        ende: s.ende,
        standortId: s.standortId,
        anliegenId: s.anliegenId,
        kanaele: [...s.kanaele],
        ressourcen: [s.ressourceId],
        datum: s.datum,
        uhrzeit: s.uhrzeit,
        offsetMinuten: s.offsetMinuten,
      });
    }
  }
  return [...gruppen.values()].sort((a, b) => a.beginn.getTime() - b.beginn.getTime() || a.standortId.localeCompare(b.standortId));
}

// ---------------------------------------------------------------------------------------------------------------
// Validation of a booking request

export const TERMIN_FEHLER = {
  anliegen_unbekannt: { status: 404, meldung: 'Dieses Anliegen gibt es nicht.' },
  termin_in_vergangenheit: { status: 422, meldung: 'Der gewünschte Termin liegt in der Vergangenheit.' },
  vorlauf_unterschritten: { status: 422, meldung: 'Dieser Termin beginnt zu bald. Bitte wählen Sie einen späteren Termin.' },
  ausserhalb_horizont: { status: 422, meldung: 'So weit im Voraus können noch keine Termine gebucht werden.' },
  kanal_nicht_erlaubt: { status: 422, meldung: 'Für dieses Anliegen ist diese Art des Termins nicht möglich.' },
  ausserhalb_sprechzeiten: { status: 422, meldung: 'Zu dieser Zeit gibt es keine Sprechzeit.' },
  nicht_im_raster: { status: 422, meldung: 'Termine beginnen nur zu den angebotenen Uhrzeiten.' },
  nicht_verfuegbar: { status: 409, meldung: 'Zu dieser Zeit ist niemand für Ihr Anliegen erreichbar.' },
  slot_belegt: { status: 409, meldung: 'Dieser Termin ist leider schon vergeben.' },
} as const;

export type TerminFehlerCode = keyof typeof TERMIN_FEHLER;

/** A refused booking: stable `code` for machines, German `message` for people, suggested HTTP `status`. */
export class TerminFehler extends Error {
  readonly code: TerminFehlerCode;
  readonly status: number;
  constructor(code: TerminFehlerCode, meldung?: string) {
    super(meldung ?? TERMIN_FEHLER[code].meldung);
    this.name = 'TerminFehler';
    this.code = code;
    this.status = TERMIN_FEHLER[code].status;
  }
}

export type Buchungswunsch = {
  anliegenId: string;
  kanal: Kanal;
  beginn: Date;
  standortId?: string;
  ressourceId?: string;
};

export type Pruefergebnis = { ok: true; slot: Slot } | { ok: false; fehler: TerminFehler };

/**
 * Check a booking request against the rules and the current bookings; on success the slot to store (the first free
 * Ressource in id order when none was asked for). The database must still guarantee uniqueness (exclusion
 * constraint): this check only gives the early, well-worded answer.
 */
function nein(code: TerminFehlerCode): Pruefergebnis {
  return { ok: false, fehler: new TerminFehler(code) };
}

export function pruefeBuchung(v: Verfuegbarkeit, wunsch: Buchungswunsch, jetzt: Date, regeln: Buchungsfenster): Pruefergebnis {
  const anliegen = v.anliegen.find((a) => a.id === wunsch.anliegenId);
  if (!anliegen) return nein('anliegen_unbekannt');
  const beginn = wunsch.beginn.getTime();
  if (beginn < jetzt.getTime()) return nein('termin_in_vergangenheit');
  if (beginn < fruehesterBeginn(jetzt, regeln)) return nein('vorlauf_unterschritten');
  const datum = lokalesDatum(beginn);
  if (datum > letzterBuchbarerTag(jetzt, regeln)) return nein('ausserhalb_horizont');
  if (!anliegen.kanaele.includes(wunsch.kanal)) return nein('kanal_nicht_erlaubt');

  const alle = zusammenfuehren(kandidaten(v, anliegen, [datum], wunsch));
  const genau = alle.filter((k) => k.beginn === beginn);
  if (genau.length === 0) {
    const imFenster = alle.some((k) => k.beginn <= beginn && beginn < k.ende);
    return nein(imFenster ? 'nicht_im_raster' : 'ausserhalb_sprechzeiten');
  }
  const mitKanal = genau.filter((k) => k.kanaele.includes(wunsch.kanal));
  if (mitKanal.length === 0) return nein('kanal_nicht_erlaubt');
  const anwesend = mitKanal.filter((k) => !abwesend(k));
  if (anwesend.length === 0) return nein('nicht_verfuegbar');
  const frei = anwesend.filter((k) => !belegt(v, k, anliegen.pufferMinuten));
  const erster = frei[0];
  if (!erster) return nein('slot_belegt');
  return { ok: true, slot: alsSlot(erster, anliegen.id) };
}

/**
 * The next free start times for the same Anliegen, channel and (if given) Standort, from the wished time on
 * (or from now when the wish lies in the past), at most `anzahl`.
 *
 * Every refused booking (409) answers with alternatives, so this runs on the hot path of a rush. It looks at a few
 * days first and widens the range only when they hold fewer than `anzahl` times: slots of a later local day always
 * start after those of an earlier one, so the first `anzahl` of a shorter range are exactly those of the whole range.
 */
export function alternativen(
  v: Verfuegbarkeit,
  wunsch: Buchungswunsch,
  jetzt: Date,
  regeln: Buchungsfenster,
  anzahl = 3,
): FreieZeit[] {
  const ab = Math.max(wunsch.beginn.getTime(), jetzt.getTime());
  const von = lokalesDatum(ab);
  const letzter = letzterBuchbarerTag(jetzt, regeln);
  let gefunden: FreieZeit[] = [];
  for (const tage of [1, 6, Number.POSITIVE_INFINITY]) {
    const bis = Number.isFinite(tage) && plusTage(von, tage) < letzter ? plusTage(von, tage) : letzter;
    const slots = freieSlots(v, {
      anliegenId: wunsch.anliegenId,
      kanal: wunsch.kanal,
      ...(wunsch.standortId !== undefined ? { standortId: wunsch.standortId } : {}),
      von,
      bis,
      jetzt,
      regeln,
    }).filter((s) => s.beginn.getTime() >= ab && s.beginn.getTime() !== wunsch.beginn.getTime());
    gefunden = freieZeiten(slots).slice(0, anzahl);
    if (gefunden.length >= anzahl || bis === letzter) break;
  }
  return gefunden;
}
