import { describe, expect, it } from 'vitest';
import {
  alsEingabe,
  gesundheitsbezogeneEintraege,
  leseDaten,
  nachSchluesselgroesse,
  potenzialanalyseEingabeSchema,
  STANDARD_HANDLUNGSBEDARFE,
  trenneGesundheit,
  vergleicheGesundheit,
  vergleichePotenzialanalyse,
  type KatalogEintrag,
} from './potenzialanalyse.ts';
import { SCHLUESSELGROESSEN } from './typen.ts';

const katalog: KatalogEintrag[] = STANDARD_HANDLUNGSBEDARFE.map((k) => ({ ...k, aktiv: k.code !== 'digitale_kompetenzen' }));
const namen = new Map(katalog.map((k) => [k.code, k.bezeichnung]));

const eingabe = (extra: Record<string, unknown> = {}) =>
  potenzialanalyseEingabeSchema.parse({
    staerken: ['zuverlässig', 'Kundenkontakt'],
    qualifikation: { schulabschluss: 'hauptschule', berufsabschluss: 'ohne' },
    berufserfahrung: [{ taetigkeit: 'Verkaufshilfe', von: 2015, bis: 2019 }],
    sprache: { deutsch: 'B1', weitere: [{ sprache: 'Türkisch', niveau: 'muttersprache' }] },
    mobilitaet: { fuehrerschein: ['B'], oepnv: true, maxPendelzeitMinuten: 45 },
    arbeitszeit: { wochenstunden: 25, fruehestens: '08:00', spaetestens: '14:00', einschraenkungen: 'Kinderbetreuung bis 14:00' },
    berufswuensche: ['Einzelhandel'],
    handlungsbedarfe: [
      { code: 'kinderbetreuung', bemerkung: 'Kita-Platz ab März' },
      { code: 'psychische_belastung', bemerkung: null },
    ],
    gesundheitlicheEinschraenkungen: 'kein Heben über 10 kg',
    ...extra,
  });

describe('Potenzialanalyse: Schema', () => {
  it('füllt fehlende Teile mit leeren Werten (ein leeres Formular ist gültig)', () => {
    const leer = potenzialanalyseEingabeSchema.parse({});
    expect(leer.handlungsbedarfe).toEqual([]);
    expect(leer.mobilitaet).toEqual({ fuehrerschein: [], fahrzeug: false, oepnv: false, maxPendelzeitMinuten: null });
  });

  it('lehnt widersprüchliche Angaben mit deutscher Meldung am Feld ab', () => {
    const r = potenzialanalyseEingabeSchema.safeParse({ berufserfahrung: [{ taetigkeit: 'Lager', von: 2020, bis: 2018 }], arbeitszeit: { fruehestens: '14:00', spaetestens: '08:00' } });
    expect(r.success).toBe(false);
    const pfade = r.error!.issues.map((i) => i.path.join('.'));
    expect(pfade).toContain('berufserfahrung.0.bis');
    expect(pfade).toContain('arbeitszeit.spaetestens');
    expect(r.error!.issues.find((i) => i.path.join('.') === 'berufserfahrung.0.bis')!.message).toBe('Das Ende darf nicht vor dem Beginn liegen.');
  });

  it('lehnt doppelte Handlungsbedarfe, unbekannte Sprachniveaus und Uhrzeiten ab', () => {
    expect(potenzialanalyseEingabeSchema.safeParse({ handlungsbedarfe: [{ code: 'schulden' }, { code: 'schulden' }] }).success).toBe(false);
    expect(potenzialanalyseEingabeSchema.safeParse({ sprache: { deutsch: 'D7' } }).success).toBe(false);
    expect(potenzialanalyseEingabeSchema.safeParse({ arbeitszeit: { fruehestens: '25:00' } }).success).toBe(false);
    // an invalid start has its own error; the valid end gets no follow-on "muss nach dem Beginn liegen"
    const ungueltig = potenzialanalyseEingabeSchema.safeParse({ arbeitszeit: { fruehestens: '8 Uhr', spaetestens: '16:00' } });
    expect(ungueltig.error!.issues.map((i) => i.path.join('.'))).toEqual(['arbeitszeit.fruehestens']);
    expect(potenzialanalyseEingabeSchema.safeParse({ unbekannt: 1 }).success).toBe(false);
  });
});

describe('Potenzialanalyse: Gesundheitsangaben getrennt', () => {
  it('trennt gesundheitsbezogene Codes und den Freitext ab', () => {
    const { daten, gesundheit, fehler } = trenneGesundheit(eingabe(), katalog);
    expect(fehler).toEqual([]);
    expect(daten.handlungsbedarfe.map((h) => h.code)).toEqual(['kinderbetreuung']);
    expect('gesundheitlicheEinschraenkungen' in daten).toBe(false);
    expect(gesundheit).toEqual({ handlungsbedarfe: [{ code: 'psychische_belastung', bemerkung: null }], einschraenkungen: 'kein Heben über 10 kg' });
    expect(JSON.stringify(daten)).not.toContain('psychische');
    expect(JSON.stringify(daten)).not.toContain('Heben');
  });

  it('ohne Gesundheitsangaben gibt es keinen Gesundheitsteil', () => {
    expect(trenneGesundheit(eingabe({ handlungsbedarfe: [], gesundheitlicheEinschraenkungen: '  ' }), katalog).gesundheit).toBeNull();
  });

  it('meldet unbekannte Codes und neu gewählte deaktivierte Codes an ihrer Stelle', () => {
    const e = eingabe({ handlungsbedarfe: [{ code: 'schulden' }, { code: 'gibt_es_nicht' }, { code: 'digitale_kompetenzen' }] });
    expect(trenneGesundheit(e, katalog).fehler).toEqual([
      { index: 1, art: 'unbekannt' },
      { index: 2, art: 'inaktiv' },
    ]);
    // who already had the deactivated item keeps it
    expect(trenneGesundheit(e, katalog, new Set(['digitale_kompetenzen'])).fehler).toEqual([{ index: 1, art: 'unbekannt' }]);
  });

  it('findet gesundheitsbezogene Einträge (für die 403 ohne Recht)', () => {
    expect(gesundheitsbezogeneEintraege(eingabe(), katalog)).toEqual([1]);
  });

  it('setzt die gespeicherten Teile für das Formular wieder zusammen', () => {
    const e = eingabe();
    const { daten, gesundheit } = trenneGesundheit(e, katalog);
    expect(alsEingabe(daten, gesundheit)).toEqual(e);
    expect(alsEingabe(daten, null).gesundheitlicheEinschraenkungen).toBeNull();
  });

  it('liest ältere gespeicherte Daten mit Standardwerten', () => {
    expect(leseDaten({ staerken: ['pünktlich'] }).berufswuensche).toEqual([]);
  });
});

describe('Potenzialanalyse: Fassungen vergleichen', () => {
  it('erste Fassung: keine Änderungen', () => {
    expect(vergleichePotenzialanalyse(null, trenneGesundheit(eingabe(), katalog).daten)).toEqual([]);
  });

  it('benennt geänderte Felder und Handlungsbedarfe in Worten', () => {
    const alt = trenneGesundheit(eingabe(), katalog).daten;
    const neu = trenneGesundheit(
      eingabe({
        sprache: { deutsch: 'B2', weitere: [{ sprache: 'Türkisch', niveau: 'muttersprache' }] },
        mobilitaet: { fuehrerschein: ['B'], fahrzeug: true, oepnv: true, maxPendelzeitMinuten: 45 },
        handlungsbedarfe: [{ code: 'kinderbetreuung', bemerkung: 'Kita-Platz zugesagt' }, { code: 'schulden' }],
      }),
      katalog,
    ).daten;
    const a = vergleichePotenzialanalyse(alt, neu, namen);
    expect(a).toContainEqual({ bereich: 'Sprache', feld: 'Deutsch', vorher: 'B1', nachher: 'B2' });
    expect(a).toContainEqual({ bereich: 'Mobilität', feld: 'Eigenes Fahrzeug', vorher: 'nein', nachher: 'ja' });
    expect(a).toContainEqual({ bereich: 'Handlungsbedarfe', feld: 'Kinderbetreuung nicht gesichert', vorher: 'Kinderbetreuung nicht gesichert (Kita-Platz ab März)', nachher: 'Kinderbetreuung nicht gesichert (Kita-Platz zugesagt)' });
    expect(a).toContainEqual({ bereich: 'Handlungsbedarfe', feld: 'Schulden', vorher: 'nicht erfasst', nachher: 'Schulden' });
    expect(a).toHaveLength(4);
    expect(vergleichePotenzialanalyse(neu, alt, namen)).toContainEqual({ bereich: 'Handlungsbedarfe', feld: 'Schulden', vorher: 'Schulden', nachher: 'erledigt / entfallen' });
  });

  it('vergleicht den Gesundheitsteil getrennt', () => {
    const g = trenneGesundheit(eingabe(), katalog).gesundheit;
    expect(vergleicheGesundheit(g, null, namen)).toEqual([
      { bereich: 'Gesundheit', feld: 'Psychische Belastung', vorher: 'Psychische Belastung', nachher: 'erledigt / entfallen' },
      { bereich: 'Gesundheit', feld: 'Gesundheitliche Einschränkungen', vorher: 'kein Heben über 10 kg', nachher: '–' },
    ]);
  });
});

describe('Standardkatalog', () => {
  it('deckt alle vier Schlüsselgrößen ab, Codes eindeutig und gültig, Gesundheitsbezug markiert', () => {
    expect(new Set(STANDARD_HANDLUNGSBEDARFE.map((k) => k.schluesselgroesse))).toEqual(new Set(SCHLUESSELGROESSEN));
    expect(new Set(STANDARD_HANDLUNGSBEDARFE.map((k) => k.code)).size).toBe(STANDARD_HANDLUNGSBEDARFE.length);
    for (const k of STANDARD_HANDLUNGSBEDARFE) expect(potenzialanalyseEingabeSchema.safeParse({ handlungsbedarfe: [{ code: k.code }] }).success, k.code).toBe(true);
    expect(STANDARD_HANDLUNGSBEDARFE.filter((k) => k.gesundheitsbezogen).map((k) => k.code).sort()).toEqual(['koerperliche_einschraenkung', 'psychische_belastung', 'sucht']);
    expect(nachSchluesselgroesse(katalog).map((g) => g.titel)).toEqual(['Qualifikation', 'Leistungsfähigkeit', 'Motivation', 'Rahmenbedingungen']);
  });
});
