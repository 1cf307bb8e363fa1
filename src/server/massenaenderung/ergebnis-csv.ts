import { massenaenderungRepository } from '../../db/repositories/massenaenderungen.ts';
import { massenaenderungErgebnisRepository, type ErgebnisFilter, type ErgebnisZeile } from '../../db/repositories/massenaenderung-ergebnis.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { authorize } from '../policies.ts';

/** Euro with a decimal comma, no thousands separator ("-12,50"): what spreadsheet programs read as a number. */
const euro = (cent: number | null) => (cent === null ? '' : `${cent < 0 ? '-' : ''}${Math.trunc(Math.abs(cent) / 100)},${String(Math.abs(cent) % 100).padStart(2, '0')}`);

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvFeld(wert: string): string {
  const text = /^[=+\-@\t\r]/.test(wert) ? `'${wert}` : wert;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const bescheidStand = (z: ErgebnisZeile) => (!z.bescheidId ? '' : z.pdfFertig ? 'PDF erstellt' : z.bescheidErstellt ? 'erstellt, PDF folgt' : 'in Arbeit');

/**
 * The result of a Massenänderung as CSV (semicolon, UTF-8 with BOM, for spreadsheet programs): every handled case,
 * optionally only changed cases or errors. Reading it is audited like the page.
 */
export async function massenaenderungErgebnisCsv(opts: { ctx: AppContext; actor: Actor; id: string; filter?: ErgebnisFilter }) {
  const { ctx, actor } = opts;
  authorize(actor, 'massenaenderung.ausfuehren');
  if (!istUuid(opts.id)) throw notFound('Die Massenänderung');
  const filter = opts.filter ?? 'alle';
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const job = await massenaenderungRepository.find(tx, opts.id);
    if (!job) throw notFound('Die Massenänderung');
    const zeilen = await massenaenderungErgebnisRepository.zeilen(tx, { id: job.id, abMonat: job.ab.slice(0, 7), filter, limit: 1_000_000, offset: 0 });
    await recordAudit(tx, actor, { objectType: 'massenaenderung', objectId: job.id, action: 'read', purpose: 'Ergebnis der Massenänderung exportieren', details: { filter, faelle: zeilen.length } });
    const kopf = ['Fallnummer', 'Ergebnis', 'Monat', 'Monatsbetrag bisher (EUR)', 'Monatsbetrag neu (EUR)', 'Differenz aller Monate (EUR)', 'Änderungsbescheid', 'Fehler'];
    const text = [
      kopf.join(';'),
      ...zeilen.map((z) =>
        // amounts are written as they are (a leading minus is a number here, not a formula)
        [csvFeld(z.fallnummer), z.fehler ? 'Fehler' : z.geaendert ? 'geändert' : 'unverändert', z.monat ?? '', euro(z.altCent), euro(z.neuCent), euro(z.differenzCent), bescheidStand(z), csvFeld(z.fehler ?? '')].join(';'),
      ),
    ].join('\r\n');
    return { dateiname: `massenaenderung-${job.ab}-${filter}.csv`, csv: `\uFEFF${text}\r\n` };
  });
}
