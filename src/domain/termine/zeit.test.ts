import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetMinuten, wandzeit } from './zeit.ts';

// An independent reading with a fresh Intl formatter (zeit.ts caches offsets per UTC hour).
const referenz = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const lesen = (ms: number) => {
  const p = Object.fromEntries(referenz.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { datum: `${p.year}-${p.month}-${p.day}`, uhrzeit: `${p.hour}:${p.minute}` };
};

describe('zeit: cached offsets agree with Intl', () => {
  it('any instant 1980–2100 (including the DST switches) reads the same wall-clock time', () => {
    const instant = fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(instant, (ms) => {
        const w = wandzeit(ms);
        expect({ datum: w.datum, uhrzeit: w.uhrzeit }).toEqual(lesen(ms));
      }),
      { numRuns: 2000 },
    );
  });

  it('around the switches of 2026 minute by minute (last Sunday of March and October, 01:00 UTC)', () => {
    for (const wechsel of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let ms = wechsel - 90 * 60_000; ms <= wechsel + 90 * 60_000; ms += 60_000) {
        expect({ datum: wandzeit(ms).datum, uhrzeit: wandzeit(ms).uhrzeit }).toEqual(lesen(ms));
      }
    }
    expect(offsetMinuten(Date.UTC(2026, 2, 29, 1) - 1)).toBe(60);
    expect(offsetMinuten(Date.UTC(2026, 2, 29, 1))).toBe(120);
    expect(offsetMinuten(Date.UTC(2026, 9, 25, 1) - 1)).toBe(120);
    expect(offsetMinuten(Date.UTC(2026, 9, 25, 1))).toBe(60);
  });
});
