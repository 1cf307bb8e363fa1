/**
 * Pure planning of a Massenänderung: new parameters take effect on `ab` (new Regelbedarfe on 1 January, new
 * Kindergeld, a change of the law). Every running Bewilligung is recomputed from that date with the engine –
 * which always applies the law in force in each month – and compared with the stored amounts.
 *
 * Speed: the comparison uses `berechneValidiert(input, { erklaerung: false })` (stored inputs passed `pruefe`
 * when they were stored); only a case whose amounts change is computed again with the explanation for its
 * Änderungsbescheid. The plan for one case is independent of every other case, so the caller can process cases
 * in batches, in workers, and resume after a crash by skipping cases already done.
 */
import { berechneValidiert, type BerechnungInput } from '../berechnung/index.ts';
import { berechneZeitraum, monatsErgebnis, zeitraumAusMonaten, type MonatsBetraege, type MonatsErgebnis, type ZeitraumErgebnis } from '../bewilligung/berechnung.ts';
import { letzterTag, pruefeTag } from '../bewilligung/monat.ts';
import { vergleiche, type Vergleich } from '../bewilligung/vergleich.ts';

/** One stored month of a running Bewilligung: its engine input and the amounts decided so far. */
export type GespeicherterMonat = { input: BerechnungInput; betraege: MonatsBetraege };

export type LaufenderFall = {
  fallId: string;
  bewilligungId: string;
  monate: readonly GespeicherterMonat[];
  /** last month already paid for this case (null = none); decides Nachzahlung/Überzahlung */
  gezahltBis: string | null;
};

export type MassenOptionen = {
  /** first day on which the new parameters apply 'YYYY-MM-DD' */
  ab: string;
  /** date of the Änderungsbescheide (selects the Bagatellgrenze of § 40 Abs. 1 S. 3) */
  entscheidungsdatum?: string;
  /** build the explanation for changed cases (default true) */
  erklaerung?: boolean;
};

export type FallPlan = {
  fallId: string;
  bewilligungId: string;
  /** months recomputed (those ending on or after `ab`) */
  betroffeneMonate: string[];
  geaendert: boolean;
  /** an Änderungsbescheid is needed when any amount of any person changes */
  aenderungsbescheidNoetig: boolean;
  vergleich: Vergleich;
  /** the recomputed months (with `schritte` when changed and `erklaerung` is on); null when nothing changed */
  neu: ZeitraumErgebnis | null;
};

export type MassenPlan = {
  ab: string;
  faelle: FallPlan[];
  statistik: { faelle: number; geaendert: number; bescheide: number; nachzahlungCent: number; ueberzahlungCent: number; monate: number };
};

/** Same BG total and same amount for every person (a person missing on one side counts as 0). */
function gleich(a: MonatsBetraege, b: MonatsBetraege): boolean {
  if (a.auszahlungCent !== b.auszahlungCent) return false;
  const d = new Map<string, number>();
  for (const p of b.personen) d.set(p.id, (d.get(p.id) ?? 0) - p.auszahlungCent);
  for (const p of a.personen) d.set(p.id, (d.get(p.id) ?? 0) + p.auszahlungCent);
  for (const v of d.values()) if (v !== 0) return false;
  return true;
}

/** Plans one case. */
export function planeMassenaenderungFall(fall: LaufenderFall, optionen: MassenOptionen): FallPlan {
  const betroffen = fall.monate.filter((m) => letzterTag(m.betraege.monat) >= optionen.ab);
  const neuSchnell: MonatsErgebnis[] = [];
  let geaendert = false;
  for (const m of betroffen) {
    const e = monatsErgebnis(m.input, berechneValidiert(m.input, { erklaerung: false }));
    neuSchnell.push(e);
    if (!gleich(e, m.betraege)) geaendert = true;
  }
  const alt = betroffen.map((m) => m.betraege);
  const vergleich = vergleiche(alt, neuSchnell, {
    gezahltBis: fall.gezahltBis,
    ...(optionen.entscheidungsdatum ? { entscheidungsdatum: optionen.entscheidungsdatum } : {}),
  });
  let neu: ZeitraumErgebnis | null = null;
  if (geaendert && betroffen.length > 0) {
    neu =
      optionen.erklaerung === false
        ? zeitraumAusMonaten(neuSchnell)
        : berechneZeitraum(
            betroffen.map((m) => m.input),
            { geprueft: true, erklaerung: true },
          );
  }
  return {
    fallId: fall.fallId,
    bewilligungId: fall.bewilligungId,
    betroffeneMonate: betroffen.map((m) => m.betraege.monat),
    geaendert,
    aenderungsbescheidNoetig: geaendert,
    vergleich,
    neu,
  };
}

/** Plans every case (use `planeMassenaenderungFall` directly for batches and resumable jobs). */
export function planeMassenaenderung(faelle: Iterable<LaufenderFall>, optionen: MassenOptionen): MassenPlan {
  pruefeTag(optionen.ab, 'ab');
  const plaene: FallPlan[] = [];
  const s = { faelle: 0, geaendert: 0, bescheide: 0, nachzahlungCent: 0, ueberzahlungCent: 0, monate: 0 };
  for (const f of faelle) {
    const p = planeMassenaenderungFall(f, optionen);
    plaene.push(p);
    s.faelle++;
    s.monate += p.betroffeneMonate.length;
    if (p.geaendert) s.geaendert++;
    if (p.aenderungsbescheidNoetig) s.bescheide++;
    s.nachzahlungCent += p.vergleich.nachzahlung.gesamtCent;
    s.ueberzahlungCent += p.vergleich.ueberzahlung.gesamtCent;
  }
  return { ab: optionen.ab, faelle: plaene, statistik: s };
}

/**
 * Which running Bewilligungen a Massenänderung recomputes:
 *  - 'alle': every approved Bewilligung that runs on or after `ab` (new parameters for everybody);
 *  - 'fortgeschrieben': only those with a month on or after `ab` that was computed after the last day of known law
 *    ("fortgeschrieben", BerechnungErgebnis.fortgeschrieben) — the run on the day a new year's values are released.
 */
export const MASSEN_AUSWAHL = ['alle', 'fortgeschrieben'] as const;
export type MassenAuswahl = (typeof MASSEN_AUSWAHL)[number];

export const MASSEN_AUSWAHL_TEXT: Readonly<Record<MassenAuswahl, string>> = {
  alle: 'alle laufenden Bewilligungen',
  fortgeschrieben: 'nur Bewilligungen mit fortgeschriebenen Monaten',
};

/**
 * The selection is kept with the job as a fixed suffix of its `grund` until the table has its own column (no
 * migration in this change; see docs/berechnung.md). `grundMitAuswahl` writes it, `auswahlAusGrund` reads it back.
 */
const AUSWAHL_MARKE = ' [Auswahl: fortgeschriebene Monate]';

export function grundMitAuswahl(grund: string, auswahl: MassenAuswahl): string {
  return auswahl === 'fortgeschrieben' ? `${grund}${AUSWAHL_MARKE}` : grund;
}

export function auswahlAusGrund(gespeichert: string): { grund: string; auswahl: MassenAuswahl } {
  return gespeichert.endsWith(AUSWAHL_MARKE)
    ? { grund: gespeichert.slice(0, -AUSWAHL_MARKE.length), auswahl: 'fortgeschrieben' }
    : { grund: gespeichert, auswahl: 'alle' };
}
