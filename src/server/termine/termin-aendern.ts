import { istBelegtFehler, termineRepository, type TerminRow } from '../../db/repositories/termine.ts';
import { alternativen, darfAbsagen, darfVerschieben, pruefeBuchung, verschiebeZiele, type Kanal } from '../../domain/termine/index.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, versionConflict } from '../errors.ts';
import { slotBelegt, terminFehler } from './fehler.ts';
import { alsTerminZeit, darfSehen, regelnFuer, sendeNachCommit, terminNichtGefunden } from './gemeinsam.ts';
import { terminMail } from './mails.ts';
import { ladeVerfuegbarkeit } from './verfuegbarkeit.ts';
import { linkAufloesen } from './verwaltung-per-link.ts';
import { slotAnbieten } from './warteliste.ts';

class SchonBelegt extends Error {}

async function freigeben(ctx: AppContext, tx: Parameters<typeof slotAnbieten>[0]['tx'], alt: TerminRow, basisUrl: string, jetzt: Date) {
  const anliegen = await termineRepository.findAnliegen(tx, alt.anliegenId);
  return slotAnbieten({
    ctx,
    tx,
    traegerId: alt.traegerId,
    slot: {
      ressourceId: alt.ressourceId,
      standortId: alt.standortId,
      anliegenId: alt.anliegenId,
      beginn: alt.beginn,
      ende: alt.ende,
      kanal: alt.kanal as Kanal,
      pufferMinuten: anliegen?.pufferMinuten ?? 0,
    },
    basisUrl,
    jetzt,
  });
}

/**
 * The common flow of moving and cancelling an appointment. Four use cases reach it: `termin-verschieben` and
 * `termin-absagen` (signed in) and their `termin-per-link-*` counterparts (personal link of a booking without account).
 */

/** Who changes the appointment: a signed-in person, or the holder of the personal link of a booking without account. */
export type Zugriff = { actor: Actor; verwaltungsToken?: undefined } | { actor?: null | undefined; verwaltungsToken: string };

async function zugriffAufloesen(ctx: AppContext, z: Zugriff) {
  if (z.actor) {
    const actor = z.actor;
    return {
      traegerId: actor.traegerId,
      scope: tenantScope(actor),
      buergerRegeln: actor.art === 'buerger',
      sieht: (t: TerminRow) => darfSehen(actor, t),
      auditActor: actor as Actor | { system: string; traegerId: string },
      purposeZusatz: '',
    };
  }
  const l = await linkAufloesen(ctx, z.verwaltungsToken);
  return {
    traegerId: l.traegerId,
    scope: { traegerId: l.traegerId, userId: null, requestId: null },
    buergerRegeln: true,
    sieht: (t: TerminRow) => t.verwaltungTokenHash === l.hash,
    auditActor: { system: 'terminlink', traegerId: l.traegerId },
    purposeZusatz: ' (persönlicher Link)',
  };
}

/**
 * Moves an appointment to another free time (same Anliegen, channel and Standort). Citizens (signed in or by their
 * personal link) only their own and only within the rules (`darfVerschieben`); the freed time goes to the
 * Warteliste. SEQUENCE + 1, change mail.
 */
export async function verschiebeAblauf(opts: Zugriff & { ctx: AppContext; terminId: string; input: { beginn: Date; version?: number | undefined }; basisUrl: string; jetzt?: Date }) {
  const { ctx, basisUrl } = opts;
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const z = await zugriffAufloesen(ctx, opts);
  try {
    const { termin, mails } = await ctx.db.withTenant(z.scope, async (tx) => {
      const regeln = await regelnFuer(tx, z.traegerId);
      const alt = await termineRepository.findTermin(tx, opts.terminId);
      if (!alt || !z.sieht(alt)) throw terminNichtGefunden();
      if (opts.input.version !== undefined && opts.input.version !== alt.version) throw versionConflict();
      if (z.buergerRegeln) {
        const r = darfVerschieben(alsTerminZeit(alt), jetzt, regeln);
        if (!r.ok) throw new AppError(r.code, r.code === 'termin_nicht_aktiv' ? 409 : 400, r.meldung);
      } else if (alt.status !== 'gebucht') throw new AppError('termin_nicht_aktiv', 409, 'Dieser Termin ist nicht mehr gebucht.');
      // the same start is no move (another desk may be free then, but nothing would change for the citizen)
      if (opts.input.beginn.getTime() === alt.beginn.getTime()) throw new AppError('gleiche_zeit', 422, 'Ihr Termin liegt bereits zu dieser Zeit. Bitte wählen Sie eine andere Zeit.');
      const { v } = await ladeVerfuegbarkeit(tx, { jetzt, regeln, ohneTerminId: alt.id });
      const wunsch = { anliegenId: alt.anliegenId, kanal: alt.kanal as Kanal, beginn: opts.input.beginn, standortId: alt.standortId };
      const p = pruefeBuchung(v, wunsch, jetzt, regeln);
      if (!p.ok) {
        if (p.fehler.code === 'slot_belegt') throw new SchonBelegt();
        throw terminFehler(p.fehler);
      }
      const anliegen = await termineRepository.findAnliegen(tx, alt.anliegenId);
      const neu = await termineRepository.updateTermin(tx, alt.id, alt.version, {
        ressourceId: p.slot.ressourceId,
        beginn: p.slot.beginn,
        ende: p.slot.ende,
        blockiertBis: new Date(p.slot.ende.getTime() + (anliegen?.pufferMinuten ?? 0) * 60_000),
        sequenz: alt.sequenz + 1,
        erinnerungGesendetAm: null,
      });
      if (!neu) throw versionConflict();
      await recordAudit(tx, z.auditActor, { objectType: 'termin', objectId: alt.id, personId: alt.buergerUserId, action: 'update', purpose: `Termin verschieben${z.purposeZusatz}`, details: { feld: 'beginn' } });
      const ausgehend: (OutgoingMail | undefined)[] = [await terminMail({ ctx, tx, termin: neu, art: 'aenderung', basisUrl, jetzt, verwaltungsToken: opts.verwaltungsToken })];
      ausgehend.push(await freigeben(ctx, tx, alt, basisUrl, jetzt));
      return { termin: neu, mails: ausgehend };
    });
    await sendeNachCommit(ctx, z.traegerId, mails);
    return termin;
  } catch (err) {
    if (!(err instanceof SchonBelegt) && !istBelegtFehler(err)) throw err;
  }
  const frei = await ctx.db.withTenant(z.scope, async (tx) => {
    const alt = await termineRepository.findTermin(tx, opts.terminId);
    const regeln = await regelnFuer(tx, z.traegerId);
    const { v } = await ladeVerfuegbarkeit(tx, { jetzt, regeln, ohneTerminId: opts.terminId });
    return alt ? verschiebeZiele(alternativen(v, { anliegenId: alt.anliegenId, kanal: alt.kanal as Kanal, beginn: opts.input.beginn, standortId: alt.standortId }, jetzt, regeln), alt) : [];
  });
  throw slotBelegt(frei);
}

/** Cancels an appointment (citizens within `darfAbsagen`); CANCEL mail; the freed time goes to the Warteliste. */
export async function absageAblauf(opts: Zugriff & { ctx: AppContext; terminId: string; basisUrl: string; jetzt?: Date }) {
  const { ctx, basisUrl } = opts;
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const z = await zugriffAufloesen(ctx, opts);
  const { termin, mails } = await ctx.db.withTenant(z.scope, async (tx) => {
    const regeln = await regelnFuer(tx, z.traegerId);
    const alt = await termineRepository.findTermin(tx, opts.terminId);
    if (!alt || !z.sieht(alt)) throw terminNichtGefunden();
    if (z.buergerRegeln) {
      const r = darfAbsagen(alsTerminZeit(alt), jetzt, regeln);
      if (!r.ok) throw new AppError(r.code, r.code === 'termin_nicht_aktiv' ? 409 : 400, r.meldung);
    } else if (alt.status !== 'gebucht') throw new AppError('termin_nicht_aktiv', 409, 'Dieser Termin ist nicht mehr gebucht.');
    const neu = await termineRepository.updateTermin(tx, alt.id, alt.version, { status: 'abgesagt', sequenz: alt.sequenz + 1, abgesagtAm: jetzt });
    if (!neu) throw versionConflict();
    await recordAudit(tx, z.auditActor, { objectType: 'termin', objectId: alt.id, personId: alt.buergerUserId, action: 'update', purpose: `Termin absagen${z.purposeZusatz}`, details: { status: 'abgesagt' } });
    const ausgehend: (OutgoingMail | undefined)[] = [await terminMail({ ctx, tx, termin: neu, art: 'absage', basisUrl, jetzt })];
    if (alt.beginn.getTime() > jetzt.getTime()) ausgehend.push(await freigeben(ctx, tx, alt, basisUrl, jetzt));
    return { termin: neu, mails: ausgehend };
  });
  await sendeNachCommit(ctx, z.traegerId, mails);
  return termin;
}
