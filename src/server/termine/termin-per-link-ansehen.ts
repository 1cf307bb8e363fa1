import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { darfAbsagen, darfVerschieben, type Kanal } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { listeVerschiebeZiele } from './freie-zeiten.ts';
import { alsTerminZeit, regelnFuer } from './gemeinsam.ts';
import { LINK_UNGUELTIG, linkAufloesen } from './verwaltung-per-link.ts';

/** Shows the appointment behind a personal link (read is recorded in the audit trail). */
export const terminPerLinkAnsehen = defineUseCase({
  name: 'termine.termin-per-link-ansehen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200), ziele: z.boolean().optional().describe('auch die Zeiten, auf die der Termin verschoben werden kann (Seite)') }),
  audit: ['termin.read'],
  run: async ({ ctx, input }) => {
    const jetzt = ctx.clock.now();
    const l = await linkAufloesen(ctx, input.token, jetzt);
    const r = await ctx.db.withTenant({ traegerId: l.traegerId, userId: null, requestId: null }, async (tx) => {
      const t = await termineRepository.findTermin(tx, l.terminId);
      if (!t || t.verwaltungTokenHash !== l.hash) throw new AppError('link_ungueltig', 404, LINK_UNGUELTIG);
      const daten = await termineRepository.stammdaten(tx);
      const anliegen = daten.anliegen.find((a) => a.id === t.anliegenId);
      const standort = daten.standorte.find((s) => s.id === t.standortId);
      await recordAudit(tx, { system: 'terminlink', traegerId: l.traegerId }, { objectType: 'termin', objectId: t.id, action: 'read', purpose: 'Termin ansehen (persönlicher Link)' });
      const regeln = await regelnFuer(tx, l.traegerId);
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
        ? (await listeVerschiebeZiele({ ctx, traegerId: l.traegerId, termin: { anliegenId: t.anliegenId, kanal: r.kanal, standortId: t.standortId, beginn: t.beginn } })).slice(0, 20)
        : [];
    return { ...r, ziele };
  },
});
