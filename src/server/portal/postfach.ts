/**
 * Postfach (docs/buergerportal.md): messages between citizen and Jobcenter in both directions, with attachments
 * (portal_dateien, scanned like every upload). Online delivery of Bescheide is a separate choice (Zustellungswunsch):
 * using the Postfach for messages and uploads never implies it.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, validationFailed } from '../errors.ts';
import { heute, ladeBgFuer } from '../fall/common.ts';
import { alsMitteilung } from '../fall/mitteilung-vorbereiten.ts';
import { pruefeUpload } from '../dokumente/virenscan.ts';
import { pruefeZugriff } from './zugriff.ts';

export type Anhang = { id: string; dateiname: string; status: string };
export type Nachricht = { id: string; richtung: string; art: string; betreff: string; text: string; absenderName: string; gelesenAm: string | null; createdAt: string; anhaenge: Anhang[] };

async function mitAnhaengen(tx: Tx, rows: Awaited<ReturnType<typeof portalRepository.nachrichten>>): Promise<Nachricht[]> {
  const ergebnis: Nachricht[] = [];
  for (const n of rows) {
    const anhaenge = (await portalRepository.dateienMeta(tx, { nachrichtId: n.id })).map((d) => ({ id: d.id, dateiname: d.dateiname, status: d.status }));
    ergebnis.push({
      id: n.id,
      richtung: n.richtung,
      art: n.art,
      betreff: n.betreff,
      text: n.text,
      absenderName: n.absenderName,
      gelesenAm: n.gelesenAm?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
      anhaenge,
    });
  }
  return ergebnis;
}

/** The citizen's Postfach (own or as representative); messages to the citizen count as read once shown to the citizen. */
export async function postfach(opts: { ctx: AppContext; actor: Actor; fuer?: string | undefined }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const z = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'lesen', heute(ctx.clock.now()));
    const rows = await portalRepository.nachrichten(tx, { buergerId: z.buergerId });
    const nachrichten = await mitAnhaengen(tx, rows);
    if (z.als === 'selbst') for (const n of rows) if (n.richtung === 'an_buerger' && !n.gelesenAm) await portalRepository.markiereGelesen(tx, n.id);
    const zustellung = await portalRepository.zustellung(tx, z.buergerId);
    await recordAudit(tx, actor, { objectType: 'postfach', objectId: z.buergerId, action: 'read', purpose: 'Bürgerportal: Postfach lesen', details: { als: z.als } });
    return { buergerId: z.buergerId, als: z.als, nachrichten, onlineZustellung: zustellung?.online ?? false };
  });
}

const BETREFF_MAX = 200;
const TEXT_MAX = 5000;

function pruefeText(betreff: string, text: string) {
  const issues = [];
  if (!betreff.trim()) issues.push({ path: 'betreff', code: 'pflichtfeld', message: 'Bitte geben Sie einen Betreff an.' });
  else if (betreff.length > BETREFF_MAX) issues.push({ path: 'betreff', code: 'zu_lang', message: 'Der Betreff ist zu lang.' });
  if (!text.trim()) issues.push({ path: 'text', code: 'pflichtfeld', message: 'Bitte schreiben Sie eine Nachricht.' });
  else if (text.length > TEXT_MAX) issues.push({ path: 'text', code: 'zu_lang', message: 'Die Nachricht ist zu lang.' });
  if (issues.length) throw validationFailed(issues);
}

/** A citizen (or representative with scope "handeln") writes to the Jobcenter, optionally with one attachment. */
export async function schreibeNachricht(opts: {
  ctx: AppContext;
  actor: Actor;
  fuer?: string | undefined;
  betreff: string;
  text: string;
  anhang?: { inhalt: Buffer; dateiname: string } | undefined;
}) {
  const { ctx, actor } = opts;
  pruefeText(opts.betreff, opts.text);
  await ctx.db.withTenant(tenantScope(actor), (tx) => pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'handeln', heute(ctx.clock.now())));
  const pruefung = opts.anhang ? await pruefeUpload(opts.anhang.inhalt, { socket: ctx.config.clamdSocket }) : undefined;
  if (pruefung?.ergebnis === 'abgelehnt') throw new AppError(pruefung.code, 422, pruefung.message);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const z = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'handeln', heute(ctx.clock.now()));
    const letzter = (await portalRepository.antraegeVon(tx, z.buergerId)).find((a) => a.bgId);
    const n = await portalRepository.insertNachricht(tx, {
      traegerId: actor.traegerId,
      buergerId: z.buergerId,
      bgId: letzter?.bgId ?? null,
      richtung: 'an_jobcenter',
      betreff: opts.betreff.trim(),
      text: opts.text.trim(),
      absenderId: actor.userId,
      absenderName: z.als === 'selbst' ? actor.name : `${actor.name} (bevollmächtigt)`,
    });
    if (opts.anhang && pruefung) {
      await portalRepository.insertDatei(tx, {
        traegerId: actor.traegerId,
        buergerId: z.buergerId,
        nachrichtId: n.id,
        bgId: letzter?.bgId ?? null,
        antragId: letzter?.id ?? null,
        dateiname: opts.anhang.dateiname.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || `anhang.${pruefung.endung}`,
        mime: pruefung.mime,
        groesse: pruefung.groesse,
        sha256: createHash('sha256').update(opts.anhang.inhalt).digest('hex'),
        inhalt: opts.anhang.inhalt,
        status: pruefung.ergebnis === 'angenommen' ? 'sauber' : 'quarantaene',
        scanErgebnis: pruefung.ergebnis === 'angenommen' ? 'OK' : pruefung.grund,
        gescanntAm: pruefung.ergebnis === 'angenommen' ? new Date() : null,
        hochgeladenVon: actor.userId,
      });
    }
    await recordAudit(tx, actor, { objectType: 'postfach_nachricht', objectId: n.id, action: 'create', purpose: 'Bürgerportal: Nachricht an das Jobcenter', details: { als: z.als } });
    return n.id;
  });
}

/** The citizen accounts linked to a case (who sent its Anträge online). */
async function buergerDerBg(tx: Tx, bgId: string): Promise<string | undefined> {
  const r = await portalRepository.buergerZurBg(tx, bgId);
  return r;
}

/** Staff: the Postfach of a case (Fallakte page). */
export async function postfachZurBg(opts: { ctx: AppContext; actor: Actor; bgId: string }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, opts.bgId, 'fall.lesen');
    const buergerId = await buergerDerBg(tx, bg.id);
    const rows = await portalRepository.nachrichten(tx, { bgId: bg.id });
    const nachrichten = await mitAnhaengen(tx, rows);
    for (const n of rows) if (n.richtung === 'an_jobcenter' && !n.gelesenAm) await portalRepository.markiereGelesen(tx, n.id);
    await recordAudit(tx, actor, { objectType: 'postfach', objectId: bg.id, action: 'read', purpose: 'Fallakte: Postfach lesen' });
    // Veränderungsmitteilungen from the portal (to check and apply) and uploads still being scanned.
    const mitteilungen = (await antraegeRepository.listByBg(tx, bg.id)).flatMap(({ antrag }) => {
      const p = alsMitteilung(antrag);
      return p ? [{ id: antrag.id, antragsdatum: antrag.antragsdatum, flow: p.flow, veraenderungsart: p.veraenderungsart, angewendet: p.angewendet ?? null }] : [];
    });
    const ausstehend = (await portalRepository.ausstehendeDateienDerBg(tx, bg.id)).map((d) => ({ id: d.id, dateiname: d.dateiname, hochgeladenAm: d.createdAt.toISOString() }));
    return { portalKonto: buergerId !== undefined, nachrichten, mitteilungen, ausstehend };
  });
}

/** Staff reply from the Fallakte: goes to the citizen account linked to the case. */
export async function antworteAusFallakte(opts: { ctx: AppContext; actor: Actor; bgId: string; betreff: string; text: string }) {
  const { ctx, actor } = opts;
  pruefeText(opts.betreff, opts.text);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, opts.bgId, 'fall.bearbeiten');
    const buergerId = await buergerDerBg(tx, bg.id);
    if (!buergerId) throw new AppError('kein_portalkonto', 409, 'Zu dieser Fallakte gibt es kein Konto im Bürgerportal.');
    const n = await portalRepository.insertNachricht(tx, {
      traegerId: actor.traegerId,
      buergerId,
      bgId: bg.id,
      richtung: 'an_buerger',
      betreff: opts.betreff.trim(),
      text: opts.text.trim(),
      absenderId: actor.userId,
      absenderName: actor.name,
    });
    await recordAudit(tx, actor, { objectType: 'postfach_nachricht', objectId: n.id, action: 'create', purpose: 'Fallakte: Nachricht an die Bürgerin / den Bürger' });
    return n.id;
  });
}

/**
 * Delivers a Bescheid PDF online — only if the citizen chose online delivery. Returns 'postfach' when delivered,
 * 'post' when it must be sent by letter (no portal account or no opt-in). For the Bescheid work (src/server/bescheid).
 */
export async function stelleBescheidZu(opts: { tx: Tx; actor: Actor | { system: string; traegerId: string }; bgId: string; titel: string; pdf: Buffer; dateiname: string }): Promise<'postfach' | 'post'> {
  const { tx } = opts;
  const buergerId = await buergerDerBg(tx, opts.bgId);
  if (!buergerId) return 'post';
  const wunsch = await portalRepository.zustellung(tx, buergerId);
  if (!wunsch?.online) return 'post';
  const traegerId = opts.actor.traegerId;
  const n = await portalRepository.insertNachricht(tx, {
    traegerId,
    buergerId,
    bgId: opts.bgId,
    richtung: 'an_buerger',
    art: 'bescheid',
    betreff: opts.titel,
    text: 'Ihr Bescheid liegt als PDF im Anhang.',
    absenderId: 'userId' in opts.actor ? opts.actor.userId : null,
    absenderName: 'Jobcenter',
  });
  await portalRepository.insertDatei(tx, {
    traegerId,
    buergerId,
    bgId: opts.bgId,
    nachrichtId: n.id,
    dateiname: opts.dateiname,
    mime: 'application/pdf',
    groesse: opts.pdf.length,
    sha256: createHash('sha256').update(opts.pdf).digest('hex'),
    inhalt: opts.pdf,
    status: 'sauber',
    scanErgebnis: 'vom Jobcenter erzeugt',
    gescanntAm: new Date(),
  });
  await recordAudit(tx, opts.actor, { objectType: 'postfach_nachricht', objectId: n.id, action: 'create', purpose: 'Bescheid online zustellen (Zustellungswunsch)' });
  return 'postfach';
}

/** The citizen opts in or out of online delivery of Bescheide (separate from messages and uploads). */
export async function setzeZustellungswunsch(opts: { ctx: AppContext; actor: Actor; fuer?: string | undefined; online: boolean }) {
  const { ctx, actor } = opts;
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const z = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'handeln', heute(ctx.clock.now()));
    await portalRepository.setzeZustellung(tx, { traegerId: actor.traegerId, buergerId: z.buergerId, online: opts.online, geaendertVon: actor.userId });
    await recordAudit(tx, actor, { objectType: 'zustellungswunsch', objectId: z.buergerId, action: 'update', purpose: 'Bürgerportal: Zustellungswunsch ändern', details: { online: opts.online, als: z.als } });
  });
}

