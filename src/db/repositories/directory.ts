import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../client.ts';
import { zeileAusJson } from '../json-zeilen.ts';
import { authTokens, kommunen, oidcProvider, sessions, standorte, traeger, users, type User } from '../schema/index.ts';

/**
 * Look-ups across Träger that happen before the Träger is known (sign-in, session cookie, public pages).
 * Call these inside `db.withSystem` only.
 */
export const directoryRepository = {
  async findUserByEmail(tx: Tx, email: string): Promise<User | undefined> {
    const [row] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
    return row;
  },

  /**
   * The session of a token hash with account, Träger and the account's Standorte — in one round trip, outside a
   * transaction (SQL function `vorort_sitzung_zum_token`, migration 0022). 
   */
  async sitzungZumToken(db: Pick<Database, 'einzelAbfrage'>, tokenHash: string) {
    const [row] = await db.einzelAbfrage<{ s: { session: Record<string, unknown>; user: Record<string, unknown>; traeger: Record<string, unknown>; standorte: { id: string; name: string }[] } | null }>(
      'SELECT vorort_sitzung_zum_token($1) AS s',
      [tokenHash],
      'vorort_sitzung_zum_token',
    );
    const s = row?.s;
    if (!s) return undefined;
    return { session: zeileAusJson(sessions, s.session), user: zeileAusJson(users, s.user), traeger: zeileAusJson(traeger, s.traeger), standorte: s.standorte };
  },

  async listTraeger(tx: Tx) {
    return tx.select().from(traeger).orderBy(asc(traeger.createdAt), asc(traeger.name));
  },

  async findTraegerBySlug(tx: Tx, slug: string) {
    const [row] = await tx.select().from(traeger).where(eq(traeger.slug, slug)).limit(1);
    return row;
  },

  async findTraegerById(tx: Tx, id: string) {
    const [row] = await tx.select().from(traeger).where(eq(traeger.id, id)).limit(1);
    return row;
  },

  /** Public facts of a Träger's active Standorte for the start page (addresses and opening hours). */
  async publicStandorte(tx: Tx, traegerId: string) {
    return tx
      .select({
        id: standorte.id,
        name: standorte.name,
        strasse: standorte.strasse,
        plz: standorte.plz,
        ort: standorte.ort,
        telefon: standorte.telefon,
        email: standorte.email,
        oeffnungszeiten: standorte.oeffnungszeiten,
        kommune: kommunen.name,
      })
      .from(standorte)
      .innerJoin(kommunen, and(eq(kommunen.traegerId, standorte.traegerId), eq(kommunen.id, standorte.kommuneId)))
      .where(and(eq(standorte.traegerId, traegerId), eq(standorte.aktiv, true)))
      .orderBy(asc(standorte.name));
  },

  async activeOidcProviders(tx: Tx, traegerId: string) {
    return tx
      .select()
      .from(oidcProvider)
      .where(and(eq(oidcProvider.traegerId, traegerId), eq(oidcProvider.aktiv, true)))
      .orderBy(asc(oidcProvider.label));
  },

  async findOidcProvider(tx: Tx, id: string) {
    const [row] = await tx.select().from(oidcProvider).where(eq(oidcProvider.id, id)).limit(1);
    return row;
  },

  /** A one-time e-mail token by its hash (the Träger is not known before the link is opened). */
  async findAuthToken(tx: Tx, tokenHash: string, zweck: string) {
    const [row] = await tx
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.zweck, zweck)))
      .limit(1);
    return row;
  },

  async isEmpty(tx: Tx): Promise<boolean> {
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(traeger);
    return (row?.n ?? 0) === 0;
  },
};
