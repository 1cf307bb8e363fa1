import { z } from 'zod';
import { arbeitsmarktstatusRepository } from '../../db/repositories/arbeitsmarktstatus.ts';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { langzeitarbeitslosSeit, statusAm, STATUS_TEXT, GRUND_TEXT, type StatusPeriode } from '../../domain/foerdern/status.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { forbidden } from '../errors.ts';
import { can, sichtbareStandorte } from '../policies.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { zweckBetreuung } from './betreuung-zugriff.ts';

export type Caseload = Awaited<ReturnType<typeof caseloadLesen.run>>;

/**
 * "Meine Klientinnen und Klienten": the persons an Integrationsfachkraft is persönliche Ansprechpartnerin for today,
 * with Fallnummer, current Arbeitsmarktstatus, next agreed contact and open Wiedervorlagen (overdue first). The
 * Teamleitung (`betreuung.zuweisen`) sees the caseload of every Fachkraft of its Standorte, or of one (`fachkraftId`).
 */
export const caseloadLesen = defineUseCase({
  name: 'integration.caseload',
  zugang: 'arbeitsplatz.integration',
  input: z.object({
    fachkraftId: leerAlsFehlend(z.string().max(100)).describe('nur Teamleitung: eine Fachkraft, „alle“ oder leer (Teamleitung: alle; sonst: die eigenen)'),
  }),
  audit: ['betreuung.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const team = can(actor, 'betreuung.zuweisen');
    let fachkraftId: string | null;
    if (!team) {
      if (input.fachkraftId && input.fachkraftId !== actor.userId && input.fachkraftId !== 'eigene') throw forbidden();
      fachkraftId = actor.userId;
    } else {
      fachkraftId = !input.fachkraftId || input.fachkraftId === 'alle' ? null : input.fachkraftId === 'eigene' ? actor.userId : input.fachkraftId;
    }
    const standortIds = sichtbareStandorte(actor, 'arbeitsplatz.integration');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const fachkraefte = team ? await betreuungRepository.fachkraefte(tx, standortIds) : [];
      // an id that is not a Fachkraft of the team shows nothing (not an error: the filter is a choice of the page)
      if (team && fachkraftId && fachkraftId !== actor.userId && !fachkraefte.some((f) => f.id === fachkraftId)) fachkraftId = '00000000-0000-0000-0000-000000000000';
      const zeilen = await betreuungRepository.caseload(tx, { tag, fachkraftId, standortIds });
      const alle = await arbeitsmarktstatusRepository.periodenVon(tx, zeilen.map((zeile) => zeile.personId));
      const jePerson = new Map<string, StatusPeriode[]>();
      for (const p of alle) {
        const liste = jePerson.get(p.personId) ?? [];
        liste.push({ id: p.id, gueltigVon: p.gueltigVon, gueltigBis: p.gueltigBis, status: p.status, grund: p.grund, quelle: p.quelle, quelleId: p.quelleId });
        jePerson.set(p.personId, liste);
      }
      await recordAudit(tx, actor, {
        objectType: 'betreuung',
        action: 'read',
        purpose: zweckBetreuung(actor, team ? 'Fallbestand des Teams einsehen' : 'eigenen Fallbestand einsehen'),
        details: { anzahl: zeilen.length, treffer: zeilen.map((zeile) => zeile.personId), ansicht: 'caseload' },
      });
      return {
        heute: tag,
        team,
        fachkraftId,
        fachkraefte,
        personen: zeilen.map((zeile) => {
          const perioden = jePerson.get(zeile.personId) ?? [];
          const s = statusAm(perioden, tag);
          return {
            ...zeile,
            status: s?.status ?? null,
            statusText: s ? `${STATUS_TEXT[s.status]}${s.grund ? ` (${GRUND_TEXT[s.grund]})` : ''}` : 'nicht erfasst',
            langzeitarbeitslosSeit: langzeitarbeitslosSeit(perioden, tag),
          };
        }),
      };
    });
  },
});
