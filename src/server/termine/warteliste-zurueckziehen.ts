import { termineRepository, type EintragRow } from '../../db/repositories/termine.ts';
import type { Kanal } from '../../domain/termine/index.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { sendeNachCommit } from './gemeinsam.ts';
import { slotAnbieten } from './warteliste.ts';
import { wartelisteTokenPruefen } from './warteliste-link.ts';

/** Who looks at an entry: the signed-in citizen (own entries) or the holder of the personal link. */
type Zugriff = { actor: Actor; token?: undefined } | { actor?: null | undefined; token: string };

const UNGUELTIG = 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail kopiert haben.';
const nichtGefunden = () => new AppError('not_found', 404, 'Diesen Eintrag auf der Warteliste gibt es nicht.');

async function aufloesen(ctx: AppContext, z: Zugriff, eintragId: string | undefined) {
  if (z.actor) {
    if (z.actor.art !== 'buerger' || !eintragId) throw nichtGefunden();
    return { id: eintragId, scope: tenantScope(z.actor), auditActor: z.actor as Actor | { system: string; traegerId: string }, gehoert: (e: EintragRow) => e.buergerUserId === z.actor!.userId, zusatz: '' };
  }
  const id = wartelisteTokenPruefen(ctx, z.token);
  const row = id ? await ctx.db.withSystem((tx) => termineRepository.findEintragSystem(tx, id)) : undefined;
  if (!row) throw new AppError('link_ungueltig', 404, UNGUELTIG);
  return { id: row.id, scope: { traegerId: row.traegerId, userId: null, requestId: null }, auditActor: { system: 'wartelistelink', traegerId: row.traegerId }, gehoert: () => true, zusatz: ' (persönlicher Link)' };
}

/** A citizen's Warteliste entries (signed in). */
export async function meineWarteliste(opts: { ctx: AppContext; actor: Actor }) {
  if (opts.actor.art !== 'buerger') return [];
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const eintraege = await termineRepository.eintraegeVonBuerger(tx, opts.actor.userId);
    if (eintraege.length) await recordAudit(tx, opts.actor, { objectType: 'warteliste_eintrag', personId: opts.actor.userId, action: 'read', purpose: 'Eigene Einträge auf der Warteliste ansehen' });
    const daten = await termineRepository.stammdaten(tx);
    return eintraege.map((e) => {
      const a = daten.anliegen.find((x) => x.id === e.anliegenId);
      return { ...e, anliegenName: a?.name ?? '', anliegenSchluessel: a?.schluessel ?? '' };
    });
  });
}

/** One entry, by the personal link (or signed in); a withdrawn entry's link is used up (410). */
export async function eintragLesen(opts: Zugriff & { ctx: AppContext; eintragId?: string }) {
  const z = await aufloesen(opts.ctx, opts, opts.eintragId);
  return opts.ctx.db.withTenant(z.scope, async (tx) => {
    const e = await termineRepository.findEintrag(tx, z.id);
    if (!e || !z.gehoert(e)) throw opts.actor ? nichtGefunden() : new AppError('link_ungueltig', 404, UNGUELTIG);
    if (e.status === 'zurueckgezogen' && !opts.actor) throw new AppError('link_verbraucht', 410, 'Sie haben sich bereits von dieser Warteliste ausgetragen; der Link gilt nicht mehr.');
    await recordAudit(tx, z.auditActor, { objectType: 'warteliste_eintrag', objectId: e.id, personId: e.buergerUserId, action: 'read', purpose: `Eintrag auf der Warteliste ansehen${z.zusatz}` });
    const anliegen = await termineRepository.findAnliegen(tx, e.anliegenId);
    return { ...e, anliegenName: anliegen?.name ?? '', anliegenSchluessel: anliegen?.schluessel ?? '' };
  });
}

/**
 * Withdraws an entry: status `zurueckgezogen`; an open offer is withdrawn too and its slot goes to the next
 * waiting person at once (mail after commit).
 */
export async function eintragZurueckziehen(opts: Zugriff & { ctx: AppContext; eintragId?: string; basisUrl: string; jetzt?: Date }) {
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
