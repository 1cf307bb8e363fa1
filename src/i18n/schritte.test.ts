import { describe, expect, it } from 'vitest';
import { vorpruefungBerechnen, vorpruefungLesen } from '../domain/formular/vorpruefung.ts';
import { erkenneSchritt, SCHRITT_VORLAGEN, schrittText } from './schritte.ts';

const platzhalter = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).toSorted();

/** Pre-check answers that produce most of the engine's phrases (partner, children, job, other income, assets). */
const FAELLE: Record<string, string>[] = [
  { geburtsdatum: '1990-05-05', grundmiete: '500', nebenkosten: '100', heizkosten: '80' },
  { geburtsdatum: '1990-05-05', partner: 'ja', partnerGeburtsdatum: '1991-01-01', kind1: '2015-03-03', kind2: '2022-01-01', kindergeld: '510', grundmiete: '700', nebenkosten: '150', heizkosten: '120', brutto: '1500', netto: '1150', partnerBrutto: '520', partnerNetto: '520', sonstiges: '100', vermoegen: '3000' },
  { geburtsdatum: '1990-05-05', kind1: '2015-03-03', kindergeld: '255', grundmiete: '600', nebenkosten: '100', heizkosten: '80', brutto: '3800', netto: '2600', vermoegen: '90000' },
  { geburtsdatum: '2004-05-05', kind1: '2008-03-03', kindergeld: '255', grundmiete: '400', nebenkosten: '100', heizkosten: '80', sonstiges: '900' },
];

function schritteVon(f: Record<string, string>) {
  const v = vorpruefungLesen((n) => f[n] ?? null, '2026-11-21');
  expect(v.fehler).toEqual([]);
  return vorpruefungBerechnen(v.daten, '2026-11-21').ergebnis.schritte;
}

describe('calculation steps for citizens', () => {
  it('every language has every template with the placeholders of English', () => {
    for (const [lang, v] of Object.entries(SCHRITT_VORLAGEN)) {
      for (const [k, text] of Object.entries(SCHRITT_VORLAGEN.en)) {
        const t = (v as Record<string, string>)[k];
        expect(t?.trim(), `${lang} ${k}`).toBeTruthy();
        expect(platzhalter(t!), `${lang} ${k}`).toEqual(platzhalter(text));
      }
    }
  });

  it('recognises every step the pre-check produces (a changed engine phrase fails here, not silently)', () => {
    for (const f of FAELLE) {
      for (const s of schritteVon(f)) expect(erkenneSchritt(s.text), s.text).not.toBeNull();
    }
  });

  it('translates the fixed phrases, keeps amounts and dates, names the people', () => {
    const schritte = schritteVon(FAELLE[1]!);
    const en = schritte.map((s) => schrittText(s.text, 'en'));
    expect(en.every((s) => s.lang === 'en')).toBe(true);
    const texte = en.map((s) => s.text);
    expect(texte).toContain('Standard needs (Regelbedarf), level 2: you');
    expect(texte).toContain('Standard needs (Regelbedarf), level 5: child 1');
    expect(texte).toContain('Earned income of your partner (net; gross 520,00 €)');
    expect(texte[0]).toBe('Calculation of Grundsicherungsgeld for November 2026 under the law in force from 1 July 2026');
    const aufteilung = texte.find((t) => t.startsWith('Split among'))!;
    expect(aufteilung).toMatch(/: you [\d.,]+\s€, your partner [\d.,]+\s€, child 1 [\d.,]+\s€, child 2 [\d.,]+\s€$/);
    // every euro amount of the German text is still there, unchanged
    for (const [i, s] of schritte.entries()) {
      for (const betrag of s.text.match(/[\d.]+,\d{2}\s€/g) ?? []) expect(texte[i]).toContain(betrag);
    }
    const uk = schrittText(schritte[2]!.text, 'uk');
    expect(uk).toEqual({ text: 'Базова потреба (Regelbedarf), рівень 2: ви', lang: 'uk' });
  });

  it('a carried-forward month (after the last day of known law) is recognised and translated with its date', () => {
    const v = vorpruefungLesen((n) => FAELLE[0]![n] ?? null, '2027-02-10');
    const schritte = vorpruefungBerechnen(v.daten, '2027-02-10').ergebnis.schritte;
    for (const s of schritte) expect(erkenneSchritt(s.text), s.text).not.toBeNull();
    const texte = schritte.map((s) => schrittText(s.text, 'en').text);
    expect(texte[0]).toBe('Calculation of Grundsicherungsgeld for February 2027 under the law in force from 1 July 2026');
    expect(texte[1]).toBe('Carried forward: calculated under the law known on 31 December 2026; if the standard needs (Regelbedarfe) change, you will receive an amending decision (Änderungsbescheid)');
    expect(schrittText(schritte[1]!.text, 'tr').text).toContain('31 Aralık 2026');
  });

  it('part of a month is translated as a suffix', () => {
    expect(schrittText('Regelbedarf Stufe 1 für antragsteller (anteilig 12/30 Tage)', 'tr')).toEqual({ text: 'Temel ihtiyaç (Regelbedarf), seviye 1: siz (orantılı, 12/30 gün)', lang: 'tr' });
  });

  it('German stays as the engine wrote it; an unknown phrase stays German and says so', () => {
    const text = 'Regelbedarf Stufe 1 für antragsteller';
    expect(schrittText(text, 'de')).toEqual({ text, lang: 'de' });
    const neu = 'Mehrbedarf wegen Behinderung für antragsteller (35 % von 563,00 €)';
    expect(schrittText(neu, 'ar')).toEqual({ text: neu, lang: 'de' });
  });
});
