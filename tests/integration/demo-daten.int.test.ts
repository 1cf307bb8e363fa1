import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/db/seed/demo.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { heute } from '../../src/server/clock.ts';
import { VERFAHREN_STATUS } from '../../src/domain/fordern/typen.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';

/**
 * The demo data of `npm start` (README "Demodaten"): every page a demo account opens first shows something, and the
 * data keeps the rules of the database (checks, exclusion constraints, places) — the seed runs into the real schema.
 */
describe('demo data (Fälle, Fördern and Fordern)', () => {
  let t: TestApp;
  const zeilen = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await t.database.db.withSystem((tx) => tx.execute<T>(query))).rows;
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

  it('Fordern: Minderungsverfahren in every state, each on a missed Meldetermin with its Zugang recorded', async () => {
    for (const s of VERFAHREN_STATUS) {
      const [r] = await zeilen<{ n: string }>(sql`select count(*) n from minderungsverfahren where status = ${s}`);
      expect(Number(r!.n), s).toBeGreaterThan(0);
    }
    // every procedure rests on an Einladung "nicht erschienen ohne wichtigen Grund" whose Zugang is proven
    // (a wichtiger Grund recognised later – Einstellung, Widerspruch – is recorded at the Einladung)
    const anlaesse = await zeilen<{ status: string; zugang_art: string | null; zugang_am: string | null; belehrung_zugang_am: string | null; verfahren: string }>(
      sql`select e.status, e.zugang_art, e.zugang_am, v.belehrung_zugang_am, v.status verfahren from minderungsverfahren v join einladungen e on e.id = v.anlass_id where v.anlass_art = 'meldeversaeumnis'`,
    );
    const [alle] = await zeilen<{ n: string }>(sql`select count(*) n from minderungsverfahren`);
    expect(anlaesse).toHaveLength(Number(alle!.n));
    // Sabine Schneider (eingestellt) and Jonas Weber (aufgehoben): the wichtiger Grund is recorded at the Einladung
    expect(anlaesse.filter((a) => a.status === 'nicht_erschienen_mit_wichtigem_grund').map((a) => a.verfahren).sort()).toEqual(['aufgehoben', 'eingestellt']);
    for (const a of anlaesse) {
      const erlaubt = ['eingestellt', 'aufgehoben'].includes(a.verfahren)
        ? ['nicht_erschienen_ohne_wichtigen_grund', 'nicht_erschienen_mit_wichtigem_grund']
        : ['nicht_erschienen_ohne_wichtigen_grund'];
      expect(erlaubt).toContain(a.status);
      expect(a.zugang_art).not.toBeNull();
      expect(a.zugang_am).toBe(a.belehrung_zugang_am);
    }
    // a fresh missed appointment without a procedure yet: an Anlass on the list
    const [ohne] = await zeilen<{ n: string }>(
      sql`select count(*) n from einladungen e where e.status = 'nicht_erschienen_ohne_wichtigen_grund' and not exists (select 1 from minderungsverfahren v where v.anlass_id = e.id)`,
    );
    expect(Number(ohne!.n)).toBeGreaterThan(0);
    // open procedures warn before the Feststellungsfrist runs out
    const [ohneFrist] = await zeilen<{ n: string }>(
      sql`select count(*) n from minderungsverfahren v where v.status in ('erfasst', 'anhoerung', 'entscheidung', 'freigabe_erforderlich') and not exists (select 1 from wiedervorlagen w where w.id = v.wiedervorlage_id and w.art = 'minderung_frist')`,
    );
    expect(Number(ohneFrist!.n)).toBe(0);
    // the demo citizen: an Anhörung with its deadline still running, and an answer he gave through the portal
    const tag = heute(t.ctx.clock.now());
    const max = await zeilen<{ status: string; anhoerung_frist: string | null; antwort_kanal: string | null }>(
      sql`select v.status, v.anhoerung_frist, v.antwort_kanal from minderungsverfahren v join bedarfsgemeinschaften b on b.id = v.bg_id where b.fallnummer = 'BG-000001'`,
    );
    expect(max.some((v) => v.status === 'anhoerung' && v.anhoerung_frist !== null && v.anhoerung_frist >= tag)).toBe(true);
    expect(max.some((v) => v.status === 'entscheidung' && v.antwort_kanal === 'portal')).toBe(true);
    // decided procedures carry their Leistungsminderung: running (festgestellt) or lifted (aufgehoben)
    const minderungen = await zeilen<{ status: string; aufgehoben_am: string | null }>(sql`select v.status, m.aufgehoben_am from leistungsminderungen m join minderungsverfahren v on v.id = m.verfahren_id`);
    expect(minderungen.some((m) => m.status === 'festgestellt' && m.aufgehoben_am === null)).toBe(true);
    expect(minderungen.some((m) => m.status === 'aufgehoben' && m.aufgehoben_am !== null)).toBe(true);
    expect(minderungen.every((m) => m.status === 'festgestellt' || m.status === 'aufgehoben')).toBe(true);
  });

  it('Fordern: the festgestellt Minderungen are in the Bewilligung (vorgang minderung), to the cent', async () => {
    const laufend = await zeilen<{ bg_id: string; betrag_cent: string; von_monat: string; bis_monat: string }>(
      sql`select m.bg_id, m.betrag_cent, m.von_monat, m.bis_monat from leistungsminderungen m join minderungsverfahren v on v.id = m.verfahren_id where v.status = 'festgestellt' and m.aufgehoben_am is null`,
    );
    expect(laufend.length).toBeGreaterThan(0);
    let geminderteMonate = 0;
    for (const bgId of new Set(laufend.map((m) => m.bg_id))) {
      // the Bewilligung in force against the Erstbewilligung it replaced (one version per Minderung in between)
      const monate = await zeilen<{ monat: string; neu: string; alt: string }>(sql`
        select n.monat, n.auszahlung_cent neu, a.auszahlung_cent alt
        from bewilligungen b
        join bewilligungen e on e.bg_id = b.bg_id and e.vorgang = 'erstbewilligung' and e.status = 'ersetzt'
        join bewilligung_monate n on n.bewilligung_id = b.id
        join bewilligung_monate a on a.bewilligung_id = e.id and a.monat = n.monat
        where b.bg_id = ${bgId} and b.vorgang = 'minderung' and b.status = 'bewilligt'
        order by n.monat`);
      expect(monate.length).toBeGreaterThan(0);
      for (const x of monate) {
        const erwartet = laufend.filter((m) => m.bg_id === bgId && x.monat >= m.von_monat && x.monat <= m.bis_monat).reduce((s, m) => s + Number(m.betrag_cent), 0);
        if (erwartet > 0) geminderteMonate += 1;
        expect(Number(x.alt) - Number(x.neu), x.monat).toBe(erwartet);
      }
    }
    expect(geminderteMonate).toBeGreaterThan(0);
  });

  it('Fordern: the pages open on the demo procedures (Minderungen list, each procedure, the citizen\'s Anhörung)', async () => {
    const ids = await t.database.db.withSystem(async (tx) => (await tx.execute<{ id: string; status: string }>(sql`select id, status from minderungsverfahren order by aktenzeichen`)).rows);
    const liste = await page('integration@musterland.example', '/fordern');
    expect(liste.statusCode).toBe(200);
    expect(liste.body).toContain('Yilmaz');
    for (const v of ids) {
      const res = await page('integration@musterland.example', `/fordern/verfahren/${v.id}`);
      expect(res.statusCode, `${v.status}: ${res.statusCode}`).toBe(200);
    }
    const jar = await signIn(t.app, 'buerger@musterland.example');
    const res = await t.app.inject({ method: 'GET', url: '/api/portal/anhoerungen', headers: { cookie: jar.header() } });
    expect(res.statusCode, res.body).toBe(200);
    const { anhoerungen } = res.json() as { anhoerungen: { id: string; status: string }[] };
    const offen = anhoerungen.find((a) => a.status === 'offen');
    expect(offen).toBeDefined();
    // the demo's letters are rendered after seeding: the citizen's Anhörungsschreiben, the Minderungsbescheid
    const brief = await t.app.inject({ method: 'GET', url: `/portal/anhoerungen/${offen!.id}/pdf`, headers: { cookie: jar.header() } });
    expect(brief.statusCode, brief.body.slice(0, 200)).toBe(200);
    expect(brief.headers['content-type']).toMatch(/pdf/);
    const [festgestellt] = await zeilen<{ id: string }>(sql`select id from minderungsverfahren where status = 'festgestellt'`);
    const bescheid = await page('integration@musterland.example', `/api/fordern/verfahren/${festgestellt!.id}/bescheid.pdf`);
    expect(bescheid.statusCode).toBe(200);
    expect(bescheid.headers['content-type']).toMatch(/pdf/);
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
    // Fordern: the BG with the festgestellt Minderung is paid the amount of the Minderung version for the month
    const leistungsmonat = (res.json() as { leistungsmonat: string }).leistungsmonat;
    const [p] = (
      await t.database.db.withSystem((tx) =>
        tx.execute<{ gezahlt: string | null; bewilligt: string; vorher: string; minderung: string | null }>(sql`
          select (select sum(z.betrag_cent + z.aufrechnung_cent) from zahlungen z where z.bg_id = b.bg_id and z.leistungsmonat = bm.monat and z.art in ('laufend', 'kdu_empfaenger')) gezahlt,
                 bm.auszahlung_cent bewilligt, am.auszahlung_cent vorher,
                 (select m.betrag_cent from leistungsminderungen m where m.bg_id = b.bg_id and m.aufgehoben_am is null and bm.monat between m.von_monat and m.bis_monat) minderung
          from bewilligungen b
          join bewilligung_monate bm on bm.bewilligung_id = b.id and bm.monat = ${leistungsmonat}
          join bewilligung_monate am on am.bewilligung_id = b.vorgaenger_id and am.monat = bm.monat
          where b.vorgang = 'minderung' and b.status = 'bewilligt'`),
      )
    ).rows;
    expect(p, 'the BG with the Minderung has a month in this run').toBeDefined();
    expect(Number(p!.gezahlt)).toBe(Number(p!.bewilligt));
    expect(Number(p!.gezahlt)).toBe(Number(p!.vorher) - Number(p!.minderung ?? 0));
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
