import { freieSlots, freieZeiten, letzterBuchbarerTag, lokalesDatum, plusTage, verschiebeZiele, type Kanal } from '../../domain/termine/index.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { regelnFuer } from './gemeinsam.ts';
import { ladeVerfuegbarkeit } from './verfuegbarkeit.ts';

/**
 * Free times of the Träger's Anliegen: the computation behind `freie-zeiten-auflisten` (public) and the move targets
 * of `termin-ansehen` / `termin-per-link-ansehen`.
 */

/** Free start times of an Anliegen for citizens (one entry per Standort and time; public, no personal data). */
export async function freieZeitenLaden(opts: {
  ctx: AppContext;
  traegerId: string;
  input: { anliegen: string; kanal?: Kanal | undefined; standortId?: string | undefined; von?: string | undefined; bis?: string | undefined };
  jetzt?: Date;
}) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  return opts.ctx.db.withTenant({ traegerId: opts.traegerId }, async (tx) => {
    const regeln = await regelnFuer(tx, opts.traegerId);
    const { v, daten } = await ladeVerfuegbarkeit(tx, { jetzt, regeln });
    const anliegen = daten.anliegen.find((a) => a.id === opts.input.anliegen || a.schluessel === opts.input.anliegen);
    if (!anliegen || !anliegen.online) throw notFound('Das Anliegen');
    const von = opts.input.von ?? lokalesDatum(jetzt);
    const bis = opts.input.bis ?? plusTage(von, 13);
    const slots = freieSlots(v, {
      anliegenId: anliegen.id,
      von,
      bis,
      jetzt,
      regeln,
      ...(opts.input.kanal ? { kanal: opts.input.kanal } : {}),
      ...(opts.input.standortId ? { standortId: opts.input.standortId } : {}),
    });
    return {
      anliegen: { id: anliegen.id, schluessel: anliegen.schluessel, name: anliegen.name, dauerMinuten: anliegen.dauerMinuten, kanaele: anliegen.kanaele },
      zeiten: freieZeiten(slots),
      standorte: daten.standorte.map((s) => ({ id: s.id, name: s.name })),
      /** first day after this range that can still be booked (for "later times"), null at the end of the horizon */
      weiterAb: bis < letzterBuchbarerTag(jetzt, regeln) ? plusTage(bis, 1) : null,
    };
  });
}

/**
 * The times a booked appointment can be moved to (same Anliegen, channel and Standort): the free times without the
 * appointment's own start – another desk free at the same time is no move for the citizen (`verschiebeZiele`).
 */
export async function listeVerschiebeZiele(opts: {
  ctx: AppContext;
  traegerId: string;
  termin: { anliegenId: string; kanal: Kanal; standortId: string; beginn: Date };
  jetzt?: Date;
}) {
  const { termin } = opts;
  const r = await freieZeitenLaden({ ctx: opts.ctx, traegerId: opts.traegerId, input: { anliegen: termin.anliegenId, kanal: termin.kanal, standortId: termin.standortId }, ...(opts.jetzt ? { jetzt: opts.jetzt } : {}) });
  return verschiebeZiele(r.zeiten, termin);
}
