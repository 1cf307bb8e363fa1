import { describe, expect, it } from 'vitest';
import { teilnehmerCsv } from './massnahme-teilnehmer.ts';

type Liste = Parameters<typeof teilnehmerCsv>[0];
const zeile = (name: string) =>
  ({
    name,
    geburtsdatum: '1985-04-02',
    fallnummer: 'BG-1',
    standortName: 'Jobcenter Musterstadt',
    statusText: 'eingetreten',
    platzNr: 1,
    geplantVon: '2027-01-04',
    geplantBis: '2027-03-31',
    eintrittAm: '2027-01-04',
    austrittAm: null,
    austrittsgrundText: null,
  }) as unknown as Liste['teilnehmer'][number];

describe('Teilnehmendenliste als CSV', () => {
  it('Semikolon, BOM, Kopfzeile; Formeln und Trennzeichen werden entschärft', () => {
    const csv = teilnehmerCsv({ massnahme: { id: 'm', bezeichnung: 'B', anbieter: 'A' }, teilnehmer: [zeile('Erna Muster'), zeile('=HYPERLINK("x")'), zeile('Kai; Test')] });
    const zeilen = csv.replace('\ufeff', '').trim().split('\r\n');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(zeilen[0]).toBe('Name;Geburtsdatum;Standort;Status;Platz;Beginn geplant;Ende geplant;Eintritt;Austritt;Grund');
    expect(zeilen[1]).toBe('Erna Muster;1985-04-02;Jobcenter Musterstadt;eingetreten;1;2027-01-04;2027-03-31;2027-01-04;;');
    expect(csv).not.toContain('BG-1');
    expect(zeilen[2]!.startsWith('"\'=HYPERLINK(""x"")"')).toBe(true);
    expect(zeilen[3]!.startsWith('"Kai; Test";')).toBe(true);
  });
});
