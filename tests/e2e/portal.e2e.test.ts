import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { text, type Sprache } from '../../src/domain/formular/index.ts';
import { stelleBescheidZu } from '../../src/server/portal/bescheid-zustellen.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { browserAvailable, expectAccessible, launchBrowser } from '../helpers/browser.ts';
import { clamdFehlt, startClamd, type TestClamd } from '../helpers/clamd.ts';
import { kleinesPng } from '../helpers/testdateien.ts';

/**
 * Bürgerportal end to end in Chromium on a phone-sized viewport (issue 5, "Done when"): register, start, stop after
 * the first step (Antragsdatum recorded), resume, partner + child + job, upload a photo of a payslip, submit; the
 * caseworker finds it in the work queue with the data and the scanned document; Bescheid in the Postfach after
 * opting in; the same application without JavaScript; a representative acts; axe on every portal page in every language.
 */
const PHONE = { width: 390, height: 844 };
const fehltClamd = clamdFehlt();

/** Fills a step by field names (text, radio "ja"/"nein"/value, checkbox) and presses "Speichern und weiter". */
async function schritt(page: Page, felder: Record<string, string | boolean>, axe = false) {
  if (axe) await expectAccessible(page);
  for (const [name, wert] of Object.entries(felder)) {
    const feld = page.locator(`main form [name="${name}"]`);
    const typ = await feld.first().getAttribute('type');
    const tag = await feld.first().evaluate((e) => e.tagName.toLowerCase());
    if (tag === 'select') await feld.first().selectOption(String(wert));
    else if (typ === 'radio') await page.locator(`main form input[name="${name}"][value="${String(wert)}"]`).check();
    else if (typ === 'checkbox') await feld.first().check();
    else await feld.first().fill(String(wert));
  }
  const vorher = page.url();
  await page.locator('main form button[value=weiter]').click();
  await page.waitForURL((u) => u.toString() !== vorher);
}

async function fotoHochladen(page: Page) {
  await page.locator('select[name=nachweis]').selectOption('lohnabrechnungen');
  await page.locator('input[type=file][name=datei]').setInputFiles({ name: 'lohnabrechnung.png', mimeType: 'image/png', buffer: kleinesPng() });
  await Promise.all([page.waitForURL(/hochgeladen=/), page.locator('form[enctype="multipart/form-data"] button[type=submit]').click()]);
}

async function ganzerAntrag(page: Page, axe: boolean) {
  await schritt(page, { vorname: 'Erika', nachname: 'Handy', geburtsdatum: '1988-04-12', geschlecht: 'w', staatsangehoerigkeit: 'DE' }, axe);
  await schritt(page, { familienstand: 'verheiratet' }, axe);
  await schritt(page, { strasse: 'Lindenweg', hausnummer: '3', plz: '12345', ort: 'Musterstadt' }, axe);
  await schritt(page, { email: 'erika@example.org' }, axe);
  await schritt(page, { iban: 'DE02 1203 0000 0000 2020 51', kontoinhaber: 'Erika Handy' }, axe);
  await schritt(page, { partner: 'ja', kinder: 'ja', weiterePersonen: 'nein' }, axe);
  await schritt(page, { vorname: 'Jonas', nachname: 'Handy', geburtsdatum: '1986-01-30', geschlecht: 'm', staatsangehoerigkeit: 'DE' }, axe);
  await schritt(page, { erwerbsfaehig: 'ja' }, axe);
  // list of children: "add" works as a plain submit button
  if (axe) await expectAccessible(page);
  await page.locator('button[value="hinzufuegen:kinder"]').click();
  await page.waitForURL(/kinder\/k1\/kind-person/);
  await schritt(page, { vorname: 'Lena', nachname: 'Handy', geburtsdatum: '2018-06-01', geschlecht: 'w', staatsangehoerigkeit: 'DE', verwandtschaft: 'gemeinsames_kind' }, axe);
  await schritt(page, { kindergeld: 'ja' }, axe);
  await schritt(page, { kindergeldCent: '255' }, axe);
  expect(await page.locator('.eintrag').count()).toBe(1);
  await schritt(page, {}, axe);
  await schritt(page, { wohnform: 'miete' }, axe);
  await schritt(page, { grundmieteCent: '520', nebenkostenCent: '110', heizkostenCent: '85,50', heizungsart: 'zentral', warmwasserDezentral: 'nein', wohnflaecheQm: '68' }, axe);
  await schritt(page, { einkommenVorhanden: 'ja', einmalzahlungVorhanden: 'nein' }, axe);
  await page.locator('button[value="hinzufuegen:einkommen"]').click();
  await page.waitForURL(/einkommen\/e1\/einkommen-art/);
  await schritt(page, { person: 'antragsteller', art: 'arbeit' }, axe);
  await schritt(page, { arbeitgeber: 'Bäckerei Korn', bruttoCent: '1.200', nettoCent: '950', minijob: 'nein' }, axe);
  await schritt(page, {}, axe);
  await schritt(page, { vermoegenVorhanden: 'nein' }, axe);
  await schritt(page, {}, axe);
  await schritt(page, { vorhanden: 'nein' }, axe);
  await schritt(page, { richtig: true, mitwirkung: true }, axe);
  await page.waitForURL(/\/absenden$/);
}

describe.skipIf(!browserAvailable)('Bürgerportal in Chromium (Handy)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let clamd: TestClamd | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    clamd = fehltClamd ? undefined : await startClamd();
    t = await createTestApp({ seed: true, ...(clamd ? { config: { clamdSocket: clamd.socket } } : {}) });
    base = await t.listen();
    browser = await launchBrowser();
  }, 60_000);
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await clamd?.stop();
  });

  async function neueSeite(javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'de-DE', javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  async function anmelden(page: Page, email: string, password = 'vorort-demo') {
    await page.goto(`${base}/anmelden`);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await Promise.all([page.waitForURL(/\/(portal|arbeitsplatz)/), page.locator('main form button[type=submit]').click()]);
  }

  it('a citizen registers, applies on the phone, uploads a payslip photo and submits; the caseworker finds it; Bescheid in the Postfach', async () => {
    const page = await neueSeite();
    // register and verify through the mail catcher
    await page.goto(`${base}/registrieren`);
    await expectAccessible(page);
    await page.locator('input[name=name]').fill('Erika Handy');
    await page.locator('input[name=email]').fill('erika.handy@example.org');
    await page.locator('input[name=password]').fill('sicheres-passwort-1');
    await page.locator('input[name=password2]').fill('sicheres-passwort-1');
    await page.locator('main form button[type=submit]').click();
    const mail = await t.mail.waitFor((m) => m.to.includes('erika.handy@example.org'));
    const link = /https?:\/\/\S+\/registrieren\/bestaetigen\?token=\S+/.exec(mail.text)![0];
    await page.goto(link);
    await page.locator('main form button[type=submit]').click();
    await anmelden(page, 'erika.handy@example.org', 'sicheres-passwort-1');
    await page.goto(`${base}/portal`);
    await expectAccessible(page);

    // start and stop after the first step
    await page.locator('main form:has(input[value=erstantrag]) button').click();
    await page.waitForURL(/\/schritt\/antrag$/);
    await schritt(page, { beantragt: true }, true);
    await page.waitForURL(/\/schritt\/person$/);
    const heute = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(t.ctx.clock.now());
    const datum = heute.split('-').toReversed().join('.');
    expect(await page.locator('main').textContent()).toContain(datum);
    await page.getByRole('link', { name: 'Später weitermachen' }).click();
    expect(await page.locator('main').textContent()).toContain(`Antragsdatum ${datum}`);

    // resume later (here: a fresh browser = another device)
    const spaeter = await neueSeite();
    await anmelden(spaeter, 'erika.handy@example.org', 'sicheres-passwort-1');
    await spaeter.goto(`${base}/portal`);
    await spaeter.getByRole('link', { name: /weiter ausfüllen/ }).click();
    await spaeter.waitForURL(/\/schritt\/person$/);
    await ganzerAntrag(spaeter, true);
    await expectAccessible(spaeter);
    expect(await spaeter.locator('main').textContent()).toContain('Lohnabrechnungen der letzten 3 Monate');
    await fotoHochladen(spaeter);
    expect(spaeter.url()).toContain(clamd ? 'hochgeladen=sauber' : 'hochgeladen=quarantaene');
    await expectAccessible(spaeter);
    await Promise.all([spaeter.waitForURL(/\/eingegangen$/), spaeter.getByRole('button', { name: 'Antrag verbindlich absenden' }).click()]);
    expect(await spaeter.locator('h1').textContent()).toBe('Ihr Antrag ist eingegangen');
    await expectAccessible(spaeter);
    await spaeter.getByRole('link', { name: 'Zum Postfach' }).click();
    expect(await spaeter.locator('main').textContent()).toContain('Eingangsbestätigung');
    await expectAccessible(spaeter);

    // the caseworker finds it with the data in place and the document scanned
    const sb = await neueSeite();
    await anmelden(sb, 'leistung@musterland.example');
    await sb.goto(`${base}/online-eingang`);
    const eingang = (await sb.locator('main').textContent()) ?? '';
    expect(eingang).toContain('Erika Handy');
    expect(eingang).toContain('lohnabrechnung.png');
    expect(eingang).toContain(clamd ? 'virengeprüft' : 'in Quarantäne');
    await sb.goto(`${base}/arbeitsvorrat`);
    await Promise.all([sb.waitForURL(/\/faelle\/[0-9a-f-]{36}$/), sb.locator('tr', { hasText: datum }).first().getByRole('button', { name: 'Fallakte anlegen/zuordnen' }).click()]);
    const akte = (await sb.locator('main').textContent()) ?? '';
    for (const name of ['Erika', 'Jonas', 'Lena', 'Bäckerei Korn']) expect(akte).toContain(name);
    const bgId = sb.url().split('/').pop()!;

    // opt in for online delivery, then a Bescheid arrives in the Postfach
    await spaeter.goto(`${base}/portal/zustellung`);
    await expectAccessible(spaeter);
    await spaeter.locator('input[name=online][value=ja]').check();
    await Promise.all([spaeter.waitForURL(/\/portal\/postfach/), spaeter.getByRole('button', { name: 'Auswahl speichern' }).click()]);
    const traegerId = (await t.ctx.db.withSystem((tx) => tx.execute<{ traeger_id: string }>(sql`select traeger_id from bedarfsgemeinschaften where id = ${bgId}`))).rows[0]!.traeger_id;
    const weg = await t.ctx.db.withTenant({ traegerId }, (tx) =>
      stelleBescheidZu({ tx, actor: { system: 'e2e', traegerId }, bgId, titel: 'Bewilligungsbescheid Bürgergeld', pdf: Buffer.from('%PDF-1.4\n%%EOF\n'), dateiname: 'bescheid.pdf' }),
    );
    expect(weg).toBe('postfach');
    await spaeter.reload();
    expect(await spaeter.locator('main').textContent()).toContain('Bewilligungsbescheid Bürgergeld');

    // the citizen reports a new job; the caseworker checks the prepared change, applies it with one confirmation
    await spaeter.goto(`${base}/portal`);
    await Promise.all([spaeter.waitForURL(/\/schritt\/aenderung$/), spaeter.getByRole('button', { name: text('vm.arbeit.titel', 'de') }).click()]);
    await schritt(spaeter, { person: 'Jonas Handy', aenderung: 'neue_arbeit', ab: heute }, true);
    await schritt(spaeter, { arbeitgeber: 'Gärtnerei Grün', bruttoCent: '2.100', nettoCent: '1.560' }, true);
    await schritt(spaeter, { richtig: true }, true);
    await Promise.all([spaeter.waitForURL(/\/eingegangen$/), spaeter.getByRole('button', { name: text('portal.absenden', 'de') }).click()]);

    // the caseworker checks it on a phone too: the Fallakte's tables scroll inside their regions
    const sb2 = await neueSeite();
    await anmelden(sb2, 'leistung@musterland.example');
    await sb2.goto(`${base}/faelle/${bgId}`);
    await Promise.all([sb2.waitForURL(/\/mitteilungen\/[0-9a-f-]{36}$/), sb2.getByRole('link', { name: /Arbeit oder Einkommen vom/ }).click()]);
    await expectAccessible(sb2);
    expect(await sb2.locator('select[name=v0_personId] option:checked').textContent()).toContain('Jonas Handy');
    expect(await sb2.locator('input[name=v0_bruttoCent]').inputValue()).toBe('2100,00');
    await Promise.all([sb2.waitForURL(/\/faelle\/[0-9a-f-]{36}$/), sb2.getByRole('button', { name: 'Geprüfte Änderungen in die Fallakte übernehmen' }).click()]);
    await expectAccessible(sb2);
    expect(await sb2.evaluate(() => document.documentElement.scrollWidth), 'the Fallakte does not scroll sideways on a phone').toBeLessThanOrEqual(PHONE.width);
    const nachher = (await sb2.locator('main').textContent()) ?? '';
    expect(nachher).toContain('Die Veränderungsmitteilung wurde übernommen');
    expect(nachher).toContain('Gärtnerei Grün');
    expect(nachher).toContain('übernommen am');
  }, 900_000);

  it('the same application completes with JavaScript disabled', async () => {
    const page = await neueSeite(false);
    await anmelden(page, 'buerger@musterland.example');
    await page.goto(`${base}/portal`);
    await page.locator('main form:has(input[value=erstantrag]) button').click();
    await page.waitForURL(/\/schritt\/antrag$/);
    await schritt(page, { beantragt: true });
    await ganzerAntrag(page, false);
    await fotoHochladen(page);
    // the demo Kommunen list their Postleitzahlen: the Kommune follows from the address, nobody is asked
    expect(await page.locator('select[name=kommuneId]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('nach der Postleitzahl: Musterstadt');
    await Promise.all([page.waitForURL(/\/eingegangen$/), page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Ihr Antrag ist eingegangen');
  }, 120_000);

  it('a representative acts for a citizen with their own account', async () => {
    await t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
        select traeger_id, 'buerger', 'berater@beratung.example', 'Bea Beraterin', password_hash, now(), roles from users where email = 'buerger@musterland.example'`),
    );
    const buerger = await neueSeite();
    await anmelden(buerger, 'buerger@musterland.example');
    await buerger.goto(`${base}/portal/vollmachten`);
    await expectAccessible(buerger);
    await buerger.locator('input[name=email]').fill('berater@beratung.example');
    await buerger.locator('input[name=umfang][value=handeln]').check();
    await buerger.getByRole('button', { name: 'Vollmacht erteilen' }).click();
    expect(await buerger.locator('main').textContent()).toContain('Bea Beraterin');
    await expectAccessible(buerger);

    const berater = await neueSeite();
    await anmelden(berater, 'berater@beratung.example');
    await berater.goto(`${base}/portal`);
    await berater.getByRole('link', { name: /Max Mustermann/ }).click();
    expect(await berater.locator('main').textContent()).toContain('Sie handeln als Bevollmächtigte');
    await expectAccessible(berater);
    await berater.getByRole('link', { name: 'Postfach' }).click();
    expect(await berater.locator('main').textContent()).toContain('Eingangsbestätigung');
    await berater.locator('input[name=betreff]').fill('Rückfrage der Beratungsstelle');
    await berater.locator('textarea[name=text]').fill('Wir unterstützen Herrn Mustermann beim Antrag.');
    await Promise.all([berater.waitForURL(/gesendet=1/), berater.getByRole('button', { name: 'Nachricht senden' }).click()]);
    const audit = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where object_type = 'postfach_nachricht' and actor_user_id = (select id from users where email = 'berater@beratung.example')`),
    );
    expect(audit.rows[0]!.n).toBe(1);
  }, 60_000);

  it('axe finds nothing on the portal pages in every language (phone viewport); Arabic is right to left', async () => {
    const page = await neueSeite();
    await anmelden(page, 'buerger@musterland.example');
    const entwurf = await page.request.post(`${base}/portal/antrag/neu`, { form: { flow: 'veraenderung-umzug', _csrf: (await page.context().cookies()).find((c) => c.name === 'vorort_csrf')!.value }, maxRedirects: 0 });
    const id = entwurf.headers().location!.split('/')[3]!;
    const seiten = [
      '/portal',
      '/portal/postfach',
      '/portal/zustellung',
      '/portal/vollmachten',
      `/portal/antrag/${id}/schritt/umzug`,
      `/portal/antrag/${id}/pruefen`,
      '/anspruch-pruefen',
    ];
    for (const lang of ['de', 'en', 'uk', 'ar', 'tr']) {
      await page.goto(`${base}/portal?lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      const fuss = (await page.locator('footer').textContent()) ?? '';
      expect(fuss.includes(text('portal.deutsch_verbindlich', lang as Sprache))).toBe(lang !== 'de');
      for (const s of seiten) {
        await page.goto(`${base}${s}`);
        await expectAccessible(page);
        const breite = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(breite, `${lang} ${s}: no horizontal scrolling on a phone`).toBeLessThanOrEqual(PHONE.width);
      }
      // the pre-check's result (posted: no figures in the URL), with its explanation opened
      await page.goto(`${base}/anspruch-pruefen`);
      await page.locator('input[name=geburtsdatum]').fill('1990-05-05');
      await page.locator('input[name=grundmiete]').fill('500');
      await page.locator('input[name=nebenkosten]').fill('100');
      await page.locator('input[name=heizkosten]').fill('80');
      await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type=submit]').first().click()]);
      await page.locator('[data-testid=betrag]').waitFor();
      // the path, not the whole URL: a random port such as 45003 contains "500"
      expect(new URL(page.url()).pathname).not.toContain('500');
      await page.locator('details summary').click();
      await expectAccessible(page);
      const breite = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(breite, `${lang} pre-check result: no horizontal scrolling on a phone`).toBeLessThanOrEqual(PHONE.width);
      // the amount column stays on screen
      const betrag = await page.locator('table.erklaerung td.betrag').first().boundingBox();
      expect(betrag!.x + betrag!.width).toBeLessThanOrEqual(PHONE.width);
    }
  }, 900_000);
});
