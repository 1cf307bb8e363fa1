import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monatPlus } from '../bewilligung/monat.ts';
import { FORDERN_AUSLEGUNG } from '../recht/fordern.ts';
import type { MinderungArt } from './typen.ts';
import { vorzeitigesEnde } from './vorzeitig.ts';

describe('vorzeitigesEnde (§ 31b Abs. 2 SGB II)', () => {
  it('Einstellung: Ende ab dem Monat der Erfüllung', () => {
    expect(FORDERN_AUSLEGUNG.vorzeitigesEndeAb).toBe('erfuellungsmonat');
  });

  it.each([
    // 30 %/3 Monate (2026), Sep–Nov 2026
    { name: 'Erfüllung im ersten Monat → frühestens nach einem Monat', m: { vonMonat: '2026-09', bisMonat: '2026-11', art: 'minderung' as MinderungArt, pflichtverletzungAm: '2026-07-10' }, am: '2026-09-10', ab: '2026-10' },
    { name: 'Erfüllung vor Beginn → frühestens nach einem Monat', m: { vonMonat: '2026-09', bisMonat: '2026-11', art: 'minderung' as MinderungArt, pflichtverletzungAm: '2026-07-10' }, am: '2026-08-20', ab: '2026-10' },
    { name: 'Erfüllung im zweiten Monat → ab diesem Monat', m: { vonMonat: '2026-09', bisMonat: '2026-11', art: 'minderung' as MinderungArt, pflichtverletzungAm: '2026-07-10' }, am: '2026-10-31', ab: '2026-10' },
    { name: 'Erfüllung im dritten Monat → ab dem dritten', m: { vonMonat: '2026-09', bisMonat: '2026-11', art: 'minderung' as MinderungArt, pflichtverletzungAm: '2026-07-10' }, am: '2026-11-02', ab: '2026-11' },
    { name: '2024 Stufe 2 (zwei Monate), Erfüllung im ersten Monat', m: { vonMonat: '2024-11', bisMonat: '2024-12', art: 'minderung' as MinderungArt, pflichtverletzungAm: '2024-09-02' }, am: '2024-11-05', ab: '2024-12' },
    { name: 'Nichterreichbarkeit: persönliche Meldung im ersten Monat beendet sofort', m: { vonMonat: '2026-11', bisMonat: '2027-01', art: 'nichterreichbarkeit' as MinderungArt, pflichtverletzungAm: '2026-09-14' }, am: '2026-11-03', ab: '2026-11' },
    { name: 'Arbeitsverweigerung 2024 (ohne Mindestdauer)', m: { vonMonat: '2024-07', bisMonat: '2024-08', art: 'wegfall_regelbedarf' as MinderungArt, pflichtverletzungAm: '2024-05-10' }, am: '2024-07-15', ab: '2024-07' },
    { name: 'Arbeitsverweigerung 2026 (mindestens ein Monat)', m: { vonMonat: '2026-09', bisMonat: '2026-10', art: 'wegfall_regelbedarf' as MinderungArt, pflichtverletzungAm: '2026-07-20' }, am: '2026-09-15', ab: '2026-10' },
  ])('$name', ({ m, am, ab }) => {
    expect(vorzeitigesEnde(m, am)).toEqual({ ok: true, beendetAbMonat: ab });
  });

  it('ein Monat Minderung kann nicht verkürzt werden', () => {
    const r = vorzeitigesEnde({ vonMonat: '2024-07', bisMonat: '2024-07', art: 'minderung', pflichtverletzungAm: '2024-05-10' }, '2024-07-02');
    expect(r).toEqual({ ok: false, meldung: expect.stringMatching(/Juli 2024/) });
  });

  it('ungültiges Datum → Meldung', () => {
    expect(vorzeitigesEnde({ vonMonat: '2024-07', bisMonat: '2024-09', art: 'minderung' }, '31.07.2024').ok).toBe(false);
  });

  it('Eigenschaft: ein vorzeitiges Ende verkürzt eine Minderung nie unter einen Monat und verlängert sie nie', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: -40, max: 140 }),
        fc.constantFrom<MinderungArt>('minderung', 'wegfall_regelbedarf'),
        (startIdx, monate, tageNachBeginn, art) => {
          const vonMonat = monatPlus('2021-02', startIdx);
          const bisMonat = monatPlus(vonMonat, monate - 1);
          const pv = `${monatPlus(vonMonat, -2)}-15`;
          if (art === 'wegfall_regelbedarf' && !((pv >= '2024-03-28' && pv <= '2026-03-27') || pv >= '2026-07-01')) return;
          const am = new Date(Date.parse(`${vonMonat}-01`) + tageNachBeginn * 86_400_000).toISOString().slice(0, 10);
          const r = vorzeitigesEnde({ vonMonat, bisMonat, art, pflichtverletzungAm: pv }, am);
          if (!r.ok) return;
          expect(r.beendetAbMonat <= bisMonat).toBe(true);
          const mindest = art === 'wegfall_regelbedarf' && pv < '2026-07-01' ? 0 : 1;
          expect(r.beendetAbMonat >= monatPlus(vonMonat, mindest)).toBe(true);
          expect(r.beendetAbMonat >= am.slice(0, 7)).toBe(true);
        },
      ),
      { numRuns: 500, seed: 21 },
    );
  });
});
