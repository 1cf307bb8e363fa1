import { describe, expect, it } from 'vitest';
import { berechne, pruefe } from '../berechnung/index.ts';
import {
  aenderungstageImMonat,
  bezugszeiten,
  einmaligGueltigBis,
  erstantragDatenSchema,
  fallakteZuBerechnungInput,
  faktenAusErstantrag,
  FallakteFehler,
  leistungsbeginn,
  planeAenderungAb,
  pruefeErstantrag,
  pruefeSerie,
  wendeAn,
  zustandAm,
  zustandFuerMonat,
  type ErstantragDaten,
  type EinkommenPeriode,
  type FallakteDaten,
} from './index.ts';

const KOMMUNE = '00000000-0000-4000-8000-000000000001';

/** Couple with two children (7 and 14 in 2024), two earnings, Kindergeld – "Beispiel 3" of the engine tests. */
const familie: ErstantragDaten = {
  antragsdatum: '2024-06-12',
  eingangskanal: 'papier',
  personen: [
    { ref: 'a', vorname: 'Aylin', nachname: 'Muster', geburtsdatum: '1985-03-10', staatsangehoerigkeit: 'DE', rolle: 'antragsteller', einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Bäckerei', bruttoCent: 160000, nettoCent: 120000, absetzungenCent: 24000 }] },
    { ref: 'b', vorname: 'Ben', nachname: 'Muster', geburtsdatum: '1987-05-10', staatsangehoerigkeit: 'DE', rolle: 'partner', einkommen: [{ art: 'erwerbstaetigkeit', bruttoCent: 40000, nettoCent: 40000 }] },
    { ref: 'c', vorname: 'Clara', nachname: 'Muster', geburtsdatum: '2017-01-10', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
    { ref: 'd', vorname: 'David', nachname: 'Muster', geburtsdatum: '2010-01-10', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
  ],
  adresse: { strasse: 'Lindenweg', hausnummer: '4', plz: '12345', ort: 'Musterstadt', kommuneId: KOMMUNE },
  bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Aylin Muster' },
  unterkunft: { grundmieteCent: 57000, nebenkostenCent: 14000, heizkostenCent: 14000 },
};

let n = 0;
const neueId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const bg = { id: 'bg-1', fallnummer: 'BG-000001', standortId: 's', status: 'aktiv', version: 1 };

function akte(): { daten: FallakteDaten; personIds: Record<string, string> } {
  return faktenAusErstantrag(erstantragDatenSchema.parse(familie), { bg, neueId });
}

describe('Antragsdaten', () => {
  it('benefits start on the first of the month of application (§ 37 Abs. 2 SGB II)', () => {
    expect(leistungsbeginn('2024-06-12')).toBe('2024-06-01');
    expect(leistungsbeginn('2024-02-29')).toBe('2024-02-01');
  });
  it('refuses an Antragsdatum outside the supported law and a second Antragsteller', () => {
    const codes = pruefeErstantrag({ ...familie, antragsdatum: '2020-12-31', personen: [...familie.personen, { ...familie.personen[0]!, ref: 'x' }] }).map((p) => p.code);
    expect(codes).toContain('datum_ausserhalb_rechtsstand');
    expect(codes).toContain('antragsteller_genau_einmal');
    expect(pruefeErstantrag(familie)).toEqual([]);
  });
  it('rejects unknown fields (a typo must not silently drop an amount)', () => {
    expect(erstantragDatenSchema.safeParse({ ...familie, miete: 1 }).success).toBe(false);
  });
});

describe('zustandAm and the engine input', () => {
  it('reconstructs the BG from the Erstantrag and computes the known Anspruch (1301 €)', () => {
    const { daten } = akte();
    const z = zustandAm(daten, '2024-06-15');
    expect(z.personen.map((p) => [p.vorname, p.rolle])).toEqual([
      ['Aylin', 'antragsteller'],
      ['Ben', 'partner'],
      ['David', 'kind'],
      ['Clara', 'kind'],
    ]);
    expect(z.adresse?.ort).toBe('Musterstadt');
    expect(z.beziehungen.filter((b) => b.art === 'elternteil')).toHaveLength(4);
    const input = fallakteZuBerechnungInput(z, '2024-06', { leistungsbeginn: '2022-01' });
    expect(() => pruefe(input)).not.toThrow();
    const r = berechne(input);
    expect(r.gesamtbedarf).toBe(2723);
    expect(r.einkommen).toBe(1422);
    expect(r.anspruch).toBe(1301);
    expect(r.sofortzuschlag).toBe(40);
  });

  it('nothing exists before the Leistungsbeginn', () => {
    const { daten } = akte();
    expect(zustandAm(daten, '2024-05-31').personen).toEqual([]);
    expect(() => fallakteZuBerechnungInput(zustandAm(daten, '2024-05-31'), '2024-05')).toThrow(FallakteFehler);
  });

  it('a new job "ab 2024-08-01" keeps July and changes August', () => {
    const { daten, personIds } = akte();
    const job = daten.einkommen.find((e) => e.personId === personIds.b && e.art === 'erwerbstaetigkeit')!;
    const plan = planeAenderungAb([job], '2024-08-01');
    expect(plan).toEqual({ schliessen: [{ id: job.id, gueltigBis: '2024-07-31' }], entfernen: [], neu: { gueltigVon: '2024-08-01', gueltigBis: null } });
    const neu: EinkommenPeriode = { ...job, id: 'neu', bruttoCent: 200000, nettoCent: 150000, absetzungenCent: null, bezeichnung: 'Neue Firma' };
    daten.einkommen = [...daten.einkommen.filter((e) => e.id !== job.id), ...wendeAn([job], plan, neu)];
    const juli = zustandFuerMonat(daten, '2024-07');
    const august = zustandFuerMonat(daten, '2024-08');
    expect(juli.personen.find((p) => p.id === personIds.b)!.einkommen.map((e) => e.nettoCent)).toEqual([40000]);
    expect(august.personen.find((p) => p.id === personIds.b)!.einkommen.map((e) => e.nettoCent)).toEqual([150000]);
    const rJuli = berechne(fallakteZuBerechnungInput(juli, '2024-07', { leistungsbeginn: '2022-01' }));
    const rAugust = berechne(fallakteZuBerechnungInput(august, '2024-08', { leistungsbeginn: '2022-01' }));
    expect(rJuli.anspruch).toBe(1301);
    expect(rAugust.anspruch).toBeLessThan(rJuli.anspruch);
    expect(aenderungstageImMonat(daten, '2024-08')).toEqual([]);
  });

  it('a child born mid-month counts for that month; the day shows up as a change', () => {
    const { daten } = akte();
    const baby = 'baby';
    daten.stammdaten.push({ id: 's-baby', personId: baby, gueltigVon: '2024-09-14', gueltigBis: null, vorname: 'Emil', nachname: 'Muster', geburtsdatum: '2024-09-14', geschlecht: null, staatsangehoerigkeit: 'DE' });
    daten.mitgliedschaften.push({ id: 'm-baby', bgId: bg.id, personId: baby, gueltigVon: '2024-09-14', gueltigBis: null, rolle: 'kind', inBg: true });
    expect(zustandAm(daten, '2024-09-01').personen).toHaveLength(4);
    const sept = zustandFuerMonat(daten, '2024-09');
    expect(sept.personen.map((p) => p.vorname)).toContain('Emil');
    expect(aenderungstageImMonat(daten, '2024-09')).toEqual(['2024-09-14']);
    const r = berechne(fallakteZuBerechnungInput(sept, '2024-09', { leistungsbeginn: '2022-01' }));
    expect(r.personen.find((p) => p.id === baby)!.regelbedarf).toBeGreaterThan(0);
  });

  it('household members outside the BG and person facts map to the engine fields', () => {
    const d = erstantragDatenSchema.parse({
      ...familie,
      personen: [
        { ...familie.personen[0]!, schwanger: true, mehrbedarf: { ernaehrungCent: 5000 } },
        { ref: 'oma', vorname: 'Olga', nachname: 'Muster', geburtsdatum: '1950-01-01', staatsangehoerigkeit: 'DE', rolle: 'sonstige', einkommen: [{ art: 'rente', betragCent: 90000 }] },
        { ...familie.personen[2]!, kindergeldberechtigter: 'a', vermoegen: [{ bezeichnung: 'Sparbuch', wertCent: 12345 }] },
      ],
    });
    const { daten, personIds } = faktenAusErstantrag(d, { bg, neueId });
    const input = fallakteZuBerechnungInput(zustandAm(daten, '2024-06-01'), '2024-06');
    expect(() => pruefe(input)).not.toThrow();
    const a = input.personen.find((p) => p.id === personIds.a)!;
    expect(a).toMatchObject({ schwanger: true, mehrbedarf: { ernaehrung: 50 } });
    const oma = input.personen.find((p) => p.id === personIds.oma)!;
    expect(oma.inBedarfsgemeinschaft).toBeUndefined();
    expect(oma.einkommen).toEqual([{ art: 'rente', betrag: 900 }]);
    const c = input.personen.find((p) => p.id === personIds.c)!;
    expect(c).toMatchObject({ kindergeldberechtigter: personIds.a, vermoegen: 123.45 });
    expect(input.unterkunft).toEqual({ grundmiete: 570, nebenkosten: 140, heizkosten: 140 });
  });
});

describe('Änderung ab Datum X', () => {
  const serie = [
    { id: '1', gueltigVon: '2024-01-01', gueltigBis: '2024-03-31' },
    { id: '2', gueltigVon: '2024-04-01', gueltigBis: null },
  ];
  it('closes the running period the day before and opens a new one', () => {
    const plan = planeAenderungAb(serie, '2024-06-15');
    expect(plan).toEqual({ schliessen: [{ id: '2', gueltigBis: '2024-06-14' }], entfernen: [], neu: { gueltigVon: '2024-06-15', gueltigBis: null } });
    const neu = wendeAn(serie, plan, { id: '3', gueltigVon: '', gueltigBis: null });
    expect(() => pruefeSerie(neu, { lueckenlos: true })).not.toThrow();
  });
  it('a change exactly at the start of a period replaces it', () => {
    expect(planeAenderungAb(serie, '2024-04-01')).toEqual({ schliessen: [], entfernen: ['2'], neu: { gueltigVon: '2024-04-01', gueltigBis: null } });
  });
  it('a change before a planned later period ends the day before it (no overlap)', () => {
    const plan = planeAenderungAb(serie, '2024-02-10');
    expect(plan.neu).toEqual({ gueltigVon: '2024-02-10', gueltigBis: '2024-03-31' });
    expect(plan.schliessen).toEqual([{ id: '1', gueltigBis: '2024-02-09' }]);
    expect(() => pruefeSerie(wendeAn(serie, plan, { id: '3', gueltigVon: '', gueltigBis: null }), { lueckenlos: true })).not.toThrow();
  });
  it('ending a series closes it; nothing to end is an error', () => {
    expect(planeAenderungAb(serie, '2024-05-01', { beenden: true })).toEqual({ schliessen: [{ id: '2', gueltigBis: '2024-04-30' }], entfernen: [], neu: null });
    expect(() => planeAenderungAb([{ id: '1', gueltigVon: '2024-01-01', gueltigBis: '2024-01-31' }], '2024-03-01', { beenden: true })).toThrow(/kein Eintrag/);
  });
  it('pruefeSerie finds overlaps and gaps', () => {
    expect(() => pruefeSerie([{ gueltigVon: '2024-01-01', gueltigBis: null }, { gueltigVon: '2024-02-01', gueltigBis: null }])).toThrow(/überschneiden/);
    expect(() => pruefeSerie([{ gueltigVon: '2024-01-01', gueltigBis: '2024-01-30' }, { gueltigVon: '2024-02-01', gueltigBis: null }], { lueckenlos: true })).toThrow(/fehlt/);
  });
});

const einkommenPeriode = (personId: string, x: Partial<EinkommenPeriode> & { art: string }): EinkommenPeriode => ({
  id: neueId(),
  personId,
  gueltigVon: '2024-06-01',
  gueltigBis: null,
  bezeichnung: null,
  bruttoCent: null,
  nettoCent: null,
  absetzungenCent: null,
  betragCent: null,
  ...x,
});
const personIn = (input: ReturnType<typeof fallakteZuBerechnungInput>, id: string) => input.personen.find((p) => p.id === id)!;

describe('Fallakte #16: Selbständigkeit, einmalige Einnahmen, Ausbildung, SGB XII, Ferienjob, früherer Bezug', () => {
  it('Selbständigkeit with Gewinn and netto goes to the engine in the new form, without them in the old one', () => {
    const { daten, personIds } = akte();
    daten.einkommen.push(einkommenPeriode(personIds.a!, { art: 'selbststaendigkeit', bruttoCent: 80000, nettoCent: 65000, absetzungenCent: 12000 }));
    daten.einkommen.push(einkommenPeriode(personIds.b!, { art: 'selbststaendigkeit', betragCent: 30000 }));
    const input = fallakteZuBerechnungInput(zustandFuerMonat(daten, '2024-07'), '2024-07');
    expect(personIn(input, personIds.a!).einkommen).toContainEqual({ art: 'selbststaendigkeit', brutto: 800, netto: 650, absetzungen: 120 });
    expect(personIn(input, personIds.b!).einkommen).toContainEqual({ art: 'selbststaendigkeit', betrag: 300 });
  });

  it('a one-off income counts from the month of its inflow (also mid-month) for the six following months', () => {
    const { daten, personIds } = akte();
    const einmalig = einkommenPeriode(personIds.a!, { art: 'einmalig', betragCent: 120000, zuflussDatum: '2024-07-15', erbschaft: true, bezeichnung: 'Nachlass', gueltigVon: '2024-07-15', gueltigBis: einmaligGueltigBis('2024-07-15') });
    expect(einmalig.gueltigBis).toBe('2025-01-31');
    daten.einkommen.push(einmalig);
    const art = (monat: string) => personIn(fallakteZuBerechnungInput(zustandFuerMonat(daten, monat), monat), personIds.a!).einkommen?.filter((e) => e.art === 'einmalig');
    expect(art('2024-06')).toEqual([]);
    expect(art('2024-07')).toEqual([{ art: 'einmalig', betrag: 1200, zufluss: '2024-07-15', bezeichnung: 'Nachlass', erbschaft: true }]);
    expect(art('2024-12')).toHaveLength(1);
    expect(art('2025-01')).toHaveLength(1);
    expect(art('2025-02')).toEqual([]);
    // the day of inflow splits no month
    expect(aenderungstageImMonat(daten, '2024-07')).toEqual([]);
    // the engine's input check accepts it
    expect(() => pruefe(fallakteZuBerechnungInput(zustandFuerMonat(daten, '2024-07'), '2024-07'))).not.toThrow();
  });

  it('a one-off income in a month already provided counts from the month after; one before the Leistungsbeginn is Vermögen', () => {
    const { daten, personIds } = akte();
    daten.einkommen.push(einkommenPeriode(personIds.a!, { art: 'einmalig', betragCent: 300000, zuflussDatum: '2024-07-10', gueltigVon: '2024-07-10', gueltigBis: einmaligGueltigBis('2024-07-10') }));
    const ein = (monat: string, o: Parameters<typeof fallakteZuBerechnungInput>[2]) =>
      personIn(fallakteZuBerechnungInput(zustandFuerMonat(daten, monat), monat, o), personIds.a!).einkommen?.filter((e) => e.art === 'einmalig');
    // a Weiterbewilligung from August: July was provided by the earlier Bewilligung (§ 11 Abs. 3 S. 3)
    expect(ein('2024-08', { leistungsbeginn: '2024-01', bereitsErbrachtBis: '2024-07' })).toEqual([{ art: 'einmalig', betrag: 3000, zufluss: '2024-07-10', leistungBereitsErbracht: true }]);
    expect(ein('2024-08', { leistungsbeginn: '2024-01', bereitsErbrachtBis: '2024-06' })).toEqual([{ art: 'einmalig', betrag: 3000, zufluss: '2024-07-10' }]);
    // an Erstbewilligung from August: the July inflow came before the claim and is Vermögen
    expect(ein('2024-08', { leistungsbeginn: '2024-08' })).toEqual([]);
  });

  it('passes Ausbildung, SGB XII, Ferienjob and the earlier benefit periods through', () => {
    const { daten, personIds } = akte();
    for (const m of daten.merkmale) {
      if (m.personId === personIds.d) m.ausbildung = 'schule';
      if (m.personId === personIds.b) m.sgb12 = true;
    }
    const job = daten.einkommen.find((e) => e.personId === personIds.b && e.art === 'erwerbstaetigkeit')!;
    job.ferienjob = true;
    const input = fallakteZuBerechnungInput(zustandFuerMonat(daten, '2024-07'), '2024-07', { leistungsbeginn: '2024-06', fruehererBezug: [{ von: '2019-01', bis: '2019-12' }] });
    expect(personIn(input, personIds.d!).ausbildung).toBe('schule');
    expect(personIn(input, personIds.b!).sgb12).toBe(true);
    expect(personIn(input, personIds.b!).einkommen).toContainEqual({ art: 'erwerbstaetigkeit', brutto: 400, netto: 400, ferienjob: true });
    expect(personIn(input, personIds.a!).ausbildung).toBeUndefined();
    expect(personIn(input, personIds.a!).sgb12).toBeUndefined();
    expect(input.fruehererBezug).toEqual([{ von: '2019-01', bis: '2019-12' }]);
    expect(fallakteZuBerechnungInput(zustandFuerMonat(daten, '2024-07'), '2024-07').fruehererBezug).toBeUndefined();
  });

  it('bezugszeiten: the running benefit gives the Leistungsbeginn, periods before a gap are earlier benefit', () => {
    expect(bezugszeiten([], '2024-06')).toEqual({ leistungsbeginn: '2024-06', fruehererBezug: [] });
    const b = [
      { von: '2020-01-01', bis: '2020-06-30' },
      { von: '2020-07-01', bis: '2020-12-31' },
      { von: '2023-01-01', bis: '2023-06-30' },
      { von: '2023-07-01', bis: '2023-12-31' },
    ];
    expect(bezugszeiten(b, '2024-01')).toEqual({ leistungsbeginn: '2023-01', fruehererBezug: [{ von: '2020-01', bis: '2020-12' }] });
    expect(bezugszeiten(b, '2024-03')).toEqual({
      leistungsbeginn: '2024-03',
      fruehererBezug: [
        { von: '2020-01', bis: '2020-12' },
        { von: '2023-01', bis: '2023-12' },
      ],
    });
  });
});
