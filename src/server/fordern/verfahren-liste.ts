import { z } from 'zod';
import { minderungsverfahrenRepository, OFFENE_STATUS } from '../../db/repositories/minderungsverfahren.ts';
import { TATBESTAND_INFO } from '../../domain/fordern/tatbestaende.ts';
import { VERFAHREN_STATUS, type VerfahrenStatus } from '../../domain/fordern/typen.ts';
import { STATUS_TEXT } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { sichtbareStandorte } from '../policies.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { zweckFordern } from './zugriff.ts';

export const LISTE_GRENZE = 200;

export const verfahrenListeSchema = z.object({
  status: leerAlsFehlend(z.enum(['offen', 'alle', ...VERFAHREN_STATUS], { error: 'Bitte wählen Sie einen Stand aus der Liste.' })).describe('offen | alle (Standard) | ein Stand'),
  personId: leerAlsFehlend(uuid('Die Person')).describe('nur die Verfahren dieser Person'),
  bgId: leerAlsFehlend(uuid('Die Fallakte')).describe('nur die Verfahren dieser Bedarfsgemeinschaft'),
});

/**
 * Minderungsverfahren in the actor's Standorte (docs/fordern.md "Verfahren"): open ones first, nearest deadline first
 * (the Anhörungsfrist while it runs, else the Feststellungsfrist), then the closed ones; filter by status (incl.
 * "offen" and "freigabe_erforderlich"), person or BG; counts per status for the filter. At most 200 rows (`mehr`).
 */
export const verfahrenListe = defineUseCase({
  name: 'fordern.verfahren-liste',
  zugang: 'fordern.lesen',
  input: verfahrenListeSchema,
  audit: ['minderungsverfahren.search'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const status = input.status === 'alle' ? undefined : (input.status as VerfahrenStatus | 'offen' | undefined);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await minderungsverfahrenRepository.liste(tx, { standorte: sichtbareStandorte(actor, 'fordern.lesen'), status, personId: input.personId, bgId: input.bgId, limit: LISTE_GRENZE });
      if (r.zeilen.length) {
        await recordAudit(tx, actor, {
          objectType: 'minderungsverfahren',
          action: 'search',
          ...(input.personId ? { personId: input.personId } : {}),
          purpose: zweckFordern('Minderungsverfahren auflisten'),
          details: { schritt: 'liste', ...(status ? { status } : {}), anzahl: r.zeilen.length, faelle: [...new Set(r.zeilen.map((zeile) => zeile.bgId))] },
        });
      }
      const anzahl = Object.fromEntries(VERFAHREN_STATUS.map((s) => [s, r.anzahl[s] ?? 0])) as Record<VerfahrenStatus, number>;
      return {
        heute: tag,
        status: input.status ?? 'alle',
        anzahl: { ...anzahl, offen: OFFENE_STATUS.reduce((n, s) => n + anzahl[s], 0), alle: VERFAHREN_STATUS.reduce((n, s) => n + anzahl[s], 0) },
        mehr: r.mehr,
        verfahren: r.zeilen.map((v) => ({
          id: v.id,
          aktenzeichen: v.aktenzeichen,
          personId: v.personId,
          name: v.name,
          bgId: v.bgId,
          fallnummer: v.fallnummer,
          anlassArt: v.anlassArt,
          tatbestand: v.tatbestand,
          tatbestandText: TATBESTAND_INFO[v.tatbestand].titel,
          norm: TATBESTAND_INFO[v.tatbestand].norm,
          status: v.status,
          statusText: STATUS_TEXT[v.status],
          offen: v.offen,
          pflichtverletzungAm: v.pflichtverletzungAm,
          fristEnde: v.fristEnde,
          anhoerungFrist: v.anhoerungFrist,
          /** the deadline that comes first (open procedures) and which one it is */
          naechsteFrist: v.naechsteFrist,
          naechsteFristArt: v.naechsteFrist === null ? null : v.naechsteFrist === v.fristEnde ? ('feststellung' as const) : ('anhoerung' as const),
          /** open, but the Feststellungsfrist is over: no Minderung any more (einstellen) */
          feststellungsfristAbgelaufen: v.offen && v.fristEnde < tag,
        })),
      };
    });
  },
});
