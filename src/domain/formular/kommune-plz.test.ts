import { describe, expect, it } from 'vitest';
import { kommunenZurPlz, parsePostleitzahlen } from './kommune-plz.ts';

const kommunen = [
  { id: 'a', name: 'Musterstadt', postleitzahlen: ['12345', '12346'] },
  { id: 'b', name: 'Neudorf', postleitzahlen: ['12346', '12399'] },
  { id: 'c', name: 'Ohne PLZ', postleitzahlen: [] },
];

describe('kommunenZurPlz', () => {
  it('is unique only when exactly one Kommune lists the PLZ', () => {
    expect(kommunenZurPlz('12345', kommunen).eindeutig?.id).toBe('a');
    expect(kommunenZurPlz(' 12399 ', kommunen).eindeutig?.id).toBe('b');
    const zwei = kommunenZurPlz('12346', kommunen);
    expect(zwei.eindeutig).toBeNull();
    expect(zwei.kandidaten.map((k) => k.id)).toEqual(['a', 'b']);
    expect(kommunenZurPlz('99999', kommunen)).toEqual({ eindeutig: null, kandidaten: [] });
    expect(kommunenZurPlz(undefined, kommunen)).toEqual({ eindeutig: null, kandidaten: [] });
  });
  it('parses a typed list of PLZ', () => {
    expect(parsePostleitzahlen('12347, 12345;12345\n12346')).toEqual(['12345', '12346', '12347']);
    expect(parsePostleitzahlen('')).toEqual([]);
    expect(parsePostleitzahlen('1234')).toBeNull();
  });
});
