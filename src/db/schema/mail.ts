import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { traeger } from './organisation.ts';

/** An attachment kept in the outbox until the mail is sent (content base64). */
export type MailAnhang = { filename: string; contentBase64: string; contentType?: string };

/**
 * Transactional mail outbox (docs/ARCHITECTURE.md, "E-Mail: Postausgang"): a mail is written in the same transaction as
 * the change it tells about, sent right after the commit, and retried by the job `mail-ausgang` while the mail server is
 * away. Recipient, subject, text and attachments are stored only encrypted (`inhalt`, AES-GCM with a key derived from
 * VORORT_SECRET): mails carry one-time links. A sent mail is deleted, and so is one that could not be sent before
 * `verfaellt_am` (its links would have expired) — the outbox is no archive of what citizens were told.
 */
export const mailAusgang = pgTable(
  'mail_ausgang',
  {
    ...tenantColumns,
    /** sealed JSON of recipient, subject, text, html and attachments (src/mail/ausgang.ts) */
    inhalt: text('inhalt').notNull(),
    /** purpose for operators (no personal data): e.g. 'registrierung', 'passwort_vergessen' */
    anlass: text('anlass').notNull(),
    versuche: integer('versuche').notNull().default(0),
    naechsterVersuch: timestamp('naechster_versuch', { withTimezone: true }).notNull().defaultNow(),
    /** after this moment the mail is no longer sent but deleted */
    verfaelltAm: timestamp('verfaellt_am', { withTimezone: true }).notNull(),
    /** machine code of the last failure (e.g. ECONNREFUSED), never the server's message text */
    fehlerCode: text('fehler_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    check('mail_ausgang_versuche_check', sql`${t.versuche} >= 0`),
    index('mail_ausgang_faellig_idx').on(t.naechsterVersuch),
  ],
);

export type MailAusgang = typeof mailAusgang.$inferSelect;
