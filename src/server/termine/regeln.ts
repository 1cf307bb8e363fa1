import { terminRegelnRepository, type TerminRegelnRow } from '../../db/repositories/termin-regeln.ts';
import { REGEL_GRENZEN, STANDARD_REGELN, terminRegelnSchema, type RegelName, type TerminRegeln } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { authorize } from '../policies.ts';
import { alsRegeln } from './gemeinsam.ts';

/** What the admin page and `GET /api/admin/termin-regeln` show: the rules in force and the version to send back. */
export type TerminRegelnAnsicht = {
  regeln: TerminRegeln;
  standard: TerminRegeln;
  /** null until the Träger first saved its rules (then `STANDARD_REGELN` apply) */
  updatedAt: string | null;
  /** 0 = nothing stored yet (the first save sends 0) */
  version: number;
};

const ansicht = (row: TerminRegelnRow | undefined): TerminRegelnAnsicht => ({
  regeln: row ? alsRegeln(row) : { ...STANDARD_REGELN },
  standard: { ...STANDARD_REGELN },
  updatedAt: row ? row.updatedAt.toISOString() : null,
  version: row?.version ?? 0,
});

/** The Träger's Termine rules (admin). */
export async function ladeTerminRegeln(opts: { ctx: AppContext; actor: Actor }): Promise<TerminRegelnAnsicht> {
  authorize(opts.actor, 'einstellungen.verwalten');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => ansicht(await terminRegelnRepository.find(tx, opts.actor.traegerId)));
}

/**
 * Saves the Träger's Termine rules (admin). Every rule is checked against its limits (`terminRegelnSchema`, one German
 * message per field); `version` is the one read (0 before the first save) – a stale version → 409 version_conflict.
 * Takes effect with the next request: free times, bookings, deadlines, reminders, offers, video room and check-in.
 * Appointments already booked keep their time; their deadlines follow the new rules.
 */
export async function speichereTerminRegeln(opts: { ctx: AppContext; actor: Actor; input: Record<string, unknown> & { version: number } }): Promise<TerminRegelnAnsicht> {
  authorize(opts.actor, 'einstellungen.verwalten');
  const { version, ...werte } = opts.input;
  const geprueft = terminRegelnSchema.safeParse(werte);
  if (!geprueft.success) {
    const issues: FieldIssue[] = [];
    for (const i of geprueft.error.issues) {
      const feld = String(i.path[0] ?? '');
      if (issues.some((x) => x.path === feld)) continue;
      const bekannt = feld in REGEL_GRENZEN;
      issues.push({ path: feld, code: bekannt ? 'regel_ungueltig' : 'regel_unbekannt', message: bekannt ? i.message : `Unbekannte Regel: ${feld}.` });
    }
    throw validationFailed(issues);
  }
  const regeln = geprueft.data;
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const traegerId = opts.actor.traegerId;
    const bisher = await terminRegelnRepository.find(tx, traegerId);
    let row: TerminRegelnRow | undefined;
    if (!bisher) {
      if (version !== 0) throw versionConflict();
      row = await terminRegelnRepository.insert(tx, traegerId, regeln);
    } else {
      row = await terminRegelnRepository.update(tx, traegerId, version, regeln);
    }
    if (!row) throw versionConflict();
    const vorher = bisher ? alsRegeln(bisher) : STANDARD_REGELN;
    const geaendert = (Object.keys(REGEL_GRENZEN) as RegelName[]).filter((r) => vorher[r] !== regeln[r]);
    await recordAudit(tx, opts.actor, {
      objectType: 'termin_regeln',
      objectId: traegerId,
      action: 'update',
      purpose: 'Termin-Regeln des Trägers pflegen',
      details: { geaendert: Object.fromEntries(geaendert.map((r) => [r, { vorher: vorher[r], nachher: regeln[r] }])) },
    });
    return ansicht(row);
  });
}
