import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { authorize, visibleStandorte } from '../policies.ts';
import { heute } from './common.ts';

/** Open follow-ups due by `bis` (default today) in the actor's Standorte; `nurMeine` limits to the actor's. */
export async function wiedervorlagenFaellig(opts: { ctx: AppContext; actor: Actor; bis?: string; nurMeine?: boolean }) {
  const { ctx, actor } = opts;
  authorize(actor, 'fall.lesen');
  const bis = opts.bis || heute(ctx.clock.now());
  if (!istKalenderdatum(bis)) throw validationFailed([{ path: 'bis', code: 'datum_ungueltig', message: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' }]);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const rows = await antraegeRepository.faelligeWiedervorlagen(tx, { standorte: visibleStandorte(actor, 'fall.lesen'), bis, zugewiesenAn: opts.nurMeine ? actor.userId : undefined });
    if (rows.length) {
      await recordAudit(tx, actor, {
        objectType: 'wiedervorlagen',
        action: 'read',
        purpose: 'Leistungssachbearbeitung: fällige Wiedervorlagen ansehen',
        details: { anzahl: rows.length, faelle: [...new Set(rows.map((r) => r.wiedervorlage.bgId))] },
      });
    }
    return rows.map((r) => ({ ...r.wiedervorlage, fallnummer: r.fallnummer, antragsteller: r.antragsteller, zugewiesenName: r.zugewiesenName }));
  });
}
