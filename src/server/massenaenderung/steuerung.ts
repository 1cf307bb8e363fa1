import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { massenaenderungRepository } from '../../db/repositories/massenaenderungen.ts';
import type { Massenaenderung } from '../../db/schema/index.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { auswahlAusGrund, grundMitAuswahl, MASSEN_AUSWAHL, type MassenAuswahl } from '../../domain/massenaenderung/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound, validationFailed, type FieldIssue } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { authorize } from '../policies.ts';
import { starteWorker } from './runner.ts';

export function presentMassenaenderung(m: Massenaenderung) {
  const { grund, auswahl } = auswahlAusGrund(m.grund);
  return {
    id: m.id,
    ab: m.ab,
    grund,
    auswahl,
    status: m.status,
    gesamt: m.gesamt,
    verarbeitet: m.verarbeitet,
    geaendert: m.geaendert,
    bescheide: m.bescheide,
    fehler: m.fehler,
    startedAt: m.startedAt.toISOString(),
    finishedAt: m.finishedAt ? m.finishedAt.toISOString() : null,
    version: m.version,
  };
}

/**
 * Starts a Massenänderung from `ab` (runs in the background unless `hintergrund: false`). `auswahl`
 * 'fortgeschrieben' recomputes only the Bewilligungen with months computed after the last day of known law — the
 * run on the day a new year's values are released (docs/berechnung.md).
 */
export async function starteMassenaenderung(opts: { ctx: AppContext; actor: Actor; input: { ab: string; grund: string; auswahl?: MassenAuswahl | undefined }; hintergrund?: boolean }) {
  const { ctx, actor, input } = opts;
  authorize(actor, 'massenaenderung.ausfuehren');
  const issues: FieldIssue[] = [];
  if (!istKalenderdatum(input.ab)) issues.push({ path: 'ab', code: 'datum_ungueltig', message: 'Bitte das Datum angeben, ab dem die neuen Werte gelten.' });
  if (!input.grund.trim()) issues.push({ path: 'grund', code: 'pflicht', message: 'Bitte den Grund angeben (z. B. neue Regelbedarfe).' });
  const auswahl = input.auswahl ?? 'alle';
  if (!MASSEN_AUSWAHL.includes(auswahl)) issues.push({ path: 'auswahl', code: 'auswahl_ungueltig', message: 'Bitte wählen Sie, welche Bewilligungen neu berechnet werden.' });
  if (issues.length) throw validationFailed(issues);
  const job = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    if ((await massenaenderungRepository.laufende(tx)).length > 0) {
      throw new AppError('massenaenderung_laeuft', 409, 'Es läuft bereits eine Massenänderung. Bitte warten Sie, bis sie fertig ist, oder brechen Sie sie ab.');
    }
    const gesamt = await bewilligungRepository.zaehleLaufende(tx, input.ab, auswahl === 'fortgeschrieben');
    const m = await massenaenderungRepository.insert(tx, { traegerId: actor.traegerId, ab: input.ab, grund: grundMitAuswahl(input.grund.trim(), auswahl), gesamt, startedBy: actor.userId });
    await recordAudit(tx, actor, { objectType: 'massenaenderung', objectId: m.id, action: 'create', purpose: 'Massenänderung starten', details: { ab: input.ab, gesamt, auswahl } });
    return m;
  });
  if (opts.hintergrund !== false) void starteWorker(ctx, actor.traegerId, job.id);
  return presentMassenaenderung(job);
}

async function ladeJob(opts: { ctx: AppContext; actor: Actor; id: string }) {
  authorize(opts.actor, 'massenaenderung.ausfuehren');
  if (!istUuid(opts.id)) throw notFound('Die Massenänderung');
}

/** pause | fortsetzen | abbrechen */
export async function steuereMassenaenderung(opts: { ctx: AppContext; actor: Actor; id: string; aktion: 'pausieren' | 'fortsetzen' | 'abbrechen'; hintergrund?: boolean }) {
  await ladeJob(opts);
  const { ctx, actor, id, aktion } = opts;
  const m = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const job = await massenaenderungRepository.find(tx, id);
    if (!job) throw notFound('Die Massenänderung');
    const erlaubt: Record<string, string[]> = { pausieren: ['laufend'], fortsetzen: ['pausiert'], abbrechen: ['laufend', 'pausiert'] };
    if (!erlaubt[aktion]!.includes(job.status)) {
      throw new AppError('status_ungueltig', 409, `Die Massenänderung ist „${job.status}“; „${aktion}“ ist jetzt nicht möglich.`);
    }
    const status = aktion === 'pausieren' ? 'pausiert' : aktion === 'fortsetzen' ? 'laufend' : 'abgebrochen';
    const r = await massenaenderungRepository.update(tx, id, { status, ...(status === 'abgebrochen' ? { finishedAt: new Date() } : {}) });
    await recordAudit(tx, actor, { objectType: 'massenaenderung', objectId: id, action: 'update', purpose: `Massenänderung ${aktion}` });
    return r!;
  });
  if (m.status === 'laufend' && opts.hintergrund !== false) void starteWorker(ctx, actor.traegerId, id);
  return presentMassenaenderung(m);
}

export async function massenaenderungen(opts: { ctx: AppContext; actor: Actor }) {
  authorize(opts.actor, 'massenaenderung.ausfuehren');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => (await massenaenderungRepository.list(tx)).map(presentMassenaenderung));
}

/** A job with the changed cases (what changed, by Fallnummer). */
export async function massenaenderungDetail(opts: { ctx: AppContext; actor: Actor; id: string }) {
  await ladeJob(opts);
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const job = await massenaenderungRepository.find(tx, opts.id);
    if (!job) throw notFound('Die Massenänderung');
    const faelle = await massenaenderungRepository.faelle(tx, job.id, { nurGeaendert: true, limit: 200 });
    await recordAudit(tx, opts.actor, { objectType: 'massenaenderung', objectId: job.id, action: 'read', purpose: 'Ergebnis der Massenänderung prüfen', details: { faelle: faelle.length } });
    return {
      ...presentMassenaenderung(job),
      faelle: faelle.map((f) => ({ bgId: f.f.bgId, fallnummer: f.fallnummer, differenzCent: f.f.differenzCent, bescheidId: f.f.bescheidId, fehler: f.f.fehler })),
    };
  });
}
