/**
 * Fordern, the decision (slice D, docs/fordern.md "Entscheidung und Bescheid"): what deciding, approving, ending early
 * and lifting a Minderung have in common — loading the procedure with the person's scope, who may decide (Träger
 * setting), the Stufe computed from the facts, the Vier-Augen rule, and `festsetzen` (Minderung, Bescheid, delivery,
 * money).
 */
import type { Tx } from '../../db/client.ts';
import { translate } from '../../i18n/index.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { fordernEntscheidungRepository as repo } from '../../db/repositories/fordern-entscheidung.ts';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import { einstellungenRepository } from '../../db/repositories/traeger-einstellungen.ts';
import type { LeistungsminderungRow, MinderungsverfahrenRow } from '../../db/schema/index.ts';
import { minderungGesperrt } from '../../domain/foerdern/kooperationsplan.ts';
import { datumText, monatPlus, monatText } from '../../domain/bewilligung/monat.ts';
import { bekanntgabeAm } from '../../domain/fordern/fristen.ts';
import { regelbedarfGrundlage, type RegelbedarfGrundlage } from '../../domain/fordern/regelbedarf.ts';
import { bestimmeMinderung, schutzpflichten } from '../../domain/fordern/stufe.ts';
import { minderungWirkung } from '../../domain/fordern/wirkung.ts';
import { ENTSCHEIDER_ROLLEN, MINDERUNG_VIER_AUGEN, type EntscheiderRolle, type MinderungArt, type MinderungVierAugen, type VerfahrenEreignis } from '../../domain/fordern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { briefkopf } from '../bescheid/briefkopf.ts';
import type { Actor, AppContext } from '../context.ts';
import { AppError, fehler, notFound, versionConflict } from '../errors.ts';
import { ladeElbPerson, type PersonKontext } from '../integration/betreuung-zugriff.ts';
import type { Permission } from '../policies.ts';
import { stelleDokumentZu } from '../portal/bescheid-zustellen.ts';
import { istUuid } from '../schemas/grenzen.ts';
import type { EntscheidungDaten } from './entscheidung-daten.ts';
import { grundlagen } from './grundlagen.ts';
import { minderungsbescheidPdf } from './minderungsbescheid-dokument.ts';
import { wendeMinderungenAn } from './minderung-anwenden.ts';

export const VERFAHREN = 'Das Minderungsverfahren';

/**
 * The procedure for an action: unknown id or another Träger (RLS) → 404; missing permission → 403; a person whose BG
 * belongs to a Standort the permission does not reach → 404 (the person loader of the integration side).
 */
export async function ladeVerfahren(tx: Tx, actor: Actor, id: string, permission: Permission, tag: string, sperren = false): Promise<{ v: MinderungsverfahrenRow; person: PersonKontext }> {
  if (!istUuid(id)) throw notFound(VERFAHREN);
  const v = await repo.findVerfahren(tx, id, sperren);
  if (!v) throw notFound(VERFAHREN);
  try {
    return { v, person: await ladeElbPerson(tx, actor, v.personId, permission, tag) };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw notFound(VERFAHREN);
    throw err;
  }
}

/** The Träger's two Fordern settings (defaults until saved). */
export async function fordernEinstellungen(tx: Tx): Promise<{ entscheider: EntscheiderRolle; vierAugen: MinderungVierAugen }> {
  const e = await einstellungenRepository.find(tx);
  const entscheider = (ENTSCHEIDER_ROLLEN as readonly string[]).includes(e?.minderungEntscheider ?? '') ? (e!.minderungEntscheider as EntscheiderRolle) : 'integration';
  const vierAugen = (MINDERUNG_VIER_AUGEN as readonly string[]).includes(e?.minderungVierAugen ?? '') ? (e!.minderungVierAugen as MinderungVierAugen) : 'wegfall';
  return { entscheider, vierAugen };
}

/** Teamleitung always; otherwise the side the Träger named (integration or leistung). */
export function darfEntscheiden(actor: Pick<Actor, 'roles'>, entscheider: EntscheiderRolle): boolean {
  return actor.roles.includes('teamleitung') || actor.roles.includes(entscheider);
}

export function pruefeEntscheider(actor: Actor, entscheider: EntscheiderRolle): void {
  if (darfEntscheiden(actor, entscheider)) return;
  const seite = entscheider === 'integration' ? 'die Integrationsfachkräfte' : 'die Leistungssachbearbeitung';
  throw fehler('nicht_entscheidungsberechtigt', { meldung: `Über Minderungen entscheiden bei Ihrem Träger ${seite} oder die Teamleitung (Einstellung des Trägers).` });
}

/** Does the Träger's rule require a second person's approval for this Minderung? */
export function vierAugenNoetig(regel: MinderungVierAugen, art: MinderungArt): boolean {
  return regel === 'immer' || (regel === 'wegfall' && (art === 'wegfall_regelbedarf' || art === 'nichterreichbarkeit'));
}

/** Regelbedarf of the first month of the Minderung (src/domain/fordern/regelbedarf.ts) with the Stufe of the approved Bewilligung. */
export async function regelbedarfImMonat(tx: Tx, bgId: string, personId: string, monat: string): Promise<RegelbedarfGrundlage> {
  return regelbedarfGrundlage(await repo.regelbedarfsstufe(tx, bgId, personId, monat), monat);
}

/** The Stufe, amount and period for a Bescheid dated `bescheidAm` (nothing written). */
export async function berechneEntscheidung(tx: Tx, v: MinderungsverfahrenRow, bescheidAm: string, regel: MinderungVierAugen): Promise<EntscheidungDaten> {
  const { fruehere, frueherGespeichert, inFolge, fruehereMeldeversaeumnisseAm } = await grundlagen(tx, v);
  const bekanntgabe = bekanntgabeAm(bescheidAm);
  const regelbedarf = await regelbedarfImMonat(tx, v.bgId, v.personId, monatPlus(bekanntgabe.slice(0, 7), 1));
  const vorschlag = bestimmeMinderung({
    tatbestand: v.tatbestand,
    pflichtverletzungAm: v.pflichtverletzungAm,
    bekanntgabeAm: bekanntgabe,
    regelbedarfCent: regelbedarf.cent,
    fruehere,
    meldeversaeumnisseInFolge: inFolge,
    fruehereMeldeversaeumnisseAm,
  });
  const schutz = schutzpflichten({ tatbestand: v.tatbestand, pflichtverletzungAm: v.pflichtverletzungAm, fruehere, meldeversaeumnisseInFolge: inFolge, fruehereMeldeversaeumnisseAm });
  return {
    bescheidAm,
    bekanntgabeAm: bekanntgabe,
    vorschlag,
    regelbedarf,
    meldeversaeumnisseInFolge: inFolge,
    schutz,
    fruehere: frueherGespeichert
      .filter((m) => m.aufgehobenAm === null)
      .map((m) => ({ festgestelltAm: m.festgestelltAm, vonMonat: m.vonMonat, bisMonat: m.bisMonat, prozent: m.prozent, tatbestand: m.tatbestand })),
    vierAugen: vorschlag.ergebnis === 'minderung' && vierAugenNoetig(regel, vorschlag.art),
    wirkung: vorschlag.ergebnis === 'minderung' ? minderungWirkung(vorschlag, regelbedarf.cent) : null,
  };
}

/** § 15a Abs. 3 a.F.: no Minderung for a Pflichtverletzung during a Schlichtung (409 minderung_gesperrt). */
export async function pruefeSchlichtung(tx: Tx, v: MinderungsverfahrenRow): Promise<void> {
  const s = await kooperationsplanRepository.schlichtungenImZeitraum(tx, v.personId, v.pflichtverletzungAm, v.pflichtverletzungAm);
  if (minderungGesperrt(s, v.pflichtverletzungAm)) throw fehler('minderung_gesperrt');
}

export function ereignis(actor: Actor, jetzt: Date, art: string, text: string): VerfahrenEreignis {
  return { am: jetzt.toISOString(), art, text, von: actor.name };
}

/**
 * Closes the Wiedervorlage that warns before the Feststellungsfrist (when the procedure has one and it is open) and
 * every other open Wiedervorlage of the procedure (e.g. "Antwort im Bürgerportal eingegangen", art 'allgemein').
 */
export async function schliesseFristWiedervorlage(tx: Tx, v: MinderungsverfahrenRow, actor: Actor, jetzt: Date): Promise<void> {
  await schliesseFristWiedervorlageAllein(tx, v, actor, jetzt);
  await minderungsverfahrenRepository.erledigeFristWiedervorlagen(tx, v.id, jetzt, actor.userId);
}

async function schliesseFristWiedervorlageAllein(tx: Tx, v: MinderungsverfahrenRow, actor: Actor, jetzt: Date): Promise<void> {
  if (!v.wiedervorlageId) return;
  const wv = (await antraegeRepository.listWiedervorlagenByBg(tx, v.bgId)).map((w) => w.wiedervorlage).find((w) => w.id === v.wiedervorlageId);
  if (!wv || wv.erledigtAm) return;
  const r = await antraegeRepository.updateWiedervorlage(tx, wv.id, wv.version, { erledigtAm: jetzt, erledigtVon: actor.userId });
  if (!r) throw versionConflict();
}

export { datumText, monatText };
export const euroText = (cent: number) => `${(cent / 100).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.')} Euro`;

/**
 * The Feststellung: the `leistungsminderungen` row, the Minderungsbescheid (PDF, Postfach where opted in, else post),
 * status `festgestellt`, the Frist-Wiedervorlage closed, and the approved Bewilligungen recomputed from the first month
 * (slice M1, `wendeMinderungenAn`). `v` must be the current row (its version is checked).
 */
export async function festsetzen(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  o: { v: MinderungsverfahrenRow; person: PersonKontext; daten: EntscheidungDaten; verlauf: VerfahrenEreignis[]; patch: Partial<MinderungsverfahrenRow> },
): Promise<{ v: MinderungsverfahrenRow; minderung: LeistungsminderungRow; zustellung: 'postfach' | 'post' }> {
  const { v, person, daten } = o;
  const vorschlag = daten.vorschlag;
  if (vorschlag.ergebnis !== 'minderung') throw fehler('verfahren_status');
  const jetzt = ctx.clock.now();
  const minderung = await repo.insertMinderung(tx, {
    traegerId: actor.traegerId,
    verfahrenId: v.id,
    personId: v.personId,
    bgId: v.bgId,
    tatbestand: v.tatbestand,
    art: vorschlag.art,
    stufe: vorschlag.stufe,
    prozent: vorschlag.prozent,
    betragCent: vorschlag.betragCent,
    vonMonat: vorschlag.vonMonat,
    bisMonat: vorschlag.bisMonat,
    festgestelltAm: daten.bescheidAm,
    pflichtverletzungAm: v.pflichtverletzungAm,
  });
  const name = `${person.vorname} ${person.nachname}`.trim();
  const entschiedenVon = (await repo.nutzerName(tx, o.patch.entschiedenVon ?? v.entschiedenVon)) ?? actor.name;
  const pdf = await minderungsbescheidPdf({
    briefkopf: await briefkopf(tx, person.standortId),
    name,
    anschrift: (await teilnahmenRepository.briefKontext(tx, v.bgId, daten.bescheidAm)).adresse,
    aktenzeichen: v.aktenzeichen,
    verfahren: { ...v, ...o.patch },
    daten,
    erstelltVon: entschiedenVon,
    freigegebenVon: o.patch.freigegebenVon ? actor.name : null,
    erzeugtAm: jetzt,
  });
  const z = await stelleDokumentZu({
    tx,
    actor,
    bgId: v.bgId,
    titel: `Minderungsbescheid (Az. ${v.aktenzeichen}) für ${name}`,
    pdf,
    dateiname: `minderungsbescheid-${v.aktenzeichen}.pdf`,
    art: 'bescheid',
    text: 'Ihr Bescheid über die Minderung Ihres Grundsicherungsgeldes liegt als PDF im Anhang. Bitte lesen Sie ihn sorgfältig, auch die Hinweise, wie die Minderung früher enden kann.',
    zweck: 'Fordern: Minderungsbescheid online zustellen (Zustellungswunsch)',
    uebersetzt: (lang) => ({ titel: translate(lang, 'anh.bescheid.betreff', { aktenzeichen: v.aktenzeichen, name }), text: translate(lang, 'anh.bescheid.text') }),
  });
  const weg = z.weg === 'postfach' ? 'ins Postfach des Bürgerportals zugestellt' : 'zum Versand per Post erstellt';
  const verlauf = [
    ...o.verlauf,
    ereignis(actor, jetzt, 'bescheid', `Minderungsbescheid vom ${datumText(daten.bescheidAm)} ${weg}: ${vorschlag.prozent} % (${euroText(vorschlag.betragCent)} im Monat) ${vorschlag.vonMonat === vorschlag.bisMonat ? `im ${monatText(vorschlag.vonMonat)}` : `von ${monatText(vorschlag.vonMonat)} bis ${monatText(vorschlag.bisMonat)}`}.`),
  ];
  const r = await repo.updateVerfahren(tx, v.id, v.version, {
    ...o.patch,
    status: 'festgestellt',
    entscheidung: daten,
    bescheidAm: daten.bescheidAm,
    bekanntgabeAm: daten.bekanntgabeAm,
    bescheidPdf: pdf,
    bescheidPostfachId: z.nachrichtId,
    verlauf,
  });
  if (!r) throw versionConflict();
  await schliesseFristWiedervorlage(tx, v, actor, jetzt);
  await recordAudit(tx, actor, {
    objectType: 'leistungsminderung',
    objectId: minderung.id,
    personId: v.personId,
    action: 'create',
    purpose: 'Fordern: Minderung feststellen',
    details: { verfahrenId: v.id, bgId: v.bgId, prozent: minderung.prozent, von: minderung.vonMonat, bis: minderung.bisMonat },
  });
  await wendeMinderungenAn(tx, actor, { bgId: v.bgId, abMonat: minderung.vonMonat, grund: `Minderung festgestellt (Az. ${v.aktenzeichen})`, heute: heute(jetzt) });
  return { v: r, minderung, zustellung: z.weg };
}
