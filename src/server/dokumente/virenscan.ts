/**
 * Checking uploaded documents: type by content (not by name), size limit, and a ClamAV scan over clamd's Unix socket.
 *
 * clamd protocol (INSTREAM): send "zINSTREAM\0", then the data in chunks each prefixed by its length as a 4-byte
 * big-endian integer, then a zero-length chunk; clamd answers "stream: OK\0", "stream: <Signatur> FOUND\0" or
 * "... ERROR\0". A file is released only on a clean answer; if clamd cannot be reached or answers otherwise the
 * result is `nicht_erreichbar` and the caller keeps the file in quarantine to scan it again later (docs/virenscan.md).
 */
import { createConnection } from 'node:net';
import { fileTypeFromBuffer } from 'file-type';

export const MAX_DATEIGROESSE = 10 * 1024 * 1024;

export const ERLAUBTE_TYPEN = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
} as const;
export type ErlaubterTyp = keyof typeof ERLAUBTE_TYPEN;

export type DokumentFehlerCode = 'datei_leer' | 'datei_zu_gross' | 'dateityp_nicht_erlaubt' | 'virus_gefunden' | 'scanner_nicht_erreichbar';

/** German messages for people; the code stays stable for machines and translations (`dokument.fehler.<code>`). */
export const DOKUMENT_MELDUNGEN: Record<DokumentFehlerCode, string> = {
  datei_leer: 'Die Datei ist leer. Bitte wählen Sie eine andere Datei.',
  datei_zu_gross: 'Die Datei ist zu groß. Erlaubt sind höchstens 10 MB. Bitte verkleinern Sie das Foto oder teilen Sie das Dokument auf.',
  dateityp_nicht_erlaubt: 'Dieser Dateityp ist nicht erlaubt. Bitte laden Sie ein Foto (JPEG, PNG, HEIC, WebP) oder eine PDF-Datei hoch.',
  virus_gefunden: 'In der Datei wurde Schadsoftware gefunden. Die Datei wurde nicht angenommen. Bitte prüfen Sie Ihr Gerät und laden Sie eine saubere Datei hoch.',
  scanner_nicht_erreichbar:
    'Die Datei ist angekommen, konnte aber noch nicht auf Viren geprüft werden. Sie wird geprüft, sobald das möglich ist, und erst danach bearbeitet.',
};

export type Dateipruefung =
  | { ok: true; mime: ErlaubterTyp; endung: string; groesse: number }
  | { ok: false; code: 'datei_leer' | 'datei_zu_gross' | 'dateityp_nicht_erlaubt'; message: string; erkannt?: string };

/** Checks size and type by content (magic bytes via file-type); the file name and the browser's type are ignored. */
export async function pruefeDatei(inhalt: Uint8Array, optionen: { maxBytes?: number } = {}): Promise<Dateipruefung> {
  const max = optionen.maxBytes ?? MAX_DATEIGROESSE;
  if (inhalt.byteLength === 0) return { ok: false, code: 'datei_leer', message: DOKUMENT_MELDUNGEN.datei_leer };
  if (inhalt.byteLength > max) return { ok: false, code: 'datei_zu_gross', message: DOKUMENT_MELDUNGEN.datei_zu_gross };
  const typ = await fileTypeFromBuffer(inhalt);
  if (!typ || !(typ.mime in ERLAUBTE_TYPEN)) {
    return { ok: false, code: 'dateityp_nicht_erlaubt', message: DOKUMENT_MELDUNGEN.dateityp_nicht_erlaubt, ...(typ ? { erkannt: typ.mime } : {}) };
  }
  return { ok: true, mime: typ.mime as ErlaubterTyp, endung: ERLAUBTE_TYPEN[typ.mime as ErlaubterTyp], groesse: inhalt.byteLength };
}

export type ScanErgebnis =
  | { status: 'sauber' }
  | { status: 'infiziert'; signatur: string; code: 'virus_gefunden'; message: string }
  | { status: 'nicht_erreichbar'; code: 'scanner_nicht_erreichbar'; message: string; grund: string };

export type ScanOptionen = {
  /** path of clamd's LocalSocket, e.g. /run/clamav/clamd.ctl (Debian); to come from the config (not yet there) */
  socket: string;
  /** for the whole scan (connect, send, answer); default 30 s */
  timeoutMs?: number;
  /** size of the INSTREAM chunks; default 64 KiB (must stay below clamd's StreamMaxLength) */
  chunkBytes?: number;
};

const nichtErreichbar = (grund: string): ScanErgebnis => ({
  status: 'nicht_erreichbar',
  code: 'scanner_nicht_erreichbar',
  message: DOKUMENT_MELDUNGEN.scanner_nicht_erreichbar,
  grund,
});

/** Interprets clamd's answer to INSTREAM. Anything but OK/FOUND counts as "not scanned". */
export function deuteAntwort(antwort: string): ScanErgebnis {
  const text = antwort.replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(text)) return { status: 'sauber' };
  const fund = /^stream: (.+) FOUND$/.exec(text);
  if (fund) return { status: 'infiziert', signatur: fund[1]!, code: 'virus_gefunden', message: DOKUMENT_MELDUNGEN.virus_gefunden };
  return nichtErreichbar(text === '' ? 'keine Antwort' : `Antwort: ${text.slice(0, 200)}`);
}

/** Scans a file with clamd (INSTREAM over the Unix socket). Never throws; never reports "sauber" without clamd's OK. */
export function scanne(inhalt: Uint8Array, optionen: ScanOptionen): Promise<ScanErgebnis> {
  const timeoutMs = optionen.timeoutMs ?? 30_000;
  const chunk = optionen.chunkBytes ?? 64 * 1024;
  return new Promise((resolve) => {
    let fertig = false;
    let antwort = '';
    const ende = (e: ScanErgebnis) => {
      if (fertig) return;
      fertig = true;
      clearTimeout(zeit);
      verbindung.destroy();
      resolve(e);
    };
    const verbindung = createConnection({ path: optionen.socket });
    const zeit = setTimeout(() => ende(nichtErreichbar(`Zeitüberschreitung nach ${timeoutMs} ms`)), timeoutMs);
    verbindung.on('error', (err: NodeJS.ErrnoException) => ende(nichtErreichbar(`Verbindung: ${err.code ?? err.message}`)));
    verbindung.on('data', (d) => {
      antwort += d.toString('utf8');
      if (antwort.includes('\0')) ende(deuteAntwort(antwort));
    });
    verbindung.on('end', () => ende(deuteAntwort(antwort)));
    verbindung.on('close', () => ende(deuteAntwort(antwort)));
    verbindung.on('connect', () => {
      verbindung.write('zINSTREAM\0');
      for (let i = 0; i < inhalt.byteLength; i += chunk) {
        const teil = inhalt.subarray(i, Math.min(i + chunk, inhalt.byteLength));
        const laenge = Buffer.alloc(4);
        laenge.writeUInt32BE(teil.byteLength);
        verbindung.write(laenge);
        verbindung.write(teil);
      }
      verbindung.write(Buffer.alloc(4));
    });
  });
}

/** Asks clamd for a sign of life (PING → PONG); for health checks and the quarantine job. */
export function clamdErreichbar(socket: string, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ path: socket });
    let antwort = '';
    const zeit = setTimeout(() => c.destroy(), timeoutMs);
    c.on('connect', () => c.write('zPING\0'));
    c.on('data', (d) => {
      antwort += d.toString();
      if (antwort.includes('\0')) c.end();
    });
    c.on('close', () => {
      clearTimeout(zeit);
      resolve(antwort.replace(/\0/g, '').trim() === 'PONG');
    });
    c.on('error', () => undefined);
  });
}

export type UploadPruefung =
  | { ergebnis: 'angenommen'; mime: ErlaubterTyp; endung: string; groesse: number }
  | { ergebnis: 'quarantaene'; mime: ErlaubterTyp; endung: string; groesse: number; code: 'scanner_nicht_erreichbar'; message: string; grund: string }
  | { ergebnis: 'abgelehnt'; code: Exclude<DokumentFehlerCode, 'scanner_nicht_erreichbar'>; message: string; signatur?: string };

/**
 * The whole check of an upload: type and size by content, then the virus scan. `quarantaene` means: store the file,
 * but nobody may open it until a later scan is clean.
 */
export async function pruefeUpload(inhalt: Uint8Array, optionen: ScanOptionen & { maxBytes?: number }): Promise<UploadPruefung> {
  const datei = await pruefeDatei(inhalt, optionen);
  if (!datei.ok) return { ergebnis: 'abgelehnt', code: datei.code, message: datei.message };
  const scan = await scanne(inhalt, optionen);
  const info = { mime: datei.mime, endung: datei.endung, groesse: datei.groesse };
  if (scan.status === 'sauber') return { ergebnis: 'angenommen', ...info };
  if (scan.status === 'infiziert') return { ergebnis: 'abgelehnt', code: 'virus_gefunden', message: scan.message, signatur: scan.signatur };
  return { ergebnis: 'quarantaene', ...info, code: scan.code, message: scan.message, grund: scan.grund };
}
