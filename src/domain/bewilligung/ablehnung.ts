/**
 * Reasons for an Ablehnung (or for months without entitlement), with the figures, from the engine's result:
 * income covers the need (§ 9 Abs. 1, § 19 Abs. 3 SGB II) or Vermögen above the Freibetrag (§ 12 SGB II).
 */
import { cent, euroText } from '../berechnung/geld.ts';
import type { MonatsErgebnis, ZeitraumErgebnis } from './berechnung.ts';
import { monatText } from './monat.ts';

export type Ablehnungsgrund = {
  grund: 'einkommen' | 'vermoegen' | 'nicht_erreichbar';
  /** months with this reason and these figures */
  monate: string[];
  text: string;
  norm: string;
  bedarfCent?: number;
  einkommenCent?: number;
  vermoegenCent?: number;
  freibetragCent?: number | null;
};

export type Ablehnung = {
  /** no month of the period has an entitlement */
  vollstaendig: boolean;
  monate: string[];
  gruende: Ablehnungsgrund[];
};

const EURO = /Freibetrag ([\d.]+,\d{2}) €/;

function freibetragAusSchritten(m: MonatsErgebnis): number | null {
  for (const s of m.ergebnis.schritte) {
    if (!s.text.startsWith('Vermögen ')) continue;
    const t = EURO.exec(s.text);
    if (t && t[1]) return Number(t[1].replace(/\./g, '').replace(',', ''));
  }
  return null;
}

function vermoegenDerBg(m: MonatsErgebnis): number {
  let summe = 0;
  for (const p of m.input.personen) {
    const inBg = p.inBedarfsgemeinschaft ?? p.rolle !== 'sonstige';
    if (inBg && p.vermoegen) summe += cent(p.vermoegen);
  }
  return summe;
}

/** null when every month has an entitlement. Months with identical reason and figures are grouped. */
export function ablehnungAus(z: ZeitraumErgebnis): Ablehnung | null {
  const gruende: Ablehnungsgrund[] = [];
  const monate: string[] = [];
  for (const m of z.monate) {
    const g = m.ergebnis.ablehnungsgrund;
    if (g === null) continue;
    monate.push(m.monat);
    let neu: Ablehnungsgrund;
    if (g === 'einkommen') {
      const bedarf = cent(m.ergebnis.gesamtbedarf);
      const einkommen = cent(m.ergebnis.einkommen);
      neu = {
        grund: 'einkommen',
        monate: [m.monat],
        text: `Das anzurechnende Einkommen von ${euroText(einkommen)} deckt den Gesamtbedarf der Bedarfsgemeinschaft von ${euroText(bedarf)}; es besteht keine Hilfebedürftigkeit.`,
        norm: '§ 9 Abs. 1, §§ 11–11b, § 19 Abs. 3 SGB II',
        bedarfCent: bedarf,
        einkommenCent: einkommen,
      };
    } else if (g === 'nicht_erreichbar') {
      neu = {
        grund: 'nicht_erreichbar',
        monate: [m.monat],
        text: 'Der Leistungsanspruch entfällt, weil die leistungsberechtigte Person nach drei aufeinanderfolgenden versäumten Meldeaufforderungen als nicht erreichbar gilt.',
        norm: '§ 7b Abs. 4 SGB II',
      };
    } else {
      const vermoegen = vermoegenDerBg(m);
      const freibetrag = freibetragAusSchritten(m);
      neu = {
        grund: 'vermoegen',
        monate: [m.monat],
        text:
          freibetrag === null
            ? `Das zu berücksichtigende Vermögen von ${euroText(vermoegen)} übersteigt die Freibeträge und ist zuerst einzusetzen.`
            : `Das zu berücksichtigende Vermögen von ${euroText(vermoegen)} übersteigt den Freibetrag von ${euroText(freibetrag)} und ist zuerst einzusetzen.`,
        norm: '§ 9 Abs. 1, § 12 SGB II',
        vermoegenCent: vermoegen,
        freibetragCent: freibetrag,
      };
    }
    const letzter = gruende[gruende.length - 1];
    if (letzter && letzter.text === neu.text) letzter.monate.push(m.monat);
    else gruende.push(neu);
  }
  if (monate.length === 0) return null;
  return { vollstaendig: monate.length === z.monate.length, monate, gruende };
}

/** "Juni 2024" or "Juni 2024 bis Dezember 2024" for consecutive months. */
export function monatsspanne(monate: readonly string[]): string {
  if (monate.length === 0) return '';
  const a = monate[0] as string;
  const b = monate[monate.length - 1] as string;
  return a === b ? monatText(a) : `${monatText(a)} bis ${monatText(b)}`;
}
