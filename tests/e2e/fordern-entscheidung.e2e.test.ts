import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { plusTage } from '../../src/domain/fallakte/datum.ts';
import { heute } from '../../src/server/clock.ts';
import { erstantrag } from '../helpers/api.ts';
import { signIn } from '../helpers/app.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Fordern slice D in Chromium: the decision section of the procedure page on a 390 px phone — the missing Würdigung
 * is shown at its field, then the decision makes the Minderungsbescheid; the Träger settings page with the Fordern
 * form. axe on every state, no horizontal scrolling.
 */
describe.skipIf(!browserAvailable)('Entscheidung über die Minderung im Browser', () => {
  const b = useBrowserTestbed();

  it('Integrationsfachkraft entscheidet auf dem Smartphone; Einstellungen des Trägers', async () => {
    const t = b.t;
    const tag = heute(t.ctx.clock.now());
    const leistung = await signIn(t.app, 'leistung@musterland.example');
    const kommune = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`));
    const fall = await t.app.inject({ method: 'POST', url: '/api/faelle', headers: { cookie: leistung.header(), 'content-type': 'application/json' }, payload: { ...erstantrag(kommune.rows[0]!.id, 'Entscheidbar'), antragsdatum: plusTage(tag, -60) } });
    expect(fall.statusCode, fall.body).toBe(201);
    const id = randomUUID();
    const pflicht = plusTage(tag, -30);
    await t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into minderungsverfahren (traeger_id, id, person_id, bg_id, aktenzeichen, anlass_art, anlass_text, tatbestand, pflichtverletzung_am, frist_ende,
          belehrung_art, belehrung_am, status, anhoerung_art, anhoerung_am, anhoerung_frist, created_by)
        select bg.traeger_id, ${id}::uuid, ${fall.json().personIds.a}::uuid, bg.id, 'M-E2E-1', 'manuell', 'Maßnahme abgebrochen.', '31_1_3', ${pflicht}::date, ${plusTage(pflicht, 180)}::date,
          'kenntnis', ${plusTage(pflicht, -10)}::date, 'entscheidung', 'schriftlich', ${plusTage(pflicht, 2)}::date, ${plusTage(tag, -2)}::date, u.id
        from bedarfsgemeinschaften bg, users u where bg.id = ${fall.json().bg.id}::uuid and u.email = 'integration@musterland.example'`),
    );

    const fk = await b.signedIn('integration@musterland.example', PHONE);
    await fk.goto(`${b.base}/fordern/verfahren/${id}`);
    await expect.poll(() => fk.getByRole('heading', { name: 'Entscheidung und Bescheid' }).count()).toBe(1);
    await expectAccessible(fk);
    await expectNoHorizontalScroll(fk);

    // nothing chosen: the yes/no errors sit under their legends (no widening at 390 px), the summary names the question
    const form0 = fk.locator('form[aria-label="Über die Minderung entscheiden"]');
    await Promise.all([fk.waitForLoadState('load'), form0.getByRole('button', { name: 'Entscheiden' }).click()]);
    await expect.poll(() => fk.locator('[data-error-summary]').getByText('Wichtiger Grund: Bitte „ja“ oder „nein“ wählen.').count()).toBe(1);
    await expectAccessible(fk);
    await expectNoHorizontalScroll(fk);

    const form = fk.locator('form[aria-label="Über die Minderung entscheiden"]');
    await form.locator('#feld-wichtigerGrund').check();
    await form.locator('#feld-haerte').check();
    await Promise.all([fk.waitForLoadState('load'), form.getByRole('button', { name: 'Entscheiden' }).click()]);
    await expect.poll(() => fk.locator('[data-error-summary]').getByText('Bitte begründen Sie, warum ein wichtiger Grund vorliegt oder nicht.').count()).toBeGreaterThan(0);
    await expectAccessible(fk);
    await expectNoHorizontalScroll(fk);

    const form2 = fk.locator('form[aria-label="Über die Minderung entscheiden"]');
    await form2.getByLabel('Würdigung: warum liegt ein wichtiger Grund vor oder nicht?').fill('Die Person hat sich nicht geäußert.');
    await form2.getByLabel('Würdigung der Härte').fill('Keine Anhaltspunkte für eine außergewöhnliche Härte.');
    await Promise.all([fk.waitForLoadState('load'), form2.getByRole('button', { name: 'Entscheiden' }).click()]);
    await expect.poll(() => fk.getByText(/Die Minderung ist festgestellt/).count()).toBeGreaterThan(0);
    expect(await fk.getByRole('link', { name: 'Minderungsbescheid als PDF herunterladen' }).count()).toBe(1);
    await expectAccessible(fk);
    await expectNoHorizontalScroll(fk);

    const admin = await b.signedIn('admin@musterland.example');
    await admin.goto(`${b.base}/verwaltung/traeger-einstellungen`);
    await admin.getByLabel('Wann gibt eine zweite Person den Minderungsbescheid frei?').selectOption('immer');
    await Promise.all([admin.waitForLoadState('load'), admin.getByRole('button', { name: 'Einstellungen zu Minderungen speichern' }).click()]);
    await expect.poll(() => admin.getByText('Die Einstellungen zu Minderungen wurden gespeichert.').count()).toBeGreaterThan(0);
    await expectAccessible(admin);
  });
});
