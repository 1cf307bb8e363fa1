import { z } from 'zod';
import { fallRepository } from '../../db/repositories/fall.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { visibleStandorte } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { lesezweck } from './oeffne-fallakte.ts';

const kriterium = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), z.string().max(max).optional());

/** Name (also former names), birth date or Fallnummer; at least one. Empty fields count as not given. */
export const fallSucheSchema = z
  .object({ name: kriterium(200), geburtsdatum: kriterium(10), fallnummer: kriterium(50) })
  .superRefine((s, ctx) => {
    if (s.geburtsdatum && !istKalenderdatum(s.geburtsdatum)) {
      ctx.addIssue({ code: 'custom', path: ['geburtsdatum'], message: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.', params: { code: 'datum_ungueltig' } });
    } else if (!s.name && !s.fallnummer && !s.geburtsdatum) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Bitte geben Sie einen Namen, ein Geburtsdatum oder eine Fallnummer an.', params: { code: 'kriterium_fehlt' } });
    } else if (s.name && s.name.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Bitte mindestens zwei Zeichen des Namens angeben.', params: { code: 'zu_kurz' } });
    }
  });

/**
 * Finds Fallakten of the actor's Standorte by name (also former names), birth date or Fallnummer.
 * The search and the persons it showed go to the audit trail.
 */
export const sucheFaelle = defineUseCase({
  name: 'fall.faelle-suchen',
  zugang: 'fall.lesen',
  input: fallSucheSchema,
  audit: ['fallakte.search'],
  run: async ({ ctx, actor, input }) => {
    const { name, geburtsdatum, fallnummer } = input;
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const treffer = await fallRepository.suche(tx, { name, geburtsdatum, fallnummer, standorte: visibleStandorte(actor, 'fall.lesen') });
      await recordAudit(tx, actor, {
        objectType: 'fallakte',
        action: 'search',
        purpose: lesezweck(actor).replace('Fallakte einsehen', 'Fallakte suchen'),
        details: {
          kriterien: { ...(name ? { name } : {}), ...(geburtsdatum ? { geburtsdatum } : {}), ...(fallnummer ? { fallnummer } : {}) },
          anzahl: treffer.length,
          treffer: [...new Set(treffer.map((t) => t.personId))],
        },
      });
      return treffer;
    });
  },
});
