import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { VerfahrenEreignis } from '../../domain/fordern/typen.ts';
import type { Tx } from '../client.ts';
import { minderungsverfahren, standorte, terminRessourcen, termine } from '../schema/index.ts';
import { verfahrenSpalten } from './minderungsverfahren.ts';

export type AnhoerungVerfahren = Awaited<ReturnType<typeof fordernAnhoerungRepository.find>> & {};

/** The Anhörung of a Minderungsverfahren and the person's answer (src/server/fordern/anhoerung-*.ts, portal-anhoerung*.ts). */
export const fordernAnhoerungRepository = {
  async find(tx: Tx, id: string) {
    const [r] = await tx.select(verfahrenSpalten).from(minderungsverfahren).where(eq(minderungsverfahren.id, id));
    return r;
  },

  async lock(tx: Tx, id: string) {
    const [r] = await tx.select(verfahrenSpalten).from(minderungsverfahren).where(eq(minderungsverfahren.id, id)).for('update');
    return r;
  },

  async pdf(tx: Tx, id: string): Promise<Buffer | null> {
    const [r] = await tx.select({ pdf: minderungsverfahren.anhoerungPdf }).from(minderungsverfahren).where(eq(minderungsverfahren.id, id));
    return r?.pdf ?? null;
  },

  /** Optimistic update (version +1) with an entry appended to the history; undefined when the version is stale. */
  async update(tx: Tx, id: string, version: number, patch: Partial<typeof minderungsverfahren.$inferInsert>, ereignis: VerfahrenEreignis) {
    const [r] = await tx
      .update(minderungsverfahren)
      .set({
        ...patch,
        verlauf: sql`${minderungsverfahren.verlauf} || ${JSON.stringify([ereignis])}::jsonb`,
        version: sql`${minderungsverfahren.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(minderungsverfahren.id, id), eq(minderungsverfahren.version, version)))
      .returning({ id: minderungsverfahren.id, version: minderungsverfahren.version, status: minderungsverfahren.status });
    return r;
  },

  /** Procedures of these BGs whose Anhörung was sent (the citizen's list; the decided ones too, read-only). */
  async anhoerungenDerBgs(tx: Tx, bgIds: string[]) {
    if (!bgIds.length) return [];
    return tx
      .select(verfahrenSpalten)
      .from(minderungsverfahren)
      .where(and(inArray(minderungsverfahren.bgId, bgIds), isNotNull(minderungsverfahren.anhoerungAm)))
      .orderBy(desc(minderungsverfahren.anhoerungAm), asc(minderungsverfahren.id));
  },

  /** A Termin of the Träger (for a personal Anhörung): its day; undefined when unknown. */
  async terminTag(tx: Tx, terminId: string): Promise<string | undefined> {
    const [r] = await tx.select({ tag: sql<string>`to_char(${termine.beginn} at time zone 'Europe/Berlin', 'YYYY-MM-DD')` }).from(termine).where(eq(termine.id, terminId));
    return r?.tag;
  },

  /** What the Anhörungsschreiben states of the Termin of a personal Anhörung: time, channel, Standort address, desk. */
  async terminFuerBrief(tx: Tx, terminId: string) {
    const [r] = await tx
      .select({ beginn: termine.beginn, kanal: termine.kanal, standortName: standorte.name, strasse: standorte.strasse, plz: standorte.plz, ort: standorte.ort, bei: terminRessourcen.name })
      .from(termine)
      .innerJoin(standorte, and(eq(standorte.traegerId, termine.traegerId), eq(standorte.id, termine.standortId)))
      .leftJoin(terminRessourcen, and(eq(terminRessourcen.traegerId, termine.traegerId), eq(terminRessourcen.id, termine.ressourceId)))
      .where(eq(termine.id, terminId));
    return r;
  },
};
