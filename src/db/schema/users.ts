import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps, versionColumn } from './columns.ts';
import { standorte, traeger } from './organisation.ts';

export const STAFF_ROLES = ['leistung', 'integration', 'teamleitung', 'controlling', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'buerger';

/** Staff users and citizen accounts of one Träger. Deactivated, never deleted. */
export const users = pgTable(
  'users',
  {
    ...tenantColumns,
    art: text('art').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    aktiv: boolean('aktiv').notNull().default(true),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    /** TOTP secret, encrypted with the server secret. */
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    /** Preferred language for mail and pages (citizens). */
    sprache: text('sprache').notNull().default('de'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    uniqueIndex('users_email_traeger_unique').on(t.traegerId, sql`lower(${t.email})`),
    check('users_art_check', sql`${t.art} in ('staff', 'buerger')`),
    check(
      'users_roles_check',
      sql`${t.roles} <@ array['leistung','integration','teamleitung','controlling','admin','buerger']::text[]`,
    ),
    check('users_sprache_check', sql`${t.sprache} in ('de','en','uk','ar','tr')`),
    unique('users_oidc_unique').on(t.traegerId, t.oidcIssuer, t.oidcSubject),
  ],
);

/** Which Standorte a staff user works for (limits what they see unless the role spans the Träger). */
export const userStandorte = pgTable(
  'user_standorte',
  {
    traegerId: uuid('traeger_id').notNull(),
    userId: uuid('user_id').notNull(),
    standortId: uuid('standort_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.userId, t.standortId] }),
    foreignKey({ columns: [t.traegerId, t.userId], foreignColumns: [users.traegerId, users.id] }),
    foreignKey({ columns: [t.traegerId, t.standortId], foreignColumns: [standorte.traegerId, standorte.id] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    ...tenantColumns,
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Password was right, the second factor is still missing. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
    /** The Träger requires TOTP and the user has not set it up yet: only the set-up page is allowed. */
    totpSetupRequired: boolean('totp_setup_required').notNull().default(false),
    methode: text('methode').notNull().default('passwort'),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.userId], foreignColumns: [users.traegerId, users.id] }),
    uniqueIndex('sessions_token_hash_unique').on(t.tokenHash),
    index('sessions_user_idx').on(t.traegerId, t.userId),
  ],
);

/** One-time tokens sent by e-mail (verification, password reset). Only the hash is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    ...tenantColumns,
    userId: uuid('user_id').notNull(),
    zweck: text('zweck').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.userId], foreignColumns: [users.traegerId, users.id] }),
    uniqueIndex('auth_tokens_hash_unique').on(t.tokenHash),
    check('auth_tokens_zweck_check', sql`${t.zweck} in ('email_bestaetigung', 'passwort_zuruecksetzen')`),
  ],
);

/**
 * Failed sign-in attempts per account and per address (keys are hashed, no personal data in clear).
 * Operational data without a Träger: the account is not known before sign-in succeeds.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
