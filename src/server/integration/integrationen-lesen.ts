import { z } from 'zod';
import { integrationenRepository } from '../../db/repositories/integrationen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { gezaehlt, ladeIntegrationsPerson, presentIntegration, zweckIntegration } from './integrationen-gemeinsam.ts';

/**
 * A person's job starts (Beschäftigungsperioden) with how each counts, the open 6-month follow-ups and the link to
 * the change proposal of the Leistung side. Every read is audited with its purpose.
 */
export const integrationenLesen = defineUseCase({
  name: 'integration.integrationen-lesen',
  zugang: 'angemeldet',
  input: z.object({ personId: z.string().max(100).describe('Person (UUID)') }),
  audit: ['integration.read'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const tag = heute(ctx.clock.now());
      const { person, bg } = await ladeIntegrationsPerson(tx, actor, input.personId, 'integration.lesen', tag);
      const zeilen = await integrationenRepository.vonPerson(tx, person.id);
      const zaehlt = gezaehlt(zeilen);
      const offen = await integrationenRepository.offeneNachhaltigkeit(tx, person.id);
      await recordAudit(tx, actor, {
        objectType: 'integration',
        personId: person.id,
        action: 'read',
        purpose: zweckIntegration(actor, 'Beschäftigungsaufnahmen einer Person ansehen'),
        details: { anzahl: zeilen.length, bgId: bg.id },
      });
      return {
        person: { id: person.id, vorname: person.vorname, nachname: person.nachname, mitgliedSeit: person.mitgliedschaften[0]?.gueltigVon ?? null },
        bg,
        heute: tag,
        integrationen: zeilen.map((i) => {
          const wv = offen.find((w) => w.bezugId === i.id);
          return { ...presentIntegration(i, zaehlt, tag), nachhaltigkeitOffen: wv ? { wiedervorlageId: wv.id, faelligAm: wv.faelligAm, faellig: wv.faelligAm <= tag, zugewiesenName: wv.zugewiesenName } : null };
        }),
      };
    }),
});
