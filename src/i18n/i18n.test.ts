import { describe, expect, it } from 'vitest';
import { de } from './de.ts';
import { dictionaries, LANGUAGES, RTL_LANGUAGES } from './index.ts';

const platzhalter = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).toSorted();

describe('citizen dictionaries', () => {
  it.each(Object.keys(LANGUAGES))('%s has every key of the German (binding) dictionary, none empty', (lang) => {
    const d = dictionaries[lang as keyof typeof dictionaries] as Record<string, string | undefined>;
    const fehlt = Object.keys(de).filter((k) => !d[k]?.trim());
    expect(fehlt).toEqual([]);
  });

  it('keeps the placeholders of every text', () => {
    for (const [lang, d] of Object.entries(dictionaries)) {
      for (const [k, v] of Object.entries(de)) {
        expect(platzhalter((d as Record<string, string>)[k] ?? v), `${lang} ${k}`).toEqual(platzhalter(v));
      }
    }
  });

  it('Arabic is written right to left', () => {
    expect(RTL_LANGUAGES.has('ar')).toBe(true);
    expect(RTL_LANGUAGES.has('de')).toBe(false);
  });
});
