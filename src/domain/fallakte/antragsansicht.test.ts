import { describe, expect, it } from 'vitest';
import { erstantragFlow, type AntragDaten } from '../formular/index.ts';
import { geheVorwaerts } from '../../../tests/helpers/formular-durchlauf.ts';
import { familieMitZweiKindern } from '../../../tests/helpers/formular-faelle.ts';
import { antragsansicht } from './antragsansicht.ts';

describe('antragsansicht', () => {
  const daten = geheVorwaerts(familieMitZweiKindern).daten as AntragDaten;
  const abschnitte = antragsansicht(erstantragFlow, daten);
  const alle = abschnitte.flatMap((a) => a.zeilen);

  it('shows every stored answer of the path, in words', () => {
    expect(abschnitte[0]!.titel).toBe('Ich beantrage Bürgergeld');
    expect(abschnitte.map((a) => a.titel)).toContain('Kosten der Unterkunft und Heizung');
    expect(alle.find((z) => z.feld === 'unterkunft.grundmieteCent')?.wert).toMatch(/^650,00\s€$/);
    expect(alle.find((z) => z.feld === 'antragsteller.geburtsdatum')?.wert).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(alle.find((z) => z.feld === 'abschluss.richtig')).toMatchObject({ wert: 'Ja' });
    // list entries each as a section with their pages' answers
    const kinder = abschnitte.filter((a) => a.schritt.startsWith('kinder/'));
    expect(kinder).toHaveLength(2);
    expect(kinder[0]!.zeilen.map((z) => z.feld)).toContain(`kinder.${daten.kinder![0]!.id}.vorname`);
    // a person reference is shown by name, a choice by its text
    const ek = abschnitte.find((a) => a.schritt.startsWith('einkommen/'))!;
    expect(ek.zeilen.find((z) => z.feld.endsWith('.person'))!.wert).toBe(`${daten.antragsteller!.vorname} ${daten.antragsteller!.nachname}`);
    expect(alle.every((z) => !/^option\.|^feld\./.test(z.wert + z.label))).toBe(true);
  });

  it('every answer field of the data appears once', () => {
    const felder = new Set(alle.map((z) => z.feld));
    expect(felder.size).toBe(alle.length);
    const gegeben = Object.entries(daten.unterkunft ?? {}).filter(([, v]) => v !== undefined).map(([k]) => `unterkunft.${k}`);
    expect(gegeben.length).toBeGreaterThan(3);
    expect(gegeben.filter((f) => !felder.has(f))).toEqual([]);
  });
});
