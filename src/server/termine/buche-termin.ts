import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { istBelegtFehler, termineRepository, type TerminRow } from '../../db/repositories/termine.ts';
import { STANDARD_REGELN } from '../../domain/termine/regeln.ts';
import { alternativen, checkinFenster, checkinToken, pruefeBuchung, type Buchungswunsch, type FreieZeit, type Kanal, type TerminRegeln, type Verfuegbarkeit } from '../../domain/termine/index.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor, AppContext } from '../context.ts';
import { hashToken, randomToken } from '../security/crypto.ts';
import { slotBelegt, terminFehler } from './fehler.ts';
import { alsRegeln, neueRaumId, regelnFuer, sendeNachCommit } from './gemeinsam.ts';
import { checkinGeheimnis, terminMail } from './mails.ts';
import { anliegenAus, ladeVerfuegbarkeit, verfuegbarkeitAus } from './verfuegbarkeit.ts';

/**
 * At most this many booking transactions run at once per process; further bookings wait here in memory (FIFO)
 * instead of at the connection pool, whose short acquisition timeout would turn a burst – everybody trying at
 * 8:00 – into 503 errors. Stays below the pool size so sign-in and page loads keep their connections.
 */
const GLEICHZEITIGE_BUCHUNGEN = Number(process.env.X_GL ?? 6);
let laufend = 0;
const warteschlange: (() => void)[] = [];

async function mitBuchungsplatz<T>(fn: () => Promise<T>): Promise<T> {
  if (laufend >= GLEICHZEITIGE_BUCHUNGEN) await new Promise<void>((weiter) => warteschlange.push(weiter));
  else laufend++;
  try {
    return await fn();
  } finally {
    const naechste = warteschlange.shift();
    if (naechste) naechste();
    else laufend--;
  }
}

export type BuchungEingabe = { anliegenId: string; kanal: Kanal; beginn: Date; standortId?: string | undefined; ressourceId?: string | undefined };

export type BuchendePerson = { userId: string; email?: undefined; name?: string } | { userId?: undefined; email: string; name: string };

/**
 * Fresh alternatives for a 409: the next free times within two weeks of the wish (searching the whole booking
 * horizon for three times would cost most of a refused request).
 */
export function alternativenKurz(v: Verfuegbarkeit, wunsch: Buchungswunsch, jetzt: Date, regeln: TerminRegeln): FreieZeit[] {
  const tageBisWunsch = Math.max(0, Math.ceil((wunsch.beginn.getTime() - jetzt.getTime()) / 86_400_000));
  return alternativen(v, wunsch, jetzt, { ...regeln, horizontTage: Math.min(regeln.horizontTage, tageBisWunsch + 14) });
}

/**
 * Books an appointment. The rules are checked first (`pruefeBuchung`, for a well-worded early answer); the
 * guarantee against double booking is the exclusion constraint `termine_keine_doppelbuchung`: a concurrent booking
 * of the same Ressource and time fails with SQLSTATE 23P01. Then the check is repeated once more (another
 * Ressource may still be free at that time); if the time is gone → 409 `slot_belegt` with fresh alternatives.
 *
 * `imSelbenSchritt` runs inside the booking transaction before the insert (e.g. consuming a double-opt-in token
 * or a Warteliste offer, so token and booking succeed or fail together).
 */
export async function bucheTermin(opts: {
  ctx: AppContext;
  traegerId: string;
  actor: Actor | null;
  person: BuchendePerson;
  input: BuchungEingabe;
  basisUrl: string;
  art?: 'buchung' | 'einladung';
  jetzt?: Date;
  /** a Warteliste offer being accepted: its hold does not count as occupancy */
  ohneAngebotId?: string;
  imSelbenSchritt?: (tx: Tx) => Promise<void>;
  /** `verwaltungsToken`: the self-service link's token of a booking without account (for the caller's own mail) */
  nachInsert?: (tx: Tx, termin: TerminRow, verwaltungsToken: string | undefined) => Promise<void>;
}): Promise<TerminRow & { verwaltungsToken?: string | undefined }> {
  const { ctx, traegerId, actor, person, input, basisUrl } = opts;
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const scope = { traegerId, userId: actor?.userId ?? null, requestId: actor?.requestId ?? null };
  const wunsch: Buchungswunsch = {
    anliegenId: input.anliegenId,
    kanal: input.kanal,
    beginn: input.beginn,
    ...(input.standortId ? { standortId: input.standortId } : {}),
    ...(input.ressourceId ? { ressourceId: input.ressourceId } : {}),
  };
  for (let versuch = 0; versuch < 3; versuch++) {
    try {
      const { termin, mail } = await mitBuchungsplatz(() => ctx.db.withTenant(scope, async (tx) => {
        // one round trip for rules, master data and occupancy (issue 12: at most 5 round trips for a refused booking)
        const roh = await termineRepository.buchungsdaten(tx, { traegerId, jetzt, standardHorizontTage: STANDARD_REGELN.horizontTage });
        const regeln = roh.regeln ? alsRegeln(roh.regeln) : STANDARD_REGELN;
        const { v, daten } = verfuegbarkeitAus({ daten: roh.stammdaten, abwesenheiten: roh.abwesenheiten, belegt: roh.belegt }, { jetzt, ohneAngebotId: opts.ohneAngebotId });
        const anliegen = anliegenAus(daten.anliegen, input.anliegenId);
        const p = pruefeBuchung(v, { ...wunsch, anliegenId: anliegen?.id ?? input.anliegenId }, jetzt, regeln);
        if (!p.ok) {
          const belegt = p.fehler.code === 'slot_belegt' || p.fehler.code === 'nicht_verfuegbar';
          throw terminFehler(p.fehler, belegt ? alternativenKurz(v, { ...wunsch, anliegenId: anliegen?.id ?? input.anliegenId }, jetzt, regeln) : []);
        }
        if (opts.imSelbenSchritt) await opts.imSelbenSchritt(tx);
        const puffer = anliegen?.pufferMinuten ?? 0;
        // the id is chosen here so that the check-in token can be stored with the INSERT: a later UPDATE of the new
        // row would re-check the exclusion constraint against concurrent inserts and could deadlock with them
        const id = randomUUID();
        const checkin = input.kanal === 'vor_ort' ? checkinToken(id, checkinFenster(p.slot, regeln).bis, checkinGeheimnis(ctx)) : null;
        // without an account the person manages the appointment by a personal link: random token, only its hash stored
        const verwaltungsToken = person.userId ? undefined : randomToken();
        const gespeichert = await termineRepository.insertTermin(tx, {
          id,
          traegerId,
          ressourceId: p.slot.ressourceId,
          anliegenId: p.slot.anliegenId,
          standortId: p.slot.standortId,
          kanal: input.kanal,
          art: opts.art ?? 'buchung',
          beginn: p.slot.beginn,
          ende: p.slot.ende,
          blockiertBis: new Date(p.slot.ende.getTime() + puffer * 60_000),
          buergerUserId: person.userId ?? null,
          email: person.email ?? null,
          name: person.name ?? '',
          videoRaumId: input.kanal === 'video' ? neueRaumId() : null,
          checkinTokenHash: checkin ? hashToken(checkin) : null,
          verwaltungTokenHash: verwaltungsToken ? hashToken(verwaltungsToken) : null,
          createdBy: actor?.userId ?? null,
          // the injected clock, not the database's (reminders and Fordern read the booking's time)
          createdAt: jetzt,
          updatedAt: jetzt,
        });
        if (opts.nachInsert) await opts.nachInsert(tx, gespeichert, verwaltungsToken);
        await recordAudit(tx, actor ?? { system: 'terminbuchung', traegerId, requestId: scope.requestId ?? undefined }, {
          objectType: 'termin',
          objectId: gespeichert.id,
          personId: person.userId ?? null,
          action: 'create',
          purpose: opts.art === 'einladung' ? 'Einladung zu einem Termin' : 'Online-Terminbuchung',
          details: { kanal: input.kanal, anliegenId: p.slot.anliegenId },
        });
        const bestaetigung: OutgoingMail | undefined = opts.art === 'einladung' ? undefined : await terminMail({ ctx, tx, termin: gespeichert, art: 'bestaetigung', basisUrl, jetzt, verwaltungsToken, regeln });
        return { termin: { ...gespeichert, verwaltungsToken }, mail: bestaetigung };
      }));
      await sendeNachCommit(ctx, traegerId, [mail]);
      return termin;
    } catch (err) {
      if (istBelegtFehler(err)) continue;
      throw err;
    }
  }
  const frei = await mitBuchungsplatz(() => ctx.db.withTenant(scope, async (tx) => {
    const regeln = await regelnFuer(tx, traegerId);
    const { v, daten } = await ladeVerfuegbarkeit(tx, { jetzt, regeln });
    const anliegen = anliegenAus(daten.anliegen, input.anliegenId);
    return alternativenKurz(v, { ...wunsch, anliegenId: anliegen?.id ?? input.anliegenId }, jetzt, regeln);
  }));
  throw slotBelegt(frei);
}
