import { and, asc, eq, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften, zahlungen } from '../schema/index.ts';

/** Filter for the payments of one Zahllauf. Amounts in cents; `name` matches part of the recipient's name. */
export type ZahlungenFilter = {
  zahllaufId: string;
  /** 'alle' or the Standorte whose cases may be shown */
  standorte: 'alle' | string[];
  name?: string;
  leistungsmonat?: string;
  art?: 'laufend' | 'nachzahlung' | 'eingliederung' | 'kdu_empfaenger';
  betragVonCent?: number;
  betragBisCent?: number;
};

/** `%` and `_` typed by a person are matched literally. */
const likeMuster = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function bedingung(f: ZahlungenFilter): SQL | undefined {
  const teile: (SQL | undefined)[] = [eq(zahlungen.zahllaufId, f.zahllaufId)];
  if (f.standorte !== 'alle') teile.push(f.standorte.length ? inArray(bedarfsgemeinschaften.standortId, f.standorte) : sql`false`);
  if (f.name) teile.push(ilike(zahlungen.empfaengerName, likeMuster(f.name)));
  if (f.leistungsmonat) teile.push(eq(zahlungen.leistungsmonat, f.leistungsmonat));
  if (f.art) teile.push(eq(zahlungen.art, f.art));
  if (f.betragVonCent !== undefined) teile.push(gte(zahlungen.betragCent, f.betragVonCent));
  if (f.betragBisCent !== undefined) teile.push(lte(zahlungen.betragCent, f.betragBisCent));
  return and(...teile);
}

/** Read-only lists of the payments of a Zahllauf (the page, the CSV export). No decrypted bank data. */
export const zahlungenListeRepository = {
  /** Number and sum of the payments matching the filter. */
  async zaehle(tx: Tx, f: ZahlungenFilter) {
    const [r] = await tx
      .select({ anzahl: sql<number>`count(*)::int`, summeCent: sql<number>`coalesce(sum(${zahlungen.betragCent}), 0)::bigint` })
      .from(zahlungen)
      .innerJoin(bedarfsgemeinschaften, eq(bedarfsgemeinschaften.id, zahlungen.bgId))
      .where(bedingung(f));
    return { anzahl: r?.anzahl ?? 0, summeCent: Number(r?.summeCent ?? 0) };
  },
  /** One page of payments, ordered by recipient name, Fallnummer and month. */
  async zeilen(tx: Tx, f: ZahlungenFilter, seite: { limit: number; offset: number }) {
    return tx
      .select({
        id: zahlungen.id,
        bgId: zahlungen.bgId,
        fallnummer: bedarfsgemeinschaften.fallnummer,
        empfaengerName: zahlungen.empfaengerName,
        art: zahlungen.art,
        leistungsmonat: zahlungen.leistungsmonat,
        betragCent: zahlungen.betragCent,
        aufrechnungCent: zahlungen.aufrechnungCent,
        ibanMaskiert: zahlungen.ibanMaskiert,
        verwendungszweck: zahlungen.verwendungszweck,
      })
      .from(zahlungen)
      .innerJoin(bedarfsgemeinschaften, eq(bedarfsgemeinschaften.id, zahlungen.bgId))
      .where(bedingung(f))
      .orderBy(asc(zahlungen.empfaengerName), asc(bedarfsgemeinschaften.fallnummer), asc(zahlungen.leistungsmonat), asc(zahlungen.schluessel))
      .limit(seite.limit)
      .offset(seite.offset);
  },
  /** The distinct Leistungsmonate of a run (choices of the month filter). */
  async monate(tx: Tx, zahllaufId: string) {
    const rows = await tx.selectDistinct({ m: zahlungen.leistungsmonat }).from(zahlungen).where(eq(zahlungen.zahllaufId, zahllaufId)).orderBy(asc(zahlungen.leistungsmonat));
    return rows.map((r) => r.m);
  },
};
