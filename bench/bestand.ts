/**
 * Deterministic synthetic national stock of Bedarfsgemeinschaften for the benchmark.
 *
 * Mix (calibrated to BA Eckwerte Dec 2024: 2.92 M BG, 5.73 M persons in BG; about 27 % children; about a fifth
 * with earnings): 53 % single adults, 17 % single parents, 13 % couples without children, 17 % couples with
 * children, plus adult children 18–24 in about 9 % of the families. The stock is produced in chunks of
 * `CHUNK` BGs, each from its own seeded PRNG, so it is identical whatever the number of workers.
 *
 * Issue #16 adds: in about 30 % of the families one child whose Unterhalt (with Kindergeld) covers its need, so that
 * about a tenth of all BGs have a child outside the BG (Kindergeldübertrag); 3 % self-employed (Gewinn and net);
 * adult children with earnings in Ausbildung (§ 11b Abs. 2b); 1 % with a one-off inflow; 5 % with earlier benefits.
 */
import type { BerechnungInput, EinkommenInput, PersonInput } from '../src/domain/berechnung/index.ts';

export const CHUNK = 10_000;

/** mulberry32: small, fast, seeded 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

export type BestandsOptionen = { jahr: number; monat: number };

/** Generates BG number `nr` of a chunk from the chunk's PRNG. */
export function erzeugeBg(rnd: () => number, opt: BestandsOptionen): BerechnungInput {
  const { jahr, monat } = opt;
  const ganz = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const betrag = (lo: number, hi: number): number => Math.round((lo + rnd() * (hi - lo)) * 100) / 100;
  const geburt = (alterVon: number, alterBis: number): string => {
    const alter = ganz(alterVon, alterBis);
    const m = ganz(1, 12);
    // born `alter` years before, in month m; never after the month computed
    const j = alter === 0 && m > monat ? jahr - 1 : jahr - alter;
    return `${j}-${pad(m)}-${pad(ganz(1, 28))}`;
  };
  const kindergeld = jahr >= 2026 ? 259 : jahr === 2025 ? 255 : jahr >= 2023 ? 250 : 219;
  const r = rnd();
  const typ = r < 0.53 ? 'single' : r < 0.7 ? 'ae' : r < 0.83 ? 'paar' : 'familie';
  const personen: PersonInput[] = [];
  const erwachsener = (id: string, rolle: 'antragsteller' | 'partner'): PersonInput => {
    const p: PersonInput = { id, geburtsdatum: geburt(25, 64), rolle };
    if (rnd() < 0.03) p.minderungProzent = 10;
    if (rnd() < 0.02) p.mehrbedarf = { behinderung: true };
    else if (rnd() < 0.01) p.mehrbedarf = { ernaehrung: betrag(20, 120) };
    const v = rnd();
    if (v < 0.05) p.vermoegen = betrag(500, 60000);
    return p;
  };
  const a = erwachsener('a', 'antragsteller');
  personen.push(a);
  if (typ === 'paar' || typ === 'familie') personen.push(erwachsener('b', 'partner'));
  if (typ === 'ae' || typ === 'familie') {
    const n = rnd() < 0.55 ? 1 : rnd() < 0.75 ? 2 : rnd() < 0.8 ? 3 : 4;
    const gedeckt = rnd() < 0.3;
    for (let k = 0; k < n; k++) {
      const kind: PersonInput = { id: `k${k}`, geburtsdatum: geburt(0, 17), rolle: 'kind', einkommen: [{ art: 'kindergeld', betrag: kindergeld }] };
      if (k === 0 && gedeckt) {
        // Unterhalt that, with the Kindergeld, covers the child's need: the child leaves the BG (§ 7 Abs. 3 Nr. 4)
        (kind.einkommen as EinkommenInput[]).push({ art: 'unterhalt', betrag: betrag(600, 900) });
      } else if (typ === 'ae' && rnd() < 0.45) {
        (kind.einkommen as EinkommenInput[]).push({ art: rnd() < 0.6 ? 'unterhaltsvorschuss' : 'unterhalt', betrag: betrag(180, 420) });
      }
      personen.push(kind);
    }
    if (rnd() < 0.25) {
      const kind: PersonInput = { id: 'k9', geburtsdatum: geburt(19, 24), rolle: 'kind', einkommen: [{ art: 'kindergeld', betrag: kindergeld }] };
      if (rnd() < 0.3) {
        (kind.einkommen as EinkommenInput[]).push({ art: 'erwerbstaetigkeit', brutto: 538, netto: 538 });
        if (rnd() < 0.6) kind.ausbildung = rnd() < 0.5 ? 'ausbildung' : 'studium';
      }
      personen.push(kind);
    }
  }
  // adults are 25–64 and children at most 24, so every child is younger than the antragsteller
  if (rnd() < 0.012 && personen.length > 0) a.schwanger = true;
  // earnings in about a fifth of the BGs
  if (rnd() < 0.2) {
    const brutto = rnd() < 0.45 ? betrag(100, 603) : betrag(604, 2600);
    const netto = brutto <= 603 ? brutto : Math.round(brutto * 0.79 * 100) / 100;
    const ek: EinkommenInput = { art: 'erwerbstaetigkeit', brutto, netto };
    if (brutto > 400 && rnd() < 0.3) ek.absetzungen = betrag(100, 260);
    const wer = personen.length > 1 && personen[1]?.rolle === 'partner' && rnd() < 0.4 ? 1 : 0;
    const p = personen[wer] as PersonInput;
    p.einkommen = [...(p.einkommen ?? []), ek];
  }
  if (rnd() < 0.06) {
    a.einkommen = [...(a.einkommen ?? []), { art: rnd() < 0.5 ? 'rente' : 'arbeitslosengeld', betrag: betrag(150, 900) }];
  }
  if (rnd() < 0.03) {
    // self-employed (§ 3 Bürgergeld-V): Gewinn and the net after taxes and Pflichtbeiträge
    const gewinn = betrag(200, 2400);
    a.einkommen = [...(a.einkommen ?? []), { art: 'selbststaendigkeit', brutto: gewinn, netto: Math.round(gewinn * 0.82 * 100) / 100 }];
  }
  if (rnd() < 0.01) {
    a.einkommen = [...(a.einkommen ?? []), { art: 'einmalig', betrag: betrag(100, 4000), zufluss: `${jahr}-${pad(monat)}-${pad(ganz(1, 28))}`, bezeichnung: 'Nachzahlung' }];
  }
  const n = personen.length;
  const grundmiete = betrag(250 + 60 * n, 450 + 110 * n);
  const unterkunft: BerechnungInput['unterkunft'] = {
    grundmiete,
    nebenkosten: betrag(60 + 20 * n, 120 + 35 * n),
    heizkosten: betrag(40 + 15 * n, 90 + 30 * n),
  };
  if (rnd() < 0.15) unterkunft.warmwasserDezentral = true;
  if (rnd() < 0.7) unterkunft.angemessen = { bruttokaltmiete: 420 + 110 * n, heizkosten: 80 + 25 * n };
  const lbJahre = ganz(0, 5);
  const lbMonat = ganz(1, 12);
  let lbJahr = jahr - lbJahre;
  if (lbJahr === jahr && lbMonat > monat) lbJahr -= 1;
  const fall: BerechnungInput = {
    version: 1,
    zeitraum: `${jahr}-${pad(monat)}`,
    leistungsbeginn: `${lbJahr}-${pad(lbMonat)}`,
    personen,
    unterkunft,
  };
  if (rnd() < 0.05) {
    // earlier benefits ending 1–48 months before the running ones (Karenzzeit extended or begun anew)
    const ende = lbJahr * 12 + lbMonat - 1 - ganz(2, 49);
    const anfang = ende - ganz(0, 23);
    const monatText = (idx: number): string => `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
    fall.fruehererBezug = [{ von: monatText(anfang), bis: monatText(ende) }];
  }
  return fall;
}
