import { massenaenderungRepository } from '../../db/repositories/bewilligung.ts';
import { massenaenderungErgebnisRepository, type ErgebnisFilter } from '../../db/repositories/massenaenderung-ergebnis.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../fall/common.ts';
import { authorize } from '../policies.ts';
import { presentMassenaenderung } from './steuerung.ts';

export const ERGEBNIS_FILTER: readonly ErgebnisFilter[] = ['alle', 'geaendert', 'fehler'];
export const PRO_SEITE = 50;

/**
 * The result of one Massenänderung: counts, and one page of the handled cases (Fallnummer, monthly amount before and
 * after, difference, Änderungsbescheid and its state), filterable by changed cases or errors. Reading it is audited.
 */
export async function massenaenderungErgebnis(opts: { ctx: AppContext; actor: Actor; id: string; filter?: ErgebnisFilter; seite?: number; proSeite?: number }) {
  const { ctx, actor } = opts;
  authorize(actor, 'massenaenderung.ausfuehren');
  if (!isUuid(opts.id)) throw notFound('Die Massenänderung');
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
}
