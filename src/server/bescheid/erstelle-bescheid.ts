import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { bescheidRepository, bescheidStammdaten, bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Bedarfsgemeinschaft, Bewilligung } from '../../db/schema/index.ts';
import { BescheidFehler, erstelleBescheid as erstelleModell } from '../../domain/bescheid/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { heute, ladeBgFuer, protokolliere } from '../fall/common.ts';
import { can } from '../policies.ts';
import type { AenderungsDaten } from '../bewilligung/freigeben.ts';
import { zeitraumAusGespeichert } from '../bewilligung/common.ts';
import { bescheidEingabe, type Briefkopf } from './eingabe.ts';
import { renderBescheidPdf } from './pdf.ts';
import { stelleBescheidZu } from '../portal/postfach.ts';

const ENTSCHIEDEN = new Set(['bewilligt', 'abgelehnt', 'ersetzt', 'aufgehoben']);

export async function briefkopf(tx: Tx, standortId: string): Promise<Briefkopf> {
  const t = await organisationRepository.traeger(tx);
  const s = await organisationRepository.findStandort(tx, standortId);
  return {
    traeger: { name: t?.name ?? '', jobcenter: t?.jobcenterName ?? '' },
    standort: {
      name: s?.name ?? '',
      strasse: s?.strasse ?? '',
      plz: s?.plz ?? '',
      ort: s?.ort ?? '',
      ...(s?.telefon ? { telefon: s.telefon } : {}),
      ...(s?.email ? { email: s.email } : {}),
      ...(s?.oeffnungszeiten ? { oeffnungszeiten: s.oeffnungszeiten } : {}),
    },
  };
}

/** Builds the model of the Bescheid of a decided Bewilligung (no PDF yet). */
export async function bescheidModell(tx: Tx, bg: Bedarfsgemeinschaft, b: Bewilligung, opts: { datum: string; sachbearbeitung?: { name: string } }) {
  const monate = await bewilligungRepository.monate(tx, b.id);
  const aenderung = b.aenderung as AenderungsDaten | null;
  const relevant = aenderung && b.vorgang === 'aenderung' ? monate.filter((m) => m.monat >= aenderung.ab.slice(0, 7)) : monate;
  // an Aufhebung states no new amounts: the months it keeps are unchanged
  const zeitraum = b.vorgang === 'aufhebung' ? undefined : zeitraumAusGespeichert(relevant);
  const stamm = (await bescheidStammdaten(tx, [bg.id], opts.datum, { bank: true })).get(bg.id)!;
  const antrag = b.antragId ? await antraegeRepository.find(tx, b.antragId) : undefined;
  const eingabe = bescheidEingabe({
    b,
    fallnummer: bg.fallnummer,
    briefkopf: await briefkopf(tx, bg.standortId),
    stamm,
    zeitraum,
    datum: opts.datum,
    antragsdatum: antrag?.antragsdatum,
    sachbearbeitung: opts.sachbearbeitung,
  });
  try {
    return erstelleModell(eingabe);
  } catch (err) {
    if (err instanceof BescheidFehler) throw new AppError(err.code, 409, err.message);
    throw err;
  }
}

/**
 * Creates the Bescheid for a decided Bewilligung of the BG (default: the latest decided one): model, PDF
 * (renderBescheidPdf), content hash – stored immutably. A BG without a decided Bewilligung gets a clear 409.
 */
export async function erstelleBescheid(opts: { ctx: AppContext; actor: Actor; bgId: string; bewilligungId?: string | undefined }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, opts.bgId, 'bewilligung.bearbeiten');
    const alle = await bewilligungRepository.listByBg(tx, bg.id);
    let b: Bewilligung | undefined;
    if (opts.bewilligungId) {
      b = alle.find((x) => x.id === opts.bewilligungId);
      if (!b) throw notFound('Die Bewilligung');
    } else {
      b = alle.filter((x) => x.status === 'bewilligt' || x.status === 'abgelehnt' || x.status === 'aufgehoben').sort((x, y) => (x.computedAt < y.computedAt ? 1 : -1))[0];
    }
    if (!b) {
      throw new AppError(
        'keine_bewilligung',
        409,
        alle.length
          ? 'Für diese Bedarfsgemeinschaft ist noch keine Bewilligung entschieden. Bitte lassen Sie die berechnete Bewilligung zuerst freigeben.'
          : 'Für diese Bedarfsgemeinschaft ist noch keine Bewilligung berechnet. Ein Bescheid kann erst nach Berechnung und Freigabe erstellt werden.',
      );
    }
    if (!ENTSCHIEDEN.has(b.status)) {
      throw new AppError('keine_bewilligung', 409, 'Diese Bewilligung ist noch nicht entschieden. Ein Bescheid kann erst nach der Freigabe erstellt werden.');
    }
    const modell = await bescheidModell(tx, bg, b, { datum: heute(ctx.clock.now()), sachbearbeitung: { name: actor.name } });
    const pdf = await renderBescheidPdf(modell);
    const row = await bescheidRepository.insert(tx, {
      traegerId: actor.traegerId,
      bgId: bg.id,
      bewilligungId: b.id,
      art: modell.art,
      datum: modell.datum,
      modell,
      sha256: modell.inhaltHash,
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      createdBy: actor.userId,
    });
    // the Erstattungsforderung of this decision is owed under this Bescheid (§ 50 Abs. 3 SGB X: set by Verwaltungsakt)
    await erstattungRepository.verknuepfeBescheid(tx, b.id, row.id);
    // Online delivery only where the citizen chose it (separate from using uploads and messages); otherwise by post.
    // A Bescheid to the heirs (Aufhebung for the death of the only person) never goes to the deceased's Postfach.
    const anErben = b.vorgang === 'aufhebung' && (b.aenderung as { aufhebung?: { code?: string } } | null)?.aufhebung?.code === 'tod';
    const zustellung = anErben ? 'post' : await stelleBescheidZu({ tx, actor, bgId: bg.id, titel: modell.titel, pdf, dateiname: `${modell.art}sbescheid-${modell.datum}.pdf` });
    await protokolliere(tx, actor, {
      bgId: bg.id,
      art: 'bescheid_erstellt',
      beschreibung: `${modell.titel} vom ${modell.datumText} erstellt (${zustellung === 'postfach' ? 'in das Online-Postfach zugestellt' : 'Versand per Post'}).`,
      details: { bescheidId: row.id, art: modell.art, sha256: modell.inhaltHash },
      zweck: 'Leistungssachbearbeitung: Bescheid erstellen',
    });
    return { id: row.id, art: modell.art, titel: modell.titel, datum: modell.datum, sha256: modell.inhaltHash, bewilligungId: b.id, zustellung, bankSichtbar: can(actor, 'fall.bankdaten') };
  });
}
