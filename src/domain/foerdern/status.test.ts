import { describe, expect, it } from 'vitest';
import {
  arbeitslosSeit,
  beendetArbeitslosigkeit,
  beschreibePlan,
  folgeIntegration,
  folgeMassnahmeAustritt,
  folgeMassnahmeEintritt,
  istElb,
  langzeitarbeitslosSeit,
  letzterTagVorAltersgrenze,
  planeArbeitslosWiederherstellen,
  plusJahre,
  pruefePeriode,
  statusAm,
  wiederherstellenAngebot,
  type StatusPeriode,
} from './status.ts';

let n = 0;
const p = (von: string, bis: string | null, status: StatusPeriode['status'] = 'arbeitslos', grund: StatusPeriode['grund'] = null, extra: Partial<StatusPeriode> = {}): StatusPeriode => ({
  id: `p${++n}`,
  gueltigVon: von,
  gueltigBis: bis,
  status,
  grund,
  quelle: 'erfasst',
  quelleId: null,
  ...extra,
});

describe('statusAm', () => {
  const reihe = [p('2025-01-01', '2025-03-31'), p('2025-04-01', '2025-06-30', 'arbeitsuchend', 'massnahme'), p('2025-08-01', null, 'nicht_arbeitsuchend', 'kind_unter_3')];
  it.each([
    ['2024-12-31', null],
    ['2025-01-01', 'arbeitslos'],
    ['2025-03-31', 'arbeitslos'],
    ['2025-04-01', 'arbeitsuchend'],
    ['2025-07-15', null],
    ['2030-01-01', 'nicht_arbeitsuchend'],
  ])('am %s → %s', (tag, erwartet) => {
    expect(statusAm(reihe, tag)?.status ?? null).toBe(erwartet);
  });
});

describe('pruefePeriode', () => {
  const reihe = [p('2025-01-01', '2025-03-31'), p('2025-06-01', null, 'arbeitsuchend', 'erwerbstaetigkeit')];
  it.each([
    ['passt in die Lücke', { gueltigVon: '2025-04-01', gueltigBis: '2025-05-31', status: 'arbeitsuchend', grund: 'arbeitsunfaehigkeit' }, null],
    ['überschneidet vorne', { gueltigVon: '2025-03-31', gueltigBis: '2025-04-10', status: 'arbeitslos', grund: null }, 'status_ueberschneidung'],
    ['offen in die nächste', { gueltigVon: '2025-04-01', gueltigBis: null, status: 'arbeitslos', grund: null }, 'status_ueberschneidung'],
    ['Grund fehlt', { gueltigVon: '2025-04-01', gueltigBis: '2025-04-30', status: 'nicht_arbeitsuchend', grund: null }, 'grund_fehlt'],
    ['Grund bei arbeitslos', { gueltigVon: '2025-04-01', gueltigBis: '2025-04-30', status: 'arbeitslos', grund: 'sonstiges' }, 'grund_unpassend'],
    ['§ 10-Grund bei arbeitsuchend', { gueltigVon: '2025-04-01', gueltigBis: '2025-04-30', status: 'arbeitsuchend', grund: 'kind_unter_3' }, 'grund_unpassend'],
    ['Ende vor Beginn', { gueltigVon: '2025-04-10', gueltigBis: '2025-04-01', status: 'arbeitslos', grund: null }, 'bis_vor_von'],
  ] as const)('%s', (_, neu, code) => {
    expect(pruefePeriode(reihe, neu)?.code ?? null).toBe(code);
  });
  it('die berichtigte Periode selbst zählt nicht als Überschneidung', () => {
    expect(pruefePeriode(reihe, { gueltigVon: '2025-01-01', gueltigBis: '2025-04-30', status: 'arbeitslos', grund: null }, reihe[0]!.id)).toBeNull();
  });
});

describe('Langzeitarbeitslosigkeit (§ 18 Abs. 1 SGB III)', () => {
  it.each([
    ['ein Jahr voll: ab dem Jahrestag', [p('2025-01-01', null)], '2026-01-01', '2025-01-01', '2026-01-01'],
    ['noch kein Jahr', [p('2025-01-01', null)], '2025-12-31', '2025-01-01', null],
    ['nicht arbeitslos am Tag', [p('2024-01-01', '2025-12-31'), p('2026-01-01', null, 'arbeitsuchend', 'erwerbstaetigkeit')], '2026-02-01', null, null],
    [
      'Arbeitsunfähigkeit bis 6 Wochen unterbricht nicht',
      [p('2025-01-01', '2025-05-31'), p('2025-06-01', '2025-07-12', 'arbeitsuchend', 'arbeitsunfaehigkeit'), p('2025-07-13', null)],
      '2026-01-05',
      '2025-01-01',
      '2026-01-01',
    ],
    [
      'Arbeitsunfähigkeit über 6 Wochen: Frist beginnt neu',
      [p('2025-01-01', '2025-05-31'), p('2025-06-01', '2025-07-13', 'arbeitsuchend', 'arbeitsunfaehigkeit'), p('2025-07-14', null)],
      '2026-01-05',
      '2025-07-14',
      null,
    ],
    [
      'Lücke ohne Status bis 42 Tage unterbricht nicht',
      [p('2025-01-01', '2025-05-31'), p('2025-07-01', null)],
      '2026-01-01',
      '2025-01-01',
      '2026-01-01',
    ],
    [
      'Maßnahme nach § 45 unterbricht nicht (auch länger als 6 Wochen)',
      [p('2025-01-01', '2025-03-31'), p('2025-04-01', '2025-08-31', 'arbeitsuchend', 'massnahme', { massnahme45: true }), p('2025-09-01', null)],
      '2026-01-01',
      '2025-01-01',
      '2026-01-01',
    ],
    [
      'andere Maßnahme (z. B. § 16d) über 6 Wochen: Frist beginnt neu',
      [p('2025-01-01', '2025-03-31'), p('2025-04-01', '2025-08-31', 'arbeitsuchend', 'massnahme'), p('2025-09-01', null)],
      '2026-01-01',
      '2025-09-01',
      null,
    ],
    [
      'kurze Erwerbstätigkeit unterbricht immer',
      [p('2025-01-01', '2025-03-31'), p('2025-04-01', '2025-04-10', 'arbeitsuchend', 'erwerbstaetigkeit'), p('2025-04-11', null)],
      '2026-01-01',
      '2025-04-11',
      null,
    ],
    [
      'vor dem 16.8.2014: jede Unterbrechung beginnt neu',
      [p('2013-01-01', '2013-05-31'), p('2013-06-10', null)],
      '2014-07-01',
      '2013-06-10',
      '2014-06-10',
    ],
  ] as const)('%s', (_, reihe, tag, seit, lza) => {
    expect(arbeitslosSeit(reihe, tag)).toBe(seit);
    expect(langzeitarbeitslosSeit(reihe, tag)).toBe(lza);
  });
  it('plusJahre: 29.2. → 28.2.', () => {
    expect(plusJahre('2024-02-29', 1)).toBe('2025-02-28');
    expect(plusJahre('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('automatische Folgen', () => {
  it('Eintritt beendet Arbeitslosigkeit am Vortag und öffnet Maßnahme für die geplante Dauer', () => {
    const a = p('2025-01-01', null);
    const plan = folgeMassnahmeEintritt([a], { teilnahmeId: 't1', von: '2025-05-01', bis: '2025-10-31', zaehltAlsMassnahme: true });
    expect(plan.schliessen).toEqual([{ id: a.id, gueltigBis: '2025-04-30' }]);
    expect(plan.oeffnen).toEqual([
      { gueltigVon: '2025-05-01', gueltigBis: '2025-10-31', status: 'arbeitsuchend', grund: 'massnahme', quelle: 'massnahme_eintritt', quelleId: 't1' },
    ]);
    expect(beschreibePlan(plan, 'Eintritt in die Maßnahme „X“')).toBe(
      'Bisheriger Status endet am 30.04.2025; Arbeitsuchend, nicht arbeitslos (Teilnahme an einer Maßnahme) ab 01.05.2025 bis 31.10.2025 – wegen Eintritt in die Maßnahme „X“.',
    );
  });
  it.each([
    ['zählt nicht als Maßnahme (§ 16k)', [p('2025-01-01', null)], false, 0],
    ['nicht arbeitsuchend bleibt', [p('2025-01-01', null, 'nicht_arbeitsuchend', 'pflege')], true, 0],
    ['ohne Status: Maßnahme-Zeitraum wird geöffnet', [], true, 1],
  ] as const)('Eintritt: %s', (_, reihe, zaehlt, neu) => {
    expect(folgeMassnahmeEintritt(reihe, { teilnahmeId: 't', von: '2025-05-01', bis: null, zaehltAlsMassnahme: zaehlt }).oeffnen).toHaveLength(neu);
  });
  it('Eintritt am ersten Tag der Arbeitslosigkeit ersetzt die Periode; zweimal angewandt ändert nichts', () => {
    const a = p('2025-05-01', null);
    expect(folgeMassnahmeEintritt([a], { teilnahmeId: 't', von: '2025-05-01', bis: null, zaehltAlsMassnahme: true }).entfernen).toEqual([a.id]);
    const m = p('2025-05-01', null, 'arbeitsuchend', 'massnahme', { quelle: 'massnahme_eintritt', quelleId: 't' });
    expect(folgeMassnahmeEintritt([m], { teilnahmeId: 't', von: '2025-05-01', bis: null, zaehltAlsMassnahme: true }).oeffnen).toEqual([]);
  });
  it('Eintritt vor einer schon erfassten späteren Periode endet davor', () => {
    const plan = folgeMassnahmeEintritt([p('2025-01-01', '2025-08-31'), p('2025-09-01', null, 'nicht_arbeitsuchend', 'pflege')], {
      teilnahmeId: 't',
      von: '2025-05-01',
      bis: '2025-12-31',
      zaehltAlsMassnahme: true,
    });
    expect(plan.oeffnen[0]!.gueltigBis).toBe('2025-08-31');
  });
  it('Austritt beendet den Maßnahme-Zeitraum und bietet „arbeitslos“ ab dem Folgetag an', () => {
    const m = p('2025-05-01', '2025-10-31', 'arbeitsuchend', 'massnahme', { quelle: 'massnahme_eintritt', quelleId: 't' });
    const plan = folgeMassnahmeAustritt([p('2025-01-01', '2025-04-30'), m], { teilnahmeId: 't', am: '2025-07-15' });
    expect(plan.schliessen).toEqual([{ id: m.id, gueltigBis: '2025-07-15' }]);
    expect(plan.oeffnen).toEqual([]);
    expect(plan.angebotArbeitslosAb).toBe('2025-07-16');
    expect(wiederherstellenAngebot([{ ...m, gueltigBis: '2025-07-15' }], '2025-07-20')).toEqual({ ab: '2025-07-16', teilnahmeId: 't' });
    expect(wiederherstellenAngebot([{ ...m, gueltigBis: '2025-07-15' }], '2025-07-10')).toBeNull();
  });
  it('Austritt ohne Maßnahme-Zeitraum ändert nichts', () => {
    expect(folgeMassnahmeAustritt([p('2025-01-01', null)], { teilnahmeId: 'x', am: '2025-07-15' })).toEqual({ schliessen: [], entfernen: [], oeffnen: [], angebotArbeitslosAb: undefined });
  });
  it.each([
    ['svB Teilzeit 20 h', 'svb_teilzeit', 20, true],
    ['svB Teilzeit 15 h (Grenze)', 'svb_teilzeit', 15, true],
    ['svB Teilzeit 14,5 h', 'svb_teilzeit', 14.5, false],
    ['Minijob', 'minijob', 15, false],
    ['Ausbildung', 'ausbildung', 39, true],
    ['§ 16i', 'gefoerdert_16i', 30, true],
  ] as const)('Beschäftigungsaufnahme %s beendet Arbeitslosigkeit: %s', (_, art, std, erwartet) => {
    expect(beendetArbeitslosigkeit({ integrationsart: art, wochenstunden: std, beginn: '2025-06-01' })).toBe(erwartet);
    const a = p('2025-01-01', null);
    const plan = folgeIntegration([a], { integrationId: 'i', beginn: '2025-06-01', wochenstunden: std, integrationsart: art });
    expect(plan.schliessen.length).toBe(erwartet ? 1 : 0);
    expect(plan.oeffnen.map((o) => [o.status, o.grund, o.quelle, o.gueltigBis])).toEqual(erwartet ? [['arbeitsuchend', 'erwerbstaetigkeit', 'integration', null]] : []);
  });
  it('Wiederherstellen: nur ohne Status am Tag', () => {
    const m = p('2025-05-01', '2025-07-15', 'arbeitsuchend', 'massnahme', { quelle: 'massnahme_eintritt', quelleId: 't' });
    const ok = planeArbeitslosWiederherstellen([m], { ab: '2025-07-16', teilnahmeId: 't' });
    expect('oeffnen' in ok && ok.oeffnen[0]).toMatchObject({ status: 'arbeitslos', quelle: 'massnahme_austritt', gueltigVon: '2025-07-16' });
    const nein = planeArbeitslosWiederherstellen([m], { ab: '2025-07-10', teilnahmeId: 't' });
    expect('code' in nein && nein.code).toBe('status_ueberschneidung');
  });
});

describe('eLb (§ 7 Abs. 1, § 7a SGB II)', () => {
  it.each([
    ['1946', '1946-05-10', '2011-05-31'],
    ['1947: + 1 Monat', '1947-05-10', '2012-06-30'],
    ['1958: 66 Jahre', '1958-12-01', '2024-12-31'],
    ['1959: 66 + 2 Monate', '1959-01-15', '2025-03-31'],
    ['1963: 66 + 10 Monate', '1963-03-01', '2030-01-31'],
    ['1964: 67', '1964-07-20', '2031-07-31'],
  ])('Altersgrenze %s', (_, geb, letzter) => {
    expect(letzterTagVorAltersgrenze(geb, '2026-01-01')).toBe(letzter);
  });
  it.each([
    ['Erwachsener', { geburtsdatum: '1990-01-01', erwerbsfaehig: null, inBg: true, bgAktiv: true }, true],
    ['14 Jahre', { geburtsdatum: '2011-06-02', erwerbsfaehig: null, inBg: true, bgAktiv: true }, false],
    ['15 geworden', { geburtsdatum: '2011-06-01', erwerbsfaehig: null, inBg: true, bgAktiv: true }, true],
    ['erwerbsunfähig', { geburtsdatum: '1990-01-01', erwerbsfaehig: false, inBg: true, bgAktiv: true }, false],
    ['nur Haushalt', { geburtsdatum: '1990-01-01', erwerbsfaehig: null, inBg: false, bgAktiv: true }, false],
    ['BG geschlossen', { geburtsdatum: '1990-01-01', erwerbsfaehig: null, inBg: true, bgAktiv: false }, false],
    ['jenseits § 7a', { geburtsdatum: '1958-05-01', erwerbsfaehig: null, inBg: true, bgAktiv: true }, false],
    ['im Monat der Altersgrenze noch', { geburtsdatum: '1960-04-10', erwerbsfaehig: null, inBg: true, bgAktiv: true }, true],
  ])('%s', (_, person, erwartet) => {
    expect(istElb(person, '2026-06-01')).toBe(erwartet);
  });
});
