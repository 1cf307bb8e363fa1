import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { instrumentVerfuegbar } from '../../domain/foerdern/instrumente.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { presentKontingent } from './massnahmen-auflisten.ts';
import { personSchema } from './massnahmen-schemas.ts';
import { ladeTeilnahmePerson, presentTeilnahme, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

/**
 * A person's Teilnahmen (all states) and the Maßnahmen that can be proposed to them: active, with an instrument
 * usable today and a Kontingent at the person's Standort that runs today or later. Reading is audited.
 */
export const teilnahmenPerson = defineUseCase({
  name: 'integration.teilnahmen-person',
  zugang: 'integration.lesen',
  input: personSchema,
  audit: ['teilnahme.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeTeilnahmePerson(tx, actor, input.personId, 'integration.lesen', tag);
      const teilnahmen = await teilnahmenRepository.fuerPerson(tx, person.personId);
      const angebote = [];
      if (can(actor, 'integration.bearbeiten')) {
        const massnahmen = (await massnahmenRepository.list(tx, { nurAktiv: true })).filter((m) => instrumentVerfuegbar(m.instrument, tag));
        const ks = await massnahmenRepository.kontingente(tx, massnahmen.map((m) => m.id));
        for (const k of ks) {
          const m = massnahmen.find((x) => x.id === k.massnahmeId)!;
          const p = presentKontingent(k, tag);
          if (k.standortId === person.standortId && p.laeuft) angebote.push({ kontingentId: k.id, massnahmeId: m.id, bezeichnung: m.bezeichnung, instrument: m.instrument, anbieter: m.anbieter, regeldauerTage: m.regeldauerTage, ...p });
        }
      }
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        objectId: person.personId,
        personId: person.personId,
        action: 'read',
        purpose: zweckTeilnahme(actor, 'Maßnahmen der Person ansehen'),
        details: { anzahl: teilnahmen.length, ansicht: 'person' },
      });
      return {
        person: { id: person.personId, vorname: person.vorname, nachname: person.nachname, bgId: person.bgId, fallnummer: person.fallnummer, standortId: person.standortId },
        teilnahmen: teilnahmen.map(presentTeilnahme),
        angebote: angebote.sort((a, b) => a.bezeichnung.localeCompare(b.bezeichnung, 'de')),
        heute: tag,
      };
    });
  },
});
