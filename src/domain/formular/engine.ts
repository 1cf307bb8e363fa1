/**
 * Generic form flow engine (pure, no IO, no React).
 *
 * A flow is configuration: pages (a zod object schema of their fields, stored under an optional `bereich` of the
 * data), a graph of transitions with guards, an initial step and optional list sub-flows for repeated groups
 * (children, household members, income entries). The engine answers the questions every flow page needs:
 * where next, where back (computed from the data, never from the browser history), how far along, may this
 * step be shown at all, which answers belong to branches the person has left (pruned), and is this form input
 * valid (typed values or field errors with stable codes and German messages).
 *
 * Positions: a main step is its stepId ("anschrift"); a step of a list entry is "<liste>/<eintragId>/<stepId>"
 * ("kinder/k2/kind-person"). Entry ids are assigned by `eintragHinzufuegen` and stay stable when others are removed.
 */
import { z } from 'zod';
import { feldArt, wandleUm, alsFormwert, type FormEingabe } from './felder.ts';
import { fehlertext, type Sprache } from './texte/index.ts';

export type FlowDaten = Record<string, unknown>;
export type Eintrag = Record<string, unknown> & { id: string };

export type Seite = {
  /** fields of the page; their values are stored at data[bereich][field] (or data[field] without bereich) */
  schema: z.ZodObject;
  bereich?: string;
  /** text key of the page heading (texte/*.ts) */
  titel: string;
  /** stating the application on this page fixes the Antragsdatum */
  antragsdatum?: true;
  /** checks that need the rest of the data (a referenced person exists, netto ≤ brutto …) */
  pruefe?: (werte: Record<string, unknown>, daten: FlowDaten) => Array<{ feld: string; code: string }>;
};

export type Guard<D> = (daten: D) => boolean;
export type Uebergang<D> = string | ReadonlyArray<{ wenn?: Guard<D>; ziel: string }>;

export type Liste<D> = {
  /** main step that lists the entries (add, change, remove) and leads on */
  uebersicht: string;
  idPraefix: string;
  max: number;
  /** how many entries the answers require (e.g. at least one child if "Kinder im Haushalt" is yes) */
  mindestens?: (daten: D) => number;
  initial: string;
  /** sub-pages store their fields directly on the entry */
  seiten: Record<string, Seite>;
  /** guards see the entry and the whole data; a step without transition returns to the overview */
  uebergaenge: Record<string, Uebergang<{ eintrag: Eintrag; daten: D }>>;
  titel: string;
};

export type FlowKonfiguration<D, S extends Record<string, Seite>> = {
  id: string;
  initial: keyof S & string;
  seiten: S;
  uebergaenge: Partial<Record<keyof S & string, Uebergang<D>>>;
  listen?: Record<string, Liste<D>>;
};

export type Flow<D = FlowDaten, S extends Record<string, Seite> = Record<string, Seite>> = FlowKonfiguration<D, S> & {
  /** longest distance from the initial step in the main graph (for progress) */
  readonly tiefe: Readonly<Record<string, number>>;
  readonly maxTiefe: number;
  /** the step that records the Antragsdatum, if any */
  readonly antragsdatumSchritt: string | undefined;
};

/** Top-level key the engine writes the Antragsdatum to (never pruned). */
export const ANTRAGSDATUM = 'antragsdatum';

export class FlowKonfigurationsFehler extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// compiling and checking a configuration

function ziele<T>(u: Uebergang<T> | undefined): string[] {
  if (u === undefined) return [];
  return typeof u === 'string' ? [u] : u.map((x) => x.ziel);
}

function pruefeGraph(name: string, initial: string, seiten: Record<string, Seite>, uebergaenge: Record<string, Uebergang<never> | undefined>) {
  if (!seiten[initial]) throw new FlowKonfigurationsFehler(`${name}: Startschritt ${initial} fehlt`);
  for (const [von, u] of Object.entries(uebergaenge)) {
    if (!seiten[von]) throw new FlowKonfigurationsFehler(`${name}: Übergang von unbekanntem Schritt ${von}`);
    if (u !== undefined && typeof u !== 'string') {
      u.forEach((x, i) => {
        if (!x.wenn && i !== u.length - 1) throw new FlowKonfigurationsFehler(`${name}: ${von}: nur der letzte Übergang darf ohne Bedingung sein`);
      });
    }
    for (const z of ziele(u)) if (!seiten[z]) throw new FlowKonfigurationsFehler(`${name}: ${von} → unbekannter Schritt ${z}`);
  }
  // longest path depth; a cycle or an unreachable page is a configuration error
  const tiefe: Record<string, number> = {};
  const aktiv = new Set<string>();
  const besucht = new Set<string>();
  const reihenfolge: string[] = [];
  const besuche = (s: string) => {
    if (aktiv.has(s)) throw new FlowKonfigurationsFehler(`${name}: Kreis im Ablauf bei ${s}`);
    if (besucht.has(s)) return;
    aktiv.add(s);
    for (const z of ziele(uebergaenge[s])) besuche(z);
    aktiv.delete(s);
    besucht.add(s);
    reihenfolge.push(s);
  };
  besuche(initial);
  for (const s of Object.keys(seiten)) if (!besucht.has(s)) throw new FlowKonfigurationsFehler(`${name}: Schritt ${s} ist nie erreichbar`);
  reihenfolge.reverse(); // topological order
  tiefe[initial] = 0;
  for (const s of reihenfolge) {
    for (const z of ziele(uebergaenge[s])) tiefe[z] = Math.max(tiefe[z] ?? 0, (tiefe[s] ?? 0) + 1);
  }
  return tiefe;
}

/** Checks a configuration (targets exist, no cycles, every page reachable, lists well-formed) and compiles it. */
export function defineFlow<D, const S extends Record<string, Seite>>(konfiguration: FlowKonfiguration<D, S>): Flow<D, S> {
  const { id, initial, seiten, uebergaenge, listen = {} } = konfiguration;
  const tiefe = pruefeGraph(id, initial, seiten, uebergaenge as Record<string, Uebergang<never>>);
  const mitDatum = Object.entries(seiten).filter(([, s]) => s.antragsdatum).map(([k]) => k);
  if (mitDatum.length > 1) throw new FlowKonfigurationsFehler(`${id}: mehr als ein Schritt hält das Antragsdatum fest`);
  for (const [key, liste] of Object.entries(listen)) {
    if (!seiten[liste.uebersicht]) throw new FlowKonfigurationsFehler(`${id}: Liste ${key}: Übersicht ${liste.uebersicht} fehlt`);
    if (key.includes('/')) throw new FlowKonfigurationsFehler(`${id}: Listenname ${key} ungeeignet`);
    pruefeGraph(`${id}/${key}`, liste.initial, liste.seiten, liste.uebergaenge as Record<string, Uebergang<never>>);
  }
  return {
    ...konfiguration,
    tiefe,
    maxTiefe: Math.max(...Object.values(tiefe)),
    antragsdatumSchritt: mitDatum[0],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// positions

export type Position =
  | { art: 'schritt'; stepId: string; seite: Seite }
  | { art: 'eintrag'; liste: string; eintragId: string; stepId: string; seite: Seite; konfiguration: Liste<unknown> };

/** Parses "anschrift" or "kinder/k1/kind-person"; undefined if the flow has no such step. */
export function position<D>(flow: Flow<D>, adresse: string): Position | undefined {
  const teile = adresse.split('/');
  if (teile.length === 1) {
    const seite = flow.seiten[adresse];
    return seite ? { art: 'schritt', stepId: adresse, seite } : undefined;
  }
  if (teile.length !== 3) return undefined;
  const [liste, eintragId, stepId] = teile as [string, string, string];
  const konfiguration = flow.listen?.[liste];
  const seite = konfiguration?.seiten[stepId];
  if (!konfiguration || !seite || !/^[a-z]+\d+$/.test(eintragId)) return undefined;
  return { art: 'eintrag', liste, eintragId, stepId, seite, konfiguration: konfiguration as Liste<unknown> };
}

export function listenAdresse(liste: string, eintragId: string, stepId: string): string {
  return `${liste}/${eintragId}/${stepId}`;
}

export function eintraege(daten: FlowDaten, liste: string): Eintrag[] {
  const v = daten[liste];
  return Array.isArray(v) ? (v.filter((e) => e && typeof e === 'object' && typeof (e as Eintrag).id === 'string') as Eintrag[]) : [];
}

function waehle<T>(u: Uebergang<T> | undefined, wert: T): string | undefined {
  if (u === undefined) return undefined;
  if (typeof u === 'string') return u;
  return u.find((x) => !x.wenn || x.wenn(wert))?.ziel;
}

// ---------------------------------------------------------------------------------------------------------------
// reading stored values of a page

function bereichVon(daten: Record<string, unknown>, seite: Seite): Record<string, unknown> {
  if (!seite.bereich) return daten;
  const b = daten[seite.bereich];
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/** The stored values of a page (only its own fields). */
export function seitenWerte(seite: Seite, daten: Record<string, unknown>): Record<string, unknown> {
  const quelle = bereichVon(daten, seite);
  const werte: Record<string, unknown> = {};
  for (const feld of Object.keys(seite.schema.shape)) if (quelle[feld] !== undefined) werte[feld] = quelle[feld];
  return werte;
}

/** A page is complete when its stored values pass its schema (an unvisited page's checkboxes are undefined). */
export function istSeiteVollstaendig(seite: Seite, quelle: Record<string, unknown>, daten: FlowDaten = quelle): boolean {
  const r = seite.schema.safeParse(seitenWerte(seite, quelle));
  return r.success && (!seite.pruefe || seite.pruefe(r.data as Record<string, unknown>, daten).length === 0);
}

function eintragsPfad<D>(liste: Liste<D>, eintrag: Eintrag, daten: D, nurVollstaendige: boolean): string[] {
  const weg: string[] = [];
  let s: string | undefined = liste.initial;
  while (s && !weg.includes(s)) {
    weg.push(s);
    if (nurVollstaendige && !istSeiteVollstaendig(liste.seiten[s]!, eintrag, daten as FlowDaten)) break;
    s = waehle(liste.uebergaenge[s], { eintrag, daten });
  }
  return weg;
}

function istEintragVollstaendig<D>(liste: Liste<D>, eintrag: Eintrag, daten: D): boolean {
  return eintragsPfad(liste, eintrag, daten, false).every((s) => istSeiteVollstaendig(liste.seiten[s]!, eintrag, daten as FlowDaten));
}

function listeZu<D>(flow: Flow<D>, stepId: string): [string, Liste<D>] | undefined {
  return Object.entries(flow.listen ?? {}).find(([, l]) => l.uebersicht === stepId);
}

/** A main step is complete when its page is, and for a list overview every entry is and there are enough. */
export function istSchrittVollstaendig<D extends FlowDaten>(flow: Flow<D>, daten: D, stepId: string): boolean {
  const seite = flow.seiten[stepId];
  if (!seite || !istSeiteVollstaendig(seite, daten, daten)) return false;
  const liste = listeZu(flow, stepId);
  if (liste) {
    const [key, l] = liste;
    const alle = eintraege(daten, key);
    if (alle.length < (l.mindestens?.(daten) ?? 0)) return false;
    if (!alle.every((e) => istEintragVollstaendig(l, e, daten))) return false;
  }
  return true;
}

/**
 * The main path the answers lead along. `bisLuecke`: stop at the first incomplete step (which is included) –
 * that is how far the person may go; without it the path follows the guards to the end (used for pruning).
 */
export function pfad<D extends FlowDaten>(flow: Flow<D>, daten: D, bisLuecke = true): string[] {
  const ergebnis: string[] = [];
  let s: string | undefined = flow.initial;
  while (s && !ergebnis.includes(s)) {
    ergebnis.push(s);
    if (bisLuecke && !istSchrittVollstaendig(flow, daten, s)) break;
    s = waehle(flow.uebergaenge[s], daten);
  }
  return ergebnis;
}

// ---------------------------------------------------------------------------------------------------------------
// navigation

/** The step after `aktuell` for these answers; undefined at the end of the flow (or for an unknown position). */
export function naechsterSchritt<D extends FlowDaten>(flow: Flow<D>, daten: D, aktuell: string): string | undefined {
  const pos = position(flow, aktuell);
  if (!pos) return undefined;
  if (pos.art === 'schritt') return waehle(flow.uebergaenge[pos.stepId], daten);
  const liste = flow.listen![pos.liste]!;
  const eintrag = eintraege(daten, pos.liste).find((e) => e.id === pos.eintragId);
  if (!eintrag) return liste.uebersicht;
  const weiter = waehle(liste.uebergaenge[pos.stepId], { eintrag, daten });
  return weiter ? listenAdresse(pos.liste, pos.eintragId, weiter) : liste.uebersicht;
}

/** The step before `aktuell` on the path the answers lead along (independent of browser history). */
export function vorherigerSchritt<D extends FlowDaten>(flow: Flow<D>, daten: D, aktuell: string): string | undefined {
  const pos = position(flow, aktuell);
  if (!pos) return undefined;
  if (pos.art === 'eintrag') {
    const liste = flow.listen![pos.liste]!;
    const eintrag = eintraege(daten, pos.liste).find((e) => e.id === pos.eintragId);
    if (!eintrag) return liste.uebersicht;
    const p = eintragsPfad(liste, eintrag, daten, false);
    const i = p.indexOf(pos.stepId);
    return i > 0 ? listenAdresse(pos.liste, pos.eintragId, p[i - 1]!) : liste.uebersicht;
  }
  const p = pfad(flow, daten, false);
  const i = p.indexOf(pos.stepId);
  return i > 0 ? p[i - 1] : undefined;
}

/** May this step be shown: it lies on the path of the answers and every step before it is complete. */
export function istErreichbar<D extends FlowDaten>(flow: Flow<D>, daten: D, aktuell: string): boolean {
  const pos = position(flow, aktuell);
  if (!pos) return false;
  if (pos.art === 'schritt') return pfad(flow, daten).includes(pos.stepId);
  const liste = flow.listen![pos.liste]!;
  if (!pfad(flow, daten).includes(liste.uebersicht)) return false;
  const eintrag = eintraege(daten, pos.liste).find((e) => e.id === pos.eintragId);
  return eintrag !== undefined && eintragsPfad(liste, eintrag, daten, true).includes(pos.stepId);
}

/** The first step the person still has to answer (where "resume" leads); undefined if all are complete. */
export function ersterOffenerSchritt<D extends FlowDaten>(flow: Flow<D>, daten: D): string | undefined {
  const p = pfad(flow, daten);
  const letzter = p[p.length - 1]!;
  return istSchrittVollstaendig(flow, daten, letzter) && naechsterSchritt(flow, daten, letzter) === undefined ? undefined : letzter;
}

/** All steps on the path are complete and it ends at a final step. */
export function istAbgeschlossen<D extends FlowDaten>(flow: Flow<D>, daten: D): boolean {
  return ersterOffenerSchritt(flow, daten) === undefined;
}

export type Fortschritt = { schritt: number; gesamt: number; prozent: number };

/** Progress from the depth of the step in the graph (list steps count as their overview). */
export function fortschritt<D>(flow: Flow<D>, aktuell: string): Fortschritt {
  const pos = position(flow, aktuell);
  const stepId = !pos ? flow.initial : pos.art === 'schritt' ? pos.stepId : flow.listen![pos.liste]!.uebersicht;
  const t = flow.tiefe[stepId] ?? 0;
  return { schritt: t + 1, gesamt: flow.maxTiefe + 1, prozent: flow.maxTiefe === 0 ? 100 : Math.round((t / flow.maxTiefe) * 100) };
}

/** The pages of one list entry along its answers (e.g. a child of 15 also sees "Schule"). */
export function eintragsSchritte<D extends FlowDaten>(flow: Flow<D>, liste: string, eintrag: Eintrag, daten: D): string[] {
  const l = flow.listen?.[liste];
  return l ? eintragsPfad(l, eintrag, daten, false) : [];
}

/** Marks the second visit of a list overview (after its entries) in `bildschirme`. */
export const WIEDER = '#wieder';

/**
 * The screens the person will see, in order, for these answers: every main page on the path; a list overview, then
 * the pages of each entry (an expected but not yet added entry counts with the pages a new entry has), then the
 * overview again. Unanswered branches follow the configuration's default, so the count grows or shrinks honestly
 * as answers open or close branches.
 */
export function bildschirme<D extends FlowDaten>(flow: Flow<D>, daten: D): string[] {
  const ergebnis: string[] = [];
  for (const s of pfad(flow, daten, false)) {
    ergebnis.push(s);
    const l = listeZu(flow, s);
    if (!l) continue;
    const [key, liste] = l;
    const vorhanden = eintraege(daten, key);
    const fehlend = Math.max(0, (liste.mindestens?.(daten) ?? 0) - vorhanden.length);
    for (const e of vorhanden) for (const x of eintragsPfad(liste, e, daten, false)) ergebnis.push(listenAdresse(key, e.id, x));
    for (let i = 0; i < fehlend; i++) for (const x of eintragsPfad(liste, { id: `${liste.idPraefix}0` }, daten, false)) ergebnis.push(listenAdresse(key, `_neu${i}`, x));
    if (vorhanden.length + fehlend > 0) ergebnis.push(`${s}${WIEDER}`);
  }
  return ergebnis;
}

/**
 * Progress as "screen n of m" over `bildschirme`: a list overview counts as its first visit until its entries are
 * complete, then as the visit after them; the last screen is 100 %.
 */
export function fortschrittFuer<D extends FlowDaten>(flow: Flow<D>, daten: D, aktuell: string): Fortschritt {
  const liste = bildschirme(flow, daten);
  let i = liste.indexOf(aktuell);
  if (i >= 0 && position(flow, aktuell)?.art === 'schritt' && listeZu(flow, aktuell) && istSchrittVollstaendig(flow, daten, aktuell)) {
    const wieder = liste.indexOf(`${aktuell}${WIEDER}`);
    if (wieder >= 0) i = wieder;
  }
  if (i < 0) i = 0;
  const gesamt = liste.length;
  return { schritt: i + 1, gesamt, prozent: gesamt <= 1 ? 100 : Math.round((i / (gesamt - 1)) * 100) };
}

// ---------------------------------------------------------------------------------------------------------------
// pruning

function loescheFelder(ziel: Record<string, unknown>, seite: Seite, behalten: Set<string>) {
  const quelle = seite.bereich ? ziel[seite.bereich] : ziel;
  if (!quelle || typeof quelle !== 'object' || Array.isArray(quelle)) return;
  const q = quelle as Record<string, unknown>;
  for (const f of Object.keys(seite.schema.shape)) {
    if (!behalten.has(`${seite.bereich ?? ''}.${f}`)) delete q[f];
  }
  if (seite.bereich && Object.keys(q).length === 0) delete ziel[seite.bereich];
}

function feldSchluessel(seiten: Iterable<Seite>): Set<string> {
  const s = new Set<string>();
  for (const seite of seiten) for (const f of Object.keys(seite.schema.shape)) s.add(`${seite.bereich ?? ''}.${f}`);
  return s;
}

/**
 * Removes answers of steps the answers no longer lead to (a partner's data after "no partner", a list after
 * "no children", the job details of an entry that became a pension …). Returns a new object.
 */
export function bereinige<D extends FlowDaten>(flow: Flow<D>, daten: D): D {
  const kopie = structuredClone(daten) as FlowDaten;
  const aufPfad = new Set(pfad(flow, daten, false));
  const behalten = feldSchluessel([...aufPfad].map((s) => flow.seiten[s]!));
  for (const [stepId, seite] of Object.entries(flow.seiten)) {
    if (!aufPfad.has(stepId)) loescheFelder(kopie, seite, behalten);
  }
  for (const [key, liste] of Object.entries(flow.listen ?? {})) {
    if (!aufPfad.has(liste.uebersicht)) {
      delete kopie[key];
      continue;
    }
    if (!Array.isArray(kopie[key])) continue;
    kopie[key] = eintraege(kopie, key).map((e) => {
      const p = new Set(eintragsPfad(liste, e, daten, false));
      const b = feldSchluessel([...p].map((s) => liste.seiten[s]!));
      for (const [s, seite] of Object.entries(liste.seiten)) if (!p.has(s)) loescheFelder(e, seite, b);
      return e;
    });
  }
  return kopie as D;
}

// ---------------------------------------------------------------------------------------------------------------
// validation and saving

export type FeldFehler = { feld: string; code: string; nachricht: string; params?: Record<string, string | number> };
export type Validierung<T> = { ok: true; werte: T } | { ok: false; fehler: FeldFehler[]; eingabe: FormEingabe };

function codeAus(issue: z.core.$ZodIssue): { code: string; params?: Record<string, string | number> } {
  if (/^[a-z_]+$/.test(issue.message)) return { code: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'pflichtfeld' };
    case 'too_big':
      return { code: 'zu_gross', params: { max: Number(issue.maximum) } };
    case 'too_small':
      return { code: 'zu_klein', params: { min: Number(issue.minimum) } };
    case 'invalid_value':
      return { code: 'auswahl_ungueltig' };
    default:
      return { code: 'ungueltig' };
  }
}

/** Validates values that are already typed (API input, stored data) against a page. */
export function validiereWerte<T extends z.ZodObject>(seite: { schema: T }, werte: unknown, sprache: Sprache = 'de'): Validierung<z.output<T>> {
  const r = seite.schema.safeParse(werte);
  if (r.success) return { ok: true, werte: r.data };
  const fehler: FeldFehler[] = [];
  for (const issue of r.error.issues) {
    const feldName = String(issue.path[0] ?? '');
    if (fehler.some((f) => f.feld === feldName)) continue;
    const { code, params } = codeAus(issue);
    fehler.push({ feld: feldName, code, nachricht: fehlertext(code, sprache, params), ...(params ? { params } : {}) });
  }
  return { ok: false, fehler, eingabe: {} };
}

/** Turns a form post into the page's typed values; fields the page does not have are ignored. */
export function leseFormular(schema: z.ZodObject, eingabe: FormEingabe): { werte: Record<string, unknown>; fehler: Array<{ feld: string; code: string }> } {
  const werte: Record<string, unknown> = {};
  const fehler: Array<{ feld: string; code: string }> = [];
  for (const [name, feldSchema] of Object.entries(schema.shape)) {
    const u = wandleUm(feldArt(feldSchema as z.ZodType), eingabe[name]);
    if (u.ok) {
      if (u.wert !== undefined) werte[name] = u.wert;
    } else fehler.push({ feld: name, code: u.code });
  }
  return { werte, fehler };
}

/** Validates a form post for a page: typed values, or one error per field with code and message. */
export type ValidierungsOptionen = { sprache?: Sprache; /** the stored data, for the page's own cross-checks */ daten?: FlowDaten };

export function validiereSeite<T extends z.ZodObject>(
  seite: { schema: T; pruefe?: Seite['pruefe'] },
  eingabe: FormEingabe,
  optionen: ValidierungsOptionen = {},
): Validierung<z.output<T>> {
  const sprache = optionen.sprache ?? 'de';
  const { werte, fehler: umwandlung } = leseFormular(seite.schema, eingabe);
  const r = validiereWerte(seite, werte, sprache);
  const fehler = umwandlung.map((f) => ({ ...f, nachricht: fehlertext(f.code, sprache) }));
  if (r.ok && seite.pruefe) {
    for (const f of seite.pruefe(r.werte as Record<string, unknown>, optionen.daten ?? {})) fehler.push({ ...f, nachricht: fehlertext(f.code, sprache) });
  }
  if (r.ok && fehler.length === 0) return r;
  for (const f of r.ok ? [] : r.fehler) if (!fehler.some((x) => x.feld === f.feld)) fehler.push(f);
  const reihenfolge = Object.keys(seite.schema.shape);
  fehler.sort((a, b) => reihenfolge.indexOf(a.feld) - reihenfolge.indexOf(b.feld));
  return { ok: false, fehler, eingabe };
}

export function validiereSchritt<D, S extends Record<string, Seite>, K extends keyof S & string>(
  flow: Flow<D, S>,
  stepId: K,
  eingabe: FormEingabe,
  optionen?: ValidierungsOptionen,
): Validierung<z.output<S[K]['schema']>>;
export function validiereSchritt<D>(flow: Flow<D>, adresse: string, eingabe: FormEingabe, optionen?: ValidierungsOptionen): Validierung<Record<string, unknown>>;
/** Validates a form post for a main step or a list entry step ("kinder/k1/kind-person"). */
export function validiereSchritt<D>(flow: Flow<D>, adresse: string, eingabe: FormEingabe, optionen: ValidierungsOptionen = {}): Validierung<Record<string, unknown>> {
  const pos = position(flow, adresse);
  if (!pos) throw new FlowKonfigurationsFehler(`${flow.id}: unbekannter Schritt ${adresse}`);
  return validiereSeite(pos.seite, eingabe, optionen);
}

/** Stored values of a step as strings for the form inputs (re-showing a page). */
export function formwerte<D extends FlowDaten>(flow: Flow<D>, daten: D, adresse: string): FormEingabe {
  const pos = position(flow, adresse);
  if (!pos) return {};
  const quelle = pos.art === 'schritt' ? daten : (eintraege(daten, pos.liste).find((e) => e.id === pos.eintragId) ?? {});
  const werte = seitenWerte(pos.seite, quelle);
  const ergebnis: FormEingabe = {};
  for (const [name, feldSchema] of Object.entries(pos.seite.schema.shape)) {
    ergebnis[name] = alsFormwert(feldArt(feldSchema as z.ZodType), werte[name]);
  }
  return ergebnis;
}

export type Uebernahme<D> = { daten: D; naechster: string | undefined; antragsdatumGesetzt: boolean };

/**
 * Stores validated values of a step, records the Antragsdatum (`heute`, ISO day) the first time the marked step
 * is saved, prunes left branches and returns the next step. Throws for an unknown step or missing list entry.
 */
export function uebernehmeSchritt<D extends FlowDaten>(
  flow: Flow<D>,
  daten: D,
  adresse: string,
  werte: Record<string, unknown>,
  optionen: { heute: string },
): Uebernahme<D> {
  const pos = position(flow, adresse);
  if (!pos) throw new FlowKonfigurationsFehler(`${flow.id}: unbekannter Schritt ${adresse}`);
  const neu = structuredClone(daten) as FlowDaten;
  const felder = Object.keys(pos.seite.schema.shape);
  let ziel: Record<string, unknown>;
  if (pos.art === 'schritt') {
    ziel = neu;
  } else {
    const e = eintraege(neu, pos.liste).find((x) => x.id === pos.eintragId);
    if (!e) throw new FlowKonfigurationsFehler(`${flow.id}: Eintrag ${pos.eintragId} fehlt`);
    ziel = e;
  }
  if (pos.seite.bereich) {
    const b = ziel[pos.seite.bereich];
    ziel = ziel[pos.seite.bereich] = b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
  }
  for (const f of felder) {
    if (werte[f] === undefined) delete ziel[f];
    else ziel[f] = werte[f];
  }
  let antragsdatumGesetzt = false;
  if (pos.art === 'schritt' && pos.seite.antragsdatum && typeof neu[ANTRAGSDATUM] !== 'string') {
    neu[ANTRAGSDATUM] = optionen.heute;
    antragsdatumGesetzt = true;
  }
  const bereinigt = bereinige(flow, neu as D);
  return { daten: bereinigt, naechster: naechsterSchritt(flow, bereinigt, adresse), antragsdatumGesetzt };
}

/** Adds an empty entry to a list and returns the address of its first step. */
export function eintragHinzufuegen<D extends FlowDaten>(flow: Flow<D>, daten: D, liste: string): { daten: D; adresse: string } {
  const l = flow.listen?.[liste];
  if (!l) throw new FlowKonfigurationsFehler(`${flow.id}: unbekannte Liste ${liste}`);
  const vorhanden = eintraege(daten, liste);
  if (vorhanden.length >= l.max) throw new FlowKonfigurationsFehler(`${flow.id}: höchstens ${l.max} Einträge in ${liste}`);
  const nummern = vorhanden.map((e) => Number(e.id.slice(l.idPraefix.length))).filter(Number.isFinite);
  const id = `${l.idPraefix}${Math.max(0, ...nummern) + 1}`;
  return { daten: { ...daten, [liste]: [...structuredClone(vorhanden), { id }] }, adresse: listenAdresse(liste, id, l.initial) };
}

/** Removes an entry; references to it elsewhere are the flow's business (see the flow's `bereinige` hooks). */
export function eintragEntfernen<D extends FlowDaten>(flow: Flow<D>, daten: D, liste: string, eintragId: string): D {
  if (!flow.listen?.[liste]) throw new FlowKonfigurationsFehler(`${flow.id}: unbekannte Liste ${liste}`);
  return bereinige(flow, { ...daten, [liste]: eintraege(daten, liste).filter((e) => e.id !== eintragId) });
}

/** Starts a flow with pre-filled data (Weiterbewilligung): pruned to the branches the data leads along. */
export function starteFlow<D extends FlowDaten>(flow: Flow<D>, vorbelegung: D | undefined): { daten: D; adresse: string } {
  const daten = bereinige(flow, (vorbelegung ?? {}) as D);
  return { daten, adresse: flow.initial };
}
