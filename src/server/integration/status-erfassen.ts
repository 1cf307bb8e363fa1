import { z } from 'zod';
import { arbeitsmarktstatusRepository } from '../../db/repositories/arbeitsmarktstatus.ts';
import { pruefePeriode, STATUS_TEXT } from '../../domain/foerdern/status.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { leerAlsFehlend, tagesdatum } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, ladeElbPerson, verlangeElb, zweckBetreuung } from './betreuung-zugriff.ts';
import { alsDomaene } from './status-folgen.ts';
import { alsFehler, grundFeld, leerOderFehlendAlsNull, ohneStatusUeberschneidung, statusFeld } from './status-gemeinsam.ts';

/**
 * Records an Arbeitsmarktstatus period of an eLb (§ 16 SGB III i.V.m. § 53a SGB II, § 10 SGB II). A period that
 * overlaps another is refused (400 `status_ueberschneidung` at `gueltigVon`) and nothing is saved: the existing one
 * has to be ended or corrected first — the series is the answer to "status as of any day" and must stay unambiguous.
 */
export const statusErfassen = defineUseCase({
  name: 'integration.status-erfassen',
  zugang: 'angemeldet',
  input: z.object({
    personId: z.string().max(100).describe('Person (UUID)'),
    gueltigVon: tagesdatum(),
    gueltigBis: leerOderFehlendAlsNull(tagesdatum()).describe('leer: offen'),
    status: statusFeld(),
    grund: grundFeld(),
    bemerkung: leerAlsFehlend(text(500)),
  }),
  audit: ['arbeitsmarktstatus.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ohneStatusUeberschneidung(() =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const person = await ladeElbPerson(tx, actor, input.personId, 'integration.bearbeiten', tag);
        verlangeElb(person);
        await arbeitsmarktstatusRepository.sperrePerson(tx, person.personId);
        const perioden = (await arbeitsmarktstatusRepository.perioden(tx, person.personId)).map(alsDomaene);
        const neu = { gueltigVon: input.gueltigVon, gueltigBis: input.gueltigBis ?? null, status: input.status, grund: input.grund ?? null };
        const f = pruefePeriode(perioden, neu);
        if (f) throw alsFehler(f);
        const row = await arbeitsmarktstatusRepository.insert(tx, {
          traegerId: actor.traegerId,
          personId: person.personId,
          ...neu,
          quelle: 'erfasst',
          bemerkung: input.bemerkung ?? null,
          createdBy: actor.userId,
        });
        await recordAudit(tx, actor, {
          objectType: 'arbeitsmarktstatus',
          objectId: row.id,
          personId: person.personId,
          action: 'create',
          purpose: zweckBetreuung(actor, `Arbeitsmarktstatus „${STATUS_TEXT[row.status]}“ ab ${datumText(row.gueltigVon)} erfassen`),
          details: { status: row.status, von: row.gueltigVon, bis: row.gueltigBis, quelle: row.quelle },
        });
        return row;
      }),
    );
  },
});
