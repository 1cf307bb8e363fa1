/**
 * iCalendar (.ics, RFC 5545 / iTIP RFC 5546) attachment for confirmation, change and cancellation e-mails.
 *
 * - UID is stable per appointment (`termin-<id>@<domain>`), so a change or cancel replaces the earlier entry in the
 *   recipient's calendar; SEQUENCE is the appointment's revision (0 on booking, +1 on every move or cancel).
 * - Times are written in UTC ('…Z'). Decision: ical-generator formats TZID times with the process's local getters,
 *   which would make the output depend on the machine's TZ; UTC needs no VTIMEZONE and every client shows it in
 *   the reader's zone. The German description carries the Berlin local time in words.
 * - DTSTAMP is `jetzt` (passed in), never the clock.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { KANAL_NAME, type Kanal } from './verfuegbarkeit.ts';
import { deutscheAnzeige } from './zeit.ts';

export type KalenderArt = 'bestaetigung' | 'aenderung' | 'absage';

export type KalenderTermin = {
  id: string;
  /** revision of the appointment: 0 when booked, +1 on every change or cancellation */
  sequenz: number;
  beginn: Date;
  ende: Date;
  anliegenName: string;
  kanal: Kanal;
  /** Standort name and postal address (on site and telephone) */
  standort: { name: string; anschrift: string };
  /** join link of the video room (channel video) */
  videoLink?: string;
  /** the citizen (ATTENDEE), optional */
  teilnehmer?: { name: string; email: string };
};

export type KalenderAbsender = {
  /** Jobcenter name, e.g. "Jobcenter Kreis Musterland" */
  name: string;
  /** no-reply or service address */
  email: string;
  /** domain for UIDs, e.g. "musterland.vorort.example" */
  uidDomain: string;
};

export function terminUid(terminId: string, domain: string): string {
  return `termin-${terminId}@${domain}`;
}

function ortText(t: KalenderTermin): string {
  if (t.kanal === 'video') return t.videoLink ? `${KANAL_NAME.video}: ${t.videoLink}` : KANAL_NAME.video;
  if (t.kanal === 'telefon') return `${KANAL_NAME.telefon} (${t.standort.name})`;
  return `${t.standort.name}, ${t.standort.anschrift}`;
}

function beschreibung(t: KalenderTermin, art: KalenderArt, absender: KalenderAbsender): string {
  const zeilen = [
    art === 'absage' ? 'Dieser Termin wurde abgesagt.' : art === 'aenderung' ? 'Ihr Termin wurde geändert.' : 'Ihr Termin ist bestätigt.',
    `Anliegen: ${t.anliegenName}`,
    `Zeit: ${deutscheAnzeige(t.beginn)} (Ortszeit Deutschland)`,
    `Art: ${KANAL_NAME[t.kanal]}`,
  ];
  if (t.kanal === 'vor_ort') zeilen.push(`Ort: ${t.standort.name}, ${t.standort.anschrift}`);
  if (t.kanal === 'telefon') zeilen.push('Wir rufen Sie zur genannten Zeit an.');
  if (t.kanal === 'video' && t.videoLink && art !== 'absage') {
    zeilen.push(`Zur Video-Beratung: ${t.videoLink}`, 'Der Warteraum öffnet 15 Minuten vor Beginn. Sie brauchen nur einen Browser.');
  }
  zeilen.push(absender.name);
  return zeilen.join('\n');
}

/** The .ics text for a confirmation (REQUEST), change (REQUEST, higher SEQUENCE) or cancellation (CANCEL). */
export function kalenderdatei(t: KalenderTermin, art: KalenderArt, absender: KalenderAbsender, jetzt: Date): string {
  if (t.ende.getTime() <= t.beginn.getTime()) throw new RangeError('Ende vor Beginn');
  if (!Number.isInteger(t.sequenz) || t.sequenz < 0) throw new RangeError('SEQUENCE muss eine ganze Zahl ≥ 0 sein');
  const absage = art === 'absage';
  const kalender = ical({
    prodId: { company: 'vorort', product: 'termine', language: 'DE' },
    method: absage ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    name: absender.name,
  });
  kalender.createEvent({
    id: terminUid(t.id, absender.uidDomain),
    sequence: t.sequenz,
    stamp: jetzt,
    start: t.beginn,
    end: t.ende,
    summary: `${absage ? 'Abgesagt: ' : ''}${t.anliegenName} – ${absender.name}`,
    description: beschreibung(t, art, absender),
    location: ortText(t),
    url: t.kanal === 'video' && t.videoLink ? t.videoLink : null,
    organizer: { name: absender.name, email: absender.email },
    status: absage ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    attendees: t.teilnehmer
      ? [
          {
            name: t.teilnehmer.name,
            email: t.teilnehmer.email,
            role: ICalAttendeeRole.REQ,
            status: absage ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
          },
        ]
      : [],
  });
  return kalender.toString();
}

/** Attachment object for src/mail/mailer.ts (`method` makes clients treat it as an invitation/cancellation). */
export function kalenderAnhang(t: KalenderTermin, art: KalenderArt, absender: KalenderAbsender, jetzt: Date) {
  const method = art === 'absage' ? 'CANCEL' : 'REQUEST';
  return {
    filename: art === 'absage' ? 'absage.ics' : 'termin.ics',
    content: kalenderdatei(t, art, absender, jetzt),
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  };
}
