import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { vergleichRepository } from '../../db/repositories/vergleich.ts';
import {
  alsZuordnung,
  pruefeCsv,
  pruefeTabelle,
  STANDARD_SPALTENZUORDNUNG,
  type AbgelehnteZeile,
  type Spaltenzuordnung,
  type Tabelle,
  type VergleichImportErgebnis,
} from '../../domain/statistik/vergleich-import.ts';
import { recordAudit, type AuditActor } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { fehler } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Import of a file of published § 48a Kennzahlen (docs/statistik.md, "Vergleich mit allen Jobcentern"): CSV or XLSX,
 * columns by the Träger's header mapping, all or nothing in one transaction. A refused file is recorded as an import
 * attempt with its rejected rows (nothing of it is taken over), so the import page can show the list.
 */

/** Largest file the importer reads (bytes). */
export const VERGLEICH_MAX_BYTES = 10 * 1024 * 1024;

const istXlsx = (inhalt: Buffer, dateiname: string) => (inhalt.length >= 4 && inhalt.readUInt32BE(0) === 0x504b0304) || /\.xlsx$/i.test(dateiname);

/** A cell of a worksheet as the text a CSV would hold (numbers German, dates as month). */
function zellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return zellText((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v);
}

async function leseXlsx(inhalt: Buffer): Promise<Tabelle | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(inhalt as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return null;
  let kopf: Tabelle['kopf'] | null = null;
  const zeilen: Tabelle['zeilen'] = [];
  let fiktiv = false;
  ws.eachRow({ includeEmpty: false }, (row, nummer) => {
    const werte = Array.isArray(row.values) ? row.values.slice(1) : [];
    const zellen = Array.from({ length: werte.length }, (_, i) => zellText((werte[i] ?? null) as ExcelJS.CellValue).trim());
    if (!zellen.some(Boolean)) return;
    if (zellen[0]?.startsWith('#')) {
      if (/fiktiv/i.test(zellen.join(' '))) fiktiv = true;
      return;
    }
    if (!kopf) kopf = { zeile: nummer, zellen };
    else zeilen.push({ zeile: nummer, zellen });
  });
  return kopf ? { kopf, zeilen, fiktiv } : null;
}

/** Reads and checks a file (CSV or XLSX) against the mapping. */
export async function pruefeVergleichsdatei(inhalt: Buffer, dateiname: string, zuordnung: Spaltenzuordnung): Promise<VergleichImportErgebnis> {
  if (!istXlsx(inhalt, dateiname)) return pruefeCsv(inhalt, zuordnung);
  const tabelle = await leseXlsx(inhalt);
  if (!tabelle) {
    return { ok: false, code: 'import_datei_ungueltig', abgelehnt: [{ zeile: 0, code: 'import_datei_ungueltig', grund: 'Die Datei ist keine lesbare XLSX-Datei.' }], zeilenGelesen: 0, fiktiv: false };
  }
  return pruefeTabelle(tabelle, zuordnung);
}

export const aktuelleZuordnung = async (tx: Tx): Promise<Spaltenzuordnung> => alsZuordnung(await vergleichRepository.zuordnung(tx)) ?? STANDARD_SPALTENZUORDNUNG;

export type VergleichImportAntwort = { id: string; dateiname: string; zeilenGelesen: number; zeilenUebernommen: number; jobcenter: number; fiktiv: boolean; eigener: string | null };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const eigenerFehler = () =>
  fehler('validation_failed', {
    meldung: 'Bitte prüfen Sie Ihre Eingaben.',
    issues: [{ path: 'eigener', code: 'schluessel_unbekannt', message: 'Diesen Schlüssel gibt es weder in der Datei noch in der Liste der Jobcenter.' }],
  });

/** Writes a checked file in the caller's transaction. */
async function schreibe(
  tx: Tx,
  o: { traegerId: string; actorId: string; audit: AuditActor; dateiname: string; inhalt: Buffer; fiktiv: boolean; eigenerSchluessel?: string | undefined },
  e: Extract<VergleichImportErgebnis, { ok: true }>,
): Promise<VergleichImportAntwort> {
  const fiktiv = o.fiktiv || e.fiktiv;
  const id = await vergleichRepository.importAnlegen(tx, {
    traegerId: o.traegerId,
    dateiname: o.dateiname,
    sha256: sha256(o.inhalt),
    zeilenGelesen: e.zeilenGelesen,
    zeilenUebernommen: e.zeilen.length,
    abgelehnt: [],
    fiktiv,
    importiertVon: o.actorId,
  });
  const jobcenter = await vergleichRepository.jobcenterUebernehmen(tx, o.traegerId, e.jobcenter, fiktiv);
  await vergleichRepository.werteUebernehmen(tx, o.traegerId, id, e.zeilen);
  if (o.eigenerSchluessel && !(await vergleichRepository.eigenerSetzen(tx, o.eigenerSchluessel))) throw eigenerFehler();
  await recordAudit(tx, o.audit, {
    objectType: 'vergleich',
    objectId: id,
    action: 'create',
    purpose: 'Veröffentlichte Kennzahlen aller Jobcenter für den Vergleich einlesen',
    details: { dateiname: o.dateiname.slice(0, 200), zeilen: e.zeilen.length, abgelehnt: 0, fiktiv, ...(o.eigenerSchluessel ? { schluessel: o.eigenerSchluessel } : {}) },
  });
  return { id, dateiname: o.dateiname, zeilenGelesen: e.zeilenGelesen, zeilenUebernommen: e.zeilen.length, jobcenter, fiktiv, eigener: o.eigenerSchluessel ?? null };
}

const ablehnung = (e: Extract<VergleichImportErgebnis, { ok: false }>, importId: string | null) =>
  fehler(e.code, { extra: { abgelehnt: e.abgelehnt, zeilenGelesen: e.zeilenGelesen, ...(importId ? { importId } : {}) } });

/**
 * For the demo data (src/cli, H8's demo seed) and tests: imports a file in the caller's transaction (a tenant
 * transaction of `traegerId`). A refused file throws the AppError of the API (`extra.abgelehnt`), nothing written.
 * `eigenerSchluessel`: marks that Jobcenter as the Träger's own (the sample file's demo key is DEMO_EIGENER_SCHLUESSEL).
 */
export async function importiereVergleichsdatei(o: {
  tx: Tx;
  traegerId: string;
  actorId: string;
  dateiname: string;
  inhalt: Buffer;
  fiktiv: boolean;
  eigenerSchluessel?: string;
}): Promise<VergleichImportAntwort> {
  const e = await pruefeVergleichsdatei(o.inhalt, o.dateiname, await aktuelleZuordnung(o.tx));
  if (!e.ok) throw ablehnung(e, null);
  return schreibe(o.tx, { ...o, audit: { system: 'demo-statistik', traegerId: o.traegerId } }, e);
}

/** The key of the demo Träger's own (fictional) Jobcenter in demo/vergleich/kennzahlen-fiktiv.csv. */
export const DEMO_EIGENER_SCHLUESSEL = '05999';

const jaNein = z.union([z.boolean(), z.enum(['ja', 'on', 'true', '1']).transform(() => true), z.enum(['nein', 'false', '0', '']).transform(() => false)]);

export const vergleichImportSchema = z.object({
  dateiname: z.string().trim().min(1, 'Bitte wählen Sie eine Datei aus.').max(255),
  inhalt: z.instanceof(Buffer, { message: 'Bitte wählen Sie eine Datei aus.' }).refine((b) => b.length > 0, 'Die Datei ist leer.'),
  abgeschnitten: z.boolean().default(false),
  fiktiv: jaNein.default(false),
  eigener: z
    .string()
    .trim()
    .regex(/^(\d{5,8})?$/, 'Der Schlüssel besteht aus 5 bis 8 Ziffern.')
    .optional()
    .transform((s) => s || undefined),
});

export const vergleichImport = defineUseCase({
  name: 'statistik.vergleich-import',
  zugang: 'statistik.verwalten',
  input: vergleichImportSchema,
  audit: ['vergleich.create'],
  run: async ({ ctx, actor, input }) => {
    if (input.abgeschnitten || input.inhalt.length > VERGLEICH_MAX_BYTES) {
      throw fehler('validation_failed', { meldung: 'Die Datei ist zu groß.', issues: [{ path: 'datei', code: 'datei_zu_gross', message: 'Die Datei ist größer als 10 MB.' }] });
    }
    const scope = tenantScope(actor);
    const zuordnung = await ctx.db.withTenant(scope, (tx) => aktuelleZuordnung(tx));
    const e = await pruefeVergleichsdatei(input.inhalt, input.dateiname, zuordnung);
    if (!e.ok) {
      // nothing of the file is taken over; the attempt and its rejected rows are kept for the import page
      const importId = await ctx.db.withTenant(scope, async (tx) => {
        const id = await vergleichRepository.importAnlegen(tx, {
          traegerId: actor.traegerId,
          dateiname: input.dateiname,
          sha256: sha256(input.inhalt),
          zeilenGelesen: e.zeilenGelesen,
          zeilenUebernommen: 0,
          abgelehnt: e.abgelehnt.slice(0, 1000) satisfies AbgelehnteZeile[],
          fiktiv: input.fiktiv || e.fiktiv,
          importiertVon: actor.userId,
        });
        await recordAudit(tx, actor, {
          objectType: 'vergleich',
          objectId: id,
          action: 'create',
          purpose: 'Veröffentlichte Kennzahlen aller Jobcenter für den Vergleich einlesen (abgelehnt)',
          details: { dateiname: input.dateiname.slice(0, 200), zeilen: 0, abgelehnt: e.abgelehnt.length, fiktiv: input.fiktiv || e.fiktiv },
        });
        return id;
      });
      throw ablehnung(e, importId);
    }
    return ctx.db.withTenant(scope, (tx) =>
      schreibe(tx, { traegerId: actor.traegerId, actorId: actor.userId, audit: actor, dateiname: input.dateiname, inhalt: input.inhalt, fiktiv: input.fiktiv, eigenerSchluessel: input.eigener }, e),
    );
  },
});
