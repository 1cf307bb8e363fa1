import { describe, expect, it } from 'vitest';
import { freieSlots } from './verfuegbarkeit.ts';
import { ERSTGESPRAECH, REGELN_TEST, verfuegbarkeit } from './testdaten.ts';
import {
  LEERE_WARTELISTE,
  WartelisteFehler,
  ablehnen,
  anbieten,
  annehmen,
  angebotPruefen,
  austragen,
  eintragen,
  gehalteneSlots,
  position,
  reaktivieren,
  verfallenLassen,
  weitergeben,
  type AngebotenerSlot,
  type Warteliste,
  type Wunsch,
} from './warteliste.ts';

const t = (iso: string) => new Date(iso);
const jetzt = t('2026-01-10T09:00:00Z');

// Tuesday 13.1.2026 09:00–09:30 Berlin, on site or video, Anna at Mitte
const slot: AngebotenerSlot = {
  schluessel: 'u-anna|2026-01-13T08:00:00.000Z',
  anliegenId: 'erstgespraech',
  ressourceId: 'u-anna',
  standortId: 'st-mitte',
  beginn: t('2026-01-13T08:00:00Z'),
  ende: t('2026-01-13T08:30:00Z'),
  pufferMinuten: 0,
  kanaele: ['vor_ort', 'video'],
};

const jeder: Wunsch = { anliegenId: 'erstgespraech', kanaele: ['vor_ort', 'telefon', 'video'], standortIds: [], wochentage: [] };

function liste(...eintraege: [string, string, Wunsch][]): Warteliste {
  let w = LEERE_WARTELISTE;
  for (const [id, zeit, wunsch] of eintraege) w = eintragen(w, { id, personId: `p-${id}`, eingetragenAm: t(zeit), wunsch });
  return w;
}

const fehlerCode = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof WartelisteFehler) return e.code;
    throw e;
  }
  return 'kein_fehler';
};

describe('order of offers', () => {
  it('first come, first served among entries whose wishes fit', () => {
    const w = liste(
      ['c', '2026-01-03T10:00:00Z', jeder],
      ['a', '2026-01-01T10:00:00Z', { ...jeder, wochentage: [1] }], // Mondays only
      ['b', '2026-01-02T10:00:00Z', { ...jeder, kanaele: ['telefon'] }], // phone only
      ['d', '2026-01-02T11:00:00Z', { ...jeder, anliegenId: 'leistungsfragen' }],
    );
    const r = anbieten(w, slot, { angebotId: 'o1', token: 'tok-1', jetzt, gueltigMinuten: 720 });
    expect(r.eintrag?.id).toBe('c');
    expect(r.angebot?.gueltigBis.toISOString()).toBe('2026-01-10T21:00:00.000Z');
    expect(r.angebot?.tokenHash).not.toContain('tok-1');
  });

  it('a Standort wish only binds on-site appointments; a time-of-day wish in local time', () => {
    const anderswo = { ...jeder, standortIds: ['st-nord'] };
    expect(anbieten(liste(['a', '2026-01-01T00:00:00Z', anderswo]), slot, { angebotId: 'o', token: 'x', jetzt, gueltigMinuten: 60 }).eintrag?.id).toBe('a'); // video fits
    const nurVorOrt = { ...anderswo, kanaele: ['vor_ort' as const] };
    expect(anbieten(liste(['a', '2026-01-01T00:00:00Z', nurVorOrt]), slot, { angebotId: 'o', token: 'x', jetzt, gueltigMinuten: 60 }).angebot).toBeUndefined();
    const nachmittags = { ...jeder, tageszeit: { von: '13:00', bis: '18:00' } };
    const vormittags = { ...jeder, tageszeit: { von: '09:00', bis: '09:30' } };
    expect(anbieten(liste(['a', '2026-01-01T00:00:00Z', nachmittags]), slot, { angebotId: 'o', token: 'x', jetzt, gueltigMinuten: 60 }).angebot).toBeUndefined();
    expect(anbieten(liste(['a', '2026-01-01T00:00:00Z', vormittags]), slot, { angebotId: 'o', token: 'x', jetzt, gueltigMinuten: 60 }).eintrag?.id).toBe('a');
  });

  it('one person at a time per slot, one open offer per person; the offer ends at the latest at the start', () => {
    const w = liste(['a', '2026-01-01T00:00:00Z', jeder], ['b', '2026-01-02T00:00:00Z', jeder]);
    const r = anbieten(w, slot, { angebotId: 'o1', token: 't1', jetzt, gueltigMinuten: 60 * 24 * 10 });
    expect(r.angebot?.gueltigBis.toISOString()).toBe(slot.beginn.toISOString());
    expect(fehlerCode(() => anbieten(r.liste, slot, { angebotId: 'o2', token: 't2', jetzt, gueltigMinuten: 60 }))).toBe('slot_bereits_angeboten');
    const zweiterSlot = { ...slot, schluessel: 'u-anna|x', beginn: t('2026-01-13T09:00:00Z'), ende: t('2026-01-13T09:30:00Z') };
    expect(anbieten(r.liste, zweiterSlot, { angebotId: 'o2', token: 't2', jetzt, gueltigMinuten: 60 }).eintrag?.id).toBe('b');
  });

  it('one active entry per person and Anliegen; position counts earlier waiting entries', () => {
    const w = liste(['a', '2026-01-01T00:00:00Z', jeder], ['b', '2026-01-02T00:00:00Z', jeder]);
    expect(fehlerCode(() => eintragen(w, { id: 'a2', personId: 'p-a', eingetragenAm: jetzt, wunsch: jeder }))).toBe('bereits_eingetragen');
    expect(position(w, 'b')).toBe(2);
  });
});

function start(): Warteliste {
  const w = liste(['a', '2026-01-01T00:00:00Z', jeder], ['b', '2026-01-02T00:00:00Z', jeder], ['c', '2026-01-03T00:00:00Z', jeder]);
  return anbieten(w, slot, { angebotId: 'o1', token: 'token-a', jetzt, gueltigMinuten: 60 }).liste;
}

describe('answers and expiry', () => {

  it('accepting serves the entry; the link cannot be used twice; a wrong token is unknown', () => {
    const r = annehmen(start(), 'token-a', t('2026-01-10T09:30:00Z'));
    expect(r.angebot.status).toBe('angenommen');
    expect(r.liste.eintraege.find((e) => e.id === 'a')?.status).toBe('versorgt');
    expect(fehlerCode(() => annehmen(r.liste, 'token-a', t('2026-01-10T09:31:00Z')))).toBe('angebot_beantwortet');
    expect(fehlerCode(() => annehmen(r.liste, 'falsch', t('2026-01-10T09:31:00Z')))).toBe('angebot_unbekannt');
  });

  it('an expired link is refused even before the expiry job ran', () => {
    expect(fehlerCode(() => annehmen(start(), 'token-a', t('2026-01-10T10:00:00Z')))).toBe('angebot_verfallen');
    expect(fehlerCode(() => angebotPruefen(start(), 'token-a', t('2026-01-10T10:00:00Z')))).toBe('angebot_verfallen');
  });

  it('declining passes the slot to the next person, never back to the one who declined', () => {
    const r = ablehnen(start(), 'token-a', t('2026-01-10T09:10:00Z'));
    const weiter = weitergeben(r.liste, [r.freigegeben], { jetzt: t('2026-01-10T09:10:00Z'), gueltigMinuten: 60, neueId: () => 'o2', neuesToken: () => 'token-b' });
    expect(weiter.neu.map((n) => weiter.liste.eintraege.find((e) => e.id === n.angebot.eintragId)?.id)).toEqual(['b']);
    expect(weiter.liste.eintraege.find((e) => e.id === 'a')?.status).toBe('wartend');
  });

  it('expiry passes the slot on; after three expiries in a row an entry is paused and can be reactivated', () => {
    const r = verfallenLassen(start(), t('2026-01-10T10:00:00Z'));
    expect(r.freigegeben).toHaveLength(1);
    expect(r.liste.angebote[0]?.status).toBe('verfallen');
    const weiter = weitergeben(r.liste, r.freigegeben, { jetzt: t('2026-01-10T10:00:00Z'), gueltigMinuten: 60, neueId: () => 'o2', neuesToken: () => 'token-b' });
    expect(weiter.neu[0]?.angebot.eintragId).toBe('b');

    let w = liste(['a', '2026-01-01T00:00:00Z', jeder]);
    for (let i = 0; i < 3; i++) {
      const s = { ...slot, schluessel: `s${i}`, beginn: t(`2026-01-2${i}T08:00:00Z`), ende: t(`2026-01-2${i}T08:30:00Z`) };
      w = anbieten(w, s, { angebotId: `o${i}`, token: `t${i}`, jetzt, gueltigMinuten: 60 }).liste;
      w = verfallenLassen(w, t('2026-01-10T10:00:00Z')).liste;
    }
    expect(w.eintraege[0]?.status).toBe('pausiert');
    expect(reaktivieren(w, 'a').eintraege[0]?.status).toBe('wartend');
  });

  it('withdrawing releases an open offer', () => {
    const r = austragen(start(), 'a', jetzt);
    expect(r.freigegeben).toHaveLength(1);
    expect(r.liste.angebote[0]?.status).toBe('zurueckgezogen');
  });

  it('an open offer holds its slot against normal booking', () => {
    const w = start();
    const v = verfuegbarkeit({ belegungen: gehalteneSlots(w, jetzt) });
    const slots = freieSlots(v, { anliegenId: ERSTGESPRAECH.id, von: '2026-01-13', bis: '2026-01-13', jetzt, regeln: REGELN_TEST });
    expect(slots.map((s) => s.uhrzeit)).not.toContain('09:00');
    expect(slots.map((s) => s.uhrzeit)).toContain('09:30');
    expect(gehalteneSlots(w, t('2026-01-10T10:00:00Z'))).toEqual([]);
  });
});
