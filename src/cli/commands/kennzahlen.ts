/**
 * `npx vorort kennzahlen [datei.json | -] [--kompakt]`
 *
 * Reads one file in the Kennzahlen exchange format v1 (docs/statistik.md, "Kennzahlen nach § 48a SGB II") from the
 * file or, without a file or with "-", from stdin, and prints the result JSON to stdout. Exit codes: 0 result printed;
 * 2 invalid input (the error JSON `{"error": code, "pfad": ..., "message": ...}` on **stdout**, a one-line German hint
 * on stderr); 1 unexpected internal error.
 */
import { readFile } from 'node:fs/promises';
import { berechneKennzahlen, KennzahlenFehler } from '../../domain/statistik/kennzahlen.ts';

export type KennzahlenOptionen = {
  args: string[];
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
};

const HILFE = `Aufruf: npx vorort kennzahlen [datei.json | -] [--kompakt]

Liest Personen-Zeiträume, Ereignisse und Leistungssummen im Austauschformat Version 1
(docs/statistik.md, "Kennzahlen nach § 48a SGB II") aus der Datei oder von stdin und gibt
die Kennzahlen K1 bis K3E4 des Bezugsmonats als JSON auf stdout aus.
  --kompakt        JSON ohne Einrückung
Exit-Code 0: Ergebnis; 2: ungültige Eingabe (Fehler-JSON auf stdout); 1: interner Fehler.`;

async function liesStream(stream: NodeJS.ReadableStream): Promise<string> {
  const teile: Buffer[] = [];
  for await (const chunk of stream) teile.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(teile).toString('utf8');
}

function schreibe(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

export async function kennzahlenCommand(opts: KennzahlenOptionen): Promise<number> {
  const { args, stdin, stdout, stderr } = opts;
  let kompakt = false;
  let datei: string | undefined;
  for (const a of args) {
    if (a === '--help' || a === '-h') {
      await schreibe(stdout, `${HILFE}\n`);
      return 0;
    } else if (a === '--kompakt') kompakt = true;
    else if (a.startsWith('--')) {
      return fehler(stdout, stderr, new KennzahlenFehler('schema_ungueltig', '', `Unbekannte Option ${a}.`), 'aufruf_ungueltig');
    } else if (datei === undefined) datei = a;
    else return fehler(stdout, stderr, new KennzahlenFehler('schema_ungueltig', '', 'Bitte höchstens eine Datei angeben.'), 'aufruf_ungueltig');
  }

  let text: string;
  try {
    text = datei === undefined || datei === '-' ? await liesStream(stdin) : await readFile(datei, 'utf8');
  } catch (e) {
    const grund = e instanceof Error ? e.message : String(e);
    return fehler(stdout, stderr, new KennzahlenFehler('schema_ungueltig', '', `Eingabe nicht lesbar: ${grund}`), 'eingabe_nicht_lesbar');
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const grund = e instanceof Error ? e.message : String(e);
    return fehler(stdout, stderr, new KennzahlenFehler('schema_ungueltig', '', `Die Eingabe ist kein gültiges JSON: ${grund}`), 'json_ungueltig');
  }

  try {
    const ergebnis = berechneKennzahlen(json);
    await schreibe(stdout, `${JSON.stringify(ergebnis, null, kompakt ? undefined : 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof KennzahlenFehler) return fehler(stdout, stderr, e);
    const grund = e instanceof Error ? e.message : String(e);
    await schreibe(stdout, `${JSON.stringify({ error: 'interner_fehler', pfad: '', message: grund })}\n`);
    await schreibe(stderr, `Interner Fehler: ${grund}\n`);
    return 1;
  }
}

async function fehler(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, f: KennzahlenFehler, code?: string): Promise<number> {
  await schreibe(stdout, `${JSON.stringify({ error: code ?? f.code, pfad: f.pfad, message: f.message })}\n`);
  await schreibe(stderr, `Ungültige Eingabe${f.pfad ? ` (${f.pfad})` : ''}: ${f.message}\n`);
  return 2;
}
