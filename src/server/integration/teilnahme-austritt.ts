import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { nachAustritt, pruefeAustritt } from '../../domain/foerdern/teilnahme.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { loeseMittel } from './budget-bindung.ts';
import { austrittSchema } from './massnahmen-schemas.ts';
import { wendeStatusFolgeAn } from './status-folgen.ts';
import { falscherStatus, ladeTeilnahme, regelFehler, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

/** Where the page goes after an Austritt with Arbeitsaufnahme: slice E's form, prefilled. */
export const integrationErfassenUrl = (personId: string, teilnahmeId: string, beginn: string) =>
  `/integration/personen/${personId}/integrationen?${new URLSearchParams({ teilnahmeId, beginn }).toString()}`;

/**
 * Austritt with reason (regulär, Arbeitsaufnahme, Abbruch, Ausschluss, Krankheit); not before the Eintritt
 * (`austritt_vor_eintritt`). The place becomes free (the first on the Warteliste is named for the page), the
 * Arbeitsmarktstatus period of the Maßnahme ends (status-folgen.ts; restoring Arbeitslosigkeit is offered there),
 * bound budget beyond the Austritt is released. With Arbeitsaufnahme the page leads on to "Integration erfassen".
 */
export const teilnahmeAustritt = defineUseCase({
  name: 'integration.teilnahme-austritt',
  zugang: 'integration.bearbeiten',
  input: austrittSchema,
  audit: ['teilnahme.update', 'arbeitsmarktstatus.update', 'mittelbindung.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await ladeTeilnahme(tx, actor, input.id, 'integration.bearbeiten');
      if (t.version !== input.version) throw versionConflict();
      if (t.status !== 'eingetreten' || !t.eintrittAm) throw falscherStatus(t, 'Ein Austritt');
      const f = pruefeAustritt({ eintrittAm: t.eintrittAm, austrittAm: input.austrittAm });
      if (f.length) throw regelFehler(f, 'austritt_vor_eintritt');
      const r = await teilnahmenRepository.update(tx, t.id, t.version, { status: 'ausgetreten', austrittAm: input.austrittAm, austrittsgrund: input.grund, platzNr: null });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        objectId: t.id,
        personId: t.personId,
        action: 'update',
        purpose: zweckTeilnahme(actor, 'Austritt aus einer Maßnahme erfassen'),
        details: { massnahmeId: t.massnahmeId, von: t.status, nach: 'ausgetreten', grund: input.grund },
      });
      const statusFolge = await wendeStatusFolgeAn(tx, actor, { personId: t.personId, folge: { art: 'massnahme_austritt', teilnahmeId: t.id, am: input.austrittAm } });
      const danach = nachAustritt({ austrittAm: input.austrittAm, geplantBis: t.geplantBis, grund: input.grund });
      if (danach.mittelFreiAb) await loeseMittel(tx, actor, { teilnahmeId: t.id, ab: danach.mittelFreiAb });
      const warteliste = await teilnahmenRepository.ersterAufWarteliste(tx, t.kontingentId);
      return {
        id: t.id,
        personId: t.personId,
        status: 'ausgetreten' as const,
        statusFolge,
        weiter: danach.integrationErfassen ? integrationErfassenUrl(t.personId, t.id, input.austrittAm) : null,
        wartelisteErster: warteliste ? { teilnahmeId: warteliste.id, personId: warteliste.personId, name: warteliste.name } : null,
      };
    }),
});
