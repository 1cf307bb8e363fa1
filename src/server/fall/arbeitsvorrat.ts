import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { ANTRAG_ARTEN, ANTRAG_STATUS, OFFENE_STATUS, tageZwischen } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { visibleStandorte } from '../policies.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { istUuid, uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { heute } from '../clock.ts';
import { standortSichtbar } from './zugriff.ts';

/** The filter of the work queue; empty form fields count as not given. */
export const vorratFilterSchema = z.object({
  standortId: leerAlsFehlend(uuid('Der Standort')),
  /** 'offen' (default), 'alle' or one status. */
  status: leerAlsFehlend(z.enum(['offen', 'alle', ...ANTRAG_STATUS])).describe('Standard: offen'),
  art: leerAlsFehlend(z.enum(ANTRAG_ARTEN)),
  /** 'ich', 'niemand' or a user id. */
  bearbeiter: leerAlsFehlend(
    z
      .string()
      .max(100)
      .refine((b) => b === 'ich' || b === 'niemand' || istUuid(b), { error: 'Bitte „ich“, „niemand“ oder die Kennung (UUID) einer Person angeben.' }),
  ).describe('"ich", "niemand" oder eine Benutzer-ID'),
  /** Only due (Frist today or earlier). */
  faellig: leerAlsFehlend(z.enum(['ja', 'nein'])).describe('ja: nur mit Frist bis heute'),
});

/** The work queue of the actor's Standorte: Anträge with age and due date, oldest due first. */
export const arbeitsvorrat = defineUseCase({
  name: 'fall.arbeitsvorrat',
  zugang: 'fall.lesen',
  input: vorratFilterSchema,
  audit: ['arbeitsvorrat.read'],
  run: async ({ ctx, actor, input: f }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const sichtbar = visibleStandorte(actor, 'fall.lesen');
      const standortId = f.standortId && standortSichtbar(actor, f.standortId) ? f.standortId : undefined;
      const status = !f.status || f.status === 'offen' ? [...OFFENE_STATUS] : f.status === 'alle' ? undefined : [f.status];
      const rows = await antraegeRepository.vorrat(tx, {
        standorte: sichtbar,
        standortId,
        status,
        art: f.art || undefined,
        bearbeiter: f.bearbeiter === 'ich' ? actor.userId : f.bearbeiter || undefined,
        faelligBis: f.faellig === 'ja' ? tag : undefined,
      });
      const standorte = sichtbar === 'alle' ? (await organisationRepository.listStandorte(tx)).map((s) => ({ id: s.standort.id, name: s.standort.name })) : actor.standorte;
      const kollegen = await antraegeRepository.kollegen(tx, standorte.map((s) => s.id));
      // The list shows Antragsteller names: it is a read of personal data.
      if (rows.length) {
        await recordAudit(tx, actor, {
          objectType: 'arbeitsvorrat',
          action: 'read',
          purpose: 'Leistungssachbearbeitung: Arbeitsvorrat ansehen',
          details: { anzahl: rows.length, faelle: [...new Set(rows.map((r) => r.antrag.bgId).filter((id): id is string => Boolean(id)))] },
        });
      }
      return {
        heute: tag,
        standorte,
        kollegen,
        eintraege: rows.map((r) => ({
          ...r.antrag,
          fallnummer: r.fallnummer,
          // an online Antrag without a Fallakte yet: the name as the application states it
          antragsteller: r.antragsteller ?? r.antragstellerLautAntrag,
          nameLautAntrag: !r.antragsteller && !!r.antragstellerLautAntrag,
          standort: r.standort,
          bearbeiterName: r.bearbeiterName,
          alterTage: Math.max(0, tageZwischen(r.antrag.antragsdatum, tag)),
          ueberfaellig: !!r.antrag.faelligAm && r.antrag.faelligAm < tag && (OFFENE_STATUS as readonly string[]).includes(r.antrag.status),
        })),
      };
    });
  },
});
