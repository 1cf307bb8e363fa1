/** The citizen's side of the Anhörung (portal-anhoerung*.ts): which procedures a citizen may see and how they look. */
import type { Tx } from '../../db/client.ts';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { fordernAnhoerungRepository, type AnhoerungVerfahren } from '../../db/repositories/fordern-anhoerung.ts';
import { TATBESTAND_INFO } from '../../domain/fordern/tatbestaende.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { bgsDesBuergers } from '../integration/kooperationsplan-gemeinsam.ts';
import { pruefeZugriff, type Umfang, type Zugriff } from '../portal/zugriff.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { ANHOERUNG, antwortMoeglich } from './anhoerung-gemeinsam.ts';

export type PortalStatus = 'offen' | 'entscheidung' | 'entschieden';
export const portalStatus = (status: string): PortalStatus => (status === 'anhoerung' ? 'offen' : status === 'entscheidung' ? 'entscheidung' : 'entschieden');

/** A procedure with a sent Anhörung of one of the citizen's BGs (own account or as representative), else 404. */
export async function ladeAnhoerungFuerBuerger(tx: Tx, actor: Actor, id: string, fuer: string | undefined, umfang: Umfang, tag: string, sperren = false): Promise<{ v: AnhoerungVerfahren; zugriff: Zugriff }> {
  const zugriff = await pruefeZugriff(tx, actor, fuer || actor.userId, umfang, tag);
  if (!istUuid(id)) throw notFound(ANHOERUNG);
  const v = sperren ? await fordernAnhoerungRepository.lock(tx, id) : await fordernAnhoerungRepository.find(tx, id);
  if (!v || !v.anhoerungAm || !(await bgsDesBuergers(tx, zugriff.buergerId)).includes(v.bgId)) throw notFound(ANHOERUNG);
  return { v, zugriff };
}

export async function nameDerPerson(tx: Tx, personId: string, tag: string): Promise<string> {
  const p = await betreuungRepository.personKontext(tx, personId, tag);
  return `${p?.vorname ?? ''} ${p?.nachname ?? ''}`.trim();
}

export function kurzansicht(v: AnhoerungVerfahren, name: string) {
  const info = TATBESTAND_INFO[v.tatbestand];
  return {
    id: v.id,
    aktenzeichen: v.aktenzeichen,
    name,
    tatbestand: v.tatbestand,
    tatbestandTitel: info.titel,
    norm: info.norm,
    pflichtverletzungAm: v.pflichtverletzungAm,
    anhoerungAm: v.anhoerungAm,
    frist: v.anhoerungFrist,
    status: portalStatus(v.status),
    antwortMoeglich: antwortMoeglich(v.status),
    beantwortet: !!v.antwortText,
    antwortAm: v.antwortAm ? v.antwortAm.toISOString() : null,
    /** the outcome once decided: Minderung festgestellt (Bescheid in the portal), eingestellt or aufgehoben */
    ergebnis: v.status === 'festgestellt' ? ('minderung' as const) : v.status === 'eingestellt' ? ('eingestellt' as const) : v.status === 'aufgehoben' ? ('aufgehoben' as const) : null,
    hatBescheid: v.status === 'festgestellt' && v.hatBescheidPdf,
  };
}
