import { describe, expect, it } from 'vitest';
import { checkinInhalt, checkinQrSvg, checkinToken, pruefeCheckinToken } from './checkin.ts';

const geheimnis = 'ein-test-geheimnis-mit-mindestens-32-bytes!';
const ablauf = new Date('2026-07-15T07:15:00Z');
const vorher = new Date('2026-07-15T06:40:00Z');

describe('check-in token', () => {
  it('round trip', () => {
    const token = checkinToken('termin-42', ablauf, geheimnis);
    expect(pruefeCheckinToken(token, geheimnis, vorher)).toEqual({ ok: true, terminId: 'termin-42', ablauf });
  });

  it('refuses expired, tampered, foreign-key and malformed tokens', () => {
    const token = checkinToken('termin-42', ablauf, geheimnis);
    expect(pruefeCheckinToken(token, geheimnis, ablauf)).toMatchObject({ ok: false, code: 'token_abgelaufen' });
    const [v, , zeit, sig] = token.split('.');
    const fremd = `${v}.${Buffer.from('termin-43').toString('base64url')}.${zeit}.${sig}`;
    expect(pruefeCheckinToken(fremd, geheimnis, vorher)).toMatchObject({ ok: false, code: 'token_ungueltig' });
    const laenger = `${v}.${token.split('.')[1]}.${Number(zeit) + 3600}.${sig}`;
    expect(pruefeCheckinToken(laenger, geheimnis, vorher)).toMatchObject({ ok: false, code: 'token_ungueltig' });
    expect(pruefeCheckinToken(token, 'ein-anderes-geheimnis-mit-mindestens-32-bytes', vorher)).toMatchObject({ ok: false, code: 'token_ungueltig' });
    for (const kaputt of ['', 'v1', 'v2.a.1.b', `${token}.x`, token.slice(0, -1)]) {
      expect(pruefeCheckinToken(kaputt, geheimnis, vorher).ok).toBe(false);
    }
  });

  it('refuses a short secret', () => {
    expect(() => checkinToken('t', ablauf, 'kurz')).toThrow(RangeError);
  });

  it('QR code SVG of the check-in link', async () => {
    const inhalt = checkinInhalt('https://musterland.vorort.example/', checkinToken('termin-42', ablauf, geheimnis));
    expect(inhalt.startsWith('https://musterland.vorort.example/checkin/v1.')).toBe(true);
    const svg = await checkinQrSvg(inhalt);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<path');
  });
});
