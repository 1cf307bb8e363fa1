import { randomUUID } from 'node:crypto';
import { LONG_TRANSACTION, type Tx } from '../../db/client.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { massenaenderungRepository } from '../../db/repositories/massenaenderungen.ts';
import type { Bewilligung, BewilligungMonat } from '../../db/schema/index.ts';
import type { BerechnungInput } from '../../domain/berechnung/schema.ts';
import type { PersonBetrag } from '../../domain/bewilligung/index.ts';
import { kostenaufteilung, kostenDerDifferenz, type Kostenanteil } from '../../domain/kosten/index.ts';
import { auswahlAusGrund, planeMassenaenderungFall } from '../../domain/massenaenderung/index.ts';
import type { AppContext } from '../context.ts';
import { heute } from '../clock.ts';
import type { AenderungsDaten } from '../bewilligung/freigeben.ts';

export type VerarbeitungsOptionen = {
  ctx: AppContext;
  traegerId: string;
  id: string;
  /** cases per transaction (default 500) */
  batchGroesse?: number;
  /** stop after this many batches (tests: simulate a crash/stop) */
  maxBatches?: number;
  /** parallel transaction streams over disjoint id ranges (default 1) */
  parallel?: number;
  /** test hook: called inside the batch's transaction before commit (throwing rolls the batch back) */
  vorCommit?: (nr: number) => void | Promise<void>;
};

export type VerarbeitungsErgebnis = { status: string; batches: number; verarbeitet: number };

/**
 * Works through a Massenänderung in batches. Each batch is one transaction: it recomputes the running Bewilligungen
 * (planeMassenaenderungFall), stores a new version where an amount changes (the old one becomes `ersetzt`),
 * records Nachzahlungen/Erstattungsforderungen, reserves the id of the Änderungsbescheid and writes a done marker per
 * Bewilligung (massenaenderung_faelle). The Bescheide themselves (model with explanation, hash, PDF) are written
 * afterwards by `erstelleMassenBescheide` under the reserved ids, so they can never be doubled. After a crash the next run simply continues: cases with a marker
 * are skipped, an interrupted batch was rolled back completely. Stops when the job is paused or cancelled.
 */
export async function verarbeiteMassenaenderung(opts: VerarbeitungsOptionen): Promise<VerarbeitungsErgebnis> {
  const teile = Math.max(1, Math.min(8, opts.parallel ?? 1));
  if (teile === 1) return teil(opts, null, null, true);
  // disjoint id ranges, one transaction stream each (PostgreSQL does the heavy work on several cores)
  const grenzen = Array.from({ length: teile - 1 }, (_, i) => `${Math.floor(((i + 1) * 16) / teile).toString(16)}0000000-0000-0000-0000-000000000000`);
  const laeufe = Array.from({ length: teile }, (_, i) => teil(opts, i === 0 ? null : grenzen[i - 1]!, i === teile - 1 ? null : grenzen[i]!, false));
  const ergebnisse = await Promise.all(laeufe);
  const summe = { batches: 0, verarbeitet: 0 };
  for (const e of ergebnisse) {
    summe.batches += e.batches;
    summe.verarbeitet += e.verarbeitet;
  }
  // final pass over everything: marks the job finished when no case is left (or picks up stragglers)
  const rest = await teil({ ...opts, maxBatches: undefined }, null, null, true);
  return { status: rest.status, batches: summe.batches + rest.batches, verarbeitet: summe.verarbeitet + rest.verarbeitet };
}

async function teil(opts: VerarbeitungsOptionen, von: string | null, bis: string | null, abschliessen: boolean): Promise<VerarbeitungsErgebnis> {
  const { ctx, traegerId, id } = opts;
  const groesse = opts.batchGroesse ?? 500;
  let batches = 0;
  let verarbeitet = 0;
  let letzteId: string | null = von;
  for (;;) {
    const r = await ctx.db.withTenant({ traegerId }, async (tx) => {
      const job = await massenaenderungRepository.find(tx, id);
      if (!job || job.status !== 'laufend') return { status: job?.status ?? 'unbekannt', n: -1 };
      // keyset: continue after the last id of this run (a fresh run starts at the beginning and skips done cases)
      const { grund, auswahl } = auswahlAusGrund(job.grund);
      const nurFortgeschrieben = auswahl === 'fortgeschrieben';
      let faelle = await bewilligungRepository.laufendeFuerMassenaenderung(tx, { ab: job.ab, massenaenderungId: id, limit: groesse, nach: letzteId, vor: bis, nurFortgeschrieben });
      if (faelle.length === 0 && letzteId !== von) {
        faelle = await bewilligungRepository.laufendeFuerMassenaenderung(tx, { ab: job.ab, massenaenderungId: id, limit: groesse, nach: von, vor: bis, nurFortgeschrieben });
      }
      if (faelle.length === 0) {
        if (!abschliessen) return { status: 'laufend', n: -1 };
        await massenaenderungRepository.update(tx, id, { status: 'fertig', finishedAt: new Date() });
        return { status: 'fertig', n: -1 };
      }
      await batch(tx, { traegerId, jobId: id, ab: job.ab, grund, startedBy: job.startedBy, faelle, jetzt: ctx.clock.now() });
      if (opts.vorCommit) await opts.vorCommit(batches + 1);
      return { status: 'laufend', n: faelle.length, letzte: faelle[faelle.length - 1]!.id };
    }, LONG_TRANSACTION);
    if (r.n < 0) return { status: r.status, batches, verarbeitet };
    letzteId = r.letzte ?? null;
    batches++;
    verarbeitet += r.n;
    if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return { status: 'laufend', batches, verarbeitet };
  }
}

async function batch(
  tx: Tx,
  o: { traegerId: string; jobId: string; ab: string; grund: string; startedBy: string | null; faelle: Bewilligung[]; jetzt: Date },
) {
  const ids = o.faelle.map((b) => b.id);
  const bgIds = [...new Set(o.faelle.map((b) => b.bgId))];
  // months that end before `ab` stay as they are (copied server-side to the new version)
  const monateAlle = await bewilligungRepository.monateVieler(tx, ids, o.ab.slice(0, 7));
  const gezahlt = await bewilligungRepository.gezahltBisVieler(tx, bgIds);
  const monateJe = new Map<string, BewilligungMonat[]>();
  for (const m of monateAlle) {
    const l = monateJe.get(m.bewilligungId);
    if (l) l.push(m);
    else monateJe.set(m.bewilligungId, [m]);
  }
  const datum = heute(o.jetzt);
  const abMonat = o.ab.slice(0, 7);
  const geaenderte: { alt: Bewilligung; neuId: string; plan: ReturnType<typeof planeMassenaenderungFall>; monate: BewilligungMonat[] }[] = [];
  const faelleZeilen: { traegerId: string; massenaenderungId: string; bewilligungId: string; bgId: string; geaendert: boolean; neueBewilligungId: string | null; bescheidId: string | null; fehler: string | null; differenzCent: number }[] = [];
  for (const b of o.faelle) {
    const monate = monateJe.get(b.id) ?? [];
    try {
      const plan = planeMassenaenderungFall(
        {
          fallId: b.bgId,
          bewilligungId: b.id,
          gezahltBis: gezahlt.get(b.bgId) ?? null,
          monate: monate.map((m) => ({
            input: m.input as BerechnungInput,
            betraege: { monat: m.monat, auszahlungCent: m.auszahlungCent, personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })) },
          })),
        },
        { ab: o.ab, entscheidungsdatum: datum, erklaerung: false },
      );
      if (plan.aenderungsbescheidNoetig && plan.neu) geaenderte.push({ alt: b, neuId: randomUUID(), plan, monate });
      else faelleZeilen.push({ traegerId: o.traegerId, massenaenderungId: o.jobId, bewilligungId: b.id, bgId: b.bgId, geaendert: false, neueBewilligungId: null, bescheidId: null, fehler: null, differenzCent: 0 });
    } catch (err) {
      faelleZeilen.push({
        traegerId: o.traegerId,
        massenaenderungId: o.jobId,
        bewilligungId: b.id,
        bgId: b.bgId,
        geaendert: false,
        neueBewilligungId: null,
        bescheidId: null,
        fehler: err instanceof Error ? err.message.slice(0, 500) : 'Fehler',
        differenzCent: 0,
      });
    }
  }
  if (geaenderte.length) {
    await bewilligungRepository.setStatusMany(tx, geaenderte.map((g) => g.alt.id), 'ersetzt');
    const neueBewilligungen = [];
    const neueMonate = [];
    const korrekturen = [];
    for (const g of geaenderte) {
      const neu = g.plan.neu!;
      const kommuneId = g.monate.flatMap((m) => m.kosten as Kostenanteil[]).find((k) => k.kommuneId)?.kommuneId ?? '';
      const altKosten = new Map(g.monate.map((m) => [m.monat, m.kosten as Kostenanteil[]]));
      const neuKosten = new Map(neu.monate.map((m) => [m.monat, kostenaufteilung(m.ergebnis, kommuneId).anteile]));
      // sum and highest month of the new version: the months before `ab` are unchanged (not loaded)
      const altGeladen = g.monate.map((m) => m.auszahlungCent);
      const altMaxGeladen = Math.max(0, ...altGeladen);
      const summeNeu = g.alt.summeCent - altGeladen.reduce((s, x) => s + x, 0) + neu.summeCent;
      const hoechster = Math.max(...neu.monate.map((m) => m.auszahlungCent), altMaxGeladen < g.alt.hoechsterMonatCent ? g.alt.hoechsterMonatCent : 0);
      const aenderung: AenderungsDaten = { ab: o.ab, gruende: [o.grund], vergleich: g.plan.vergleich };
      const row: Bewilligung = {
        ...g.alt,
        id: g.neuId,
        vorgang: 'aenderung',
        status: 'bewilligt',
        art: g.alt.art,
        rechtsstand: neu.rechtsstand > g.alt.rechtsstand ? neu.rechtsstand : g.alt.rechtsstand,
        vorgaengerId: g.alt.id,
        massenaenderungId: o.jobId,
        summeCent: summeNeu,
        hoechsterMonatCent: hoechster,
        vierAugenGruende: [],
        ablehnungsgruende: null,
        aenderung,
        computedAt: o.jetzt,
        createdBy: o.startedBy,
        approvedBy: o.startedBy,
        approvedAt: o.jetzt,
        version: 1,
      };
      neueBewilligungen.push(row);
      for (const m of neu.monate) {
        neueMonate.push({
          traegerId: o.traegerId,
          bewilligungId: g.neuId,
          monat: m.monat,
          input: m.input,
          // computed without explanation (fast path); the Änderungsbescheid recomputes the explanation
          ergebnis: m.ergebnis,
          personen: m.personen,
          kosten: neuKosten.get(m.monat) ?? [],
          auszahlungCent: m.auszahlungCent,
        });
      }
      for (const n of g.plan.vergleich.nachzahlung.monate) {
        if (n.betragCent <= 0) continue;
        korrekturen.push({
          traegerId: o.traegerId,
          bgId: g.alt.bgId,
          bewilligungId: g.neuId,
          monat: n.monat,
          betragCent: n.betragCent,
          kosten: kostenDerDifferenz(altKosten.get(n.monat) ?? [], neuKosten.get(n.monat) ?? [], n.betragCent),
        });
      }
      const bescheidId = randomUUID();
      let diff = 0;
      for (const m of g.plan.vergleich.geaenderteMonate) diff += m.differenzCent;
      faelleZeilen.push({
        traegerId: o.traegerId,
        massenaenderungId: o.jobId,
        bewilligungId: g.alt.id,
        bgId: g.alt.bgId,
        geaendert: true,
        neueBewilligungId: g.neuId,
        bescheidId,
        fehler: null,
        differenzCent: diff,
      });
      const f = g.plan.vergleich.erstattungsforderung;
      if (f && f.betragCent > 0) {
        await bewilligungRepository.insertErstattung(tx, {
          traegerId: o.traegerId,
          bgId: g.alt.bgId,
          bewilligungId: g.neuId,
          bescheidId,
          betragCent: f.betragCent,
          personen: f.personen,
          monate: f.monate,
          norm: f.norm,
          createdBy: o.startedBy,
        });
      }
    }
    await bewilligungRepository.insertManyBulk(tx, neueBewilligungen);
    await bewilligungRepository.kopiereMonate(
      tx,
      geaenderte.map((g) => ({ vonId: g.alt.id, nachId: g.neuId })),
      abMonat,
    );
    await bewilligungRepository.insertMonateBulk(tx, neueMonate);
    await bewilligungRepository.insertKorrekturen(tx, korrekturen);
  }
  await massenaenderungRepository.insertFaelle(tx, faelleZeilen);
  await massenaenderungRepository.zaehle(tx, o.jobId, {
    verarbeitet: o.faelle.length,
    geaendert: geaenderte.length,
    bescheide: geaenderte.length,
    fehler: faelleZeilen.filter((f) => f.fehler).length,
  });
}
