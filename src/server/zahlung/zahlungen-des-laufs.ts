import { z } from 'zod';
import { zahlungRepository } from '../../db/repositories/zahlungen.ts';
import { zahlungenListeRepository, type ZahlungenFilter } from '../../db/repositories/zahlungen-liste.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound, validationFailed, type FieldIssue } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { csvFeld } from '../massenaenderung/ergebnis-csv.ts';
import { authorize, visibleStandorte } from '../policies.ts';

export const ZAHLUNGEN_PRO_SEITE = 50;

/** "1.234,56", "1234,56", "1234.5", "12 €" → cents; undefined when empty. */
function euroInCent(raw: string): number | undefined | null {
  let s = raw.replace(/[\s€]/g, '');
  if (s === '') return undefined;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
  const [ganz, bruch = ''] = s.split('.');
  return Number(ganz) * 100 + Number(bruch.padEnd(2, '0'));
}

const BETRAG_FEHLER = 'Bitte einen Betrag in Euro angeben, z. B. 450,00.';

/**
 * The filter as people type it (query string of the page, the CSV link and the API). Every field is optional text;
 * `parseZahlungenFilter` turns it into the repository filter or field errors.
 */
export const zahlungenFilterSchema = z.object({
  name: z.string().max(100).optional(),
  monat: z.string().max(7).optional(),
  art: z.string().max(20).optional(),
  betragVon: z.string().max(20).optional(),
  betragBis: z.string().max(20).optional(),
  seite: z.string().max(6).optional(),
});
export type ZahlungenFilterEingabe = z.infer<typeof zahlungenFilterSchema>;

type Geprueft = Omit<ZahlungenFilter, 'zahllaufId' | 'standorte'>;

/** Checks the filter; invalid fields become field errors (400), never a server error. */
export function parseZahlungenFilter(eingabe: ZahlungenFilterEingabe): Geprueft {
  const issues: FieldIssue[] = [];
  const f: Geprueft = {};
  const name = eingabe.name?.trim();
  if (name) f.name = name;
  const monat = eingabe.monat?.trim();
  if (monat) {
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(monat)) f.leistungsmonat = monat;
    else issues.push({ path: 'monat', code: 'monat_ungueltig', message: 'Bitte einen Monat im Format JJJJ-MM angeben.' });
  }
  const art = eingabe.art?.trim();
  if (art && art !== 'alle') {
    if (art === 'laufend' || art === 'nachzahlung' || art === 'eingliederung' || art === 'kdu_empfaenger') f.art = art;
    else issues.push({ path: 'art', code: 'art_ungueltig', message: 'Bitte „laufende Leistung“, „Nachzahlung“, „Eingliederung“ oder „Unterkunft an Vermieter“ wählen.' });
  }
  for (const [feld, ziel] of [
    ['betragVon', 'betragVonCent'],
    ['betragBis', 'betragBisCent'],
  ] as const) {
    const cent = euroInCent(eingabe[feld] ?? '');
    if (cent === null) issues.push({ path: feld, code: 'betrag_ungueltig', message: BETRAG_FEHLER });
    else if (cent !== undefined) f[ziel] = cent;
  }
  if (f.betragVonCent !== undefined && f.betragBisCent !== undefined && f.betragVonCent > f.betragBisCent) {
    issues.push({ path: 'betragBis', code: 'betrag_bereich', message: 'Der Betrag „bis“ darf nicht kleiner als „von“ sein.' });
  }
  if (issues.length) throw validationFailed(issues);
  return f;
}

/**
 * Masks an IBAN for display: country code and the last four characters stay, everything else (also the check digits)
 * becomes `*` — "DE** **** **** **** **30 00". Takes the stored mask or a full IBAN.
 */
export function ibanAnzeige(iban: string): string {
  const e = iban.replace(/\s/g, '');
  if (e.length < 8) return '****';
  const maskiert = e.slice(0, 2) + e.slice(2, -4).replace(/./g, '*') + e.slice(-4);
  return maskiert.replace(/(.{4})(?=.)/g, '$1 ');
}

const present = (zeile: Awaited<ReturnType<typeof zahlungenListeRepository.zeilen>>[number]) => ({
  id: zeile.id,
  bgId: zeile.bgId,
  fallnummer: zeile.fallnummer,
  name: zeile.empfaengerName,
  art: zeile.art as 'laufend' | 'nachzahlung' | 'eingliederung' | 'kdu_empfaenger',
  leistungsmonat: zeile.leistungsmonat,
  betragCent: zeile.betragCent,
  aufrechnungCent: zeile.aufrechnungCent,
  iban: ibanAnzeige(zeile.ibanMaskiert),
});

async function ladeLauf(tx: Parameters<Parameters<AppContext['db']['withTenant']>[1]>[0], id: string) {
  if (!istUuid(id)) throw notFound('Der Zahllauf');
  const l = await zahlungRepository.findLauf(tx, id);
  if (!l) throw notFound('Der Zahllauf');
  return l;
}

/**
 * The payments of one Zahllauf, page by page: recipient, Fallnummer, Leistungsmonat, amount, IBAN masked. Shows the
 * cases of the actor's Standorte (the whole Träger for Träger-wide roles). Names and payments are Sozialdaten: every
 * read is in the Zugriffsprotokoll with its purpose and the cases shown.
 */
export async function zahlungenDesLaufs(opts: { ctx: AppContext; actor: Actor; id: string; filter?: ZahlungenFilterEingabe; /** default 50, at most 500 */ proSeite?: number }) {
  const { ctx, actor } = opts;
  authorize(actor, 'zahllauf.ausfuehren');
  const eingabe = zahlungenFilterSchema.parse(opts.filter ?? {});
  const geprueft = parseZahlungenFilter(eingabe);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const lauf = await ladeLauf(tx, opts.id);
    const filter: ZahlungenFilter = { ...geprueft, zahllaufId: lauf.id, standorte: visibleStandorte(actor, 'zahllauf.ausfuehren') };
    const { anzahl, summeCent } = await zahlungenListeRepository.zaehle(tx, filter);
    const proSeite = Math.min(Math.max(1, Math.trunc(opts.proSeite ?? ZAHLUNGEN_PRO_SEITE) || ZAHLUNGEN_PRO_SEITE), 500);
    const seiten = Math.max(1, Math.ceil(anzahl / proSeite));
    const seite = Math.min(Math.max(1, Math.trunc(Number(eingabe.seite ?? 1)) || 1), seiten);
    const zeilen = await zahlungenListeRepository.zeilen(tx, filter, { limit: proSeite, offset: (seite - 1) * proSeite });
    if (zeilen.length) {
      await recordAudit(tx, actor, {
        objectType: 'zahllauf',
        objectId: lauf.id,
        action: 'read',
        purpose: 'Zahlungen des Zahllaufs prüfen',
        details: { zahlmonat: lauf.zahlmonat, seite, anzahl: zeilen.length, faelle: [...new Set(zeilen.map((zeile) => zeile.bgId))] },
      });
    }
    return {
      lauf: { id: lauf.id, zahlmonat: lauf.zahlmonat, nr: lauf.nr, status: lauf.status, anzahl: lauf.anzahl, summeCent: lauf.summeCent, hatDatei: lauf.pain001 !== null },
      monate: await zahlungenListeRepository.monate(tx, lauf.id),
      filter: { name: geprueft.name ?? '', monat: geprueft.leistungsmonat ?? '', art: geprueft.art ?? 'alle', betragVon: eingabe.betragVon?.trim() ?? '', betragBis: eingabe.betragBis?.trim() ?? '' },
      treffer: anzahl,
      summeCent,
      seite,
      seiten,
      zahlungen: zeilen.map(present),
    };
  });
}

/** Euro with a decimal comma and no thousands separator ("1234,50"): what spreadsheet programs read as a number. */
const euroCsv = (cent: number) => `${cent < 0 ? '-' : ''}${Math.trunc(Math.abs(cent) / 100)},${String(Math.abs(cent) % 100).padStart(2, '0')}`;

const ART_TEXT = { laufend: 'laufende Leistung', nachzahlung: 'Nachzahlung', eingliederung: 'Eingliederung (Förderleistung)', kdu_empfaenger: 'Unterkunft an Vermieter' } as const;

/**
 * All payments of a Zahllauf matching the filter as CSV (semicolon, UTF-8 with BOM), IBAN masked. Audited as an
 * export of Sozialdaten.
 */
export async function zahlungenDesLaufsCsv(opts: { ctx: AppContext; actor: Actor; id: string; filter?: ZahlungenFilterEingabe }) {
  const { ctx, actor } = opts;
  authorize(actor, 'zahllauf.ausfuehren');
  const geprueft = parseZahlungenFilter(zahlungenFilterSchema.parse(opts.filter ?? {}));
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const lauf = await ladeLauf(tx, opts.id);
    const filter: ZahlungenFilter = { ...geprueft, zahllaufId: lauf.id, standorte: visibleStandorte(actor, 'zahllauf.ausfuehren') };
    const zeilen = (await zahlungenListeRepository.zeilen(tx, filter, { limit: 1_000_000, offset: 0 })).map(present);
    await recordAudit(tx, actor, {
      objectType: 'zahllauf',
      objectId: lauf.id,
      action: 'export',
      purpose: 'Zahlungen des Zahllaufs exportieren',
      details: { zahlmonat: lauf.zahlmonat, anzahl: zeilen.length, faelle: [...new Set(zeilen.map((zeile) => zeile.bgId))] },
    });
    const kopf = ['Name', 'Fallnummer', 'Leistungsmonat', 'Art', 'Betrag (EUR)', 'Aufrechnung (EUR)', 'IBAN'];
    const text = [
      kopf.join(';'),
      ...zeilen.map((zeile) =>
        [csvFeld(zeile.name), csvFeld(zeile.fallnummer), zeile.leistungsmonat, ART_TEXT[zeile.art] ?? zeile.art, euroCsv(zeile.betragCent), euroCsv(zeile.aufrechnungCent), csvFeld(zeile.iban)].join(';'),
      ),
    ].join('\r\n');
    return { dateiname: `zahlungen-${lauf.zahlmonat}-lauf-${lauf.nr}.csv`, csv: `\uFEFF${text}\r\n` };
  });
}
