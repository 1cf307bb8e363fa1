/**
 * Check-in at the Standort with a QR code from the confirmation e-mail.
 *
 * The QR code carries a signed token: `v1.<appointment id, base64url>.<expiry, unix seconds>.<HMAC-SHA-256, base64url>`.
 * The MAC covers a purpose label, the appointment id and the expiry, keyed with a server secret passed in (never
 * stored in the repo). The token reveals no personal data – only the appointment's opaque id. Verification is
 * constant-time and refuses tokens after their expiry; whether the check-in window is open is decided separately
 * (`checkinStatus` in regeln.ts) once the appointment has been loaded.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';

const ZWECK = 'vorort-checkin-v1';
const VERSION = 'v1';

export const CHECKIN_FEHLER = {
  token_ungueltig: 'Dieser Code ist ungültig. Bitte wenden Sie sich an den Empfang.',
  token_abgelaufen: 'Dieser Code ist abgelaufen. Bitte wenden Sie sich an den Empfang.',
} as const;
export type CheckinFehlerCode = keyof typeof CHECKIN_FEHLER;

function pruefeGeheimnis(geheimnis: string | Buffer): void {
  if (Buffer.byteLength(geheimnis) < 32) throw new RangeError('Das Check-in-Geheimnis muss mindestens 32 Byte lang sein.');
}

function signatur(terminId: string, ablaufSekunden: number, geheimnis: string | Buffer): Buffer {
  return createHmac('sha256', geheimnis).update(`${ZWECK}\n${terminId}\n${ablaufSekunden}`, 'utf8').digest();
}

/** A signed check-in token for an appointment, valid until `ablauf` (e.g. the end of the check-in window). */
export function checkinToken(terminId: string, ablauf: Date, geheimnis: string | Buffer): string {
  pruefeGeheimnis(geheimnis);
  if (!terminId) throw new RangeError('Termin-ID fehlt');
  const sekunden = Math.floor(ablauf.getTime() / 1000);
  const id = Buffer.from(terminId, 'utf8').toString('base64url');
  return `${VERSION}.${id}.${sekunden}.${signatur(terminId, sekunden, geheimnis).toString('base64url')}`;
}

export type CheckinPruefung = { ok: true; terminId: string; ablauf: Date } | { ok: false; code: CheckinFehlerCode; meldung: string };

function nein(code: CheckinFehlerCode): CheckinPruefung {
  return { ok: false, code, meldung: CHECKIN_FEHLER[code] };
}

/** Verify a scanned token: signature first (constant time), then expiry. */
export function pruefeCheckinToken(token: string, geheimnis: string | Buffer, jetzt: Date): CheckinPruefung {
  pruefeGeheimnis(geheimnis);
  const teile = token.trim().split('.');
  if (teile.length !== 4 || teile[0] !== VERSION) return nein('token_ungueltig');
  const [, idTeil = '', ablaufTeil = '', sigTeil = ''] = teile;
  if (!/^[A-Za-z0-9_-]+$/.test(idTeil) || !/^\d{1,12}$/.test(ablaufTeil) || !/^[A-Za-z0-9_-]{43}$/.test(sigTeil)) return nein('token_ungueltig');
  const terminId = Buffer.from(idTeil, 'base64url').toString('utf8');
  const sekunden = Number(ablaufTeil);
  const erwartet = signatur(terminId, sekunden, geheimnis);
  const erhalten = Buffer.from(sigTeil, 'base64url');
  if (erhalten.length !== erwartet.length || !timingSafeEqual(erhalten, erwartet)) return nein('token_ungueltig');
  if (jetzt.getTime() >= sekunden * 1000) return nein('token_abgelaufen');
  return { ok: true, terminId, ablauf: new Date(sekunden * 1000) };
}

/** What the QR code encodes: a link to the check-in page (the kiosk or a staff phone opens it). */
export function checkinInhalt(basisUrl: string, token: string): string {
  return `${basisUrl.replace(/\/+$/, '')}/checkin/${encodeURIComponent(token)}`;
}

/** The QR code as an SVG document (for the e-mail and the portal). */
export async function checkinQrSvg(inhalt: string): Promise<string> {
  return QRCode.toString(inhalt, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
