import { describe, expect, it } from 'vitest';
import { kalenderAnhang, kalenderdatei, type KalenderAbsender, type KalenderTermin } from './kalender.ts';

const absender: KalenderAbsender = { name: 'Jobcenter Kreis Musterland', email: 'termine@musterland.example', uidDomain: 'musterland.vorort.example' };
const jetzt = new Date('2026-06-01T10:00:00Z');

const sommer: KalenderTermin = {
  id: 't-1',
  sequenz: 0,
  beginn: new Date('2026-07-15T07:00:00Z'), // 09:00 CEST
  ende: new Date('2026-07-15T07:30:00Z'),
  anliegenName: 'Erstgespräch',
  kanal: 'video',
  standort: { name: 'Jobcenter Musterstadt-Mitte', anschrift: 'Marktplatz 1, 12345 Musterstadt' },
  videoLink: 'https://musterland.vorort.example/video/t-1',
  teilnehmer: { name: 'Erika Mustermann', email: 'erika@example.org' },
};
const winter: KalenderTermin = { ...sommer, id: 't-2', kanal: 'vor_ort', beginn: new Date('2026-12-01T08:00:00Z'), ende: new Date('2026-12-01T08:30:00Z') }; // 09:00 CET

/** Minimal RFC 5545 reader: unfold lines, return the VEVENT properties by name (parameters dropped). */
function lesen(ics: string): { kalender: Map<string, string>; ereignis: Map<string, string>; roh: Map<string, string> } {
  const zeilen = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const kalender = new Map<string, string>();
  const ereignis = new Map<string, string>();
  const roh = new Map<string, string>();
  let imEreignis = false;
  for (const z of zeilen) {
    if (z === 'BEGIN:VEVENT') imEreignis = true;
    else if (z === 'END:VEVENT') imEreignis = false;
    const trenner = z.indexOf(':');
    const kopf = z.slice(0, trenner);
    const name = kopf.split(';')[0]!;
    const wert = z.slice(trenner + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
    (imEreignis ? ereignis : kalender).set(name, wert);
    if (imEreignis) roh.set(name, kopf);
  }
  return { kalender, ereignis, roh };
}

describe('iCalendar attachment', () => {
  it('summer appointment: DTSTART in UTC is 07:00Z for 09:00 Berlin; REQUEST with organizer and video link', () => {
    const { kalender, ereignis } = lesen(kalenderdatei(sommer, 'bestaetigung', absender, jetzt));
    expect(kalender.get('METHOD')).toBe('REQUEST');
    expect(ereignis.get('DTSTART')).toBe('20260715T070000Z');
    expect(ereignis.get('DTEND')).toBe('20260715T073000Z');
    expect(ereignis.get('DTSTAMP')).toBe('20260601T100000Z');
    expect(ereignis.get('UID')).toBe('termin-t-1@musterland.vorort.example');
    expect(ereignis.get('SEQUENCE')).toBe('0');
    expect(ereignis.get('STATUS')).toBe('CONFIRMED');
    expect(ereignis.get('LOCATION')).toBe('Video-Beratung: https://musterland.vorort.example/video/t-1');
    expect(ereignis.get('ORGANIZER')).toBe('mailto:termine@musterland.example');
    expect(ereignis.get('DESCRIPTION')).toContain('Mittwoch, 15. Juli 2026, 09:00 Uhr');
  });

  it('winter appointment: DTSTART 08:00Z for 09:00 Berlin; location is the Standort address', () => {
    const { ereignis } = lesen(kalenderdatei(winter, 'bestaetigung', absender, jetzt));
    expect(ereignis.get('DTSTART')).toBe('20261201T080000Z');
    expect(ereignis.get('LOCATION')).toBe('Jobcenter Musterstadt-Mitte, Marktplatz 1, 12345 Musterstadt');
    expect(ereignis.get('DESCRIPTION')).toContain('Dienstag, 1. Dezember 2026, 09:00 Uhr');
  });

  it('change keeps the UID with a higher SEQUENCE; cancel uses METHOD:CANCEL and STATUS:CANCELLED', () => {
    const geaendert = lesen(kalenderdatei({ ...winter, sequenz: 1, beginn: new Date('2026-12-02T09:00:00Z'), ende: new Date('2026-12-02T09:30:00Z') }, 'aenderung', absender, jetzt));
    expect(geaendert.ereignis.get('UID')).toBe('termin-t-2@musterland.vorort.example');
    expect(geaendert.ereignis.get('SEQUENCE')).toBe('1');
    const abgesagt = lesen(kalenderdatei({ ...winter, sequenz: 2 }, 'absage', absender, jetzt));
    expect(abgesagt.kalender.get('METHOD')).toBe('CANCEL');
    expect(abgesagt.ereignis.get('STATUS')).toBe('CANCELLED');
    expect(abgesagt.ereignis.get('SEQUENCE')).toBe('2');
    expect(kalenderAnhang(winter, 'absage', absender, jetzt).contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
  });

  it('the same input gives the same file (no clock, no process TZ)', () => {
    const vorher = process.env.TZ;
    process.env.TZ = 'America/New_York';
    const a = kalenderdatei(sommer, 'bestaetigung', absender, jetzt);
    process.env.TZ = 'Asia/Tokyo';
    const b = kalenderdatei(sommer, 'bestaetigung', absender, jetzt);
    process.env.TZ = vorher;
    expect(a).toBe(b);
  });
});
