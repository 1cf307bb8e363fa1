import { describe, expect, it } from 'vitest';
import { findeKommune, findePerson, vorschlaegeAusMitteilung, type FallPersonKurz } from './mitteilung-vorschlag.ts';

const max: FallPersonKurz = { id: 'p-max', vorname: 'Max', nachname: 'Müller', rolle: 'antragsteller', staatsangehoerigkeit: 'DE', einkommen: [] };
const eva: FallPersonKurz = {
  id: 'p-eva',
  vorname: 'Eva',
  nachname: 'Müller',
  rolle: 'partner',
  staatsangehoerigkeit: 'UA',
  einkommen: [
    { id: 'e-1', art: 'erwerbstaetigkeit', bezeichnung: 'Bäckerei Korn' },
    { id: 'e-2', art: 'erwerbstaetigkeit', bezeichnung: 'Kiosk am Markt' },
    { id: 'e-3', art: 'kindergeld', bezeichnung: null },
  ],
};
const fall = { personen: [max, eva], kommunen: [{ id: 'k-1', name: 'Musterstadt' }, { id: 'k-2', name: 'Neudorf an der Aue' }], antragsdatum: '2025-05-20' };

describe('findePerson / findeKommune', () => {
  it('finds a person by full name in either order, umlauts and case aside, or by a unique first name', () => {
    // a spelling the case does not have still finds the unique first name
    expect(findePerson('eva mueller', fall.personen)?.id).toBe('p-eva');
    expect(findePerson('Eva Müller', fall.personen)?.id).toBe('p-eva');
    expect(findePerson('MÜLLER, Max', fall.personen)?.id).toBe('p-max');
    expect(findePerson('Max', fall.personen)?.id).toBe('p-max');
    expect(findePerson('Müller', fall.personen)).toBeNull();
    expect(findePerson('jemand', [max])?.id).toBe('p-max');
  });
  it('finds a Kommune only by its exact name', () => {
    expect(findeKommune(' musterstadt ', fall.kommunen)?.id).toBe('k-1');
    expect(findeKommune('Neudorf', fall.kommunen)).toBeNull();
  });
});

describe('vorschlaegeAusMitteilung', () => {
  it('new job → a new work income of the named person from the stated day', () => {
    const r = vorschlaegeAusMitteilung('arbeit', { mitteilung: { person: 'Max Müller', aenderung: 'neue_arbeit', ab: '2025-06-01', arbeitgeber: 'Gärtnerei', bruttoCent: 210000, nettoCent: 156000 } }, fall);
    expect(r.vorschlaege).toEqual([
      { typ: 'einkommen', ab: '2025-06-01', personId: 'p-max', einkommenId: null, ende: false, art: 'erwerbstaetigkeit', bezeichnung: 'Gärtnerei', bruttoCent: 210000, nettoCent: 156000, betragCent: null },
    ]);
    expect(r.hinweise).toEqual([]);
  });
  it('changed pay picks the running work income by employer; a job that ended ends it', () => {
    const geaendert = vorschlaegeAusMitteilung('arbeit', { mitteilung: { person: 'Eva', aenderung: 'einkommen_geaendert', ab: '2025-07-01', arbeitgeber: 'Kiosk am Markt', bruttoCent: 60000, nettoCent: 60000 } }, fall);
    expect(geaendert.vorschlaege[0]).toMatchObject({ einkommenId: 'e-2', ende: false, bruttoCent: 60000 });
    const beendet = vorschlaegeAusMitteilung('arbeit', { mitteilung: { person: 'Eva', aenderung: 'arbeit_beendet', ab: '2025-08-01' } }, fall);
    // two work incomes and no employer named: the caseworker chooses
    expect(beendet.vorschlaege[0]).toMatchObject({ typ: 'einkommen', personId: 'p-eva', einkommenId: null, ende: true });
    expect(beendet.hinweise.join(' ')).toContain('nicht eindeutig');
  });
  it('a move → address (Kommune by town) and housing costs; moving in free of charge ends the costs', () => {
    const r = vorschlaegeAusMitteilung(
      'umzug',
      {
        mitteilung: { datum: '2025-09-01', zusicherungBeantragt: true },
        anschrift: { strasse: 'Am Bach', hausnummer: '2', plz: '12345', ort: 'Musterstadt' },
        unterkunft: { wohnform: 'miete', grundmieteCent: 50000, nebenkostenCent: 10000, heizkostenCent: 8000, warmwasserDezentral: true },
      },
      fall,
    );
    expect(r.vorschlaege).toEqual([
      { typ: 'adresse', ab: '2025-09-01', strasse: 'Am Bach', hausnummer: '2', zusatz: '', plz: '12345', ort: 'Musterstadt', kommuneId: 'k-1' },
      { typ: 'unterkunft', ab: '2025-09-01', keine: false, grundmieteCent: 50000, nebenkostenCent: 10000, heizkostenCent: 8000, warmwasserDezentral: true },
    ]);
    expect(r.hinweise.join(' ')).toContain('§ 22 Abs. 4 SGB II');
    const frei = vorschlaegeAusMitteilung('umzug', { mitteilung: { datum: '2025-09-01' }, anschrift: { ort: 'Anderswo' }, unterkunft: { wohnform: 'ohne_kosten' } }, fall);
    expect(frei.vorschlaege[0]).toMatchObject({ kommuneId: null });
    expect(frei.vorschlaege[1]).toMatchObject({ keine: true, grundmieteCent: null });
  });
  it('a new household member with income, a birth (nationality of the applicant proposed), a person leaving', () => {
    const neu = vorschlaegeAusMitteilung(
      'person_neu',
      { mitteilung: { vorname: 'Oma', nachname: 'Müller', geburtsdatum: '1950-01-01', geschlecht: 'keine_angabe', staatsangehoerigkeit: 'de', verhaeltnis: 'elternteil', einzugAm: '2025-10-01', hatEinkommen: true, einkommensart: 'rente', betragCent: 90000 } },
      fall,
    );
    expect(neu.vorschlaege[0]).toMatchObject({ typ: 'person_aufnehmen', rolle: 'sonstige', geschlecht: null, staatsangehoerigkeit: 'DE', einkommenArt: 'rente', betragCent: 90000, bruttoCent: null });
    const geburt = vorschlaegeAusMitteilung('geburt', { mitteilung: { vorname: 'Ida', nachname: 'Müller', geburtsdatum: '2025-11-11', geschlecht: 'w', kindergeldBeantragt: false } }, fall);
    expect(geburt.vorschlaege[0]).toMatchObject({ typ: 'person_aufnehmen', rolle: 'kind', ab: '2025-11-11', staatsangehoerigkeit: 'DE', einkommenArt: null });
    const weg = vorschlaegeAusMitteilung('person_weg', { mitteilung: { name: 'Eva Müller', auszugAm: '2025-12-01', neueAnschriftBekannt: false } }, fall);
    expect(weg.vorschlaege).toEqual([{ typ: 'person_austritt', ab: '2025-12-01', personId: 'p-eva', name: 'Eva Müller' }]);
  });
  it('bank account; an absence or an unknown kind changes nothing but says so', () => {
    expect(vorschlaegeAusMitteilung('bank', { mitteilung: { ab: '2025-06-01' }, bank: { iban: 'DE89370400440532013000', kontoinhaber: 'Max Müller' } }, fall).vorschlaege).toEqual([
      { typ: 'bank', ab: '2025-06-01', iban: 'DE89370400440532013000', kontoinhaber: 'Max Müller' },
    ]);
    const weg = vorschlaegeAusMitteilung('abwesenheit', { mitteilung: { von: '2025-07-01', bis: '2025-07-14', grund: 'urlaub' } }, fall);
    expect(weg.vorschlaege).toEqual([]);
    expect(weg.hinweise[0]).toContain('01.07.2025 bis 14.07.2025');
    expect(vorschlaegeAusMitteilung(null, {}, fall).hinweise).toHaveLength(1);
  });
});
