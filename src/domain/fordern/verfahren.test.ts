import { describe, expect, it } from 'vitest';
import { tatbestandZuAnlass, tatbestandZulaessig, TATBESTAND_INFO } from './tatbestaende.ts';
import { ANLASS_ARTEN, TATBESTAENDE, VERFAHREN_STATUS, type Tatbestand, type VerfahrenStatus } from './typen.ts';
import { entscheidungMoeglich, erlaubteAktionen, freigabeNoetig, pruefeAktion, statusNach, STATUS_TEXT, type VerfahrenAktion } from './verfahren.ts';

describe('Zustandsautomat Minderungsverfahren', () => {
  it('jeder Status hat einen Text; Endzustände erlauben nichts', () => {
    for (const s of VERFAHREN_STATUS) expect(STATUS_TEXT[s].length).toBeGreaterThan(3);
    expect(erlaubteAktionen('eingestellt')).toEqual([]);
    expect(erlaubteAktionen('aufgehoben')).toEqual([]);
  });

  it.each<[VerfahrenStatus, VerfahrenAktion, boolean]>([
    ['erfasst', 'anhoerung_versenden', true],
    ['erfasst', 'entscheiden', false],
    ['erfasst', 'einstellen', true],
    ['anhoerung', 'antwort_erfassen', true],
    ['anhoerung', 'entscheiden', true],
    ['entscheidung', 'entscheiden', true],
    ['entscheidung', 'freigeben', false],
    ['freigabe_erforderlich', 'freigeben', true],
    ['freigabe_erforderlich', 'einstellen', false],
    ['festgestellt', 'vorzeitig_beenden', true],
    ['festgestellt', 'aufheben', true],
    ['festgestellt', 'entscheiden', false],
    ['eingestellt', 'aufheben', false],
    ['aufgehoben', 'vorzeitig_beenden', false],
  ])('%s + %s → %s', (status, aktion, ok) => {
    const r = pruefeAktion(status, aktion);
    expect({ ok: r.ok, meldungPasst: r.ok || /nicht möglich/.test(r.meldung) }).toEqual({ ok, meldungPasst: true });
  });

  it('Folgezustände', () => {
    expect(statusNach('anhoerung_versenden', { status: 'erfasst' })).toBe('anhoerung');
    expect(statusNach('antwort_erfassen', { status: 'anhoerung' })).toBe('entscheidung');
    expect(statusNach('entscheiden', { status: 'entscheidung', keineMinderung: true })).toBe('eingestellt');
    expect(statusNach('entscheiden', { status: 'entscheidung', freigabeNoetig: true })).toBe('freigabe_erforderlich');
    expect(statusNach('entscheiden', { status: 'entscheidung' })).toBe('festgestellt');
    expect(statusNach('freigeben', { status: 'freigabe_erforderlich' })).toBe('festgestellt');
    expect(statusNach('aufheben', { status: 'festgestellt' })).toBe('aufgehoben');
    expect(statusNach('vorzeitig_beenden', { status: 'festgestellt' })).toBe('festgestellt');
    // every reachable status is a known one and every allowed action leads somewhere allowed
    for (const s of VERFAHREN_STATUS) for (const a of erlaubteAktionen(s)) expect(VERFAHREN_STATUS).toContain(statusNach(a, { status: s }));
  });

  it('Vier-Augen-Regel des Trägers', () => {
    expect(freigabeNoetig('nie', 'nichterreichbarkeit')).toBe(false);
    expect(freigabeNoetig('immer', 'minderung')).toBe(true);
    expect(freigabeNoetig('wegfall', 'minderung')).toBe(false);
    expect(freigabeNoetig('wegfall', 'wegfall_regelbedarf')).toBe(true);
    expect(freigabeNoetig('wegfall', 'nichterreichbarkeit')).toBe(true);
  });
});

describe('entscheidungMoeglich', () => {
  const basis = { status: 'anhoerung' as VerfahrenStatus, anhoerungFrist: '2026-09-04', antwortAm: null, fristEnde: '2027-01-14', anhoerungArt: 'schriftlich' as const };
  it('Anhörungsfrist läuft noch → anhoerung_offen', () => {
    expect(entscheidungMoeglich(basis, '2026-09-04')).toMatchObject({ ok: false, code: 'anhoerung_offen' });
  });
  it('Frist abgelaufen ohne Antwort → möglich', () => {
    expect(entscheidungMoeglich(basis, '2026-09-05')).toEqual({ ok: true });
  });
  it('Antwort eingegangen → sofort möglich', () => {
    expect(entscheidungMoeglich({ ...basis, antwortAm: '2026-08-30' }, '2026-08-31')).toEqual({ ok: true });
  });
  it('keine Anhörung → anhoerung_offen', () => {
    expect(entscheidungMoeglich({ ...basis, anhoerungArt: null, anhoerungFrist: null }, '2026-10-01')).toMatchObject({ ok: false, code: 'anhoerung_offen' });
  });
  it('Feststellungsfrist abgelaufen', () => {
    expect(entscheidungMoeglich({ ...basis, antwortAm: '2026-08-30' }, '2027-01-15')).toMatchObject({ ok: false, code: 'feststellungsfrist_abgelaufen' });
  });
  it('Bescheid würde nach der Frist bekannt gegeben (vierter Tag) → abgelaufen', () => {
    expect(entscheidungMoeglich({ ...basis, antwortAm: '2026-08-30' }, '2027-01-11')).toMatchObject({ ok: false, code: 'feststellungsfrist_abgelaufen' });
    expect(entscheidungMoeglich({ ...basis, antwortAm: '2026-08-30' }, '2027-01-10')).toEqual({ ok: true });
  });
  it('falscher Status', () => {
    expect(entscheidungMoeglich({ ...basis, status: 'festgestellt' }, '2026-10-01')).toMatchObject({ ok: false, code: 'verfahren_status' });
  });
});

describe('Tatbestände', () => {
  it('jeder Tatbestand hat Titel und Norm; Belehrung nötig außer § 31 Abs. 2', () => {
    for (const t of TATBESTAENDE) {
      expect(TATBESTAND_INFO[t].norm).toMatch(/§/);
      expect(TATBESTAND_INFO[t].belehrungNoetig).toBe(!t.startsWith('31_2'));
    }
    expect(TATBESTAND_INFO['32'].meldeversaeumnis).toBe(true);
  });

  it('Anlass → Tatbestand', () => {
    expect(ANLASS_ARTEN.map((a) => tatbestandZuAnlass(a))).toEqual(['32', '31_1_1', '31_1_3', '31_1_3', '31_1_2', null]);
  });

  it.each<[Tatbestand, string, boolean]>([
    ['31_1_1', '2020-12-31', false],
    ['31_1_1', '2021-01-01', true],
    ['31_1_1', '2022-06-30', true],
    ['31_1_1', '2022-07-01', false],
    ['31_2_3', '2022-12-31', false],
    ['31_1_1', '2023-01-01', true],
    ['32', '2022-08-01', true],
    ['31a_7', '2024-03-27', false],
    ['31a_7', '2024-03-28', true],
    ['31a_7', '2026-03-27', true],
    ['31a_7', '2026-03-28', false],
    ['31a_7', '2026-06-30', false],
    ['31a_7', '2026-07-01', true],
  ])('%s am %s zulässig: %s', (t, tag, ok) => {
    const r = tatbestandZulaessig(t, tag);
    expect({ ok: r.ok, meldungPasst: r.ok || (r.meldung.length > 20 && /§/.test(r.norm)) }).toEqual({ ok, meldungPasst: true });
  });
});
