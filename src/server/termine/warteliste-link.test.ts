import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { pruefeAusnahme } from './standort-ausnahme-hinzufuegen.ts';
import { wartelisteToken, wartelisteTokenPruefen } from './warteliste-link.ts';

const ctx = (secret: string) => ({ config: { secret } }) as unknown as AppContext;
const id = '3f0c1d2e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

describe('Warteliste-Link', () => {
  it('erkennt nur die eigene Signatur der Eintrags-ID', () => {
    const a = ctx('a'.repeat(40));
    const token = wartelisteToken(a, id);
    expect(wartelisteTokenPruefen(a, token)).toBe(id);
    expect(wartelisteTokenPruefen(ctx('b'.repeat(40)), token)).toBeUndefined();
    expect(wartelisteTokenPruefen(a, `${id}.${'A'.repeat(43)}`)).toBeUndefined();
    expect(wartelisteTokenPruefen(a, token.replace(id, '3f0c1d2e-4b5a-4c6d-8e7f-9a0b1c2d3e40'))).toBeUndefined();
    expect(wartelisteTokenPruefen(a, `${token}.x`)).toBeUndefined();
    expect(wartelisteTokenPruefen(a, 'kein-token')).toBeUndefined();
  });
});

describe('Ausnahme eines Standorts prüfen', () => {
  it('ganzer Tag geschlossen ist gültig; Fehler hängen am Feld', () => {
    expect(pruefeAusnahme({ standortId: 's', art: 'geschlossen', datum: '2026-12-24' })).toEqual([]);
    expect(pruefeAusnahme({ standortId: 's', art: 'geschlossen', datum: '2026-12-24', von: '12:00', bis: '24:00' })).toEqual([]);
    expect(pruefeAusnahme({ standortId: 's', art: 'zusaetzlich', datum: '2026-12-24' }).map((i) => i.path)).toEqual(['von']);
    expect(pruefeAusnahme({ standortId: 's', art: 'geschlossen', datum: '24.12.2026' }).map((i) => i.path)).toEqual(['datum']);
    expect(pruefeAusnahme({ standortId: 's', art: 'geschlossen', datum: '2026-12-24', von: '10:00' }).map((i) => i.path)).toEqual(['bis']);
    expect(pruefeAusnahme({ standortId: 's', art: 'geschlossen', datum: '2026-12-24', von: '12:00', bis: '09:00' }).map((i) => i.path)).toEqual(['bis']);
    expect(pruefeAusnahme({ standortId: 's', art: 'offen', datum: '2026-12-24', von: '25:00', bis: '26:00' }).map((i) => i.path)).toEqual(['art', 'von', 'bis']);
  });
});
