import type { Tx } from '../../db/client.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import type { Bewilligung, BewilligungMonat } from '../../db/schema/index.ts';
import {
  vergleiche,
  verrechneAbschluss,
  vierAugenErforderlich,
  type MonatsBetraege,
  type PersonBetrag,
  type Vergleich,
  type VierAugenGrund,
  type Vorgangsart,
} from '../../domain/bewilligung/index.ts';
import { kostenDerDifferenz, type Kostenanteil } from '../../domain/kosten/index.ts';
import { tatbestandDerForderung } from '../../domain/zahlung/aufrechnung.ts';
import { z } from 'zod';
import { tenantScope, type Actor } from '../context.ts';
import { haekchen, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, forbidden, versionConflict } from '../errors.ts';
import { schliesseAntraegeNachEntscheidung } from '../fall/antraege-abschliessen.ts';
import { heute } from '../clock.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { pruefeOffenBis } from '../fall/bg-ende.ts';
import { can } from '../policies.ts';
import { ladeBewilligungFuer } from './zugriff.ts';
import { ohneUeberschneidung } from './ueberschneidung.ts';
import { presentBewilligung } from './darstellung.ts';
import { vierAugenRegeln } from './vier-augen-regeln.ts';
import { pruefeAufhebungJetzt } from './hebe-bewilligung-auf.ts';

export type AenderungsDaten = {
  ab: string;
  gruende: string[];
  vergleich: Vergleich;
  /** abschließende Feststellung: the income rule applied (§ 41a Abs. 3/4 SGB II, by the period's start) */
  abschluss?: { methode: 'durchschnitt' | 'monatlich'; norm: string; begruendung: string } | undefined;
};

/**
 * Approves a draft. Without Vier-Augen reasons a caseworker (leistung) approves directly; with reasons the first
 * call moves the draft to `freigabe_erforderlich`, and only a DIFFERENT person with role teamleitung may approve
 * it. Approval of a new version replaces the previous one (status `ersetzt`) and records Nachzahlungen (paid by
 * the next Zahllauf) and the Erstattungsforderung of an Änderung.
 */
export const bewilligungFreigebenSchema = z.object({
  id: text(100).describe('ID der Bewilligung'),
  version: version(),
  /** keep the decided Anträge open (default: approval closes them) */
  antragOffenLassen: haekchen().optional().describe('Standard: die Freigabe schließt die beantworteten Anträge (Status entschieden)'),
});

export const bewilligungFreigeben = defineUseCase({
  name: 'bewilligung.freigeben',
  zugang: 'angemeldet',
  input: bewilligungFreigebenSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input: opts }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { b, bg } = await ladeBewilligungFuer(tx, actor, opts.id, 'bewilligung.lesen');
    // the permission comes before the version: without the right a stale version must not answer 409
    if (!can(actor, 'bewilligung.bearbeiten') && !can(actor, 'bewilligung.freigeben')) throw forbidden();
    if (b.status === 'entwurf' && !can(actor, 'bewilligung.bearbeiten')) throw forbidden();
    if (b.status === 'freigabe_erforderlich' && !can(actor, 'bewilligung.freigeben')) throw forbidden();
    if (b.version !== opts.version) throw versionConflict();
    // A Bedarfsgemeinschaft closed meanwhile gets no Bewilligung beyond its end (an Ablehnung may still be decided).
    if (b.vorgang !== 'ablehnung') await pruefeOffenBis(tx, bg, b.bis);
    // An Aufhebung is checked again against § 48 / § 24 SGB X with the figures and the date of the decision.
    if (b.vorgang === 'aufhebung' && (b.status === 'entwurf' || b.status === 'freigabe_erforderlich')) await pruefeAufhebungJetzt(tx, b, heute(ctx.clock.now()));
    if (b.status === 'entwurf') {
      if (!can(actor, 'bewilligung.bearbeiten')) throw forbidden();
      // The Vier-Augen rule looks at the figures as they are now: a Zahllauf may have paid further months while the
      // draft waited, so Nachzahlung and Erstattung are taken again (as in `entscheide`) before the rule is applied.
      const aktuell = await vierAugenJetzt(tx, b, heute(ctx.clock.now()));
      const gruende = aktuell.gruende;
      if (gruende.length > 0) {
        const r = await bewilligungRepository.update(tx, b.id, b.version, { status: 'freigabe_erforderlich', vierAugenGruende: gruende, aenderung: aktuell.aenderung });
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
      const gleich = JSON.stringify(gruende) === JSON.stringify(b.vierAugenGruende ?? []);
      const aktualisiert = gleich ? b : await bewilligungRepository.update(tx, b.id, b.version, { vierAugenGruende: gruende });
      if (!aktualisiert) throw versionConflict();
      const entschieden = await entscheide(tx, actor, aktualisiert, ctx.clock.now());
      const antraege = await schliesseAntraegeNachEntscheidung(tx, actor, entschieden, { offenLassen: opts.antragOffenLassen === true, jetzt: ctx.clock.now() });
      return { bewilligung: presentBewilligung(entschieden), freigabeErforderlich: false, antraege };
    }
    if (b.status === 'freigabe_erforderlich') {
      if (!can(actor, 'bewilligung.freigeben')) throw forbidden();
      if (b.createdBy === actor.userId) {
        throw new AppError('vier_augen_selbe_person', 403, 'Nach dem Vier-Augen-Prinzip muss eine andere Person die Bewilligung freigeben.');
      }
      const entschieden = await entscheide(tx, actor, b, ctx.clock.now());
      const antraege = await schliesseAntraegeNachEntscheidung(tx, actor, entschieden, { offenLassen: opts.antragOffenLassen === true, jetzt: ctx.clock.now() });
      return { bewilligung: presentBewilligung(entschieden), freigabeErforderlich: false, antraege };
    }
    throw new AppError('status_ungueltig', 409, 'Diese Bewilligung ist bereits entschieden.');
  }),
});

/** Final decision: bewilligt (or abgelehnt), replacing the previous version; Nachzahlungen and Erstattung recorded. */
/** `actor` a person, or a job deciding itself (Massenänderung; the Minderung on behalf of the deciding `userId`). */
export async function entscheide(tx: Tx, actor: Actor | { system: string; traegerId: string; userId: string | null }, b: Bewilligung, jetzt: Date): Promise<Bewilligung> {
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
    bewilligungRepository.update(tx, b.id, b.version, { status, approvedBy: actor.userId, approvedAt: jetzt }),
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
      vergleich = await vergleichJetzt(tx, b, b.vorgaengerId, aenderung.ab, heute(jetzt));
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

/**
 * The Vier-Augen reasons of a draft with its figures as they are at the decision: the reasons that depend on
 * what has been paid (Nachzahlung, Erstattungsforderung) are taken from a fresh comparison; the others (Vorgang,
 * Monatsbetrag) cannot change while the draft waits and are kept.
 */
export async function vierAugenJetzt(tx: Tx, b: Bewilligung, heuteDatum: string): Promise<{ gruende: VierAugenGrund[]; aenderung: AenderungsDaten | null }> {
  const bisher = (b.vierAugenGruende as VierAugenGrund[] | null) ?? [];
  const aenderung = b.aenderung as AenderungsDaten | null;
  if (!aenderung || !b.vorgaengerId) return { gruende: bisher, aenderung };
  const vergleich = await vergleichJetzt(tx, b, b.vorgaengerId, aenderung.ab, heuteDatum);
  const neu = vierAugenErforderlich(await vierAugenRegeln(tx), {
    art: b.vorgang as Vorgangsart,
    nachzahlungCent: vergleich.nachzahlung.gesamtCent,
    erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0,
  });
  const abhaengig = new Set<VierAugenGrund['code']>(['nachzahlung', 'erstattung']);
  const gruende = [...bisher.filter((g) => !abhaengig.has(g.code)), ...neu.gruende.filter((g) => abhaengig.has(g.code))];
  return { gruende, aenderung: { ...aenderung, vergleich } };
}

async function vergleichJetzt(tx: Tx, neu: Bewilligung, altId: string, ab: string, heuteDatum: string): Promise<Vergleich> {
  const abMonat = ab < neu.von ? neu.von.slice(0, 7) : ab.slice(0, 7);
  const betraege = (monate: readonly BewilligungMonat[]): MonatsBetraege[] =>
    monate
      .filter((m) => m.monat >= abMonat)
      .map((m) => ({ monat: m.monat, auszahlungCent: m.auszahlungCent, personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })) }));
  const alt = betraege(await bewilligungRepository.monate(tx, altId));
  const jetzt = betraege(await bewilligungRepository.monate(tx, neu.id));
  const gezahltBis = await bewilligungRepository.gezahltBis(tx, neu.bgId);
  const v = vergleiche(alt, jetzt, { gezahltBis, entscheidungsdatum: heuteDatum });
  // § 41a Abs. 6 SGB II: the abschließende Feststellung settles per person over the period (see aendereBewilligung)
  return neu.vorgang === 'abschliessende_feststellung' ? verrechneAbschluss(v, neu.von) : v;
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
      // origin for the Aufrechnung rate (§ 43 Abs. 2 S. 1 SGB II): 10 % for § 41a and § 48 Abs. 1 S. 2 Nr. 3 SGB X, else 30 %
      aufrechnungTatbestand: tatbestandDerForderung(b.vorgang, (b.aenderung as { aufhebung?: { tatbestand?: { code?: string } | null } } | null)?.aufhebung?.tatbestand?.code),
      createdBy: userId,
    });
  }
}
