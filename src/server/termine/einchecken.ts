import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { CHECKIN_MELDUNG, checkinMeldung, checkinStatus, pruefeCheckinToken } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { alsTerminZeit, darfSehen, regelnFuer, terminNichtGefunden } from './gemeinsam.ts';
import { checkinGeheimnis, empfaenger } from './mails.ts';

/** Check-in at the front desk: staff of the Standort open the link of the QR code; arrival is recorded. */
export const einchecken = defineUseCase({
  name: 'termine.einchecken',
  zugang: 'termine.bearbeiten',
  input: z.object({ token: z.string().min(10).max(400) }),
  audit: ['termin.update'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const p = pruefeCheckinToken(input.token, checkinGeheimnis(ctx), jetzt);
    if (!p.ok) throw new AppError(p.code, p.code === 'token_abgelaufen' ? 410 : 400, p.meldung);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await termineRepository.findTermin(tx, p.terminId);
      if (!t || !darfSehen(actor, t)) throw terminNichtGefunden();
      const regeln = await regelnFuer(tx, t.traegerId);
      const status = checkinStatus(alsTerminZeit(t), jetzt, regeln);
      if (status !== 'moeglich') throw new AppError(`checkin_${status}`, 409, checkinMeldung(status, regeln));
      const neu = t.eingechecktAm ? t : await termineRepository.updateTermin(tx, t.id, t.version, { eingechecktAm: jetzt });
      const person = await empfaenger(tx, t);
      await recordAudit(tx, actor, { objectType: 'termin', objectId: t.id, personId: t.buergerUserId, action: 'update', purpose: 'Ankunft am Standort erfassen (Check-in)' });
      return { termin: neu ?? t, name: person?.name ?? '', meldung: CHECKIN_MELDUNG.moeglich };
    });
  },
});
