import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { folgeschrittOhnePlan, regimeAm } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { ladePersonFuer, planAnsicht } from './kooperationsplan-gemeinsam.ts';

/**
 * The Kooperationsplan page of a person: every version (newest first), the Schlichtungen, the Eigenbemühungen proofs
 * of the plan in force, and what the law of today allows (Schlichtung until 30.6.2026, Verwaltungsakt after). Audited.
 */
export const kooperationsplanLesen = defineUseCase({
  name: 'integration.kooperationsplan-lesen',
  zugang: 'angemeldet',
  input: z.object({ personId: z.string() }),
  audit: ['kooperationsplan.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladePersonFuer(tx, actor, input.personId, 'integration.lesen', tag);
      const plaene = (await kooperationsplanRepository.plaeneDerPerson(tx, person.personId)).map(planAnsicht);
      const schlichtungen = (await kooperationsplanRepository.schlichtungenDerPerson(tx, person.personId)).map((s) => ({
        id: s.id,
        kooperationsplanId: s.kooperationsplanId,
        beantragtVon: s.beantragtVon,
        beginn: s.beginn,
        ende: s.ende,
        ergebnis: s.ergebnis,
        schlichtende: s.schlichtende,
        bemerkung: s.bemerkung,
        version: s.version,
      }));
      const geltend = plaene.find((p) => p.status === 'abgestimmt' || p.status === 'nicht_zustande_gekommen') ?? null;
      const nachweise = geltend
        ? (await kooperationsplanRepository.nachweiseZumPlan(tx, geltend.id)).map((n) => ({ id: n.id, monat: n.monat, anzahl: n.anzahl, beschreibung: n.beschreibung, portalDateiId: n.portalDateiId, createdAt: n.createdAt.toISOString() }))
        : [];
      await recordAudit(tx, actor, {
        objectType: 'kooperationsplan',
        objectId: geltend?.id ?? null,
        personId: person.personId,
        action: 'read',
        purpose: 'Integration: Kooperationsplan ansehen',
        details: { fassungen: plaene.length, bgId: person.bgId },
      });
      const r = regimeAm(tag).wert;
      return {
        person: { id: person.personId, vorname: person.vorname, nachname: person.nachname, bgId: person.bgId, standortId: person.standortId },
        heute: tag,
        recht: { schlichtung: r.schlichtung, verwaltungsakt: r.verwaltungsakt, neueErlaubt: r.neueErlaubt, ueberpruefungMonate: r.ueberpruefungMonate, folgeschritt: folgeschrittOhnePlan(tag) },
        entwurf: plaene.find((p) => p.status === 'entwurf') ?? null,
        geltend,
        plaene,
        schlichtungen,
        nachweise,
      };
    });
  },
});
