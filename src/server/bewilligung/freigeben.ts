import type { Tx } from '../../db/client.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import type { Bewilligung, BewilligungMonat } from '../../db/schema/index.ts';
import { vergleiche, type MonatsBetraege, type PersonBetrag, type Vergleich } from '../../domain/bewilligung/index.ts';
import { kostenDerDifferenz, type Kostenanteil } from '../../domain/kosten/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, forbidden, versionConflict } from '../errors.ts';
import { heute, protokolliere, pruefeOffenBis } from '../fall/common.ts';
import { can } from '../policies.ts';
import { ladeBewilligungFuer, ohneUeberschneidung, presentBewilligung } from './common.ts';

export type AenderungsDaten = { ab: string; gruende: string[]; vergleich: Vergleich };

/**
 * Approves a draft. Without Vier-Augen reasons a caseworker (leistung) approves directly; with reasons the first
 * call moves the draft to `freigabe_erforderlich`, and only a DIFFERENT person with role teamleitung may approve
 * it. Approval of a new version replaces the previous one (status `ersetzt`) and records Nachzahlungen (paid by
 * the next Zahllauf) and the Erstattungsforderung of an Änderung.
 */
export async function freigeben(opts: { ctx: AppContext; actor: Actor; id: string; version: number }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { b, bg } = await ladeBewilligungFuer(tx, actor, opts.id, 'bewilligung.lesen');
    if (b.version !== opts.version) throw versionConflict();
    // A Bedarfsgemeinschaft closed meanwhile gets no Bewilligung beyond its end (an Ablehnung may still be decided).
    if (b.vorgang !== 'ablehnung') await pruefeOffenBis(tx, bg, b.bis);
    const gruende = (b.vierAugenGruende as unknown[] | null) ?? [];
    if (b.status === 'entwurf') {
      if (!can(actor, 'bewilligung.bearbeiten')) throw forbidden();
      if (gruende.length > 0) {
        const r = await bewilligungRepository.update(tx, b.id, b.version, { status: 'freigabe_erforderlich' });
        if (!r) throw versionConflict();
        await protokolliere(tx, actor, {
          bgId: b.bgId,
          art: 'bewilligung_zur_freigabe',
          beschreibung: 'Bewilligung zur Freigabe (Vier-Augen-Prinzip) vorgelegt.',
          details: { bewilligungId: b.id },
          zweck: 'Leistungssachbearbeitung: Bewilligung zur Freigabe vorlegen',
        });
        return { bewilligung: presentBewilligung(r), freigabeErforderlich: true };
      }
      return { bewilligung: presentBewilligung(await entscheide(tx, actor, b)), freigabeErforderlich: false };
    }
    if (b.status === 'freigabe_erforderlich') {
      if (!can(actor, 'bewilligung.freigeben')) throw forbidden();
      if (b.createdBy === actor.userId) {
        throw new AppError('vier_augen_selbe_person', 403, 'Nach dem Vier-Augen-Prinzip muss eine andere Person die Bewilligung freigeben.');
      }
      return { bewilligung: presentBewilligung(await entscheide(tx, actor, b)), freigabeErforderlich: false };
    }
    throw new AppError('status_ungueltig', 409, 'Diese Bewilligung ist bereits entschieden.');
  });
}

/** Final decision: bewilligt (or abgelehnt), replacing the previous version; Nachzahlungen and Erstattung recorded. */
export async function entscheide(tx: Tx, actor: Actor | { system: string; traegerId: string; userId: null }, b: Bewilligung): Promise<Bewilligung> {
  if (b.vorgaengerId) {
    const alt = await bewilligungRepository.find(tx, b.vorgaengerId);
    if (!alt || alt.status !== 'bewilligt') throw new AppError('vorgaenger_nicht_bewilligt', 409, 'Die geänderte Bewilligung ist nicht mehr in Kraft.');
    const ersetzt = await bewilligungRepository.update(tx, alt.id, alt.version, { status: 'ersetzt' });
    if (!ersetzt) throw versionConflict();
  }
  // An Aufhebung from the first month keeps no month: nothing is granted any more (status aufgehoben).
  const status =
    b.vorgang === 'ablehnung' ? 'abgelehnt' : b.vorgang === 'aufhebung' && (await bewilligungRepository.monate(tx, b.id)).length === 0 ? 'aufgehoben' : 'bewilligt';
  const r = await ohneUeberschneidung(() =>
    bewilligungRepository.update(tx, b.id, b.version, { status, approvedBy: actor.userId, approvedAt: new Date() }),
  );
  if (!r) throw versionConflict();
  const aenderung = b.aenderung as AenderungsDaten | null;
  let entschieden = r;
  if (aenderung && b.vorgaengerId) {
    // A person decides later than the draft was computed: a Zahllauf may have paid further months meanwhile, so the
    // comparison (Nachzahlung / Überzahlung) is taken again against what is paid now and stored for the Bescheid.
    // (The Massenänderung decides in the same transaction as it computes, so its stored comparison is current.)
    let vergleich = aenderung.vergleich;
    if ('roles' in actor) {
      vergleich = await vergleichJetzt(tx, b, b.vorgaengerId, aenderung.ab);
      const aktualisiert = await bewilligungRepository.update(tx, r.id, r.version, { aenderung: { ...aenderung, vergleich } });
      if (!aktualisiert) throw versionConflict();
      entschieden = aktualisiert;
    }
    await korrekturenAus(tx, b, b.vorgaengerId, vergleich, actor.userId);
  }
  if ('roles' in actor) {
    await protokolliere(tx, actor, {
      bgId: b.bgId,
      art: b.vorgang === 'aufhebung' ? 'aufhebung_entschieden' : status === 'bewilligt' ? 'bewilligung_erteilt' : 'ablehnung_entschieden',
      beschreibung: b.vorgang === 'aufhebung' ? 'Aufhebung entschieden.' : status === 'bewilligt' ? 'Bewilligung erteilt.' : 'Ablehnung entschieden.',
      details: { bewilligungId: b.id },
      zweck: 'Leistungssachbearbeitung: Bewilligung entscheiden',
    });
  }
  return entschieden;
}

async function vergleichJetzt(tx: Tx, neu: Bewilligung, altId: string, ab: string): Promise<Vergleich> {
  const abMonat = ab < neu.von ? neu.von.slice(0, 7) : ab.slice(0, 7);
  const betraege = (monate: readonly BewilligungMonat[]): MonatsBetraege[] =>
    monate
      .filter((m) => m.monat >= abMonat)
      .map((m) => ({ monat: m.monat, auszahlungCent: m.auszahlungCent, personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })) }));
  const alt = betraege(await bewilligungRepository.monate(tx, altId));
  const jetzt = betraege(await bewilligungRepository.monate(tx, neu.id));
  const gezahltBis = await bewilligungRepository.gezahltBis(tx, neu.bgId);
  return vergleiche(alt, jetzt, { gezahltBis, entscheidungsdatum: heute() });
}

/** Nachzahlungen (months already paid, new amount higher) and the Erstattungsforderung of a comparison. */
export async function korrekturenAus(tx: Tx, b: Bewilligung, altId: string, v: Vergleich, userId: string | null) {
  if (v.nachzahlung.gesamtCent > 0) {
    const altMonate = new Map((await bewilligungRepository.monate(tx, altId)).map((m) => [m.monat, m.kosten as Kostenanteil[]]));
    const neuMonate = new Map((await bewilligungRepository.monate(tx, b.id)).map((m) => [m.monat, m.kosten as Kostenanteil[]]));
    await bewilligungRepository.insertKorrekturen(
      tx,
      v.nachzahlung.monate
        .filter((m) => m.betragCent > 0)
        .map((m) => ({
          traegerId: b.traegerId,
          bgId: b.bgId,
          bewilligungId: b.id,
          monat: m.monat,
          betragCent: m.betragCent,
          kosten: kostenDerDifferenz(altMonate.get(m.monat) ?? [], neuMonate.get(m.monat) ?? [], m.betragCent),
        })),
    );
  }
  const f = v.erstattungsforderung;
  if (f && f.betragCent > 0) {
    await bewilligungRepository.insertErstattung(tx, {
      traegerId: b.traegerId,
      bgId: b.bgId,
      bewilligungId: b.id,
      betragCent: f.betragCent,
      personen: f.personen,
      monate: f.monate,
      norm: f.norm,
      createdBy: userId,
    });
  }
}
