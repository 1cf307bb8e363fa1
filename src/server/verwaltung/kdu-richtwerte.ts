import { kduRepository } from '../../db/repositories/bewilligung.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound, validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { isUuid } from '../fall/common.ts';
import { authorize } from '../policies.ts';

export type KduEingabe = {
  kommuneId: string;
  haushaltsgroesse: number;
  bruttokaltmieteCent: number;
  heizkostenCent: number;
  gueltigVon: string;
  gueltigBis?: string | null | undefined;
};

function pruefe(e: KduEingabe): void {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(e.haushaltsgroesse) || e.haushaltsgroesse < 1 || e.haushaltsgroesse > 12) {
    issues.push({ path: 'haushaltsgroesse', code: 'groesse_ungueltig', message: 'Die Haushaltsgröße muss zwischen 1 und 12 liegen.' });
  }
  for (const f of ['bruttokaltmieteCent', 'heizkostenCent'] as const) {
    if (!Number.isInteger(e[f]) || e[f] < 0) issues.push({ path: f, code: 'betrag_ungueltig', message: 'Bitte einen Betrag von 0 oder mehr angeben.' });
  }
  if (!istKalenderdatum(e.gueltigVon)) issues.push({ path: 'gueltigVon', code: 'datum_ungueltig', message: 'Bitte ein Datum angeben.' });
  if (e.gueltigBis && (!istKalenderdatum(e.gueltigBis) || e.gueltigBis < e.gueltigVon)) {
    issues.push({ path: 'gueltigBis', code: 'datum_ungueltig', message: 'Das Ende muss ein Datum nach dem Beginn sein.' });
  }
  if (issues.length) throw validationFailed(issues);
}

/** Runs a write; PostgreSQL's exclusion constraint kdu_richtwerte_keine_ueberschneidung (23P01) becomes a 409 tied to `feld`. */
export async function mitUeberschneidung<T>(fn: () => Promise<T>, feld = 'gueltigVon'): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    let e: unknown = err;
    for (let d = 0; e && d < 5; d++) {
      const x = e as { code?: unknown; cause?: unknown };
      if (x.code === '23P01') {
        throw new AppError('zeitraum_ueberschneidung', 409, 'Für diese Kommune und Haushaltsgröße gibt es in diesem Zeitraum schon einen Richtwert.', [
          { path: feld, code: 'zeitraum_ueberschneidung', message: 'Der Zeitraum überschneidet sich mit einem bestehenden Richtwert derselben Kommune und Haushaltsgröße.' },
        ]);
      }
      e = x.cause;
    }
    throw err;
  }
}

export const presentKduRichtwert = (r: Awaited<ReturnType<typeof kduRepository.insert>>) => ({
  id: r.id,
  kommuneId: r.kommuneId,
  haushaltsgroesse: r.haushaltsgroesse,
  bruttokaltmieteCent: r.bruttokaltmieteCent,
  heizkostenCent: r.heizkostenCent,
  gueltigVon: r.gueltigVon,
  gueltigBis: r.gueltigBis,
  version: r.version,
});

export async function listeKduRichtwerte(opts: { ctx: AppContext; actor: Actor }) {
  authorize(opts.actor, 'kdu.verwalten');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const namen = new Map((await organisationRepository.listKommunen(tx)).map((k) => [k.id, k.name]));
    return {
      kommunen: [...namen].map(([id, name]) => ({ id, name })),
      // by Kommune (name), household size, then from the oldest validity on
      richtwerte: (await kduRepository.list(tx))
        .map((r) => ({ ...presentKduRichtwert(r), kommune: namen.get(r.kommuneId) ?? '' }))
        .sort((a, b) => a.kommune.localeCompare(b.kommune, 'de') || a.haushaltsgroesse - b.haushaltsgroesse || a.gueltigVon.localeCompare(b.gueltigVon)),
    };
  });
}

export async function legeKduRichtwertAn(opts: { ctx: AppContext; actor: Actor; input: KduEingabe }) {
  authorize(opts.actor, 'kdu.verwalten');
  pruefe(opts.input);
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    if (!isUuid(opts.input.kommuneId) || !(await organisationRepository.findKommune(tx, opts.input.kommuneId))) {
      throw validationFailed([{ path: 'kommuneId', code: 'kommune_unbekannt', message: 'Bitte eine Kommune wählen.' }]);
    }
    const r = await mitUeberschneidung(() =>
      kduRepository.insert(tx, { ...opts.input, gueltigBis: opts.input.gueltigBis || null, traegerId: opts.actor.traegerId }),
    );
    await recordAudit(tx, opts.actor, { objectType: 'kdu_richtwert', objectId: r.id, action: 'create', purpose: 'KdU-Richtwerte pflegen' });
    return presentKduRichtwert(r);
  });
}

export async function aendereKduRichtwert(opts: { ctx: AppContext; actor: Actor; id: string; version: number; input: KduEingabe }) {
  authorize(opts.actor, 'kdu.verwalten');
  pruefe(opts.input);
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    if (!isUuid(opts.id) || !(await kduRepository.find(tx, opts.id))) throw notFound('Der Richtwert');
    const r = await mitUeberschneidung(() => kduRepository.update(tx, opts.id, opts.version, { ...opts.input, gueltigBis: opts.input.gueltigBis || null }));
    if (!r) throw versionConflict();
    await recordAudit(tx, opts.actor, { objectType: 'kdu_richtwert', objectId: r.id, action: 'update', purpose: 'KdU-Richtwerte pflegen' });
    return presentKduRichtwert(r);
  });
}
