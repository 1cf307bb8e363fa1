import { describe, expect, it } from 'vitest';
import { SPRACHEN, text, woerterbuecher } from './index.ts';

const platzhalter = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).toSorted();

describe('form texts in every language', () => {
  it.each(SPRACHEN)('%s has every German key, none empty, with the same placeholders', (sprache) => {
    const d = woerterbuecher[sprache];
    const fehlt = Object.keys(woerterbuecher.de).filter((k) => !d[k]?.trim());
    expect(fehlt).toEqual([]);
    for (const [k, v] of Object.entries(woerterbuecher.de)) expect(platzhalter(d[k] ?? ''), `${sprache} ${k}`).toEqual(platzhalter(v));
  });

  it('falls back to German for an unknown language entry and fills placeholders', () => {
    expect(text('portal.schritt_von', 'uk', { schritt: 2, gesamt: 20 })).toContain('2');
    expect(text('gibt.es.nicht', 'ar')).toBe('gibt.es.nicht');
  });
});
