import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letzterVollerMonat, statistikDemoAufbauen, type StatistikDemoZusammenfassung } from '../../src/server/statistik/demo-aufbauen.ts';
import { erzeugeStatistikDemo } from '../../src/db/seed/statistik-demo.ts';
import { heute } from '../../src/server/clock.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/**
 * The Statistik-Demo generator (src/db/seed/statistik-demo.ts, docs/statistik.md "Demo-Daten und Benchmark") at a
 * small size: 80 BG over 24 months (LZB needs 21 months of history). The ratios of jobcenter-domain.md § 6 hold within
 * a tolerance wide enough for so few cases, every month gets its snapshot, and a second run writes nothing.
 */
describe('Statistik-Demo generator', () => {
  let t: TestApp;
  let r: StatistikDemoZusammenfassung;
  let bis: string;
  const zeilen = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await t.database.db.withSystem((tx) => tx.execute<T>(q))).rows;
  const wert = async (monat: string, kennung: string) =>
    Number((await zeilen<{ wert: string }>(sql`select wert from statistik_werte where monat = ${monat} and ebene = 'traeger' and region = '' and kennung = ${kennung}`))[0]?.wert ?? Number.NaN);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    bis = letzterVollerMonat(heute(t.ctx.clock.now()));
    const e = await statistikDemoAufbauen({ db: t.database.db, config: t.ctx.config, clock: t.ctx.clock, bg: 80, monate: 24 });
    if ('abgelehnt' in e) throw new Error(e.abgelehnt);
    r = e;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('writes real Fallakten, engine-computed Bewilligungen, Erstanträge and the integration side', async () => {
    expect(r.bis).toBe(bis);
    expect(r.bg).toBeGreaterThan(80);
    expect(r.personen / r.bg).toBeGreaterThan(1.5);
    expect(r.personen / r.bg).toBeLessThan(2.3);
    expect(r.engineLaeufe).toBeLessThan(r.bewilligungMonate);
    const [z] = await zeilen<{ bg: number; monate: number; ohne: number; antraege: number; integrationen: number; teilnahmen: number }>(sql`
      select (select count(*)::int from bedarfsgemeinschaften where fallnummer like 'ST-%') as bg,
             (select count(*)::int from bewilligung_monate) as monate,
             (select count(*)::int from bewilligung_monate where not (ergebnis ? 'anspruch')) as ohne,
             (select count(*)::int from antraege where art = 'erstantrag') as antraege,
             (select count(*)::int from integrationen) as integrationen,
             (select count(*)::int from massnahme_teilnahmen) as teilnahmen`);
    expect(z).toEqual({ bg: r.bg, monate: r.bewilligungMonate, ohne: 0, antraege: r.antraege, integrationen: r.integrationen, teilnahmen: r.teilnahmen });
    expect(r.antraege).toBeGreaterThan(0);
    expect(r.integrationen).toBeGreaterThan(0);
    expect(r.teilnahmen).toBeGreaterThan(0);
  });

  it('builds a snapshot for every month of the history', async () => {
    expect(r.snapshots).toBe(24);
    const s = await zeilen<{ monat: string; status: string }>(sql`select monat, status from statistik_snapshots order by monat`);
    expect(s.map((x) => x.monat)).toHaveLength(24);
    expect(s.at(-1)!.monat).toBe(bis);
    expect(s.every((x) => x.status !== 'im_aufbau')).toBe(true);
  });

  it('keeps the ratios of jobcenter-domain.md § 6 in the last month (within a small-sample tolerance)', async () => {
    const elb = await wert(bis, 'elb');
    const nef = await wert(bis, 'nef');
    const lzb = await wert(bis, 'lzb');
    const bg = await wert(bis, 'bg');
    expect(bg).toBeGreaterThan(60);
    expect(elb / (elb + nef)).toBeGreaterThan(0.6);
    expect(elb / (elb + nef)).toBeLessThan(0.85);
    expect(lzb / elb).toBeGreaterThan(0.35);
    expect(lzb / elb).toBeLessThan(0.9);
    // Integrationen of the last 12 months against the average eLb stock (K2 ≈ 20–30 %, here wide)
    const monate = (await zeilen<{ monat: string }>(sql`select monat from statistik_snapshots order by monat desc limit 13`)).map((x) => x.monat);
    let integrationen = 0;
    let bestand = 0;
    for (const m of monate.slice(0, 12)) integrationen += await wert(m, 'integrationen');
    for (const m of monate.slice(1, 13)) bestand += await wert(m, 'elb');
    expect(integrationen / (bestand / 12)).toBeGreaterThan(0.08);
    expect(integrationen / (bestand / 12)).toBeLessThan(0.5);
  });

  it('refuses a second run for the same Träger and writes nothing', async () => {
    const vorher = await zeilen<{ n: number }>(sql`select count(*)::int as n from bedarfsgemeinschaften`);
    const e = await erzeugeStatistikDemo(t.database.db, { bg: 10, monate: 3, bis });
    expect(e).toEqual({ abgelehnt: expect.stringContaining('schon Statistik-Demodaten') });
    expect(await zeilen<{ n: number }>(sql`select count(*)::int as n from bedarfsgemeinschaften`)).toEqual(vorher);
  });
});
