import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { pruefeEintritt } from '../../domain/foerdern/teilnahme.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { eintrittSchema } from './massnahmen-schemas.ts';
import { wendeStatusFolgeAn } from './status-folgen.ts';
import { falscherStatus, ladeTeilnahme, regelFehler, zaehltAm, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

/**
 * Eintritt: the person starts the Maßnahme. If the instrument counts as Maßnahme der aktiven Arbeitsförderung on
 * that day, the Arbeitsmarktstatus follows (Arbeitslosigkeit ends for the planned duration; status-folgen.ts).
 */
export const teilnahmeEintritt = defineUseCase({
  name: 'integration.teilnahme-eintritt',
  zugang: 'integration.bearbeiten',
  input: eintrittSchema,
  audit: ['teilnahme.update', 'arbeitsmarktstatus.create', 'arbeitsmarktstatus.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await ladeTeilnahme(tx, actor, input.id, 'integration.bearbeiten');
      if (t.version !== input.version) throw versionConflict();
      if (t.status !== 'zugewiesen') throw falscherStatus(t, 'Ein Eintritt');
      const f = pruefeEintritt({ eintrittAm: input.eintrittAm, geplantBis: t.geplantBis, zugewiesenAm: t.zugewiesenAm });
      if (f.length) throw regelFehler(f);
      const r = await teilnahmenRepository.update(tx, t.id, t.version, { status: 'eingetreten', eintrittAm: input.eintrittAm });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        objectId: t.id,
        personId: t.personId,
        action: 'update',
        purpose: zweckTeilnahme(actor, 'Eintritt in eine Maßnahme erfassen'),
        details: { massnahmeId: t.massnahmeId, von: t.status, nach: 'eingetreten' },
      });
      const zaehlt = zaehltAm(t.instrument, input.eintrittAm);
      const statusFolge = await wendeStatusFolgeAn(tx, actor, {
        personId: t.personId,
        folge: { art: 'massnahme_eintritt', teilnahmeId: t.id, von: input.eintrittAm, bis: t.geplantBis, zaehltAlsMassnahme: zaehlt },
      });
      return { id: t.id, personId: t.personId, status: 'eingetreten' as const, zaehltAlsMassnahme: zaehlt, statusFolge };
    }),
});
