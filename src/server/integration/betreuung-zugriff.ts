import type { Tx } from '../../db/client.ts';
import { betreuungRepository, type PersonKontext } from '../../db/repositories/betreuung.ts';
import { istElb } from '../../domain/foerdern/status.ts';
import type { Actor } from '../context.ts';
import { fehler, notFound } from '../errors.ts';
import { authorize, standortErreichbar, type Permission } from '../policies.ts';
import { istUuid } from '../schemas/grenzen.ts';

export type { PersonKontext };

/**
 * Loads a person of the integration side for an action, like the Fallakte loads a BG: an unknown id or one of another
 * Träger (RLS) answers 404; within the Träger a missing permission is 403; a person whose current BG (the membership
 * on `tag`, else the latest) belongs to a Standort the permission does not reach for the actor answers 404.
 */
export async function ladeElbPerson(tx: Tx, actor: Actor, personId: string, permission: Permission, tag: string): Promise<PersonKontext & { elb: boolean }> {
  if (!istUuid(personId)) throw notFound('Die Person');
  const person = await betreuungRepository.personKontext(tx, personId, tag);
  if (!person) throw notFound('Die Person');
  authorize(actor, permission);
  if (!standortErreichbar(actor, permission, person.standortId)) throw notFound('Die Person');
  return { ...person, elb: istElb(person, tag) };
}

/** Refuses work on a person who is no eLb on `tag` (400 `kein_elb`, at the field `personId`). */
export function verlangeElb(person: { elb: boolean; vorname: string; nachname: string }, feld = 'personId'): void {
  if (person.elb) return;
  const meldung = `${person.vorname} ${person.nachname} ist keine erwerbsfähige Leistungsberechtigte Person einer laufenden Bedarfsgemeinschaft (§ 7 Abs. 1 SGB II).`;
  throw fehler('kein_elb', { meldung, issues: [{ path: feld, code: 'kein_elb', message: meldung }] });
}

/** Purpose of the audit entries, by the actor's task. */
export function zweckBetreuung(actor: Actor, was: string): string {
  const rolle = actor.roles.includes('integration')
    ? 'Integration'
    : actor.roles.includes('teamleitung')
      ? 'Teamleitung'
      : actor.roles.includes('leistung')
        ? 'Leistungssachbearbeitung'
        : 'Integration';
  return `${rolle}: ${was}`;
}

export const datumText = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
