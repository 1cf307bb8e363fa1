import { fallRepository } from '../../db/repositories/fall.ts';
import { AppError, notFound } from '../errors.ts';
import { aendereEintragAb } from './aendere-ab.ts';
import { datumText, euroText } from './texte.ts';
import { imTenant, sperreVersion } from './fallakte-version.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { einkommenAenderungSchema, type EinkommenDaten } from './schemas.ts';
import { einmaligGueltigBis } from '../../domain/fallakte/index.ts';
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
  einmalig: 'einmalige Einnahme',
  sonstiges: 'sonstiges Einkommen',
};
export const einkommenArtText = (art: string) => ART[art] ?? art;

/** The columns of person_einkommen for one income as the schema gave it. */
export function einkommenSpalten(e: EinkommenDaten) {
  const leer = { bruttoCent: null, nettoCent: null, absetzungenCent: null, betragCent: null, zuflussDatum: null, erbschaft: false, ferienjob: false };
  const basis = { ...leer, art: e.art, bezeichnung: e.bezeichnung || null };
  if (e.art === 'erwerbstaetigkeit') return { ...basis, bruttoCent: e.bruttoCent, nettoCent: e.nettoCent, absetzungenCent: e.absetzungenCent ?? null, ferienjob: e.ferienjob ?? false };
  if (e.art === 'selbststaendigkeit' && e.bruttoCent !== undefined && e.nettoCent !== undefined) {
    return { ...basis, bruttoCent: e.bruttoCent, nettoCent: e.nettoCent, absetzungenCent: e.absetzungenCent ?? null };
  }
  if (e.art === 'einmalig') return { ...basis, betragCent: e.betragCent, zuflussDatum: e.zuflussDatum, erbschaft: e.erbschaft ?? false };
  return { ...basis, betragCent: e.betragCent ?? 0 };
}

/** The amounts of an income for the Protokoll ("brutto 1.000,00 €, netto 800,00 €"). */
export function einkommenBetragText(e: ReturnType<typeof einkommenSpalten>): string {
  if (e.art === 'einmalig') return `${euroText(e.betragCent ?? 0)}, zugeflossen am ${datumText(e.zuflussDatum ?? '')}${e.erbschaft ? ', Erbschaft' : ''}`;
  if (e.art === 'selbststaendigkeit' && e.bruttoCent !== null) return `Gewinn ${euroText(e.bruttoCent)}, nach Steuern und Pflichtbeiträgen ${euroText(e.nettoCent ?? 0)}`;
  if (e.bruttoCent !== null) return `brutto ${euroText(e.bruttoCent)}, netto ${euroText(e.nettoCent ?? 0)}${e.ferienjob ? ', Ferienjob' : ''}`;
  return euroText(e.betragCent ?? 0);
}

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
        const werte = e ? einkommenSpalten(e) : null;
        if (!input.einkommenId && !werte) throw new AppError('validation_failed', 400, 'Bitte geben Sie das Einkommen an.', [{ path: 'einkommen', code: 'fehlt', message: 'Bitte geben Sie das Einkommen an.' }]);
        // a one-off income is a period from its Zuflussdatum (docs/fallakte.md, "Einmalige Einnahmen"): a new one
        // starts there whatever `ab` says, a corrected one replaces the old entry (a correction of a one-off
        // amount has no "from then on")
        const einmalig = werte?.art === 'einmalig' ? { gueltigVon: werte.zuflussDatum!, gueltigBis: einmaligGueltigBis(werte.zuflussDatum!) } : undefined;
        const { vorher } = await aendereEintragAb(tx, { tabelle: 'einkommen', personId: input.personId, eintragId: input.einkommenId, ab: input.ab, werte, traegerId: actor.traegerId, nichtGefunden: 'Das Einkommen', ...(einmalig ? { periode: einmalig } : {}) });
        const betrag = werte ? einkommenBetragText(werte) : '';
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
