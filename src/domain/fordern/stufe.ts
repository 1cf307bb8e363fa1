/**
 * Stufe, percentage, duration and months of a Leistungsminderung by the law on the day of the Pflichtverletzung
 * (docs/fordern.md, "Regeln nach Datum"), the count of Meldeversäumnisse "in Folge" and the 2026 safeguards.
 * Pure; dates 'YYYY-MM-DD', months 'YYYY-MM', money in cents.
 */
import { teileGerundet } from '../berechnung/geld.ts';
import { datumText, ersterTag, letzterTag, monatPlus, monateVonBis, monatText, monatVon } from '../bewilligung/monat.ts';
import {
  ARBEITSVERWEIGERUNG,
  FORDERN_AUSLEGUNG,
  MINDERUNG_MELDEVERSAEUMNIS,
  MINDERUNG_PFLICHTVERLETZUNG,
  MINDERUNG_SCHUTZ,
} from '../recht/fordern.ts';
import type { MeldeErgebnis } from '../recht/meldeaufforderung.ts';
import { MINDERUNG } from '../recht/minderung.ts';
import { gueltigAm } from '../recht/typen.ts';
import { bekanntgabeAm as bekanntgabeFiktion, feststellungsfristEnde, plusMonateTag } from './fristen.ts';
import { TATBESTAND_INFO, tatbestandZulaessig } from './tatbestaende.ts';
import type { MinderungArt, Tatbestand } from './typen.ts';

export type FruehereMinderung = {
  tatbestand: Tatbestand;
  art: MinderungArt;
  prozent: number;
  vonMonat: string;
  bisMonat: string;
  beendetAbMonat: string | null;
  aufgehoben: boolean;
  festgestelltAm: string;
  pflichtverletzungAm: string;
  /**
   * the Stufe as decided (1–3); when absent derived from `prozent` (10 → 1, 20 → 2, otherwise 3) for Pflichtverletzungen
   * from 2023, and 1 for older ones (the 30 % of the law before 2023 is no Stufe of § 31a Abs. 1 n.F.)
   */
  stufe?: 1 | 2 | 3;
};

export type Schritt = { text: string; norm: string };

export type MinderungsVorschlag =
  | {
      ergebnis: 'minderung';
      art: MinderungArt;
      stufe: 1 | 2 | 3;
      prozent: number;
      monate: number;
      vonMonat: string;
      bisMonat: string;
      betragCent: number;
      schritte: Schritt[];
      /** gueltigAb of the rule applied ('YYYY-MM-DD') */
      rechtsstand: string;
      /** the norm the decision rests on */
      norm?: string;
      /**
       * per month of the period: the percentage of THIS Minderung that remains within the cap of the month (§ 31a
       * Abs. 4; MINDERUNG.hoechstProzent) next to the running earlier Minderungen, and its amount in cents
       */
      monatlich?: { monat: string; prozent: number; betragCent: number }[];
      /** an earlier Minderung that made this one a "weitere" (Bescheid: "frühere Feststellung und ihr Beginn") */
      vorherige?: { festgestelltAm: string; vonMonat: string; tatbestand: Tatbestand } | null;
    }
  | { ergebnis: 'keine_minderung'; grund: string; norm: string; schritte: Schritt[] };

const prozentText = (p: number) => `${p} %`;
const euro = (cent: number) => `${Math.floor(cent / 100).toLocaleString('de-DE')},${String(cent % 100).padStart(2, '0')} €`;

/** an earlier Minderung counts: not aufgehoben */
const zaehlt = (f: FruehereMinderung) => !f.aufgehoben;

/** the months the earlier Minderung actually ran (early end respected) */
function laeuftIm(f: FruehereMinderung, monat: string): boolean {
  if (f.aufgehoben) return false;
  if (monat < f.vonMonat || monat > f.bisMonat) return false;
  return f.beendetAbMonat === null || monat < f.beendetAbMonat;
}

function stufeVon(f: FruehereMinderung): 1 | 2 | 3 {
  if (f.stufe) return f.stufe;
  if (f.pflichtverletzungAm < '2023-01-01') return 1;
  if (f.art !== 'minderung') return 3;
  return f.prozent <= 10 ? 1 : f.prozent <= 20 ? 2 : 3;
}

/** 'YYYY-MM-DD' lies less than `monate` months before `tag` (and not after it) */
function innerhalb(frueher: string, tag: string, monate: number): boolean {
  return frueher <= tag && frueher > plusMonateTag(tag, -monate);
}

/**
 * The Stufe, percentage, duration and months by the law on the day of the Pflichtverletzung; the period starts
 * with the month after `bekanntgabeAm`; `regelbedarfCent` = person's maßgebender Regelbedarf of the first month;
 * `meldeversaeumnisseInFolge` counts this one too (from meldeversaeumnisseInFolge below).
 * Cap (§ 31a Abs. 4): with running earlier Minderungen the percentage of each month never makes the total exceed
 * the cap — the vorschlag reports its own percentage; the monthly sum is capped by minderungImMonat (M1).
 * `fruehereMeldeversaeumnisseAm` (optional): days of earlier Meldeversäumnisse without wichtigen Grund (also those
 * that led to no Minderung) for "wiederholt" (§ 32 in the Moratorium and from 2026); without it the count in Folge
 * and earlier § 32 Minderungen are used.
 */
export function bestimmeMinderung(o: {
  tatbestand: Tatbestand;
  pflichtverletzungAm: string;
  bekanntgabeAm: string;
  regelbedarfCent: number;
  fruehere: readonly FruehereMinderung[];
  meldeversaeumnisseInFolge: number;
  fruehereMeldeversaeumnisseAm?: readonly string[];
}): MinderungsVorschlag {
  const { tatbestand: t, pflichtverletzungAm: pv } = o;
  const info = TATBESTAND_INFO[t];
  const schritte: Schritt[] = [{ text: `Tatbestand: ${info.titel}; Pflichtverletzung am ${datumText(pv)}.`, norm: info.norm }];
  const keine = (grund: string, norm: string): MinderungsVorschlag => {
    schritte.push({ text: grund, norm });
    return { ergebnis: 'keine_minderung', grund, norm, schritte };
  };

  const z = tatbestandZulaessig(t, pv);
  if (!z.ok) return keine(z.meldung, z.norm);

  const fristEnde = feststellungsfristEnde(pv);
  if (o.bekanntgabeAm > fristEnde) {
    return keine(
      `Die Feststellungsfrist endete am ${datumText(fristEnde)} (sechs Monate nach der Pflichtverletzung); eine Bekanntgabe am ${datumText(o.bekanntgabeAm)} ist zu spät.`,
      '§ 31b Abs. 1 S. 5 SGB II',
    );
  }
  if (o.bekanntgabeAm < pv) return keine('Die Bekanntgabe kann nicht vor der Pflichtverletzung liegen.', '§ 31b Abs. 1 SGB II');

  const vonMonat = monatPlus(monatVon(o.bekanntgabeAm), 1);
  let art: MinderungArt = 'minderung';
  let stufe: 1 | 2 | 3 = 1;
  let prozent: number;
  let monate: number;
  let rechtsstand: string;
  let norm: string;
  let vorherige: { festgestelltAm: string; vonMonat: string; tatbestand: Tatbestand } | null = null;

  if (t === '32') {
    const r = gueltigAm(MINDERUNG_MELDEVERSAEUMNIS, pv, 'Minderung bei Meldeversäumnis');
    rechtsstand = r.gueltigAb;
    norm = r.norm;
    const w = r.wert;
    if (w.abVersaeumnis > 1) {
      const fenster = w.wiederholtInnerhalbMonate ?? 12;
      const frueherAm = o.fruehereMeldeversaeumnisseAm
        ? o.fruehereMeldeversaeumnisseAm.filter((d) => d < pv && innerhalb(d, pv, fenster))
        : o.fruehere.filter((f) => zaehlt(f) && f.tatbestand === '32' && f.pflichtverletzungAm < pv && innerhalb(f.pflichtverletzungAm, pv, fenster)).map((f) => f.pflichtverletzungAm);
      const wiederholt = frueherAm.length > 0 || o.meldeversaeumnisseInFolge >= 2;
      if (!wiederholt) {
        return keine(
          `Erstes Meldeversäumnis: Eine Minderung tritt erst bei einem wiederholten Meldeversäumnis ein (ein früheres Meldeversäumnis ohne wichtigen Grund weniger als ${fenster} Monate vorher liegt nicht vor).`,
          r.norm,
        );
      }
      schritte.push({
        text: `Wiederholtes Meldeversäumnis: ${frueherAm.length > 0 ? `früheres Meldeversäumnis am ${datumText([...frueherAm].sort().at(-1)!)}` : `${o.meldeversaeumnisseInFolge} Meldeversäumnisse in Folge`}.`,
        norm: r.norm,
      });
    }
    if (w.nichterreichbarkeitAb !== null && o.meldeversaeumnisseInFolge >= w.nichterreichbarkeitAb) {
      art = 'nichterreichbarkeit';
      stufe = 3;
      prozent = 100;
      monate = FORDERN_AUSLEGUNG.nichterreichbarkeitMonate;
      norm = '§ 7b Abs. 4 SGB II';
      schritte.push({
        text: `${o.meldeversaeumnisseInFolge} Meldeversäumnisse in Folge ohne wichtigen Grund: Die Person gilt als nicht erreichbar; der Anspruch entfällt einschließlich der Kosten der Unterkunft, bis sie sich persönlich meldet (hier längstens ${monate} Monate).`,
        norm: '§ 7b Abs. 4 SGB II',
      });
    } else {
      prozent = w.prozent;
      monate = w.monate;
      schritte.push({ text: `Meldeversäumnis: ${prozentText(prozent)} des maßgebenden Regelbedarfs für ${monate === 1 ? 'einen Monat' : `${monate} Monate`}.`, norm: r.norm });
    }
  } else if (t === '31a_7') {
    const r = gueltigAm(ARBEITSVERWEIGERUNG, pv, 'Arbeitsverweigerung');
    rechtsstand = r.gueltigAb;
    norm = r.norm;
    const bed = r.wert.vorherigeMinderung;
    if (bed) {
      const grenze = plusMonateTag(pv, -bed.innerhalbMonate);
      const treffer = o.fruehere.filter(
        (f) => zaehlt(f) && bed.tatbestaende.includes(f.tatbestand) && ersterTag(f.vonMonat) <= pv && letzterTag(wirklichesEnde(f)) > grenze,
      );
      if (treffer.length === 0) {
        return keine(
          `Der Regelbedarf kann nach § 31a Abs. 7 SGB II nur entfallen, wenn die Leistung innerhalb des letzten Jahres wegen ${bed.tatbestaende.map((x) => TATBESTAND_INFO[x].norm).join(', ')} gemindert war; das ist nicht der Fall.`,
          r.norm,
        );
      }
      const v = treffer.sort((a, b) => (a.vonMonat < b.vonMonat ? 1 : -1))[0]!;
      vorherige = { festgestelltAm: v.festgestelltAm, vonMonat: v.vonMonat, tatbestand: v.tatbestand };
      schritte.push({ text: `Frühere Minderung (${TATBESTAND_INFO[v.tatbestand].kurz}) ab ${monatText(v.vonMonat)} innerhalb des letzten Jahres.`, norm: r.norm });
    }
    art = 'wegfall_regelbedarf';
    stufe = 3;
    prozent = 100;
    monate = r.wert.hoechstMonate;
    schritte.push({
      text: `Arbeitsverweigerung: Der Regelbedarf entfällt, solange die Arbeit verfügbar ist, längstens ${monate} Monate${r.wert.mindestMonate > 0 ? ` (mindestens ${r.wert.mindestMonate === 1 ? 'einen Monat' : `${r.wert.mindestMonate} Monate`})` : ''}. Die Kosten der Unterkunft bleiben unberührt.`,
      norm: r.norm,
    });
  } else {
    const r = gueltigAm(MINDERUNG_PFLICHTVERLETZUNG, pv, 'Minderung bei Pflichtverletzung');
    rechtsstand = r.gueltigAb;
    norm = r.norm;
    const grenze = plusMonateTag(pv, -r.wert.weitereInnerhalbMonate);
    const kandidaten = o.fruehere
      .filter((f) => zaehlt(f) && f.tatbestand !== '32' && f.festgestelltAm < pv && ersterTag(f.vonMonat) >= grenze)
      .sort((a, b) => (a.vonMonat < b.vonMonat ? 1 : a.vonMonat > b.vonMonat ? -1 : a.festgestelltAm < b.festgestelltAm ? 1 : -1));
    const v = kandidaten[0];
    if (v) {
      stufe = stufeVon(v) >= 2 ? 3 : 2;
      vorherige = { festgestelltAm: v.festgestelltAm, vonMonat: v.vonMonat, tatbestand: v.tatbestand };
      schritte.push({
        text: `Weitere Pflichtverletzung: Eine Minderung wurde bereits am ${datumText(v.festgestelltAm)} festgestellt; ihr Minderungszeitraum begann ${monatText(v.vonMonat)}, nicht mehr als ein Jahr vor dieser Pflichtverletzung.`,
        norm: '§ 31a Abs. 1 S. 4 und 5 SGB II',
      });
    } else {
      schritte.push({ text: 'Keine frühere Minderung, deren Minderungszeitraum innerhalb eines Jahres vor dieser Pflichtverletzung begann: erste Pflichtverletzung.', norm: '§ 31a Abs. 1 SGB II' });
    }
    const s = r.wert.stufen[stufe - 1]!;
    prozent = s.prozent;
    monate = s.monate;
    schritte.push({ text: `Stufe ${stufe}: ${prozentText(prozent)} des maßgebenden Regelbedarfs für ${monate === 1 ? 'einen Monat' : `${monate} Monate`}.`, norm: r.norm });
  }

  const bisMonat = monatPlus(vonMonat, monate - 1);
  const betragCent = teileGerundet(o.regelbedarfCent * prozent, 100);
  schritte.push({
    text: `Minderungszeitraum ${monatText(vonMonat)}${monate > 1 ? ` bis ${monatText(bisMonat)}` : ''} – der Kalendermonat nach der Bekanntgabe am ${datumText(o.bekanntgabeAm)}.`,
    norm: '§ 31b Abs. 1 S. 1 SGB II',
  });

  const monatlich = monateVonBis(vonMonat, bisMonat).map((monat) => {
    if (art !== 'minderung') return { monat, prozent, betragCent };
    const deckel = gueltigAm(MINDERUNG, ersterTag(monat), 'Leistungsminderung').wert.hoechstProzent;
    const laufend = o.fruehere.filter((f) => laeuftIm(f, monat)).reduce((s, f) => s + (f.art === 'minderung' ? f.prozent : 100), 0);
    const p = Math.max(0, Math.min(prozent, deckel - laufend));
    return { monat, prozent: p, betragCent: teileGerundet(o.regelbedarfCent * p, 100) };
  });
  const gedeckelt = monatlich.filter((m) => m.prozent < prozent);
  if (gedeckelt.length > 0) {
    schritte.push({
      text: `Zusammen mit laufenden Minderungen höchstens ${prozentText(gueltigAm(MINDERUNG, ersterTag(gedeckelt[0]!.monat), 'Leistungsminderung').wert.hoechstProzent)} des Regelbedarfs: ${gedeckelt.map((m) => `${monatText(m.monat)} nur ${prozentText(m.prozent)}`).join(', ')}.`,
      norm: '§ 31a Abs. 4 SGB II',
    });
  }
  schritte.push({
    text:
      art === 'minderung'
        ? `Betrag: ${prozentText(prozent)} von ${euro(o.regelbedarfCent)} = ${euro(betragCent)} monatlich; die Kosten der Unterkunft und Heizung werden nicht gemindert.`
        : art === 'nichterreichbarkeit'
          ? `Keine Stufe und kein Prozentsatz: Im ersten Monat entfällt der Regelbedarf von ${euro(o.regelbedarfCent)}; ab dem zweiten Monat entfällt der gesamte Anspruch der Person einschließlich ihres Anteils an den Kosten der Unterkunft und Heizung (in einer Bedarfsgemeinschaft mit weiteren Personen geht dieser Anteil auf die anderen über).`
          : `Betrag: der Regelbedarf von ${euro(o.regelbedarfCent)} monatlich entfällt.`,
    norm: art === 'minderung' ? '§ 31a Abs. 1, § 32 SGB II' : norm,
  });

  return { ergebnis: 'minderung', art, stufe, prozent, monate, vonMonat, bisMonat, betragCent, schritte, rechtsstand, norm, monatlich, vorherige };
}

/** last month an earlier Minderung actually ran */
function wirklichesEnde(f: FruehereMinderung): string {
  if (f.beendetAbMonat !== null && f.beendetAbMonat <= f.bisMonat) return monatPlus(f.beendetAbMonat, -1);
  return f.bisMonat;
}

type EinladungErgebnis = { tag: string; ergebnis: MeldeErgebnis | 'eingeladen' | 'aufgehoben' };

/** consecutive missed appointments without wichtigen Grund up to and incl. `bisTag` (newest first breaks at 'wahrgenommen' or mit_wichtigem_grund) */
export function meldeversaeumnisseInFolge(einladungen: readonly EinladungErgebnis[], bisTag: string): number {
  const liste = einladungen.filter((e) => e.tag <= bisTag).sort((a, b) => (a.tag < b.tag ? 1 : a.tag > b.tag ? -1 : 0));
  let n = 0;
  for (const e of liste) {
    if (e.ergebnis === 'nicht_erschienen_ohne_wichtigen_grund') n += 1;
    else if (e.ergebnis === 'wahrgenommen' || e.ergebnis === 'nicht_erschienen_mit_wichtigem_grund') break;
    // 'eingeladen' (no result yet) and 'aufgehoben' (cancelled) neither count nor break the series
  }
  return n;
}

/** days of Meldeversäumnisse without wichtigen Grund before `vorTag` (input for "wiederholt", bestimmeMinderung) */
export function fruehereMeldeversaeumnisse(einladungen: readonly EinladungErgebnis[], vorTag: string): string[] {
  return einladungen
    .filter((e) => e.tag < vorTag && e.ergebnis === 'nicht_erschienen_ohne_wichtigen_grund')
    .map((e) => e.tag)
    .sort();
}

/** 2026 safeguards: personal Anhörung required (repeated violation, before a complete lapse) and Härte check required (every 3rd Meldeversäumnis) */
export function schutzpflichten(o: {
  tatbestand: Tatbestand;
  pflichtverletzungAm: string;
  fruehere: readonly FruehereMinderung[];
  meldeversaeumnisseInFolge: number;
  fruehereMeldeversaeumnisseAm?: readonly string[];
}): { persoenlicheAnhoerung: boolean; haertePruefungPflicht: boolean; gruende: string[] } {
  const pv = o.pflichtverletzungAm;
  const gruende: string[] = [];
  if (pv < '2021-01-01') return { persoenlicheAnhoerung: false, haertePruefungPflicht: false, gruende };
  const r = gueltigAm(MINDERUNG_SCHUTZ, pv, 'Schutzpflichten Minderung').wert;
  let persoenlich = false;
  let haerte = false;

  const meld = o.tatbestand === '32';
  const fenster = FORDERN_AUSLEGUNG.meldeversaeumnisWiederholtMonate;
  const wiederholt = meld
    ? o.meldeversaeumnisseInFolge >= 2 ||
      (o.fruehereMeldeversaeumnisseAm ?? []).some((d) => d < pv && innerhalb(d, pv, fenster)) ||
      o.fruehere.some((f) => zaehlt(f) && f.tatbestand === '32' && f.pflichtverletzungAm < pv && innerhalb(f.pflichtverletzungAm, pv, fenster))
    : o.fruehere.some((f) => zaehlt(f) && f.tatbestand !== '32' && f.pflichtverletzungAm < pv && innerhalb(f.pflichtverletzungAm, pv, 12));
  if (r.persoenlichBeiWiederholung && wiederholt) {
    persoenlich = true;
    gruende.push(meld ? 'Wiederholtes Meldeversäumnis: Die Anhörung soll persönlich erfolgen (§ 31a Abs. 2 SGB II).' : 'Wiederholte Pflichtverletzung: Die Anhörung soll persönlich erfolgen (§ 31a Abs. 2 SGB II).');
  }
  if (r.persoenlichVorWegfall) {
    const mv = gueltigAm(MINDERUNG_MELDEVERSAEUMNIS, pv, 'Minderung bei Meldeversäumnis').wert;
    const wegfall = o.tatbestand === '31a_7' || (meld && mv.nichterreichbarkeitAb !== null && o.meldeversaeumnisseInFolge >= mv.nichterreichbarkeitAb);
    if (wegfall) {
      persoenlich = true;
      haerte = true;
      gruende.push('Vor einem vollständigen Wegfall der Leistung ist die Person persönlich anzuhören; außergewöhnliche Härte ist zu prüfen und zu dokumentieren.');
    }
  }
  const n = r.haertePruefungJedesNteMeldeversaeumnis;
  if (meld && n !== null && o.meldeversaeumnisseInFolge >= n && o.meldeversaeumnisseInFolge % n === 0) {
    haerte = true;
    gruende.push(`${o.meldeversaeumnisseInFolge}. Meldeversäumnis in Folge: Eine außergewöhnliche Härte (z. B. drohende Wohnungslosigkeit) ist zu prüfen und zu dokumentieren (§ 31a Abs. 3 SGB II).`);
  }
  return { persoenlicheAnhoerung: persoenlich, haertePruefungPflicht: haerte, gruende };
}

/** the default Bekanntgabe for a proposal before the Bescheid is posted: posted on `heute` (§ 37 Abs. 2 SGB X) */
export function voraussichtlicheBekanntgabe(heute: string): string {
  return bekanntgabeFiktion(heute);
}
