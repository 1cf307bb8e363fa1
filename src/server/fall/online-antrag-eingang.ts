import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { erstantragDatenSchema, plusTage, type ErstantragDaten } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { heute } from '../clock.ts';
import { antragPayload, pruefeAntragsdaten, zustaendigerStandort } from './erfasse-erstantrag.ts';

/**
 * Intake of an Erstantrag sent through the citizen portal (for the portal issue): the Antragsdaten are checked
 * exactly like a paper application and stored as the Antrag's payload, without a Fallakte yet (bg_id NULL), at the
 * Standort of the address's Kommune. A caseworker takes it over with `antragUebernehmen` – no retyping.
 */
export const onlineErstantragEingang = defineUseCase({
  name: 'fall.online-erstantrag-eingang',
  zugang: 'portal.nutzen',
  input: erstantragDatenSchema,
  audit: ['antrag.create'],
  /** `tx`: inside the portal submission's transaction (src/server/portal/einreichen.ts). */
  run: async (opts) => {
    const { ctx, actor } = opts;
    const daten: ErstantragDaten = { ...opts.input, eingangskanal: 'online', standortId: undefined };
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
  },
});
