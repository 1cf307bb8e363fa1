import { sql } from 'drizzle-orm';
import { mailAusZeile } from '../../src/mail/ausgang.ts';
import type { OutgoingMail } from '../../src/mail/mailer.ts';
import type { TestApp } from './app.ts';

export type AusgangsZeile = { id: string; anlass: string; versuche: number; fehlerCode: string | null; inhalt: string; mail: OutgoingMail };

/** The outbox rows addressed to `empfaenger` (decrypted with the app's secret: the table holds only ciphertext). */
export async function ausgangFuer(t: TestApp, empfaenger: string): Promise<AusgangsZeile[]> {
  const rows = await t.ctx.db.withSystem((tx) =>
    tx.execute<{ id: string; anlass: string; versuche: number; fehler_code: string | null; inhalt: string }>(sql`select id, anlass, versuche, fehler_code, inhalt from mail_ausgang`),
  );
  return rows.rows
    .map((r) => ({ id: r.id, anlass: r.anlass, versuche: r.versuche, fehlerCode: r.fehler_code, inhalt: r.inhalt, mail: mailAusZeile(t.ctx.config.secret, r.inhalt) }))
    .filter((r) => r.mail.to === empfaenger);
}

/** Makes outbox rows due now (as if their back-off had passed). */
export async function sofortFaellig(t: TestApp, ids: string[]): Promise<void> {
  for (const id of ids) await t.ctx.db.withSystem((tx) => tx.execute(sql`update mail_ausgang set naechster_versuch = now() where id = ${id}`));
}
