import type { Tx } from '../../db/client.ts';
import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { teilnahmenRepository, type TeilnahmeZeile } from '../../db/repositories/teilnahmen.ts';
import type { MassnahmeRow } from '../../db/schema/index.ts';
import { INSTRUMENT_TEXT, zaehltAlsMassnahme, zuschussStufen } from '../../domain/foerdern/instrumente.ts';
import { AUSTRITTSGRUND_TEXT, STATUS_TEXT, niedrigsterFreierPlatz, type Regelfehler } from '../../domain/foerdern/teilnahme.ts';
import type { Instrument } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor } from '../context.ts';
import { AppError, fehler, notFound, versionConflict, type ErrorCode } from '../errors.ts';
import { authorize, standortErreichbar, type Permission } from '../policies.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { bindeMittel, kostenJeJahr, pruefeBudget } from './budget-bindung.ts';
import { zuweisungsschreibenPdf } from './teilnahme-pdf.ts';

export type TeilnahmePerson = NonNullable<Awaited<ReturnType<typeof teilnahmenRepository.personKontext>>>;

/**
 * A person for the Maßnahmen side, like the Fallakte loads a BG: an unknown id or one of another Träger (RLS) → 404;
 * within the Träger a missing permission → 403; a person whose BG (membership on `tag`, else the latest) belongs to a
 * Standort the permission does not reach for the actor → 404.
 */
export async function ladeTeilnahmePerson(tx: Tx, actor: Actor, personId: string, permission: Permission, tag: string): Promise<TeilnahmePerson> {
  if (!istUuid(personId)) throw notFound('Die Person');
  const person = await teilnahmenRepository.personKontext(tx, personId, tag);
  if (!person) throw notFound('Die Person');
  authorize(actor, permission);
  if (!standortErreichbar(actor, permission, person.standortId)) throw notFound('Die Person');
  return person;
}

/** A Teilnahme for an action (404 for unknown, other Träger or a person outside the actor's Standorte). */
export async function ladeTeilnahme(tx: Tx, actor: Actor, id: string, permission: Permission): Promise<TeilnahmeZeile> {
  if (!istUuid(id)) throw notFound('Die Teilnahme');
  const t = await teilnahmenRepository.find(tx, id);
  if (!t) throw notFound('Die Teilnahme');
  authorize(actor, permission);
  if (!standortErreichbar(actor, permission, t.bgStandortId)) throw notFound('Die Teilnahme');
  return t;
}

/** A Maßnahme of the actor's Träger (another Träger's id → 404, RLS). */
export async function ladeMassnahme(tx: Tx, id: string): Promise<MassnahmeRow> {
  if (!istUuid(id)) throw notFound('Die Maßnahme');
  const m = await massnahmenRepository.find(tx, id);
  if (!m) throw notFound('Die Maßnahme');
  return m;
}

/** Domain rule refusals → 400 with the messages at the fields; the request code is the first rule's if listed. */
export function regelFehler(f: readonly Regelfehler[], code: ErrorCode = 'validation_failed'): AppError {
  return new AppError(code, 400, 'Bitte prüfen Sie Ihre Eingaben.', f.map((x) => ({ path: x.feld, code: x.code, message: x.meldung })));
}

/** The step is not allowed in the Teilnahme's current state (409). */
export function falscherStatus(t: { status: keyof typeof STATUS_TEXT }, was: string): AppError {
  return fehler('status_ungueltig', { meldung: `${was} ist nicht möglich: Die Teilnahme ist ${STATUS_TEXT[t.status]}.` });
}

/** Purpose of the audit entries, by the actor's task. */
export function zweckTeilnahme(actor: Actor, was: string): string {
  const rolle = actor.roles.includes('integration') ? 'Integration' : actor.roles.includes('teamleitung') ? 'Teamleitung' : actor.roles.includes('leistung') ? 'Leistungssachbearbeitung' : 'Verwaltung';
  return `${rolle}: ${was}`;
}

export function presentTeilnahme(t: TeilnahmeZeile) {
  return {
    id: t.id,
    massnahmeId: t.massnahmeId,
    massnahme: t.massnahme,
    instrument: t.instrument,
    instrumentText: INSTRUMENT_TEXT[t.instrument].bezeichnung,
    anbieter: t.anbieter,
    kontingentId: t.kontingentId,
    standortId: t.standortId,
    standortName: t.standortName,
    personId: t.personId,
    name: t.name,
    bgId: t.bgId,
    fallnummer: t.fallnummer,
    status: t.status,
    statusText: STATUS_TEXT[t.status],
    platzNr: t.platzNr,
    geplantVon: t.geplantVon,
    geplantBis: t.geplantBis,
    vorgeschlagenAm: t.vorgeschlagenAm,
    zugewiesenAm: t.zugewiesenAm,
    mitRechtsfolgenbelehrung: t.mitRechtsfolgenbelehrung,
    hatZuweisungsschreiben: t.hatZuweisungsschreiben,
    eintrittAm: t.eintrittAm,
    austrittAm: t.austrittAm,
    austrittsgrund: t.austrittsgrund,
    austrittsgrundText: t.austrittsgrund ? AUSTRITTSGRUND_TEXT[t.austrittsgrund] : null,
    teilnahmebescheinigungAm: t.teilnahmebescheinigungAm,
    erwarteteKostenCent: t.erwarteteKostenCent,
    genehmigt: t.genehmigtAm !== null,
    begruendung: t.begruendung,
    zuschussStufen: zuschussStufen(t.instrument, { von: t.geplantVon, bis: t.geplantBis }),
    version: t.version,
  };
}
export type TeilnahmeAnsicht = ReturnType<typeof presentTeilnahme>;

/** Instruments for which a Zuweisung cannot carry a Rechtsfolgenbelehrung (no Minderung possible). */
export function ohneRechtsfolgen(instrument: Instrument): boolean {
  return instrument.startsWith('sgb2_16a_') || instrument === 'sgb2_16k_coaching';
}

export type ZuweisungErgebnis = { status: 'zugewiesen' | 'warteliste' | 'wartet_auf_genehmigung'; platzNr: number | null; meldung: string; fehlend: { haushaltsjahr: number; freiCent: number; benoetigtCent: number }[] };

/**
 * The heart of the Zuweisung (also after an approval and from the Warteliste): budget check, place, Mittelbindung
 * and letter, inside the caller's transaction. Over budget and not confirmed by an approver → wartet_auf_genehmigung;
 * no free place (also when a concurrent Zuweisung took the last one: database-enforced) → warteliste; else a place,
 * the Mittelbindung per Haushaltsjahr and the letter (PDF).
 */
export async function fuehreZuweisungAus(
  tx: Tx,
  actor: Actor,
  o: { t: TeilnahmeZeile; massnahme: MassnahmeRow; heute: string; budgetFreigabe: boolean; mitRechtsfolgenbelehrung: boolean; jobcenter: string; patch?: Record<string, unknown> },
): Promise<ZuweisungErgebnis> {
  const { t, massnahme } = o;
  const kontingent = await massnahmenRepository.findKontingent(tx, t.kontingentId);
  if (!kontingent) throw notFound('Das Kontingent');
  const kosten = kostenJeJahr({ kostenJePlatzCent: massnahme.kostenJePlatzCent, kostenart: massnahme.kostenart, von: t.geplantVon, bis: t.geplantBis });
  const summe = kosten.reduce((s, k) => s + k.betragCent, 0);
  const basis = { erwarteteKostenCent: summe, mitRechtsfolgenbelehrung: o.mitRechtsfolgenbelehrung, ...o.patch };
  const budget = summe > 0 ? await pruefeBudget(tx, { titel: massnahme.titel, kosten }) : { passt: true, fehlend: [] };
  if (!budget.passt && !o.budgetFreigabe && t.genehmigtAm === null) {
    if (t.status !== 'wartet_auf_genehmigung') {
      const r = await teilnahmenRepository.update(tx, t.id, t.version, { ...basis, status: 'wartet_auf_genehmigung' });
      if (!r) throw versionConflict();
    }
    await protokolliereZuweisung(tx, actor, t, 'wartet_auf_genehmigung', null, null);
    return { status: 'wartet_auf_genehmigung', platzNr: null, fehlend: budget.fehlend, meldung: 'Die Zuweisung überschreitet das freie Eingliederungsbudget. Sie wartet jetzt auf die Genehmigung der Teamleitung.' };
  }
  const genehmigung = !budget.passt && t.genehmigtAm === null ? { genehmigtVon: actor.userId, genehmigtAm: new Date() } : {};
  const platz = await teilnahmenRepository.nimmPlatz(tx, {
    id: t.id,
    version: t.version,
    kontingentId: t.kontingentId,
    plaetze: kontingent.plaetze,
    patch: { ...basis, ...genehmigung, zugewiesenAm: o.heute },
    freierPlatz: niedrigsterFreierPlatz,
  });
  if (platz === 'version') throw versionConflict();
  if (platz === null) {
    if (t.status !== 'warteliste') {
      const r = await teilnahmenRepository.update(tx, t.id, t.version, { ...basis, ...genehmigung, status: 'warteliste' });
      if (!r) throw versionConflict();
    }
    await protokolliereZuweisung(tx, actor, t, 'warteliste', null, null);
    return { status: 'warteliste', platzNr: null, fehlend: [], meldung: 'Alle Plätze dieser Maßnahme sind vergeben. Die Teilnahme steht jetzt auf der Warteliste.' };
  }
  await bindeMittel(tx, actor, { teilnahmeId: t.id, titel: massnahme.titel, instrument: massnahme.instrument, standortId: kontingent.standortId, kosten });
  const pdf = await zuweisungsschreiben(tx, { t, massnahme, datum: o.heute, mitRechtsfolgenbelehrung: o.mitRechtsfolgenbelehrung, jobcenter: o.jobcenter });
  const r = await teilnahmenRepository.update(tx, t.id, platz.version, { zuweisungPdf: pdf });
  if (!r) throw versionConflict();
  await protokolliereZuweisung(tx, actor, t, 'zugewiesen', platz.platzNr, o.mitRechtsfolgenbelehrung ? 'zuweisung_rfb' : 'zuweisung');
  return { status: 'zugewiesen', platzNr: platz.platzNr, fehlend: [], meldung: `Zugewiesen auf Platz ${platz.platzNr}. Das Zuweisungsschreiben liegt als PDF bereit.` };
}

/** Renders the Zuweisung letter: recipient's address on the day, the BG's Standort as contact, the Maßnahme. */
export async function zuweisungsschreiben(
  tx: Tx,
  o: { t: TeilnahmeZeile; massnahme: Pick<MassnahmeRow, 'bezeichnung' | 'anbieter' | 'beschreibung' | 'instrument'>; datum: string; mitRechtsfolgenbelehrung: boolean; jobcenter: string },
): Promise<Buffer> {
  const { t, massnahme } = o;
  const brief = await teilnahmenRepository.briefKontext(tx, t.bgId, o.datum);
  return zuweisungsschreibenPdf({
    jobcenter: o.jobcenter,
    name: t.name,
    anschrift: brief.adresse,
    kontakt: brief.standort,
    datum: o.datum,
    massnahme: massnahme.bezeichnung,
    anbieter: massnahme.anbieter,
    beschreibung: massnahme.beschreibung,
    instrument: massnahme.instrument,
    standort: t.standortName,
    von: t.geplantVon,
    bis: t.geplantBis,
    mitRechtsfolgenbelehrung: o.mitRechtsfolgenbelehrung,
  });
}

async function protokolliereZuweisung(tx: Tx, actor: Actor, t: TeilnahmeZeile, nach: string, platzNr: number | null, dokument: string | null) {
  await recordAudit(tx, actor, {
    objectType: 'teilnahme',
    objectId: t.id,
    personId: t.personId,
    action: 'update',
    purpose: zweckTeilnahme(actor, 'Maßnahme zuweisen'),
    details: { massnahmeId: t.massnahmeId, von: t.status, nach, platzNr, ...(dokument ? { dokument } : {}) },
  });
}

/** Whether the Maßnahme counts as Maßnahme der aktiven Arbeitsförderung on the day of the Eintritt. */
export const zaehltAm = (instrument: Instrument, tag: string) => zaehltAlsMassnahme(instrument, tag).zaehlt;
