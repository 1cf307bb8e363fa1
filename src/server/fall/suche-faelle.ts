import { fallRepository } from '../../db/repositories/fall.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { authorize, visibleStandorte } from '../policies.ts';
import { lesezweck } from './oeffne-fallakte.ts';

export type FallSucheEingabe = { name?: string; geburtsdatum?: string; fallnummer?: string };

/**
 * Finds Fallakten of the actor's Standorte by name (also former names), birth date or Fallnummer.
 * At least one criterion; the search and the persons it showed go to the audit trail.
 */
export async function sucheFaelle(opts: { ctx: AppContext; actor: Actor; input: FallSucheEingabe }) {
  const { ctx, actor } = opts;
  authorize(actor, 'fall.lesen');
  const name = opts.input.name?.trim() || undefined;
  const fallnummer = opts.input.fallnummer?.trim() || undefined;
  const geburtsdatum = opts.input.geburtsdatum?.trim() || undefined;
  if (geburtsdatum && !istKalenderdatum(geburtsdatum)) {
    throw validationFailed([{ path: 'geburtsdatum', code: 'datum_ungueltig', message: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' }]);
  }
  if (!name && !fallnummer && !geburtsdatum) {
    throw validationFailed([{ path: 'name', code: 'kriterium_fehlt', message: 'Bitte geben Sie einen Namen, ein Geburtsdatum oder eine Fallnummer an.' }]);
  }
  if (name && name.length < 2) {
    throw validationFailed([{ path: 'name', code: 'zu_kurz', message: 'Bitte mindestens zwei Zeichen des Namens angeben.' }]);
  }
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
}
