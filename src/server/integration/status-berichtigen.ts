import { z } from 'zod';
import { arbeitsmarktstatusRepository } from '../../db/repositories/arbeitsmarktstatus.ts';
import { pruefePeriode } from '../../domain/foerdern/status.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import type { Tx } from '../../db/client.ts';
import { tenantScope, type Actor } from '../context.ts';
import { notFound, validationFailed } from '../errors.ts';
import { leerAlsFehlend, tagesdatum } from '../schemas/formular.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, ladeElbPerson, zweckBetreuung } from './betreuung-zugriff.ts';
import { alsDomaene } from './status-folgen.ts';
import { alsFehler, grundFeld, leerOderFehlendAlsNull, ohneStatusUeberschneidung, statusFeld } from './status-gemeinsam.ts';

/** Loads a status period and its person for a change (404 for unknown, foreign Träger, other Standort). */
async function ladePeriode(tx: Tx, actor: Actor, id: string, tag: string) {
  if (!istUuid(id)) throw notFound('Der Arbeitsmarktstatus');
  const p = await arbeitsmarktstatusRepository.find(tx, id);
  if (!p) throw notFound('Der Arbeitsmarktstatus');
  const person = await ladeElbPerson(tx, actor, p.personId, 'integration.bearbeiten', tag).catch((e: unknown) => {
    throw (e as { status?: number }).status === 404 ? notFound('Der Arbeitsmarktstatus') : e;
  });
  return { p, person };
}

/** Ends a status period on a day (e.g. the person is no longer arbeitslos from tomorrow). */
export const statusBeenden = defineUseCase({
  name: 'integration.status-beenden',
  zugang: 'angemeldet',
  input: z.object({
    id: z.string().max(100).describe('Status-Zeitraum (UUID)'),
    gueltigBis: tagesdatum().describe('letzter Tag des Status'),
  }),
  audit: ['arbeitsmarktstatus.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { p, person } = await ladePeriode(tx, actor, input.id, tag);
      await arbeitsmarktstatusRepository.sperrePerson(tx, person.personId);
      if (input.gueltigBis < p.gueltigVon) {
        throw validationFailed([{ path: 'gueltigBis', code: 'bis_vor_von', message: `Das Ende darf nicht vor dem Beginn (${datumText(p.gueltigVon)}) liegen.` }]);
      }
      if (p.gueltigBis !== null && input.gueltigBis > p.gueltigBis) {
        throw validationFailed([{ path: 'gueltigBis', code: 'nach_ende', message: `Der Zeitraum endet schon am ${datumText(p.gueltigBis)}; zum Verlängern berichtigen Sie ihn.` }]);
      }
      await arbeitsmarktstatusRepository.setzeBis(tx, p.id, input.gueltigBis);
      await recordAudit(tx, actor, {
        objectType: 'arbeitsmarktstatus',
        objectId: p.id,
        personId: person.personId,
        action: 'update',
        purpose: zweckBetreuung(actor, `Arbeitsmarktstatus zum ${datumText(input.gueltigBis)} beenden`),
        details: { art: 'beendet', bis: input.gueltigBis },
      });
      return { ...p, gueltigBis: input.gueltigBis };
    });
  },
});

/** Corrects a status period (dates, status, reason); the corrected period must not overlap another one. */
export const statusBerichtigen = defineUseCase({
  name: 'integration.status-berichtigen',
  zugang: 'angemeldet',
  input: z.object({
    id: z.string().max(100).describe('Status-Zeitraum (UUID)'),
    gueltigVon: tagesdatum(),
    gueltigBis: leerOderFehlendAlsNull(tagesdatum()).describe('leer: offen'),
    status: statusFeld(),
    grund: grundFeld(),
    bemerkung: leerAlsFehlend(text(500)),
  }),
  audit: ['arbeitsmarktstatus.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ohneStatusUeberschneidung(() =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const { p, person } = await ladePeriode(tx, actor, input.id, tag);
        await arbeitsmarktstatusRepository.sperrePerson(tx, person.personId);
        const perioden = (await arbeitsmarktstatusRepository.perioden(tx, person.personId)).map(alsDomaene);
        const neu = { gueltigVon: input.gueltigVon, gueltigBis: input.gueltigBis ?? null, status: input.status, grund: input.grund ?? null };
        const f = pruefePeriode(perioden, neu, p.id);
        if (f) throw alsFehler(f);
        const row = await arbeitsmarktstatusRepository.update(tx, p.id, { ...neu, bemerkung: input.bemerkung ?? p.bemerkung });
        await recordAudit(tx, actor, {
          objectType: 'arbeitsmarktstatus',
          objectId: p.id,
          personId: person.personId,
          action: 'update',
          purpose: zweckBetreuung(actor, 'Arbeitsmarktstatus berichtigen'),
          details: { art: 'berichtigt', status: neu.status, von: neu.gueltigVon, bis: neu.gueltigBis },
        });
        return row!;
      }),
    );
  },
});
