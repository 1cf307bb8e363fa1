import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed } from '../helpers/testbed.ts';
import { clamdFehlt, startClamd, type TestClamd } from '../helpers/clamd.ts';
import { kleinesPdf } from '../helpers/testdateien.ts';

const fehltClamd = clamdFehlt();

async function person(page: Page, gruppe: string, werte: Record<string, string>) {
  const fs = page.locator('fieldset', { has: page.locator('legend', { hasText: gruppe }) }).first();
  for (const [label, wert] of Object.entries(werte)) await fs.getByLabel(label, { exact: true }).fill(wert);
}

/**
 * A caseworker records a paper Erstantrag for a couple with two children in Chromium,
 * opens the Fallakte, looks at a past day, takes the Antrag from the work queue; every page passes axe
 * (axe needs JavaScript; the forms themselves are plain HTML posts, see tests/integration/fall-seiten.int.test.ts).
 */
describe.skipIf(!browserAvailable)('Fallakte in Chromium', () => {
  let clamd: TestClamd | undefined;
  beforeAll(async () => {
    clamd = fehltClamd ? undefined : await startClamd();
  }, 60_000);
  afterAll(async () => {
    await clamd?.stop();
  });
  const bed = useBrowserTestbed({ config: () => (clamd ? { clamdSocket: clamd.socket } : undefined) });
  async function signedIn(email: string, javaScriptEnabled = true): Promise<Page> {
    const page = await bed.signedIn(email, { ...DESKTOP, javaScriptEnabled });
    page.setDefaultTimeout(8000);
    return page;
  }

  it('records a paper Erstantrag for a couple with two children and works with the Fallakte', async () => {
    const page = await signedIn('leistung@musterland.example');
    await page.getByRole('link', { name: 'Fälle' }).first().click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Erstantrag erfassen' }).click();
    await expectAccessible(page);
    await page.getByLabel('Antragsdatum').fill('2024-06-12');
    await person(page, 'Antragstellende Person', { Vorname: 'Aylin', Nachname: 'Browser', Geburtsdatum: '1985-03-10', 'Erwerbseinkommen brutto monatlich (Euro) – optional': '1600', 'Erwerbseinkommen netto monatlich (Euro) – optional': '1200' });
    await person(page, 'Partnerin oder Partner', { Vorname: 'Ben', Nachname: 'Browser', Geburtsdatum: '1987-05-10', 'Erwerbseinkommen brutto monatlich (Euro) – optional': '400', 'Erwerbseinkommen netto monatlich (Euro) – optional': '400' });
    await page.getByRole('button', { name: 'Weiteres Kind hinzufügen' }).click();
    await page.getByRole('button', { name: 'Weiteres Kind hinzufügen' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Kind 2');
    await person(page, 'Kind 1', { Vorname: 'Clara', Nachname: 'Browser', Geburtsdatum: '2017-01-10' });
    await person(page, 'Kind 2', { Vorname: 'David', Nachname: 'Browser', Geburtsdatum: '2010-01-10' });
    await page.getByLabel('Straße').fill('Lindenweg');
    await page.getByLabel('Hausnummer').fill('4');
    await page.getByLabel('Postleitzahl').fill('12345');
    await page.getByLabel('Ort', { exact: true }).fill('Musterstadt');
    await page.getByLabel('Kommune').selectOption({ label: 'Musterstadt' });
    await page.getByLabel('IBAN – optional').fill('DE02 1203 0000 0000 2020 59');
    await page.getByLabel('Kontoinhaber/in – optional').fill('Aylin Browser');
    await page.getByLabel('Grundmiete (Euro) – optional').fill('570');
    await page.getByLabel('Nebenkosten (Euro) – optional').fill('140');
    await page.getByLabel('Heizkosten (Euro) – optional').fill('140');
    await page.getByRole('button', { name: 'Erstantrag speichern' }).click();
    // Wrong check digit: the message is at the field and in the summary, the rest is kept.
    expect(await page.locator('#fehler').textContent()).toContain('Diese IBAN ist nicht gültig');
    await expectAccessible(page);
    expect(await page.getByLabel('Vorname').nth(3).inputValue()).toBe('David');
    await page.getByLabel('IBAN – optional').fill('DE02 1203 0000 0000 2020 51');
    await Promise.all([page.waitForURL(/\/faelle\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Erstantrag speichern' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Fallakte BG-\d{6}/);
    expect(await page.locator('main').textContent()).toContain('Browser, David');
    await expectAccessible(page);
    const akteUrl = page.url();

    await page.getByLabel('Stand am').fill('2024-05-31');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    expect(await page.locator('main').textContent()).toContain('An diesem Tag gehörte niemand zur Bedarfsgemeinschaft.');

    await page.getByRole('link', { name: 'Arbeitsvorrat' }).first().click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Mir zuweisen' }).first().click();
    expect(await page.locator('main').textContent()).toContain('Lena Leistung');

    // A child is born: first without a date (message at the field), then from its birthday.
    await page.goto(akteUrl);
    await page.locator('summary', { hasText: 'Person aufnehmen (Geburt, Zuzug)' }).click();
    const aufnehmen = page.getByRole('form', { name: 'Person aufnehmen' });
    await aufnehmen.getByLabel('Vorname').fill('Nora');
    await aufnehmen.getByLabel('Nachname').fill('Browser');
    await aufnehmen.getByLabel('Geburtsdatum').fill('2024-10-07');
    await aufnehmen.getByLabel('Kindergeld für dieses Kind (Euro monatlich) – optional').fill('250');
    await aufnehmen.getByRole('button', { name: 'Person aufnehmen' }).click();
    expect(await page.locator('#fehler').textContent()).toContain('Bitte ein Datum angeben.');
    await expectAccessible(page);
    const nochmal = page.getByRole('form', { name: 'Person aufnehmen' });
    expect(await nochmal.getByLabel('Vorname').inputValue()).toBe('Nora');
    await nochmal.getByLabel('Gehört dazu ab').fill('2024-10-07');
    await nochmal.getByRole('button', { name: 'Person aufnehmen' }).click();
    expect(await page.locator('main').textContent()).toContain('Nora Browser gehört ab 07.10.2024 dazu.');
    expect(await page.locator('main').textContent()).toContain('Browser, Nora');

    // Ben moves out.
    await page.goto(akteUrl);
    await page.locator('summary', { hasText: 'Person scheidet aus' }).click();
    const austritt = page.getByRole('form', { name: 'Person scheidet aus' });
    await austritt.getByLabel('Person').selectOption({ label: 'Ben Browser' });
    await austritt.getByLabel('Gehört nicht mehr dazu ab').fill('2024-11-01');
    await austritt.getByRole('button', { name: 'Austritt speichern' }).click();
    expect(await page.locator('main').textContent()).toContain('Der Austritt ab 01.11.2024 wurde gespeichert.');

    // Vermögen of Aylin from a date.
    await page.locator('summary', { hasText: 'Vermögen ab einem Tag erfassen' }).click();
    const vermoegen = page.getByRole('form', { name: 'Vermögen ändern' });
    await vermoegen.getByLabel('Person').selectOption({ label: 'Aylin Browser' });
    await vermoegen.getByLabel('Gültig ab').fill('2024-11-01');
    await vermoegen.getByLabel('Bezeichnung, z. B. Sparbuch, Auto').fill('Sparbuch');
    await vermoegen.getByLabel('Zu berücksichtigender Wert (Euro)').fill('1.200,00');
    await vermoegen.getByRole('button', { name: 'Vermögen speichern' }).click();
    expect(await page.locator('main').textContent()).toContain('Die Vermögensangabe ab 01.11.2024 wurde gespeichert.');
    await page.goto(`${akteUrl}?stichtag=2024-11-15`);
    const november = (await page.locator('main').textContent()) ?? '';
    expect(november).toContain('Sparbuch');
    expect(november).toContain('1.200,00 €');
    expect(await page.getByRole('rowheader', { name: 'Browser, Ben' }).count()).toBe(0);
    expect(await page.getByRole('rowheader', { name: 'Browser, Nora' }).count()).toBe(1);
    await expectAccessible(page);

    // "Daten ändern" opens the prefilled form of one person.
    await page.getByRole('link', { name: 'Daten ändern von Aylin Browser' }).click();
    expect(await page.getByRole('form', { name: 'Daten von Aylin Browser ändern' }).getByLabel('Nachname').inputValue()).toBe('Browser');
    await expectAccessible(page);

    // A document is uploaded (multipart, virus-scanned when clamd runs here).
    await page.goto(akteUrl);
    await page.locator('summary', { hasText: 'Dokument hochladen' }).click();
    const dokument = page.getByRole('form', { name: 'Dokument hochladen' });
    await dokument.getByLabel('Titel, z. B. Mietvertrag').fill('Geburtsurkunde Nora');
    await dokument.getByLabel('Datei').setInputFiles({ name: 'urkunde.pdf', mimeType: 'application/pdf', buffer: kleinesPdf('Geburtsurkunde') });
    await dokument.getByRole('button', { name: 'Dokument hochladen' }).click();
    const nachUpload = (await page.locator('main').textContent()) ?? '';
    expect(nachUpload).toContain(clamd ? 'Das Dokument „Geburtsurkunde Nora“ wurde auf Viren geprüft und abgelegt.' : 'konnte gerade nicht auf Viren geprüft werden');
    expect(await page.getByRole('link', { name: 'Geburtsurkunde Nora' }).count()).toBe(clamd ? 1 : 0);
    await expectAccessible(page);
    // One long journey through many pages (each checked by axe): more time than the default on a busy machine.
  }, 150_000);

  it('on a phone (390×844) the tables scroll inside their own region: axe is clean, nothing overlaps, forms below stay clickable', async () => {
    const page = await bed.signedIn('leistung@musterland.example', PHONE);
    page.setDefaultTimeout(8000);
    const kommune = (await bed.t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where name = 'Musterstadt'`))).rows[0]!.id;
    const fall = await page.request.post(`${bed.base}/api/faelle`, {
      data: {
        antragsdatum: '2024-06-03',
        eingangskanal: 'papier',
        personen: [
          {
            ref: 'a',
            vorname: 'Henrike',
            nachname: 'Handtabelle-Langername',
            geburtsdatum: '1980-02-02',
            staatsangehoerigkeit: 'DE',
            rolle: 'antragsteller',
            einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Gärtnerei Grün und Söhne Landschaftsbau', bruttoCent: 160000, nettoCent: 120000 }],
          },
        ],
        adresse: { strasse: 'Bahnhofstraße', hausnummer: '2', plz: '12345', ort: 'Musterstadt', kommuneId: kommune },
        bank: { iban: 'DE02100100100006820101', kontoinhaber: 'Henrike Handtabelle-Langername' },
        unterkunft: { grundmieteCent: 38000, nebenkostenCent: 7000, heizkostenCent: 6000 },
      },
    });
    expect(fall.status(), await fall.text()).toBe(201);
    const bgId = (await fall.json()).bg.id as string;
    await page.goto(`${bed.base}/faelle/${bgId}?stichtag=2024-06-15`);
    expect(await page.locator('section[aria-labelledby=einkommen] table').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby=verlauf] table').count()).toBe(1);
    await expectAccessible(page);
    // the page itself does not scroll sideways; wide tables scroll in their region, which keyboard users can focus
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // the overview at the top links every section: the Bewilligung at the bottom is one tap away, not 5,500 px
    const nav = page.getByRole('navigation', { name: 'Abschnitte der Fallakte' });
    expect(await nav.boundingBox().then((b) => b!.y)).toBeLessThan(1200);
    await nav.getByRole('link', { name: 'Bewilligung und Bescheide' }).click();
    // in view after the jump (the last sections cannot scroll to the very top)
    await expect.poll(() => page.evaluate(() => ((t) => t >= 0 && t < window.innerHeight - 40)(document.getElementById('bewilligung')!.getBoundingClientRect().top))).toBe(true);
    await nav.evaluate((el) => el.scrollIntoView());
    await nav.getByRole('link', { name: 'Anträge' }).click();
    await expect.poll(() => page.evaluate(() => ((t) => t >= 0 && t < window.innerHeight - 40)(document.getElementById('antraege')!.getBoundingClientRect().top))).toBe(true);
    if (process.env.FALLAKTE_SCREENSHOT) {
      await page.goto(`${bed.base}/faelle/${bgId}?stichtag=2024-06-15`);
      await page.screenshot({ path: process.env.FALLAKTE_SCREENSHOT });
    }
    for (const name of [/^Einkommen am 15\.06\.2024/, /^Verlauf: alle Änderungen/]) {
      const region = page.getByRole('region', { name });
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect(await region.locator('table').count()).toBe(1);
    }
    // no table reaches over what follows it: every heading and disclosure below a table is the element hit at its place
    const verdeckt = await page.evaluate(() =>
      [...document.querySelectorAll('main h2, main summary')].flatMap((el) => {
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);
        return hit && (hit === el || el.contains(hit)) ? [] : [`${el.textContent} → ${hit?.outerHTML.slice(0, 80)}`];
      }),
    );
    expect(verdeckt).toEqual([]);
    await page.locator('summary', { hasText: 'Einkommen ab einem Tag ändern' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Einkommen ändern' }).isVisible()).toBe(true);
    await page.locator('summary', { hasText: 'Dokument hochladen' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Dokument hochladen' }).isVisible()).toBe(true);
    await expectAccessible(page);
  }, 90_000);
});
