import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/context.ts';
import { erstelleMassenBescheide } from '../../src/server/massenaenderung/bescheide.ts';
import { starteMassenaenderung } from '../../src/server/massenaenderung/steuerung.ts';
import { verarbeiteMassenaenderung } from '../../src/server/massenaenderung/verarbeite.ts';
import { signIn, type TestApp } from '../helpers/app.ts';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Pages of issue 4 that used to be API-only, in Chromium: the Träger's settings, KdU-Richtwerte (new value from a
 * date, ending, overlaps) and the result of a Massenänderung (filter, paging, CSV). Plain forms; axe on every state.
 */
async function submit(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
}

describe.skipIf(!browserAvailable)('Einstellungen, KdU-Richtwerte and Massenänderung result in Chromium', () => {
  const bed = useBrowserTestbed();
  let t: TestApp;
  let base: string;

  beforeAll(() => {
    t = bed.t;
    base = bed.base;
  });

  const signedIn = (email: string): Promise<Page> => bed.signedIn(email);

  it('admin sets the Vier-Augen thresholds and the Träger account: field errors first, then saved', async () => {
    const page = await signedIn('admin@musterland.example');
    await page.goto(`${base}/verwaltung`);
    await page.getByRole('link', { name: 'Einstellungen des Trägers' }).click();
    await page.waitForLoadState('load');
    await expectAccessible(page);
    await page.getByLabel('Nachzahlung ab (Euro)').fill('750,00');
    await page.getByLabel('Erstattungsforderung ab (Euro)').fill('');
    await page.getByLabel('Jede Ablehnung').check();
    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 01');
    await page.getByLabel('Kontoinhaber').fill('Kreis Musterland Jobcenter');
    await submit(page, 'Einstellungen speichern');
    const summary = page.locator('[data-error-summary]');
    await expect(summary.innerText()).resolves.toContain('Die IBAN ist ungültig');
    await expect(page.locator('#feld-iban').getAttribute('aria-invalid')).resolves.toBe('true');
    // what was typed is kept
    await expect(page.getByLabel('Nachzahlung ab (Euro)').inputValue()).resolves.toBe('750,00');
    await expect(page.getByLabel('Jede Ablehnung').isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    await submit(page, 'Einstellungen speichern');
    await expect(page.locator('main').innerText()).resolves.toContain('Die Einstellungen des Trägers wurden gespeichert.');
    const jetzt = await page.locator('#gilt-jetzt + ul').innerText();
    expect(jetzt).toContain('Nachzahlung ab: 750,00 €');
    expect(jetzt).toContain('Erstattungsforderung ab: keine Grenze');
    expect(jetzt).toContain('Jede Ablehnung: ja');
    await expect(page.getByLabel('IBAN').inputValue()).resolves.toBe('DE89 3704 0044 0532 0130 00');
    await expectAccessible(page);
  }, 60_000);

  it('admin keeps KdU-Richtwerte: create, overlap refused, new value from a date, end', async () => {
    const page = await signedIn('admin@musterland.example');
    await page.goto(`${base}/verwaltung`);
    await page.locator('main').getByRole('link', { name: 'KdU-Richtwerte' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('main').innerText()).resolves.toContain('Es sind noch keine Richtwerte eingetragen.');
    await expectAccessible(page);
    const neu = async (von: string) => {
      await page.getByLabel('Kommune').selectOption({ label: 'Musterstadt' });
      await page.getByLabel('Haushaltsgröße (Personen)').fill('3');
      await page.getByLabel('Angemessene Bruttokaltmiete (Euro)').fill('690,00');
      await page.getByLabel('Angemessene Heizkosten (Euro)').fill('130,00');
      await page.getByLabel('Gültig ab').fill(von);
      await submit(page, 'Richtwert speichern');
    };
    await neu('2024-01-01');
    await expect(page.locator('main').innerText()).resolves.toContain('Der Richtwert wurde gespeichert.');
    // the same Kommune and size again, overlapping
    await neu('2024-07-01');
    await expect(page.locator('[data-error-summary]').innerText()).resolves.toContain('überschneidet sich mit einem bestehenden Richtwert');
    await expect(page.locator('#feld-gueltigVon').getAttribute('aria-describedby')).resolves.toContain('feld-gueltigVon-fehler');
    await expectAccessible(page);
    // change from a date
    await page.goto(`${base}/verwaltung/kdu-richtwerte`);
    await page.getByRole('link', { name: /Ändern oder beenden \(3 Personen/ }).click();
    await page.waitForLoadState('load');
    await expectAccessible(page);
    await page.getByLabel('Neuer Wert gilt ab').fill('2025-01-01');
    await page.getByLabel('Angemessene Bruttokaltmiete (Euro)').fill('720,00');
    await submit(page, 'Neuen Wert speichern');
    const liste = await page.locator('main').innerText();
    expect(liste).toContain('Der neue Richtwert gilt ab 01.01.2025; der bisherige endet am 31.12.2024.');
    expect(liste).toContain('01.01.2024 – 31.12.2024');
    expect(liste).toContain('ab 01.01.2025');
    expect(liste).toContain('720,00 €');
    await expectAccessible(page);
    // end the new one; a date before its start is refused at the field
    await page.getByRole('link', { name: /Ändern oder beenden \(3 Personen, ab 01\.01\.2025\)/ }).click();
    await page.waitForLoadState('load');
    await page.getByLabel('Letzter Tag der Gültigkeit').fill('2024-06-30');
    await submit(page, 'Richtwert beenden');
    await expect(page.locator('#feld-bis-fehler').innerText()).resolves.toContain('nicht vor dem Beginn');
    await expectAccessible(page);
    await page.getByLabel('Letzter Tag der Gültigkeit').fill('2026-12-31');
    await submit(page, 'Richtwert beenden');
    await expect(page.locator('main').innerText()).resolves.toContain('01.01.2025 – 31.12.2026');
    await expectAccessible(page);
  }, 60_000);

  it('teamleitung reads the result of a Massenänderung: counts, changed cases, filter, pages and CSV', async () => {
    const tr = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`));
    const musterland = tr.rows[0]!.id;
    const kommuneId = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))).rows[0]!.id;
    const leistung = await signIn(t.app, 'leistung@musterland.example');
    const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({ method, url, headers: { cookie: leistung.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });
    const bgs: string[] = [];
    for (const nachname of ['Adler', 'Berg', 'Clausen']) {
      const f = await api('POST', '/api/faelle', {
        antragsdatum: '2024-07-03',
        eingangskanal: 'papier',
        personen: [{ ref: 'a', vorname: 'Eva', nachname, geburtsdatum: '1980-03-03', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
        adresse: { strasse: 'Ringstraße', hausnummer: '1', plz: '12345', ort: 'Musterstadt', kommuneId },
        bank: { iban: 'DE02120300000000202051', kontoinhaber: `Eva ${nachname}` },
        unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 7000 },
      });
      if (f.statusCode !== 201) throw new Error(`Erstantrag: ${f.body}`);
      const bgId = f.json().bg.id as string;
      bgs.push(bgId);
      const b = await api('POST', `/api/faelle/${bgId}/bewilligungen`, {});
      const fr = await api('POST', `/api/bewilligungen/${b.json().bewilligung.id}/freigeben`, { version: 1 });
      if (fr.json().bewilligung?.status !== 'bewilligt') throw new Error(`Freigabe: ${fr.body}`);
    }
    // two of the three cases were decided with 10 € too little from January 2025
    await t.ctx.db.withSystem((tx) =>
      tx.execute(sql`update bewilligung_monate m set auszahlung_cent = auszahlung_cent - 1000,
        personen = jsonb_set(personen, '{0,auszahlungCent}', to_jsonb((personen->0->>'auszahlungCent')::int - 1000))
        from bewilligungen b where b.id = m.bewilligung_id and m.monat >= '2025-01' and b.bg_id = any(${`{${bgs.slice(0, 2).join(',')}}`}::uuid[])`),
    );
    const u = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from users where email = 'teamleitung@musterland.example'`))).rows[0]!;
    const teamleitung: Actor = { userId: u.id, traegerId: musterland, traegerName: 'Kreis Musterland', art: 'staff', email: 'teamleitung@musterland.example', name: 'Tara Teamleitung', roles: ['teamleitung'], standorte: [], sessionId: 't', requestId: 't' };
    const job = await starteMassenaenderung({ ctx: t.ctx, actor: teamleitung, input: { ab: '2025-01-01', grund: 'Neue Regelbedarfe 2025' }, hintergrund: false });
    await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: job.id });
    await erstelleMassenBescheide({ ctx: t.ctx, traegerId: musterland, id: job.id });

    const page = await signedIn('teamleitung@musterland.example');
    await page.goto(`${base}/massenaenderung`);
    await page.getByRole('link', { name: '01.01.2025' }).click();
    await page.waitForLoadState('load');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Ergebnis der Massenänderung ab 01.01.2025');
    expect(main).toMatch(/Geändert \(Änderungsbescheid\)\s*2/);
    expect(main).toMatch(/Unverändert\s*1/);
    expect(main).toContain('Alle bearbeiteten Fälle: 3, Seite 1 von 1');
    expect(await page.locator('main table tbody tr').count()).toBe(3);
    expect(await page.getByRole('link', { name: /^Änderungsbescheid .* \(PDF\)$/ }).count()).toBe(2);
    await expectAccessible(page);
    // only changed cases, one per page
    await page.getByLabel('Anzeigen').selectOption('geaendert');
    await submit(page, 'Anzeigen');
    expect(await page.locator('main table tbody tr').count()).toBe(2);
    await page.goto(`${page.url()}&proSeite=1`);
    await expect(page.locator('main table caption').innerText()).resolves.toBe('Nur geänderte Fälle: 2, Seite 1 von 2');
    await page.getByRole('link', { name: 'Nächste Seite' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('main table caption').innerText()).resolves.toBe('Nur geänderte Fälle: 2, Seite 2 von 2');
    await expectAccessible(page);
    // CSV of the changed cases (the link of the page, with the session of the browser)
    const href = await page.getByRole('link', { name: /als CSV herunterladen/ }).getAttribute('href');
    expect(href).toBe(`/api/massenaenderungen/${job.id}/faelle.csv?filter=geaendert`);
    const csv = await page.request.get(`${base}${href}`);
    expect(csv.status()).toBe(200);
    const zeilen = (await csv.text()).trim().split('\r\n');
    expect(zeilen).toHaveLength(3);
    for (const z of zeilen.slice(1)) expect(z).toMatch(/;geändert;2025-01;.*;PDF erstellt;$/);
    // the PDF link opens the Änderungsbescheid
    const pdfHref = await page.getByRole('link', { name: /^Änderungsbescheid / }).first().getAttribute('href');
    const pdf = await page.request.get(`${base}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  }, 120_000);
});
