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
 * Anhörung in Chromium (issue 14, slice C): staff send the Anhörung; the citizen finds the card on the portal start
 * page of a 320 px phone, reads the Anhörung, gets the error at the field for an empty answer and answers with a file.
 * axe on every page; no horizontal scrolling.
 */
describe.skipIf(!browserAvailable)('Anhörung im Browser', () => {
  const b = useBrowserTestbed();

  it('Bürgerin antwortet auf dem Smartphone auf die Anhörung', async () => {
    const t = b.t;
    const tag = heute(t.ctx.clock.now());
    const leistung = await signIn(t.app, 'leistung@musterland.example');
    const kommune = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`));
    const fall = await t.app.inject({ method: 'POST', url: '/api/faelle', headers: { cookie: leistung.header(), 'content-type': 'application/json' }, payload: { ...erstantrag(kommune.rows[0]!.id, 'Angehoert'), antragsdatum: plusTage(tag, -40) } });
    expect(fall.statusCode, fall.body).toBe(201);
    const bgId = fall.json().bg.id as string;
    const personId = fall.json().personIds.a as string;
    const pv = plusTage(tag, -10);
    const r = await t.ctx.db.withSystem(async (tx) => {
      await tx.execute(sql`update antraege set eingereicht_von = (select id from users where email = 'buerger@musterland.example') where bg_id = ${bgId}`);
      await tx.execute(sql`insert into zustellungswuensche (traeger_id, buerger_id, online) select traeger_id, id, true from users where email = 'buerger@musterland.example'
        on conflict (traeger_id, buerger_id) do update set online = true`);
      return tx.execute<{ id: string; version: number }>(sql`
        insert into minderungsverfahren (traeger_id, person_id, bg_id, aktenzeichen, anlass_art, anlass_text, tatbestand, pflichtverletzung_am, frist_ende,
          belehrung_art, belehrung_am, belehrung_text, status, created_by)
        select b.traeger_id, ${personId}, b.id, ${`M-E2E-C-${Date.now()}`}, 'manuell', 'Die vereinbarte Bewerbung bei der Firma Lagerhaus GmbH wurde nicht abgeschickt.',
          '31_1_1', ${pv}, (${pv}::date + interval '6 months')::date, 'schriftlich', ${plusTage(pv, -20)}, 'Rechtsfolgenbelehrung im Verwaltungsakt.', 'erfasst',
          (select id from users where email = 'integration@musterland.example')
        from bedarfsgemeinschaften b where b.id = ${bgId} returning id, version`);
    });
    const id = r.rows[0]!.id;
    const integration = await signIn(t.app, 'integration@musterland.example');
    const send = await t.app.inject({ method: 'POST', url: `/api/fordern/verfahren/${id}/anhoerung`, headers: { cookie: integration.header(), 'content-type': 'application/json' }, payload: { version: r.rows[0]!.version, art: 'schriftlich' } });
    expect(send.statusCode, send.body).toBe(200);

    const handy = await b.signedIn('buerger@musterland.example', { ...PHONE, viewport: { width: 320, height: 700 } });
    await handy.goto(`${b.base}/portal`);
    await expectAccessible(handy);
    await expectNoHorizontalScroll(handy);
    await Promise.all([handy.waitForURL(new RegExp(`/portal/anhoerungen/${id}`)), handy.locator(`a[href="/portal/anhoerungen/${id}"]`).first().click()]);
    await expect.poll(() => handy.getByText('Lagerhaus GmbH').count()).toBeGreaterThan(0);
    await expectAccessible(handy);
    await expectNoHorizontalScroll(handy);

    // empty answer: the error at the field and in the summary
    await Promise.all([handy.waitForLoadState('load'), handy.getByRole('button', { name: 'Antwort senden' }).click()]);
    await expect.poll(() => handy.locator('[data-error-summary]').count()).toBe(1);
    await expect.poll(() => handy.locator('textarea[aria-invalid="true"]').count()).toBe(1);
    await expectAccessible(handy);

    await handy.getByLabel('Ihre Erklärung').fill('Die Firma hatte die Stelle schon besetzt, bevor ich die Bewerbung schicken konnte.');
    await handy.getByLabel('Nachweis (PDF oder Foto, freiwillig)').setInputFiles({ name: 'mail.pdf', mimeType: 'application/pdf', buffer: kleinesPdf('E-Mail der Firma') });
    await Promise.all([handy.waitForURL(/antwort=/), handy.getByRole('button', { name: 'Antwort senden' }).click()]);
    await expect.poll(() => handy.getByText(/Ihre Antwort (wurde an das Jobcenter gesendet|ist eingegangen)/).count()).toBeGreaterThan(0);
    await expect.poll(() => handy.getByText('Was Sie uns geantwortet haben').count()).toBe(1);
    await expectAccessible(handy);
    await expectNoHorizontalScroll(handy);
  });
});
