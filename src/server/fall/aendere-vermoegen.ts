import { fallRepository } from '../../db/repositories/fall.ts';
import { tenantScope } from '../context.ts';
import { notFound, validationFailed } from '../errors.ts';
import { aendereEintragAb } from './aendere-ab.ts';
import { datumText, euroText } from './texte.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { sperreVersion } from './fallakte-version.ts';
import { vermoegenAenderungSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Assets of a person "ab" a day, as declared for that period: a new asset (without vermoegenId), a changed value
 * (the old period ends the day before), or the end of one (vermoegen: null, e.g. used up or sold). A person may
 * hold several assets at the same time; each row is one asset with its own history.
 */
export const aendereVermoegen = defineUseCase({
  name: 'fall.aendere-vermoegen',
  zugang: 'angemeldet',
  input: vermoegenAenderungSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    if (!input.vermoegen && !input.vermoegenId) {
      throw validationFailed([{ path: 'vermoegen', code: 'fehlt', message: 'Bitte geben Sie Bezeichnung und Wert des Vermögens an.' }]);
    }
    return mitUeberschneidungsFehler(() =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
        if (!(await fallRepository.istMitglied(tx, bg.id, input.personId))) throw notFound('Die Person');
        const updated = await sperreVersion(tx, bg, input.version);
        const v = input.vermoegen;
        const werte = v ? { bezeichnung: v.bezeichnung, wertCent: v.wertCent } : null;
        const { vorher } = await aendereEintragAb(tx, { tabelle: 'vermoegen', personId: input.personId, eintragId: input.vermoegenId, ab: input.ab, werte, traegerId: actor.traegerId, nichtGefunden: 'Das Vermögen' });
        const beschreibung = !v
          ? `Vermögen „${String(vorher?.bezeichnung ?? '')}“ zählt ab ${datumText(input.ab)} nicht mehr.`
          : input.vermoegenId
            ? `Vermögen „${v.bezeichnung}“ ab ${datumText(input.ab)} geändert: Wert ${euroText(v.wertCent)}.`
            : `Neues Vermögen ab ${datumText(input.ab)}: „${v.bezeichnung}“, Wert ${euroText(v.wertCent)}.`;
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: !v ? 'vermoegen_beendet' : input.vermoegenId ? 'vermoegen_geaendert' : 'vermoegen_neu',
          beschreibung,
          personId: input.personId,
          details: { ab: input.ab, vermoegenId: input.vermoegenId ?? null, ...werte },
        });
        return updated;
      }),
    );
  },
});
