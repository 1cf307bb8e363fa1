import { z } from 'zod';
import { statistikSnapshotRepository } from '../../db/repositories/statistik-snapshot.ts';
import { stichtagVon } from '../../domain/statistik/merkmale.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { kalendermonat } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { pruefeMonat } from './bereich.ts';
import { baueSnapshot, type SnapshotErgebnis } from './snapshot-bauen.ts';

/**
 * Builds or rebuilds the snapshot of one month now (statistik.verwalten; docs/statistik.md, "Monats-Snapshots"):
 * the same build as the nightly job. A month in the future or before the first data → 400; an endgültiger snapshot
 * → 409 statistik_endgueltig. Audited as statistik.create (first build) or statistik.update (rebuild) with month and
 * build number; the nightly job writes no audit entry.
 */
export const statistikSnapshotErstellen = defineUseCase({
  name: 'statistik.snapshot-erstellen',
  zugang: 'statistik.verwalten',
  input: z.object({ monat: kalendermonat() }),
  audit: ['statistik.create', 'statistik.update'],
  run: async ({ ctx, actor, input: { monat } }): Promise<SnapshotErgebnis> => {
    const tag = heute(ctx.clock.now());
    await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { stichtagTag } = await statistikSnapshotRepository.einstellungen(tx);
      await pruefeMonat(tx, monat, stichtagVon(monat, stichtagTag), tag);
    });
    const r = await baueSnapshot({ ctx, traegerId: actor.traegerId, monat, heute: tag });
    await ctx.db.withTenant(tenantScope(actor), (tx) =>
      recordAudit(tx, actor, {
        objectType: 'statistik',
        action: r.lauf > 1 ? 'update' : 'create',
        purpose: 'Monats-Snapshot der Statistik erstellt (Stand der Daten)',
        details: { monat, lauf: r.lauf },
      }),
    );
    return r;
  },
});
