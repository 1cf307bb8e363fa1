import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { tagVorher } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope, type Actor } from '../context.ts';
import { forbidden, validationFailed } from '../errors.ts';
import { leerAlsFehlend, tagesdatum } from '../schemas/formular.ts';
import { text, uuid } from '../schemas/grenzen.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, ladeElbPerson, verlangeElb, zweckBetreuung, type PersonKontext } from './betreuung-zugriff.ts';

export type Zuweisung = { betreuungId: string; personId: string; fachkraftId: string; fachkraftName: string; ab: string; unveraendert: boolean };

/**
 * Makes `fachkraftId` the persönliche Ansprechpartnerin of the person from `ab` (§ 14 Abs. 3 SGB II): the Betreuung
 * running on `ab` ends the day before (or is replaced when it began that day); a later, already planned Betreuung
 * stays and the new one ends the day before it. The same Fachkraft again changes nothing.
 */
export async function weiseZu(
  tx: Tx,
  actor: Actor,
  person: PersonKontext,
  o: { fachkraftId: string; ab: string; grund: string | null; fachkraefte: { id: string; name: string }[]; zweck: string; mitName?: boolean },
): Promise<Zuweisung> {
  const fk = o.fachkraefte.find((f) => f.id === o.fachkraftId);
  if (!fk) {
    // in a bulk re-assignment the message names the selected person whose Standort the Fachkraft does not serve
    const wer = o.mitName ? `${person.vorname} ${person.nachname}`.trim() : '';
    const message = wer
      ? `Die gewählte Ansprechperson arbeitet nicht in der Integration am Standort von ${wer} (Fallakte ${person.fallnummer}). Bitte nehmen Sie ${wer} aus der Auswahl oder wählen Sie eine andere Ansprechperson.`
      : 'Diese Person arbeitet nicht in der Integration am Standort der Bedarfsgemeinschaft.';
    throw validationFailed([{ path: 'fachkraftId', code: 'fachkraft_ungueltig', message }]);
  }
  await betreuungRepository.sperrePerson(tx, person.personId);
  const verlauf = await betreuungRepository.verlauf(tx, person.personId);
  const laufend = verlauf.find((b) => b.gueltigVon <= o.ab && (b.gueltigBis === null || b.gueltigBis >= o.ab));
  if (laufend && laufend.fachkraftId === o.fachkraftId) {
    return { betreuungId: laufend.id, personId: person.personId, fachkraftId: fk.id, fachkraftName: fk.name, ab: laufend.gueltigVon, unveraendert: true };
  }
  if (laufend) {
    if (laufend.gueltigVon === o.ab) await betreuungRepository.delete(tx, laufend.id);
    else await betreuungRepository.setzeBis(tx, laufend.id, tagVorher(o.ab));
  }
  const spaeter = verlauf.filter((b) => b.gueltigVon > o.ab).sort((a, b) => (a.gueltigVon < b.gueltigVon ? -1 : 1))[0];
  const neu = await betreuungRepository.insert(tx, {
    traegerId: actor.traegerId,
    personId: person.personId,
    bgId: person.bgId,
    fachkraftId: o.fachkraftId,
    gueltigVon: o.ab,
    gueltigBis: spaeter ? tagVorher(spaeter.gueltigVon) : null,
    grund: o.grund,
    zugewiesenVon: actor.userId,
  });
  await recordAudit(tx, actor, {
    objectType: 'betreuung',
    objectId: neu.id,
    personId: person.personId,
    action: laufend ? 'update' : 'create',
    purpose: o.zweck,
    details: { fachkraftId: o.fachkraftId, ab: o.ab },
  });
  return { betreuungId: neu.id, personId: person.personId, fachkraftId: fk.id, fachkraftName: fk.name, ab: o.ab, unveraendert: false };
}

export const betreuungZuweisenSchema = z.object({
  personId: z.string().max(100).describe('Person (UUID)'),
  fachkraftId: uuid('Die Fachkraft'),
  ab: tagesdatum().describe('Beginn der Betreuung (JJJJ-MM-TT); die bisherige endet am Vortag'),
  grund: leerAlsFehlend(text(200)).describe('z. B. „Neuzugang“, „Umverteilung Team“'),
});

/**
 * Assigns the persönliche Ansprechpartnerin of one eLb. Teamleitung (`betreuung.zuweisen`) assigns anyone of the
 * Standort; an Integrationsfachkraft may only take over a person who has nobody on that day, for herself.
 */
export const betreuungZuweisen = defineUseCase({
  name: 'integration.betreuung-zuweisen',
  zugang: 'angemeldet',
  input: betreuungZuweisenSchema,
  audit: ['betreuung.create', 'betreuung.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const darfUmverteilen = can(actor, 'betreuung.zuweisen');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeElbPerson(tx, actor, input.personId, darfUmverteilen ? 'betreuung.zuweisen' : 'integration.bearbeiten', tag);
      verlangeElb(person);
      if (!darfUmverteilen) {
        if (input.fachkraftId !== actor.userId) throw forbidden();
        const verlauf = await betreuungRepository.verlauf(tx, person.personId);
        if (verlauf.some((b) => b.fachkraftId !== actor.userId && b.gueltigVon <= input.ab && (b.gueltigBis === null || b.gueltigBis >= input.ab))) throw forbidden();
      }
      const fachkraefte = await betreuungRepository.fachkraefte(tx, [person.standortId]);
      return weiseZu(tx, actor, person, {
        fachkraftId: input.fachkraftId,
        ab: input.ab,
        grund: input.grund ?? null,
        fachkraefte,
        zweck: zweckBetreuung(actor, `Ansprechpartner ab ${datumText(input.ab)} zuweisen`),
      });
    });
  },
});
