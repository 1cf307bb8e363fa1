import { z } from 'zod';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { datumSchema } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can, visibleStandorte } from '../policies.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';

export const faelligeWiedervorlagenSchema = z.object({
  bis: leerAlsFehlend(datumSchema).describe('Standard: heute'),
  meine: leerAlsFehlend(z.enum(['ja', 'nein'])).describe('ja: nur die mir zugewiesenen'),
});

/** Open follow-ups due by `bis` (default today) in the actor's Standorte; `meine` limits to the actor's. */
export const wiedervorlagenFaellig = defineUseCase({
  name: 'fall.wiedervorlagen-faellig',
  zugang: 'fall.lesen',
  input: faelligeWiedervorlagenSchema,
  audit: ['wiedervorlagen.read'],
  run: async ({ ctx, actor, input }) => {
    const bis = input.bis ?? heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const alle = await antraegeRepository.faelligeWiedervorlagen(tx, { standorte: visibleStandorte(actor, 'fall.lesen'), bis, zugewiesenAn: input.meine === 'ja' ? actor.userId : undefined });
      // Follow-ups of the integration side (art ≠ 'allgemein') belong in the work list of those who do that work, or of
      // whoever they are assigned to – not in every Leistung caseworker's Arbeitsvorrat.
      const integrationsseite = can(actor, 'integration.bearbeiten');
      // The Feststellungsfrist of a Minderungsverfahren ('minderung_frist') concerns whoever may work on procedures
      // (integration or Leistung, as the Träger decides): shown with its text to holders of fordern.lesen.
      const sichtbar = (art: string) => art === 'allgemein' || (art === 'minderung_frist' ? can(actor, 'fordern.lesen') : integrationsseite);
      const rows = alle.filter((r) => sichtbar(r.wiedervorlage.art) || r.wiedervorlage.zugewiesenAn === actor.userId);
      if (rows.length) {
        await recordAudit(tx, actor, {
          objectType: 'wiedervorlagen',
          action: 'read',
          purpose: 'Leistungssachbearbeitung: fällige Wiedervorlagen ansehen',
          details: { anzahl: rows.length, faelle: [...new Set(rows.map((r) => r.wiedervorlage.bgId))] },
        });
      }
      return rows.map((r) => ({
        ...r.wiedervorlage,
        grund: sichtbar(r.wiedervorlage.art) ? r.wiedervorlage.grund : r.wiedervorlage.art === 'minderung_frist' ? 'Wiedervorlage zu einem Minderungsverfahren' : 'Wiedervorlage der Integration',
        fallnummer: r.fallnummer,
        antragsteller: r.antragsteller,
        zugewiesenName: r.zugewiesenName,
      }));
    });
  },
});
