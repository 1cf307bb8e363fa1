import { aufrechnungRepository } from '../../db/repositories/erstattungen.ts';
import { monatText } from '../../domain/bewilligung/monat.ts';
import { aufrechnungsregelAm } from '../../domain/zahlung/aufrechnung.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../errors.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { version } from '../schemas/formular.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { presentAufrechnung } from './forderung-darstellung.ts';
import { ladeForderungFuer } from './forderung-zugriff.ts';

export const aufrechnungStatusSchema = z.object({
  id: text(100).describe('ID der Erstattungsforderung'),
  aufrechnungId: text(100),
  aktion: z.enum(['aussetzen', 'fortsetzen', 'beenden']),
  grund: text(2000),
  version: version(),
});

export type AufrechnungAktion = 'aussetzen' | 'fortsetzen' | 'beenden';

/** Which status each action leads to and from which status it is allowed. */
const AKTIONEN: Readonly<Record<AufrechnungAktion, { von: readonly string[]; nach: 'laufend' | 'ausgesetzt' | 'beendet'; text: string }>> = {
  aussetzen: { von: ['laufend'], nach: 'ausgesetzt', text: 'ausgesetzt' },
  fortsetzen: { von: ['ausgesetzt'], nach: 'laufend', text: 'fortgesetzt' },
  beenden: { von: ['laufend', 'ausgesetzt'], nach: 'beendet', text: 'beendet' },
};

/**
 * Suspends, resumes or ends an Aufrechnung (§ 43 SGB II). A Widerspruch against the Aufrechnungsbescheid has
 * aufschiebende Wirkung (§ 86a Abs. 1 SGG – § 39 SGB II does not name the Aufrechnung): the Aufrechnung is then
 * `ausgesetzt` until the Widerspruch is decided; it ends when the Forderung is aufgehoben or the Widerspruch succeeds.
 * Only `laufend` ones are deducted by the Zahllauf. Resuming checks the 30 % limit again (§ 43 Abs. 2 S. 2).
 */
export const aufrechnungStatusAendern = defineUseCase({
  name: 'leistung.aufrechnung-status-aendern',
  // 404 before 403: ladeForderungFuer answers an unknown or foreign Forderung with 404, then checks the permission
  zugang: 'angemeldet',
  input: aufrechnungStatusSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const r = await ladeForderungFuer(tx, actor, input.id);
    const a = istUuid(input.aufrechnungId) ? await aufrechnungRepository.find(tx, input.aufrechnungId) : undefined;
    if (!a || a.forderungId !== r.f.id) throw notFound('Die Aufrechnung');
    const fehler = [];
    const aktion = AKTIONEN[input.aktion as AufrechnungAktion];
    if (!aktion) fehler.push({ path: 'aktion', code: 'aktion_ungueltig', message: 'Bitte wählen Sie: aussetzen, fortsetzen oder beenden.' });
    const grund = (input.grund ?? '').trim();
    if (!grund) fehler.push({ path: 'grund', code: 'grund_fehlt', message: 'Bitte geben Sie den Grund an (z. B. Widerspruch vom …, Forderung aufgehoben).' });
    if (fehler.length || !aktion) throw validationFailed(fehler);
    if (a.version !== input.version) throw versionConflict();
    if (!aktion.von.includes(a.status)) {
      throw new AppError('aufrechnung_status', 409, `Die Aufrechnung ist ${a.status === 'beendet' ? 'bereits beendet' : a.status === 'ausgesetzt' ? 'ausgesetzt' : 'laufend'}; „${input.aktion}“ ist nicht möglich.`);
    }
    if (aktion.nach === 'laufend') {
      if (r.f.status !== 'offen') throw new AppError('forderung_nicht_offen', 409, 'Die Forderung ist nicht mehr offen; die Aufrechnung kann nicht fortgesetzt werden.');
      await aufrechnungRepository.sperrePerson(tx, a.personId);
      const andere = (await aufrechnungRepository.laufendeDerPerson(tx, a.personId, a.abMonat)).filter((x) => x.id !== a.id);
      const summe = andere.reduce((s, x) => s + x.prozent, 0) + a.prozent;
      const { hoechstProzent } = aufrechnungsregelAm(`${a.abMonat}-01`).wert;
      if (summe > hoechstProzent) {
        throw new AppError('aufrechnung_hoechstgrenze', 409, `Mit den laufenden Aufrechnungen würde die Aufrechnung ${summe} % des Regelbedarfs erreichen; zulässig sind zusammen höchstens ${hoechstProzent} % (§ 43 Abs. 2 S. 2 SGB II).`);
      }
    }
    const neu = await aufrechnungRepository.setzeStatus(tx, a.id, a.version, aktion.nach);
    if (!neu) throw versionConflict();
    await protokolliere(tx, actor, {
      bgId: r.f.bgId,
      art: `aufrechnung_${aktion.nach === 'laufend' ? 'fortgesetzt' : aktion.nach}`,
      personId: a.personId,
      beschreibung: `Aufrechnung (${a.prozent} % ab ${monatText(a.abMonat)}) ${aktion.text}: ${grund}`,
      details: { forderungId: r.f.id, aufrechnungId: a.id, von: a.status, nach: aktion.nach },
      zweck: 'Leistungssachbearbeitung: Aufrechnung bearbeiten',
    });
    return presentAufrechnung(neu);
  }),
});
