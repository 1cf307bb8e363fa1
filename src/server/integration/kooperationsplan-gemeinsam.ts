/**
 * Shared pieces of the Kooperationsplan use cases (kooperationsplan-*.ts, docs/foerdern.md): loading a person or a
 * plan within the actor's reach (foreign Träger / other Standort → 404), the view of a plan, and the summary for the
 * Integrationsakte overview (slice A calls `kooperationsplanKurz`).
 */
import type { Tx } from '../../db/client.ts';
import { kooperationsplanRepository, type PlanZeile } from '../../db/repositories/kooperationsplan.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { planInhaltSchema, type Ablehnung, type PlanInhalt } from '../../domain/foerdern/kooperationsplan.ts';
import { RechtsstandFehler } from '../../domain/recht/typen.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound, validationFailed, type FieldIssue } from '../errors.ts';
import { authorize, standortErreichbar, type Permission } from '../policies.ts';
import { istUuid } from '../schemas/grenzen.ts';

export const PERSON = 'Die Person';
export const PLAN = 'Der Kooperationsplan';

/** ISO day → "31.01.2027" for messages. */
export const datumDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export type PersonImFall = NonNullable<Awaited<ReturnType<typeof kooperationsplanRepository.personImFall>>>;

/** The person as of `tag` with their BG's Standort; 404 when unknown, of another Träger or outside the actor's Standorte. */
export async function ladePersonFuer(tx: Tx, actor: Actor, personId: string, permission: Permission, tag: string): Promise<PersonImFall> {
  if (!istUuid(personId)) throw notFound(PERSON);
  const p = await kooperationsplanRepository.personImFall(tx, personId, tag);
  if (!p) throw notFound(PERSON);
  authorize(actor, permission);
  if (!standortErreichbar(actor, permission, p.standortId)) throw notFound(PERSON);
  return p;
}

/** A plan and its person within reach (as above); `sperren` locks the row for a change. */
export async function ladePlanFuer(tx: Tx, actor: Actor, planId: string, permission: Permission, tag: string, sperren = false): Promise<{ plan: PlanZeile; person: PersonImFall }> {
  if (!istUuid(planId)) throw notFound(PLAN);
  const plan = sperren ? await kooperationsplanRepository.lockPlan(tx, planId) : await kooperationsplanRepository.findPlan(tx, planId);
  if (!plan) throw notFound(PLAN);
  try {
    return { plan, person: await ladePersonFuer(tx, actor, plan.personId, permission, tag) };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw notFound(PLAN);
    throw err;
  }
}

/** The refusal of a dated rule as an error (409 with its stable code). */
export function rechtsfehler(a: Ablehnung, feld?: string): AppError {
  return new AppError(a.code, 409, a.meldung, feld ? [{ path: feld, code: a.code, message: a.meldung }] : []);
}

/** A date outside the known law (before 2021) → 400 at the field. */
export function mitRechtsstand<T>(feld: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof RechtsstandFehler) throw new AppError('datum_ausserhalb_rechtsstand', 400, err.message, [{ path: feld, code: 'datum_ausserhalb_rechtsstand', message: err.message }]);
    throw err;
  }
}

export const feldfehler = (issues: FieldIssue[]) => validationFailed(issues);

/**
 * Is there a document to open? Stored, or renderable on demand (kooperationsplan-ausfertigen.ts `dokumentDesPlans`):
 * a plan that was agreed (also one fortgeschrieben since) or a Verwaltungsakt.
 */
export const dokumentVerfuegbar = (p: Pick<PlanZeile, 'art' | 'abgestimmtAm' | 'hatDokument' | 'status'>): boolean => p.hatDokument || p.art === 'verwaltungsakt' || (p.abgestimmtAm !== null && p.status !== 'entwurf');

export type PlanAnsicht = Omit<PlanZeile, 'inhalt' | 'reaktionAm' | 'createdAt' | 'traegerId'> & { inhalt: PlanInhalt; reaktionAm: string | null; createdAt: string; dokumentVerfuegbar: boolean };

export function planAnsicht(p: PlanZeile): PlanAnsicht {
  const { traegerId: _t, ...rest } = p;
  const inhalt = planInhaltSchema.safeParse(p.inhalt);
  return {
    ...rest,
    inhalt: inhalt.success ? inhalt.data : (p.inhalt as PlanInhalt),
    reaktionAm: p.reaktionAm ? p.reaktionAm.toISOString() : null,
    createdAt: p.createdAt.toISOString(),
    dokumentVerfuegbar: dokumentVerfuegbar(p),
  };
}

export type KooperationsplanKurz = {
  /** The plan in force (abgestimmt, nicht zustande gekommen or Verwaltungsakt), null when none. */
  geltend: { id: string; fassung: number; art: 'plan' | 'verwaltungsakt'; status: string; abgestimmtAm: string | null; naechsteUeberpruefung: string; eingliederungsziel: string } | null;
  /** An open draft, null when none. */
  entwurf: { id: string; fassung: number; erstelltAm: string } | null;
  /** A running Schlichtung: its last day. */
  schlichtungBis: string | null;
  fassungen: number;
};

/**
 * Summary for the Integrationsakte overview (slice A). Reads within the caller's transaction; the caller has checked
 * reach and writes its own audit entry for the overview.
 */
export async function kooperationsplanKurz(tx: Tx, personId: string, tag?: string): Promise<KooperationsplanKurz> {
  const plaene = await kooperationsplanRepository.plaeneDerPerson(tx, personId);
  const g = plaene.find((p) => p.status === 'abgestimmt' || p.status === 'nicht_zustande_gekommen');
  const e = plaene.find((p) => p.status === 'entwurf');
  const laufend = (await kooperationsplanRepository.schlichtungenDerPerson(tx, personId)).find((s) => s.ergebnis === 'laufend' && (tag === undefined || s.ende >= tag));
  return {
    geltend: g
      ? { id: g.id, fassung: g.fassung, art: g.art, status: g.status, abgestimmtAm: g.abgestimmtAm, naechsteUeberpruefung: g.naechsteUeberpruefung, eingliederungsziel: g.eingliederungsziel }
      : null,
    entwurf: e ? { id: e.id, fassung: e.fassung, erstelltAm: e.erstelltAm } : null,
    schlichtungBis: laufend?.ende ?? null,
    fassungen: plaene.length,
  };
}

/**
 * The BGs whose Kooperationspläne a citizen account sees: those whose latest online Antrag it sent — the same account
 * the Jobcenter delivers the BG's documents to (bescheid-zustellen.ts; § 38 SGB II: the applicant represents the BG).
 */
export async function bgsDesBuergers(tx: Tx, buergerId: string): Promise<string[]> {
  const bgIds = [...new Set((await portalRepository.antraegeVon(tx, buergerId)).map((a) => a.bgId).filter((b): b is string => !!b))];
  const eigene: string[] = [];
  for (const bgId of bgIds) if ((await portalRepository.buergerZurBg(tx, bgId)) === buergerId) eigene.push(bgId);
  return eigene;
}
