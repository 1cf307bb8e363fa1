import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { antraege, antragEntwuerfe, kommunen, bevollmaechtigungen, portalDateien, postfachNachrichten, standorte, users, zustellungswuensche } from '../schema/index.ts';

/** Queries of the Bürgerportal (drafts, files, Postfach, delivery choice, Bevollmächtigungen). RLS limits every one to the Träger. */
export const portalRepository = {
  // ---- drafts ----------------------------------------------------------------------------------------------------
  async insertEntwurf(tx: Tx, row: typeof antragEntwuerfe.$inferInsert) {
    const [r] = await tx.insert(antragEntwuerfe).values(row).returning();
    return r!;
  },
  async findEntwurf(tx: Tx, id: string) {
    const [r] = await tx.select().from(antragEntwuerfe).where(eq(antragEntwuerfe.id, id));
    return r;
  },
  /** Locks the draft row until the end of the transaction (submission: exactly one Antrag). */
  async lockEntwurf(tx: Tx, id: string) {
    const [r] = await tx.select().from(antragEntwuerfe).where(eq(antragEntwuerfe.id, id)).for('update');
    return r;
  },
  async listEntwuerfe(tx: Tx, buergerId: string) {
    return tx.select().from(antragEntwuerfe).where(eq(antragEntwuerfe.buergerId, buergerId)).orderBy(desc(antragEntwuerfe.updatedAt));
  },
  async updateEntwurf(tx: Tx, id: string, version: number, patch: Partial<typeof antragEntwuerfe.$inferInsert>) {
    const [r] = await tx
      .update(antragEntwuerfe)
      // "last touched" drives the reminder job: the use case passes the business clock's instant (src/server/clock.ts)
      .set({ updatedAt: new Date(), ...patch, version: sql`${antragEntwuerfe.version} + 1` })
      .where(and(eq(antragEntwuerfe.id, id), eq(antragEntwuerfe.version, version)))
      .returning();
    return r;
  },
  /** Unfinished drafts not touched since `vor` and not yet reminded (reminder job). */
  async entwuerfeZurErinnerung(tx: Tx, vor: Date) {
    return tx
      .select({ id: antragEntwuerfe.id, buergerId: antragEntwuerfe.buergerId, flowId: antragEntwuerfe.flowId, email: users.email, name: users.name, sprache: users.sprache })
      .from(antragEntwuerfe)
      .innerJoin(users, and(eq(users.traegerId, antragEntwuerfe.traegerId), eq(users.id, antragEntwuerfe.buergerId)))
      .where(and(eq(antragEntwuerfe.status, 'offen'), lt(antragEntwuerfe.updatedAt, vor), isNull(antragEntwuerfe.erinnerungGesendetAm), eq(users.aktiv, true)));
  },
  /** Marks a draft as reminded; false if another run did so already (the reminder goes out once). */
  async markiereErinnert(tx: Tx, id: string): Promise<boolean> {
    const r = await tx
      .update(antragEntwuerfe)
      .set({ erinnerungGesendetAm: new Date() })
      .where(and(eq(antragEntwuerfe.id, id), isNull(antragEntwuerfe.erinnerungGesendetAm)))
      .returning({ id: antragEntwuerfe.id });
    return r.length > 0;
  },
  /** Unfinished applications for staff follow-up; `standorte` 'alle' or the visible ones (drafts without Standort only for 'alle'). */
  async offeneEntwuerfe(tx: Tx, sichtbar: 'alle' | string[]) {
    const cond =
      sichtbar === 'alle' ? undefined : sichtbar.length === 0 ? sql`false` : inArray(antragEntwuerfe.standortId, sichtbar);
    return tx
      .select({
        id: antragEntwuerfe.id,
        flowId: antragEntwuerfe.flowId,
        antragsdatum: antragEntwuerfe.antragsdatum,
        aktuellerSchritt: antragEntwuerfe.aktuellerSchritt,
        updatedAt: antragEntwuerfe.updatedAt,
        erinnerungGesendetAm: antragEntwuerfe.erinnerungGesendetAm,
        buergerName: users.name,
        buergerEmail: users.email,
        standortName: standorte.name,
      })
      .from(antragEntwuerfe)
      .innerJoin(users, and(eq(users.traegerId, antragEntwuerfe.traegerId), eq(users.id, antragEntwuerfe.buergerId)))
      .leftJoin(standorte, and(eq(standorte.traegerId, antragEntwuerfe.traegerId), eq(standorte.id, antragEntwuerfe.standortId)))
      .where(and(eq(antragEntwuerfe.status, 'offen'), cond))
      .orderBy(antragEntwuerfe.antragsdatum, antragEntwuerfe.updatedAt)
      .limit(200);
  },

  /** Open online Anträge of the visible Standorte with the citizen's uploaded files (staff: Online-Eingang). */
  async onlineAntraege(tx: Tx, sichtbar: 'alle' | string[]) {
    const cond = sichtbar === 'alle' ? undefined : sichtbar.length === 0 ? sql`false` : inArray(antraege.standortId, sichtbar);
    return tx
      .select({
        id: antraege.id,
        art: antraege.art,
        antragsdatum: antraege.antragsdatum,
        status: antraege.status,
        bgId: antraege.bgId,
        buergerName: users.name,
        standortName: standorte.name,
      })
      .from(antraege)
      .leftJoin(users, and(eq(users.traegerId, antraege.traegerId), eq(users.id, antraege.eingereichtVon)))
      .innerJoin(standorte, and(eq(standorte.traegerId, antraege.traegerId), eq(standorte.id, antraege.standortId)))
      .where(and(eq(antraege.eingangskanal, 'online'), inArray(antraege.status, ['eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen']), cond))
      .orderBy(antraege.antragsdatum)
      .limit(200);
  },
  async dateienZuAntraegen(tx: Tx, antragIds: string[]) {
    if (antragIds.length === 0) return [];
    return tx
      .select({ id: portalDateien.id, antragId: portalDateien.antragId, dateiname: portalDateien.dateiname, status: portalDateien.status, nachweis: portalDateien.nachweis, scanErgebnis: portalDateien.scanErgebnis })
      .from(portalDateien)
      .where(and(inArray(portalDateien.antragId, antragIds), isNull(portalDateien.nachrichtId)))
      .orderBy(portalDateien.createdAt);
  },

  // ---- Anträge of a citizen (status) -----------------------------------------------------------------------------
  async antraegeVon(tx: Tx, buergerId: string) {
    return tx
      .select({ id: antraege.id, art: antraege.art, antragsdatum: antraege.antragsdatum, status: antraege.status, createdAt: antraege.createdAt, bgId: antraege.bgId })
      .from(antraege)
      .where(eq(antraege.eingereichtVon, buergerId))
      .orderBy(desc(antraege.createdAt));
  },
  /** The citizen account that sent the latest online Antrag of a case. */
  async buergerZurBg(tx: Tx, bgId: string): Promise<string | undefined> {
    const [r] = await tx
      .select({ id: antraege.eingereichtVon })
      .from(antraege)
      .where(and(eq(antraege.bgId, bgId), sql`${antraege.eingereichtVon} is not null`))
      .orderBy(desc(antraege.createdAt))
      .limit(1);
    return r?.id ?? undefined;
  },
  async findAntrag(tx: Tx, id: string) {
    const [r] = await tx.select().from(antraege).where(eq(antraege.id, id));
    return r;
  },

  // ---- files -----------------------------------------------------------------------------------------------------
  async insertDatei(tx: Tx, row: typeof portalDateien.$inferInsert) {
    const [r] = await tx.insert(portalDateien).values(row).returning({ id: portalDateien.id, status: portalDateien.status });
    return r!;
  },
  async findDatei(tx: Tx, id: string) {
    const [r] = await tx.select().from(portalDateien).where(eq(portalDateien.id, id));
    return r;
  },
  async dateienMeta(tx: Tx, where: { entwurfId?: string; antragId?: string; nachrichtId?: string; buergerId?: string }) {
    const conds = [
      where.entwurfId ? eq(portalDateien.entwurfId, where.entwurfId) : undefined,
      where.antragId ? eq(portalDateien.antragId, where.antragId) : undefined,
      where.nachrichtId ? eq(portalDateien.nachrichtId, where.nachrichtId) : undefined,
      where.buergerId ? eq(portalDateien.buergerId, where.buergerId) : undefined,
    ].filter(Boolean);
    return tx
      .select({
        id: portalDateien.id,
        dateiname: portalDateien.dateiname,
        mime: portalDateien.mime,
        groesse: portalDateien.groesse,
        status: portalDateien.status,
        scanErgebnis: portalDateien.scanErgebnis,
        nachweis: portalDateien.nachweis,
        entwurfId: portalDateien.entwurfId,
        antragId: portalDateien.antragId,
        nachrichtId: portalDateien.nachrichtId,
        fallDokumentId: portalDateien.fallDokumentId,
        createdAt: portalDateien.createdAt,
      })
      .from(portalDateien)
      .where(and(...conds))
      .orderBy(portalDateien.createdAt);
  },
  async quarantaene(tx: Tx, limit = 50) {
    return tx.select().from(portalDateien).where(eq(portalDateien.status, 'quarantaene')).orderBy(portalDateien.createdAt).limit(limit);
  },
  async updateDatei(tx: Tx, id: string, patch: Partial<typeof portalDateien.$inferInsert>) {
    await tx.update(portalDateien).set(patch).where(eq(portalDateien.id, id));
  },
  /** A submitted Antrag's own uploads (not message attachments) not yet copied into the Fallakte, with their bytes. */
  async dateienFuerFallakte(tx: Tx, antragId: string) {
    return tx
      .select()
      .from(portalDateien)
      .where(and(eq(portalDateien.antragId, antragId), isNull(portalDateien.nachrichtId), isNull(portalDateien.fallDokumentId), inArray(portalDateien.status, ['sauber', 'quarantaene'])))
      .orderBy(portalDateien.createdAt);
  },
  /** Files of the Antrag of a Fallakte still waiting for the virus scan (shown as pending in the Fallakte). */
  async ausstehendeDateienDerBg(tx: Tx, bgId: string) {
    return tx
      .select({ id: portalDateien.id, dateiname: portalDateien.dateiname, nachweis: portalDateien.nachweis, antragId: portalDateien.antragId, createdAt: portalDateien.createdAt })
      .from(portalDateien)
      .innerJoin(antraege, and(eq(antraege.traegerId, portalDateien.traegerId), eq(antraege.id, portalDateien.antragId)))
      .where(and(eq(antraege.bgId, bgId), isNull(portalDateien.nachrichtId), eq(portalDateien.status, 'quarantaene')))
      .orderBy(portalDateien.createdAt);
  },
  async verknuepfeDateien(tx: Tx, entwurfId: string, patch: { antragId: string; bgId?: string | null }) {
    await tx.update(portalDateien).set(patch).where(eq(portalDateien.entwurfId, entwurfId));
  },

  // ---- Postfach --------------------------------------------------------------------------------------------------
  async insertNachricht(tx: Tx, row: typeof postfachNachrichten.$inferInsert) {
    const [r] = await tx.insert(postfachNachrichten).values(row).returning();
    return r!;
  },
  async nachrichten(tx: Tx, where: { buergerId?: string; bgId?: string }) {
    const cond = where.buergerId ? eq(postfachNachrichten.buergerId, where.buergerId) : eq(postfachNachrichten.bgId, where.bgId!);
    return tx.select().from(postfachNachrichten).where(cond).orderBy(desc(postfachNachrichten.createdAt)).limit(200);
  },
  async findNachricht(tx: Tx, id: string) {
    const [r] = await tx.select().from(postfachNachrichten).where(eq(postfachNachrichten.id, id));
    return r;
  },
  async markiereGelesen(tx: Tx, id: string) {
    await tx.update(postfachNachrichten).set({ gelesenAm: new Date() }).where(and(eq(postfachNachrichten.id, id), isNull(postfachNachrichten.gelesenAm)));
  },

  // ---- delivery choice -------------------------------------------------------------------------------------------
  async zustellung(tx: Tx, buergerId: string) {
    const [r] = await tx.select().from(zustellungswuensche).where(eq(zustellungswuensche.buergerId, buergerId));
    return r;
  },
  async setzeZustellung(tx: Tx, row: { traegerId: string; buergerId: string; online: boolean; geaendertVon: string }) {
    await tx
      .insert(zustellungswuensche)
      .values({ ...row, geaendertAm: new Date() })
      .onConflictDoUpdate({ target: [zustellungswuensche.traegerId, zustellungswuensche.buergerId], set: { online: row.online, geaendertVon: row.geaendertVon, geaendertAm: new Date() } });
  },

  // ---- Bevollmächtigungen ----------------------------------------------------------------------------------------
  async insertVollmacht(tx: Tx, row: typeof bevollmaechtigungen.$inferInsert) {
    const [r] = await tx.insert(bevollmaechtigungen).values(row).returning();
    return r!;
  },
  async vollmachtenVon(tx: Tx, vollmachtgeberId: string) {
    return tx
      .select({ v: bevollmaechtigungen, name: users.name, email: users.email })
      .from(bevollmaechtigungen)
      .innerJoin(users, and(eq(users.traegerId, bevollmaechtigungen.traegerId), eq(users.id, bevollmaechtigungen.bevollmaechtigterId)))
      .where(eq(bevollmaechtigungen.vollmachtgeberId, vollmachtgeberId))
      .orderBy(desc(bevollmaechtigungen.createdAt));
  },
  /** Valid authorisations the user holds (not revoked, not expired on `heute`). */
  async vollmachtenFuer(tx: Tx, bevollmaechtigterId: string, heute: string) {
    return tx
      .select({ v: bevollmaechtigungen, name: users.name })
      .from(bevollmaechtigungen)
      .innerJoin(users, and(eq(users.traegerId, bevollmaechtigungen.traegerId), eq(users.id, bevollmaechtigungen.vollmachtgeberId)))
      .where(
        and(
          eq(bevollmaechtigungen.bevollmaechtigterId, bevollmaechtigterId),
          isNull(bevollmaechtigungen.widerrufenAm),
          or(isNull(bevollmaechtigungen.gueltigBis), gt(sql`${bevollmaechtigungen.gueltigBis} + 1`, sql`${heute}::date`)),
        ),
      );
  },
  async findVollmacht(tx: Tx, id: string) {
    const [r] = await tx.select().from(bevollmaechtigungen).where(eq(bevollmaechtigungen.id, id));
    return r;
  },
  async widerrufeVollmacht(tx: Tx, id: string) {
    await tx.update(bevollmaechtigungen).set({ widerrufenAm: new Date() }).where(and(eq(bevollmaechtigungen.id, id), isNull(bevollmaechtigungen.widerrufenAm)));
  },
  async findBuergerByEmail(tx: Tx, email: string) {
    const [r] = await tx
      .select({ id: users.id, name: users.name, art: users.art, aktiv: users.aktiv })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`);
    return r;
  },
  async kommunen(tx: Tx) {
    return tx.select({ id: kommunen.id, name: kommunen.name, postleitzahlen: kommunen.postleitzahlen }).from(kommunen).where(eq(kommunen.aktiv, true)).orderBy(kommunen.name);
  },
  async setzeEingereichtVon(tx: Tx, antragId: string, buergerId: string) {
    await tx.update(antraege).set({ eingereichtVon: buergerId }).where(eq(antraege.id, antragId));
  },
  /** The language of a citizen account (mails); true if it changed. */
  async setzeSprache(tx: Tx, id: string, sprache: string): Promise<boolean> {
    const r = await tx.update(users).set({ sprache }).where(and(eq(users.id, id), eq(users.art, 'buerger'), sql`${users.sprache} <> ${sprache}`)).returning({ id: users.id });
    return r.length > 0;
  },
  async findUser(tx: Tx, id: string) {
    const [r] = await tx.select({ id: users.id, name: users.name, email: users.email, sprache: users.sprache }).from(users).where(eq(users.id, id));
    return r;
  },
};
