/** Builders for Bescheid tests (domain and PDF). */
import { berechneZeitraum, betraegeVon } from '../bewilligung/berechnung.ts';
import { FAMILIE_NAMEN, familienInputs } from '../bewilligung/testdaten.ts';
import { vergleiche } from '../bewilligung/vergleich.ts';
import type { BescheidEingabe } from './index.ts';

export const KOPF: Omit<BescheidEingabe, 'art' | 'datum' | 'bewilligungszeitraum'> = {
  fallnummer: 'F-2024-000123',
  traeger: { name: 'Kreis Musterland', jobcenter: 'Jobcenter Kreis Musterland' },
  standort: { name: 'Standort Nordstadt', strasse: 'Marktplatz 1', plz: '12345', ort: 'Nordstadt', telefon: '01234 567-0', email: 'jobcenter@musterland.example' },
  empfaenger: { name: 'Anna Beispiel', strasse: 'Lindenweg 5', plz: '12345', ort: 'Nordstadt' },
  personen: FAMILIE_NAMEN,
  kontoMaskiert: 'DE02 **** **** **** **20 51',
  sachbearbeitung: { name: 'Frau Muster', telefon: '01234 567-42' },
};

export function bewilligungsEingabe(beginn = '2024-06', monate = 12): BescheidEingabe {
  const zeitraum = berechneZeitraum(familienInputs(beginn, monate));
  return { ...KOPF, art: 'bewilligung', datum: `${beginn}-05`, bewilligungszeitraum: { beginn: zeitraum.beginn, ende: zeitraum.ende }, zeitraum };
}

export function aenderungsEingabe(): BescheidEingabe {
  const alt = berechneZeitraum(familienInputs('2024-06', 12), { erklaerung: false });
  const neu = berechneZeitraum(familienInputs('2024-06', 12, { erwerb: (m) => (m >= '2024-10' ? { brutto: 1800, netto: 1350 } : { brutto: 1200, netto: 950 }) }));
  const vergleich = vergleiche(betraegeVon(alt), betraegeVon(neu), { gezahltBis: '2024-10', entscheidungsdatum: '2024-10-20' });
  return {
    ...KOPF,
    art: 'aenderung',
    datum: '2024-10-20',
    bewilligungszeitraum: { beginn: '2024-06', ende: '2025-05' },
    zeitraum: neu,
    aenderung: { vergleich, gruende: ['p2 verdient seit Oktober 2024 mehr (Veränderungsmitteilung vom 14.10.2024).'], bezugsbescheidVom: '2024-06-05' },
  };
}
