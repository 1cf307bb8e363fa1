/** Table-driven: every test case of every flow is walked forward (validating each form post) and back again. */
import { describe, expect, it } from 'vitest';
import {
  ANTRAGSDATUM,
  ersterOffenerSchritt,
  istAbgeschlossen,
  istErreichbar,
  naechsterSchritt,
  position,
  uebernehmeSchritt,
  validiereSchritt,
  vorherigerSchritt,
  type Flow,
  type FlowDaten,
} from '../engine.ts';
import { geheVorwaerts } from '../../../../tests/helpers/formular-durchlauf.ts';
import { alleinstehend, erstantragFaelle, veraenderungen, weiterbewilligung } from '../../../../tests/helpers/formular-faelle.ts';
import { erstantragFlow } from './erstantrag.ts';

const alleFaelle = [...erstantragFaelle, weiterbewilligung, ...veraenderungen];

describe.each(alleFaelle)('$flow: $name', (fall) => {
  it('vorwärts erreicht die erwarteten Schritte und endet vollständig', () => {
    const { flow, daten, aktuell } = geheVorwaerts(fall);
    expect(aktuell).toBeUndefined();
    expect(fall.schritte.at(-1)!.stepId).toBe(fall.ende);
    expect(istAbgeschlossen(flow, daten)).toBe(true);
  });

  it('rückwärts vom Ende zeichnet denselben Weg nach', () => {
    const { flow, daten, besucht } = geheVorwaerts(fall);
    // main path: the main steps visited, each once, in order
    const haupt = besucht.filter((s, i) => position(flow, s)?.art === 'schritt' && besucht.indexOf(s) === i);
    const zurueck: string[] = [fall.ende];
    let s: string | undefined = fall.ende;
    while ((s = vorherigerSchritt(flow, daten, s))) zurueck.push(s);
    expect(zurueck.toReversed()).toEqual(haupt);
    // every list entry: back from its last step retraces its steps to the overview
    const eintraege = new Map<string, string[]>();
    for (const b of besucht) {
      const pos = position(flow, b);
      if (pos?.art === 'eintrag') {
        const key = `${pos.liste}/${pos.eintragId}`;
        eintraege.set(key, [...(eintraege.get(key) ?? []), b]);
      }
    }
    for (const [, schritte] of eintraege) {
      const uebersicht = (position(flow, schritte[0]!) as { konfiguration: { uebersicht: string } }).konfiguration.uebersicht;
      const rueck: string[] = [];
      let t: string | undefined = schritte.at(-1);
      while (t && t !== uebersicht) {
        rueck.push(t);
        t = vorherigerSchritt(flow, daten, t);
      }
      expect(t).toBe(uebersicht);
      expect(rueck.toReversed()).toEqual(schritte);
      expect(naechsterSchritt(flow, daten, schritte.at(-1)!)).toBe(uebersicht);
    }
  });
});

describe('Antragsdatum', () => {
  it('wird mit dem ersten Schritt festgehalten, auch wenn danach nichts mehr kommt, und später nicht verändert', () => {
    const flow = erstantragFlow as unknown as Flow<FlowDaten>;
    expect(erstantragFlow.antragsdatumSchritt).toBe('antrag');
    const v = validiereSchritt(flow, 'antrag', { beantragt: 'on' });
    if (!v.ok) throw new Error('ungültig');
    const u = uebernehmeSchritt(flow, {} as FlowDaten, 'antrag', v.werte, { heute: '2025-03-04' });
    expect(u.antragsdatumGesetzt).toBe(true);
    expect(u.daten[ANTRAGSDATUM]).toBe('2025-03-04');
    expect(u.naechster).toBe('person');
    const nochmal = uebernehmeSchritt(flow, u.daten, 'antrag', v.werte, { heute: '2025-04-01' });
    expect(nochmal.daten[ANTRAGSDATUM]).toBe('2025-03-04');
    expect(nochmal.antragsdatumGesetzt).toBe(false);
  });

  it('ohne Bestätigung kein Antrag', () => {
    const v = validiereSchritt(erstantragFlow, 'antrag', {});
    expect(v).toMatchObject({ ok: false, fehler: [{ feld: 'beantragt', code: 'bestaetigung_fehlt' }] });
  });
});

describe('Selbstständigkeit: Einnahmen, Ausgaben (oder Gewinn) und Steuern', () => {
  const seite = 'einkommen/e1/einkommen-selbststaendig';
  const fehler = (eingabe: Record<string, string>) => {
    const v = validiereSchritt(erstantragFlow, seite, { taetigkeit: 'Design', ...eingabe });
    return v.ok ? [] : v.fehler.map((f) => [f.feld, f.code]);
  };
  it.each([
    ['Einnahmen und Ausgaben', { einnahmenCent: '1.200', ausgabenCent: '850' }, []],
    ['mit Steuern bis zum Gewinn', { einnahmenCent: '1.200', ausgabenCent: '850', steuernCent: '350' }, []],
    ['nur der Gewinn', { gewinnMonatlichCent: '400', steuernCent: '60' }, []],
    ['Gewinn passend zu Einnahmen und Ausgaben', { einnahmenCent: '1000', ausgabenCent: '600', gewinnMonatlichCent: '400' }, []],
    ['Verlust ist erlaubt (Gewinn 0)', { einnahmenCent: '500', ausgabenCent: '800' }, []],
    ['nichts angegeben', {}, [['einnahmenCent', 'gewinn_fehlt']]],
    ['nur Ausgaben', { ausgabenCent: '300' }, [['einnahmenCent', 'pflichtfeld']]],
    ['Einnahmen ohne Ausgaben', { einnahmenCent: '1000' }, [['ausgabenCent', 'pflichtfeld']]],
    ['Gewinn passt nicht', { einnahmenCent: '1000', ausgabenCent: '600', gewinnMonatlichCent: '500' }, [['gewinnMonatlichCent', 'gewinn_passt_nicht']]],
    ['Steuern über dem Gewinn', { einnahmenCent: '1000', ausgabenCent: '600', steuernCent: '401' }, [['steuernCent', 'steuern_ueber_gewinn']]],
    ['Steuern bei Verlust', { einnahmenCent: '500', ausgabenCent: '800', steuernCent: '10' }, [['steuernCent', 'steuern_ueber_gewinn']]],
  ] as const)('%s', (_name, eingabe, erwartet) => {
    expect(fehler(eingabe)).toEqual(erwartet);
  });
  it('messages in every language', () => {
    const v = validiereSchritt(erstantragFlow, seite, { taetigkeit: 'Design', einnahmenCent: '100', ausgabenCent: '0', steuernCent: '200' }, { sprache: 'uk' });
    expect(v.ok ? '' : v.fehler[0]!.nachricht).toMatch(/прибут/);
  });
});

const kindDaten = (verwandtschaft: string, partner: boolean, kind: Record<string, unknown> = {}): FlowDaten => ({
  antragsdatum: '2025-03-04',
  haushalt: { partner, kinder: true, weiterePersonen: false },
  kinder: [{ id: 'k1', vorname: 'Emil', nachname: 'B', geburtsdatum: '2020-01-15', geschlecht: 'm', staatsangehoerigkeit: 'DE', verwandtschaft, kindergeld: false, ...kind }],
});

describe('Kinder: Unterhalt und Unterhaltsvorschuss auf den Seiten des Kindes', () => {
  const daten = kindDaten;
  it.each([
    ['eigenes Kind, allein', 'eigenes_kind', false, 'kinder/k1/kind-unterhalt'],
    ['eigenes Kind, mit Partner (Stiefkind)', 'eigenes_kind', true, 'kinder/k1/kind-unterhalt'],
    ['Kind des Partners', 'kind_partner', true, 'kinder/k1/kind-unterhalt'],
    ['gemeinsames Kind eines Paares: beide Eltern im Haushalt', 'gemeinsames_kind', true, 'kinder'],
    ['gemeinsames Kind, aber ohne Partner im Haushalt', 'gemeinsames_kind', false, 'kinder/k1/kind-unterhalt'],
  ] as const)('%s', (_name, verwandtschaft, partner, ziel) => {
    expect(naechsterSchritt(erstantragFlow as unknown as Flow<FlowDaten>, daten(verwandtschaft, partner), 'kinder/k1/kind-kindergeld')).toBe(ziel);
  });
  it('"ja" asks the amounts; at least one of them', () => {
    const d = daten('eigenes_kind', false, { unterhaltErhalten: true });
    expect(naechsterSchritt(erstantragFlow as unknown as Flow<FlowDaten>, d, 'kinder/k1/kind-unterhalt')).toBe('kinder/k1/kind-unterhalt-betrag');
    const leer = validiereSchritt(erstantragFlow, 'kinder/k1/kind-unterhalt-betrag', { unterhaltCent: '', unterhaltsvorschussCent: '' });
    expect(leer.ok ? [] : leer.fehler.map((f) => [f.feld, f.code])).toEqual([['unterhaltCent', 'unterhalt_betrag_fehlt']]);
    expect(validiereSchritt(erstantragFlow, 'kinder/k1/kind-unterhalt-betrag', { unterhaltsvorschussCent: '227' }).ok).toBe(true);
  });
  it('an income entry does not repeat what the child pages state', () => {
    const d = { ...daten('eigenes_kind', false, { kindergeld: true, kindergeldCent: 25500, unterhaltErhalten: true, unterhaltsvorschussCent: 22700 }), einkommenVorhanden: true };
    const art = (a: string) => {
      const v = validiereSchritt(erstantragFlow, 'einkommen/e1/einkommen-art', { person: 'k1', art: a }, { daten: d });
      return v.ok ? [] : v.fehler.map((f) => [f.feld, f.code]);
    };
    expect(art('unterhaltsvorschuss')).toEqual([['art', 'schon_beim_kind']]);
    expect(art('kindergeld')).toEqual([['art', 'schon_beim_kind']]);
    expect(art('unterhalt')).toEqual([]);
    expect(art('rente')).toEqual([]);
  });
});

describe('Schule, Ausbildung oder Studium: für Personen unter 25', () => {
  const f = erstantragFlow as unknown as Flow<FlowDaten>;
  const basis = { antragsdatum: '2025-03-04', haushalt: { partner: true, kinder: false, weiterePersonen: false } };
  it.each([
    ['Antragstellerin 24', { antragsteller: { geburtsdatum: '2000-03-05' } }, 'person', 'ausbildung'],
    ['Antragstellerin genau 25', { antragsteller: { geburtsdatum: '2000-03-04' } }, 'person', 'familienstand'],
    ['Partner 21', { partner: { geburtsdatum: '2003-07-01', erwerbsfaehig: true } }, 'partner-erwerb', 'partner-ausbildung'],
    ['Partner 38', { partner: { geburtsdatum: '1986-07-01', erwerbsfaehig: true } }, 'partner-erwerb', 'wohnung'],
  ] as const)('%s', (_name, d, von, ziel) => {
    expect(naechsterSchritt(f, { ...basis, ...d }, von)).toBe(ziel);
  });
  it('offers Schule, Ausbildung, Studium and "nichts davon"', () => {
    expect(validiereSchritt(erstantragFlow, 'ausbildung', { ausbildung: 'studium' })).toMatchObject({ ok: true, werte: { ausbildung: 'studium' } });
    expect(validiereSchritt(erstantragFlow, 'ausbildung', { ausbildung: 'keine' }).ok).toBe(true);
    expect(validiereSchritt(erstantragFlow, 'ausbildung', {}).ok).toBe(false);
  });
});

describe('einmalige Zahlungen', () => {
  const f = erstantragFlow as unknown as Flow<FlowDaten>;
  it('the question leads to the list, after the income entries', () => {
    expect(naechsterSchritt(f, { einkommenVorhanden: false, einmalzahlungVorhanden: true }, 'einkommen-frage')).toBe('einmalzahlungen');
    expect(naechsterSchritt(f, { einkommenVorhanden: true, einmalzahlungVorhanden: true }, 'einkommen')).toBe('einmalzahlungen');
    expect(naechsterSchritt(f, { einkommenVorhanden: false, einmalzahlungVorhanden: false }, 'einkommen-frage')).toBe('vermoegen-frage');
  });
  it('is required like the income question (declaring income is not voluntary, § 60 SGB I)', () => {
    const v = validiereSchritt(erstantragFlow, 'einkommen-frage', { einkommenVorhanden: 'nein' });
    expect(v.ok ? [] : v.fehler.map((x) => [x.feld, x.code])).toEqual([['einmalzahlungVorhanden', 'auswahl_fehlt']]);
    expect(validiereSchritt(erstantragFlow, 'einkommen-frage', { einkommenVorhanden: 'nein', einmalzahlungVorhanden: 'nein' }).ok).toBe(true);
  });
  it('an old draft without the answer gets the question when resumed', () => {
    const { daten } = geheVorwaerts(alleinstehend);
    const alt = { ...daten, einmalzahlungVorhanden: undefined };
    expect(istAbgeschlossen(f, daten)).toBe(true);
    expect(ersterOffenerSchritt(f, alt)).toBe('einkommen-frage');
    expect(istErreichbar(f, alt, 'vermoegen-frage')).toBe(false);
  });
  it('amount and day of inflow are required', () => {
    const v = validiereSchritt(erstantragFlow, 'einmalzahlungen/z1/einmalzahlung', { person: 'antragsteller', art: 'abfindung' }, { daten: {} });
    expect(v.ok ? [] : v.fehler.map((x) => [x.feld, x.code])).toEqual([
      ['einmalbetragCent', 'pflichtfeld'],
      ['zuflussDatum', 'pflichtfeld'],
    ]);
  });
});
