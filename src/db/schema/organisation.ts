import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps, versionColumn } from './columns.ts';

/** Träger: a Kreis or kreisfreie Stadt running the Jobcenter (the tenant). */
export const traeger = pgTable(
  'traeger',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    art: text('art').notNull(),
    /** Name of the Jobcenter as shown to citizens, e.g. "Jobcenter Kreis Musterland". */
    jobcenterName: text('jobcenter_name').notNull(),
    anschrift: text('anschrift').notNull().default(''),
    /** Staff must use a second factor (TOTP) to sign in. */
    totpPflicht: boolean('totp_pflicht').notNull().default(false),
    ...timestamps,
  },
  (t) => [check('traeger_art_check', sql`${t.art} in ('kreis', 'kreisfreie_stadt')`)],
);

/** Kommune: a kreisangehörige Gemeinde or Stadt (or the kreisfreie Stadt itself). */
export const kommunen = pgTable(
  'kommunen',
  {
    ...tenantColumns,
    name: text('name').notNull(),
    /** Amtlicher Gemeindeschlüssel (8 digits). */
    ags: text('ags'),
    /** Postleitzahlen of the Kommune: the portal derives the Kommune of an address from its PLZ (asks when ambiguous). */
    postleitzahlen: text('postleitzahlen').array().notNull().default(sql`'{}'::text[]`),
    aktiv: boolean('aktiv').notNull().default(true),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('kommunen_name_unique').on(t.traegerId, t.name),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    check('kommunen_ags_check', sql`${t.ags} is null or ${t.ags} ~ '^[0-9]{8}$'`),
    check('kommunen_postleitzahlen_check', sql`array_to_string(${t.postleitzahlen}, ',') ~ '^([0-9]{5}(,[0-9]{5})*)?$'`),
  ],
);

/** Standort: a local office of the Jobcenter, located in one Kommune. */
export const standorte = pgTable(
  'standorte',
  {
    ...tenantColumns,
    kommuneId: uuid('kommune_id').notNull(),
    name: text('name').notNull(),
    strasse: text('strasse').notNull(),
    plz: text('plz').notNull(),
    ort: text('ort').notNull(),
    telefon: text('telefon'),
    email: text('email'),
    /** Opening hours as lines of text, e.g. "Mo–Fr 8:00–12:00". */
    oeffnungszeiten: text('oeffnungszeiten').notNull().default(''),
    aktiv: boolean('aktiv').notNull().default(true),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('standorte_name_unique').on(t.traegerId, t.name),
    foreignKey({ columns: [t.traegerId, t.kommuneId], foreignColumns: [kommunen.traegerId, kommunen.id] }),
    check('standorte_plz_check', sql`${t.plz} ~ '^[0-9]{5}$'`),
  ],
);

export const oidcProvider = pgTable(
  'oidc_provider',
  {
    ...tenantColumns,
    /** Button text on the sign-in page, e.g. "Kreisverwaltung (Keycloak)". */
    label: text('label').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** Encrypted with the server secret (AES-256-GCM). */
    clientSecretEnc: text('client_secret_enc').notNull(),
    aktiv: boolean('aktiv').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
  ],
);

export type Traeger = typeof traeger.$inferSelect;
export type Kommune = typeof kommunen.$inferSelect;
export type Standort = typeof standorte.$inferSelect;
export type OidcProvider = typeof oidcProvider.$inferSelect;
