import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { erstantragDatenSchema, plusTage, type ErstantragDaten } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { authorize } from '../policies.ts';
import { heute } from './common.ts';
import { antragPayload, pruefeAntragsdaten, zustaendigerStandort } from './erfasse-erstantrag.ts';

/**
 * Intake of an Erstantrag sent through the citizen portal (for the portal issue): the Antragsdaten are checked
 * exactly like a paper application and stored as the Antrag's payload, without a Fallakte yet (bg_id NULL), at the
 * Standort of the address's Kommune. A caseworker takes it over with `antragUebernehmen` – no retyping.
 */
export async function onlineErstantragEingang(opts: { ctx: AppContext; actor: Actor; daten: unknown; /** run inside the caller's transaction (portal submission) */ tx?: Tx }) {
  const { ctx, actor } = opts;
  authorize(actor, 'portal.nutzen');
  const parsed = erstantragDatenSchema.safeParse(opts.daten);
  if (!parsed.success) {
    throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })));
  }
  const daten: ErstantragDaten = { ...parsed.data, eingangskanal: 'online', standortId: undefined };
  const { iban } = pruefeAntragsdaten(daten);
  const run = <T>(fn: (tx: Tx) => Promise<T>) => (opts.tx ? fn(opts.tx) : ctx.db.withTenant(tenantScope(actor), fn));
  return run(async (tx) => {
    const standort = await zustaendigerStandort(tx, actor, daten);
    const antrag = await antraegeRepository.insert(tx, {
      traegerId: actor.traegerId,
      bgId: null,
      art: 'erstantrag',
      antragsdatum: daten.antragsdatum,
      eingangskanal: 'online',
      standortId: standort.id,
      faelligAm: plusTage(heute(ctx.clock.now()), 14),
      eingereichtVon: actor.userId,
      payload: antragPayload(daten, iban),
    });
    await recordAudit(tx, actor, {
      objectType: 'antrag',
      objectId: antrag.id,
      action: 'create',
      purpose: 'Bürgerportal: Erstantrag stellen',
      details: { personen: daten.personen.length },
    });
    return antrag;
  });
}
