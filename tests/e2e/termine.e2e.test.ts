import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.ts';
import { checkinFenster, checkinToken } from '../../src/domain/termine/index.ts';
import { checkinGeheimnis } from '../../src/server/termine/mails.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { browserAvailable, expectAccessible, launchBrowser } from '../helpers/browser.ts';

/** Inbound WebRTC statistics of the page's peer connection (exposed as window.vorortPeerConnection by video.js). */
const framesDecoded = (page: Page) =>
  page.evaluate(async () => {
    const pc = (window as unknown as { vorortPeerConnection?: RTCPeerConnection }).vorortPeerConnection;
    if (!pc) return { video: 0, audio: 0 };
    let video = 0;
    let audio = 0;
    (await pc.getStats()).forEach((r: { type: string; kind?: string; framesDecoded?: number; packetsReceived?: number }) => {
      if (r.type === 'inbound-rtp' && r.kind === 'video') video += r.framesDecoded ?? 0;
      if (r.type === 'inbound-rtp' && r.kind === 'audio') audio += r.packetsReceived ?? 0;
    });
    return { video, audio };
  });

/**
 * Termine in Chromium (issue 6): a citizen books a Video appointment in the portal and gets the confirmation with
 * .ics; both parties open the room, the caseworker admits the citizen, audio and video flow both ways (WebRTC
 * statistics: decoded frames on both sides) and they chat. Another citizen moves and cancels an on-site appointment;
 * the Warteliste offers the freed time to the next person. axe checks every Termine page.
 */
describe.skipIf(!browserAvailable)('Termine und Video-Beratung in Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    base = await t.listen();
    browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--disable-features=WebRtcHideLocalIpsWithMdns']);
    const traeger = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`));
    await t.ctx.db.withSystem(async (tx) =>
      tx.insert(users).values({ traegerId: traeger.rows[0]!.id, art: 'buerger', email: 'zweite@musterland.example', name: 'Zora Zweite', passwordHash: await hashPassword('vorort-demo'), emailVerifiedAt: new Date(), roles: ['buerger'] }),
    );
  }, 60_000);
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', permissions: ['camera', 'microphone'] });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('vorort-demo');
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/anmelden')), page.locator('main form').getByRole('button', { name: 'Anmelden' }).click()]);
    return page;
  }

  /** The application's "now" (business clock, VORORT_TEST_CLOCK), `minuten` later. */
  const spaeter = (minuten: number) => new Date(t.ctx.clock.now().getTime() + minuten * 60_000);

  /**
   * Chooses an offered time at least `abStunden` after the application's clock – taken from what the page offers,
   * so weekends, holidays and the hour of the run never matter. Moving and cancelling online need 24 hours.
   */
  async function zeitWaehlen(page: Page, abStunden: number) {
    const ab = spaeter(abStunden * 60).getTime();
    const werte = await page.locator('input[name="beginn"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const i = werte.findIndex((w) => new Date(w).getTime() >= ab);
    expect(i, `eine angebotene Zeit ab ${abStunden} Stunden nach ${t.ctx.clock.now().toISOString()}`).toBeGreaterThanOrEqual(0);
    await page.locator('input[name="beginn"]').nth(i).check();
    return werte[i]!;
  }

  /** Moves to an offered time at least a day ahead, so that it can still be cancelled online afterwards. */
  async function zielWaehlen(page: Page) {
    const ab = spaeter(26 * 60).getTime();
    const auswahl = page.getByLabel('Wählen Sie eine Zeit');
    const werte = await auswahl.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    const wert = werte.find((w) => w && new Date(w).getTime() >= ab);
    expect(wert, 'ein Ziel zum Verschieben, mindestens einen Tag voraus').toBeDefined();
    await auswahl.selectOption(wert!);
  }

  async function buchen(page: Page, anliegen: string, kanal: string, abStunden = 0): Promise<string> {
    await page.goto(`${base}/termine`);
    await expectAccessible(page);
    await page.getByLabel(anliegen).check();
    await page.getByLabel(kanal, { exact: true }).check();
    await page.getByRole('button', { name: 'Freie Zeiten anzeigen' }).click();
    await page.waitForURL(/\/termine\/buchen/);
    await expectAccessible(page);
    await zeitWaehlen(page, abStunden);
    await Promise.all([page.waitForURL(/\/termine\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Verbindlich buchen' }).click()]);
    await expectAccessible(page);
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  it('Video-Termin buchen, Warteraum, Einlassen, Bild und Ton in beide Richtungen, Chat', async () => {
    const buerger = await signedIn('buerger@musterland.example');
    const terminId = await buchen(buerger, 'Erstgespräch (45 min)', 'Video-Beratung');
    const mail = await t.mail.waitFor((m) => m.to.includes('buerger@musterland.example') && m.subject.startsWith('Ihr Termin ist gebucht'));
    expect(mail.attachments.some((a) => a.filename === 'termin.ics' && a.contentType === 'text/calendar')).toBe(true);
    expect(mail.text).toContain(`/video/${terminId}`);

    // time passes: the appointment begins in five minutes (by the application's clock), the room is open
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${spaeter(5)}, ende = ${spaeter(50)}, blockiert_bis = ${spaeter(65)} where id = ${terminId}`));
    const staffMail = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ email: string }>(sql`select u.email from termine t join termin_ressourcen r on r.id = t.ressource_id join users u on u.id = r.user_id where t.id = ${terminId}`),
    );

    // a stranger with the link is refused
    const fremd = await signedIn('zweite@musterland.example');
    const abgewiesen = await fremd.goto(`${base}/video/${terminId}`);
    expect(abgewiesen?.status()).toBe(404);
    const wsFremd = await fremd.evaluate(
      (id) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/api/video/${id}/ws`);
          ws.addEventListener('open', () => resolve('offen'));
          ws.addEventListener('error', () => resolve('abgewiesen'));
        }),
      terminId,
    );
    expect(wsFremd).toBe('abgewiesen');

    await buerger.goto(`${base}/video/${terminId}`);
    await expect.poll(() => buerger.locator('#video-status').textContent()).toContain('Warteraum');
    await expectAccessible(buerger);

    const sb = await signedIn(staffMail.rows[0]!.email);
    await sb.goto(`${base}/video/${terminId}`);
    const einlassen = sb.getByRole('button', { name: 'Einlassen' });
    await einlassen.waitFor({ state: 'visible' });
    await expectAccessible(sb);
    await einlassen.click();

    await expect.poll(async () => (await framesDecoded(buerger)).video, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    await expect.poll(async () => (await framesDecoded(sb)).video, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    await expect.poll(async () => (await framesDecoded(buerger)).audio, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await framesDecoded(sb)).audio, { timeout: 15_000 }).toBeGreaterThan(0);

    await sb.getByLabel('Nachricht').fill('Guten Tag, können Sie mich hören?');
    await sb.getByRole('button', { name: 'Senden' }).click();
    await expect.poll(() => buerger.locator('#chat-verlauf').textContent()).toContain('Guten Tag, können Sie mich hören?');
    await buerger.getByLabel('Nachricht').fill('Ja, sehr gut.');
    await buerger.getByRole('button', { name: 'Senden' }).click();
    await expect.poll(() => sb.locator('#chat-verlauf').textContent()).toContain('Ja, sehr gut.');

    // the citizen's connection drops; she reconnects without a new appointment
    await buerger.reload();
    await expect.poll(async () => (await framesDecoded(buerger)).video, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
    await expectAccessible(sb);
  }, 180_000);

  it('verschieben und absagen vor Ort; die Warteliste bietet die frei gewordene Zeit an', async () => {
    const zora = await signedIn('zweite@musterland.example');
    // at least a day ahead: the citizen may move and cancel it online (24-hour rule)
    const terminId = await buchen(zora, 'Beratung Integration (30 min)', 'vor Ort', 26);
    const vorher = await zora.locator('[data-termin-beginn]').textContent();
    // the booked time is never offered as a move target (another desk may be free at the same time)
    const ziele = await zora.getByLabel('Wählen Sie eine Zeit').locator('option').allTextContents();
    expect(ziele).not.toContain(vorher);
    expect(await zora.locator('main').textContent()).toContain('Bahnhofstraße 12, 12345 Musterstadt');
    await zielWaehlen(zora);
    await zora.getByRole('button', { name: 'Auf diese Zeit verschieben' }).click();
    await zora.waitForURL(`${base}/termine/${terminId}`);
    const nachher = await zora.locator('[data-termin-beginn]').textContent();
    expect(nachher).not.toBe(vorher);
    await t.mail.waitFor((m) => m.to.includes('zweite@musterland.example') && m.subject.startsWith('Ihr Termin wurde verschoben'));
    await expectAccessible(zora);

    const w = await fetch(`${base}/api/termine/warteliste`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ traeger: 'musterland', anliegen: 'beratung_integration', kanaele: ['vor_ort'], email: 'wartend@example.org', name: 'Wanda Wartend' }),
    });
    expect(w.status).toBe(201);

    await zora.getByRole('button', { name: 'Termin absagen' }).click();
    await zora.waitForURL(`${base}/termine/${terminId}`);
    expect(await zora.locator('[data-termin-status]').textContent()).toBe('abgesagt');
    await t.mail.waitFor((m) => m.to.includes('zweite@musterland.example') && m.subject.startsWith('Ihr Termin wurde abgesagt') && m.attachments.some((a) => a.filename === 'absage.ics'));

    const angebot = await t.mail.waitFor((m) => m.to.includes('wartend@example.org') && m.subject.includes('frei geworden'));
    const link = /https?:\/\/\S+\/termine\/angebot\/[A-Za-z0-9_-]+/.exec(angebot.text)![0];
    const context = await browser.newContext({ locale: 'de-DE' });
    contexts.push(context);
    const wanda = await context.newPage();
    await wanda.goto(link);
    await expectAccessible(wanda);
    await wanda.getByRole('button', { name: 'Termin annehmen' }).click();
    await wanda.waitForURL(`${base}/termine/gebucht`);
    await expectAccessible(wanda);
    await t.mail.waitFor((m) => m.to.includes('wartend@example.org') && m.subject.startsWith('Ihr Termin ist gebucht'));
    // the link is used up: a second visit shows a clear page
    const wieder = await wanda.goto(link);
    expect(wieder?.status()).toBe(410);
    expect(await wanda.locator('main').textContent()).toContain('bereits beantwortet');
    await expectAccessible(wanda);
  }, 120_000);
  it('ohne Konto mit Double-Opt-in buchen; Personal: Kalender, Sprechzeiten, Einladung mit Ergebnis, Check-in (axe)', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    contexts.push(context);
    const gast = await context.newPage();
    await gast.goto(`${base}/termine`);
    await gast.getByLabel('Fragen zur Leistung (20 min)').check();
    await gast.getByLabel('Telefon', { exact: true }).check();
    await gast.getByRole('button', { name: 'Freie Zeiten anzeigen' }).click();
    await gast.waitForURL(/\/termine\/buchen/);
    await zeitWaehlen(gast, 0);
    await gast.getByLabel('E-Mail-Adresse').fill('gast@example.org');
    await gast.getByLabel('Ihr Name').fill('Gerda Gast');
    await gast.getByRole('button', { name: 'Verbindlich buchen' }).click();
    await gast.waitForURL(`${base}/termine/gesendet`);
    await expectAccessible(gast);
    const optin = await t.mail.waitFor((m) => m.to.includes('gast@example.org') && m.subject.includes('bestätigen'));
    await gast.goto(/https?:\/\/\S+\/termine\/bestaetigen\/[A-Za-z0-9_-]+/.exec(optin.text)![0]);
    await expectAccessible(gast);
    await gast.getByRole('button', { name: 'Termin verbindlich buchen' }).click();
    await gast.waitForURL(`${base}/termine/gebucht`);
    await t.mail.waitFor((m) => m.to.includes('gast@example.org') && m.subject.startsWith('Ihr Termin ist gebucht'));

    const sb = await signedIn('integration@musterland.example');
    await sb.goto(`${base}/termine/sprechzeiten`);
    await expectAccessible(sb);
    await sb.goto(`${base}/termine/einladen`);
    await expectAccessible(sb);
    const frei = await (await fetch(`${base}/api/termine/freie-zeiten?anliegen=beratung_integration&kanal=vor_ort`)).json();
    const beginn = new Date((frei.zeiten as { beginn: string }[])[0]!.beginn);
    const lokal = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(beginn);
    await sb.getByLabel('Anliegen').selectOption({ label: 'Beratung Integration' });
    await sb.getByLabel('Datum').fill(lokal.slice(0, 10));
    await sb.getByLabel('Uhrzeit (HH:MM)').fill(lokal.slice(11, 16));
    await sb.getByLabel('Name der eingeladenen Person').fill('Ines Eingeladen');
    await sb.getByLabel('E-Mail-Adresse').fill('ines@example.org');
    await sb.getByLabel('Zweck (§ 309 Abs. 2 SGB III)').selectOption('vermittlung');
    await sb.getByRole('button', { name: 'Einladen' }).click();
    await sb.waitForURL(/\/termine\/kalender/);
    await expectAccessible(sb);
    await t.mail.waitFor((m) => m.to.includes('ines@example.org') && m.text.includes('§ 59 SGB II'));
    await sb.getByRole('link', { name: 'Einladung und Ergebnis' }).first().click();
    await expectAccessible(sb);

    const id = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from termine where email = 'ines@example.org'`))).rows[0]!.id;
    // time passes: the invitation begins in five minutes (the earlier video call of the same desk is over)
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set status = 'wahrgenommen', beginn = ${spaeter(-180)}, ende = ${spaeter(-150)}, blockiert_bis = ${spaeter(-150)} where id <> ${id} and beginn < ${spaeter(120)}`));
    const beginn5 = spaeter(5);
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${beginn5}, ende = ${new Date(beginn5.getTime() + 30 * 60_000)}, blockiert_bis = ${new Date(beginn5.getTime() + 30 * 60_000)} where id = ${id}`));
    const token = checkinToken(id, checkinFenster({ beginn: beginn5 }).bis, checkinGeheimnis(t.ctx));
    await sb.goto(`${base}/checkin/${token}`);
    await expectAccessible(sb);
    await sb.getByRole('button', { name: 'Ankunft erfassen' }).click();
    await expect.poll(() => sb.locator('main').textContent()).toContain('ist angekommen');
    await expectAccessible(sb);
  }, 120_000);
  it('ohne Konto: Link aus der Bestätigung – ansehen, verschieben, absagen; Warteliste austragen; Planung des Personals (axe)', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    contexts.push(context);
    const gast = await context.newPage();
    gast.setDefaultTimeout(15_000);
    await gast.goto(`${base}/termine`);
    await gast.getByLabel('Beratung Integration (30 min)').check();
    await gast.getByLabel('vor Ort', { exact: true }).check();
    await gast.getByRole('button', { name: 'Freie Zeiten anzeigen' }).click();
    await gast.waitForURL(/\/termine\/buchen/);
    // at least a day ahead: the personal link may move and cancel it (24-hour rule)
    await zeitWaehlen(gast, 26);
    await gast.getByLabel('E-Mail-Adresse').fill('link.e2e@example.org');
    await gast.getByLabel('Ihr Name').fill('Lina Link');
    await gast.getByRole('button', { name: 'Verbindlich buchen' }).click();
    await gast.waitForURL(`${base}/termine/gesendet`);
    const optin = await t.mail.waitFor((m) => m.to.includes('link.e2e@example.org') && m.subject.includes('bestätigen'));
    await gast.goto(/https?:\/\/\S+\/termine\/bestaetigen\/[A-Za-z0-9_-]+/.exec(optin.text)![0]);
    await gast.getByRole('button', { name: 'Termin verbindlich buchen' }).click();
    await gast.waitForURL(`${base}/termine/gebucht`);
    const bestaetigung = await t.mail.waitFor((m) => m.to.includes('link.e2e@example.org') && m.subject.startsWith('Ihr Termin ist gebucht'));
    const link = /https?:\/\/\S+\/termine\/verwalten\/[A-Za-z0-9_-]+/.exec(bestaetigung.text)![0];

    await gast.goto(link);
    await expectAccessible(gast);
    const vorher = await gast.locator('[data-termin-beginn]').textContent();
    expect(await gast.getByLabel('Wählen Sie eine Zeit').locator('option').allTextContents()).not.toContain(vorher);
    expect(await gast.locator('main').textContent()).toContain('Bahnhofstraße 12, 12345 Musterstadt');
    await zielWaehlen(gast);
    await gast.getByRole('button', { name: 'Auf diese Zeit verschieben' }).click();
    await gast.waitForURL(link);
    expect(await gast.locator('[data-termin-beginn]').textContent()).not.toBe(vorher);
    await expectAccessible(gast);
    const aenderung = await t.mail.waitFor((m) => m.to.includes('link.e2e@example.org') && m.subject.startsWith('Ihr Termin wurde verschoben'));
    expect(aenderung.text).toContain(link);

    await gast.getByRole('button', { name: 'Termin absagen' }).click();
    await gast.waitForURL(`${base}/termine`);
    await t.mail.waitFor((m) => m.to.includes('link.e2e@example.org') && m.subject.startsWith('Ihr Termin wurde abgesagt'));
    const verbraucht = await gast.goto(link);
    expect(verbraucht?.status()).toBe(410);
    expect(await gast.locator('main').textContent()).toContain('abgesagt');
    await expectAccessible(gast);

    // Warteliste without account: the link from the mail shows the entry, which can be withdrawn
    const w = await fetch(`${base}/api/termine/warteliste`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ traeger: 'musterland', anliegen: 'erstgespraech', kanaele: ['telefon'], email: 'warte.e2e@example.org', name: 'Walter Warte' }),
    });
    expect(w.status).toBe(201);
    const wl = await t.mail.waitFor((m) => m.to.includes('warte.e2e@example.org') && m.subject.includes('Warteliste'));
    await gast.goto(/https?:\/\/\S+\/termine\/warteliste\/[A-Za-z0-9_.-]+/.exec(wl.text)![0]);
    await expectAccessible(gast);
    await gast.getByRole('button', { name: 'Von der Warteliste austragen' }).click();
    await gast.waitForURL(`${base}/termine`);
    await expectAccessible(gast);

    // staff planning page: a wrong entry shows the errors at the fields
    const leitung = await signedIn('teamleitung@musterland.example');
    await leitung.goto(`${base}/termine/ausnahmen`);
    await expectAccessible(leitung);
    await leitung.getByLabel('Datum').fill('');
    await leitung.getByLabel('Von (HH:MM)').fill('10:00');
    await leitung.getByRole('button', { name: 'Ausnahme eintragen' }).click();
    await expect.poll(() => leitung.locator('#fehler').textContent()).toContain('Bitte geben Sie das Datum an');
    await expectAccessible(leitung);
  }, 120_000);

  it('Video-Termin ohne Konto über den Link, auf Englisch: Warteraum, Einlassen, Chat', async () => {
    const frei = await (await fetch(`${base}/api/termine/freie-zeiten?anliegen=erstgespraech&kanal=video`)).json();
    const zeit = (frei.zeiten as { beginn: string }[]).at(-1)!;
    const anfrage = await fetch(`${base}/api/termine/anfrage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ traeger: 'musterland', anliegenId: 'erstgespraech', kanal: 'video', beginn: zeit.beginn, email: 'video.e2e@example.org', name: 'Vera Video' }),
    });
    expect(anfrage.status).toBe(202);
    const optin = await t.mail.waitFor((m) => m.to.includes('video.e2e@example.org') && m.subject.includes('bestätigen'));
    const b = await fetch(`${base}/api/termine/bestaetigung`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: /\/termine\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(optin.text)![1] }) });
    expect(b.status).toBe(201);
    const terminId = (await b.json()).id as string;
    const mail = await t.mail.waitFor((m) => m.to.includes('video.e2e@example.org') && m.subject.startsWith('Ihr Termin ist gebucht'));
    const videoLink = /https?:\/\/\S+\/termine\/verwalten\/[A-Za-z0-9_-]+\/video/.exec(mail.text)![0];
    // time passes: earlier appointments of the same desk around now are over (cancelled ones do not occupy the desk)
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set status = 'abgesagt' where id <> ${terminId} and beginn < ${spaeter(180)}`));
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${spaeter(5)}, ende = ${spaeter(50)}, blockiert_bis = ${spaeter(65)} where id = ${terminId}`));

    const context = await browser.newContext({ locale: 'en-GB', permissions: ['camera', 'microphone'] });
    contexts.push(context);
    const gast = await context.newPage();
    gast.setDefaultTimeout(15_000);
    await gast.goto(`${videoLink}?lang=en`);
    await expect.poll(() => gast.locator('h1').textContent()).toBe('Video consultation');
    await expect.poll(() => gast.locator('#video-status').textContent(), { timeout: 15_000, interval: 250 }).toContain('waiting room');
    await expectAccessible(gast);

    const staffMail = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ email: string }>(sql`select u.email from termine t join termin_ressourcen r on r.id = t.ressource_id join users u on u.id = r.user_id where t.id = ${terminId}`),
    );
    const sb = await signedIn(staffMail.rows[0]!.email);
    await sb.goto(`${base}/video/${terminId}`);
    const einlassen = sb.getByRole('button', { name: 'Einlassen' });
    await einlassen.waitFor({ state: 'visible' });
    await einlassen.click();
    await expect.poll(() => gast.getByLabel('Message').isEnabled(), { timeout: 15_000, interval: 250 }).toBe(true);
    await sb.getByLabel('Nachricht').fill('Hello, can you hear me?');
    await sb.getByRole('button', { name: 'Senden' }).click();
    await expect.poll(() => gast.locator('#chat-verlauf').textContent(), { timeout: 15_000, interval: 250 }).toContain('Adviser: Hello, can you hear me?');
    await expectAccessible(gast);
  }, 120_000);
  it('Verwaltung: Termin-Regeln des Trägers ohne JavaScript ändern, Fehler am Feld, gespeicherter Stand (axe)', async () => {
    const page = await signedIn('admin@musterland.example');
    await page.goto(`${base}/verwaltung`);
    await Promise.all([page.waitForURL(/\/verwaltung\/termin-regeln$/), page.getByRole('link', { name: 'Termin-Regeln' }).click()]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Termin-Regeln');
    await expectAccessible(page);
    const angebot = page.getByLabel('Angebot der Warteliste gilt (Minuten)');
    expect(await angebot.inputValue()).toBe('720');

    await angebot.fill('5');
    await page.getByLabel('Buchungshorizont (Tage)').fill('viele');
    await page.getByRole('button', { name: 'Termin-Regeln speichern' }).click();
    await expect.poll(() => page.locator('.kern-error').count()).toBe(2);
    expect(await page.locator('#feld-angebotGueltigMinuten-fehler').textContent()).toContain('Die Gültigkeit eines Warteliste-Angebots muss eine ganze Zahl von 15 bis 10080 Minuten sein.');
    expect(await page.getByLabel('Buchungshorizont (Tage)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await page.getByLabel('Buchungshorizont (Tage)').fill('42');
    await angebot.fill('600');
    await Promise.all([page.waitForURL(/\/verwaltung\/termin-regeln$/), page.getByRole('button', { name: 'Termin-Regeln speichern' }).click()]);
    await expect.poll(() => page.locator('main').textContent()).toContain('Die Termin-Regeln wurden gespeichert.');
    expect(await page.getByLabel('Angebot der Warteliste gilt (Minuten)').inputValue()).toBe('600');
    await expectAccessible(page);
    const gespeichert = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select angebot_gueltig_minuten as n from termin_regeln`));
    expect(gespeichert.rows).toEqual([{ n: 600 }]);
  }, 60_000);
});
