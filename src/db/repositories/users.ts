import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { authTokens, standorte, userStandorte, users, type User } from '../schema/index.ts';

export type UserWithStandorte = User & { standortIds: string[] };

export const userRepository = {
  async findById(tx: Tx, id: string): Promise<User | undefined> {
    const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  },

  async findByIdWithStandorte(tx: Tx, id: string): Promise<UserWithStandorte | undefined> {
    const user = await userRepository.findById(tx, id);
    if (!user) return undefined;
    const rows = await tx.select({ id: userStandorte.standortId }).from(userStandorte).where(eq(userStandorte.userId, id));
    return { ...user, standortIds: rows.map((r) => r.id) };
  },

  async list(tx: Tx, filter: { art?: 'staff' | 'buerger'; query?: string; limit?: number } = {}) {
    const conditions = [];
    if (filter.art) conditions.push(eq(users.art, filter.art));
    if (filter.query) {
      const q = `%${filter.query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(users.name, q), ilike(users.email, q)));
    }
    const rows = await tx
      .select()
      .from(users)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(users.name), asc(users.email))
      .limit(filter.limit ?? 500);
    const links = rows.length
      ? await tx
          .select({ userId: userStandorte.userId, standortId: userStandorte.standortId, name: standorte.name })
          .from(userStandorte)
          .innerJoin(standorte, and(eq(standorte.traegerId, userStandorte.traegerId), eq(standorte.id, userStandorte.standortId)))
          .where(inArray(userStandorte.userId, rows.map((r) => r.id)))
      : [];
    return rows.map((u) => ({ ...u, standorte: links.filter((l) => l.userId === u.id).map((l) => ({ id: l.standortId, name: l.name })) }));
  },

  async insert(tx: Tx, row: typeof users.$inferInsert, standortIds: string[] = []): Promise<User> {
    const [created] = await tx.insert(users).values(row).returning();
    if (standortIds.length) {
      await tx.insert(userStandorte).values(standortIds.map((standortId) => ({ traegerId: created!.traegerId, userId: created!.id, standortId })));
    }
    return created!;
  },

  /** Optimistic locking: updates only when `version` is still the one read; returns undefined otherwise. */
  async update(tx: Tx, id: string, version: number, patch: Partial<typeof users.$inferInsert>): Promise<User | undefined> {
    const [row] = await tx
      .update(users)
      .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    return row;
  },

  /** Changes that are not edits of the record by a person (last sign-in, TOTP replay counter). */
  async setTechnical(
    tx: Tx,
    id: string,
    patch: Partial<Pick<typeof users.$inferInsert, 'lastLoginAt' | 'totpLastStep' | 'passwordHash' | 'emailVerifiedAt' | 'totpSecretEnc' | 'totpEnabledAt' | 'oidcIssuer' | 'oidcSubject'>>,
  ) {
    await tx.update(users).set(patch).where(eq(users.id, id));
  },

  async replaceStandorte(tx: Tx, traegerId: string, userId: string, standortIds: string[]) {
    await tx.delete(userStandorte).where(eq(userStandorte.userId, userId));
    if (standortIds.length) {
      await tx.insert(userStandorte).values(standortIds.map((standortId) => ({ traegerId, userId, standortId })));
    }
  },

  async createToken(tx: Tx, row: typeof authTokens.$inferInsert) {
    await tx.insert(authTokens).values(row);
  },

  async findToken(tx: Tx, tokenHash: string, zweck: string) {
    const [row] = await tx
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.zweck, zweck)))
      .limit(1);
    return row;
  },

  /**
   * Records an accepted TOTP time step — only when it is later than the last one, atomically, so the same code
   * cannot be used twice, not even by two parallel requests. False when the step was already used.
   */
  async advanceTotpStep(tx: Tx, id: string, step: number): Promise<boolean> {
    const rows = await tx
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
      .returning({ id: users.id });
    return rows.length === 1;
  },

  /** Case-insensitive e-mail look-up within the current Träger (RLS). */
  async findByEmail(tx: Tx, email: string): Promise<User | undefined> {
    const [row] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
    return row;
  },

  /** The account linked to an OpenID Connect identity (issuer + subject) within the current Träger. */
  async findByOidc(tx: Tx, issuer: string, subject: string): Promise<User | undefined> {
    const [row] = await tx.select().from(users).where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject))).limit(1);
    return row;
  },

  /** Marks every still open token of one purpose as used (after a reset, older links stop working). */
  async invalidateTokens(tx: Tx, userId: string, zweck: string) {
    await tx
      .update(authTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(authTokens.userId, userId), eq(authTokens.zweck, zweck), sql`${authTokens.usedAt} is null`));
  },

  /** How many tokens of one purpose were issued to the user within the last `seconds` (mail flood guard). */
  async countRecentTokens(tx: Tx, userId: string, zweck: string, seconds: number): Promise<number> {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(authTokens)
      .where(and(eq(authTokens.userId, userId), eq(authTokens.zweck, zweck), sql`${authTokens.createdAt} > now() - make_interval(secs => ${seconds})`));
    return row?.n ?? 0;
  },

  async useToken(tx: Tx, id: string): Promise<boolean> {
    const rows = await tx
      .update(authTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(authTokens.id, id), sql`${authTokens.usedAt} is null`, sql`${authTokens.expiresAt} > now()`))
      .returning({ id: authTokens.id });
    return rows.length === 1;
  },
};
