import { termineRepository, type EintragRow } from '../../db/repositories/termine.ts';
import type { Kanal } from '../../domain/termine/index.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { sendeNachCommit } from './gemeinsam.ts';
import { slotAnbieten } from './warteliste.ts';
import { wartelisteTokenPruefen } from './warteliste-link.ts';

/**
 * A Warteliste entry reached by the signed-in citizen (own entries) or by its personal link: the common part of
 * `warteliste-eintrag-*` and `meine-warteliste`.
 */

/** Who looks at an entry: the signed-in citizen (own entries) or the holder of the personal link. */
export type Zugriff = { actor: Actor; token?: undefined } | { actor?: null | undefined; token: string };

export const UNGUELTIG = 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail kopiert haben.';
export const nichtGefunden = () => new AppError('not_found', 404, 'Diesen Eintrag auf der Warteliste gibt es nicht.');

export async function aufloesen(ctx: AppContext, z: Zugriff, eintragId: string | undefined) {
  if (z.actor) {
    if (z.actor.art !== 'buerger' || !eintragId) throw nichtGefunden();
    return { id: eintragId, scope: tenantScope(z.actor), auditActor: z.actor as Actor | { system: string; traegerId: string }, gehoert: (e: EintragRow) => e.buergerUserId === z.actor!.userId, zusatz: '' };
  }
  const id = wartelisteTokenPruefen(ctx, z.token);
  const row = id ? await ctx.db.withSystem((tx) => termineRepository.findEintragSystem(tx, id)) : undefined;
  if (!row) throw new AppError('link_ungueltig', 404, UNGUELTIG);
  return { id: row.id, scope: { traegerId: row.traegerId, userId: null, requestId: null }, auditActor: { system: 'wartelistelink', traegerId: row.traegerId }, gehoert: () => true, zusatz: ' (persönlicher Link)' };
}

/**
 * Withdraws an entry: status `zurueckgezogen`; an open offer is withdrawn too and its slot goes to the next
 * waiting person at once (mail after commit).
 */
export async function zurueckziehenAblauf(opts: Zugriff & { ctx: AppContext; eintragId?: string; basisUrl: string; jetzt?: Date }) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const z = await aufloesen(opts.ctx, opts, opts.eintragId);
  const { eintrag, mails } = await opts.ctx.db.withTenant(z.scope, async (tx) => {
    const e = await termineRepository.findEintrag(tx, z.id);
    if (!e || !z.gehoert(e)) throw opts.actor ? nichtGefunden() : new AppError('link_ungueltig', 404, UNGUELTIG);
    if (e.status === 'zurueckgezogen') throw new AppError('link_verbraucht', 410, 'Sie haben sich bereits von dieser Warteliste ausgetragen.');
    if (e.status === 'versorgt') throw new AppError('eintrag_erledigt', 409, 'Dieser Eintrag ist erledigt: Sie haben über die Warteliste einen Termin bekommen.');
    await termineRepository.updateEintrag(tx, e.id, { status: 'zurueckgezogen' });
    const zurueck = await termineRepository.zieheAngeboteZurueck(tx, e.id, jetzt);
    await recordAudit(tx, z.auditActor, { objectType: 'warteliste_eintrag', objectId: e.id, personId: e.buergerUserId, action: 'update', purpose: `Eintrag auf der Warteliste zurückziehen${z.zusatz}`, details: { status: 'zurueckgezogen', angebote: zurueck.length } });
    const ausgehend: (OutgoingMail | undefined)[] = [];
    for (const a of zurueck) {
      if (a.beginn.getTime() <= jetzt.getTime()) continue;
      const anliegen = await termineRepository.findAnliegen(tx, a.anliegenId);
      ausgehend.push(
        await slotAnbieten({
          ctx: opts.ctx,
          tx,
          traegerId: a.traegerId,
          slot: { ressourceId: a.ressourceId, standortId: a.standortId, anliegenId: a.anliegenId, beginn: a.beginn, ende: a.ende, kanal: a.kanal as Kanal, pufferMinuten: anliegen?.pufferMinuten ?? 0 },
          basisUrl: opts.basisUrl,
          jetzt,
        }),
      );
    }
    return { eintrag: { ...e, status: 'zurueckgezogen' }, mails: ausgehend };
  });
  await sendeNachCommit(opts.ctx, z.scope.traegerId, mails);
  return eintrag;
}
