import { massenaenderungRepository } from '../../db/repositories/massenaenderungen.ts';
import { z } from 'zod';
import { massenaenderungErgebnisRepository } from '../../db/repositories/massenaenderung-ergebnis.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { presentMassenaenderung } from './steuerung.ts';

export const ERGEBNIS_FILTER = ['alle', 'geaendert', 'fehler'] as const;
/** Which handled cases a page of the result shows. */
export type ErgebnisFilter = (typeof ERGEBNIS_FILTER)[number];
export const PRO_SEITE = 50;

/**
 * The result of one Massenänderung: counts, and one page of the handled cases (Fallnummer, monthly amount before and
 * after, difference, Änderungsbescheid and its state), filterable by changed cases or errors. Reading it is audited.
 */
/** A page number from a link ("2") or the API (2); anything else means "not given". */
const seitenzahl = z.preprocess((v) => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v)), z.number().optional());

export const massenaenderungErgebnisSchema = z.object({
  id: text(100).describe('ID der Massenänderung'),
  /** an unknown filter shows all cases (as a link with a stale filter should) */
  filter: z.enum(ERGEBNIS_FILTER).optional().catch(undefined),
  seite: seitenzahl,
  proSeite: seitenzahl,
});

export const massenaenderungErgebnis = defineUseCase({
  name: 'leistung.massenaenderung-ergebnis',
  zugang: 'massenaenderung.ausfuehren',
  input: massenaenderungErgebnisSchema,
  audit: ['massenaenderung.read'],
  run: async ({ ctx, actor, input: opts }) => {
  if (!istUuid(opts.id)) throw notFound('Die Massenänderung');
  const filter = opts.filter ?? 'alle';
  const proSeite = Math.min(Math.max(1, Math.trunc(opts.proSeite ?? PRO_SEITE) || PRO_SEITE), 500);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const job = await massenaenderungRepository.find(tx, opts.id);
    if (!job) throw notFound('Die Massenänderung');
    const zahlen = await massenaenderungErgebnisRepository.zaehle(tx, job.id);
    const treffer = filter === 'geaendert' ? zahlen.geaendert : filter === 'fehler' ? zahlen.fehler : zahlen.alle;
    const seiten = Math.max(1, Math.ceil(treffer / proSeite));
    const seite = Math.min(Math.max(1, Math.trunc(opts.seite ?? 1) || 1), seiten);
    const faelle = await massenaenderungErgebnisRepository.zeilen(tx, { id: job.id, abMonat: job.ab.slice(0, 7), filter, limit: proSeite, offset: (seite - 1) * proSeite });
    await recordAudit(tx, actor, {
      objectType: 'massenaenderung',
      objectId: job.id,
      action: 'read',
      purpose: 'Ergebnis der Massenänderung prüfen',
      details: { filter, seite, faelle: faelle.length },
    });
    return { job: presentMassenaenderung(job), zahlen: { ...zahlen, unveraendert: zahlen.alle - zahlen.geaendert - zahlen.fehler }, filter, seite, seiten, proSeite, treffer, faelle };
  });
  },
});
