import { describe, expect, it } from 'vitest';
import { BerechnungsFehler, berechne } from './index.ts';
import { erwerb, fall, person } from '../../../tests/helpers/berechnung-faelle.ts';

function fehlerVon(input: unknown): BerechnungsFehler {
  try {
    berechne(input);
  } catch (e) {
    if (e instanceof BerechnungsFehler) return e;
    throw e;
  }
  throw new Error('kein Fehler');
}

const ok = () => fall('2024-06', [person('a', '1985-01-01', 'antragsteller'), person('k', '2015-01-01', 'kind')]);

describe('ungültige Eingaben und unmögliche Tatsachen', () => {
  it.each([
    ['keine JSON-Struktur', null, 'schema_ungueltig', ''],
    ['falsche Version', { ...ok(), version: 2 }, 'schema_ungueltig', 'version'],
    ['unbekanntes Feld', { ...ok(), miete: 3 }, 'schema_ungueltig', ''],
    ['Tippfehler in der Unterkunft', { ...ok(), unterkunft: { grundmiete: 1, nebenkosten: 1, heizkosten: 1, heizkosen: 2 } }, 'schema_ungueltig', 'unterkunft'],
    ['Geburtsdatum kein Kalendertag', fall('2024-06', [person('a', '1985-02-30', 'antragsteller')]), 'schema_ungueltig', 'personen[0].geburtsdatum'],
    ['Betrag mit drei Nachkommastellen', fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { vermoegen: 1.005 })]), 'schema_ungueltig', 'personen[0].vermoegen'],
    ['unbekannte Einkommensart', fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { einkommen: [{ art: 'lotto', betrag: 1 } as never] })]), 'schema_ungueltig', 'personen[0].einkommen[0].art'],
    ['negativer Betrag', fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { einkommen: [erwerb(-5, -5)] })]), 'negativer_betrag', 'personen[0].einkommen[0].brutto'],
    ['negative Miete', { ...ok(), unterkunft: { grundmiete: -1, nebenkosten: 0, heizkosten: 0 } }, 'negativer_betrag', 'unterkunft.grundmiete'],
    ['Zeitraum vor 2021', fall('2020-12', [person('a', '1985-01-01', 'antragsteller')]), 'zeitraum_ausserhalb_rechtsstand', 'zeitraum'],
    ['Zeitraum über zwei Monate', fall({ von: '2024-06-20', bis: '2024-07-10' }, [person('a', '1985-01-01', 'antragsteller')]), 'zeitraum_ungueltig', 'zeitraum.bis'],
    ['Zeitraum rückwärts', fall({ von: '2024-06-20', bis: '2024-06-10' }, [person('a', '1985-01-01', 'antragsteller')]), 'zeitraum_ungueltig', 'zeitraum.bis'],
    ['Geburt nach dem Zeitraum', fall('2024-06', [person('a', '1985-01-01', 'antragsteller'), person('k', '2024-07-01', 'kind')]), 'geburtsdatum_nach_zeitraum', 'personen[1].geburtsdatum'],
    ['Kind älter als die Eltern', fall('2024-06', [person('a', '2004-01-01', 'antragsteller'), person('k', '2003-05-01', 'kind')]), 'kind_aelter_als_elternteil', 'personen[1].geburtsdatum'],
    ['Kind 25 Jahre', fall('2024-06', [person('a', '1970-01-01', 'antragsteller'), person('k', '1999-06-30', 'kind')]), 'kind_25_oder_aelter', 'personen[1].geburtsdatum'],
    ['leere Personenliste', fall('2024-06', []), 'keine_person_in_bg', 'personen'],
    ['niemand in der BG', fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { inBedarfsgemeinschaft: false })]), 'keine_person_in_bg', 'personen'],
    ['keine erwerbsfähige Person', fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { erwerbsfaehig: false })]), 'keine_erwerbsfaehige_person', 'personen'],
    ['kein Antragsteller', fall('2024-06', [person('a', '1985-01-01', 'partner')]), 'antragsteller_fehlt', 'personen'],
    ['zwei Antragsteller', fall('2024-06', [person('a', '1985-01-01', 'antragsteller'), person('b', '1985-01-01', 'antragsteller')]), 'antragsteller_mehrfach', 'personen[1].rolle'],
    ['doppelte id', fall('2024-06', [person('a', '1985-01-01', 'antragsteller'), person('a', '1986-01-01', 'partner')]), 'id_doppelt', 'personen[1].id'],
    ['unbekannter Kindergeldberechtigter', fall('2024-06', [person('a', '1985-01-01', 'antragsteller'), person('k', '2015-01-01', 'kind', { kindergeldberechtigter: 'x' })]), 'unbekannte_person', 'personen[1].kindergeldberechtigter'],
    ['netto über brutto', fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { einkommen: [erwerb(500, 600)] })]), 'netto_groesser_brutto', 'personen[0].einkommen[0].netto'],
    ['alleinerziehend ohne Kind', fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { alleinerziehend: true })]), 'alleinerziehend_ohne_kind', 'personen[0].alleinerziehend'],
    ['Leistungsbeginn nach dem Zeitraum', { ...ok(), leistungsbeginn: '2024-07' }, 'leistungsbeginn_nach_zeitraum', 'leistungsbeginn'],
    ['Bewilligungszeitraum vor Leistungsbeginn', { ...ok(), leistungsbeginn: '2024-03', bewilligungszeitraumBeginn: '2024-02' }, 'bewilligungszeitraum_ungueltig', 'bewilligungszeitraumBeginn'],
    ['Minderung 40 %', fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { minderungProzent: 40 })]), 'minderung_unzulaessig', 'personen[0].minderungProzent'],
    ['Minderung bei einem Kind unter 15', fall('2024-06', [person('a', '1985-01-01', 'antragsteller'), person('k', '2015-01-01', 'kind', { minderungProzent: 10 })]), 'minderung_unzulaessig', 'personen[1].minderungProzent'],
    ['erwerbsfähig mit 10 Jahren', fall('2024-06', [person('a', '1985-01-01', 'antragsteller'), person('k', '2014-01-01', 'kind', { erwerbsfaehig: true })]), 'erwerbsfaehig_unter_15', 'personen[1].erwerbsfaehig'],
  ])('%s', (_name, input, code, pfad) => {
    const f = fehlerVon(input);
    expect(f.code).toBe(code);
    expect(f.pfad).toBe(pfad);
    expect(f.message.length).toBeGreaterThan(10);
    expect(f.toJSON()).toEqual({ error: code, pfad, message: f.message });
  });
  it('fehlende Pflichtangabe nennt den Pfad', () => {
    const f = fehlerVon({ version: 1, zeitraum: '2024-06', personen: [{ id: 'a', rolle: 'antragsteller' }] });
    expect(f).toMatchObject({ code: 'schema_ungueltig', pfad: 'personen[0].geburtsdatum' });
    expect(f.message).toContain('fehlt');
  });
});
