/**
 * What agreeing a plan and issuing a Verwaltungsakt have in common (kooperationsplan-abstimmen.ts,
 * kooperationsplan-verwaltungsakt.ts): the replaced version becomes `fortgeschrieben` and its review follow-up is
 * closed; the document is made in the citizen's portal language and delivered to the Postfach where the citizen opted
 * in (the Bescheid path, src/server/portal/bescheid-zustellen.ts); the review Wiedervorlage is created.
 */
import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { kooperationsplanRepository, type PlanZeile } from '../../db/repositories/kooperationsplan.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { planInhaltSchema, regimeAm, type PlanInhalt } from '../../domain/foerdern/kooperationsplan.ts';
import { briefkopf } from '../bescheid/briefkopf.ts';
import type { Actor, AppContext } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { buergerDerBg } from '../portal/postfach-gemeinsam.ts';
import { stelleDokumentZu } from '../portal/bescheid-zustellen.ts';
import type { PersonImFall } from './kooperationsplan-gemeinsam.ts';
import { kooperationsplanPdf } from './kooperationsplan-dokument.ts';

/**
 * The version in force for the person (whatever the draft's `vorgaenger_id` said when it was made, so that a plan
 * replaced in between cannot leave two in force) becomes `fortgeschrieben`; its open review follow-ups are closed.
 */
export async function loeseGeltendenAb(tx: Tx, ctx: AppContext, actor: Actor, personId: string, ausser: string | null): Promise<void> {
  for (const p of await kooperationsplanRepository.plaeneDerPerson(tx, personId)) {
    if (p.id === ausser || (p.status !== 'abgestimmt' && p.status !== 'nicht_zustande_gekommen')) continue;
    const alt = await kooperationsplanRepository.lockPlan(tx, p.id);
    if (!alt) continue;
    const r = await kooperationsplanRepository.updatePlan(tx, alt.id, alt.version, { status: 'fortgeschrieben' });
    if (!r) throw versionConflict();
    for (const wv of await kooperationsplanRepository.offeneUeberpruefungen(tx, alt.id)) {
      await antraegeRepository.updateWiedervorlage(tx, wv.id, wv.version, { erledigtAm: ctx.clock.now(), erledigtVon: actor.userId });
    }
  }
}

/** The citizen's portal language for the copy ('de' without a portal account). */
export async function spracheDerPerson(tx: Tx, bgId: string): Promise<string> {
  const buergerId = await buergerDerBg(tx, bgId);
  if (!buergerId) return 'de';
  return (await portalRepository.findUser(tx, buergerId))?.sprache ?? 'de';
}

export async function fertigeAus(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  o: { plan: Pick<PlanZeile, 'id' | 'fassung' | 'bgId' | 'personId'>; person: PersonImFall; art: 'plan' | 'verwaltungsakt'; datum: string; eingliederungsziel: string; inhalt: PlanInhalt; naechsteUeberpruefung: string; schlichtungMoeglich: boolean },
): Promise<{ pdf: Buffer; sprache: string; zustellung: 'postfach' | 'post'; nachrichtId: string | null; wiedervorlageId: string }> {
  const sprache = await spracheDerPerson(tx, o.plan.bgId);
  const name = `${o.person.vorname} ${o.person.nachname}`.trim();
  const pdf = await kooperationsplanPdf({
    art: o.art,
    briefkopf: await briefkopf(tx, o.person.standortId),
    name,
    fassung: o.plan.fassung,
    datum: o.datum,
    eingliederungsziel: o.eingliederungsziel,
    inhalt: o.inhalt,
    naechsteUeberpruefung: o.naechsteUeberpruefung,
    sprache,
    schlichtungMoeglich: o.schlichtungMoeglich,
    erstelltVon: actor.name,
    erzeugtAm: ctx.clock.now(),
  });
  const va = o.art === 'verwaltungsakt';
  const z = await stelleDokumentZu({
    tx,
    actor,
    bgId: o.plan.bgId,
    titel: va ? `Verpflichtung zur Eingliederung (Bescheid) für ${name}` : `Ihr Kooperationsplan (Fassung ${o.plan.fassung}) für ${name}`,
    pdf,
    dateiname: va ? `eingliederung-verwaltungsakt-${o.datum}.pdf` : `kooperationsplan-${o.plan.fassung}-${o.datum}.pdf`,
    art: va ? 'bescheid' : 'nachricht',
    text: va
      ? 'Ihre Pflichten zur Eingliederung in Arbeit liegen als Bescheid im Anhang. Bitte lesen Sie auch die Rechtsfolgenbelehrung.'
      : 'Ihr Kooperationsplan liegt als PDF im Anhang. Sie können ihn im Bürgerportal unter „Mein Kooperationsplan“ ansehen und bestätigen.',
    zweck: va ? 'Integration: Verwaltungsakt zur Eingliederung online zustellen (Zustellungswunsch)' : 'Integration: Kooperationsplan online zustellen (Zustellungswunsch)',
  });
  const wv = await antraegeRepository.insertWiedervorlage(tx, {
    traegerId: actor.traegerId,
    bgId: o.plan.bgId,
    faelligAm: o.naechsteUeberpruefung,
    grund: `${va ? 'Verpflichtung (Verwaltungsakt)' : `Kooperationsplan Fassung ${o.plan.fassung}`} mit ${name} gemeinsam überprüfen und fortschreiben (§ 15 Abs. 3 SGB II)`,
    art: 'kooperationsplan_ueberpruefung',
    personId: o.plan.personId,
    bezugId: o.plan.id,
    zugewiesenAn: actor.userId,
    createdBy: actor.userId,
  });
  return { pdf, sprache, zustellung: z.weg, nachrichtId: z.nachrichtId, wiedervorlageId: wv.id };
}

/**
 * The document of an agreed plan or a Verwaltungsakt, rendered on demand when none is stored (records from before the
 * document was kept, imported or demo data): the same renderer as at the agreement, with the plan's own date, content,
 * language and author; stored so that every later copy is the same. It is not delivered to the Postfach — that happens
 * only at the agreement. null for a draft or a plan that was never agreed.
 */
export async function dokumentDesPlans(tx: Tx, ctx: AppContext, plan: PlanZeile): Promise<Buffer | null> {
  const d = await kooperationsplanRepository.dokument(tx, plan.id);
  if (d?.pdf) return d.pdf;
  const va = plan.art === 'verwaltungsakt';
  const datum = va ? plan.erstelltAm : plan.abgestimmtAm;
  if (!datum) return null;
  const inhalt = planInhaltSchema.safeParse(plan.inhalt);
  if (!inhalt.success) return null;
  const person = await kooperationsplanRepository.personImFall(tx, plan.personId, datum);
  if (!person) return null;
  let schlichtungMoeglich = false;
  try {
    schlichtungMoeglich = !va && regimeAm(datum).wert.schlichtung;
  } catch {
    schlichtungMoeglich = false;
  }
  const pdf = await kooperationsplanPdf({
    art: plan.art,
    briefkopf: await briefkopf(tx, person.standortId),
    name: `${person.vorname} ${person.nachname}`.trim(),
    fassung: plan.fassung,
    datum,
    eingliederungsziel: plan.eingliederungsziel,
    inhalt: inhalt.data,
    naechsteUeberpruefung: plan.naechsteUeberpruefung,
    sprache: plan.sprache,
    schlichtungMoeglich,
    erstelltVon: plan.createdByName,
    erzeugtAm: ctx.clock.now(),
  });
  // a concurrent request may have stored one first: that one is kept and served
  return (await kooperationsplanRepository.dokumentNachtragen(tx, plan.id, pdf)) ?? pdf;
}

