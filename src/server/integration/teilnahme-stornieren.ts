import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { uebergangErlaubt } from '../../domain/foerdern/teilnahme.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { loeseMittel } from './budget-bindung.ts';
import { stornoSchema } from './massnahmen-schemas.ts';
import { falscherStatus, ladeTeilnahme, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

/**
 * Storno before the Eintritt (Vorschlag, Warteliste, waiting for approval, zugewiesen): a held place becomes free
 * and the bound budget is released in full; the first on the Warteliste is named for the page. A Vorschlag can
 * instead be `abgelehnt` (the person and the Fachkraft do not pursue it).
 */
export const teilnahmeStornieren = defineUseCase({
  name: 'integration.teilnahme-stornieren',
  zugang: 'integration.bearbeiten',
  input: stornoSchema,
  audit: ['teilnahme.update', 'mittelbindung.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await ladeTeilnahme(tx, actor, input.id, 'integration.bearbeiten');
      if (t.version !== input.version) throw versionConflict();
      const nach = input.ergebnis ?? 'storniert';
      if (!uebergangErlaubt(t.status, nach)) throw falscherStatus(t, nach === 'abgelehnt' ? 'Eine Ablehnung' : 'Eine Stornierung');
      const r = await teilnahmenRepository.update(tx, t.id, t.version, { status: nach, platzNr: null });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        objectId: t.id,
        personId: t.personId,
        action: 'update',
        purpose: zweckTeilnahme(actor, 'Teilnahme an einer Maßnahme stornieren'),
        details: { massnahmeId: t.massnahmeId, von: t.status, nach },
      });
      if (t.status === 'zugewiesen') await loeseMittel(tx, actor, { teilnahmeId: t.id, ab: t.geplantVon });
      const warteliste = t.status === 'zugewiesen' ? await teilnahmenRepository.ersterAufWarteliste(tx, t.kontingentId) : undefined;
      return { id: t.id, personId: t.personId, status: nach, wartelisteErster: warteliste ? { teilnahmeId: warteliste.id, personId: warteliste.personId, name: warteliste.name } : null };
    }),
});
