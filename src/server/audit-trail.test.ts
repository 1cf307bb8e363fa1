import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Tx } from '../db/client.ts';
import { AUDIT_OBJEKTE, recordAudit, type AuditEvent, type AuditMarke } from './audit-trail.ts';
import type { Actor } from './context.ts';

/** A transaction that only records what would be inserted. */
function aufzeichnendeTx() {
  const zeilen: Record<string, unknown>[] = [];
  const tx = { insert: () => ({ values: async (row: Record<string, unknown>) => void zeilen.push(row) }) } as unknown as Tx;
  return { tx, zeilen };
}

const actor = { userId: 'u1', traegerId: 't1', roles: ['admin'], requestId: 'r1' } as unknown as Actor;

describe('audit events: a closed union with typed details and one writer', () => {
  it('writes the typed details of the event', async () => {
    const { tx, zeilen } = aufzeichnendeTx();
    await recordAudit(tx, actor, { objectType: 'kommune', objectId: 'k1', action: 'create', purpose: 'Verwaltung: Kommune anlegen', details: { felder: ['name'] } });
    await recordAudit(tx, { system: 'terminlink', traegerId: 't1' }, { objectType: 'termin', objectId: 'x', action: 'read', purpose: 'Termin ansehen' });
    expect(zeilen).toEqual([
      { traegerId: 't1', actorUserId: 'u1', actorRole: 'admin', objectType: 'kommune', objectId: 'k1', personId: null, action: 'create', purpose: 'Verwaltung: Kommune anlegen', requestId: 'r1', details: { felder: ['name'] } },
      { traegerId: 't1', actorUserId: null, actorRole: 'system:terminlink', objectType: 'termin', objectId: 'x', personId: null, action: 'read', purpose: 'Termin ansehen', requestId: null, details: null },
    ]);
  });

  it('refuses, at compile time, an unknown object type, an action the object does not have and details of another shape', () => {
    const { tx } = aufzeichnendeTx();
    // @ts-expect-error 'kaffeemaschine' is not an audit object type
    const a: AuditEvent = { objectType: 'kaffeemaschine', action: 'read', purpose: 'x' };
    // @ts-expect-error a Kommune is never exported
    const b: AuditEvent = { objectType: 'kommune', action: 'export', purpose: 'x' };
    // @ts-expect-error details of a Kommune name fields, not a Zahlmonat
    const c: AuditEvent = { objectType: 'kommune', action: 'update', purpose: 'x', details: { zahlmonat: '2024-01' } };
    // @ts-expect-error not an audit mark
    const m: AuditMarke = 'kommune.export';
    const ok: AuditMarke[] = ['kommune.create', 'user.password_link', 'zahllauf.export'];
    expect([a, b, c, m, ok.length, typeof tx]).toHaveLength(6);
  });

  it('lists each object type with at least one action', () => {
    for (const [typ, aktionen] of Object.entries(AUDIT_OBJEKTE)) {
      expect(typ).toMatch(/^[a-z_]+$/);
      expect(aktionen.length, typ).toBeGreaterThan(0);
    }
  });

  it('has one writer: only src/server/audit-trail.ts imports the insert of audit_log', () => {
    const wurzel = join(import.meta.dirname, '..');
    const dateien: string[] = [];
    const lauf = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) lauf(p);
        else if (/\.tsx?$/.test(n) && !n.endsWith('.test.ts')) dateien.push(p);
      }
    };
    lauf(wurzel);
    const schreiber = dateien.filter((p) => /schreibeAuditZeile|insert\(\s*auditLog\s*\)/.test(readFileSync(p, 'utf8'))).map((p) => p.slice(wurzel.length + 1));
    expect(schreiber.sort()).toEqual(['db/repositories/audit.ts', 'server/audit-trail.ts']);
  });
});
