import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed, type Testbed } from '../helpers/testbed.ts';

/**
 * The citizen's journey as one path (issue 10, "Done when"), at 390 px and at 1280 px, axe on every page, never a
 * horizontal scroll: start page → pre-check (posted, no figures in the URL) → "Jetzt Antrag stellen (mit diesen
 * Angaben)" → sign-in page → registration (the target travels along) → confirmation mail → sign-in → the Erstantrag
 * starts with the pre-check's answers and the account's name and e-mail → the closing page shows every answer,
 * "ändern" returns there → submission page → review page → submission → appointment booking from the portal.
 * Then the caseworker's part (see `sachbearbeitung`), on the phone at 390 px and on the desktop at 1280 px.
 */
/** axe clean and no horizontal scrolling on the page as it is now */
async function pruefe(page: Page, wo: string) {
  await expectAccessible(page);
  const b = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(b.doc, `${wo}: no horizontal scrolling`).toBeLessThanOrEqual(b.view);
}

async function klick(page: Page, ziel: RegExp, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForURL(ziel), locator.click()]);
}

/** Fills fields by name (text, select, radio value, checkbox) and presses "weiter". */
async function schritt(page: Page, felder: Record<string, string | boolean>, wo: string) {
  await pruefe(page, wo);
  for (const [name, wert] of Object.entries(felder)) {
    const feld = page.locator(`main form [name="${name}"]`).first();
    const tag = await feld.evaluate((e) => e.tagName.toLowerCase());
    const typ = await feld.getAttribute('type');
    if (tag === 'select') await feld.selectOption(String(wert));
    else if (typ === 'radio') await page.locator(`main form input[name="${name}"][value="${String(wert)}"]`).check();
    else if (typ === 'checkbox') await feld.check();
    else await feld.fill(String(wert));
  }
  const vorher = page.url();
  await page.locator('main form button[value=weiter]').click();
  await page.waitForURL((u) => u.toString() !== vorher);
}

const nr = (s: string) => Number(/\d+/.exec(s)![0]);

/** Presses a form button and waits for the next page (the address may stay the same, e.g. …#bewilligung). */
async function senden(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForEvent('load'), locator.click()]);
}

/** YYYY-MM of a moment in Europe/Berlin, n months on */
function monat(d: Date, plus = 0): string {
  const [j, m] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' }).format(d).split('-').map(Number) as [number, number];
  const x = j * 12 + (m - 1) + plus;
  return `${Math.floor(x / 12)}-${String((x % 12) + 1).padStart(2, '0')}`;
}
const mmjjjj = (jjjjmm: string) => `${jjjjmm.slice(5, 7)}/${jjjjmm.slice(0, 4)}`;
/** the last day the law parameters are known for (the months after it are computed "fortgeschrieben") */
const RECHT_BEKANNT_BIS = '2026-12';

/**
 * The caseworker's part of the journey: finds the new online application by the applicant's name in the work queue,
 * creates the Fallakte from it, sees every answer and the submitted PDF, approves 12 months from the current month
 * (past the last known law date: "fortgeschrieben"), creates the Bescheid; the Antrag closes and the citizen sees the
 * decision with the Bescheid in the portal and in the Postfach. axe and no horizontal scroll on every page.
 */
async function sachbearbeitung(bed: Testbed, ansicht: BrowserContextOptions, p: { vorname: string; nachname: string; email: string }) {
  const base = bed.base;
  const name = `${p.vorname} ${p.nachname}`;
  // the lists show "Nachname, Vorname"
  const listenName = `${p.nachname}, ${p.vorname}`;
  const anmelden = async (email: string, password?: string) => {
    const page = await bed.signedIn(email, { ...ansicht, ...(password ? { password } : {}) });
    page.setDefaultTimeout(15_000);
    return page;
  };
  let page = await anmelden('leistung@musterland.example');
  await page.goto(`${base}/arbeitsvorrat`);
  await pruefe(page, 'Arbeitsvorrat');
  const zeile = page.getByRole('row').filter({ hasText: listenName });
  await expect.poll(() => zeile.count()).toBe(1);
  expect(await zeile.innerText()).toContain('Online-Antrag, noch keine Fallakte');
  await klick(page, /\/faelle\/[0-9a-f-]{36}$/, zeile.getByRole('button', { name: 'Fallakte anlegen/zuordnen' }));
  const bgId = /\/faelle\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await pruefe(page, 'Fallakte');

  // every answer of the citizen is in the Fallakte
  const akte = await page.locator('main').innerText();
  for (const w of [
    name,
    '05.05.1990',
    'Telefon: 0151 2345678',
    `E-Mail: ${p.email}`,
    'Familienstand: ledig',
    '48 m²',
    'Zentralheizung',
    'Reiseweg 7a, 12345 Musterstadt',
    '480,00',
    '95,00',
    '70,00',
  ])
    expect(akte, `Fallakte zeigt ${w}`).toContain(w);
  expect(akte).not.toContain('nicht angegeben');
  const pdfLink = page.getByRole('link', { name: /Eingereichten Antrag ansehen \(PDF\)/ });
  const pdf = await page.request.get(`${base}${await pdfLink.getAttribute('href')}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

  // 12 months from the current month; the months past the last known law date are "fortgeschrieben"
  const beginn = monat(bed.t.ctx.clock.now());
  const ende = monat(bed.t.ctx.clock.now(), 11);
  await page.getByText('Neue Bewilligung berechnen').click();
  await page.getByLabel('Erster Monat', { exact: true }).fill(beginn);
  await page.getByLabel('Dauer in Monaten').fill('12');
  await senden(page, page.getByRole('button', { name: 'Bewilligung berechnen' }));
  expect(page.url()).toMatch(/\/faelle\/[0-9a-f-]{36}#bewilligung$/);
  await pruefe(page, 'Bewilligung berechnet');
  const entwurf = await page.locator('main').innerText();
  expect(entwurf).toContain(`Erstbewilligung ${mmjjjj(beginn)} – ${mmjjjj(ende)}: Entwurf`);
  // the journey reaches past the last known law date (issue 10): those months are marked "fortgeschrieben"
  expect(ende > RECHT_BEKANNT_BIS).toBe(true);
  const ab = beginn > RECHT_BEKANNT_BIS ? beginn : monat(new Date(`${RECHT_BEKANNT_BIS}-15T12:00:00Z`), 1);
  expect(entwurf).toMatch(new RegExp(`Fortgeschrieben: die Monate ${mmjjjj(ab)} bis ${mmjjjj(ende)} nach dem Recht, das am 31\\.12\\.2026 bekannt war`));
  expect(entwurf).toContain('(fortgeschrieben)');

  // approve; where the Träger's Vier-Augen rules ask for it, the Teamleitung approves as the second person.
  // "Antrag offen lassen" stays unticked: the approval decides the Antrag.
  const vierAugen = (await page.getByRole('button', { name: 'Zur Freigabe vorlegen' }).count()) > 0;
  let entscheidet = page;
  let knopf = 'Bewilligen';
  if (vierAugen) {
    await senden(page, page.getByRole('button', { name: 'Zur Freigabe vorlegen' }));
    await pruefe(page, 'zur Freigabe vorgelegt');
    entscheidet = await anmelden('teamleitung@musterland.example');
    await entscheidet.goto(`${base}/faelle/${bgId}`);
    await pruefe(entscheidet, 'Fallakte (zweite Person)');
    knopf = 'Freigeben (zweite Person)';
  }
  expect(await entscheidet.getByLabel('Antrag offen lassen').isChecked()).toBe(false);
  await senden(entscheidet, entscheidet.getByRole('button', { name: knopf }));
  if (vierAugen) await page.goto(`${base}/faelle/${bgId}`);
  await pruefe(page, 'bewilligt');
  expect(await page.locator('main').innerText()).toContain(`Erstbewilligung ${mmjjjj(beginn)} – ${mmjjjj(ende)}: bewilligt`);
  await senden(page, page.getByRole('button', { name: 'Bescheid erstellen' }));
  await pruefe(page, 'Bescheid erstellt');
  const bescheid = page.getByRole('link', { name: /Bewilligungsbescheid vom .* \(PDF\)/ });
  expect((await page.request.get(`${base}${await bescheid.getAttribute('href')}`)).headers()['content-type']).toBe('application/pdf');
  const entschieden = await page.locator('main').innerText();
  expect(entschieden).toContain('Entschieden mit der Bewilligung');
  expect(entschieden).toContain('erstellt (in das Online-Postfach zugestellt)');

  // the Antrag is closed: the work queue no longer lists it as open
  await page.goto(`${base}/arbeitsvorrat`);
  await pruefe(page, 'Arbeitsvorrat danach');
  expect(await page.getByRole('row').filter({ hasText: listenName }).count()).toBe(0);
  expect(await page.getByRole('row').filter({ hasText: name }).count()).toBe(0);

  // the citizen sees the decision with the Bescheid, and the Bescheid in the Postfach
  page = await anmelden(p.email, 'reise-passwort-1');
  await page.goto(`${base}/portal`);
  await pruefe(page, 'portal danach');
  const stand = page.locator('section[aria-labelledby=antraege-status] tbody tr').first();
  expect(await stand.innerText()).toContain('entschieden');
  const zumBescheid = stand.getByRole('link', { name: /bescheid/i });
  const betreff = (await zumBescheid.innerText()).trim();
  await klick(page, /\/portal\/postfach#n-/, zumBescheid);
  await pruefe(page, 'Postfach');
  expect(await page.locator('main').innerText()).toContain(betreff);
}

describe.skipIf(!browserAvailable)('Bürgerreise: vom Anspruch prüfen bis zum Termin', () => {
  const bed = useBrowserTestbed();

  it.each([
    ['390 px', PHONE, 'reise.handy@example.org', 'Rosa'],
    ['1280 px', DESKTOP, 'reise.desktop@example.org', 'Rita'],
  ])('at %s', async (_breite, ansicht, email, vorname) => {
    const name = `${vorname} Reise`;
    const page = await bed.page(ansicht);
    page.setDefaultTimeout(15_000);
    const base = bed.base;

    // start page → pre-check
    await page.goto(`${base}/`);
    await pruefe(page, 'start page');
    await klick(page, /\/anspruch-pruefen$/, page.locator('section[aria-labelledby=online] a[href="/anspruch-pruefen"]'));
    await pruefe(page, 'pre-check');
    await page.locator('input[name=geburtsdatum]').fill('1990-05-05');
    await page.locator('input[name=grundmiete]').fill('480');
    await page.locator('input[name=nebenkosten]').fill('95');
    await page.locator('input[name=heizkosten]').fill('70');
    await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type=submit]').first().click()]);
    await page.locator('[data-testid=betrag]').waitFor();
    // posted: the address holds no figure, the history entry neither
    expect(new URL(page.url()).search).toBe('');
    await pruefe(page, 'pre-check result');

    // "Jetzt Antrag stellen" → sign-in page → "Jetzt registrieren" (the target travels along)
    await klick(page, /\/anmelden\?weiter=/, page.getByRole('link', { name: 'Jetzt Antrag stellen (mit diesen Angaben)' }));
    await pruefe(page, 'sign-in');
    await klick(page, /\/registrieren\?weiter=/, page.getByRole('link', { name: 'Noch kein Konto? Jetzt registrieren' }));
    await pruefe(page, 'registration');
    await page.getByLabel('Vor- und Nachname').fill(name);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('reise-passwort-1');
    await page.getByLabel('Passwort wiederholen').fill('reise-passwort-1');
    await klick(page, /\/registrieren\/gesendet$/, page.locator('main form button[type=submit]'));

    // the confirmation mail carries the target
    const mail = await bed.t.mail.waitFor((m) => m.to.includes(email));
    const link = /https?:\/\/\S+\/registrieren\/bestaetigen\?\S+/.exec(mail.text)![0];
    expect(new URL(link).searchParams.get('weiter')).toBe('/portal/antrag/neu?flow=erstantrag&vorpruefung=1');
    await page.goto(link);
    await pruefe(page, 'confirm');
    await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type=submit]').click()]);
    await klick(page, /\/anmelden\?weiter=/, page.getByRole('link', { name: 'Zur Anmeldung' }));
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('reise-passwort-1');
    await klick(page, /\/portal\/antrag\/neu\?flow=erstantrag&vorpruefung=1$/, page.locator('main form').getByRole('button', { name: 'Anmelden' }));
    await pruefe(page, 'start the application');
    expect(await page.locator('main').innerText()).toContain('Ihre Angaben aus der Anspruchsprüfung werden in den Antrag übernommen');
    await klick(page, /\/schritt\/antrag$/, page.getByRole('button', { name: 'Bürgergeld beantragen' }));

    // the Erstantrag starts with the pre-check's answers and the account's name and e-mail
    await schritt(page, { beantragt: true }, 'Antrag');
    expect(await page.locator('input[name=vorname]').inputValue()).toBe(vorname);
    expect(await page.locator('input[name=nachname]').inputValue()).toBe('Reise');
    expect(await page.locator('input[name=geburtsdatum]').inputValue()).toBe('1990-05-05');
    const fortschritt1 = await page.locator('#fortschritt-text').innerText();
    await schritt(page, { geschlecht: 'w', staatsangehoerigkeit: 'DE' }, 'Person');
    const fortschritt2 = await page.locator('#fortschritt-text').innerText();
    expect(nr(fortschritt2)).toBe(nr(fortschritt1) + 1);
    await schritt(page, { familienstand: 'ledig' }, 'Familienstand');
    await schritt(page, { strasse: 'Reiseweg', hausnummer: '7', plz: '12345', ort: 'Musterstadt' }, 'Anschrift');
    expect(await page.locator('input[name=email]').inputValue()).toBe(email);
    await schritt(page, { telefon: '0151 2345678' }, 'Kontakt');
    await schritt(page, { iban: 'DE02 1203 0000 0000 2020 51', kontoinhaber: name }, 'Bank');
    expect(await page.locator('input[name=partner][value=nein]').isChecked()).toBe(true);
    await schritt(page, {}, 'Haushalt');
    expect(await page.locator('input[name=wohnform][value=miete]').isChecked()).toBe(true);
    await schritt(page, {}, 'Wohnung');
    expect(await page.locator('input[name=grundmieteCent]').inputValue()).toBe('480');
    expect(await page.locator('input[name=nebenkostenCent]').inputValue()).toBe('95');
    await schritt(page, { heizungsart: 'zentral', warmwasserDezentral: 'nein', wohnflaecheQm: '48' }, 'Wohnkosten');
    // the one-off payment question is not part of the pre-check: the applicant answers it here (§ 11 Abs. 3 SGB II)
    await schritt(page, { einmalzahlungVorhanden: 'nein' }, 'Einkommen');
    await schritt(page, {}, 'Vermögen');
    await schritt(page, {}, 'Mehrbedarf');
    await schritt(page, { vorhanden: 'nein' }, 'Unterhalt');

    // the closing step shows every answer; "ändern" leads to the step and back here
    await page.waitForURL(/\/schritt\/zusammenfassung$/);
    await pruefe(page, 'Zusammenfassung');
    const zusammenfassung = await page.locator('main').innerText();
    for (const w of [vorname, 'Reise', 'Deutschland', 'Reiseweg', '480,00', email]) expect(zusammenfassung).toContain(w);
    await klick(page, /\/schritt\/anschrift\?zurueck=abschluss$/, page.locator('main a[href$="/schritt/anschrift?zurueck=abschluss"]'));
    await pruefe(page, 'ändern Anschrift');
    await page.locator('input[name=hausnummer]').fill('7a');
    await klick(page, /\/schritt\/zusammenfassung$/, page.locator('main form button[value=weiter]'));
    expect(await page.locator('main').innerText()).toContain('7a');
    await schritt(page, { richtig: true, mitwirkung: true }, 'Erklärungen');

    // submission page → the review page → back to the submission
    await page.waitForURL(/\/absenden$/);
    await pruefe(page, 'Absenden');
    await klick(page, /\/pruefen$/, page.getByRole('link', { name: 'Alle Angaben noch einmal prüfen' }));
    await pruefe(page, 'Prüfen');
    expect(await page.locator('main').innerText()).not.toContain('Es fehlen noch Angaben');
    await klick(page, /\/absenden$/, page.getByRole('link', { name: /weiter zum Absenden/ }));
    await klick(page, /\/eingegangen$/, page.getByRole('button', { name: 'Antrag verbindlich absenden' }));
    await pruefe(page, 'eingegangen');
    // the Eingangsbestätigung mail links with absolute addresses only
    const bestaetigung = await bed.t.mail.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Eingangsbestätigung'));
    expect(bestaetigung.text).not.toMatch(/(^|\s)\/portal\//m);

    // appointment booking from the portal
    await page.goto(`${base}/portal`);
    await pruefe(page, 'portal');
    await klick(page, /\/termine$/, page.getByRole('link', { name: 'Termin buchen' }));
    await pruefe(page, 'Termine');
    await page.getByLabel('Erstgespräch (45 min)').check();
    await page.getByLabel('vor Ort', { exact: true }).check();
    await klick(page, /\/termine\/buchen/, page.getByRole('button', { name: 'Freie Zeiten anzeigen' }));
    await pruefe(page, 'freie Zeiten');
    await page.locator('input[name="beginn"]').first().check();
    await klick(page, /\/termine\/[0-9a-f-]{36}$/, page.getByRole('button', { name: 'Verbindlich buchen' }));
    await pruefe(page, 'Termin gebucht');

    // Bescheide online: the citizen opts in (without that consent the Bescheid goes by post)
    await page.goto(`${base}/portal`);
    await klick(page, /\/portal\/zustellung$/, page.getByRole('link', { name: 'Bescheide online erhalten' }));
    await pruefe(page, 'Zustellung');
    await page.getByLabel('Online in meinem Postfach').check();
    await klick(page, /\/portal\/postfach$/, page.getByRole('button', { name: 'Auswahl speichern' }));
    await pruefe(page, 'Postfach');
    expect(await page.locator('main').innerText()).toContain('Bescheide erhalten Sie online in diesem Postfach.');

    // the caseworker's part: on the phone at 390 px, on the desktop at 1280 px
    await sachbearbeitung(bed, ansicht, { vorname, nachname: 'Reise', email });
  }, 900_000);
});
