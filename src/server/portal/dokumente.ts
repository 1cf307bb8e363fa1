/**
 * Citizens' documents (docs/buergerportal.md): checked by content (pruefeDatei), scanned by clamd, stored in the
 * database (never in the web root). Only a clean scan releases a file; a file that could not be scanned stays in
 * quarantine until `scanneQuarantaene` (periodic job) finds it clean. Rejected files keep a record (name, reason),
 * never their bytes. A file is served only to its citizen, their representatives and staff who may see the Antrag.
 */
import { createHash } from 'node:crypto';
import { portalRepository } from '../../db/repositories/portal.ts';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { recordAudit } from '../audit-trail.ts';
import { uebernehmePortalDateien } from '../fall/portal-dateien-uebernehmen.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { heute } from '../clock.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { standortSichtbar } from '../fall/zugriff.ts';
import { can } from '../policies.ts';
import { DOKUMENT_MELDUNGEN, pruefeUpload, scanne, type DokumentFehlerCode } from '../dokumente/virenscan.ts';
import { ladeEntwurfFuer, pruefeZugriff } from './zugriff.ts';

const DATEI = 'Die Datei';

export type UploadErgebnis =
  | { status: 'sauber' | 'quarantaene'; id: string }
  | { status: 'abgelehnt'; id: string; code: DokumentFehlerCode; message: string };

function sicherDateiname(name: string | undefined, endung: string | undefined): string {
  const basis = (name ?? 'dokument').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'dokument';
  if (!endung) return basis;
  return basis.toLowerCase().endsWith(`.${endung}`) ? basis : `${basis.replace(/\.[^.]*$/, '')}.${endung}`;
}

/** Upload to a draft (before submission) or, once submitted, linked to its Antrag. */
export async function ladeDokumentHoch(opts: {
  ctx: AppContext;
  actor: Actor;
  entwurfId: string;
  inhalt: Buffer;
  dateiname?: string;
  nachweis?: string;
  abgeschnitten?: boolean;
}): Promise<UploadErgebnis> {
  const { ctx, actor } = opts;
  // Check access first (no scanning of files for drafts the actor may not touch).
  const entwurf = await ctx.db.withTenant(tenantScope(actor), async (tx) => (await ladeEntwurfFuer(tx, actor, opts.entwurfId, 'handeln', heute(ctx.clock.now()))).entwurf);
  const pruefung = opts.abgeschnitten
    ? ({ ergebnis: 'abgelehnt', code: 'datei_zu_gross', message: DOKUMENT_MELDUNGEN.datei_zu_gross } as const)
    : await pruefeUpload(opts.inhalt, { socket: ctx.config.clamdSocket });
  const sha256 = createHash('sha256').update(opts.inhalt).digest('hex');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const basis = {
      traegerId: actor.traegerId,
      buergerId: entwurf.buergerId,
      entwurfId: entwurf.id,
      antragId: entwurf.antragId,
      bgId: entwurf.bgId,
      nachweis: opts.nachweis && /^[a-z_]{1,40}$/.test(opts.nachweis) ? opts.nachweis : null,
      sha256,
      hochgeladenVon: actor.userId,
    };
    let ergebnis: UploadErgebnis;
    if (pruefung.ergebnis === 'abgelehnt') {
      const row = await portalRepository.insertDatei(tx, {
        ...basis,
        dateiname: sicherDateiname(opts.dateiname, undefined),
        mime: 'application/octet-stream',
        groesse: opts.inhalt.length,
        inhalt: Buffer.alloc(0),
        status: 'abgelehnt',
        scanErgebnis: 'signatur' in pruefung && pruefung.signatur ? `${pruefung.code}: ${pruefung.signatur}` : pruefung.code,
        gescanntAm: new Date(),
      });
      ergebnis = { status: 'abgelehnt', id: row.id, code: pruefung.code, message: pruefung.message };
    } else {
      const row = await portalRepository.insertDatei(tx, {
        ...basis,
        dateiname: sicherDateiname(opts.dateiname, pruefung.endung),
        mime: pruefung.mime,
        groesse: pruefung.groesse,
        inhalt: opts.inhalt,
        status: pruefung.ergebnis === 'angenommen' ? 'sauber' : 'quarantaene',
        scanErgebnis: pruefung.ergebnis === 'angenommen' ? 'OK' : pruefung.grund,
        gescanntAm: pruefung.ergebnis === 'angenommen' ? new Date() : null,
      });
      ergebnis = { status: row.status as 'sauber' | 'quarantaene', id: row.id };
    }
    await recordAudit(tx, actor, {
      objectType: 'portal_datei',
      objectId: ergebnis.id,
      action: 'create',
      purpose: 'Bürgerportal: Nachweis hochladen',
      details: { status: ergebnis.status, ...(ergebnis.status === 'abgelehnt' ? { code: ergebnis.code } : {}) },
    });
    return ergebnis;
  });
}

export type DateiInfo = { id: string; dateiname: string; status: string; nachweis: string | null; meldung: string | null; groesse: number };

function meldungZu(status: string, scanErgebnis: string | null): string | null {
  if (status !== 'abgelehnt' || !scanErgebnis) return null;
  const code = scanErgebnis.split(':')[0] as DokumentFehlerCode;
  return DOKUMENT_MELDUNGEN[code] ?? null;
}

export async function dokumenteZumEntwurf(opts: { ctx: AppContext; actor: Actor; entwurfId: string }): Promise<DateiInfo[]> {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    await ladeEntwurfFuer(tx, actor, opts.entwurfId, 'lesen', heute(ctx.clock.now()));
    const rows = await portalRepository.dateienMeta(tx, { entwurfId: opts.entwurfId });
    return rows.map((r) => ({ id: r.id, dateiname: r.dateiname, status: r.status, nachweis: r.nachweis, meldung: meldungZu(r.status, r.scanErgebnis), groesse: r.groesse }));
  });
}

/** Files of a submitted Antrag for the caseworker (metadata only; opening goes through `oeffneDatei`). */
export async function dokumenteZumAntrag(opts: { ctx: AppContext; actor: Actor; antragId: string }) {
  const { ctx, actor } = opts;
  if (!istUuid(opts.antragId)) throw notFound('Der Antrag');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const antrag = await portalRepository.findAntrag(tx, opts.antragId);
    if (!antrag || actor.art !== 'staff' || !can(actor, 'fall.lesen') || !standortSichtbar(actor, antrag.standortId)) throw notFound('Der Antrag');
    const rows = await portalRepository.dateienMeta(tx, { antragId: antrag.id });
    await recordAudit(tx, actor, { objectType: 'antrag', objectId: antrag.id, action: 'read', purpose: 'Antrag bearbeiten: Nachweise ansehen' });
    return rows.filter((r) => r.nachrichtId === null);
  });
}

/**
 * Opens a file: only after a clean scan, and only for the citizen, a representative, or staff who may see the Antrag
 * (fall.lesen at its Standort). Everything else is 404.
 */
export async function oeffneDatei(opts: { ctx: AppContext; actor: Actor; id: string }) {
  const { ctx, actor } = opts;
  if (!istUuid(opts.id)) throw notFound(DATEI);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const d = await portalRepository.findDatei(tx, opts.id);
    if (!d) throw notFound(DATEI);
    if (actor.art === 'staff') {
      const antrag = d.antragId ? await portalRepository.findAntrag(tx, d.antragId) : undefined;
      if (!antrag || !can(actor, 'fall.lesen') || !standortSichtbar(actor, antrag.standortId)) throw notFound(DATEI);
    } else {
      try {
        await pruefeZugriff(tx, actor, d.buergerId, 'lesen', heute(ctx.clock.now()));
      } catch {
        throw notFound(DATEI);
      }
    }
    if (d.status !== 'sauber') throw new AppError('datei_nicht_freigegeben', 409, d.status === 'quarantaene' ? 'Die Datei wird noch auf Viren geprüft.' : 'Die Datei wurde abgelehnt.');
    await recordAudit(tx, actor, { objectType: 'portal_datei', objectId: d.id, action: 'read', purpose: actor.art === 'staff' ? 'Antrag bearbeiten: Nachweis öffnen' : 'Bürgerportal: Dokument öffnen' });
    return { dateiname: d.dateiname, mime: d.mime, inhalt: d.inhalt };
  });
}

/**
 * Scans every file in quarantine again (all Träger). Clean → released; infected → rejected and its bytes deleted;
 * scanner still unreachable → stays. Call from a periodic timer and from tests.
 */
export async function scanneQuarantaene(opts: { ctx: AppContext }): Promise<{ freigegeben: number; abgelehnt: number; offen: number }> {
  const { ctx } = opts;
  const traeger = await ctx.db.withSystem((tx) => directoryRepository.listTraeger(tx));
  const zaehler = { freigegeben: 0, abgelehnt: 0, offen: 0 };
  for (const t of traeger) {
    const system = { system: 'virenscan', traegerId: t.id };
    await ctx.db.withTenant({ traegerId: t.id }, async (tx) => {
      for (const d of await portalRepository.quarantaene(tx)) {
        const scan = await scanne(d.inhalt, { socket: ctx.config.clamdSocket });
        if (scan.status === 'nicht_erreichbar') {
          zaehler.offen++;
          continue;
        }
        if (scan.status === 'sauber') {
          await portalRepository.updateDatei(tx, d.id, { status: 'sauber', scanErgebnis: 'OK', gescanntAm: new Date() });
          zaehler.freigegeben++;
        } else {
          await portalRepository.updateDatei(tx, d.id, { status: 'abgelehnt', scanErgebnis: `virus_gefunden: ${scan.signatur}`, gescanntAm: new Date(), inhalt: Buffer.alloc(0) });
          zaehler.abgelehnt++;
        }
        await recordAudit(tx, system, { objectType: 'portal_datei', objectId: d.id, action: 'update', purpose: 'Virenprüfung nachholen', details: { status: scan.status } });
        // A released upload of an Antrag that already belongs to a Fallakte follows into its documents.
        const antrag = scan.status === 'sauber' && d.antragId && !d.nachrichtId ? await portalRepository.findAntrag(tx, d.antragId) : undefined;
        if (antrag?.bgId) await uebernehmePortalDateien(tx, system, { id: antrag.id, bgId: antrag.bgId });
      }
    });
  }
  return zaehler;
}
