import { z } from 'zod';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { foerderleistungenRepository } from '../../db/repositories/foerderleistungen.ts';
import { FOERDERLEISTUNG_INSTRUMENT, foerderleistungMonate, jeJahr } from '../../domain/foerdern/budget.ts';
import { pruefeHoechstdauer } from '../../domain/foerdern/instrumente.ts';
import { FOERDERLEISTUNG_ARTEN } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, type FieldIssue } from '../errors.ts';
import { can } from '../policies.ts';
import { euroCent, haekchen, leerAlsNull, tagesdatum } from '../schemas/formular.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { bindeFoerderleistung, pruefeBudget } from './budget-bindung.ts';
import { presentFoerderleistung } from './foerderleistung-gemeinsam.ts';
import { ladeElbPerson, verlangeElb } from './betreuung-zugriff.ts';

const euro = (cent: number) => `${(cent / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

export const foerderleistungAnlegenSchema = z.object({
  personId: z.string().max(100).describe('Person (UUID)'),
  art: z.enum(FOERDERLEISTUNG_ARTEN, { error: 'Bitte die Art der Förderleistung wählen.' }).describe('Einstiegsgeld § 16b, Mehraufwandsentschädigung § 16d, Vermittlungsbudget § 44 SGB III'),
  einmalig: haekchen().optional().describe('Einmalzahlung statt monatlicher Leistung'),
  betragCent: euroCent('Bitte den Betrag in Euro angeben, z. B. 250,00.')
    .refine((c) => c > 0, { error: 'Der Betrag muss größer als 0 sein.' })
    .describe('Monatsbetrag (bei Einmalzahlung: der Betrag) in Cent'),
  gueltigVon: tagesdatum().describe('Beginn (bei Einmalzahlung: Tag der Leistung)'),
  gueltigBis: leerAlsNull(tagesdatum()).optional().describe('Ende (bei monatlicher Leistung Pflicht)'),
  ueberschreitungBestaetigt: haekchen().optional().describe('Teamleitung: Überschreitung des freien Budgets bestätigt'),
  teilnahmeId: leerAlsNull(z.string().max(100)).optional().describe('Mehraufwandsentschädigung: die Teilnahme an der Arbeitsgelegenheit (§ 16d), zu der sie gehört'),
});

/**
 * Grants an individual payment to the person from the Eingliederungsbudget: monthly for a period (paid pro rata by
 * days through the Zahllauf, in advance like the Regelleistung) or one-off. It binds its cost per Haushaltsjahr
 * (Mittelbindung). Beyond the free budget only a holder of `zuweisung.genehmigen` (Teamleitung) may grant it, by
 * confirming; everyone else gets `budget_ueberschritten`. Einstiegsgeld: at most 24 months (§ 16b Abs. 2 SGB II).
 */
export const foerderleistungAnlegen = defineUseCase({
  name: 'integration.foerderleistung-anlegen',
  zugang: 'angemeldet',
  input: foerderleistungAnlegenSchema,
  audit: ['foerderleistung.create', 'mittelbindung.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeElbPerson(tx, actor, input.personId, 'integration.bearbeiten', tag);
      verlangeElb(person);
      const einmalig = input.einmalig ?? false;
      const bis = einmalig ? input.gueltigVon : (input.gueltigBis ?? null);
      const issues: FieldIssue[] = [];
      if (!bis) issues.push({ path: 'gueltigBis', code: 'ende_fehlt', message: 'Bitte das Ende der monatlichen Leistung angeben.' });
      else if (bis < input.gueltigVon) issues.push({ path: 'gueltigBis', code: 'ende_vor_beginn', message: 'Das Ende darf nicht vor dem Beginn liegen.' });
      const art = FOERDERLEISTUNG_INSTRUMENT[input.art];
      if (bis && bis >= input.gueltigVon && !einmalig && input.art === 'einstiegsgeld_16b') {
        const dauer = pruefeHoechstdauer({ instrument: art.instrument, geplant: { von: input.gueltigVon, bis }, frueher: [] });
        if (!dauer.ok) issues.push({ path: 'gueltigBis', code: dauer.code, message: dauer.meldung });
      }
      let teilnahmeId: string | null = null;
      if (input.teilnahmeId) {
        const tn = istUuid(input.teilnahmeId) ? await budgetRepository.teilnahmeMitKosten(tx, input.teilnahmeId) : undefined;
        if (!tn || tn.personId !== person.personId || tn.instrument !== 'sgb2_16d_agh' || input.art !== 'mehraufwand_16d') {
          issues.push({ path: 'teilnahmeId', code: 'teilnahme_unpassend', message: 'Eine Mehraufwandsentschädigung gehört zu einer Arbeitsgelegenheit (§ 16d SGB II) dieser Person; bitte eine solche Teilnahme wählen.' });
        } else teilnahmeId = tn.id;
      }
      if (issues.length) throw validationFailed(issues);
      const f = { betragCent: input.betragCent, einmalig, gueltigVon: input.gueltigVon, gueltigBis: bis };
      const kosten = jeJahr(foerderleistungMonate(f));
      const pruefung = await pruefeBudget(tx, { titel: art.titel, kosten });
      if (!pruefung.passt) {
        const teile = pruefung.fehlend.map((x) => `${x.haushaltsjahr}: benötigt ${euro(x.benoetigtCent)}, frei ${euro(x.freiCent)}`).join('; ');
        if (!can(actor, 'zuweisung.genehmigen')) {
          const meldung = `Das freie Eingliederungsbudget reicht nicht aus (${teile}). Bitte wenden Sie sich an die Teamleitung.`;
          throw fehler('budget_ueberschritten', { meldung, issues: [{ path: 'betragCent', code: 'budget_ueberschritten', message: meldung }] });
        }
        if (!input.ueberschreitungBestaetigt) {
          const meldung = `Das freie Eingliederungsbudget reicht nicht aus (${teile}). Bitte bestätigen Sie die Überschreitung ausdrücklich.`;
          throw fehler('budget_ueberschritten', { meldung, issues: [{ path: 'ueberschreitungBestaetigt', code: 'budget_ueberschritten', message: meldung }] });
        }
      }
      const row = await foerderleistungenRepository.insert(tx, {
        traegerId: actor.traegerId,
        personId: person.personId,
        bgId: person.bgId,
        art: input.art,
        gueltigVon: input.gueltigVon,
        gueltigBis: bis,
        betragCent: input.betragCent,
        einmalig,
        teilnahmeId,
        bewilligtVon: actor.userId,
      });
      await bindeFoerderleistung(tx, actor, { foerderleistungId: row.id, personId: person.personId, titel: art.titel, instrument: art.instrument, standortId: person.standortId, kosten });
      await recordAudit(tx, actor, {
        objectType: 'foerderleistung',
        objectId: row.id,
        personId: person.personId,
        action: 'create',
        purpose: `Integration: ${art.text} bewilligen`,
        details: { art: row.art, bgId: row.bgId, betragCent: row.betragCent },
      });
      return presentFoerderleistung(row, [], tag);
    });
  },
});
