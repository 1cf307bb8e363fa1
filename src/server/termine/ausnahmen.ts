import { termineRepository } from '../../db/repositories/termine.ts';
import { instantAus, istDatum, lokalesDatum, plusTage } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound, validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { authorize, can, standortErreichbar } from '../policies.ts';
import { eigeneRessource, ressourcenZugriff } from './personal.ts';

/**
 * Planning by the Teamleitung (issue 6): closed days and extra hours of a whole Standort (stored as an Ausnahme on
 * every desk of the Standort, which is what the slot computation reads), absences of a staff member's desk, and the
 * team label of a desk. Staff without `termine.planen` maintain absences of their own desk only.
 */

const ZEIT = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Standorte in reach of the Teamleitung's (Standort) or admin's (Träger) planning, `termine.planen`. */
function standortErlaubt(actor: Actor, standortId: string): boolean {
  return standortErreichbar(actor, 'termine.planen', standortId);
}

/** Everything the planning page shows: visible desks with upcoming exceptions and absences. */
export async function planungLaden(opts: { ctx: AppContext; actor: Actor; jetzt?: Date }) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const leitung = can(opts.actor, 'termine.planen');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const daten = await termineRepository.stammdaten(tx);
    const ressourcen = daten.ressourcen.filter((r) => ressourcenZugriff(opts.actor, r) === 'pflegen');
    const ids = ressourcen.map((r) => r.id);
    const ausnahmen = await termineRepository.ausnahmenAb(tx, ids, lokalesDatum(jetzt));
    const abwesenheiten = await termineRepository.abwesenheitenAb(tx, ids, jetzt);
    if (abwesenheiten.length) await recordAudit(tx, opts.actor, { objectType: 'termin_abwesenheit', action: 'read', purpose: 'Abwesenheiten für die Terminplanung ansehen', details: { anzahl: abwesenheiten.length } });
    const standorte = daten.standorte.filter((s) => standortErlaubt(opts.actor, s.id) && ressourcen.some((r) => r.standortId === s.id));
    return { leitung, standorte: standorte.map((s) => ({ id: s.id, name: s.name })), ressourcen, ausnahmen, abwesenheiten };
  });
}

export type StandortAusnahmeEingabe = { standortId: string; art: string; datum: string; von?: string | undefined; bis?: string | undefined; grund?: string | undefined };

/** Checks the form of an exception; field-tied German messages. */
export function pruefeAusnahme(input: StandortAusnahmeEingabe): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.art !== 'geschlossen' && input.art !== 'zusaetzlich') issues.push({ path: 'art', code: 'invalid', message: 'Bitte wählen Sie, ob geschlossen ist oder zusätzlich geöffnet.' });
  if (!istDatum(input.datum)) issues.push({ path: 'datum', code: 'invalid', message: 'Bitte geben Sie das Datum an (TT.MM.JJJJ).' });
  const von = input.von || undefined;
  const bis = input.bis || undefined;
  if (von && !ZEIT.test(von)) issues.push({ path: 'von', code: 'invalid', message: 'Bitte geben Sie die Uhrzeit im Format HH:MM an.' });
  if (bis && !ZEIT.test(bis)) issues.push({ path: 'bis', code: 'invalid', message: 'Bitte geben Sie die Uhrzeit im Format HH:MM an.' });
  if (!!von !== !!bis) issues.push({ path: von ? 'bis' : 'von', code: 'required', message: 'Bitte geben Sie Beginn und Ende an – oder keines von beiden für den ganzen Tag.' });
  if (von && bis && ZEIT.test(von) && ZEIT.test(bis) && von >= bis) issues.push({ path: 'bis', code: 'too_small', message: 'Das Ende muss nach dem Beginn liegen.' });
  if (input.art === 'zusaetzlich' && !von && !bis) issues.push({ path: 'von', code: 'required', message: 'Für zusätzliche Öffnungszeiten brauchen wir Beginn und Ende.' });
  if ((input.grund ?? '').length > 200) issues.push({ path: 'grund', code: 'too_big', message: 'Der Grund darf höchstens 200 Zeichen haben.' });
  return issues;
}

/** Closed day (or hours) or extra hours for a whole Standort: one Ausnahme on each active desk there. */
export async function standortAusnahmeHinzufuegen(opts: { ctx: AppContext; actor: Actor; input: StandortAusnahmeEingabe }) {
  authorize(opts.actor, 'termine.planen');
  const { input } = opts;
  const issues = pruefeAusnahme(input);
  if (issues.length) throw validationFailed(issues);
  if (!standortErlaubt(opts.actor, input.standortId)) throw notFound('Der Standort');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const daten = await termineRepository.stammdaten(tx);
    const ressourcen = daten.ressourcen.filter((r) => r.standortId === input.standortId);
    if (ressourcen.length === 0) throw validationFailed([{ path: 'standortId', code: 'empty', message: 'An diesem Standort gibt es keine buchbaren Plätze.' }]);
    for (const r of ressourcen) {
      await termineRepository.insertAusnahme(tx, { traegerId: opts.actor.traegerId, ressourceId: r.id, art: input.art, datum: input.datum, von: input.von || null, bis: input.bis || null, grund: input.grund || null });
    }
    await recordAudit(tx, opts.actor, { objectType: 'standort', objectId: input.standortId, action: 'update', purpose: 'Ausnahme der Sprechzeiten eines Standorts eintragen', details: { art: input.art, datum: input.datum, plaetze: ressourcen.length } });
    return ressourcen.length;
  });
}

/** Removes one exception of a desk (the Teamleitung, or the desk's own person). */
export async function ausnahmeEntfernen(opts: { ctx: AppContext; actor: Actor; id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) throw notFound('Die Ausnahme');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const a = await termineRepository.findAusnahme(tx, opts.id);
    if (!a) throw notFound('Die Ausnahme');
    await eigeneRessource(opts, tx, a.ressourceId);
    await termineRepository.deleteAusnahme(tx, a.id);
    await recordAudit(tx, opts.actor, { objectType: 'termin_ausnahme', objectId: a.id, action: 'deactivate', purpose: 'Ausnahme der Sprechzeiten entfernen', details: { datum: a.datum } });
  });
}

/**
 * Absence of a desk over whole days (`vonDatum`..`bisDatum`, both included, local calendar days Europe/Berlin):
 * stored as the half-open instant range [start of vonDatum, start of the day after bisDatum).
 */
export async function abwesenheitEintragen(opts: { ctx: AppContext; actor: Actor; input: { ressourceId: string; vonDatum: string; bisDatum: string; grund?: string | undefined } }) {
  const { input } = opts;
  const issues: FieldIssue[] = [];
  if (!istDatum(input.vonDatum)) issues.push({ path: 'abwesendVon', code: 'invalid', message: 'Bitte geben Sie den ersten Tag der Abwesenheit an.' });
  if (!istDatum(input.bisDatum)) issues.push({ path: 'abwesendBis', code: 'invalid', message: 'Bitte geben Sie den letzten Tag der Abwesenheit an.' });
  if (!issues.length && input.bisDatum < input.vonDatum) issues.push({ path: 'abwesendBis', code: 'too_small', message: 'Der letzte Tag darf nicht vor dem ersten liegen.' });
  if ((input.grund ?? '').length > 200) issues.push({ path: 'abwesendGrund', code: 'too_big', message: 'Der Grund darf höchstens 200 Zeichen haben.' });
  if (issues.length) throw validationFailed(issues);
  const von = new Date(instantAus(input.vonDatum, 0));
  const bis = new Date(instantAus(plusTage(input.bisDatum, 1), 0));
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const r = await eigeneRessource(opts, tx, input.ressourceId).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) throw validationFailed([{ path: 'abwesendRessourceId', code: 'invalid', message: 'Bitte wählen Sie einen Platz.' }]);
      throw err;
    });
    const row = await termineRepository.insertAbwesenheit(tx, { traegerId: opts.actor.traegerId, ressourceId: r.id, von, bis, grund: input.grund || null });
    await recordAudit(tx, opts.actor, { objectType: 'termin_abwesenheit', objectId: row.id, personId: r.userId, action: 'create', purpose: 'Abwesenheit für die Terminplanung eintragen' });
    return row;
  });
}

export async function abwesenheitEntfernen(opts: { ctx: AppContext; actor: Actor; id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) throw notFound('Die Abwesenheit');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const a = await termineRepository.findAbwesenheit(tx, opts.id);
    if (!a) throw notFound('Die Abwesenheit');
    const r = await eigeneRessource(opts, tx, a.ressourceId);
    await termineRepository.deleteAbwesenheit(tx, a.id);
    await recordAudit(tx, opts.actor, { objectType: 'termin_abwesenheit', objectId: a.id, personId: r.userId, action: 'deactivate', purpose: 'Abwesenheit entfernen' });
  });
}

/** Team label of a desk (Teamleitung); empty = no team. Optimistic locking on the desk's version. */
export async function teamSetzen(opts: { ctx: AppContext; actor: Actor; input: { ressourceId: string; team: string; version: number } }) {
  authorize(opts.actor, 'termine.planen');
  const team = opts.input.team.trim();
  if (team.length > 100) throw validationFailed([{ path: 'team', code: 'too_big', message: 'Der Teamname darf höchstens 100 Zeichen haben.' }]);
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const r = await eigeneRessource(opts, tx, opts.input.ressourceId).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) throw validationFailed([{ path: 'teamRessourceId', code: 'invalid', message: 'Bitte wählen Sie einen Platz.' }]);
      throw err;
    });
    const neu = await termineRepository.updateRessourceTeam(tx, r.id, opts.input.version, team || null);
    if (!neu) throw versionConflict();
    await recordAudit(tx, opts.actor, { objectType: 'termin_ressource', objectId: r.id, action: 'update', purpose: 'Team eines buchbaren Platzes ändern', details: { team: team || null } });
    return neu;
  });
}
