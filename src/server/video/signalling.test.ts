import { describe, expect, it } from 'vitest';
import {
  CHAT_MAX_ZEICHEN,
  beitreten,
  empfangen,
  gespraechAktiv,
  getrennt,
  leer,
  nachrichtLesen,
  neuerRaum,
  pruefeZeit,
  serverNachrichtSchema,
  type Raum,
  type Schritt,
} from './signalling.ts';

const t = (iso: string) => new Date(iso);
const imFenster = t('2026-07-15T07:00:00Z');
const konfig = {
  terminId: 'termin-1',
  sachbearbeitungId: 'u-anna',
  buergerId: 'u-erika',
  offenVon: t('2026-07-15T06:45:00Z'),
  offenBis: t('2026-07-15T08:00:00Z'),
};

const an = (s: Schritt, verbindung: string) => s.ausgaben.filter((a) => a.an === verbindung).map((a) => a.nachricht);

/** Caseworker on c-sb, citizen on c-b, citizen admitted. */
function imGespraech(): Raum {
  let raum = neuerRaum(konfig);
  raum = beitreten(raum, { userId: 'u-anna', verbindung: 'c-sb', terminId: 'termin-1' }, imFenster).raum;
  raum = beitreten(raum, { userId: 'u-erika', verbindung: 'c-b', terminId: 'termin-1' }, imFenster).raum;
  return empfangen(raum, 'c-sb', { typ: 'admit' }, imFenster).raum;
}

describe('protocol', () => {
  it('parses valid messages and rejects junk, unknown types and oversize chat', () => {
    expect(nachrichtLesen('{"typ":"join","terminId":"termin-1"}')).toEqual({ ok: true, nachricht: { typ: 'join', terminId: 'termin-1' } });
    expect(nachrichtLesen('{"typ":"ice","kandidat":{"candidate":"candidate:1 1 udp 1 192.0.2.1 5000 typ host","sdpMid":"0","sdpMLineIndex":0}}').ok).toBe(true);
    for (const roh of ['nicht json', '{"typ":"shell"}', '{"typ":"offer"}', JSON.stringify({ typ: 'chat', text: 'x'.repeat(CHAT_MAX_ZEICHEN + 1) }), 'x'.repeat(70_000)]) {
      expect(nachrichtLesen(roh)).toMatchObject({ ok: false, fehler: { typ: 'error', code: 'nachricht_ungueltig' } });
    }
  });
});

describe('room', () => {
  it('a stranger with the link is refused and disconnected; so is a wrong appointment id', () => {
    const raum = neuerRaum(konfig);
    const fremd = beitreten(raum, { userId: 'u-mallory', verbindung: 'c-x', terminId: 'termin-1' }, imFenster);
    expect(an(fremd, 'c-x')).toEqual([{ typ: 'error', code: 'nicht_berechtigt', message: 'Sie haben keinen Zugang zu diesem Video-Termin.' }]);
    expect(fremd.schliessen).toEqual(['c-x']);
    expect(fremd.raum).toBe(raum);
    expect(beitreten(raum, { userId: 'u-erika', verbindung: 'c-b', terminId: 'termin-2' }, imFenster).schliessen).toEqual(['c-b']);
  });

  it('only within the open window', () => {
    const raum = neuerRaum(konfig);
    expect(an(beitreten(raum, { userId: 'u-erika', verbindung: 'c-b', terminId: 'termin-1' }, t('2026-07-15T06:44:00Z')), 'c-b')[0]).toMatchObject({ code: 'raum_noch_nicht_offen' });
    expect(an(beitreten(raum, { userId: 'u-erika', verbindung: 'c-b', terminId: 'termin-1' }, t('2026-07-15T08:00:00Z')), 'c-b')[0]).toMatchObject({ code: 'raum_geschlossen' });
  });

  it('the citizen waits until the caseworker admits; only the caseworker may admit', () => {
    let raum = neuerRaum(konfig);
    let s = beitreten(raum, { userId: 'u-erika', verbindung: 'c-b', terminId: 'termin-1' }, imFenster);
    expect(an(s, 'c-b')).toEqual([{ typ: 'waiting', wartet: 'selbst' }]);
    raum = s.raum;
    s = beitreten(raum, { userId: 'u-anna', verbindung: 'c-sb', terminId: 'termin-1' }, imFenster);
    expect(an(s, 'c-sb')).toEqual([{ typ: 'waiting', wartet: 'buerger' }]);
    raum = s.raum;
    expect(gespraechAktiv(raum)).toBe(false);
    expect(an(empfangen(raum, 'c-b', { typ: 'admit' }, imFenster), 'c-b')[0]).toMatchObject({ code: 'nicht_erlaubt' });
    expect(an(empfangen(raum, 'c-b', { typ: 'chat', text: 'Hallo?' }, imFenster), 'c-b')[0]).toMatchObject({ code: 'keine_verbindung' });
    s = empfangen(raum, 'c-sb', { typ: 'admit' }, imFenster);
    expect(an(s, 'c-sb')).toEqual([{ typ: 'admit', anbieter: true }]);
    expect(an(s, 'c-b')).toEqual([{ typ: 'admit', anbieter: false }]);
    expect(gespraechAktiv(s.raum)).toBe(true);
  });

  it('admit without anybody waiting', () => {
    const raum = beitreten(neuerRaum(konfig), { userId: 'u-anna', verbindung: 'c-sb', terminId: 'termin-1' }, imFenster).raum;
    expect(an(empfangen(raum, 'c-sb', { typ: 'admit' }, imFenster), 'c-sb')[0]).toMatchObject({ code: 'niemand_wartet' });
  });

  it('relays offer, answer, ice and chat only between the two parties', () => {
    const raum = imGespraech();
    const offer = empfangen(raum, 'c-sb', { typ: 'offer', sdp: 'v=0...' }, imFenster);
    expect(offer.ausgaben).toEqual([{ an: 'c-b', nachricht: { typ: 'offer', sdp: 'v=0...' } }]);
    expect(empfangen(raum, 'c-b', { typ: 'answer', sdp: 'v=0 answer' }, imFenster).ausgaben).toEqual([{ an: 'c-sb', nachricht: { typ: 'answer', sdp: 'v=0 answer' } }]);
    expect(empfangen(raum, 'c-b', { typ: 'ice', kandidat: null }, imFenster).ausgaben).toEqual([{ an: 'c-sb', nachricht: { typ: 'ice', kandidat: null } }]);
    expect(an(empfangen(raum, 'c-b', { typ: 'offer', sdp: 'x' }, imFenster), 'c-b')[0]).toMatchObject({ code: 'nicht_erlaubt' });
    const chat = empfangen(raum, 'c-b', { typ: 'chat', text: '  Guten Morgen  ' }, imFenster);
    expect(an(chat, 'c-sb')).toEqual([{ typ: 'chat', von: 'buerger', text: 'Guten Morgen', zeit: '2026-07-15T07:00:00.000Z' }]);
    expect(an(chat, 'c-b')).toHaveLength(1);
    for (const a of [...offer.ausgaben, ...chat.ausgaben]) expect(serverNachrichtSchema.safeParse(a.nachricht).success).toBe(true);
    // a connection that never joined gets nothing relayed
    const fremd = empfangen(raum, 'c-x', { typ: 'chat', text: 'hallo' }, imFenster);
    expect(fremd.ausgaben).toEqual([{ an: 'c-x', nachricht: expect.objectContaining({ code: 'nicht_berechtigt' }) }]);
    expect(fremd.schliessen).toEqual(['c-x']);
  });

  it('a dropped citizen reconnects to the same room without a new admission', () => {
    let s = getrennt(imGespraech(), 'c-b');
    expect(an(s, 'c-sb')).toEqual([{ typ: 'peer-left', grund: 'getrennt' }]);
    expect(gespraechAktiv(s.raum)).toBe(false);
    s = beitreten(s.raum, { userId: 'u-erika', verbindung: 'c-b2', terminId: 'termin-1' }, t('2026-07-15T07:20:00Z'));
    expect(an(s, 'c-b2')).toEqual([{ typ: 'admit', anbieter: false }]);
    expect(an(s, 'c-sb')).toEqual([{ typ: 'admit', anbieter: true }]);
    expect(empfangen(s.raum, 'c-sb', { typ: 'offer', sdp: 'neu' }, imFenster).ausgaben[0]?.an).toBe('c-b2');
  });

  it('a dropped caseworker reconnects too; a second tab replaces the old connection', () => {
    let s = getrennt(imGespraech(), 'c-sb');
    expect(an(s, 'c-b')).toEqual([{ typ: 'peer-left', grund: 'getrennt' }]);
    s = beitreten(s.raum, { userId: 'u-anna', verbindung: 'c-sb2', terminId: 'termin-1' }, imFenster);
    expect(gespraechAktiv(s.raum)).toBe(true);
    s = beitreten(s.raum, { userId: 'u-erika', verbindung: 'c-b3', terminId: 'termin-1' }, imFenster);
    expect(an(s, 'c-b')).toEqual([expect.objectContaining({ code: 'ersetzt' })]);
    expect(s.schliessen).toEqual(['c-b']);
    expect(s.raum.buerger.verbindung).toBe('c-b3');
  });

  it('the citizen hanging up returns to the waiting room on rejoin; the caseworker hanging up ends the room', () => {
    let s = empfangen(imGespraech(), 'c-b', { typ: 'hangup' }, imFenster);
    expect(an(s, 'c-sb')).toEqual([{ typ: 'hangup', von: 'buerger' }]);
    s = beitreten(s.raum, { userId: 'u-erika', verbindung: 'c-b2', terminId: 'termin-1' }, imFenster);
    expect(an(s, 'c-b2')).toEqual([{ typ: 'waiting', wartet: 'selbst' }]);

    const ende = empfangen(imGespraech(), 'c-sb', { typ: 'hangup' }, imFenster);
    expect(an(ende, 'c-b')).toEqual([{ typ: 'hangup', von: 'sachbearbeitung' }]);
    expect(ende.schliessen.sort()).toEqual(['c-b', 'c-sb']);
    expect(leer(ende.raum)).toBe(true);
    expect(an(beitreten(ende.raum, { userId: 'u-erika', verbindung: 'c-b9', terminId: 'termin-1' }, imFenster), 'c-b9')[0]).toMatchObject({ code: 'raum_beendet' });
  });

  it('closes everybody when the window ends', () => {
    const raum = imGespraech();
    expect(pruefeZeit(raum, t('2026-07-15T07:59:59Z')).schliessen).toEqual([]);
    const s = pruefeZeit(raum, t('2026-07-15T08:00:00Z'));
    expect(s.schliessen.sort()).toEqual(['c-b', 'c-sb']);
    expect(s.ausgaben.every((a) => a.nachricht.typ === 'error')).toBe(true);
    expect(empfangen(raum, 'c-b', { typ: 'chat', text: 'noch da?' }, t('2026-07-15T08:01:00Z')).schliessen.sort()).toEqual(['c-b', 'c-sb']);
  });

  it('the two parties must be different accounts', () => {
    expect(() => neuerRaum({ ...konfig, buergerId: 'u-anna' })).toThrow(RangeError);
  });
});
