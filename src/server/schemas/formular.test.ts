import { describe, expect, it } from 'vitest';
import { euroCent, euroCentOderNull, euroTextInCent, ganzzahl, haekchen, version } from './formular.ts';

describe('form and API input through one schema', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,5', 123450],
    ['1234.56', 123456],
    ['12 €', 1200],
    ['0,01', 1],
    ['', null],
    ['12,345', undefined],
    ['-5', undefined],
    ['abc', undefined],
  ])('euro text %j → %j cents', (text, cent) => {
    expect(euroTextInCent(text)).toBe(cent);
  });

  it('accepts cents from the API and euro text from a form, with the same message for both', () => {
    const s = euroCent();
    expect(s.parse(12345)).toBe(12345);
    expect(s.parse('123,45')).toBe(12345);
    const ausApi = s.safeParse(12.5);
    const ausFormular = s.safeParse('12,345');
    expect(ausApi.success).toBe(false);
    expect(ausFormular.success).toBe(false);
    expect(ausApi.error!.issues[0]!.message).toBe(ausFormular.error!.issues[0]!.message);
    expect(s.safeParse('').success).toBe(false);
    expect(euroCentOderNull().parse('')).toBeNull();
    expect(euroCentOderNull().parse('5')).toBe(500);
  });

  it('reads checkboxes, whole numbers and versions', () => {
    expect(haekchen().parse('1')).toBe(true);
    expect(haekchen().parse(undefined)).toBe(false);
    expect(haekchen().parse(true)).toBe(true);
    expect(haekchen().safeParse('ja').success).toBe(false);
    expect(ganzzahl('x', 1, 10).parse(' 7 ')).toBe(7);
    expect(ganzzahl('x', 1, 10).safeParse('11').success).toBe(false);
    expect(version().parse('3')).toBe(3);
    expect(version().safeParse('drei').success).toBe(false);
  });
});
