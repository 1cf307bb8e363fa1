import { fallRepository } from '../../db/repositories/fall.ts';
import { AppError, notFound } from '../errors.ts';
import { aendereEintragAb } from './aendere-ab.ts';
import { datumText, euroText } from './texte.ts';
import { imTenant, sperreVersion } from './fallakte-version.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { einkommenAenderungSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

const ART: Record<string, string> = {
  erwerbstaetigkeit: 'Erwerbseinkommen',
  kindergeld: 'Kindergeld',
  unterhalt: 'Unterhalt',
  unterhaltsvorschuss: 'Unterhaltsvorschuss',
  rente: 'Rente',
  arbeitslosengeld: 'Arbeitslosengeld',
  krankengeld: 'Krankengeld',
  elterngeld: 'Elterngeld',
  selbststaendigkeit: 'Einkommen aus Selbstständigkeit',
  sonstiges: 'sonstiges Einkommen',
};
export const einkommenArtText = (art: string) => ART[art] ?? art;

/**
 * Income "ab" a day: a new income (without einkommenId), a changed one (the old period ends the day before),
 * or the end of one (einkommen: null). Several incomes of a person may run at the same time.
 */
export const aendereEinkommen = defineUseCase({
  name: 'fall.aendere-einkommen',
  zugang: 'angemeldet',
  input: einkommenAenderungSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    return mitUeberschneidungsFehler(() =>
      imTenant(ctx, actor, opts.tx, async (tx) => {
        const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
        if (!(await fallRepository.istMitglied(tx, bg.id, input.personId))) throw notFound('Die Person');
        const updated = await sperreVersion(tx, bg, input.version);
        const e = input.einkommen;
        const werte = e
          ? e.art === 'erwerbstaetigkeit'
            ? { art: e.art, bezeichnung: e.bezeichnung || null, bruttoCent: e.bruttoCent, nettoCent: e.nettoCent, absetzungenCent: e.absetzungenCent ?? null, betragCent: null }
            : { art: e.art, bezeichnung: e.bezeichnung || null, bruttoCent: null, nettoCent: null, absetzungenCent: null, betragCent: e.betragCent }
          : null;
        if (!input.einkommenId && !werte) throw new AppError('validation_failed', 400, 'Bitte geben Sie das Einkommen an.', [{ path: 'einkommen', code: 'fehlt', message: 'Bitte geben Sie das Einkommen an.' }]);
        const { vorher } = await aendereEintragAb(tx, { tabelle: 'einkommen', personId: input.personId, eintragId: input.einkommenId, ab: input.ab, werte, traegerId: actor.traegerId, nichtGefunden: 'Das Einkommen' });
        const betrag = e ? (e.art === 'erwerbstaetigkeit' ? `brutto ${euroText(e.bruttoCent)}, netto ${euroText(e.nettoCent)}` : euroText(e.betragCent)) : '';
        const beschreibung = !e
          ? `${einkommenArtText(String(vorher?.art ?? ''))} endet ab ${datumText(input.ab)}.`
          : input.einkommenId
            ? `${einkommenArtText(e.art)} ab ${datumText(input.ab)} geändert: ${betrag}${e.bezeichnung ? ` (${e.bezeichnung})` : ''}.`
            : `Neues Einkommen ab ${datumText(input.ab)}: ${einkommenArtText(e.art)} ${betrag}${e.bezeichnung ? ` (${e.bezeichnung})` : ''}.`;
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: !e ? 'einkommen_beendet' : input.einkommenId ? 'einkommen_geaendert' : 'einkommen_neu',
          beschreibung,
          personId: input.personId,
          details: { ab: input.ab, einkommenId: input.einkommenId ?? null, ...werte },
        });
        return updated;
      }),
    );
  },
});
