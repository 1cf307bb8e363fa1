import type { Tx } from '../../db/client.ts';
import { integrationenRepository, type IntegrationZeile } from '../../db/repositories/integrationen.ts';
import { gezaehlteIntegrationen, INTEGRATIONSART_TEXT, laeuftAm, mitgliedschaftAm, SV_PFLICHTIG, zaehlung } from '../../domain/foerdern/integration.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { authorize, standortErreichbar, type Permission } from '../policies.ts';
import { istUuid } from '../schemas/grenzen.ts';

export type IntegrationsPerson = NonNullable<Awaited<ReturnType<typeof integrationenRepository.personKontext>>>;

/**
 * A person for the Integrationen, like the Fallakte loads a BG: an unknown id or one of another Träger (RLS) answers
 * 404; within the Träger a missing permission is 403; a person whose BG (the membership on `tag`, else the latest)
 * belongs to a Standort the permission does not reach for the actor answers 404.
 */
export async function ladeIntegrationsPerson(tx: Tx, actor: Actor, personId: string, permission: Permission, tag: string) {
  if (!istUuid(personId)) throw notFound('Die Person');
  const person = await integrationenRepository.personKontext(tx, personId);
  const zeiten = person?.mitgliedschaften ?? [];
  const bg = mitgliedschaftAm(zeiten, tag) ?? zeiten.at(-1);
  if (!person || !bg) throw notFound('Die Person');
  const m = zeiten.find((z) => z.bgId === bg.bgId)!;
  authorize(actor, permission);
  if (!standortErreichbar(actor, permission, m.standortId)) throw notFound('Die Person');
  return { person, bg: { id: m.bgId, standortId: m.standortId, fallnummer: m.fallnummer } };
}

/** Loads an Integration and its person for an action (404 as above). */
export async function ladeIntegration(tx: Tx, actor: Actor, id: string, permission: Permission, tag: string) {
  if (!istUuid(id)) throw notFound('Die Beschäftigungsaufnahme');
  const integration = await integrationenRepository.find(tx, id);
  if (!integration) throw notFound('Die Beschäftigungsaufnahme');
  try {
    const { person, bg } = await ladeIntegrationsPerson(tx, actor, integration.personId, permission, tag);
    return { integration, person, bg };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw notFound('Die Beschäftigungsaufnahme');
    throw err;
  }
}

/** Purpose of the audit entries, by the reader's role. */
export function zweckIntegration(actor: Actor, was: string): string {
  const rolle = actor.roles.includes('integration') ? 'Integration' : actor.roles.includes('teamleitung') ? 'Teamleitung' : actor.roles.includes('leistung') ? 'Leistungssachbearbeitung' : 'Integration';
  return `${rolle}: ${was}`;
}

/** One job start as the API and the page show it, with how it counts. */
export function presentIntegration(i: IntegrationZeile, gezaehlt: ReadonlySet<string>, heute: string) {
  const z = zaehlung({ id: i.id, personId: i.personId, art: i.art, beginn: i.beginn }, gezaehlt);
  return {
    id: i.id,
    personId: i.personId,
    bgId: i.bgId,
    art: i.art,
    artText: INTEGRATIONSART_TEXT[i.art],
    beginn: i.beginn,
    ende: i.ende,
    laeuft: laeuftAm(i, heute),
    arbeitgeber: i.arbeitgeber,
    wochenstunden: Number(i.wochenstunden),
    erwartetesBruttoCent: i.erwartetesBruttoCent,
    erwartetesNettoCent: i.erwartetesNettoCent,
    svPflichtig: SV_PFLICHTIG.has(i.art),
    zaehlart: z.zaehlart,
    gezaehlt: z.gezaehlt,
    zaehlungText: z.text,
    teilnahmeId: i.teilnahmeId,
    antragId: i.antragId,
    wiedervorlageId: i.wiedervorlageId,
    nachhaltigkeitAm: i.nachhaltigkeitAm,
    nachhaltigkeitErgebnis: i.nachhaltigkeitErgebnis,
    bemerkung: i.bemerkung,
    erfasstVon: i.createdByName,
    version: i.version,
  };
}
export type IntegrationAnsicht = ReturnType<typeof presentIntegration>;

/** The ids of a person's job starts that count as Integration (at most one per month). */
export const gezaehlt = (liste: readonly IntegrationZeile[]) => gezaehlteIntegrationen(liste.map((i) => ({ id: i.id, personId: i.personId, art: i.art, beginn: i.beginn })));
