/**
 * Benchmark: Massenänderung over N running Bewilligungen on real PostgreSQL.
 *
 *   npm run bench:massenaenderung [-- anzahl]        (or BENCH_FAELLE=anzahl; default 50,000)
 *   DATABASE_URL=… uses that server (a fresh database is created and dropped); otherwise an embedded PostgreSQL
 *   in a temporary directory. BENCH_BATCH sets the cases per transaction (default 500).
 *
 * Setup (not timed): the demo Träger, then N synthetic Bedarfsgemeinschaften written directly through the
 * repositories – members with Stammdaten, address, and an approved Bewilligung July 2023 – June 2024 with its 12
 * months (engine input, result, amounts, cost split). As in reality, the months from January 2024 were decided
 * with the 2023 Regelbedarfe (computed before the new amounts took effect). Timed: the Massenänderung from
 * 2024-01-01 (Regelbedarfe 2024, + 12 %) – every case is recomputed, changed cases get a new Bewilligung version,
 * Nachzahlungen and an Änderungsbescheid (model and hash; PDFs are rendered afterwards in the background and are
 * not part of the measurement). The last line of output is one JSON object.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { createDatabase, type Database } from '../src/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { bewilligungRepository } from '../src/db/repositories/bewilligung.ts';
import { fallRepository } from '../src/db/repositories/fall.ts';
import { seedDemoData } from '../src/db/seed/demo.ts';
import { berechneValidiert, pruefe, type BerechnungInput } from '../src/domain/berechnung/index.ts';
import { monatsErgebnis } from '../src/domain/bewilligung/index.ts';
import { kostenaufteilung } from '../src/domain/kosten/index.ts';
import { monateVonBis } from '../src/domain/bewilligung/monat.ts';
import { systemClock } from '../src/server/clock.ts';
import type { AppContext, Actor } from '../src/server/context.ts';
import { starteMassenaenderung } from '../src/server/massenaenderung/steuerung.ts';
import { verarbeiteMassenaenderung } from '../src/server/massenaenderung/verarbeite.ts';
import { erstelleMassenBescheide } from '../src/server/massenaenderung/bescheide.ts';
import { renderBescheidPdf } from '../src/server/bescheid/pdf.ts';
import type { Bescheid } from '../src/domain/bescheid/index.ts';
import { hashPassword } from '../src/server/security/passwords.ts';
import { testConfig } from '../src/config/config.ts';

const N = Number(process.argv[2] ?? process.env.BENCH_FAELLE ?? 50_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 2);
const MONATE = monateVonBis('2023-07', '2024-06');
const AB = '2024-01-01';

type Vorlage = {
  personen: { ref: string; vorname: string; geburtsdatum: string; rolle: string }[];
  monate: { monat: string; input: string; ergebnis: string; personen: string; kosten: string; auszahlungCent: number }[];
};

/** Three household types; engine results computed once per type with placeholder ids, then copied per case. */
function vorlagen(kommuneId: string): Vorlage[] {
  const typen: Vorlage['personen'][] = [
    [{ ref: 'P1', vorname: 'Alex', geburtsdatum: '1980-04-02', rolle: 'antragsteller' }],
    [
      { ref: 'P1', vorname: 'Berta', geburtsdatum: '1990-08-12', rolle: 'antragsteller' },
      { ref: 'P2', vorname: 'Carl', geburtsdatum: '2016-02-01', rolle: 'kind' },
    ],
    [
      { ref: 'P1', vorname: 'Dana', geburtsdatum: '1985-03-10', rolle: 'antragsteller' },
      { ref: 'P2', vorname: 'Emil', geburtsdatum: '1986-11-02', rolle: 'partner' },
      { ref: 'P3', vorname: 'Fia', geburtsdatum: '2018-09-15', rolle: 'kind' },
      { ref: 'P4', vorname: 'Gus', geburtsdatum: '2012-01-20', rolle: 'kind' },
    ],
  ];
  return typen.map((personen) => {
    const input = (monat: string): BerechnungInput =>
      pruefe({
        version: 1,
        zeitraum: monat,
        leistungsbeginn: '2023-07',
        bewilligungszeitraumBeginn: '2023-07',
        personen: personen.map((p) => ({
          id: p.ref,
          geburtsdatum: p.geburtsdatum,
          rolle: p.rolle as 'antragsteller',
          ...(p.rolle === 'kind' ? { einkommen: [{ art: 'kindergeld' as const, betrag: 250 }] } : {}),
          ...(p.rolle === 'partner' ? { einkommen: [{ art: 'erwerbstaetigkeit' as const, brutto: 900, netto: 720 }] } : {}),
        })),
        unterkunft: { grundmiete: 300 + 120 * personen.length, nebenkosten: 80, heizkosten: 70 },
      });
    // Months from January 2024 as decided in 2023: the December 2023 amounts (old Regelbedarfe) carried on.
    const dezember = monatsErgebnis(input('2023-12'), berechneValidiert(input('2023-12'), { erklaerung: false }));
    return {
      personen,
      monate: MONATE.map((monat) => {
        const i = input(monat);
        const e = monat >= '2024-01' ? dezember : monatsErgebnis(i, berechneValidiert(i, { erklaerung: false }));
        return {
          monat,
          input: JSON.stringify(i),
          ergebnis: JSON.stringify(e.ergebnis),
          personen: JSON.stringify(e.personen),
          kosten: JSON.stringify(kostenaufteilung(e.ergebnis, kommuneId).anteile),
          auszahlungCent: e.auszahlungCent,
        };
      }),
    };
  });
}

const ersetze = (json: string, ids: Record<string, string>) => JSON.parse(json.replace(/"P[1-4]"/g, (m) => `"${ids[m.slice(1, 3)]}"`));

async function erzeugeFaelle(db: Database, traegerId: string, standortId: string, kommuneId: string, n: number) {
  const typen = vorlagen(kommuneId);
  const CHUNK = 1000;
  for (let start = 0; start < n; start += CHUNK) {
    await db.withTenant({ traegerId }, async (tx) => {
      const bgs = [];
      const personen = [];
      const stamm = [];
      const mitglied = [];
      const adressen = [];
      const bewilligungen = [];
      const monate = [];
      for (let i = start; i < Math.min(n, start + CHUNK); i++) {
        const v = typen[i % typen.length]!;
        const bgId = randomUUID();
        const ids: Record<string, string> = {};
        bgs.push({ id: bgId, traegerId, fallnummer: `BENCH-${String(i + 1).padStart(6, '0')}`, standortId });
        for (const p of v.personen) {
          const pid = randomUUID();
          ids[p.ref] = pid;
          personen.push({ id: pid, traegerId });
          stamm.push({ traegerId, personId: pid, gueltigVon: '2023-07-01', vorname: p.vorname, nachname: `Bench${i}`, geburtsdatum: p.geburtsdatum, staatsangehoerigkeit: 'DE' });
          mitglied.push({ traegerId, bgId, personId: pid, gueltigVon: '2023-07-01', rolle: p.rolle, inBg: true });
        }
        adressen.push({ traegerId, bgId, gueltigVon: '2023-07-01', strasse: 'Feldweg', hausnummer: String(1 + (i % 200)), plz: '12345', ort: 'Musterstadt', kommuneId });
        const bid = randomUUID();
        const summe = v.monate.reduce((s, m) => s + m.auszahlungCent, 0);
        bewilligungen.push({
          id: bid,
          traegerId,
          bgId,
          von: '2023-07-01',
          bis: '2024-06-30',
          vorgang: 'erstbewilligung',
          status: 'bewilligt',
          rechtsstand: '2023-07-01',
          summeCent: summe,
          hoechsterMonatCent: Math.max(...v.monate.map((m) => m.auszahlungCent)),
        });
        for (const m of v.monate) {
          monate.push({
            traegerId,
            bewilligungId: bid,
            monat: m.monat,
            input: ersetze(m.input, ids),
            ergebnis: ersetze(m.ergebnis, ids),
            personen: ersetze(m.personen, ids),
            kosten: JSON.parse(m.kosten),
            auszahlungCent: m.auszahlungCent,
          });
        }
      }
      // insertBg takes one row; drizzle's values() also accepts the whole chunk
      await fallRepository.insertBg(tx, bgs as never);
      await fallRepository.insertPersonen(tx, personen);
      await fallRepository.insertPerioden(tx, 'stammdaten', stamm as never);
      await fallRepository.insertPerioden(tx, 'mitgliedschaften', mitglied as never);
      await fallRepository.insertPerioden(tx, 'adressen', adressen as never);
      await bewilligungRepository.insertManyBulk(tx, bewilligungen);
      await bewilligungRepository.insertMonateBulk(tx, monate);
    }, { statementTimeoutMs: 0 }); // test data in chunks of 1000 cases: not bound by the request limit
    if ((start / CHUNK) % 10 === 0) console.log(`  … ${Math.min(n, start + CHUNK)} Fälle angelegt`);
  }
}

async function main() {
  let embedded: EmbeddedDatabase | null = null;
  let tmp: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    tmp = mkdtempSync(path.join(tmpdir(), 'vorort-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir: tmp });
    serverUrl = embedded.connectionString;
  }
  const name = `vorort_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let db: Database | null = null;
  try {
    await runMigrations(url.toString());
    db = createDatabase(url.toString());
    await seedDemoData(db, hashPassword, { beispielfaelle: false });
    const info = await db.withSystem((tx) =>
      tx.execute<{ traeger: string; standort: string; kommune: string; user_id: string }>(sql`
        select t.id as traeger, s.id as standort, s.kommune_id as kommune, u.id as user_id
        from traeger t join standorte s on s.traeger_id = t.id join users u on u.traeger_id = t.id
        where t.slug = 'musterland' and u.email = 'teamleitung@musterland.example' and s.kommune_id is not null order by s.name limit 1`),
    );
    const { traeger, standort, kommune, user_id } = info.rows[0]!;
    console.log(`Lege ${N} laufende Bewilligungen an …`);
    const t0 = performance.now();
    await erzeugeFaelle(db, traeger, standort, kommune, N);
    // ANALYZE of the whole test database may take longer than a request's statement timeout.
    await db.withSystem((tx) => tx.execute(sql`ANALYZE`), { statementTimeoutMs: 0 });
    console.log(`  angelegt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const ctx = { config: testConfig(), db, clock: systemClock } as unknown as AppContext;
    const actor: Actor = { userId: user_id, traegerId: traeger, traegerName: 'Kreis Musterland', art: 'staff', email: 'teamleitung@musterland.example', name: 'Tara Teamleitung', roles: ['teamleitung'], standorte: [], sessionId: 'bench', requestId: 'bench' };
    const start = performance.now();
    const job = await starteMassenaenderung({ ctx, actor, input: { ab: AB, grund: 'Regelbedarfe 2024 (RBEG)' }, hintergrund: false });
    const r = await verarbeiteMassenaenderung({ ctx, traegerId: traeger, id: job.id, batchGroesse: BATCH, parallel: PARALLEL });
    const seconds = (performance.now() - start) / 1000;
    const stand = await db.withTenant({ traegerId: traeger }, (tx) =>
      tx.execute<{ verarbeitet: number; bescheide: number; geaendert: number; fehler: number; status: string }>(sql`select verarbeitet, bescheide, geaendert, fehler, status from massenaenderungen where id = ${job.id}`),
    );
    const s = stand.rows[0]!;
    console.log(`Status ${s.status}: ${s.verarbeitet} Fälle, ${s.geaendert} geändert, ${s.fehler} Fehler, ${r.batches} Transaktionen, ${seconds.toFixed(1)} s`);
    if (process.env.BENCH_BESCHEIDE !== '0') {
      // second phase (background in the server): the Änderungsbescheide' models with explanation and hash
      const t1 = performance.now();
      const n = await erstelleMassenBescheide({ ctx, traegerId: traeger, id: job.id, pdf: false, batchGroesse: 200 });
      console.log(`Änderungsbescheide (Modell mit Erläuterung und Hash, ohne PDF) danach: ${n} in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      // PDF rendering, measured on a sample of the stored models (BENCH_PDF_STICHPROBE, default 500; 0 = skip)
      const stichprobe = Number(process.env.BENCH_PDF_STICHPROBE ?? 500);
      if (stichprobe > 0) {
        const modelle = await db.withTenant({ traegerId: traeger }, (tx) =>
          tx.execute<{ modell: Bescheid }>(sql`select modell from bescheide where massenaenderung_id = ${job.id} limit ${stichprobe}`),
        );
        const t2 = performance.now();
        for (const row of modelle.rows) await renderBescheidPdf(row.modell);
        const msJe = (performance.now() - t2) / Math.max(1, modelle.rows.length);
        console.log(`PDF-Stichprobe: ${modelle.rows.length} Änderungsbescheide in ${((performance.now() - t2) / 1000).toFixed(1)} s (${msJe.toFixed(1)} ms je PDF, ein Kern)`);
      }
    }
    console.log(JSON.stringify({ faelle: s.verarbeitet, seconds: Math.round(seconds * 10) / 10, bescheide: s.bescheide }));
  } finally {
    if (db) await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`).catch(() => {});
    await admin.end();
    if (embedded) await embedded.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
