import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from '../../config/config.ts';
import { iceServerFuer, turnPasswort, turnZugangsdaten } from './turn.ts';

// Expected value computed once, independently of this code, with:
//   echo -n '1790000000:a1b2c3d4e5f6a7b8' | openssl dgst -sha1 -hmac 'nur-ein-testgeheimnis-kein-echtes' -binary | base64
const GEHEIMNIS = 'nur-ein-testgeheimnis-kein-echtes';
const ERWARTET = '6JvTSwhkoqfXDZJ3LuHQp9izGIg=';

describe('TURN-Zugangsdaten (coturn use-auth-secret)', () => {
  it('Passwort = base64(HMAC-SHA1(Geheimnis, Benutzername)) wie mit openssl berechnet', () => {
    expect(turnPasswort(GEHEIMNIS, '1790000000:a1b2c3d4e5f6a7b8')).toBe(ERWARTET);
    expect(turnZugangsdaten({ urls: ['turn:turn.example.org:3478'], secret: GEHEIMNIS, ablaufUnix: 1_790_000_000, kennung: 'a1b2c3d4e5f6a7b8' })).toEqual({
      urls: ['turn:turn.example.org:3478'],
      username: '1790000000:a1b2c3d4e5f6a7b8',
      credential: ERWARTET,
    });
    expect(turnPasswort('anderes-geheimnis-xxxxxxxx', '1790000000:a1b2c3d4e5f6a7b8')).not.toBe(ERWARTET);
  });

  const turn = { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349?transport=tcp'], secret: GEHEIMNIS, ttlSekunden: 3600 };
  const stun = [{ urls: 'stun:turn.example.org:3478' }];
  const jetzt = new Date('2026-07-15T07:00:00Z');

  it('je Teilnahme eigene Daten: Ablauf nach TTL (mindestens bis der Raum schließt), undurchsichtige Kennung, kein Geheimnis', () => {
    const config = testConfig({ iceServers: stun, turn });
    const offenBis = new Date('2026-07-15T07:30:00Z');
    const a = iceServerFuer(config, { terminId: 't1', selbstId: 'buerger-1', offenBis }, jetzt);
    const b = iceServerFuer(config, { terminId: 't1', selbstId: 'sachbearbeitung-1', offenBis }, jetzt);
    expect(a[0]).toEqual(stun[0]);
    const [ablauf, kennung] = a[1]!.username!.split(':');
    expect(Number(ablauf)).toBe(jetzt.getTime() / 1000 + 3600);
    expect(kennung).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a[1]!.username).not.toContain('buerger-1');
    expect(a[1]!.credential).toBe(turnPasswort(GEHEIMNIS, a[1]!.username!));
    expect(JSON.stringify(a)).not.toContain(GEHEIMNIS);
    expect(b[1]!.username).not.toBe(a[1]!.username);
    expect(a[1]!.urls).toEqual(turn.urls);
    // a room open longer than the TTL: valid until it closes
    const spaet = new Date('2026-07-15T12:00:00Z');
    expect(iceServerFuer(config, { terminId: 't1', selbstId: 'buerger-1', offenBis: spaet }, jetzt)[1]!.username!.split(':')[0]).toBe(String(spaet.getTime() / 1000));
  });

  it('ohne TURN-Konfiguration nur die feste Liste', () => {
    expect(iceServerFuer(testConfig({ iceServers: stun }), { terminId: 't1', selbstId: 'x', offenBis: jetzt }, jetzt)).toEqual(stun);
  });

  it('Konfiguration: VORORT_TURN_URLS und VORORT_TURN_SECRET nur zusammen, nur turn:/turns:', () => {
    const basis = { NODE_ENV: 'test', VORORT_SECRET: 'x'.repeat(40) } as NodeJS.ProcessEnv;
    expect(loadConfig(basis).turn).toBeUndefined();
    expect(loadConfig({ ...basis, VORORT_TURN_URLS: 'turn:a.example:3478, turns:a.example:5349?transport=tcp', VORORT_TURN_SECRET: GEHEIMNIS }).turn).toEqual({
      urls: ['turn:a.example:3478', 'turns:a.example:5349?transport=tcp'],
      secret: GEHEIMNIS,
      ttlSekunden: 3600,
    });
    expect(() => loadConfig({ ...basis, VORORT_TURN_URLS: 'turn:a.example:3478' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...basis, VORORT_TURN_SECRET: GEHEIMNIS })).toThrow(ConfigError);
    expect(() => loadConfig({ ...basis, VORORT_TURN_URLS: 'https://a.example', VORORT_TURN_SECRET: GEHEIMNIS })).toThrow(/TURN-Adressen/);
    expect(() => loadConfig({ ...basis, VORORT_TURN_URLS: 'turn:a.example', VORORT_TURN_SECRET: 'kurz' })).toThrow(/mindestens 16 Zeichen/);
  });
});
