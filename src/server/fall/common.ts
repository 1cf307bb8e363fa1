import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { Tx } from '../../db/client.ts';
import { fallRepository, type PeriodenTabelle } from '../../db/repositories/fall.ts';
import type { Bedarfsgemeinschaft } from '../../db/schema/index.ts';
import { planeAenderungAb, PeriodenFehler, type Periode } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound, validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { authorize, standortErreichbar, type Permission } from '../policies.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export const FALL_NICHT_GEFUNDEN = 'Die Fallakte';

/** Does the permission (default: reading Fallakten) reach objects of this Standort for the actor? (berechtigungen.ts) */
export function standortSichtbar(actor: Actor, standortId: string, permission: Permission = 'fall.lesen'): boolean {
  return standortErreichbar(actor, permission, standortId);
}

/**
 * Loads a BG for an action: an id of another Träger (RLS) is 404; within the Träger, a missing permission is 403;
 * a BG of a Standort the actor does not work for is 404 again (its existence is not disclosed).
 */
export async function ladeBgFuer(tx: Tx, actor: Actor, id: string, permission: Permission): Promise<Bedarfsgemeinschaft> {
  if (!isUuid(id)) throw notFound(FALL_NICHT_GEFUNDEN);
  const bg = await fallRepository.findBg(tx, id);
  if (!bg) throw notFound(FALL_NICHT_GEFUNDEN);
  authorize(actor, permission);
  if (!standortSichtbar(actor, bg.standortId, permission)) throw notFound(FALL_NICHT_GEFUNDEN);
  return bg;
}

/** Runs `fn` in the caller's transaction if there is one (several changes applied together), else in a new one. */
export function imTenant<T>(ctx: AppContext, actor: Actor, tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : ctx.db.withTenant(tenantScope(actor), fn);
}

/** Optimistic locking of the Fallakte: every change names the version it read. */
export async function sperreVersion(tx: Tx, bg: Bedarfsgemeinschaft, version: number, patch: { standortId?: string; status?: 'aktiv' | 'geschlossen' } = {}) {
  if (bg.version !== version) throw versionConflict();
  const updated = await fallRepository.bumpVersion(tx, bg.id, version, patch);
  if (!updated) throw versionConflict();
  return updated;
}

/** The last day anyone belonged to a closed BG (null: the BG is not closed). */
export async function letzterTagDerBg(tx: Tx, bg: Bedarfsgemeinschaft): Promise<string | null> {
  if (bg.status !== 'geschlossen') return null;
  const serie = await fallRepository.serie(tx, 'mitgliedschaften', { bgId: bg.id });
  return serie.reduce<string>((max, m) => (m.gueltigBis && m.gueltigBis > max ? m.gueltigBis : max), '0000-01-01');
}

/**
 * A closed Bedarfsgemeinschaft gets no Bewilligung for any day after its end.
 * Called before a Bewilligung is computed or approved; earlier periods stay open for corrections.
 */
export async function pruefeOffenBis(tx: Tx, bg: Bedarfsgemeinschaft, bis: string) {
  const letzter = await letzterTagDerBg(tx, bg);
  if (letzter !== null && bis > letzter) {
    throw new AppError(
      'fall_geschlossen',
      409,
      `Die Bedarfsgemeinschaft besteht nur bis zum ${datumText(letzter)} (Fallakte geschlossen). Für die Zeit danach ist keine Bewilligung möglich.`,
    );
  }
}

/** One line of the Fallakte's history (readable German) plus the audit entry of the change. */
export async function protokolliere(
  tx: Tx,
  actor: Actor,
  e: { bgId: string; art: string; beschreibung: string; personId?: string | null; details?: Record<string, unknown>; zweck?: string },
) {
  await fallRepository.insertEreignis(tx, {
    traegerId: actor.traegerId,
    bgId: e.bgId,
    actorUserId: actor.userId,
    actorName: actor.name,
    art: e.art,
    beschreibung: e.beschreibung,
    personId: e.personId ?? null,
    details: e.details ?? null,
  });
  // A change of the whole BG (address, housing, notes …) concerns everyone in it: they are named in
  // `details.treffer`, so "who touched my data" finds it (src/db/repositories/audit.ts).
  const treffer = e.personId ? undefined : await fallRepository.personIdsDerBg(tx, e.bgId);
  await recordAudit(tx, actor, {
    objectType: 'fallakte',
    objectId: e.bgId,
    personId: e.personId ?? null,
    action: e.art === 'fall_angelegt' ? 'create' : 'update',
    purpose: e.zweck ?? 'Leistungssachbearbeitung: Fallakte ändern',
    details: { art: e.art, ...(treffer ? { treffer } : {}) },
  });
}

/** IBAN in electronic form, or a 400 with code iban_ungueltig at `path`. */
export function pruefeIban(iban: string, path: string): string {
  const e = electronicFormatIBAN(iban) ?? '';
  if (!e || !isValidIBAN(e)) {
    throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
      { path, code: 'iban_ungueltig', message: 'Diese IBAN ist nicht gültig. Bitte prüfen Sie Länderkennung, Prüfziffer und Länge.' },
    ]);
  }
  return e;
}

export const ueberschneidung = (message = 'Für diesen Zeitraum gibt es schon einen Eintrag; Zeiträume dürfen sich nicht überschneiden.') =>
  new AppError('zeitraum_ueberschneidung', 409, message);

/** PostgreSQL exclusion violation (23P01) → 409 with a clear code; the constraint name picks the message. */
export async function mitUeberschneidungsFehler<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    let e: unknown = err;
    for (let depth = 0; e && depth < 5; depth++) {
      const x = e as { code?: unknown; constraint?: unknown; cause?: unknown };
      if (x.code === '23P01') {
        if (x.constraint === 'bg_mitgliedschaften_keine_ueberschneidung') {
          throw new AppError('person_in_anderer_bg', 409, 'Die Person gehört in diesem Zeitraum schon zu einer anderen Bedarfsgemeinschaft.');
        }
        throw ueberschneidung();
      }
      e = x.cause;
    }
    throw err;
  }
}

/**
 * "Ab Datum X" on a series without overlaps: closes the running period the day before X, replaces a period
 * starting at X, and inserts the new values (unless `werte` is null: the series ends at X).
 */
export async function aendereSerieAb<K extends PeriodenTabelle>(
  tx: Tx,
  opts: { tabelle: K; filter: { personId?: string; bgId?: string }; ab: string; werte: Record<string, unknown> | null; traegerId: string },
): Promise<{ vorher: Periode | null }> {
  const serie = await fallRepository.serie(tx, opts.tabelle, opts.filter);
  let plan;
  try {
    plan = planeAenderungAb(serie, opts.ab, { beenden: opts.werte === null });
  } catch (err) {
    if (err instanceof PeriodenFehler) throw new AppError('nichts_zu_beenden', 409, err.message);
    throw err;
  }
  const vorher = serie.find((p) => p.gueltigVon <= opts.ab && (p.gueltigBis === null || p.gueltigBis >= opts.ab)) ?? null;
  for (const id of plan.entfernen) await fallRepository.entfernePeriode(tx, opts.tabelle, id);
  for (const s of plan.schliessen) await fallRepository.schliessePeriode(tx, opts.tabelle, s.id, s.gueltigBis);
  if (plan.neu && opts.werte) {
    await fallRepository.insertPerioden(tx, opts.tabelle, [
      { ...opts.werte, ...opts.filter, traegerId: opts.traegerId, gueltigVon: plan.neu.gueltigVon, gueltigBis: plan.neu.gueltigBis } as never,
    ]);
  }
  return { vorher };
}

/**
 * "Ab Datum X" on one entry of a person's own list (income, assets: several may run side by side): with `eintragId`
 * the entry changes (or, with `werte` null, ends) from X; without it a new entry starts at X. Returns the entry as it
 * was before (404 `nichtGefunden` if it is not the person's).
 */
export async function aendereEintragAb<K extends 'einkommen' | 'vermoegen'>(
  tx: Tx,
  opts: { tabelle: K; personId: string; eintragId?: string | undefined; ab: string; werte: Record<string, unknown> | null; traegerId: string; nichtGefunden: string },
): Promise<{ vorher: Record<string, unknown> | undefined }> {
  const { tabelle, personId } = opts;
  if (!opts.eintragId) {
    if (opts.werte) await fallRepository.insertPerioden(tx, tabelle, [{ ...opts.werte, traegerId: opts.traegerId, personId, gueltigVon: opts.ab, gueltigBis: null } as never]);
    return { vorher: undefined };
  }
  const vorher = await fallRepository.findPeriode(tx, tabelle, opts.eintragId);
  if (!vorher || vorher.personId !== personId) throw notFound(opts.nichtGefunden);
  const periode = { id: String(vorher.id), gueltigVon: String(vorher.gueltigVon), gueltigBis: (vorher.gueltigBis as string | null) ?? null };
  let plan;
  try {
    plan = planeAenderungAb([periode], opts.ab, { beenden: opts.werte === null });
  } catch (err) {
    throw new AppError('nichts_zu_beenden', 409, (err as Error).message);
  }
  for (const x of plan.entfernen) await fallRepository.entfernePeriode(tx, tabelle, x);
  for (const z of plan.schliessen) await fallRepository.schliessePeriode(tx, tabelle, z.id, z.gueltigBis);
  if (plan.neu && opts.werte) {
    await fallRepository.insertPerioden(tx, tabelle, [
      { ...opts.werte, traegerId: opts.traegerId, personId, gueltigVon: plan.neu.gueltigVon, gueltigBis: plan.neu.gueltigBis } as never,
    ]);
  }
  return { vorher };
}

export function issuesMitPrefix(issues: FieldIssue[], prefix: string): FieldIssue[] {
  return issues.map((i) => ({ ...i, path: prefix ? `${prefix}.${i.path}` : i.path }));
}

export const fachlichUngueltig = (issues: FieldIssue[]) => {
  const rechtsstand = issues.find((i) => i.code === 'datum_ausserhalb_rechtsstand');
  if (rechtsstand) return new AppError('datum_ausserhalb_rechtsstand', 400, rechtsstand.message, issues);
  return validationFailed(issues);
};

/** Formats 'YYYY-MM-DD' as German date text. */
export const datumText = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export const euroText = (cent: number) =>
  `${(cent / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

/** The calendar day in Germany ('YYYY-MM-DD') of an instant – "today" is `heute(ctx.clock.now())` (src/server/clock.ts). */
export const heute = (now: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);

export const KANAL_TEXT: Record<string, string> = { papier: 'Papier', telefon: 'Telefon', schalter: 'Schalter', online: 'online' };
export const ART_TEXT: Record<string, string> = { erstantrag: 'Erstantrag', weiterbewilligung: 'Weiterbewilligungsantrag', veraenderung: 'Veränderungsmitteilung' };
export const STATUS_TEXT: Record<string, string> = {
  eingegangen: 'eingegangen',
  in_bearbeitung: 'in Bearbeitung',
  wartet_auf_unterlagen: 'wartet auf Unterlagen',
  entschieden: 'entschieden',
  zurueckgenommen: 'zurückgenommen',
};
export const ROLLE_TEXT: Record<string, string> = { antragsteller: 'Antragsteller/in', partner: 'Partner/in', kind: 'Kind', sonstige: 'sonstige Person im Haushalt' };
