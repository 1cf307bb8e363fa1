import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { aufloesen, UNGUELTIG } from './warteliste-eintrag.ts';

/** One Warteliste entry by its personal link; a withdrawn entry's link is used up (410). */
export const wartelisteEintragPerLinkAnsehen = defineUseCase({
  name: 'termine.warteliste-eintrag-per-link-ansehen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200) }),
  audit: ['warteliste_eintrag.read'],
  run: async ({ ctx, input }) => {
    const zugriff = await aufloesen(ctx, { token: input.token }, undefined);
    return ctx.db.withTenant(zugriff.scope, async (tx) => {
      const e = await termineRepository.findEintrag(tx, zugriff.id);
      if (!e || !zugriff.gehoert(e)) throw new AppError('link_ungueltig', 404, UNGUELTIG);
      if (e.status === 'zurueckgezogen') throw new AppError('link_verbraucht', 410, 'Sie haben sich bereits von dieser Warteliste ausgetragen; der Link gilt nicht mehr.');
      await recordAudit(tx, zugriff.auditActor, { objectType: 'warteliste_eintrag', objectId: e.id, personId: e.buergerUserId, action: 'read', purpose: `Eintrag auf der Warteliste ansehen${zugriff.zusatz}` });
      const anliegen = await termineRepository.findAnliegen(tx, e.anliegenId);
      return { ...e, anliegenName: anliegen?.name ?? '', anliegenSchluessel: anliegen?.schluessel ?? '' };
    });
  },
});
