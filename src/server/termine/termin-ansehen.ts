import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { darfAbsagen, darfVerschieben, type Kanal } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { listeVerschiebeZiele } from './freie-zeiten.ts';
import { kennung } from './eingaben.ts';
import { alsTerminZeit, darfSehen, regelnFuer, terminNichtGefunden } from './gemeinsam.ts';

/**
 * One appointment for its page: the citizen's own, or one of the staff member's Standorte (otherwise 404) – with the
 * Anliegen, the Standort's address (where to go for an on-site appointment) and whether the citizen may still move
 * or cancel it online. The read is recorded in the audit trail.
 */
export const terminAnsehen = defineUseCase({
  name: 'termine.termin-ansehen',
  zugang: 'angemeldet',
  input: z.object({ id: kennung(), ziele: z.boolean().optional().describe('auch die Zeiten, auf die der Termin verschoben werden kann (Seite)') }),
  audit: ['termin.read'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    if (!istUuid(input.id)) throw terminNichtGefunden();
    const r = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await termineRepository.findTermin(tx, input.id);
      if (!t || !darfSehen(actor, t)) throw terminNichtGefunden();
      const daten = await termineRepository.stammdaten(tx);
      const anliegen = daten.anliegen.find((a) => a.id === t.anliegenId);
      const standort = daten.standorte.find((s) => s.id === t.standortId);
      await recordAudit(tx, actor, { objectType: 'termin', objectId: t.id, personId: t.buergerUserId, action: 'read', purpose: 'Termin ansehen' });
      const regeln = await regelnFuer(tx, actor.traegerId);
      return {
        termin: t,
        anliegen: anliegen ? { id: anliegen.id, name: anliegen.name, schluessel: anliegen.schluessel } : undefined,
        standort: standort ? { name: standort.name, anschrift: `${standort.strasse}, ${standort.plz} ${standort.ort}` } : undefined,
        kanal: t.kanal as Kanal,
        darfVerschieben: darfVerschieben(alsTerminZeit(t), jetzt, regeln),
        darfAbsagen: darfAbsagen(alsTerminZeit(t), jetzt, regeln),
      };
    });
    // the times it can be moved to (never the booked time itself: another desk may be free then, but nothing would change)
    const t = r.termin;
    const ziele =
      input.ziele && t.status === 'gebucht' && t.art === 'buchung' && r.darfVerschieben.ok
        ? (await listeVerschiebeZiele({ ctx, traegerId: actor.traegerId, termin: { anliegenId: t.anliegenId, kanal: r.kanal, standortId: t.standortId, beginn: t.beginn } })).slice(0, 20)
        : [];
    return { ...r, ziele };
  },
});
