/**
 * Benchmark: Statistik und Steuerung (issue #15, docs/statistik.md "Demo-Daten und Benchmark").
 *
 *   npm run bench:statistik [-- personen]      (or BENCH_PERSONEN; default 1,000,000; BENCH_TRAEGER default 10;
 *                                              BENCH_PARALLEL: Träger built at a time, default PARALLELE_TRAEGER)
 *   DATABASE_URL=… uses that server (a fresh database is created and dropped); otherwise an embedded PostgreSQL in a
 *   temporary directory.
 *
 * Setup (not timed): Träger 1 is the demo Träger "musterland" (accounts from the demo seed), the others are added by
 * SQL; each gets personen/TRAEGER synthetic persons in BGs of two (≈ 73 % eLb), written with bulk SQL
 * (generate_series) into the Fallakte tables (BG, persons, Stammdaten, Mitgliedschaften, Merkmale, Adressen),
 * a bewilligte Bewilligung with the Berichtsmonat's amounts, Arbeitsmarktstatus and the month's job starts; and the
 * 35 earlier months as built snapshots (statistik_personen with elb/lzb/ereignisse, statistik_snapshots endgültig and
 * the Grunddaten gd.* / Leistungssummen in statistik_werte, aggregated from those rows by SQL).
 * Timed:
 *   snapshotSeconds   – the snapshot of the 36th month for every Träger (the real builder, PARALLELE_TRAEGER Träger at a
 *                       time as in the nightly job)
 *   kennzahlenSeconds – the use case 'statistik.kennzahlen' for every Träger (Ebene Träger: the engine on the stored
 *                       Grunddaten of 25 months, with its series and the Kommune/Standort comparison)
 *   duckdbSeconds     – DuckDB computing the K2 and K3 counts of every Träger from the person-month rows
 *                       (exported from PostgreSQL into DuckDB before; the export is not timed)
 *   berichtP95Ms      – GET /api/statistik/monatsbericht of Träger 1, 200 requests over HTTP (p95)
 * The K2 (Integrationen of 12 months, average eLb of the 12 months before) and K3 (LZB now and 12 months ago) counts
 * of DuckDB must equal the engine's Zähler/Nenner. The last line of output is one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/config/config.ts';
import { createDatabase } from '../src/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedDemoData } from '../src/db/seed/demo.ts';
import { clockStartingAt } from '../src/server/clock.ts';
import type { Actor, AppContext } from '../src/server/context.ts';
import { hashPassword } from '../src/server/security/passwords.ts';
import { baueMonatFuerTraeger, PARALLELE_TRAEGER } from '../src/server/statistik/snapshot-bauen.ts';
import { statistikKennzahlen } from '../src/server/statistik/kennzahlen.ts';

const N = Number(process.argv[2] ?? process.env.BENCH_PERSONEN ?? 1_000_000);
const T = Number(process.env.BENCH_TRAEGER ?? 10);
const HEUTE = '2026-12-07';
const MONAT = '2026-11';
const MONATE = 36;
const ANFRAGEN = 200;
const log = (s: string) => console.log(s);

const monatPlus = (m: string, n: number) => {
  const [j, mm] = m.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(j, mm - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
/** deterministic uuid of a synthetic row (SQL expression) */
const uuid = (t: number, art: string, x: string) => `md5('${t}-${art}-' || ${x})::uuid`;
const r2 = (x: number) => Math.round(x * 1000) / 1000;
const MONATSLISTE = Array.from({ length: MONATE }, (_, i) => monatPlus(MONAT, i - MONATE + 1));

let embedded: EmbeddedDatabase | null = null;
let dataDir: string | null = null;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  dataDir = mkdtempSync(path.join(tmpdir(), 'vorort-bench-statistik-'));
  embedded = await startEmbeddedPostgres({ dataDir, ausweichen: false });
  serverUrl = embedded.connectionString;
}
const dbName = `vorort_bench_statistik_${randomBytes(4).toString('hex')}`;
const admin = new Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const u = new URL(serverUrl);
u.pathname = `/${dbName}`;
const url = u.toString();
const db = createDatabase(url, { statementTimeoutMs: 0, max: 4 });
const aufraeumen = async () => {
  await db.close().catch(() => {});
  // BENCH_BEHALTEN=1 with DATABASE_URL: the database stays for a look at the plans (its name is logged)
  if (process.env.BENCH_BEHALTEN === '1' && !embedded) console.log(`Datenbank behalten: ${dbName}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end().catch(() => {});
  if (embedded) await embedded.stop().catch(() => {});
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
};

try {
  await runMigrations(url);
  await seedDemoData(db, hashPassword, { beispielfaelle: false, heute: HEUTE });
  const roh = (q: string) => db.withSystem((tx) => tx.execute(sql.raw(q)), { statementTimeoutMs: 0 });
  const eins = async <R>(q: string) => (await db.withSystem((tx) => tx.execute(sql.raw(q)))).rows[0] as R;

  // ------------------------------------------------------------------------------------------ setup (not timed)
  const t0 = performance.now();
  const muster = await eins<{ id: string; k: string; s: string; u: string }>(
    `select t.id, k.id as k, s.id as s, (select id from users where traeger_id = t.id and 'integration' = any(roles) limit 1) as u
     from traeger t join kommunen k on k.traeger_id = t.id join standorte s on s.kommune_id = k.id where t.slug = 'musterland' order by k.ags limit 1`,
  );
  const traeger: { id: string; kommune: string; standort: string; user: string }[] = [{ id: muster.id, kommune: muster.k, standort: muster.s, user: muster.u }];
  for (let i = 2; i <= T; i++) {
    const t = await eins<{ id: string }>(`insert into traeger (slug, name, art, jobcenter_name, anschrift) values ('bench-${i}', 'Bench-Kreis ${i}', 'kreis', 'Jobcenter Bench ${i}', 'Benchweg ${i}') returning id`);
    const k = await eins<{ id: string }>(`insert into kommunen (traeger_id, name, ags, postleitzahlen) values ('${t.id}', 'Bench-Stadt ${i}', '0988${String(i).padStart(4, '0')}', '{"1${String(i).padStart(4, '0')}"}') returning id`);
    const s = await eins<{ id: string }>(`insert into standorte (traeger_id, kommune_id, name, strasse, plz, ort) values ('${t.id}', '${k.id}', 'Jobcenter Bench ${i}', 'Benchweg 1', '1${String(i).padStart(4, '0')}', 'Bench') returning id`);
    const us = await eins<{ id: string }>(`insert into users (traeger_id, art, email, name, roles) values ('${t.id}', 'staff', 'bench${i}@bench.example', 'Bench ${i}', '{integration}') returning id`);
    traeger.push({ id: t.id, kommune: k.id, standort: s.id, user: us.id });
  }
  const P = Math.floor(N / T / 2) * 2;
  const B = P / 2;
  // month index of BG b: start s(b) (70 % since the first month), end e(b) (a third ends within the 36 months)
  const start = (b: string) => `(case when (${b} * 7) % 10 < 7 then 0 else (${b} * 7919) % ${MONATE} end)`;
  const ende = (b: string) => `(case when (${b}::int8 * 104729) % 3 = 0 then ${start(b)} + 6 + (${b} * 31) % 40 else 999 end)`;
  const monatVon = (i: string) => `to_char(date '${MONATSLISTE[0]}-01' + make_interval(months => ${i}), 'YYYY-MM')`;
  const ersterTag = (i: string) => `(date '${MONATSLISTE[0]}-01' + make_interval(months => ${i}))::date`;
  const letzterTag = (i: string) => `((date '${MONATSLISTE[0]}-01' + make_interval(months => ${i} + 1))::date - 1)`;
  // statistik_personen is loaded without its indexes (created once after all Träger: a sort instead of random inserts)
  await roh(`alter table statistik_personen drop constraint statistik_personen_traeger_id_monat_person_id_pk`);
  await roh(`drop index statistik_personen_bg_idx, statistik_personen_elb_idx`);
  for (const [ti, tr] of traeger.entries()) {
    const bg = `generate_series(1, ${B}) b`;
    const pers = `generate_series(1, ${P}) g`;
    const kind = `(g % 2 = 0 and ((g / 2) % 100) < 54)`;
    await roh(`insert into bedarfsgemeinschaften (traeger_id, id, fallnummer, standort_id, status) select '${tr.id}', ${uuid(ti, 'bg', 'b')}, 'B-' || b, '${tr.standort}', 'aktiv' from ${bg}`);
    await roh(`insert into personen (traeger_id, id) select '${tr.id}', ${uuid(ti, 'p', 'g')} from ${pers}`);
    await roh(`insert into person_stammdaten (traeger_id, person_id, gueltig_von, vorname, nachname, geburtsdatum, geschlecht, staatsangehoerigkeit)
      select '${tr.id}', ${uuid(ti, 'p', 'g')}, date '2000-01-01', 'Bench', 'Person ' || g, case when ${kind} then date '2016-05-01' else date '1984-05-01' end, case when g % 2 = 0 then 'w' else 'm' end, 'DE' from ${pers}`);
    await roh(`insert into person_merkmale (traeger_id, person_id, gueltig_von) select '${tr.id}', ${uuid(ti, 'p', 'g')}, date '2000-01-01' from ${pers}`);
    await roh(`insert into bg_mitgliedschaften (traeger_id, bg_id, person_id, gueltig_von, gueltig_bis, rolle, in_bg)
      select '${tr.id}', ${uuid(ti, 'bg', '((g + 1) / 2)')}, ${uuid(ti, 'p', 'g')}, ${ersterTag(start('((g + 1) / 2)'))},
        case when ${ende('((g + 1) / 2)')} < ${MONATE} then ${letzterTag(ende('((g + 1) / 2)'))} end,
        case when g % 2 = 1 then 'antragsteller' when ${kind} then 'kind' else 'partner' end, true from ${pers}`);
    await roh(`insert into bg_adressen (traeger_id, bg_id, gueltig_von, strasse, hausnummer, plz, ort, kommune_id)
      select '${tr.id}', ${uuid(ti, 'bg', 'b')}, date '2000-01-01', 'Benchweg', b::text, '12345', 'Bench', '${tr.kommune}' from ${bg}`);
    // a bewilligte Bewilligung over the Berichtsmonat for every BG receiving then, with the month's amounts
    const lebt = `${start('b')} <= ${MONATE - 1} and ${ende('b')} >= ${MONATE - 1}`;
    await roh(`insert into bewilligungen (traeger_id, id, bg_id, von, bis, art, vorgang, status, rechtsstand, summe_cent, hoechster_monat_cent)
      select '${tr.id}', ${uuid(ti, 'bw', 'b')}, ${uuid(ti, 'bg', 'b')}, date '${MONAT}-01', date '${MONAT}-30', 'endgueltig', 'erstbewilligung', 'bewilligt', '2026-01-01', 150000, 150000 from ${bg} where ${lebt}`);
    await roh(`insert into bewilligung_monate (traeger_id, bewilligung_id, monat, input, ergebnis, personen, kosten, auszahlung_cent)
      select '${tr.id}', ${uuid(ti, 'bw', 'b')}, '${MONAT}', '{}'::jsonb, '{}'::jsonb,
        jsonb_build_array(
          jsonb_build_object('id', ${uuid(ti, 'p', '(2 * b - 1)')}, 'anspruchCent', 90000, 'unterkunftCent', 35000, 'sofortzuschlagCent', 0, 'auszahlungCent', 90000, 'regelbedarfsstufe', 1),
          jsonb_build_object('id', ${uuid(ti, 'p', '(2 * b)')}, 'anspruchCent', 60000, 'unterkunftCent', 35000, 'sofortzuschlagCent', case when (b % 100) < 54 then 2500 else 0 end, 'auszahlungCent', 60000, 'regelbedarfsstufe', 2)),
        '[]'::jsonb, 150000 from ${bg} where ${lebt}`);
    // the data start of the Träger (ersterDatenmonat = the first Bewilligung month) is the first of the 36 months: one
    // bewilligter first month of BG 1, so that the use case counts the whole history (LZB determinable from month 22)
    await roh(`insert into bewilligungen (traeger_id, id, bg_id, von, bis, art, vorgang, status, rechtsstand, summe_cent, hoechster_monat_cent)
      values ('${tr.id}', ${uuid(ti, 'bw0', "'1'")}, ${uuid(ti, 'bg', "'1'")}, date '${MONATSLISTE[0]}-01', ${letzterTag('0')}, 'endgueltig', 'erstbewilligung', 'bewilligt', '2026-01-01', 150000, 150000)`);
    await roh(`insert into bewilligung_monate (traeger_id, bewilligung_id, monat, input, ergebnis, personen, kosten, auszahlung_cent)
      values ('${tr.id}', ${uuid(ti, 'bw0', "'1'")}, '${MONATSLISTE[0]}', '{}'::jsonb, '{}'::jsonb, '[]'::jsonb, '[]'::jsonb, 150000)`);
    // Arbeitsmarktstatus of the adults; job starts of the Berichtsmonat (≈ 2 % of the eLb receiving then, so that the
    // person-month rows DuckDB reads hold every counted event)
    await roh(`insert into arbeitsmarktstatus (traeger_id, person_id, gueltig_von, status, grund, created_by)
      select '${tr.id}', ${uuid(ti, 'p', 'g')}, date '2020-01-01', case when g % 20 < 9 then 'arbeitslos' else 'arbeitsuchend' end, case when g % 20 < 9 then null else 'sonstiges' end, '${tr.user}' from ${pers} where not ${kind}`);
    await roh(`insert into integrationen (traeger_id, person_id, bg_id, art, beginn, arbeitgeber, wochenstunden, created_by, created_by_name)
      select '${tr.id}', ${uuid(ti, 'p', 'g')}, ${uuid(ti, 'bg', '((g + 1) / 2)')}, 'svb_vollzeit', date '${MONAT}-15', 'Bench GmbH', 39, '${tr.user}', 'Bench' from ${pers}
      where not ${kind} and (g * 31 + ${MONATE - 1} * 17) % 50 = 0 and ${start('((g + 1) / 2)')} <= ${MONATE - 1} and ${ende('((g + 1) / 2)')} >= ${MONATE - 1}`);
    // the 35 earlier months as built snapshots: person rows, snapshot rows, Grunddaten
    // per person once (ids, child, months), the 35 months as a small table: no expression is evaluated per row twice
    // in month order (as the monthly builds write them: a month's rows lie together), within a month by BG and person
    await roh(`set local work_mem = '1GB'; insert into statistik_personen (traeger_id, monat, person_id, bg_id, gruppe, kommune_id, standort_id, altersgruppe, geschlecht, staatsangehoerigkeit,
        arbeitsmarktstatus, elb_von, elb_bis, elb, lzb, ereignisse, integrationsart)
      select '${tr.id}', mo.monat, p.pid, p.bid, case when p.kind then 'nef' else 'elb' end, '${tr.kommune}'::uuid, '${tr.standort}'::uuid,
        case when p.kind then 'u15' else '25_49' end, p.geschlecht, 'deutsch', p.am,
        case when p.kind then null else mo.von end, case when p.kind then null else mo.bis end,
        not p.kind, not p.kind and mo.t - p.s >= 21,
        case when not p.kind and (p.g * 31 + mo.t * 17) % 50 = 0 then 1 else 0 end,
        case when not p.kind and (p.g * 31 + mo.t * 17) % 50 = 0 then 'svb_vollzeit' end
      from (select g, ${uuid(ti, 'p', 'g')} as pid, ${uuid(ti, 'bg', '((g + 1) / 2)')} as bid, ${kind} as kind, case when g % 2 = 0 then 'w' else 'm' end as geschlecht,
          case when ${kind} then null when g % 20 < 9 then 'arbeitslos' else 'arbeitsuchend' end as am,
          ${start('((g + 1) / 2)')} as s, ${ende('((g + 1) / 2)')} as e from ${pers}) p
      join (select t, ${monatVon('t')} as monat, ${ersterTag('t')} as von, ${letzterTag('t')} as bis from generate_series(0, ${MONATE - 2}) t) mo
        on mo.t >= p.s and mo.t <= p.e
      order by mo.t, p.bid, p.pid`);
    await roh(`insert into statistik_snapshots (traeger_id, monat, stichtag, status, lauf, gebaut_am, endgueltig_am)
      select '${tr.id}', ${monatVon('t')}, ${letzterTag('t')}, 'endgueltig', 1, now(), now() from generate_series(0, ${MONATE - 2}) t`);
    // Zugänge/Abgänge of the earlier months from the generator (eLb = not a child; a BG's persons are members from
    // month start(b) to ende(b)): Zugänge of t = start t, Abgänge of t = ende t − 1
    await roh(`insert into statistik_werte (traeger_id, monat, ebene, region, kennung, wert)
      select '${tr.id}', ${monatVon('t')}, 'traeger', '', k.kennung, k.wert from generate_series(0, ${MONATE - 2}) t
      left join (select ${start('((g + 1) / 2)')} as s, count(*) as n from ${pers} where not ${kind} group by 1) z on z.s = t
      left join (select ${ende('((g + 1) / 2)')} + 1 as e, count(*) as n from ${pers} where not ${kind} group by 1) a on a.e = t
      cross join lateral (values ('gd.zugaenge', coalesce(z.n, 0)), ('gd.abgaenge', coalesce(a.n, 0)), ('gd.lzbZugaenge', 0), ('gd.lzbAbgaenge', 0)) as k(kennung, wert)`);
    log(`Träger ${ti + 1}/${T}: ${P} Personen, ${B} BG angelegt (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await roh(`alter table statistik_personen add constraint statistik_personen_traeger_id_monat_person_id_pk primary key (traeger_id, monat, person_id)`);
  await roh(`create index statistik_personen_bg_idx on statistik_personen using btree (traeger_id, monat, bg_id)`);
  await roh(
    `create index statistik_personen_elb_idx on statistik_personen using btree (traeger_id, monat) include (person_id, elb_von, elb_bis) where elb_von is not null`,
  );
  // the Grunddaten / Leistungssummen of the 35 earlier months, every Träger in one pass (one Antragsteller 'm' per BG)
  await roh(`insert into statistik_werte (traeger_id, monat, ebene, region, kennung, wert)
    select x.traeger_id, x.monat, 'traeger', '', k.kennung, k.wert from (
      select traeger_id, monat, bestand, lzb, integ, svb, integ_lzb, bgs, personen,
        coalesce(lag(bestand) over w, 0) as vor_bestand, coalesce(lag(lzb) over w, 0) as vor_lzb from (
        select traeger_id, monat, count(*) filter (where elb) as bestand, count(*) filter (where lzb) as lzb, count(*) filter (where ereignisse & 7 <> 0) as integ,
          count(*) filter (where ereignisse & 1 <> 0) as svb, count(*) filter (where lzb and ereignisse & 7 <> 0) as integ_lzb,
          count(*) filter (where geschlecht = 'm') as bgs, count(*) as personen
        from statistik_personen group by traeger_id, monat) y
      window w as (partition by traeger_id order by monat)) x
    cross join lateral (values ('gd.bestand', x.bestand), ('gd.lzb', x.lzb), ('gd.integrationen', x.integ), ('gd.svbIntegrationen', x.svb), ('gd.integrationenLzb', x.integ_lzb),
      ('gd.bestandAlleinerziehend', 0), ('gd.minijob', 0), ('gd.oeffentlichGefoerdert', 0), ('gd.integrationenAlleinerziehend', 0), ('gd.lzbMassnahme', 0),
      ('gd.bestandVormonat', x.vor_bestand), ('gd.lzbVormonat', x.vor_lzb),
      ('bg', x.bgs), ('personen', x.personen), ('elb', x.bestand), ('lzb', x.lzb), ('leistung.llu_cent', x.bgs * 80000), ('leistung.luh_cent', x.bgs * 70000)) as k(kennung, wert)`);
  // as autovacuum leaves the earlier months in production (visibility map set: index-only scans)
  const wartung = new Client({ connectionString: url });
  await wartung.connect();
  await wartung.query('vacuum analyze');
  await wartung.end();
  const groesse = (await eins<{ g: string }>('select pg_size_pretty(pg_database_size(current_database())) as g')).g;
  log(`Setup ${((performance.now() - t0) / 1000).toFixed(0)} s, Datenbank ${groesse}.`);

  // ------------------------------------------------------------------------------------------ snapshot (timed)
  const config = testConfig({ databaseUrl: url, logLevel: 'silent' });
  const clock = clockStartingAt(`${HEUTE}T09:30:00+01:00`);
  const ctx: AppContext = { config, db, clock, mailer: { send: async () => {}, close: () => {} }, mailCatcher: null };
  const s0 = performance.now();
  // as the nightly job: PARALLELE_TRAEGER Träger at a time
  const parallel = Number(process.env.BENCH_PARALLEL ?? PARALLELE_TRAEGER);
  const gebaut = await baueMonatFuerTraeger({ ctx, traegerIds: traeger.map((t) => t.id), monat: MONAT, heute: HEUTE, parallel });
  log(`Snapshot ${MONAT} Träger 1: ${JSON.stringify(gebaut[0])} (${parallel} Träger gleichzeitig)`);
  const snapshotSeconds = (performance.now() - s0) / 1000;
  log(`Snapshots ${MONAT} aller Träger: ${snapshotSeconds.toFixed(1)} s`);

  // ------------------------------------------------------------------------------------------ Kennzahlen (timed)
  const actor = (tr: (typeof traeger)[number]): Actor => ({
    userId: tr.user,
    traegerId: tr.id,
    traegerName: 'Bench',
    art: 'staff',
    email: 'bench@bench.example',
    name: 'Bench',
    roles: ['controlling'],
    standorte: [],
    sessionId: 'bench',
    requestId: 'bench',
  } as Actor);
  const k0 = performance.now();
  const eigene: { k2: { zaehler: number; nenner: number } | null; k3: { zaehler: number; nenner: number } | null }[] = [];
  for (const tr of traeger) {
    const r = await statistikKennzahlen.execute({ ctx, actor: actor(tr), input: { ebene: 'traeger', monat: MONAT } });
    eigene.push({ k2: r.ergebnis.kennzahlen.K2, k3: r.ergebnis.kennzahlen.K3 });
  }
  const kennzahlenSeconds = (performance.now() - k0) / 1000;
  log(`Kennzahlen aller Träger (Use Case): ${kennzahlenSeconds.toFixed(2)} s`);

  // ------------------------------------------------------------------------------------------ DuckDB (query timed)
  const duck = await DuckDBInstance.create(':memory:');
  const con = await duck.connect();
  await con.run('create table pm (traeger integer, monat varchar, person varchar, elb boolean, lzb boolean, ereignisse integer)');
  const ab = monatPlus(MONAT, -24);
  for (const [ti, tr] of traeger.entries()) {
    for (let m = ab; m <= MONAT; m = monatPlus(m, 1)) {
      const rows = (await db.withSystem((tx) => tx.execute<{ person_id: string; elb: boolean; lzb: boolean; ereignisse: number }>(sql`select person_id, elb, lzb, ereignisse from statistik_personen where traeger_id = ${tr.id} and monat = ${m}`))).rows;
      const app = await con.createAppender('pm');
      for (const r of rows) {
        app.appendInteger(ti);
        app.appendVarchar(m);
        app.appendVarchar(r.person_id);
        app.appendBoolean(r.elb);
        app.appendBoolean(r.lzb);
        app.appendInteger(Number(r.ereignisse));
        app.endRow();
      }
      app.closeSync();
    }
  }
  const d0 = performance.now();
  const ergebnis = await con.runAndReadAll(`
    with integ as (select traeger, count(*) as n from pm where monat > '${monatPlus(MONAT, -12)}' and monat <= '${MONAT}' and (ereignisse & 7) <> 0 group by traeger),
         bestand as (select traeger, count(*) as n from pm where monat >= '${monatPlus(MONAT, -12)}' and monat < '${MONAT}' and elb group by traeger),
         lzb_jetzt as (select traeger, count(*) as n from pm where monat = '${MONAT}' and lzb group by traeger),
         lzb_vorjahr as (select traeger, count(*) as n from pm where monat = '${monatPlus(MONAT, -12)}' and lzb group by traeger)
    select b.traeger, coalesce(i.n, 0) as integ, b.n as bestand12, coalesce(l.n, 0) as lzb, coalesce(v.n, 0) as lzb_vorjahr
    from bestand b left join integ i using (traeger) left join lzb_jetzt l using (traeger) left join lzb_vorjahr v using (traeger) order by b.traeger`);
  const duckdbSeconds = (performance.now() - d0) / 1000;
  const duckZeilen = ergebnis.getRowObjects() as { traeger: number; integ: bigint; bestand12: bigint; lzb: bigint; lzb_vorjahr: bigint }[];
  let gleich = true;
  for (const z of duckZeilen) {
    const e = eigene[z.traeger]!;
    const duckK2 = { zaehler: Number(z.integ), nenner: Number(z.bestand12) / 12 };
    const duckK3 = { zaehler: Number(z.lzb), nenner: Number(z.lzb_vorjahr) };
    log(`Träger ${z.traeger + 1}: K2 eigen ${JSON.stringify(e.k2)} DuckDB ${JSON.stringify(duckK2)}; K3 eigen ${JSON.stringify(e.k3)} DuckDB ${JSON.stringify(duckK3)}`);
    if (!e.k2 || e.k2.zaehler !== duckK2.zaehler || Math.abs(e.k2.nenner - duckK2.nenner) > 0.01) gleich = false;
    if (!e.k3 || e.k3.zaehler !== duckK3.zaehler || e.k3.nenner !== duckK3.nenner) gleich = false;
  }
  log(gleich ? 'K2/K3: DuckDB und Engine stimmen überein.' : 'K2/K3: ABWEICHUNG zwischen DuckDB und Engine!');
  con.closeSync();

  // ------------------------------------------------------------------------------------------ Monatsbericht over HTTP
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const adr = app.server.address();
  const basis = `http://127.0.0.1:${typeof adr === 'object' && adr ? adr.port : 0}`;
  const login = await fetch(`${basis}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'controlling@musterland.example', password: 'vorort-demo' }) });
  if (login.status !== 200) throw new Error(`Anmeldung fehlgeschlagen: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const dauer: number[] = [];
  for (let i = 0; i < ANFRAGEN; i++) {
    const a = performance.now();
    const res = await fetch(`${basis}/api/statistik/monatsbericht?monat=${MONAT}&ebene=traeger`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`Monatsbericht: HTTP ${res.status}`);
    dauer.push(performance.now() - a);
  }
  await app.close();
  dauer.sort((a, b) => a - b);
  const berichtP95Ms = dauer[Math.ceil(0.95 * dauer.length) - 1]!;
  log(`Monatsbericht ${ANFRAGEN}×: p50 ${dauer[Math.floor(dauer.length / 2)]!.toFixed(1)} ms, p95 ${berichtP95Ms.toFixed(1)} ms`);

  console.log(
    JSON.stringify({ personen: P * T, snapshotSeconds: r2(snapshotSeconds), kennzahlenSeconds: r2(kennzahlenSeconds), duckdbSeconds: r2(duckdbSeconds), ratioToDuckdb: r2(kennzahlenSeconds / duckdbSeconds), berichtP95Ms: r2(berichtP95Ms) }),
  );
  if (!gleich) process.exitCode = 1;
} finally {
  await aufraeumen();
}
