import { z } from 'zod';
import { foerderleistungenRepository } from '../../db/repositories/foerderleistungen.ts';
import { FOERDERLEISTUNG_ARTEN } from '../../domain/foerdern/typen.ts';
import { FOERDERLEISTUNG_INSTRUMENT } from '../../domain/foerdern/budget.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { presentFoerderleistung } from './foerderleistung-gemeinsam.ts';
import { ladeElbPerson } from './betreuung-zugriff.ts';

/** The individual Förderleistungen of a person (Einstiegsgeld, Mehraufwandsentschädigung, Vermittlungsbudget); audited read. */
export const foerderleistungenListe = defineUseCase({
  name: 'integration.foerderleistungen-liste',
  zugang: 'angemeldet',
  input: z.object({ personId: z.string().max(100).describe('Person (UUID)') }),
  audit: ['foerderleistung.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeElbPerson(tx, actor, input.personId, 'integration.lesen', tag);
      const rows = await foerderleistungenRepository.liste(tx, person.personId);
      const bezahlt = await foerderleistungenRepository.bezahlteMonate(tx, rows.map((r) => r.id));
      await recordAudit(tx, actor, {
        objectType: 'foerderleistung',
        personId: person.personId,
        action: 'read',
        purpose: `${actor.roles.includes('integration') ? 'Integration' : actor.roles.includes('teamleitung') ? 'Teamleitung' : 'Leistungssachbearbeitung'}: Förderleistungen einsehen`,
        details: { anzahl: rows.length, bgId: person.bgId },
      });
      return {
        person: { id: person.personId, vorname: person.vorname, nachname: person.nachname, bgId: person.bgId, fallnummer: person.fallnummer },
        darfBearbeiten: can(actor, 'integration.bearbeiten'),
        darfUeberschreiten: can(actor, 'zuweisung.genehmigen'),
        arten: FOERDERLEISTUNG_ARTEN.map((a) => ({ art: a, text: FOERDERLEISTUNG_INSTRUMENT[a].text, norm: FOERDERLEISTUNG_INSTRUMENT[a].norm })),
        foerderleistungen: rows.map((r) => presentFoerderleistung(r, bezahlt.get(r.id) ?? [], tag)),
        aghTeilnahmen: await foerderleistungenRepository.aghTeilnahmen(tx, person.personId),
      };
    });
  },
});
