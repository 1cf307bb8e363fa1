import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Tx } from '../../db/client.ts';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { terminRegelnRepository, type TerminRegelnRow } from '../../db/repositories/termin-regeln.ts';
import type { TerminRow } from '../../db/repositories/termine.ts';
import { STANDARD_REGELN, type TerminRegeln, type TerminZeit } from '../../domain/termine/index.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import { merkeMailVor } from '../../mail/ausgang.ts';
import type { Actor, AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { can, standortErreichbar } from '../policies.ts';

/** The rules of a stored row (only the rule columns). */
export function alsRegeln(row: TerminRegelnRow): TerminRegeln {
  return {
    vorlaufMinuten: row.vorlaufMinuten,
    horizontTage: row.horizontTage,
    verschiebenBisStunden: row.verschiebenBisStunden,
    absagenBisStunden: row.absagenBisStunden,
    erinnerungVorStunden: row.erinnerungVorStunden,
    videoOffenVorMinuten: row.videoOffenVorMinuten,
    videoOffenNachMinuten: row.videoOffenNachMinuten,
    checkinVorMinuten: row.checkinVorMinuten,
    checkinNachMinuten: row.checkinNachMinuten,
    angebotGueltigMinuten: row.angebotGueltigMinuten,
  };
}

/**
 * The Träger's Termine rules (table `termin_regeln`; `STANDARD_REGELN` until the admin saved them), read in the
 * caller's transaction – one primary-key lookup, so a booking reads the rules in the same transaction as the
 * occupancy it checks them against. Works in tenant and in system transactions (the query names the Träger).
 */
export async function regelnFuer(tx: Tx, traegerId: string): Promise<TerminRegeln> {
  const row = await terminRegelnRepository.find(tx, traegerId);
  return row ? alsRegeln(row) : STANDARD_REGELN;
}

export const neueRaumId = () => randomUUID();

export function alsTerminZeit(t: TerminRow): TerminZeit {
  return { beginn: t.beginn, ende: t.ende, kanal: t.kanal as TerminZeit['kanal'], status: t.status as TerminZeit['status'], art: t.art as TerminZeit['art'] };
}

/** A public (anonymous) request names its Träger by slug; without one the first Träger is meant. */
export async function traegerFuer(ctx: AppContext, slug: string | undefined): Promise<{ id: string; name: string; slug: string }> {
  const t = await ctx.db.withSystem(async (tx) =>
    slug ? directoryRepository.findTraegerBySlug(tx, slug) : (await directoryRepository.listTraeger(tx))[0],
  );
  if (!t) throw notFound('Der Träger');
  return { id: t.id, name: t.name, slug: t.slug };
}

/**
 * Whether the actor may see – and therefore change – this appointment (permission table, `berechtigungen.ts`): the
 * citizen who booked it (`termine.eigene`), or staff holding `termine.bearbeiten` whose reach covers its Standort.
 * Roles without `termine.bearbeiten` (admin, controlling) never reach a person's appointment.
 */
export function darfSehen(actor: Actor, t: TerminRow): boolean {
  if (actor.art === 'buerger') return can(actor, 'termine.eigene') && t.buergerUserId === actor.userId;
  return standortErreichbar(actor, 'termine.bearbeiten', t.standortId);
}

export const terminNichtGefunden = () => new AppError('not_found', 404, 'Diesen Termin gibt es nicht.');

/**
 * Mail is sent after the transaction committed; a failing mail server must not undo a booking. A mail the server did
 * not take goes into the outbox (`mail_ausgang`), whose job retries it (docs/ARCHITECTURE.md, "E-Mail: Postausgang").
 */
export async function sendeNachCommit(ctx: AppContext, traegerId: string, mails: (OutgoingMail | undefined)[], log?: FastifyBaseLogger): Promise<void> {
  for (const m of mails) {
    if (!m) continue;
    try {
      await ctx.mailer.send(m);
    } catch (err) {
      const code = String((err as { code?: unknown }).code ?? 'EMAIL');
      log?.warn({ code }, 'Termin-E-Mail nicht gesendet, sie wartet im Postausgang');
      // the booking is committed: an error here is logged, never answered as a failure of the booking
      await ctx.db
        .withTenant({ traegerId }, (tx) => merkeMailVor(tx, { secret: ctx.config.secret, traegerId, anlass: 'termine', mail: m, fehlerCode: code }))
        .catch((e: unknown) => log?.error({ code: (e as { code?: unknown }).code }, 'Termin-E-Mail konnte nicht in den Postausgang'));
    }
  }
}
