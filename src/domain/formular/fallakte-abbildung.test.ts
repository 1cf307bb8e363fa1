import { describe, expect, it } from 'vitest';
import { erstantragDatenSchema, leistungsbeginn, pruefeErstantrag } from '../fallakte/antragsdaten.ts';
import { faktenAusErstantrag } from '../fallakte/erstantrag.ts';
import { AbbildungUnvollstaendig, antragZuErstantragDaten, FELD_ABBILDUNG } from './fallakte-abbildung.ts';
import { erstantragFlow } from './flows/erstantrag.ts';
import { geheVorwaerts } from '../../../tests/helpers/formular-durchlauf.ts';
import { alleinerziehendSelbststaendig, erstantragFaelle, familieMitZweiKindern, jungesPaar } from '../../../tests/helpers/formular-faelle.ts';
import type { AntragDaten } from './flows/erstantrag-daten.ts';

const KOMMUNE = '00000000-0000-4000-8000-000000000001';

describe('antragZuErstantragDaten (portal → Fallakte)', () => {
  it.each(erstantragFaelle.map((f) => [f.name, f] as const))('%s: valid Antragsdaten the Fallakte accepts', (_name, fall) => {
    const daten = geheVorwaerts(fall).daten as AntragDaten;
    const e = antragZuErstantragDaten(daten, { kommuneId: KOMMUNE });
    expect(erstantragDatenSchema.safeParse(e).success).toBe(true);
    expect(pruefeErstantrag(e)).toEqual([]);
    expect(e).toMatchObject({ antragsdatum: daten.antragsdatum, eingangskanal: 'online', adresse: { kommuneId: KOMMUNE, plz: daten.anschrift?.plz } });
  });

  it('family with two children: persons, roles, income, Kindergeld, housing costs', () => {
    const daten = geheVorwaerts(familieMitZweiKindern).daten as AntragDaten;
    const e = antragZuErstantragDaten(daten, { kommuneId: KOMMUNE });
    expect(e.personen.map((p) => p.rolle)).toEqual(['antragsteller', 'partner', 'kind', 'kind']);
    const kinder = e.personen.filter((p) => p.rolle === 'kind');
    for (const k of kinder) expect(k.einkommen).toEqual([{ art: 'kindergeld', betragCent: 25500 }]);
    expect(e.personen[0]!.einkommen?.[0]).toMatchObject({ art: 'erwerbstaetigkeit', bruttoCent: 140000, nettoCent: 110000 });
    expect(e.personen[0]!.schwanger).toBe(true);
    expect(e.unterkunft).toEqual({ grundmieteCent: 65000, nebenkostenCent: 18050, heizkostenCent: 9500, heizungsart: 'zentral', wohnflaecheQm: 78 });
  });

  it('child with Unterhaltsvorschuss; Selbstständigkeit as Gewinn and Gewinn − Steuern; a Steuererstattung as one-off income', () => {
    const e = antragZuErstantragDaten(geheVorwaerts(alleinerziehendSelbststaendig).daten as AntragDaten, { kommuneId: KOMMUNE });
    expect(e.personen.find((p) => p.ref === 'k1')!.einkommen).toEqual([{ art: 'unterhaltsvorschuss', betragCent: 22700 }]);
    // Einnahmen 1.200 − Ausgaben 850 = Gewinn 350 €, minus Steuern 50 € = 300 €
    expect(e.personen[0]!.einkommen).toEqual([
      { art: 'selbststaendigkeit', bezeichnung: 'Grafikdesign', bruttoCent: 35000, nettoCent: 30000 },
      { art: 'einmalig', bezeichnung: 'Steuererstattung', betragCent: 64000, zuflussDatum: '2025-02-15' },
    ]);
  });

  it.each([
    ['Unterhalt und Unterhaltsvorschuss', { unterhaltErhalten: true, unterhaltCent: 10000, unterhaltsvorschussCent: 5000 }, [{ art: 'unterhalt', betragCent: 10000 }, { art: 'unterhaltsvorschuss', betragCent: 5000 }]],
    ['nur Unterhalt', { unterhaltErhalten: true, unterhaltCent: 31200 }, [{ art: 'unterhalt', betragCent: 31200 }]],
    ['„nein“', { unterhaltErhalten: false }, undefined],
  ] as const)('child income from its pages: %s', (_name, kind, erwartet) => {
    const basis = geheVorwaerts(alleinerziehendSelbststaendig).daten as AntragDaten;
    const daten: AntragDaten = { ...basis, kinder: basis.kinder!.map((k) => ({ ...k, unterhaltCent: undefined, unterhaltsvorschussCent: undefined, ...kind })) };
    const e = antragZuErstantragDaten(daten, { kommuneId: KOMMUNE });
    expect(erstantragDatenSchema.safeParse(e).success).toBe(true);
    expect(e.personen.find((p) => p.ref === 'k1')!.einkommen).toEqual(erwartet);
  });

  it.each([
    ['loss: Gewinn 0', { einnahmenCent: 50000, ausgabenCent: 70000 }, [0, 0]],
    ['Gewinn stated directly, Steuern', { gewinnMonatlichCent: 40000, steuernCent: 5000 }, [40000, 35000]],
    ['no Steuern', { einnahmenCent: 90000, ausgabenCent: 20000 }, [70000, 70000]],
  ] as const)('Selbstständigkeit: %s', (_name, felder, nettoCent) => {
    const basis = geheVorwaerts(alleinerziehendSelbststaendig).daten as AntragDaten;
    const daten: AntragDaten = { ...basis, einkommen: [{ id: 'e1', person: 'antragsteller', art: 'selbststaendigkeit', taetigkeit: 'Design', ...felder }] };
    const e = antragZuErstantragDaten(daten, { kommuneId: KOMMUNE });
    expect(erstantragDatenSchema.safeParse(e).success).toBe(true);
    expect(e.personen[0]!.einkommen?.[0]).toEqual({ art: 'selbststaendigkeit', bezeichnung: 'Design', bruttoCent: nettoCent[0], nettoCent: nettoCent[1] });
    expect(() => antragZuErstantragDaten({ ...daten, einkommen: [{ id: 'e1', person: 'antragsteller', art: 'selbststaendigkeit', taetigkeit: 'Design' }] }, { kommuneId: KOMMUNE })).toThrow(
      AbbildungUnvollstaendig,
    );
  });

  it('young couple: school/training/studies as merkmal, an Erbschaft as one-off income with its flag', () => {
    const e = antragZuErstantragDaten(geheVorwaerts(jungesPaar).daten as AntragDaten, { kommuneId: KOMMUNE });
    expect(erstantragDatenSchema.safeParse(e).success).toBe(true);
    expect(pruefeErstantrag(e)).toEqual([]);
    expect(e.personen.map((p) => [p.ref, p.ausbildung])).toEqual([
      ['antragsteller', 'studium'],
      ['partner', 'ausbildung'],
    ]);
    expect(e.personen.map((p) => p.einkommen)).toEqual([
      [{ art: 'erwerbstaetigkeit', bezeichnung: 'Café am Markt (Minijob)', bruttoCent: 52000, nettoCent: 52000 }],
      [{ art: 'einmalig', bezeichnung: 'Erbschaft', betragCent: 300000, zuflussDatum: '2025-02-20', erbschaft: true }],
    ]);
    // a child's school counts too; "nichts davon" stays empty
    const familie = antragZuErstantragDaten(geheVorwaerts(familieMitZweiKindern).daten as AntragDaten, { kommuneId: KOMMUNE });
    expect(familie.personen.map((p) => p.ausbildung)).toEqual([undefined, undefined, 'schule', undefined]);
  });

  it('become dated facts: merkmal ausbildung, einmalig from the day of inflow', () => {
    const e = antragZuErstantragDaten(geheVorwaerts(jungesPaar).daten as AntragDaten, { kommuneId: KOMMUNE });
    let n = 0;
    const { daten: f, personIds } = faktenAusErstantrag(e, { bg: { id: 'bg', fallnummer: 'BG-1', standortId: 's', status: 'aktiv', version: 1 }, neueId: () => `id${++n}` });
    expect(f.merkmale.find((m) => m.personId === personIds.antragsteller)).toMatchObject({ ausbildung: 'studium' });
    expect(f.einkommen.find((x) => x.art === 'einmalig')).toMatchObject({ personId: personIds.partner, betragCent: 300000, zuflussDatum: '2025-02-20', erbschaft: true, gueltigVon: '2025-02-20' });
  });

  it('refuses an incomplete application with the missing field', () => {
    const daten = geheVorwaerts(familieMitZweiKindern).daten as AntragDaten;
    expect(() => antragZuErstantragDaten({ ...daten, anschrift: undefined }, { kommuneId: KOMMUNE })).toThrow(AbbildungUnvollstaendig);
  });
});

/** Every answer field of the Erstantrag flow: `bereich.feld`, `feld` (no Bereich) or `liste.feld` (list entries). */
function antwortFelder(): string[] {
  const felder = new Set<string>();
  for (const seite of Object.values(erstantragFlow.seiten)) {
    for (const f of Object.keys(seite.schema.shape)) felder.add(seite.bereich ? `${seite.bereich}.${f}` : f);
  }
  for (const [liste, konfiguration] of Object.entries(erstantragFlow.listen ?? {})) {
    for (const seite of Object.values(konfiguration.seiten)) for (const f of Object.keys(seite.schema.shape)) felder.add(`${liste}.${f}`);
  }
  return [...felder].sort();
}

describe('FELD_ABBILDUNG: every answer has a place in the Fallakte or is named as shown only in the application view', () => {
  const felder = antwortFelder();
  it('finds the fields of the flow (sanity)', () => {
    expect(felder).toContain('antragsteller.familienstand');
    expect(felder).toContain('unterkunft.wohnflaecheQm');
    expect(felder).toContain('unterhaltspflichtige.zahlt');
    expect(felder.length).toBeGreaterThan(60);
  });
  it.each(felder)('%s has an entry', (f) => {
    const ziel = FELD_ABBILDUNG[f];
    expect(ziel, `${f}: add it to FELD_ABBILDUNG (src/domain/formular/fallakte-abbildung.ts)`).toBeDefined();
    expect(Object.values(ziel!)[0]).toMatch(/\S{3,}/);
  });
  it('lists no field the flow does not have', () => {
    expect(Object.keys(FELD_ABBILDUNG).filter((f) => !felder.includes(f))).toEqual([]);
  });
});

describe('the answers the Fallakte used to lack', () => {
  const basis = geheVorwaerts(familieMitZweiKindern).daten as AntragDaten;
  const daten: AntragDaten = {
    ...basis,
    antragsteller: { ...basis.antragsteller, familienstand: 'getrennt_lebend' },
    kontakt: { telefon: '0151 2345678', email: 'a@example.org' },
    unterkunft: { ...basis.unterkunft, wohnform: 'miete', heizungsart: 'fernwaerme', wohnflaecheQm: 74 },
    unterhalt: { vorhanden: true },
    unterhaltspflichtige: [{ id: 'u1', name: 'Max Vater', verhaeltnis: 'elternteil', fuerPerson: 'k1', zahlt: false, titel: true }],
    kinder: (basis.kinder ?? []).map((k, i) => ({ ...k, verwandtschaft: i === 0 ? 'eigenes_kind' : 'gemeinsames_kind' })),
  };
  const e = antragZuErstantragDaten(daten, { kommuneId: KOMMUNE });
  it('land in the Antragsdaten the Fallakte takes over', () => {
    expect(erstantragDatenSchema.safeParse(e).success).toBe(true);
    expect(pruefeErstantrag(e)).toEqual([]);
    expect(e.personen[0]).toMatchObject({ familienstand: 'getrennt_lebend', telefon: '0151 2345678', email: 'a@example.org' });
    expect(e.unterkunft).toMatchObject({ heizungsart: 'fernwaerme', wohnflaecheQm: 74 });
    expect(e.unterhaltspflichtige).toEqual([{ name: 'Max Vater', verhaeltnis: 'elternteil', fuer: 'k1', zahlt: false, titel: true }]);
    const kinder = e.personen.filter((p) => p.rolle === 'kind');
    expect(kinder.map((k) => k.eltern)).toEqual([['antragsteller'], ['antragsteller', 'partner']]);
  });
  it('become dated facts of the new Fallakte', () => {
    let n = 0;
    const { daten: f, personIds } = faktenAusErstantrag(e, { bg: { id: 'bg', fallnummer: 'BG-1', standortId: 's', status: 'aktiv', version: 1 }, neueId: () => `id${++n}` });
    const antragsteller = f.stammdaten.find((s) => s.personId === personIds.antragsteller);
    expect(antragsteller).toMatchObject({ familienstand: 'getrennt_lebend', telefon: '0151 2345678', gueltigBis: null });
    expect(f.unterkunft[0]).toMatchObject({ heizungsart: 'fernwaerme', wohnflaecheQm: 74 });
    expect(f.unterhaltspflichtige).toEqual([expect.objectContaining({ name: 'Max Vater', fuerPersonId: personIds.k1, zahlt: false, titel: true, betragCent: null, gueltigVon: leistungsbeginn(e.antragsdatum) })]);
  });
});
