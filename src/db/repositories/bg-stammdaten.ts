import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften } from '../schema/index.ts';

export type BescheidStammdaten = {
  personen: { id: string; name: string; rolle: string }[];
  adresse: { strasse: string; hausnummer: string; zusatz: string | null; plz: string; ort: string } | null;
  bank: { iban: string } | null;
};

/** Names of the members and the address (and bank account) on `tag` of many BGs at once (Bescheide in bulk). */
export async function bescheidStammdaten(tx: Tx, bgIds: string[], tag: string, opts: { bank: boolean }): Promise<Map<string, BescheidStammdaten>> {
  const out = new Map<string, BescheidStammdaten>();
  if (bgIds.length === 0) return out;
  for (const id of bgIds) out.set(id, { personen: [], adresse: null, bank: null });
  const ids = sql`${`{${bgIds.join(',')}}`}::uuid[]`;
  const personen = await tx.execute<{ bg_id: string; person_id: string; rolle: string; vorname: string; nachname: string }>(sql`
    select distinct on (m.bg_id, m.person_id) m.bg_id, m.person_id, m.rolle, s.vorname, s.nachname
    from bg_mitgliedschaften m
    join person_stammdaten s on s.traeger_id = m.traeger_id and s.person_id = m.person_id
    where m.bg_id = any(${ids})
    order by m.bg_id, m.person_id, m.gueltig_von desc, s.gueltig_von desc`);
  for (const p of personen.rows) out.get(p.bg_id)?.personen.push({ id: p.person_id, name: `${p.vorname} ${p.nachname}`, rolle: p.rolle });
  const adressen = await tx.execute<{ bg_id: string; strasse: string; hausnummer: string; zusatz: string | null; plz: string; ort: string }>(sql`
    select distinct on (bg_id) bg_id, strasse, hausnummer, zusatz, plz, ort from bg_adressen
    where bg_id = any(${ids}) and gueltig_von <= ${tag}::date order by bg_id, gueltig_von desc`);
  for (const a of adressen.rows) {
    const e = out.get(a.bg_id);
    if (e) e.adresse = { strasse: a.strasse, hausnummer: a.hausnummer, zusatz: a.zusatz, plz: a.plz, ort: a.ort };
  }
  if (opts.bank) {
    const bank = await tx.execute<{ bg_id: string; iban: string }>(sql`
      select distinct on (bg_id) bg_id, iban from bg_bankverbindungen
      where bg_id = any(${ids}) and gueltig_von <= ${tag}::date and (gueltig_bis is null or gueltig_bis >= ${tag}::date)
      order by bg_id, gueltig_von desc`);
    for (const b of bank.rows) {
      const e = out.get(b.bg_id);
      if (e) e.bank = { iban: b.iban };
    }
  }
  return out;
}

/** The bank account in force on `tag` for many BGs. */
export async function bankverbindungenAm(tx: Tx, bgIds: string[], tag: string) {
  const out = new Map<string, { iban: string; bic: string | null; kontoinhaber: string }>();
  if (bgIds.length === 0) return out;
  const ids = sql`${`{${bgIds.join(',')}}`}::uuid[]`;
  const rows = await tx.execute<{ bg_id: string; iban: string; bic: string | null; kontoinhaber: string }>(sql`
    select distinct on (bg_id) bg_id, iban, bic, kontoinhaber from bg_bankverbindungen
    where bg_id = any(${ids}) and gueltig_von <= ${tag}::date and (gueltig_bis is null or gueltig_bis >= ${tag}::date)
    order by bg_id, gueltig_von desc`);
  for (const r of rows.rows) out.set(r.bg_id, { iban: r.iban, bic: r.bic, kontoinhaber: r.kontoinhaber });
  return out;
}

/** Fallnummer and Standort of many BGs. */
export async function bgKoepfe(tx: Tx, bgIds: string[]) {
  if (bgIds.length === 0) return new Map<string, { fallnummer: string; standortId: string }>();
  const rows = await tx
    .select({ id: bedarfsgemeinschaften.id, fallnummer: bedarfsgemeinschaften.fallnummer, standortId: bedarfsgemeinschaften.standortId })
    .from(bedarfsgemeinschaften)
    .where(inArray(bedarfsgemeinschaften.id, bgIds));
  return new Map(rows.map((r) => [r.id, { fallnummer: r.fallnummer, standortId: r.standortId }]));
}
