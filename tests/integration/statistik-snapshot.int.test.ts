import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import type { Tx } from '../../src/db/client.ts';
import { seedDemoData } from '../../src/db/seed/demo.ts';
import { SV_PFLICHTIG, zaehltAlsIntegration } from '../../src/domain/foerdern/integration.ts';
import type { Integrationsart } from '../../src/domain/foerdern/typen.ts';
import type { AppContext } from '../../src/server/context.ts';
import { AppError } from '../../src/server/errors.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { baueFehlendeSnapshots, baueSnapshot, SnapshotAbgebrochen } from '../../src/server/statistik/snapshot-bauen.ts';
import { testClock } from '../helpers/clock.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

/**
 * Issue 15, item 1: the monthly snapshot (docs/statistik.md, "Monats-Snapshots") built from the demo Fallakten of
 * Kreis Musterland, with figures recomputed directly from the Fallakte tables; resume after a crash, idempotent
 * rebuild, endgültig stays frozen, RLS. The build itself runs without the HTTP app; the API part at the end uses it.
 */

const HEUTE = '2026-12-07';
let database: TestDatabase;
let ctx: AppContext;
let musterland: string;
let beispielstadt: string;

const sys = <T,>(fn: (tx: Tx) => Promise<T>) => database.db.withSystem(fn);
const letzterTag = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
const vormonat = (m: string) => {
  const d = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 2, 1));
  return d.toISOString().slice(0, 7);
};

async function werte(monat: string, ebene = 'traeger', region = ''): Promise<Record<string, number>> {
  const r = await sys((tx) =>
    tx.execute<{ kennung: string; wert: number }>(sql`select kennung, wert from statistik_werte where traeger_id = ${musterland} and monat = ${monat} and ebene = ${ebene} and region = ${region}`),
  );
  return Object.fromEntries(r.rows.map((x) => [x.kennung, Number(x.wert)]));
}

/** Every row of a month (persons, BGs, figures) in a stable order – for "identical" comparisons. */
async function alleZeilen(monat: string) {
  return sys(async (tx) => ({
    personen: (await tx.execute(sql`select * from statistik_personen where traeger_id = ${musterland} and monat = ${monat} order by person_id`)).rows,
    bg: (await tx.execute(sql`select * from statistik_bg where traeger_id = ${musterland} and monat = ${monat} order by bg_id`)).rows,
    werte: (await tx.execute(sql`select ebene, region, kennung, wert from statistik_werte where traeger_id = ${musterland} and monat = ${monat} order by ebene, region, kennung`)).rows,
  }));
}

async function snapshot(monat: string) {
  return (await sys((tx) => tx.execute<{ status: string; lauf: number; fortschritt: string | null }>(sql`select status, lauf, fortschritt from statistik_snapshots where traeger_id = ${musterland} and monat = ${monat}`))).rows[0];
}

/**
 * Recomputed from the Fallakte tables alone (not from the snapshot): the members at the Stichtag of the BGs with a
 * bewilligte Bewilligung month, their claim of the month, age and Erwerbsfähigkeit, the BG's Kommune.
 */
async function fallakte(monat: string) {
  const st = letzterTag(monat);
  const r = await sys((tx) =>
    tx.execute<{ bg_id: string; person_id: string; kommune_id: string; anspruch: number; elb: boolean }>(sql`
      with bm as (
        select b.bg_id, m.personen from bewilligungen b join bewilligung_monate m on m.traeger_id = b.traeger_id and m.bewilligung_id = b.id and m.monat = ${monat}
        where b.traeger_id = ${musterland} and b.status = 'bewilligt')
      select bm.bg_id, ms.person_id,
        (select a.kommune_id from bg_adressen a where a.bg_id = bm.bg_id and a.gueltig_von <= ${st}::date and (a.gueltig_bis is null or a.gueltig_bis >= ${st}::date)) as kommune_id,
        coalesce((select (p->>'anspruchCent')::int from jsonb_array_elements(bm.personen) p where p->>'id' = ms.person_id::text), 0) as anspruch,
        (age(${st}::date, s.geburtsdatum) >= interval '15 years' and age(${st}::date, s.geburtsdatum) < interval '65 years'
          and coalesce((select k.erwerbsfaehig from person_merkmale k where k.person_id = ms.person_id and k.gueltig_von <= ${st}::date and (k.gueltig_bis is null or k.gueltig_bis >= ${st}::date) limit 1), true)) as elb
      from bm join bg_mitgliedschaften ms on ms.bg_id = bm.bg_id and ms.in_bg and ms.gueltig_von <= ${st}::date and (ms.gueltig_bis is null or ms.gueltig_bis >= ${st}::date)
      join lateral (select geburtsdatum from person_stammdaten s where s.person_id = ms.person_id order by s.gueltig_von desc limit 1) s on true`),
  );
  const zeilen = r.rows.map((x) => ({ ...x, anspruch: Number(x.anspruch), elb: x.elb && Number(x.anspruch) > 0 }));
  return {
    zeilen,
    bg: new Set(zeilen.filter((x) => x.anspruch > 0).map((x) => x.bg_id)),
    personenInBg: (bgs: Set<string>) => zeilen.filter((x) => bgs.has(x.bg_id)).length,
    elb: new Set(zeilen.filter((x) => x.elb).map((x) => x.person_id)),
    nef: zeilen.filter((x) => x.anspruch > 0 && !x.elb).length,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, hashPassword, { beispielfaelle: true, heute: HEUTE });
  ctx = { config: testConfig(), db: database.db, mailer: null as never, clock: testClock() };
  const t = await sys((tx) => tx.execute<{ id: string; slug: string }>(sql`select id, slug from traeger`));
  musterland = t.rows.find((x) => x.slug === 'musterland')!.id;
  beispielstadt = t.rows.find((x) => x.slug === 'beispielstadt')!.id;
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

describe('Monats-Snapshots: build from the Fallakte', () => {
  it('back-fills every month from the first data up to the last passed Stichtag: endgültig after the Wartezeit, the last three vorläufig', async () => {
    const r = await baueFehlendeSnapshots({ ctx, traegerId: musterland, heute: HEUTE });
    const erster = (await sys((tx) => tx.execute<{ m: string }>(sql`select min(m.monat) as m from bewilligung_monate m join bewilligungen b on b.id = m.bewilligung_id where b.traeger_id = ${musterland} and b.status in ('bewilligt', 'ersetzt')`))).rows[0]!.m;
    expect(r[0]!.monat).toBe(erster);
    expect(r.at(-1)!.monat).toBe('2026-11');
    expect(r.filter((x) => x.status === 'vorlaeufig').map((x) => x.monat)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(r.filter((x) => x.monat <= '2026-08').every((x) => x.status === 'endgueltig')).toBe(true);
    expect(r.every((x) => x.lauf === 1)).toBe(true);
    // a month in the future is refused
    await expect(baueSnapshot({ ctx, traegerId: musterland, monat: '2026-12', heute: HEUTE })).rejects.toMatchObject({ code: 'statistik_monat_zukunft', status: 400 });
  }, 120_000);

  it.each(['2026-11', '2026-09', '2026-05'])('recomputes BG, Personen, eLb, NEF and money of %s directly from the Fallakte tables', async (monat) => {
    const f = await fallakte(monat);
    const w = await werte(monat);
    expect(w.bg).toBe(f.bg.size);
    expect(w.bg).toBeGreaterThan(0);
    expect(w.personen).toBe(f.personenInBg(f.bg));
    expect(w.elb).toBe(f.elb.size);
    expect(w.nef).toBe(f.nef);
    expect(w['gd.bestand']).toBe(f.elb.size);
    // per Kommune: the BGs of its address
    const kommunen = new Set(f.zeilen.map((x) => x.kommune_id));
    for (const k of kommunen) {
      const wk = await werte(monat, 'kommune', k);
      expect(wk.bg).toBe(new Set(f.zeilen.filter((x) => x.anspruch > 0 && x.kommune_id === k).map((x) => x.bg_id)).size);
    }
    // money of the Bewilligung month: LUH_i = min(anspruch_i, unterkunft_i), LLU_i = rest; Leistungsanspruch before the Minderung
    const geld = await sys((tx) =>
      tx.execute<{ llu: number; luh: number; leistung_llu: number; sz: number }>(sql`
        with p as (
          select (p->>'anspruchCent')::bigint as a, (p->>'unterkunftCent')::bigint as u, (p->>'sofortzuschlagCent')::bigint as sz,
            round(coalesce((select (e->>'minderung')::numeric from jsonb_array_elements(m.ergebnis->'personen') e where e->>'id' = p->>'id'), 0) * 100)::bigint as minderung
          from bewilligungen b join bewilligung_monate m on m.bewilligung_id = b.id and m.monat = ${monat}, jsonb_array_elements(m.personen) p
          where b.traeger_id = ${musterland} and b.status = 'bewilligt')
        select sum(a - least(a, u))::bigint as llu, sum(least(a, u))::bigint as luh, sum(a + minderung - least(a + minderung, u))::bigint as leistung_llu, sum(sz)::bigint as sz from p`),
    );
    const g = geld.rows[0]!;
    expect(w['zahlung.llu_cent']).toBe(Number(g.llu));
    expect(w['zahlung.luh_cent']).toBe(Number(g.luh));
    expect(w['leistung.llu_cent']).toBe(Number(g.leistung_llu));
    expect(w['zahlung.sofortzuschlag_cent']).toBe(Number(g.sz));
    // no Land set: the whole KdU is kommunal (no Bundesbeteiligung invented)
    expect(w['zahlung.luh_kommunal_cent']).toBe(Number(g.luh));
    expect(w['zahlung.luh_bund_cent']).toBe(0);
  });

  it('recomputes Integrationen (persons in B(m−1) ∪ B(m)) and Neuanträge of every month directly from the Fallakte', async () => {
    const monate = (await sys((tx) => tx.execute<{ monat: string }>(sql`select monat from statistik_snapshots where traeger_id = ${musterland} order by monat`))).rows.map((x) => x.monat);
    let gesamt = 0;
    for (const monat of monate.slice(1)) {
      const jetzt = await fallakte(monat);
      const vor = await fallakte(vormonat(monat));
      const ints = await sys((tx) =>
        tx.execute<{ person_id: string; art: string }>(sql`select distinct person_id, art from integrationen where traeger_id = ${musterland} and beginn between ${`${monat}-01`}::date and ${letzterTag(monat)}::date`),
      );
      const zaehlend = ints.rows.filter((i) => (jetzt.elb.has(i.person_id) || vor.elb.has(i.person_id)) && zaehltAlsIntegration(i.art as Integrationsart));
      const w = await werte(monat);
      expect(w.integrationen, monat).toBe(zaehlend.length);
      gesamt += zaehlend.length;
      const na = await sys((tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from antraege where traeger_id = ${musterland} and art = 'erstantrag' and antragsdatum between ${`${monat}-01`}::date and ${letzterTag(monat)}::date`),
      );
      expect(w.neuantraege, monat).toBe(Number(na.rows[0]!.n));
    }
    expect(gesamt).toBeGreaterThan(0);
  });

  it('sv at the Stichtag and the Ereignis bits follow the integrationen rows', async () => {
    const monat = '2026-11';
    const st = letzterTag(monat);
    const ints = await sys((tx) => tx.execute<{ person_id: string; art: string }>(sql`select person_id, art from integrationen where traeger_id = ${musterland} and beginn <= ${st}::date and (ende is null or ende >= ${st}::date)`));
    const svErwartet = new Set(ints.rows.filter((i) => SV_PFLICHTIG.has(i.art as Integrationsart)).map((i) => i.person_id));
    const zeilen = await sys((tx) => tx.execute<{ person_id: string; sv: boolean }>(sql`select person_id, sv from statistik_personen where traeger_id = ${musterland} and monat = ${monat}`));
    for (const z of zeilen.rows) expect(z.sv, z.person_id).toBe(svErwartet.has(z.person_id));
  });

  it('a build killed after two chunks resumes after its progress: identical rows, nothing counted twice', async () => {
    const monat = '2026-10';
    const vorher = await alleZeilen(monat);
    const laufVorher = (await snapshot(monat))!.lauf;
    await expect(baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE, chunkGroesse: 2, abbrechenNach: 2 })).rejects.toBeInstanceOf(SnapshotAbgebrochen);
    const halb = await snapshot(monat);
    expect(halb).toMatchObject({ status: 'im_aufbau', lauf: laufVorher + 1 });
    expect(halb!.fortschritt).not.toBeNull();
    const r = await baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE, chunkGroesse: 2 });
    expect(r).toMatchObject({ fortgesetzt: true, lauf: laufVorher + 1, status: 'vorlaeufig' });
    expect(await alleZeilen(monat)).toEqual(vorher);
    expect(r.personen).toBe(vorher.personen.length);
  });

  it('a rebuild is idempotent (only the build number grows)', async () => {
    const monat = '2026-11';
    const vorher = await alleZeilen(monat);
    const a = await baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE });
    const b = await baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE, chunkGroesse: 3 });
    expect(b.lauf).toBe(a.lauf + 1);
    expect(await alleZeilen(monat)).toEqual(vorher);
  });

  it('a rebuild after a person moved to a BG of an earlier chunk: one row, under the new BG', async () => {
    const monat = '2026-11';
    const bgs = (await sys((tx) => tx.execute<{ bg_id: string }>(sql`select distinct bg_id from statistik_personen where traeger_id = ${musterland} and monat = ${monat} order by bg_id`))).rows.map((x) => x.bg_id);
    expect(bgs.length).toBeGreaterThan(2);
    const [ziel, quelle] = [bgs[0]!, bgs.at(-1)!];
    const p = (await sys((tx) => tx.execute<{ person_id: string }>(sql`select person_id from statistik_personen where traeger_id = ${musterland} and monat = ${monat} and bg_id = ${quelle} order by person_id limit 1`))).rows[0]!.person_id;
    // from November on in the BG `ziel` (id before `quelle`: with chunks of one BG its chunk is written first)
    const neu = await sys(async (tx) => {
      await tx.execute(sql`update bg_mitgliedschaften set gueltig_bis = '2026-10-31' where traeger_id = ${musterland} and bg_id = ${quelle} and person_id = ${p} and gueltig_bis is null`);
      return (
        await tx.execute<{ id: string }>(sql`insert into bg_mitgliedschaften (traeger_id, bg_id, person_id, gueltig_von, rolle, in_bg)
          values (${musterland}, ${ziel}, ${p}, '2026-11-01', 'sonstige', true) returning id`)
      ).rows[0]!.id;
    });
    try {
      await baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE, chunkGroesse: 1 });
      const zeilen = (await sys((tx) => tx.execute<{ bg_id: string }>(sql`select bg_id from statistik_personen where traeger_id = ${musterland} and monat = ${monat} and person_id = ${p}`))).rows;
      expect(zeilen).toEqual([{ bg_id: ziel }]);
    } finally {
      await sys(async (tx) => {
        await tx.execute(sql`delete from bg_mitgliedschaften where traeger_id = ${musterland} and id = ${neu}`);
        await tx.execute(sql`update bg_mitgliedschaften set gueltig_bis = null where traeger_id = ${musterland} and bg_id = ${quelle} and person_id = ${p} and gueltig_bis = '2026-10-31'`);
      });
      await baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE });
    }
    const zurueck = (await sys((tx) => tx.execute<{ bg_id: string }>(sql`select bg_id from statistik_personen where traeger_id = ${musterland} and monat = ${monat} and person_id = ${p}`))).rows;
    expect(zurueck).toEqual([{ bg_id: quelle }]);
  });

  it('LZB sums the eLb days of the earlier snapshots in the 730-day window (638 days)', async () => {
    const monat = '2026-11';
    const [lang, kurz] = (
      // `lang` is the eLb of the month with the most eLb days in the demo's own snapshots (so 13 invented full months
      // always reach 638 whichever person the random ids put first), `kurz` the next one
      await sys((tx) =>
        tx.execute<{ person_id: string }>(sql`select s.person_id from statistik_personen s where s.traeger_id = ${musterland} and s.monat = ${monat} and s.elb
          order by (select coalesce(sum(least(f.elb_bis, '2026-11-30'::date) - greatest(f.elb_von, '2024-12-01'::date) + 1), 0) from statistik_personen f
            where f.traeger_id = s.traeger_id and f.person_id = s.person_id and f.elb_von is not null and f.elb_bis >= '2024-12-01' and f.elb_von <= '2026-11-30') desc, s.person_id
          limit 2`),
      )
    ).rows.map((x) => x.person_id);
    // earlier months as if built: `lang` eLb the whole of 2024-12 … 2025-12, `kurz` only 2025-06 … 2025-12
    await sys(async (tx) => {
      for (let i = 0; i < 13; i++) {
        const m = new Date(Date.UTC(2024, 11 + i, 1)).toISOString().slice(0, 7);
        for (const p of i >= 6 ? [lang, kurz] : [lang]) {
          await tx.execute(sql`insert into statistik_personen (traeger_id, monat, person_id, bg_id, gruppe, kommune_id, standort_id, altersgruppe, geschlecht, staatsangehoerigkeit, elb_von, elb_bis, elb)
            select traeger_id, ${m}, person_id, bg_id, gruppe, kommune_id, standort_id, altersgruppe, geschlecht, staatsangehoerigkeit, ${`${m}-01`}::date, ${letzterTag(m)}::date, true
            from statistik_personen where traeger_id = ${musterland} and monat = ${monat} and person_id = ${p}`);
        }
      }
    });
    // days in the window 2024-12-01 … 2026-11-30 from the rows now stored (earlier months + the demo's own snapshots + this month)
    const tage = async (p: string) =>
      Number(
        (
          await sys((tx) =>
            tx.execute<{ t: number }>(sql`select coalesce(sum(least(elb_bis, '2026-11-30'::date) - greatest(elb_von, '2024-12-01'::date) + 1), 0)::int as t
              from statistik_personen where traeger_id = ${musterland} and person_id = ${p} and elb_von is not null and elb_bis >= '2024-12-01' and elb_von <= '2026-11-30'`),
          )
        ).rows[0]!.t,
      );
    expect(await tage(lang!)).toBeGreaterThanOrEqual(638);
    expect(await tage(kurz!)).toBeLessThan(638);
    await baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE });
    const lzb = await sys((tx) => tx.execute<{ person_id: string; lzb: boolean }>(sql`select person_id, lzb from statistik_personen where traeger_id = ${musterland} and monat = ${monat} and person_id in (${lang}, ${kurz})`));
    expect(Object.fromEntries(lzb.rows.map((x) => [x.person_id, x.lzb]))).toEqual({ [lang!]: true, [kurz!]: false });
    expect((await werte(monat)).lzb).toBe(1);
    expect((await werte(monat))['gd.lzb']).toBe(1);
    // remove the invented months again, rebuild: no LZB
    await sys((tx) => tx.execute(sql`delete from statistik_personen where traeger_id = ${musterland} and monat < '2026-01'`));
    await baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE });
    expect((await werte(monat)).lzb).toBe(0);
  });

  it('an endgültiger snapshot is never rebuilt: a later Fallakte change does not change it (409)', async () => {
    const monat = '2026-05';
    expect((await snapshot(monat))!.status).toBe('endgueltig');
    const vorher = await alleZeilen(monat);
    // a late entry: an Integration of an eLb of that month, dated in it
    const p = (await sys((tx) => tx.execute<{ person_id: string; bg_id: string }>(sql`select person_id, bg_id from statistik_personen where traeger_id = ${musterland} and monat = ${monat} and elb limit 1`))).rows[0]!;
    await sys((tx) =>
      tx.execute(sql`insert into integrationen (traeger_id, person_id, bg_id, art, beginn, arbeitgeber, wochenstunden, created_by, created_by_name)
        select ${musterland}, ${p.person_id}, ${p.bg_id}, 'svb_vollzeit', '2026-05-11', 'Nachtrag GmbH', 39, id, name from users where email = 'integration@musterland.example'`),
    );
    const fehler = await baueSnapshot({ ctx, traegerId: musterland, monat, heute: HEUTE }).catch((e: unknown) => e);
    expect(fehler).toBeInstanceOf(AppError);
    expect(fehler).toMatchObject({ code: 'statistik_endgueltig', status: 409 });
    const r = await baueFehlendeSnapshots({ ctx, traegerId: musterland, heute: HEUTE });
    expect(r.map((x) => x.monat)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(await alleZeilen(monat)).toEqual(vorher);
    expect((await werte(monat)).integrationen).toBe(0);
  });

  it('RLS: another Träger sees none of these rows, and its own build has nothing', async () => {
    const gesehen = await database.db.withTenant({ traegerId: beispielstadt }, async (tx) => ({
      s: Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from statistik_snapshots`)).rows[0]!.n),
      p: Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from statistik_personen`)).rows[0]!.n),
      b: Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from statistik_bg`)).rows[0]!.n),
      w: Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from statistik_werte`)).rows[0]!.n),
    }));
    expect(gesehen).toEqual({ s: 0, p: 0, b: 0, w: 0 });
    expect(await baueFehlendeSnapshots({ ctx, traegerId: beispielstadt, heute: HEUTE })).toEqual([]);
    const eigene = await database.db.withTenant({ traegerId: musterland }, async (tx) => Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from statistik_snapshots`)).rows[0]!.n));
    expect(eigene).toBeGreaterThan(0);
  });
});

describe('Monats-Snapshots: API, job and audit', () => {
  type App = Awaited<ReturnType<typeof import('../helpers/app.ts').createTestApp>>;
  let t: App;
  // oxlint-disable-next-line typescript/no-explicit-any -- JSON answers of the API, read field by field
  let als: (wer: string, method: 'GET' | 'POST', url: string) => Promise<{ statusCode: number; json: () => any }>;
  beforeAll(async () => {
    // imported here: the build tests above do not need the HTTP app
    const { createTestApp, signIn } = await import('../helpers/app.ts');
    t = await createTestApp({ seed: true, beispielfaelle: true });
    const jars = new Map<string, Awaited<ReturnType<typeof signIn>>>();
    als = async (wer, method, url) => {
      const email = wer.includes('@') ? wer : `${wer}@musterland.example`;
      if (!jars.has(email)) jars.set(email, await signIn(t.app, email));
      return t.app.inject({ method, url, headers: { cookie: jars.get(email)!.header() } });
    };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the nightly job builds every Träger; the overview lists the months with status, Lauf and counts', async () => {
    const { statistikSnapshotsJob } = await import('../../src/jobs/statistik-snapshots.ts');
    const { ALLE_JOBS } = await import('../../src/jobs/index.ts');
    expect(ALLE_JOBS).toContain(statistikSnapshotsJob);
    expect(statistikSnapshotsJob.zeitplan).toBe('30 2 * * *');
    await statistikSnapshotsJob.run({ ctx: t.ctx, basisUrl: '', payload: {} });
    const res = await als('controlling', 'GET', '/api/statistik/snapshots');
    expect(res.statusCode).toBe(200);
    const monate = res.json().monate as { monat: string; status: string; lauf: number; personen: number; bg: number }[];
    expect(monate[0]).toMatchObject({ monat: '2026-11', status: 'vorlaeufig', lauf: 1 });
    expect(monate[0]!.personen).toBeGreaterThan(0);
    // the report's figures (statistik_werte of the Träger), not the build log's row counts
    const bericht = await sys((tx) => tx.execute<{ kennung: string; wert: number }>(sql`select kennung, wert::int as wert from statistik_werte where traeger_id = ${musterland} and monat = '2026-11' and ebene = 'traeger' and kennung in ('bg', 'personen')`));
    expect({ bg: monate[0]!.bg, personen: monate[0]!.personen }).toEqual(Object.fromEntries(bericht.rows.map((r) => [r.kennung, r.wert])));
    expect(res.json().zahlenSichtbar).toBe(true);
    // Standort reach: status and dates only, no Träger-wide counts
    const tl = (await als('teamleitung', 'GET', '/api/statistik/snapshots')).json();
    expect(tl.zahlenSichtbar).toBe(false);
    expect(tl.monate[0]).toMatchObject({ monat: '2026-11', status: 'vorlaeufig', personen: null, bg: null });
    expect(monate.find((m) => m.monat === '2026-08')).toMatchObject({ status: 'endgueltig' });
    // the job writes no audit entry
    const audit = await t.ctx.db.withSystem((tx) => tx.execute(sql`select 1 from audit_log where object_type = 'statistik'`));
    expect(audit.rows).toHaveLength(0);
  }, 120_000);

  it('POST rebuilds a vorläufigen month (audited), refuses an endgültigen (409), the future and the time before the data (400)', async () => {
    const ok = await als('controlling', 'POST', '/api/statistik/snapshots/2026-11');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ monat: '2026-11', status: 'vorlaeufig', lauf: 2 });
    const audit = await t.ctx.db.withSystem((tx) => tx.execute<{ action: string; details: { monat: string; lauf: number } }>(sql`select action, details from audit_log where object_type = 'statistik'`));
    expect(audit.rows).toEqual([{ action: 'update', details: { monat: '2026-11', lauf: 2 } }]);
    const endgueltig = await als('controlling', 'POST', '/api/statistik/snapshots/2026-05');
    expect(endgueltig.statusCode).toBe(409);
    expect(endgueltig.json().error).toBe('statistik_endgueltig');
    expect((await als('controlling', 'POST', '/api/statistik/snapshots/2027-01')).json().error).toBe('statistik_monat_zukunft');
    expect((await als('controlling', 'POST', '/api/statistik/snapshots/2019-01')).json().error).toBe('statistik_monat_vor_daten');
    expect((await als('leistung', 'POST', '/api/statistik/snapshots/2026-11')).statusCode).toBe(403);
    expect((await als('teamleitung', 'POST', '/api/statistik/snapshots/2026-11')).statusCode).toBe(403);
  }, 120_000);

  it('the page "Stand der Daten" lists the months; only statistik.verwalten gets the build buttons, and a button rebuilds', async () => {
    const { postForm } = await import('../helpers/app.ts');
    const seite = await als('controlling', 'GET', '/steuerung/daten');
    expect(seite.statusCode).toBe(200);
    const html = (seite as unknown as { body: string }).body;
    expect(html).toContain('Stand der Daten');
    expect(html).toContain('November 2026 neu erstellen');
    expect(html).toContain('endgültig, wird nicht neu erstellt');
    const tl = (await als('teamleitung', 'GET', '/steuerung/daten')) as unknown as { statusCode: number; body: string };
    expect(tl.statusCode).toBe(200);
    expect(tl.body).not.toContain('neu erstellen');
    expect((await als('leistung', 'GET', '/steuerung/daten')).statusCode).toBe(403);
    const { signIn } = await import('../helpers/app.ts');
    const jar = await signIn(t.app, 'controlling@musterland.example');
    const res = await postForm(t.app, jar, '/steuerung/daten', { monat: '2026-10' });
    expect(res.statusCode).toBe(302);
    const snap = await t.ctx.db.withSystem((tx) => tx.execute<{ lauf: number }>(sql`select lauf from statistik_snapshots where monat = '2026-10' and traeger_id = (select id from traeger where slug = 'musterland')`));
    expect(snap.rows[0]!.lauf).toBe(2);
  });

  it('the other Träger sees only its own (empty) overview', async () => {
    const res = await als('admin@beispielstadt.example', 'GET', '/api/statistik/snapshots');
    expect(res.statusCode).toBe(200);
    expect(res.json().monate).toEqual([]);
  });
});
