import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { useBrowserTestbed } from '../helpers/testbed.ts';

/** Clicks a form's button and waits for the page the server answers with (every form posts and reloads). */
async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('main').getByRole('button', { name: button, exact: true }).click()]);
}

async function expectOneH1(page: Page, text: string) {
  expect(await page.locator('h1').allTextContents()).toEqual([text]);
}

async function expectErrorSummary(page: Page) {
  const summary = page.locator('[data-error-summary]');
  expect(await summary.count()).toBe(1);
  expect(await summary.getAttribute('role')).toBe('alert');
  expect(await page.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
}

const code = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + offset * 30_000 });

/**
 * The sign-in pages beyond the password form, in Chromium and checked with axe: e-mail confirmation, new
 * password, TOTP set-up and second factor, the Träger's sign-in settings and the OIDC error page. Each page must
 * have exactly one h1 and, in its error state, an announced summary tied to the fields.
 */
describe.skipIf(!browserAvailable)('sign-in security pages in Chromium', () => {
  const bed = useBrowserTestbed();
  let t: TestApp;
  let base: string;
  beforeAll(() => {
    t = bed.t;
    base = bed.base;
  });

  const newPage = (): Promise<Page> => bed.page();

  async function signInThroughForm(page: Page, email: string, password = 'vorort-demo') {
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await submit(page, 'Anmelden');
  }

  it('registration: confirmation page with its button, the result, and an invalid link pass axe', async () => {
    const page = await newPage();
    await page.goto(`${base}/registrieren`);
    await page.getByLabel('Vor- und Nachname').fill('Rita Browser');
    await page.getByLabel('E-Mail-Adresse').fill('rita.browser@post.example');
    await page.getByLabel('Passwort', { exact: true }).fill('browser-passwort-1');
    await page.getByLabel('Passwort wiederholen').fill('browser-passwort-1');
    await submit(page, 'Konto anlegen');
    expect(new URL(page.url()).pathname).toBe('/registrieren/gesendet');
    await expectOneH1(page, 'Bitte bestätigen Sie Ihre E-Mail-Adresse');
    await expectAccessible(page);

    const mail = await t.mail.waitFor((m) => m.to.includes('rita.browser@post.example'));
    const link = /http\S+\/registrieren\/bestaetigen\?token=\S+/.exec(mail.text)![0];
    await page.goto(link);
    await expectOneH1(page, 'E-Mail-Adresse bestätigen');
    await expectAccessible(page);
    await submit(page, 'E-Mail-Adresse jetzt bestätigen');
    await expectOneH1(page, 'E-Mail-Adresse bestätigt');
    await expectAccessible(page);

    await page.goto(`${base}/registrieren/bestaetigen?token=ungueltig`);
    await expectOneH1(page, 'Der Link ist ungültig oder abgelaufen');
    await expectAccessible(page);
  });

  it('password reset: sent notice, new-password form with errors, and an invalid link pass axe', async () => {
    const page = await newPage();
    await page.goto(`${base}/passwort-vergessen`);
    await page.getByLabel('E-Mail-Adresse').fill('buerger@musterland.example');
    await submit(page, 'Link anfordern');
    expect(await page.locator('main').innerText()).toContain('Wenn es ein Konto mit dieser Adresse gibt');
    await expectAccessible(page);

    const mail = await t.mail.waitFor((m) => m.to.includes('buerger@musterland.example'));
    const link = /http\S+\/passwort-neu\?token=\S+/.exec(mail.text)![0];
    await page.goto(link);
    await expectOneH1(page, 'Neues Passwort festlegen');
    await expectAccessible(page);
    await page.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
    await submit(page, 'Passwort speichern');
    await expectErrorSummary(page);
    await expectAccessible(page);
    await page.getByLabel('Neues Passwort', { exact: true }).fill('vorort-demo');
    await page.getByLabel('Neues Passwort wiederholen').fill('vorort-demo');
    await submit(page, 'Passwort speichern');
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    expect(await page.locator('main').innerText()).toContain('Ihr Passwort wurde geändert.');

    await page.goto(link);
    await expectOneH1(page, 'Der Link ist ungültig oder abgelaufen');
    await expectAccessible(page);
  });

  it('TOTP: set-up page with QR code, second-factor page with an error, passing axe; the keyboard user gets in', async () => {
    const page = await newPage();
    await signInThroughForm(page, 'teamleitung@musterland.example');
    await page.goto(`${base}/konto/totp`);
    await expectOneH1(page, 'Zweiter Faktor (TOTP)');
    expect(await page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' }).count()).toBe(1);
    await expectAccessible(page);
    const secret = (await page.locator('[data-totp-secret]').getAttribute('data-totp-secret'))!;
    await page.getByLabel('Sicherheitscode aus der App').fill('000000' === code(secret) ? '111111' : '000000');
    await submit(page, 'Einrichtung bestätigen');
    await expectErrorSummary(page);
    await expectAccessible(page);
    await page.getByLabel('Sicherheitscode aus der App').fill(code(secret));
    await submit(page, 'Einrichtung bestätigen');
    expect(await page.locator('main').innerText()).toContain('Der zweite Faktor ist eingerichtet.');
    await expectAccessible(page);

    await page.context().clearCookies();
    await signInThroughForm(page, 'teamleitung@musterland.example');
    expect(new URL(page.url()).pathname).toBe('/anmelden/zweiter-faktor');
    await expectOneH1(page, 'Sicherheitscode eingeben');
    await expectAccessible(page);
    await page.getByLabel('Sicherheitscode', { exact: true }).fill('12');
    await submit(page, 'Anmelden');
    await expectErrorSummary(page);
    await expectAccessible(page);
    // Keyboard only: the field, then Enter.
    await page.getByLabel('Sicherheitscode', { exact: true }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(code(secret, 1));
    await Promise.all([page.waitForURL(`${base}/arbeitsplatz`), page.keyboard.press('Enter')]);
    await expectOneH1(page, 'Arbeitsplatz');
  });

  it('the admin page for sign-in settings, with errors and a provider, passes axe; forced TOTP set-up too', async () => {
    const page = await newPage();
    await signInThroughForm(page, 'admin@musterland.example');
    await page.goto(`${base}/verwaltung/anmeldung`);
    await expectOneH1(page, 'Anmeldung und Sicherheit');
    await expectAccessible(page);
    await submit(page, 'Anmeldedienst hinzufügen');
    await expectErrorSummary(page);
    await expectAccessible(page);
    await page.getByLabel('Beschriftung auf der Anmeldeseite').fill('Kreisverwaltung');
    await page.getByLabel('Adresse des Anbieters (Issuer-URL)').fill('https://login.kreis-musterland.example/realms/jobcenter');
    await page.getByLabel('Client-ID').fill('vorort');
    await page.getByLabel('Client-Secret').fill('geheim');
    await submit(page, 'Anmeldedienst hinzufügen');
    expect(await page.locator('main table th[scope=row]').allTextContents()).toEqual(['Kreisverwaltung']);
    await page.getByLabel('Zweiten Faktor (TOTP) für alle Mitarbeitenden verlangen').check();
    await submit(page, 'Speichern');
    expect(await page.locator('main').innerText()).toContain('jetzt für alle Mitarbeitenden Pflicht');
    await expectAccessible(page);

    await page.context().clearCookies();
    await signInThroughForm(page, 'leistung@musterland.example');
    expect(new URL(page.url()).pathname).toBe('/anmelden/totp-einrichten');
    await expectOneH1(page, 'Zweiten Faktor einrichten');
    await expectAccessible(page);
    const secret = (await page.locator('[data-totp-secret]').getAttribute('data-totp-secret'))!;
    await page.getByLabel('Sicherheitscode aus der App').fill(code(secret));
    await submit(page, 'Einrichtung bestätigen');
    expect(new URL(page.url()).pathname).toBe('/arbeitsplatz');
  });

  it('after five wrong passwords the form says how long to wait and passes axe; another account still gets in', async () => {
    const page = await newPage();
    for (let i = 0; i < 5; i++) {
      await signInThroughForm(page, 'controlling@musterland.example', `falsch-${i}`);
      await expectErrorSummary(page);
    }
    await signInThroughForm(page, 'controlling@musterland.example');
    await expectErrorSummary(page);
    const summary = (await page.locator('[data-error-summary]').textContent()) ?? '';
    expect(summary).toContain('Zu viele fehlgeschlagene Anmeldeversuche.');
    expect(summary).toMatch(/in einer Minute/); // the first lock lasts one minute (it grows with further locks)
    await expectAccessible(page);
    // The lock holds only this account at this address: the admin signs in from the same browser.
    const other = await newPage();
    await signInThroughForm(other, 'admin@beispielstadt.example');
    expect(new URL(other.url()).pathname).not.toBe('/anmelden');
  });

  it('the OIDC error page passes axe', async () => {
    const page = await newPage();
    const res = await page.goto(`${base}/anmelden/oidc/callback?code=x&state=y`);
    expect(res?.status()).toBe(400);
    await expectOneH1(page, 'Anmeldung nicht möglich');
    await expectAccessible(page);
  });
});
