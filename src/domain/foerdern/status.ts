/**
 * Arbeitsmarktstatus of an eLb over time (docs/foerdern.md): periods that never overlap, the status as of any day,
 * Langzeitarbeitslosigkeit derived from the periods (§ 18 SGB III), the check of a new period, and the changes that
 * recorded facts imply by themselves (Eintritt in a Maßnahme, job start ≥ 15 h, Austritt) — as plans the server
 * applies. Pure: no IO; the dated values come from src/domain/recht/foerdern-status.ts.
 */
import { gilt, plusTage, tagDanach, tagVorher, ueberschneiden } from '../fallakte/index.ts';
import { alterAmTag, parseTag } from '../berechnung/datum.ts';
import { ALTERSGRENZE_7A, ARBEITSLOSIGKEIT_STUNDENGRENZE, LANGZEITARBEITSLOSIGKEIT } from '../recht/foerdern-status.ts';
import { ALTERSGRENZEN } from '../recht/regelbedarf.ts';
import { gueltigAm } from '../recht/typen.ts';
import {
  ARBEITSUCHEND_GRUENDE,
  NICHT_ARBEITSUCHEND_GRUENDE,
  type Arbeitsmarktstatus,
  type Integrationsart,
  type StatusGrund,
  type StatusQuelle,
} from './typen.ts';

/** One stored status period (`gueltigBis` inclusive; null = open). */
export type StatusPeriode = {
  id: string;
  gueltigVon: string;
  gueltigBis: string | null;
  status: Arbeitsmarktstatus;
  grund: StatusGrund | null;
  quelle: StatusQuelle;
  quelleId: string | null;
  /** For a Maßnahme period: the Maßnahme is one nach § 45 SGB III (does not break the Langzeit count, § 18 Abs. 1 S. 2). */
  massnahme45?: boolean;
};

/** A period to be written (no id yet). */
export type NeuePeriode = Omit<StatusPeriode, 'id' | 'massnahme45'>;

export const STATUS_TEXT: Record<Arbeitsmarktstatus, string> = {
  arbeitslos: 'arbeitslos',
  arbeitsuchend: 'arbeitsuchend, nicht arbeitslos',
  nicht_arbeitsuchend: 'nicht arbeitsuchend',
};
export const GRUND_TEXT: Record<StatusGrund, string> = {
  massnahme: 'Teilnahme an einer Maßnahme',
  erwerbstaetigkeit: 'Erwerbstätigkeit ab 15 Stunden',
  arbeitsunfaehigkeit: 'Arbeitsunfähigkeit',
  sonstiges: 'sonstiger Grund',
  kind_unter_3: 'Erziehung eines Kindes unter 3 Jahren (§ 10 Abs. 1 Nr. 3 SGB II)',
  pflege: 'Pflege einer Angehörigen (§ 10 Abs. 1 Nr. 4 SGB II)',
  schule_ausbildung: 'Schule oder Ausbildung',
  arbeitsunfaehig_langfristig: 'längerfristig arbeitsunfähig',
};
export const QUELLE_TEXT: Record<StatusQuelle, string> = {
  erfasst: 'erfasst',
  massnahme_eintritt: 'automatisch: Eintritt in Maßnahme',
  massnahme_austritt: 'nach Austritt aus Maßnahme wiederhergestellt',
  integration: 'automatisch: Beschäftigungsaufnahme',
};

const nachVon = <T extends { gueltigVon: string }>(a: T, b: T) => (a.gueltigVon < b.gueltigVon ? -1 : a.gueltigVon > b.gueltigVon ? 1 : 0);

/** The status period that covers `tag` (null: nothing recorded for that day). */
export function statusAm<T extends StatusPeriode>(perioden: readonly T[], tag: string): T | null {
  return perioden.find((p) => gilt(p, tag)) ?? null;
}

// ------------------------------------------------------------------------------------------ checking a new period

export type StatusFehler = { code: 'status_ueberschneidung' | 'grund_fehlt' | 'grund_unpassend' | 'bis_vor_von'; feld: string; meldung: string };

const datumDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * Checks a period staff want to record (or a corrected one; `ohneId` leaves the period being corrected out):
 * grund fits the status, bis ≥ von, and no overlap with another period → null, or the first error at its field.
 */
export function pruefePeriode(
  bestehende: readonly StatusPeriode[],
  neu: { gueltigVon: string; gueltigBis: string | null; status: Arbeitsmarktstatus; grund: StatusGrund | null },
  ohneId?: string,
): StatusFehler | null {
  if (neu.gueltigBis !== null && neu.gueltigBis < neu.gueltigVon) {
    return { code: 'bis_vor_von', feld: 'gueltigBis', meldung: 'Das Ende darf nicht vor dem Beginn liegen.' };
  }
  if (neu.status === 'arbeitslos' && neu.grund !== null) {
    return { code: 'grund_unpassend', feld: 'grund', meldung: 'Bei „arbeitslos“ wird kein Grund angegeben.' };
  }
  if (neu.status !== 'arbeitslos') {
    if (neu.grund === null) return { code: 'grund_fehlt', feld: 'grund', meldung: 'Bitte wählen Sie den Grund.' };
    const erlaubt: readonly string[] = neu.status === 'arbeitsuchend' ? ARBEITSUCHEND_GRUENDE : NICHT_ARBEITSUCHEND_GRUENDE;
    if (!erlaubt.includes(neu.grund)) {
      return { code: 'grund_unpassend', feld: 'grund', meldung: `Dieser Grund passt nicht zum Status „${STATUS_TEXT[neu.status]}“.` };
    }
  }
  const konflikt = bestehende.filter((p) => p.id !== ohneId).sort(nachVon).find((p) => ueberschneiden(p, neu));
  if (konflikt) {
    return {
      code: 'status_ueberschneidung',
      feld: 'gueltigVon',
      meldung: `Der Zeitraum überschneidet sich mit „${STATUS_TEXT[konflikt.status]}“ ab ${datumDe(konflikt.gueltigVon)}${konflikt.gueltigBis ? ` bis ${datumDe(konflikt.gueltigBis)}` : ' (offen)'}. Bitte beenden oder berichtigen Sie erst diesen Zeitraum.`,
    };
  }
  return null;
}

// ------------------------------------------------------------------------------------------ Langzeitarbeitslosigkeit

/** Interruption that does not break the Langzeit count under § 18 Abs. 1 S. 2 SGB III in the version valid on `tag`. */
function unschaedlich(luecke: { von: string; bis: string; perioden: readonly StatusPeriode[] }, tag: string): boolean {
  const regel = gueltigAm(LANGZEITARBEITSLOSIGKEIT, tag, 'Langzeitarbeitslosigkeit').wert;
  // an Erwerbstätigkeit (≥ 15 h) always breaks it: the person was not arbeitslos and not "nicht erwerbstätig"
  if (luecke.perioden.some((p) => p.grund === 'erwerbstaetigkeit')) return false;
  if (regel.massnahme45Unschaedlich && luecke.perioden.length > 0 && luecke.perioden.every((p) => p.grund === 'massnahme' && p.massnahme45 === true)) return true;
  const tage = (Date.parse(luecke.bis) - Date.parse(luecke.von)) / 86_400_000 + 1;
  return tage <= regel.unschaedlichTage;
}

/**
 * Since when the person counts as Arbeitslose in the sense of § 18 Abs. 1 SGB III on `tag` — the first day of the
 * unbroken run of Arbeitslosigkeit that covers `tag` — or null when not arbeitslos on `tag`.
 *
 * Interruptions (§ 18 Abs. 1 S. 2, from 16.8.2014): a Maßnahme nach § 45 SGB III, and illness or other
 * Nicht-Erwerbstätigkeit of at most six weeks (42 days, also a gap without any recorded status), do not break the
 * run; any Erwerbstätigkeit ≥ 15 h, other Maßnahmen, or a longer interruption start the year again. Abs. 2 (breaks
 * within five years left out of account) is for the entitlement to Leistungen only, not for the status (Haufe Sauer
 * SGB III § 18 Rz. 7), so it is not applied here.
 */
export function arbeitslosSeit(perioden: readonly StatusPeriode[], tag: string): string | null {
  const sortiert = [...perioden].sort(nachVon);
  const jetzt = sortiert.findIndex((p) => gilt(p, tag));
  if (jetzt < 0 || sortiert[jetzt]!.status !== 'arbeitslos') return null;
  let seit = sortiert[jetzt]!.gueltigVon;
  let i = jetzt - 1;
  while (true) {
    // earlier arbeitslos period, and what lies between it and `seit`
    let j = i;
    while (j >= 0 && sortiert[j]!.status !== 'arbeitslos') j--;
    if (j < 0) return seit;
    const frueher = sortiert[j]!;
    if (frueher.gueltigBis === null) return seit;
    const lueckeVon = tagDanach(frueher.gueltigBis);
    const lueckeBis = tagVorher(seit);
    if (lueckeVon > lueckeBis) {
      seit = frueher.gueltigVon; // directly adjoining
    } else {
      const dazwischen = sortiert.slice(j + 1, i + 1);
      if (!unschaedlich({ von: lueckeVon, bis: lueckeBis, perioden: dazwischen }, tag)) return seit;
      seit = frueher.gueltigVon;
    }
    i = j - 1;
  }
}

/** Adds whole years to an ISO date (29.2. → 28.2. in a common year). */
export function plusJahre(tag: string, jahre: number): string {
  const j = Number(tag.slice(0, 4)) + jahre;
  const md = tag.slice(5);
  const schalt = (j % 4 === 0 && j % 100 !== 0) || j % 400 === 0;
  return `${j}-${md === '02-29' && !schalt ? '02-28' : md}`;
}

/**
 * The day from which the person is langzeitarbeitslos (§ 18 Abs. 1 SGB III: "ein Jahr und länger arbeitslos") as of
 * `tag`, or null. Arbeitslos since 1.1.2025 → langzeitarbeitslos from 1.1.2026 (the year is complete at the end of
 * 31.12.2025).
 */
export function langzeitarbeitslosSeit(perioden: readonly StatusPeriode[], tag: string): string | null {
  const seit = arbeitslosSeit(perioden, tag);
  if (seit === null) return null;
  const ab = plusJahre(seit, gueltigAm(LANGZEITARBEITSLOSIGKEIT, tag, 'Langzeitarbeitslosigkeit').wert.jahre);
  return ab <= tag ? ab : null;
}

// ------------------------------------------------------------------------------------------ automatic consequences

/** What a recorded fact does to the status series: periods to end (new `gueltigBis`), to remove, to open. */
export type StatusPlan = {
  schliessen: { id: string; gueltigBis: string }[];
  /** periods replaced entirely (they began on the day the new one begins) */
  entfernen: string[];
  oeffnen: NeuePeriode[];
  /** For an Austritt: the day from which restoring 'arbeitslos' is offered (the page shows a button). */
  angebotArbeitslosAb?: string;
};

const leererPlan = (): StatusPlan => ({ schliessen: [], entfernen: [], oeffnen: [] });
export const istLeer = (p: StatusPlan) => p.schliessen.length === 0 && p.entfernen.length === 0 && p.oeffnen.length === 0;

/**
 * Opens `neu` from its `gueltigVon`: the period covering that day ends the day before (or is replaced when it began
 * that very day); the new one ends before the next later period at the latest.
 */
function oeffneAb(perioden: readonly StatusPeriode[], neu: NeuePeriode): StatusPlan {
  const plan = leererPlan();
  const ab = neu.gueltigVon;
  const laufend = perioden.find((p) => gilt(p, ab));
  if (laufend) {
    if (laufend.gueltigVon === ab) plan.entfernen.push(laufend.id);
    else plan.schliessen.push({ id: laufend.id, gueltigBis: tagVorher(ab) });
  }
  const spaeter = perioden.filter((p) => p.gueltigVon > ab).sort(nachVon)[0];
  let bis = neu.gueltigBis;
  if (spaeter && (bis === null || bis >= spaeter.gueltigVon)) bis = tagVorher(spaeter.gueltigVon);
  plan.oeffnen.push({ ...neu, gueltigBis: bis });
  return plan;
}

/**
 * Eintritt in a Maßnahme (§ 16 Abs. 2 SGB III: participants in Maßnahmen der aktiven Arbeitsförderung are not
 * arbeitslos): when the Maßnahme counts as such and the person is arbeitslos on the day of the Eintritt (or has no
 * status recorded yet), Arbeitslosigkeit ends the day before and 'arbeitsuchend / Maßnahme' runs for the planned
 * duration. A person who is already erwerbstätig or nicht arbeitsuchend keeps the status (nothing to end).
 */
export function folgeMassnahmeEintritt(
  perioden: readonly StatusPeriode[],
  o: { teilnahmeId: string; von: string; bis: string | null; zaehltAlsMassnahme: boolean },
): StatusPlan {
  if (!o.zaehltAlsMassnahme) return leererPlan();
  if (perioden.some((p) => p.quelle === 'massnahme_eintritt' && p.quelleId === o.teilnahmeId)) return leererPlan(); // applied already
  const laufend = statusAm(perioden, o.von);
  if (laufend && laufend.status !== 'arbeitslos') return leererPlan();
  return oeffneAb(perioden, { gueltigVon: o.von, gueltigBis: o.bis, status: 'arbeitsuchend', grund: 'massnahme', quelle: 'massnahme_eintritt', quelleId: o.teilnahmeId });
}

/**
 * Austritt from a Maßnahme on `am`: the Maßnahme period ends that day (earlier or later than planned, but never into
 * the next period). Restoring 'arbeitslos' from the day after is only offered (`angebotArbeitslosAb`), never forced.
 */
export function folgeMassnahmeAustritt(perioden: readonly StatusPeriode[], o: { teilnahmeId: string; am: string }): StatusPlan {
  const plan = leererPlan();
  const p = perioden.find((x) => x.quelle === 'massnahme_eintritt' && x.quelleId === o.teilnahmeId);
  if (!p) return plan;
  const spaeter = perioden.filter((x) => x.gueltigVon > p.gueltigVon).sort(nachVon)[0];
  let bis = o.am < p.gueltigVon ? p.gueltigVon : o.am;
  if (spaeter && bis >= spaeter.gueltigVon) bis = tagVorher(spaeter.gueltigVon);
  if (bis !== p.gueltigBis) plan.schliessen.push({ id: p.id, gueltigBis: bis });
  const ab = tagDanach(bis);
  if (!statusAm(perioden.filter((x) => x.id !== p.id), ab)) plan.angebotArbeitslosAb = ab;
  return plan;
}

/** Integration kinds whose start with enough hours ends Arbeitslosigkeit (sv-pflichtig, Ausbildung, self-employed). */
const BEENDET_ARBEITSLOSIGKEIT: readonly Integrationsart[] = [
  'svb_vollzeit',
  'svb_teilzeit',
  'ausbildung',
  'selbststaendigkeit',
  'gefoerdert_16d',
  'gefoerdert_16e',
  'gefoerdert_16i',
];

/** Whether a job start of this kind and these weekly hours ends Arbeitslosigkeit (§ 138 Abs. 3 SGB III, 15 h). */
export function beendetArbeitslosigkeit(o: { integrationsart: Integrationsart; wochenstunden: number; beginn: string }): boolean {
  const grenze = gueltigAm(ARBEITSLOSIGKEIT_STUNDENGRENZE, o.beginn, 'Stundengrenze der Arbeitslosigkeit').wert.wochenstunden;
  return BEENDET_ARBEITSLOSIGKEIT.includes(o.integrationsart) && o.wochenstunden >= grenze;
}

/**
 * A recorded job start: a Beschäftigung (or Selbständigkeit) of ≥ 15 h a week ends Arbeitslosigkeit (or a running
 * Maßnahme period, or fills a gap) the day before `beginn`; 'arbeitsuchend / Erwerbstätigkeit' runs from then
 * (open). A Minijob or fewer hours change nothing; so does a start while nicht arbeitsuchend or already erwerbstätig.
 */
export function folgeIntegration(
  perioden: readonly StatusPeriode[],
  o: { integrationId: string; beginn: string; wochenstunden: number; integrationsart: Integrationsart },
): StatusPlan {
  if (!beendetArbeitslosigkeit(o)) return leererPlan();
  if (perioden.some((p) => p.quelle === 'integration' && p.quelleId === o.integrationId)) return leererPlan();
  const laufend = statusAm(perioden, o.beginn);
  if (laufend && !(laufend.status === 'arbeitslos' || (laufend.status === 'arbeitsuchend' && laufend.grund === 'massnahme'))) return leererPlan();
  return oeffneAb(perioden, { gueltigVon: o.beginn, gueltigBis: null, status: 'arbeitsuchend', grund: 'erwerbstaetigkeit', quelle: 'integration', quelleId: o.integrationId });
}

/** Restoring 'arbeitslos' after an Austritt (the offered button): from `ab`, open, until the next later period. */
export function planeArbeitslosWiederherstellen(perioden: readonly StatusPeriode[], o: { ab: string; teilnahmeId: string | null }): StatusPlan | StatusFehler {
  if (statusAm(perioden, o.ab)) {
    return { code: 'status_ueberschneidung', feld: 'ab', meldung: `Am ${datumDe(o.ab)} ist schon ein Arbeitsmarktstatus erfasst.` };
  }
  return oeffneAb(perioden, { gueltigVon: o.ab, gueltigBis: null, status: 'arbeitslos', grund: null, quelle: 'massnahme_austritt', quelleId: o.teilnahmeId });
}

/**
 * The restore offer the Integrationsakte shows: the latest period is a Maßnahme period that ended before `heute`
 * (or ends today) and nothing follows it → restore from the day after its end.
 */
export function wiederherstellenAngebot(perioden: readonly StatusPeriode[], heute: string): { ab: string; teilnahmeId: string | null } | null {
  const letzte = [...perioden].sort(nachVon).at(-1);
  if (!letzte || letzte.quelle !== 'massnahme_eintritt' || letzte.gueltigBis === null || letzte.gueltigBis > heute) return null;
  return { ab: tagDanach(letzte.gueltigBis), teilnahmeId: letzte.quelleId };
}

/** German sentence for what a plan did (shown on the page and stored in the audit trail's purpose). */
export function beschreibePlan(plan: StatusPlan, anlass: string): string | null {
  if (istLeer(plan)) return null;
  const teile: string[] = [];
  for (const n of plan.oeffnen) {
    teile.push(
      `${n.status === 'arbeitslos' ? 'Arbeitslos' : STATUS_TEXT[n.status].replace(/^./, (c) => c.toUpperCase())}${n.grund ? ` (${GRUND_TEXT[n.grund]})` : ''} ab ${datumDe(n.gueltigVon)}${n.gueltigBis ? ` bis ${datumDe(n.gueltigBis)}` : ''}`,
    );
  }
  for (const s of plan.schliessen) teile.unshift(`Bisheriger Status endet am ${datumDe(s.gueltigBis)}`);
  if (plan.entfernen.length > 0) teile.unshift('Bisheriger Status ersetzt');
  return `${teile.join('; ')} – wegen ${anlass}.`;
}

// ------------------------------------------------------------------------------------------ who is an eLb

/**
 * The age limit of § 7a SGB II as the last day on which the person is still below it (end of the month in which the
 * limit age is completed).
 */
export function letzterTagVorAltersgrenze(geburtsdatum: string, stichtag: string): string {
  const r = gueltigAm(ALTERSGRENZE_7A, stichtag < '2008-01-01' ? '2008-01-01' : stichtag, 'Altersgrenze § 7a SGB II').wert;
  const jahr = Number(geburtsdatum.slice(0, 4));
  let monate = r.grundJahre * 12;
  if (jahr >= r.endGeburtsjahr) monate = r.endJahre * 12;
  else if (jahr >= r.abGeburtsjahr) {
    for (let y = r.abGeburtsjahr; y <= jahr; y++) {
      const stufe = r.stufen.findLast((s) => y >= s.abGeburtsjahr);
      monate += stufe?.monateJeJahr ?? 0;
    }
  }
  // month in which the limit age is completed: birth month + monate; the limit is reached at its end
  const geb = parseTag(geburtsdatum);
  const index = geb.jahr * 12 + (geb.monat - 1) + monate;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const letzter = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(letzter).padStart(2, '0')}`;
}

/**
 * Erwerbsfähige Leistungsberechtigte (§ 7 Abs. 1 SGB II) as the integration side sees them: a member (in_bg) of an
 * active BG on `tag`, at least 15 (§ 7 Abs. 1 Nr. 1) and below the § 7a limit (§ 7 Abs. 1 Nr. 2), not recorded as
 * erwerbsunfähig (person_merkmale.erwerbsfaehig = false; null = the default "erwerbsfähig from 15" of the engine).
 */
export function istElb(o: { geburtsdatum: string; erwerbsfaehig: boolean | null; inBg: boolean; bgAktiv: boolean }, tag: string): boolean {
  if (!o.inBg || !o.bgAktiv || o.erwerbsfaehig === false) return false;
  if (alterAmTag(parseTag(o.geburtsdatum), parseTag(tag)) < ALTERSGRENZEN.erwerbsfaehigAb) return false;
  // § 7 Abs. 1 Nr. 2: "die Altersgrenze nach § 7a noch nicht erreicht haben" — reached at the end of that month.
  return tag <= letzterTagVorAltersgrenze(o.geburtsdatum, tag);
}

/** Helper for pages: `tag` + n days (re-exported so pages and use cases need not reach into the Fallakte domain). */
export const tagePlus = plusTage;
