import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { raumMeldung, videoraumFenster, videoraumStatus } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { AppError, unauthenticated } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { alsTerminZeit, regelnFuer, terminNichtGefunden } from '../termine/gemeinsam.ts';
import { linkAufloesen } from '../termine/verwaltung-per-link.ts';

export type VideoZugang = {
  terminId: string;
  traegerId: string;
  sachbearbeitungId: string;
  buergerId: string;
  offenVon: Date;
  offenBis: Date;
  rolle: 'sachbearbeitung' | 'buerger';
  selbstId: string;
  /** the Träger's rule: the room opens this many minutes before the start (for the page's texts) */
  offenVorMinuten: number;
};

/** The citizen's side of a booking without account is identified by the personal link, not by an account. */
const linkPartei = (terminId: string) => `link:${terminId}`;

/**
 * Who may enter the room of an appointment – the two parties, in the window (`videoraumStatus`); everybody else gets
 * 404. The citizen comes with the session (portal account) or, for a booking without account, with the personal
 * link's token (`link`); without either → 401. Entering is recorded in the audit trail.
 */
export const raumBetreten = defineUseCase({
  name: 'video.raum-betreten',
  zugang: 'oeffentlich',
  input: z.object({ terminId: z.string().max(100), link: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(200).optional()) }),
  audit: ['termin.read'],
  run: async ({ ctx, actor: angemeldet, input }): Promise<VideoZugang> => {
    const jetzt = ctx.clock.now();
    const link = input.link ? await linkAufloesen(ctx, input.link, jetzt) : undefined;
    if (link && link.terminId !== input.terminId) throw terminNichtGefunden();
    if (!link && !angemeldet) throw unauthenticated();
    const actor = link ? null : angemeldet;
    const scope = actor ? tenantScope(actor) : { traegerId: link!.traegerId, userId: null, requestId: null };
    return ctx.db.withTenant(scope, async (tx) => {
      const t = /^[0-9a-f-]{36}$/i.test(input.terminId) ? await termineRepository.findTermin(tx, input.terminId) : undefined;
      if (!t || t.kanal !== 'video') throw terminNichtGefunden();
      const ressource = await termineRepository.findRessource(tx, t.ressourceId);
      const sachbearbeitungId = ressource?.userId ?? '';
      const buergerId = t.buergerUserId ?? (t.verwaltungTokenHash ? linkPartei(t.id) : '');
      const selbstId = actor ? actor.userId : link && t.verwaltungTokenHash === link.hash ? linkPartei(t.id) : '';
      const rolle = selbstId === sachbearbeitungId ? 'sachbearbeitung' : selbstId === buergerId ? 'buerger' : null;
      if (!rolle || !sachbearbeitungId || !buergerId || !selbstId) throw terminNichtGefunden();
      const regeln = await regelnFuer(tx, t.traegerId);
      const status = videoraumStatus(alsTerminZeit(t), jetzt, regeln);
      if (status !== 'offen') throw new AppError(`raum_${status}`, 409, raumMeldung(status, regeln), [], { minuten: regeln.videoOffenVorMinuten });
      await recordAudit(tx, actor ?? { system: 'terminlink', traegerId: t.traegerId }, { objectType: 'termin', objectId: t.id, personId: t.buergerUserId, action: 'read', purpose: actor ? 'Video-Beratung betreten' : 'Video-Beratung betreten (persönlicher Link)' });
      const f = videoraumFenster(t, regeln);
      return { terminId: t.id, traegerId: t.traegerId, sachbearbeitungId, buergerId, offenVon: f.von, offenBis: f.bis, rolle, selbstId, offenVorMinuten: regeln.videoOffenVorMinuten };
    });
  },
});
