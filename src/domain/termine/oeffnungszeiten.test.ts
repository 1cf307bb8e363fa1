import { describe, expect, it } from 'vitest';
import { oeffnungszeitenAusText } from './oeffnungszeiten.ts';
import { ANNA, ERSTGESPRAECH, PLAN_ANNA, STANDORT_MITTE, verfuegbarkeit } from './testdaten.ts';
import { freieSlots, freieZeiten, pruefeBuchung, verschiebeZiele, type Standort } from './verfuegbarkeit.ts';

const REGELN = { vorlaufMinuten: 0, horizontTage: 1000 };
const jetzt = new Date('2026-01-01T00:00:00Z');

describe('oeffnungszeitenAusText: the admin\'s text of a Standort', () => {
  it('reads lists, ranges and several lines; skips lines without hours', () => {
    expect(oeffnungszeitenAusText('Mo, Di, Do, Fr 8:00–12:00\nDo 14:00–17:30\nTermine auch außerhalb der Öffnungszeiten nach Vereinbarung')).toEqual([
      { wochentag: 1, von: '08:00', bis: '12:00' },
      { wochentag: 2, von: '08:00', bis: '12:00' },
      { wochentag: 4, von: '08:00', bis: '12:00' },
      { wochentag: 5, von: '08:00', bis: '12:00' },
      { wochentag: 4, von: '14:00', bis: '17:30' },
    ]);
    expect(oeffnungszeitenAusText('Mo–Fr 7:30–12:30')).toHaveLength(5);
    expect(oeffnungszeitenAusText('Montag bis Mittwoch 8 - 12 Uhr und 13-15 Uhr')).toEqual([
      { wochentag: 1, von: '08:00', bis: '12:00' },
      { wochentag: 1, von: '13:00', bis: '15:00' },
      { wochentag: 2, von: '08:00', bis: '12:00' },
      { wochentag: 2, von: '13:00', bis: '15:00' },
      { wochentag: 3, von: '08:00', bis: '12:00' },
      { wochentag: 3, von: '13:00', bis: '15:00' },
    ]);
  });

  it('an unreadable text is "unknown" (empty), never a guess', () => {
    expect(oeffnungszeitenAusText('')).toEqual([]);
    expect(oeffnungszeitenAusText('nach Vereinbarung')).toEqual([]);
    expect(oeffnungszeitenAusText('Mo 12:00–8:00')).toEqual([]);
    expect(oeffnungszeitenAusText('Werktags 8–12')).toEqual([]);
  });
});

describe('on-site appointments only while the Standort is open', () => {
  // the desk (PLAN_ANNA) has Sprechzeiten Mon–Fri 09:00–12:00, the house is closed on Wednesday
  const standort: Standort = { ...STANDORT_MITTE, oeffnungszeiten: oeffnungszeitenAusText('Mo, Di, Do, Fr 9:00–12:00') };
  const v = verfuegbarkeit({ standorte: [standort] });
  const slots = (datum: string, kanal?: 'vor_ort' | 'telefon') =>
    freieSlots(v, { anliegenId: ERSTGESPRAECH.id, von: datum, bis: datum, jetzt, regeln: REGELN, ...(kanal ? { kanal } : {}) });

  it('Wednesday 2026-01-14: the desk takes calls and video, nobody is offered a visit', () => {
    expect(slots('2026-01-14', 'vor_ort')).toEqual([]);
    const telefon = slots('2026-01-14', 'telefon');
    expect(telefon.length).toBeGreaterThan(0);
    expect(telefon.every((s) => !s.kanaele.includes('vor_ort'))).toBe(true);
    const mittwoch = new Date('2026-01-14T09:00:00+01:00');
    const p = pruefeBuchung(v, { anliegenId: ERSTGESPRAECH.id, kanal: 'vor_ort', beginn: mittwoch }, jetzt, REGELN);
    expect(p.ok).toBe(false);
    expect(pruefeBuchung(v, { anliegenId: ERSTGESPRAECH.id, kanal: 'telefon', beginn: mittwoch }, jetzt, REGELN).ok).toBe(true);
  });

  it('Tuesday 2026-01-13: on site inside the opening hours; a slot must end before the house closes', () => {
    const kurz: Standort = { ...STANDORT_MITTE, oeffnungszeiten: oeffnungszeitenAusText('Di 9:00–11:15') };
    const vor = freieSlots(verfuegbarkeit({ standorte: [kurz] }), { anliegenId: ERSTGESPRAECH.id, kanal: 'vor_ort', von: '2026-01-13', bis: '2026-01-13', jetzt, regeln: REGELN });
    expect(vor.map((s) => s.uhrzeit)).toEqual(['09:00', '09:30', '10:00', '10:30']);
  });

  it('explicit extra hours of the desk are on site even on a closed day; unknown hours restrict nothing', () => {
    const extra = verfuegbarkeit({
      standorte: [standort],
      plaene: [{ ...PLAN_ANNA, ausnahmen: [{ art: 'zusaetzlich', datum: '2026-01-14', von: '09:00', bis: '10:00' }] }],
    });
    const mi = freieSlots(extra, { anliegenId: ERSTGESPRAECH.id, kanal: 'vor_ort', von: '2026-01-14', bis: '2026-01-14', jetzt, regeln: REGELN });
    expect(mi.map((s) => s.uhrzeit)).toEqual(['09:00', '09:30']);
    const unbekannt = verfuegbarkeit({ standorte: [{ ...STANDORT_MITTE, oeffnungszeiten: [] }] });
    expect(freieSlots(unbekannt, { anliegenId: ERSTGESPRAECH.id, kanal: 'vor_ort', von: '2026-01-14', bis: '2026-01-14', jetzt, regeln: REGELN })).toHaveLength(6);
  });
});

describe('verschiebeZiele: the booked time is never a move target', () => {
  it('another free desk at the same start is left out', () => {
    const zweiter = { ...PLAN_ANNA, ressourceId: 'u-zweite' };
    const v = verfuegbarkeit({ ressourcen: [ANNA, { ...ANNA, id: 'u-zweite', name: 'Zweite' }], plaene: [PLAN_ANNA, zweiter] });
    const gebucht = new Date('2026-01-13T09:00:00+01:00');
    // Anna holds the appointment at 09:00; the second desk is free then, so the time is still "free"
    const belegt = { ...v, belegungen: [{ ressourceId: ANNA.id, beginn: gebucht, ende: new Date(gebucht.getTime() + 30 * 60_000) }] };
    const zeiten = freieZeiten(freieSlots(belegt, { anliegenId: ERSTGESPRAECH.id, von: '2026-01-13', bis: '2026-01-13', jetzt, regeln: REGELN }));
    expect(zeiten.some((z) => z.beginn.getTime() === gebucht.getTime())).toBe(true);
    const ziele = verschiebeZiele(zeiten, { beginn: gebucht });
    expect(ziele.some((z) => z.beginn.getTime() === gebucht.getTime())).toBe(false);
    expect(ziele).toHaveLength(zeiten.length - 1);
  });
});
