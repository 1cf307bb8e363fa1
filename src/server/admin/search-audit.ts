import type { Tx } from '../../db/client.ts';
import { auditRepository } from '../../db/repositories/audit.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { isUuid } from './common.ts';
import { auditQuerySchema } from './schemas.ts';

export type PersonRef = { id: string; name: string | null; email: string | null };

export const AUDIT_PAGE_DEFAULT = 50;

type Resolved = { ref: PersonRef } | { issue: FieldIssue; kandidaten?: PersonRef[] };

/**
 * Turns what was typed into a filter field into an id: an id as it is (it may also name a person who is
 * not a user account), an exact e-mail address, or a unique part of a name or e-mail address.
 */
async function resolvePerson(tx: Tx, value: string, field: 'person' | 'actor'): Promise<Resolved> {
  if (isUuid(value)) {
    const user = await userRepository.findById(tx, value);
    return { ref: { id: value.toLowerCase(), name: user?.name ?? null, email: user?.email ?? null } };
  }
  const exact = await userRepository.findByEmail(tx, value);
  if (exact) return { ref: { id: exact.id, name: exact.name, email: exact.email } };
  const matches = await userRepository.list(tx, { query: value, limit: 11 });
  if (matches.length === 1) return { ref: { id: matches[0]!.id, name: matches[0]!.name, email: matches[0]!.email } };
  if (matches.length === 0) {
    return { issue: { path: field, code: 'not_found', message: 'Zu dieser Angabe gibt es kein Konto. Bitte prüfen Sie Name, E-Mail-Adresse oder ID.' } };
  }
  return {
    issue: {
      path: field,
      code: 'ambiguous',
      message: `Mehrere Konten passen (${matches.length > 10 ? 'mehr als 10' : matches.length}). Bitte geben Sie die E-Mail-Adresse an oder wählen Sie ein Konto aus.`,
    },
    kandidaten: matches.slice(0, 10).map((m) => ({ id: m.id, name: m.name, email: m.email })),
  };
}

/**
 * Searches the audit trail of the actor's Träger by person (data subject), actor and period (calendar days
 * in Europe/Berlin, both inclusive), newest first. The search itself is recorded — after reading, so it does
 * not appear in its own result.
 */
export const protokollDurchsuchen = defineUseCase({
  name: 'verwaltung.protokoll-durchsuchen',
  zugang: 'protokoll.durchsuchen',
  input: auditQuerySchema,
  audit: ['audit_log.search'],
  run: async ({ ctx, actor, input: query }) => {
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
  const offset = query.offset ?? 0;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const issues: FieldIssue[] = [];
    const kandidaten: Record<string, PersonRef[]> = {};
    let person: PersonRef | null = null;
    let handelnd: PersonRef | null = null;
    if (query.person) {
      const r = await resolvePerson(tx, query.person, 'person');
      if ('ref' in r) person = r.ref;
      else {
        issues.push(r.issue);
        if (r.kandidaten) kandidaten.person = r.kandidaten;
      }
    }
    if (query.actor) {
      const r = await resolvePerson(tx, query.actor, 'actor');
      if ('ref' in r) handelnd = r.ref;
      else {
        issues.push(r.issue);
        if (r.kandidaten) kandidaten.actor = r.kandidaten;
      }
    }
    if (query.von && query.bis && query.von > query.bis) {
      issues.push({ path: 'bis', code: 'before_start', message: 'Das Ende des Zeitraums liegt vor seinem Beginn.' });
    }
    if (issues.length) {
      throw new AppError('validation_failed', 400, 'Bitte prüfen Sie die Suchangaben.', issues, Object.keys(kandidaten).length ? { kandidaten } : {});
    }
    const rows = await auditRepository.search(tx, {
      personId: person?.id,
      actorUserId: handelnd?.id,
      vonTag: query.von,
      bisTag: query.bis,
      limit: limit + 1,
      offset,
    });
    const eintraege = rows.slice(0, limit);
    await recordAudit(tx, actor, {
      objectType: 'audit_log',
      personId: person?.id ?? null,
      action: 'search',
      purpose: 'Datenschutzkontrolle: Zugriffsprotokoll durchsuchen',
      details: {
        filter: { person: person?.id ?? null, actor: handelnd?.id ?? null, von: query.von ?? null, bis: query.bis ?? null, offset },
        anzahl: eintraege.length,
      },
    });
    return { eintraege, weitere: rows.length > limit, person, actor: handelnd };
  });
  },
});
