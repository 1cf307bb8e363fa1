import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/db/seed/demo.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { heute } from '../../src/server/clock.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';

/**
 * The demo data of `npm start` (README "Demodaten"): every page a demo account opens first shows something, and the
 * data keeps the rules of the database (checks, exclusion constraints, places) — the seed runs into the real schema.
 */
describe('demo data (Fälle and Fördern)', () => {
  let t: TestApp;
  const page = async (email: string, url: string) => {
    const jar = await signIn(t.app, email);
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: jar.header(), accept: 'text/html' } });
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: true, beispielfaelle: true, traegerKonto: true });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('seeds once: a second run into the same database does nothing', async () => {
    expect(await seedDemoData(t.database.db, hashPassword, { heute: heute(t.ctx.clock.now()) })).toBe(false);
  });

  it('has Fallakten at all three Standorte, Anträge in every open state and decided Bewilligungen with Bescheid', async () => {
    const zahl = async (q: ReturnType<typeof sql>) => Number(((await t.database.db.withSystem((tx) => tx.execute<{ n: string }>(q))).rows[0] as { n: string }).n);
    expect(await zahl(sql`select count(*) n from bedarfsgemeinschaften`)).toBeGreaterThanOrEqual(8);
    expect(await zahl(sql`select count(distinct standort_id) n from bedarfsgemeinschaften`)).toBe(3);
    for (const s of ['eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen', 'entschieden']) {
      expect(await zahl(sql`select count(*) n from antraege where status = ${s}`), s).toBeGreaterThan(0);
    }
    expect(await zahl(sql`select count(*) n from bewilligungen where status = 'bewilligt'`)).toBeGreaterThanOrEqual(3);
    expect(await zahl(sql`select count(*) n from bewilligungen where status = 'freigabe_erforderlich'`)).toBe(1);
    expect(await zahl(sql`select count(*) n from bescheide`)).toBeGreaterThanOrEqual(3);
    expect(await zahl(sql`select count(*) n from wiedervorlagen where faellig_am < ${heute(t.ctx.clock.now())} and erledigt_am is null`)).toBeGreaterThan(0);
    // Fördern
    expect(await zahl(sql`select count(*) n from massnahmen`)).toBeGreaterThanOrEqual(6);
    expect(await zahl(sql`select count(*) n from eingliederungsbudgets`)).toBe(4);
    expect(await zahl(sql`select count(*) n from kooperationsplaene where status = 'abgestimmt'`)).toBe(1);
    expect(await zahl(sql`select count(*) n from integrationen`)).toBe(2);
    for (const s of ['vorschlag', 'zugewiesen', 'eingetreten', 'ausgetreten']) {
      expect(await zahl(sql`select count(*) n from massnahme_teilnahmen where status = ${s}`), s).toBeGreaterThan(0);
    }
    for (const s of ['arbeitslos', 'arbeitsuchend', 'nicht_arbeitsuchend']) {
      expect(await zahl(sql`select count(*) n from arbeitsmarktstatus where status = ${s}`), s).toBeGreaterThan(0);
    }
  });

  it('the IBANs of the demo are valid (ISO 13616 check digits)', async () => {
    const r = await t.database.db.withSystem((tx) => tx.execute<{ iban: string }>(sql`select iban from bg_bankverbindungen`));
    expect(r.rows.length).toBeGreaterThan(0);
    for (const { iban } of r.rows) {
      const umgestellt = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
      let rest = 0;
      for (const c of umgestellt) rest = (rest * 10 + Number(c)) % 97;
      expect(rest, iban).toBe(1);
    }
  });

  it('Leistung sees Fälle, Arbeitsvorrat, a Fallakte with Bewilligung and Bescheid; Teamleitung the Freigabe', async () => {
    const suche = await page('leistung@musterland.example', '/faelle?name=Mustermann');
    expect(suche.statusCode).toBe(200);
    expect(suche.body).toContain('Mustermann');
    const vorrat = await page('leistung@musterland.example', '/arbeitsvorrat');
    expect(vorrat.statusCode).toBe(200);
    expect(vorrat.body).toContain('Braun');
    const bgId = await t.database.db.withSystem(async (tx) => {
      const r = await tx.execute<{ bg_id: string }>(sql`select m.bg_id from bg_mitgliedschaften m join person_stammdaten s on s.person_id = m.person_id where s.nachname = 'Mustermann'`);
      return r.rows[0]!.bg_id;
    });
    const akte = await page('leistung@musterland.example', `/faelle/${bgId}`);
    expect(akte.statusCode).toBe(200);
    expect(akte.body).toMatch(/bewilligt/i);
    expect(akte.body).toContain('Bewilligungsbescheid');
    // the Bescheid's PDF is rendered from its stored model on first download
    const pdfLink = /href="(\/api\/bescheide\/[^"]+\.pdf)"/.exec(akte.body)?.[1];
    expect(pdfLink).toBeDefined();
    const pdf = await page('leistung@musterland.example', pdfLink!);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/pdf/);
    // the expected income of the recorded job start waits as a change proposal for the Leistung side
    const vorschlag = await t.database.db.withSystem(async (tx) => {
      const r = await tx.execute<{ id: string; bg_id: string }>(sql`select id, bg_id from antraege where eingangskanal = 'intern'`);
      return r.rows[0]!;
    });
    const mitteilung = await page('leistung@musterland.example', `/faelle/${vorschlag.bg_id}/mitteilungen/${vorschlag.id}`);
    expect(mitteilung.statusCode).toBe(200);
    expect(mitteilung.body).toContain('Logistik Nord');
    const freigaben = await page('teamleitung@musterland.example', '/freigaben');
    expect(freigaben.statusCode).toBe(200);
    const hoffmann = await t.database.db.withSystem(async (tx) => {
      const r = await tx.execute<{ fallnummer: string }>(sql`select b.fallnummer from bewilligungen w join bedarfsgemeinschaften b on b.id = w.bg_id where w.status = 'freigabe_erforderlich'`);
      return r.rows[0]!.fallnummer;
    });
    expect(freigaben.body).toContain(`Freigeben: ${hoffmann}`);
    const zahlung = await page('leistung@musterland.example', '/zahlung');
    expect(zahlung.statusCode).toBe(200);
  });

  it('the first Zahllauf of the current month pays the next month of every decided Bewilligung (and the MAE)', async () => {
    const jar = await signIn(t.app, 'leistung@musterland.example');
    const zahlmonat = heute(t.ctx.clock.now()).slice(0, 7);
    const res = await t.app.inject({ method: 'POST', url: '/api/zahllaeufe', headers: { cookie: jar.header() }, payload: { zahlmonat } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { neu: number; lauf: { anzahl: number } | null };
    expect(r.lauf).not.toBeNull();
    // six decided Bewilligungen run into the next month; the Mehraufwandsentschädigung is paid apart
    expect(r.neu).toBeGreaterThanOrEqual(6);
  });

  it('the demo citizen sees his decided Antrag in the portal', async () => {
    const portal = await page('buerger@musterland.example', '/portal');
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toMatch(/entschieden|Entschieden/);
  });
});

describe('demo data on the integration pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true, beispielfaelle: true });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the integration pages open on the demo data without an error (pages not built yet answer 404)', async () => {
    const maxId = await t.database.db.withSystem(async (tx) => {
      const r = await tx.execute<{ person_id: string }>(sql`select person_id from person_stammdaten where nachname = 'Mustermann'`);
      return r.rows[0]!.person_id;
    });
    const jar = await signIn(t.app, 'integration@musterland.example');
    for (const url of [
      '/integration',
      `/integration/personen/${maxId}`,
      `/integration/personen/${maxId}/potenzialanalyse`,
      `/integration/personen/${maxId}/kooperationsplan`,
      `/integration/personen/${maxId}/massnahmen`,
      `/integration/personen/${maxId}/integrationen`,
      '/integration/massnahmen',
      '/integration/katalog',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: jar.header(), accept: 'text/html' } });
      expect([200, 404], `${url}: ${res.statusCode}`).toContain(res.statusCode);
    }
    const tl = await signIn(t.app, 'teamleitung@musterland.example');
    for (const url of ['/integration/budget', '/integration/genehmigungen', '/integration/umverteilen']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: tl.header(), accept: 'text/html' } });
      expect([200, 404], `${url}: ${res.statusCode}`).toContain(res.statusCode);
    }
    const buerger = await signIn(t.app, 'buerger@musterland.example');
    const plan = await t.app.inject({ method: 'GET', url: '/portal/kooperationsplan', headers: { cookie: buerger.header(), accept: 'text/html' } });
    // once the portal page exists it shows the agreed plan of the demo citizen
    expect(plan.statusCode === 404 || (plan.statusCode === 200 && plan.body.includes('Fachlagerist')), `${plan.statusCode}`).toBe(true);
  });
});
