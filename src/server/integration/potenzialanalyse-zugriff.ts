import type { Actor } from '../context.ts';

/**
 * Who reaches a person's Potenzialanalyse is decided like for all of the integration side by `ladeElbPerson`
 * (betreuung-zugriff.ts): unknown or foreign id 404, missing permission 403, person of a Standort the permission
 * does not reach 404. Saving a new Fassung also needs the person to be an eLb (`verlangeElb`).
 */
export { ladeElbPerson, verlangeElb, type PersonKontext } from './betreuung-zugriff.ts';

/** Purpose of the audit entries, by the reader's task. */
export function zweckPotenzialanalyse(actor: Actor, was: 'lesen' | 'speichern'): string {
  const rolle = actor.roles.includes('integration') ? 'Integration' : actor.roles.includes('teamleitung') ? 'Teamleitung' : actor.roles.includes('leistung') ? 'Leistungssachbearbeitung' : 'Integration';
  return was === 'lesen' ? `${rolle}: Potenzialanalyse einsehen` : `${rolle}: Potenzialanalyse fortschreiben`;
}

/** The same access check without the eLb flag (kept for callers that imported it from here before). */
export { ladeElbPerson as ladePersonFuer } from './betreuung-zugriff.ts';
