import { fallRepository } from '../../db/repositories/fall.ts';
import { planeAenderungAb } from '../../domain/fallakte/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor, AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { datumText, euroText, imTenant, ladeBgFuer, mitUeberschneidungsFehler, protokolliere, sperreVersion } from './common.ts';
import type { EinkommenAenderung } from './schemas.ts';

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
export async function aendereEinkommen(opts: { ctx: AppContext; actor: Actor; id: string; input: EinkommenAenderung; /** run inside the caller's transaction (e.g. applying a Veränderungsmitteilung) */ tx?: Tx }) {
  const { ctx, actor, id, input } = opts;
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
      let vorher: Record<string, unknown> | undefined;
      if (input.einkommenId) {
        vorher = await fallRepository.findPeriode(tx, 'einkommen', input.einkommenId);
        if (!vorher || vorher.personId !== input.personId) throw notFound('Das Einkommen');
        const periode = { id: String(vorher.id), gueltigVon: String(vorher.gueltigVon), gueltigBis: (vorher.gueltigBis as string | null) ?? null };
        let plan;
        try {
          plan = planeAenderungAb([periode], input.ab, { beenden: werte === null });
        } catch (err) {
          throw new AppError('nichts_zu_beenden', 409, (err as Error).message);
        }
        for (const x of plan.entfernen) await fallRepository.entfernePeriode(tx, 'einkommen', x);
        for (const s of plan.schliessen) await fallRepository.schliessePeriode(tx, 'einkommen', s.id, s.gueltigBis);
        if (plan.neu && werte) {
          await fallRepository.insertPerioden(tx, 'einkommen', [
            { traegerId: actor.traegerId, personId: input.personId, ...werte, gueltigVon: plan.neu.gueltigVon, gueltigBis: plan.neu.gueltigBis },
          ]);
        }
      } else {
        if (!werte) throw new AppError('validation_failed', 400, 'Bitte geben Sie das Einkommen an.', [{ path: 'einkommen', code: 'fehlt', message: 'Bitte geben Sie das Einkommen an.' }]);
        await fallRepository.insertPerioden(tx, 'einkommen', [{ traegerId: actor.traegerId, personId: input.personId, ...werte, gueltigVon: input.ab, gueltigBis: null }]);
      }
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
}
