import { describe, expect, it } from 'vitest';
import { MELDE_BELEHRUNG, meldeBelehrungAm } from '../recht/meldeaufforderung.ts';
import { einladungstext, ergebnisErfassen, pruefeEinladung, type EinladungEingabe } from './einladung.ts';
import {
  STANDARD_REGELN,
  checkinStatus,
  darfAbsagen,
  darfVerschieben,
  erinnerungAm,
  videoraumFenster,
  videoraumStatus,
  type TerminZeit,
} from './regeln.ts';

const termin: TerminZeit = {
  beginn: new Date('2026-07-15T07:00:00Z'), // 09:00 in Berlin
  ende: new Date('2026-07-15T07:30:00Z'),
  kanal: 'video',
  status: 'gebucht',
  art: 'buchung',
};
const t = (iso: string) => new Date(iso);

describe('moving and cancelling', () => {
  it('allowed up to 24 h before the start, not after', () => {
    expect(darfVerschieben(termin, t('2026-07-14T07:00:00Z')).ok).toBe(true);
    const spaet = darfVerschieben(termin, t('2026-07-14T07:00:01Z'));
    expect(spaet).toMatchObject({ ok: false, code: 'frist_abgelaufen_verschieben' });
    expect(darfAbsagen(termin, t('2026-07-14T08:00:00Z'))).toMatchObject({ ok: false, code: 'frist_abgelaufen_absagen' });
    expect(darfAbsagen(termin, t('2026-07-10T08:00:00Z')).ok).toBe(true);
  });

  it('not for cancelled appointments or staff invitations', () => {
    expect(darfAbsagen({ ...termin, status: 'abgesagt' }, t('2026-07-01T00:00:00Z'))).toMatchObject({ code: 'termin_nicht_aktiv' });
    expect(darfVerschieben({ ...termin, art: 'einladung' }, t('2026-07-01T00:00:00Z'))).toMatchObject({ code: 'einladung_nicht_aenderbar' });
  });
});

describe('reminder, video room and check-in windows', () => {
  it('reminder 24 h before, none when booked later', () => {
    expect(erinnerungAm(termin, t('2026-07-01T00:00:00Z'))?.toISOString()).toBe('2026-07-14T07:00:00.000Z');
    expect(erinnerungAm(termin, t('2026-07-14T12:00:00Z'))).toBeNull();
  });

  it('video room from 15 min before to 60 min after the start', () => {
    const f = videoraumFenster(termin);
    expect([f.von.toISOString(), f.bis.toISOString()]).toEqual(['2026-07-15T06:45:00.000Z', '2026-07-15T08:00:00.000Z']);
    expect(videoraumStatus(termin, t('2026-07-15T06:44:59Z'))).toBe('noch_nicht_offen');
    expect(videoraumStatus(termin, t('2026-07-15T06:45:00Z'))).toBe('offen');
    expect(videoraumStatus(termin, t('2026-07-15T08:00:00Z'))).toBe('geschlossen');
    expect(videoraumStatus({ ...termin, kanal: 'vor_ort' }, t('2026-07-15T07:00:00Z'))).toBe('kein_videotermin');
    expect(videoraumStatus({ ...termin, status: 'abgesagt' }, t('2026-07-15T07:00:00Z'))).toBe('abgesagt');
  });

  it('check-in from 30 min before to 15 min after, only on site', () => {
    const vorOrt = { ...termin, kanal: 'vor_ort' as const };
    expect(checkinStatus(vorOrt, t('2026-07-15T06:29:00Z'))).toBe('zu_frueh');
    expect(checkinStatus(vorOrt, t('2026-07-15T06:30:00Z'))).toBe('moeglich');
    expect(checkinStatus(vorOrt, t('2026-07-15T07:15:00Z'))).toBe('zu_spaet');
    expect(checkinStatus(termin, t('2026-07-15T07:00:00Z'))).toBe('nicht_vor_ort');
    expect(STANDARD_REGELN.checkinVorMinuten).toBe(30);
  });
});

describe('Einladung (Meldeaufforderung)', () => {
  const einladung: EinladungEingabe = {
    zweck: 'vermittlung',
    thema: 'Ihre Bewerbungen',
    beginn: t('2026-09-01T08:00:00Z'),
    ende: t('2026-09-01T08:30:00Z'),
    kanal: 'vor_ort',
    ort: { standortName: 'Jobcenter Musterstadt-Mitte', anschrift: 'Marktplatz 1, 12345 Musterstadt', raum: '2.14' },
    mitbringen: ['Lebenslauf'],
    ansprechperson: 'Frau Beispiel',
  };

  it('contains purpose, time, place and the Rechtsfolgenbelehrung of the law in force', () => {
    const text = einladungstext(einladung);
    expect(text.zweck).toBe('Vermittlung in Ausbildung oder Arbeit: Ihre Bewerbungen');
    expect(text.zeit).toBe('Dienstag, 1. September 2026, 10:00 Uhr');
    expect(text.ort).toBe('Jobcenter Musterstadt-Mitte, Marktplatz 1, 12345 Musterstadt, Raum 2.14');
    expect(text.rechtsgrundlage).toBe('§ 59 SGB II i.V.m. § 309 SGB III, Zweck nach § 309 Abs. 2 Nr. 2 SGB III');
    expect(text.rechtsfolgenbelehrung).toContain('30 Prozent');
    expect(text.rechtsfolgenbelehrung).toContain('wichtigen Grund');
    expect(text.wichtigerGrund).toContain('Nachweis');
  });

  it('the Belehrung follows the date: 10 % before July 2026, 30 % for repeated absence from then on', () => {
    expect(meldeBelehrungAm('2026-06-30').wert.rechtsfolgen).toContain('10 Prozent');
    expect(meldeBelehrungAm('2026-07-01').wert.rechtsfolgen).toContain('wiederholt');
    expect(MELDE_BELEHRUNG.every((b) => b.norm.includes('§ 32'))).toBe(true);
  });

  it('checks the required content', () => {
    expect(pruefeEinladung(einladung, t('2026-08-01T00:00:00Z'))).toEqual([]);
    expect(pruefeEinladung({ ...einladung, ort: { standortName: 'X' } }, t('2026-08-01T00:00:00Z'))).toEqual(['ort_fehlt']);
    expect(pruefeEinladung(einladung, t('2026-10-01T00:00:00Z'))).toEqual(['in_vergangenheit']);
  });

  it('records the outcome once, after the start, with a reason for absence', () => {
    const beginn = einladung.beginn;
    expect(ergebnisErfassen('eingeladen', beginn, { ergebnis: 'wahrgenommen' }, t('2026-09-01T07:59:00Z'))).toMatchObject({ code: 'zu_frueh' });
    expect(ergebnisErfassen('eingeladen', beginn, { ergebnis: 'wahrgenommen' }, t('2026-09-01T08:10:00Z'))).toEqual({ ok: true, status: 'wahrgenommen' });
    expect(ergebnisErfassen('eingeladen', beginn, { ergebnis: 'nicht_erschienen_ohne_wichtigen_grund' }, t('2026-09-02T08:00:00Z'))).toMatchObject({ code: 'grund_fehlt' });
    expect(
      ergebnisErfassen('eingeladen', beginn, { ergebnis: 'nicht_erschienen_mit_wichtigem_grund', begruendung: 'AU-Bescheinigung vorgelegt' }, t('2026-09-02T08:00:00Z')),
    ).toEqual({ ok: true, status: 'nicht_erschienen_mit_wichtigem_grund' });
    expect(ergebnisErfassen('wahrgenommen', beginn, { ergebnis: 'wahrgenommen' }, t('2026-09-02T08:00:00Z'))).toMatchObject({ code: 'bereits_erfasst' });
  });
});
