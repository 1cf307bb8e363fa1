import { describe, expect, it } from 'vitest';
import { z } from 'zod';
// oxlint-disable-next-line import/no-unassigned-import -- German messages, as in the application
import '../../config/zod-de.ts';
import { alsDatenfehler } from '../errors.ts';
import { istSpeicherbar, kalenderdatum, kalendermonat, text, uhrzeit, unspeicherbareStelle, uuid, vonVorBis } from './grenzen.ts';

describe('boundary checks (issue 11)', () => {
  it('refuses NUL and lone surrogates, keeps every other text including emoji and RTL', () => {
    expect(istSpeicherbar('Grüße 😀 مرحبا \u202E')).toBe(true);
    expect(istSpeicherbar('a\u0000b')).toBe(false);
    expect(istSpeicherbar('x\ud800')).toBe(false);
    expect(istSpeicherbar('\udc00x')).toBe(false);
    expect(text(10).safeParse('a\u0000').success).toBe(false);
    expect(unspeicherbareStelle({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toBe('body.a.1.c');
    expect(unspeicherbareStelle({ ['k\u0000']: 1 }, 'query')).toBe('query');
    expect(unspeicherbareStelle({ a: 'fine', n: 3 }, 'body')).toBeNull();
  });

  it('accepts only calendar dates that exist', () => {
    for (const gut of ['2024-02-29', '2026-12-31', '0001-01-01']) expect(kalenderdatum().safeParse(gut).success, gut).toBe(true);
    for (const schlecht of ['2025-02-30', '2025-13-01', '0000-00-00', '2025-2-1', 'xxxx', '2025-02-28T00:00']) {
      expect(kalenderdatum().safeParse(schlecht).success, schlecht).toBe(false);
    }
    expect(kalendermonat().safeParse('2025-12').success).toBe(true);
    expect(kalendermonat().safeParse('2025-13').success).toBe(false);
  });

  it('times HH:MM with von before bis; ids as UUIDs', () => {
    expect(uhrzeit().safeParse('24:00').success).toBe(true);
    expect(uhrzeit().safeParse('25:61').success).toBe(false);
    const zeitraum = z.object({ von: uhrzeit(), bis: uhrzeit() }).superRefine(vonVorBis('uhrzeit'));
    expect(zeitraum.safeParse({ von: '09:00', bis: '10:00' }).success).toBe(true);
    const falsch = zeitraum.safeParse({ von: '10:00', bis: '09:00' });
    expect(falsch.success).toBe(false);
    expect(falsch.error?.issues[0]?.path).toEqual(['bis']);
    // a malformed time reports itself, the ordering check does not throw
    expect(zeitraum.safeParse({ von: 'xx', bis: '09:00' }).success).toBe(false);
    expect(uuid().safeParse('11111111-1111-1111-1111-111111111111').success).toBe(true);
    expect(uuid().safeParse('nicht-uuid').success).toBe(false);
  });

  it('no message shows a raw regular expression', () => {
    const r = z.string().regex(/^[0-9]{5}$/).safeParse('abc');
    expect(r.error?.issues[0]?.message).toBe('Die Angabe hat nicht das erwartete Format.');
    expect(uuid('Die Kommune').safeParse('x').error?.issues[0]?.message).toBe('Die Kommune ist keine gültige Kennung (UUID).');
  });
});

const pg = (code: string, message = 'x') => Object.assign(new Error(message), { code, severity: 'ERROR' });
const gewickelt = (cause: Error) => Object.assign(new Error('Failed query'), { cause });

describe('PostgreSQL data errors as the last line', () => {

  it('maps classes 22 and 23 to 400/409 with stable codes, also when wrapped by Drizzle', () => {
    expect(alsDatenfehler(gewickelt(pg('22P02')))).toMatchObject({ code: 'invalid_value', status: 400 });
    expect(alsDatenfehler(pg('22008'))).toMatchObject({ code: 'invalid_value', status: 400 });
    expect(alsDatenfehler(pg('23502'))).toMatchObject({ code: 'missing_value', status: 400 });
    expect(alsDatenfehler(pg('23503', 'insert or update on table "t" violates foreign key constraint "f"'))).toMatchObject({ code: 'unknown_reference', status: 400 });
    expect(alsDatenfehler(pg('23503', 'update or delete on table "t" violates foreign key constraint "f" on table "u"'))).toMatchObject({ code: 'still_referenced', status: 409 });
    expect(alsDatenfehler(pg('23505'))).toMatchObject({ code: 'already_exists', status: 409 });
    expect(alsDatenfehler(pg('23514'))).toMatchObject({ code: 'constraint_violated', status: 400 });
  });

  it('leaves other errors alone', () => {
    expect(alsDatenfehler(pg('57014'))).toBeNull();
    expect(alsDatenfehler(new RangeError('x'))).toBeNull();
    expect(alsDatenfehler(Object.assign(new Error('x'), { code: 'FST_ERR_BAD_URL' }))).toBeNull();
  });
});
