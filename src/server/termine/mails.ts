import type { Tx } from '../../db/client.ts';
import { termineRepository, type TerminRow } from '../../db/repositories/termine.ts';
import { userRepository } from '../../db/repositories/users.ts';
import {
  checkinFenster,
  checkinInhalt,
  checkinQrSvg,
  checkinToken,
  deutscheAnzeige,
  KANAL_NAME,
  kalenderAnhang,
  type Kanal,
  type KalenderArt,
  type TerminRegeln,
} from '../../domain/termine/index.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import type { AppContext } from '../context.ts';
import { hmac } from '../security/crypto.ts';
import { regelnFuer } from './gemeinsam.ts';

export type TerminMailArt = 'bestaetigung' | 'aenderung' | 'absage' | 'erinnerung';

/** Key for check-in tokens, derived from the server secret (never the secret itself). */
export const checkinGeheimnis = (ctx: AppContext) => hmac(ctx.config.secret, 'vorort-termine-checkin');

export const videoLink = (basisUrl: string, terminId: string) => `${basisUrl}/video/${terminId}`;

/** Personal self-service link of a booking without account (the token itself is only in the e-mail). */
export const verwaltungsLink = (basisUrl: string, token: string) => `${basisUrl}/termine/verwalten/${token}`;

/** Where the mail goes: the portal account's address or the confirmed address of an anonymous booking. */
export async function empfaenger(tx: Tx, termin: TerminRow): Promise<{ email: string; name: string } | undefined> {
  if (termin.email) return { email: termin.email, name: termin.name };
  if (!termin.buergerUserId) return undefined;
  const user = await userRepository.findById(tx, termin.buergerUserId);
  return user ? { email: user.email, name: user.name } : undefined;
}

const BETREFF: Record<TerminMailArt, string> = {
  bestaetigung: 'Ihr Termin ist gebucht',
  aenderung: 'Ihr Termin wurde verschoben',
  absage: 'Ihr Termin wurde abgesagt',
  erinnerung: 'Erinnerung an Ihren Termin morgen',
};

/**
 * Builds the e-mail for an appointment (inside the tenant transaction; the caller sends it after commit):
 * German text, the .ics file (REQUEST, or CANCEL for a cancellation) and for on-site appointments the check-in
 * QR code as an SVG attachment.
 */
export async function terminMail(opts: { ctx: AppContext; tx: Tx; termin: TerminRow; art: TerminMailArt; basisUrl: string; jetzt: Date; verwaltungsToken?: string | undefined; regeln?: TerminRegeln }): Promise<OutgoingMail | undefined> {
  const { tx, termin, art, basisUrl, jetzt } = opts;
  const eigenerLink = opts.verwaltungsToken ? verwaltungsLink(basisUrl, opts.verwaltungsToken) : undefined;
  const an = await empfaenger(tx, termin);
  if (!an) return undefined;
  const daten = await termineRepository.stammdaten(tx);
  const anliegen = daten.anliegen.find((a) => a.id === termin.anliegenId);
  const standort = daten.standorte.find((s) => s.id === termin.standortId);
  const traeger = await termineRepository.traegerVon(tx, termin.traegerId);
  const jobcenter = traeger?.jobcenterName ?? 'Jobcenter';
  const anschrift = standort ? `${standort.strasse}, ${standort.plz} ${standort.ort}` : '';
  const kanal = termin.kanal as Kanal;
  const regeln = opts.regeln ?? (await regelnFuer(tx, termin.traegerId));
  const link = kanal !== 'video' ? undefined : eigenerLink ? `${eigenerLink}/video` : videoLink(basisUrl, termin.id);
  const kalenderArt: KalenderArt = art === 'absage' ? 'absage' : art === 'aenderung' ? 'aenderung' : 'bestaetigung';
  const ics = kalenderAnhang(
    {
      id: termin.id,
      sequenz: termin.sequenz,
      beginn: termin.beginn,
      ende: termin.ende,
      anliegenName: anliegen?.name ?? 'Termin',
      kanal,
      standort: { name: standort?.name ?? jobcenter, anschrift },
      ...(link ? { videoLink: link } : {}),
      teilnehmer: { name: an.name || an.email, email: an.email },
    },
    kalenderArt,
    { name: jobcenter, email: 'no-reply@vorort.invalid', uidDomain: `${traeger?.slug ?? 'vorort'}.vorort` },
    jetzt,
  );
  const zeilen = [
    `Guten Tag${an.name ? ` ${an.name}` : ''},`,
    '',
    art === 'absage'
      ? 'Ihr Termin wurde abgesagt:'
      : art === 'aenderung'
        ? 'Ihr Termin wurde verschoben. Der neue Termin:'
        : art === 'erinnerung'
          ? 'wir erinnern Sie an Ihren Termin:'
          : 'Ihr Termin ist gebucht:',
    '',
    `Anliegen: ${anliegen?.name ?? ''}`,
    `Zeit: ${deutscheAnzeige(termin.beginn)}`,
    `Art: ${KANAL_NAME[kanal]}`,
  ];
  if (kanal === 'vor_ort') zeilen.push(`Ort: ${standort?.name ?? ''}, ${anschrift}`);
  if (kanal === 'telefon') zeilen.push('Wir rufen Sie zur genannten Zeit an.');
  if (link && art !== 'absage') zeilen.push(`Video-Beratung: ${link}`, `Der Warteraum öffnet ${regeln.videoOffenVorMinuten} Minuten vor Beginn. Sie brauchen nur einen Browser.`);
  const attachments: NonNullable<OutgoingMail['attachments']> = [ics];
  if (kanal === 'vor_ort' && art !== 'absage') {
    const token = checkinToken(termin.id, checkinFenster(termin, regeln).bis, checkinGeheimnis(opts.ctx));
    attachments.push({ filename: 'checkin-qr.svg', content: await checkinQrSvg(checkinInhalt(basisUrl, token)), contentType: 'image/svg+xml' });
    zeilen.push('', 'Zeigen Sie am Empfang den QR-Code aus dem Anhang vor, dann wissen wir, dass Sie da sind.');
  }
  if (art !== 'absage') {
    if (eigenerLink) zeilen.push('', 'Ihr persönlicher Link zum Ansehen, Verschieben oder Absagen (bitte nicht weitergeben):', eigenerLink);
    else if (termin.verwaltungTokenHash) zeilen.push('', 'Ansehen, verschieben oder absagen können Sie den Termin mit dem persönlichen Link aus Ihrer Buchungsbestätigung.');
    else zeilen.push('', `Ihre Termine verwalten: ${basisUrl}/termine`);
  }
  zeilen.push('', 'Mit freundlichen Grüßen', jobcenter);
  return { to: an.email, subject: `${BETREFF[art]} – ${jobcenter}`, text: zeilen.join('\n'), attachments };
}
