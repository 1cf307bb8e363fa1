import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { plusTage } from '../../src/domain/fallakte/datum.ts';
import { heute } from '../../src/server/clock.ts';
import { erstantrag } from '../helpers/api.ts';
import { signIn } from '../helpers/app.ts';
import { kleinesPdf } from '../helpers/testdateien.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Kooperationsplan in Chromium (issue 13, slice B2): the Integrationsfachkraft drafts and agrees a plan; the citizen
 * sees it on a 390 px phone in the portal and confirms it. axe on every page; no horizontal scrolling on the phone.
 */
describe.skipIf(!browserAvailable)('Kooperationsplan im Browser', () => {
  const b = useBrowserTestbed();

  it('Fachkraft vereinbart einen Plan; die Bürgerin sieht und bestätigt ihn auf dem Smartphone', async () => {
    const t = b.t;
    const tag = heute(t.ctx.clock.now());
    const leistung = await signIn(t.app, 'leistung@musterland.example');
    const kommune = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`));
    const fall = await t.app.inject({ method: 'POST', url: '/api/faelle', headers: { cookie: leistung.header(), 'content-type': 'application/json' }, payload: { ...erstantrag(kommune.rows[0]!.id, 'Planvoll'), antragsdatum: plusTage(tag, -20) } });
    expect(fall.statusCode, fall.body).toBe(201);
    const bgId = fall.json().bg.id as string;
    const personId = fall.json().personIds.a as string;
    await t.ctx.db.withSystem(async (tx) => {
      await tx.execute(sql`update antraege set eingereicht_von = (select id from users where email = 'buerger@musterland.example') where bg_id = ${bgId}`);
      await tx.execute(sql`insert into zustellungswuensche (traeger_id, buerger_id, online) select traeger_id, id, true from users where email = 'buerger@musterland.example'
        on conflict (traeger_id, buerger_id) do update set online = true`);
    });

    // staff: draft and agree
    const fk = await b.signedIn('integration@musterland.example');
    await fk.goto(`${b.base}/integration/personen/${personId}/kooperationsplan`);
    await expectAccessible(fk);
    await fk.getByLabel('Eingliederungsziel').fill('Aufnahme einer Beschäftigung in der Pflegehilfe');
    await fk.getByLabel('Schritt 1: was').fill('Praktikum im Seniorenheim vereinbaren');
    await fk.getByLabel('Schritt 1: bis').fill(plusTage(tag, 30));
    await fk.getByLabel('Schritt 2: was').fill('Vermittlungsvorschläge senden');
    await fk.getByLabel('Schritt 2: wer').selectOption('jobcenter');
    await fk.getByLabel('Schritt 2: bis').fill(plusTage(tag, 45));
    await fk.getByLabel('Eigenbemühungen je Monat (Anzahl)').fill('3');
    await fk.getByLabel('Form des Nachweises').fill('Liste der Bewerbungen im Bürgerportal hochladen');
    await fk.getByLabel('Tätigkeitsbereiche (eine je Zeile)').fill('Pflegehilfe\nHauswirtschaft');
    await Promise.all([fk.waitForLoadState('load'), fk.getByRole('button', { name: 'Entwurf anlegen' }).click()]);
    await expect.poll(() => fk.getByText('Der Entwurf wurde gespeichert.').count()).toBeGreaterThan(0);
    await expectAccessible(fk);
    await Promise.all([fk.waitForLoadState('load'), fk.getByRole('button', { name: 'Plan vereinbaren und aushändigen' }).click()]);
    await expect.poll(() => fk.getByText('Er wurde ins Postfach des Bürgerportals zugestellt.').count()).toBeGreaterThan(0);
    expect(await fk.getByRole('link', { name: 'Kooperationsplan als PDF' }).count()).toBe(1);
    await expectAccessible(fk);

    // citizen on a phone: portal overview → plan → confirm
    const handy = await b.signedIn('buerger@musterland.example', PHONE);
    await handy.goto(`${b.base}/portal`);
    await Promise.all([handy.waitForURL(/\/portal\/kooperationsplan/), handy.getByRole('link', { name: 'Mein Kooperationsplan' }).click()]);
    await expect.poll(() => handy.getByText('Praktikum im Seniorenheim vereinbaren').count()).toBeGreaterThan(0);
    await expectAccessible(handy);
    await expectNoHorizontalScroll(handy);
    // the demo citizen may see more plans of his BGs: work in the article of this one
    const meiner = () => handy.locator('article', { hasText: 'Praktikum im Seniorenheim vereinbaren' });
    await Promise.all([handy.waitForLoadState('load'), meiner().getByRole('button', { name: 'Ich bestätige den Plan' }).click()]);
    await expect.poll(() => meiner().getByText(/Sie haben den Plan am .* bestätigt\./).count()).toBeGreaterThan(0);
    await expectAccessible(handy);
    await expectNoHorizontalScroll(handy);

    // without a file: the form again with the error at the "Datei" field (and in the summary)
    await Promise.all([handy.waitForLoadState('load'), meiner().getByRole('button', { name: 'Nachweis hochladen' }).click()]);
    await expect.poll(() => handy.locator('[data-error-summary]').getByText('Bitte wählen Sie eine Datei aus.').count()).toBeGreaterThan(0);
    await expect.poll(() => meiner().locator('[aria-invalid="true"][type="file"]').count()).toBe(1);
    await expectAccessible(handy);

    // proof of Eigenbemühungen from the phone (multipart form, no JavaScript needed)
    await meiner().getByLabel('Wie viele Bemühungen?').fill('3');
    await meiner().getByLabel('Datei (PDF oder Foto)').setInputFiles({ name: 'bewerbungen.pdf', mimeType: 'application/pdf', buffer: kleinesPdf('Bewerbungen') });
    await Promise.all([handy.waitForURL(/nachweis=/), meiner().getByRole('button', { name: 'Nachweis hochladen' }).click()]);
    await expect.poll(() => meiner().getByText(/Ihr Nachweis ist eingegangen/).count()).toBeGreaterThan(0);
    await expectAccessible(handy);
    await expectNoHorizontalScroll(handy);

    // the same page in Ukrainian (translated, German binding)
    await handy.goto(`${b.base}/portal/kooperationsplan?lang=uk`);
    await expectAccessible(handy);
    await expectNoHorizontalScroll(handy);

    // staff see the confirmation
    await fk.reload();
    await expect.poll(() => fk.getByText(/im Bürgerportal bestätigt am/).count()).toBeGreaterThan(0);
  });
});
