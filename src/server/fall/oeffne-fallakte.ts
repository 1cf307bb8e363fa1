import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { istKalenderdatum, zustandAm, type FallakteDaten, type FallZustand } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope, type Actor } from '../context.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { can } from '../policies.ts';
import { heute } from '../clock.ts';
import { ladeBgFuer } from './zugriff.ts';

export type FallakteAnsicht = Awaited<ReturnType<typeof oeffneFallakte.run>>;

/** Purpose of reading a case, by the reader's task. */
export function lesezweck(actor: Actor): string {
  if (actor.roles.includes('leistung')) return 'Leistungssachbearbeitung: Fallakte einsehen';
  if (actor.roles.includes('teamleitung')) return 'Teamleitung: Fallakte einsehen';
  return 'Integration: Fallakte einsehen (ohne Bankdaten)';
}

/**
 * Opens a Fallakte: all dated facts, the state on `stichtag` (default: today), Anträge, Vermerke, Wiedervorlagen,
 * documents and history. Bank details only with 'fall.bankdaten'. Writes one audit entry per person shown.
 */
export const oeffneFallakte = defineUseCase({
  name: 'fall.fallakte-oeffnen',
  zugang: 'angemeldet',
  input: z.object({
    /** The Fallakte from the URL; an unknown or malformed id answers 404. */
    id: z.string().max(100).describe('ID (UUID)'),
    stichtag: leerAlsFehlend(z.string().max(10).refine(istKalenderdatum, { error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' })).describe('Standard: heute'),
  }),
  audit: ['fallakte.read'],
  run: async ({ ctx, actor, input: { id, stichtag: tag } }) => {
    const stichtag = tag ?? heute(ctx.clock.now());
    const bankSichtbar = can(actor, 'fall.bankdaten');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const bg = await ladeBgFuer(tx, actor, id, 'fall.lesen');
      const rows = await fallRepository.ladeDaten(tx, bg.id, { bank: bankSichtbar });
      const daten: FallakteDaten = {
        bg: { id: bg.id, fallnummer: bg.fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version },
        ...rows,
      };
      const zustand: FallZustand = zustandAm(daten, stichtag);
      // one transaction = one connection, which runs one query at a time: sequential awaits
      const standort = await organisationRepository.findStandort(tx, bg.standortId);
      const antraege = await antraegeRepository.listByBg(tx, bg.id);
      const vermerke = await fallRepository.listVermerke(tx, bg.id);
      const wiedervorlagen = await antraegeRepository.listWiedervorlagenByBg(tx, bg.id);
      const ereignisse = await fallRepository.listEreignisse(tx, bg.id);
      const dokumente = await fallRepository.listDokumente(tx, bg.id);
      const personIds = [...new Set(rows.mitgliedschaften.map((m) => m.personId))];
      const zweck = lesezweck(actor);
      for (const personId of personIds) {
        await recordAudit(tx, actor, {
          objectType: 'fallakte',
          objectId: bg.id,
          personId,
          action: 'read',
          purpose: zweck,
          details: { stichtag, bankdaten: bankSichtbar },
        });
      }
      return {
        bg: { ...bg, standortName: standort?.name ?? '' },
        stichtag,
        bankSichtbar,
        daten,
        zustand,
        antraege: antraege.map((a) => ({ ...a.antrag, bearbeiterName: a.bearbeiterName })),
        vermerke,
        // The reason of an integration follow-up may quote the conversation or the citizen's comment on the plan:
        // outside the integration side only that it exists, when and for whom (data minimisation).
        wiedervorlagen: wiedervorlagen.map((w) => ({
          ...w.wiedervorlage,
          grund:
            w.wiedervorlage.art === 'allgemein' || (w.wiedervorlage.art === 'minderung_frist' ? can(actor, 'fordern.lesen') : can(actor, 'integration.bearbeiten'))
              ? w.wiedervorlage.grund
              : w.wiedervorlage.art === 'minderung_frist'
                ? 'Wiedervorlage zu einem Minderungsverfahren'
                : 'Wiedervorlage der Integration',
          zugewiesenName: w.zugewiesenName,
        })),
        ereignisse,
        dokumente,
      };
    });
  },
});
