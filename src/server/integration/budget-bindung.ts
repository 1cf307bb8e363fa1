import type { Tx } from '../../db/client.ts';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { freizugeben, kostenJeJahr as kostenJeJahrRein, passtInsBudget, type KostenJahr } from '../../domain/foerdern/budget.ts';
import type { BudgetTitel, Instrument, KostenartPlatz } from '../../domain/foerdern/typen.ts';
import { plusTage } from '../../domain/fallakte/datum.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor } from '../context.ts';
import { fehler } from '../errors.ts';

/**
 * The budget contract for the Maßnahmen side (docs/foerdern.md, "Eingliederungsbudget"): check a planned cost
 * against the free budget, bind it (Mittelbindung per Haushaltsjahr) and release what is no longer needed. All run
 * inside the caller's transaction.
 *
 * Concurrency: `pruefeBudget` locks the budget rows of the Titel for the years concerned (SELECT … FOR UPDATE on
 * eingliederungsbudgets) and `bindeMittel` takes the same locks. The lock is held until the caller's transaction
 * ends, so of two Zuweisungen that together exceed the free budget the second one waits, then sees the first one's
 * binding and does not pass the check.
 */

/** Cost split per Haushaltsjahr of a planned Teilnahme (pure; src/domain/foerdern/budget.ts). */
export function kostenJeJahr(o: { kostenJePlatzCent: number; kostenart: KostenartPlatz; von: string; bis: string }): { haushaltsjahr: number; betragCent: number }[] {
  return kostenJeJahrRein(o);
}

/** Free budget per year of a Titel (Soll − gebunden − ausgezahlt), after locking the budget rows of those years. */
export async function freiJeJahr(tx: Tx, titel: BudgetTitel, jahre: readonly number[]): Promise<Map<number, number>> {
  const soll = await budgetRepository.sperreSoll(tx, titel, jahre);
  const verbrauch = await budgetRepository.verbrauchJeJahr(tx, titel, jahre);
  const frei = new Map<number, number>();
  for (const j of jahre) {
    const v = verbrauch.get(j) ?? { gebundenCent: 0, ausgezahltCent: 0 };
    frei.set(j, (soll.get(j) ?? 0) - v.gebundenCent - v.ausgezahltCent);
  }
  return frei;
}

/**
 * Does the cost fit the free budget of each year? A year without a Soll has no free budget. Locks the budget rows
 * of the years until the caller's transaction ends (see above).
 */
export async function pruefeBudget(
  tx: Tx,
  o: { titel: BudgetTitel; kosten: { haushaltsjahr: number; betragCent: number }[] },
): Promise<{ passt: boolean; fehlend: { haushaltsjahr: number; freiCent: number; benoetigtCent: number }[] }> {
  const kosten = zusammen(o.kosten);
  const frei = await freiJeJahr(tx, o.titel, kosten.map((k) => k.haushaltsjahr));
  return passtInsBudget(kosten, frei);
}

/**
 * Binds the cost of a Teilnahme (one Mittelbindung per Haushaltsjahr). Takes the budget locks like `pruefeBudget`.
 * Idempotent: called again for the same Teilnahme (approval after a wait, a changed period) the binding follows the
 * new cost per year — what is no longer needed is released, what is more is added; nothing is bound twice.
 */
export async function bindeMittel(
  tx: Tx,
  actor: Actor,
  o: { teilnahmeId: string; titel: BudgetTitel; instrument: Instrument; standortId: string; kosten: { haushaltsjahr: number; betragCent: number }[] },
): Promise<void> {
  await binde(tx, actor, { teilnahmeId: o.teilnahmeId }, o);
}

/** The same for an individual payment to the person (Förderleistung). */
export async function bindeFoerderleistung(
  tx: Tx,
  actor: Actor,
  o: { foerderleistungId: string; personId: string; titel: BudgetTitel; instrument: Instrument; standortId: string; kosten: KostenJahr[] },
): Promise<void> {
  await binde(tx, actor, { foerderleistungId: o.foerderleistungId, personId: o.personId }, o);
}

async function binde(
  tx: Tx,
  actor: Actor,
  bezug: { teilnahmeId: string } | { foerderleistungId: string; personId: string },
  o: { titel: BudgetTitel; instrument: Instrument; standortId: string; kosten: KostenJahr[] },
) {
  const gesamt = zusammen(o.kosten).filter((k) => k.betragCent > 0);
  // lock order as in pruefeBudget: the budget rows first, then the bindings (releases need no budget lock)
  await budgetRepository.sperreSoll(tx, o.titel, gesamt.map((k) => k.haushaltsjahr));
  const vorhanden = await budgetRepository.bindungenVon(tx, 'teilnahmeId' in bezug ? { teilnahmeId: bezug.teilnahmeId } : { foerderleistungId: bezug.foerderleistungId });
  if (gesamt.length === 0 && vorhanden.length === 0) return;
  // Bound before (a repeated call, a changed period): the binding follows the new cost — less releases, more adds.
  if (vorhanden.length) await loeseBis(tx, vorhanden, new Map(gesamt.map((k) => [k.haushaltsjahr, k.betragCent])));
  const kosten = gesamt
    .map((k) => ({
      haushaltsjahr: k.haushaltsjahr,
      betragCent: k.betragCent - vorhanden.filter((b) => b.haushaltsjahr === k.haushaltsjahr).reduce((s, b) => s + b.betragCent - b.aufgeloestCent, 0),
    }))
    .filter((k) => k.betragCent > 0);
  if (kosten.length === 0) return;
  await budgetRepository.insertBindungen(
    tx,
    kosten.map((k) => ({
      traegerId: actor.traegerId,
      haushaltsjahr: k.haushaltsjahr,
      titel: o.titel,
      instrument: o.instrument,
      standortId: o.standortId,
      teilnahmeId: 'teilnahmeId' in bezug ? bezug.teilnahmeId : null,
      foerderleistungId: 'foerderleistungId' in bezug ? bezug.foerderleistungId : null,
      betragCent: k.betragCent,
    })),
  );
  await recordAudit(tx, actor, {
    objectType: 'mittelbindung',
    objectId: 'teilnahmeId' in bezug ? bezug.teilnahmeId : bezug.foerderleistungId,
    personId: 'personId' in bezug ? bezug.personId : null,
    action: 'create',
    purpose: 'Mittel des Eingliederungsbudgets binden',
    details: {
      ...('teilnahmeId' in bezug ? { teilnahmeId: bezug.teilnahmeId } : { foerderleistungId: bezug.foerderleistungId }),
      jahre: kosten.map((k) => k.haushaltsjahr),
      betragCent: kosten.reduce((s, k) => s + k.betragCent, 0),
    },
  });
}

/**
 * Releases what a Teilnahme no longer costs from day `ab` on (Austritt before the planned end: `ab` = the first day
 * without participation, i.e. the day after the Austritt; Storno: any day). Costs of the days before `ab` stay bound
 * — for a monthly price pro rata by days, a flat price (pauschal) stays bound entirely once the person has entered
 * (the provider's invoice settles it; the Schlussrechnung releases the rest). A Teilnahme never entered (Storno,
 * Ablehnung) releases everything not yet paid. Nothing bound → nothing to do.
 */
export async function loeseMittel(tx: Tx, actor: Actor, o: { teilnahmeId: string; ab: string }): Promise<void> {
  const bindungen = await budgetRepository.bindungenVon(tx, { teilnahmeId: o.teilnahmeId });
  if (bindungen.length === 0) return;
  const t = await budgetRepository.teilnahmeMitKosten(tx, o.teilnahmeId);
  let neu = new Map<number, number>();
  if (t?.eintrittAm && o.ab > t.geplantVon) {
    if (t.kostenart === 'pauschal') {
      neu = new Map(bindungen.map((b) => [b.haushaltsjahr, b.betragCent]));
    } else {
      const bis = plusTage(o.ab, -1) < t.geplantBis ? plusTage(o.ab, -1) : t.geplantBis;
      neu = new Map(kostenJeJahrRein({ kostenJePlatzCent: t.kostenJePlatzCent, kostenart: 'monatlich', von: t.geplantVon, bis }).map((k) => [k.haushaltsjahr, k.betragCent]));
    }
  }
  const geloest = await loeseBis(tx, bindungen, neu);
  if (geloest > 0) {
    await recordAudit(tx, actor, {
      objectType: 'mittelbindung',
      objectId: o.teilnahmeId,
      action: 'update',
      purpose: 'Nicht mehr benötigte Mittel freigeben',
      details: { teilnahmeId: o.teilnahmeId, ab: o.ab, betragCent: geloest },
    });
  }
}

/** Releases every binding down to the new cost of its year (years missing in `neu`: to what was paid). */
/** (Updates `aufgeloestCent` of the given rows in place, so the caller sees the new state.) */
export async function loeseBis(tx: Tx, bindungen: { id: string; haushaltsjahr: number; betragCent: number; aufgeloestCent: number; ausgezahltCent: number }[], neu: ReadonlyMap<number, number>): Promise<number> {
  // several bindings of one year (e.g. a later extension): the year's new cost is used up in order
  const rest = new Map(neu);
  let summe = 0;
  for (const b of bindungen) {
    const bedarf = rest.get(b.haushaltsjahr) ?? 0;
    const frei = freizugeben(b, bedarf);
    rest.set(b.haushaltsjahr, Math.max(0, bedarf - (b.betragCent - b.aufgeloestCent - frei)));
    await budgetRepository.loese(tx, b.id, frei);
    b.aufgeloestCent += frei;
    summe += frei;
  }
  return summe;
}

/** Sums duplicate years and sorts ascending (lock order). */
function zusammen(kosten: readonly KostenJahr[]): KostenJahr[] {
  const m = new Map<number, number>();
  for (const k of kosten) {
    if (!Number.isInteger(k.haushaltsjahr) || !Number.isInteger(k.betragCent) || k.betragCent < 0) throw fehler('invalid_value');
    m.set(k.haushaltsjahr, (m.get(k.haushaltsjahr) ?? 0) + k.betragCent);
  }
  return [...m].sort((a, b) => a[0] - b[0]).map(([haushaltsjahr, betragCent]) => ({ haushaltsjahr, betragCent }));
}
