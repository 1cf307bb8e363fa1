/**
 * Drafts of online applications (docs/buergerportal.md): started, saved after every step on the server (encrypted),
 * resumed on any device. The Antragsdatum is fixed by `uebernehmeSchritt` at the flow's marked first step and kept in
 * its own column, so it survives even if the person stops right there.
 */
import type { Tx } from '../../db/client.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { userRepository } from '../../db/repositories/users.ts';
import type { AntragEntwurfRow } from '../../db/schema/index.ts';
import {
  eintragEntfernen,
  eintragHinzufuegen,
  eintraege,
  FlowKonfigurationsFehler,
  starteFlow,
  uebernehmeSchritt,
  validiereSchritt,
  type FeldFehler,
  type FlowDaten,
  type FormEingabe,
  type Sprache,
} from '../../domain/formular/index.ts';
import { zustandAm } from '../../domain/fallakte/index.ts';
import { vorbelegungAusFallzustand } from '../../domain/formular/weiterbewilligung-vorbelegung.ts';
import { ergaenzeVorbelegung, vorbelegungAusKonto } from '../../domain/formular/vorbelegung.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { heute } from '../fall/common.ts';
import { decrypt, encrypt } from '../security/crypto.ts';
import { portalFlow, type PortalFlow } from './flows.ts';
import { ladeEntwurfFuer, pruefeZugriff } from './zugriff.ts';

const ZWECK = 'entwurf';

export const verschluessele = (ctx: AppContext, daten: FlowDaten) => encrypt(ctx.config.secret, ZWECK, JSON.stringify(daten));
export const entschluessele = (ctx: AppContext, e: AntragEntwurfRow): FlowDaten => JSON.parse(decrypt(ctx.config.secret, ZWECK, e.datenEnc)) as FlowDaten;

export function flowVon(e: Pick<AntragEntwurfRow, 'flowId'>): PortalFlow {
  const f = portalFlow(e.flowId);
  if (!f) throw notFound('Der Antrag');
  return f;
}

export type EntwurfAnsicht = { entwurf: AntragEntwurfRow; daten: FlowDaten; pf: PortalFlow; als: 'selbst' | 'vertreter' };

/**
 * Starts a draft for the flow (or returns the open draft of the same flow: one unfinished application at a time).
 * `vorbelegung` (e.g. the public pre-check's answers) fills a new draft, or only the gaps of an open one — an answer
 * the person already gave is never overwritten. A new Erstantrag also starts with the account's name and e-mail.
 */
export async function starteEntwurf(opts: { ctx: AppContext; actor: Actor; flowId: string; fuer?: string; vorbelegung?: FlowDaten }): Promise<string> {
  const { ctx, actor } = opts;
  const pf = portalFlow(opts.flowId);
  if (!pf) throw notFound('Das Formular');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { buergerId } = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'handeln', heute(ctx.clock.now()));
    const offen = (await portalRepository.listEntwuerfe(tx, buergerId)).find((e) => e.status === 'offen' && e.flowId === pf.id);
    if (offen) {
      if (opts.vorbelegung) {
        const bisher = entschluessele(ctx, offen);
        const ergaenzt = ergaenzeVorbelegung(pf.flow, bisher, opts.vorbelegung);
        if (JSON.stringify(ergaenzt) !== JSON.stringify(bisher)) await speichere(tx, ctx, actor, offen, ergaenzt, {}, 'Angaben der Anspruchsprüfung ergänzen');
      }
      return offen.id;
    }
    let vorbelegung = opts.vorbelegung ?? (pf.id === 'weiterbewilligung' ? await vorbelegungAusFallakte(tx, buergerId, heute(ctx.clock.now())) : undefined);
    if (pf.id === 'erstantrag') {
      const konto = await userRepository.findById(tx, buergerId);
      if (konto) vorbelegung = ergaenzeVorbelegung(pf.flow, (vorbelegung ?? {}) as FlowDaten, vorbelegungAusKonto(konto));
    }
    const { daten } = starteFlow(pf.flow, vorbelegung);
    const e = await portalRepository.insertEntwurf(tx, {
      updatedAt: ctx.clock.now(),
      traegerId: actor.traegerId,
      buergerId,
      flowId: pf.id,
      art: pf.art,
      datenEnc: verschluessele(ctx, daten),
      aktuellerSchritt: pf.flow.initial,
      zuletztVon: actor.userId,
    });
    await recordAudit(tx, actor, { objectType: 'antrag_entwurf', objectId: e.id, action: 'create', purpose: 'Bürgerportal: Antrag beginnen', details: { flow: pf.id, fuer: buergerId === actor.userId ? 'selbst' : buergerId, ...(opts.vorbelegung ? { vorbelegung: 'anspruchspruefung' } : {}) } });
    return e.id;
  });
}

/** The citizen's current Fallakte state as pre-filled answers (Weiterbewilligung); undefined without a case. */
async function vorbelegungAusFallakte(tx: Tx, buergerId: string, heuteDatum: string): Promise<FlowDaten | undefined> {
  const bgId = (await portalRepository.antraegeVon(tx, buergerId)).find((a) => a.bgId)?.bgId;
  const bg = bgId ? await fallRepository.findBg(tx, bgId) : undefined;
  if (!bg) return undefined;
  const rows = await fallRepository.ladeDaten(tx, bg.id, { bank: true });
  const zustand = zustandAm({ bg: { id: bg.id, fallnummer: bg.fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version }, ...rows }, heuteDatum);
  return vorbelegungAusFallzustand(zustand) as FlowDaten;
}

/** A draft with its decrypted answers, if the actor may read it. */
export async function ladeEntwurf(opts: { ctx: AppContext; actor: Actor; id: string }): Promise<EntwurfAnsicht> {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf, zugriff } = await ladeEntwurfFuer(tx, actor, opts.id, 'lesen', heute(ctx.clock.now()));
    await recordAudit(tx, actor, { objectType: 'antrag_entwurf', objectId: entwurf.id, action: 'read', purpose: 'Bürgerportal: Antrag ansehen' });
    return { entwurf, daten: entschluessele(ctx, entwurf), pf: flowVon(entwurf), als: zugriff.als };
  });
}

/** The Standort for following up an unfinished draft: the Kommune whose name is the address's town, if any. */
async function standortAusOrt(tx: Tx, daten: FlowDaten): Promise<string | null> {
  const ort = (daten.anschrift as { ort?: unknown } | undefined)?.ort;
  if (typeof ort !== 'string') return null;
  const kommune = (await portalRepository.kommunen(tx)).find((k) => k.name.toLowerCase() === ort.trim().toLowerCase());
  if (!kommune) return null;
  return (await fallRepository.standortFuerKommune(tx, kommune.id))?.id ?? null;
}

async function speichere(tx: Tx, ctx: AppContext, actor: Actor, e: AntragEntwurfRow, daten: FlowDaten, patch: Partial<AntragEntwurfRow>, aktion: string) {
  const standortId = (await standortAusOrt(tx, daten)) ?? e.standortId;
  const neu = await portalRepository.updateEntwurf(tx, e.id, e.version, { datenEnc: verschluessele(ctx, daten), zuletztVon: actor.userId, standortId, updatedAt: ctx.clock.now(), ...patch });
  if (!neu) throw versionConflict();
  await recordAudit(tx, actor, { objectType: 'antrag_entwurf', objectId: e.id, action: 'update', purpose: `Bürgerportal: ${aktion}`, details: patch.aktuellerSchritt ? { schritt: patch.aktuellerSchritt } : undefined });
  return neu;
}

function nurOffen(e: AntragEntwurfRow) {
  if (e.status !== 'offen') throw new AppError('entwurf_abgeschlossen', 409, 'Dieser Antrag wurde bereits abgeschickt.');
}

export type SchrittErgebnis = { ok: true; naechster: string | undefined; daten: FlowDaten } | { ok: false; fehler: FeldFehler[]; eingabe: FormEingabe };

/** Validates the answers of one step and saves them (every step is saved on the server). */
export async function speichereSchritt(opts: { ctx: AppContext; actor: Actor; id: string; adresse: string; eingabe: FormEingabe; sprache: Sprache }): Promise<SchrittErgebnis> {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    nurOffen(entwurf);
    const pf = flowVon(entwurf);
    const daten = entschluessele(ctx, entwurf);
    let v;
    try {
      v = validiereSchritt(pf.flow, opts.adresse, opts.eingabe, { sprache: opts.sprache, daten });
    } catch (err) {
      if (err instanceof FlowKonfigurationsFehler) throw notFound('Der Schritt');
      throw err;
    }
    if (!v.ok) return { ok: false, fehler: v.fehler, eingabe: v.eingabe };
    let u;
    try {
      u = uebernehmeSchritt(pf.flow, daten, opts.adresse, v.werte, { heute: heute(ctx.clock.now()) });
    } catch (err) {
      if (err instanceof FlowKonfigurationsFehler) throw notFound('Der Schritt');
      throw err;
    }
    const antragsdatum = typeof u.daten.antragsdatum === 'string' ? u.daten.antragsdatum : entwurf.antragsdatum;
    await speichere(tx, ctx, actor, entwurf, u.daten, { aktuellerSchritt: u.naechster ?? opts.adresse, antragsdatum }, 'Schritt speichern');
    if (u.antragsdatumGesetzt) {
      await recordAudit(tx, actor, { objectType: 'antrag_entwurf', objectId: entwurf.id, action: 'update', purpose: 'Bürgerportal: Antragsdatum festhalten', details: { antragsdatum } });
    }
    return { ok: true, naechster: u.naechster, daten: u.daten };
  });
}

/** Adds an entry to a list sub-flow (child, job …) and returns the address of its first step. */
export async function fuegeEintragHinzu(opts: { ctx: AppContext; actor: Actor; id: string; liste: string }): Promise<string> {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    nurOffen(entwurf);
    const pf = flowVon(entwurf);
    const l = pf.flow.listen?.[opts.liste];
    if (!l) throw notFound('Die Liste');
    const daten = entschluessele(ctx, entwurf);
    if (eintraege(daten, opts.liste).length >= l.max) throw new AppError('liste_voll', 400, `Höchstens ${l.max} Einträge sind möglich.`);
    const r = eintragHinzufuegen(pf.flow, daten, opts.liste);
    await speichere(tx, ctx, actor, entwurf, r.daten, { aktuellerSchritt: r.adresse }, 'Eintrag hinzufügen');
    return r.adresse;
  });
}

export async function entferneEintrag(opts: { ctx: AppContext; actor: Actor; id: string; liste: string; eintragId: string }): Promise<void> {
  const { ctx, actor } = opts;
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    nurOffen(entwurf);
    const pf = flowVon(entwurf);
    if (!pf.flow.listen?.[opts.liste]) throw notFound('Die Liste');
    const daten = entschluessele(ctx, entwurf);
    await speichere(tx, ctx, actor, entwurf, eintragEntfernen(pf.flow, daten, opts.liste, opts.eintragId), {}, 'Eintrag entfernen');
  });
}

/** Discards an unfinished draft (the person no longer wants to apply). */
export async function verwirfEntwurf(opts: { ctx: AppContext; actor: Actor; id: string }): Promise<void> {
  const { ctx, actor } = opts;
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    nurOffen(entwurf);
    await speichere(tx, ctx, actor, entwurf, entschluessele(ctx, entwurf), { status: 'verworfen' }, 'Antrag verwerfen');
  });
}
