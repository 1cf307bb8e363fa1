import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anhoerungsfristEnde } from '../../src/domain/fordern/fristen.ts';
import { testClock } from '../helpers/clock.ts';
import { pdfText, useApiTestbed, type ApiTestbed } from '../helpers/api.ts';
import { csrfFor } from '../helpers/app.ts';
import { kleinesPdf } from '../helpers/testdateien.ts';

/**
 * Fordern, slice C (docs/fordern.md "Anhörung"): the written Anhörung with the letter PDF (German + Turkish copy) in the
 * Postfach, the citizen's answer in the portal with an upload, a later answer recorded by staff, the personal Anhörung
 * required by the 2026 safeguards, delivery by post without opt-in, bad input, and the citizen of another BG.
 * Test clock 7.12.2026; procedures are inserted directly (slice B opens them through its own use case).
 */
const b = useApiTestbed({ clock: testClock('2026-12-07T09:30:00+01:00') });

async function buergerVerknuepfen(bed: ApiTestbed, bgId: string, email: string, online: boolean) {
  await bed.t.ctx.db.withSystem(async (tx) => {
    await tx.execute(sql`update antraege set eingereicht_von = (select id from users where email = ${email}) where bg_id = ${bgId}`);
    await tx.execute(sql`insert into zustellungswuensche (traeger_id, buerger_id, online) select traeger_id, id, ${online} from users where email = ${email}
      on conflict (traeger_id, buerger_id) do update set online = excluded.online`);
  });
}

let nr = 0;
async function verfahren(bed: ApiTestbed, o: { bgId: string; personId: string; tatbestand?: string; pflichtverletzungAm?: string; status?: string }): Promise<string> {
  nr += 1;
  const r = await bed.t.ctx.db.withSystem((tx) =>
    tx.execute<{ id: string }>(sql`
      insert into minderungsverfahren (traeger_id, person_id, bg_id, aktenzeichen, anlass_art, anlass_text, tatbestand, pflichtverletzung_am, frist_ende,
        belehrung_art, belehrung_am, belehrung_text, belehrung_zugang_art, belehrung_zugang_am, status, created_by)
      select b.traeger_id, ${o.personId}, b.id, ${`M-TEST-C-${Date.now()}-${nr}`}, 'manuell',
        'Sie sind zum Termin am 20.11.2026 um 10:00 Uhr im Jobcenter nicht erschienen.', ${o.tatbestand ?? '32'}, ${o.pflichtverletzungAm ?? '2026-11-20'},
        (${o.pflichtverletzungAm ?? '2026-11-20'}::date + interval '6 months')::date,
        'schriftlich', '2026-11-05', 'Wenn Sie ohne wichtigen Grund nicht erscheinen, wird Ihr Bürgergeld gemindert.', 'post', '2026-11-08', ${o.status ?? 'erfasst'},
        (select id from users where email = 'integration@musterland.example')
      from bedarfsgemeinschaften b where b.id = ${o.bgId}
      returning id`),
  );
  return r.rows[0]!.id;
}

const stand = async (id: string) => (await b.api('integration', 'GET', `/api/fordern/verfahren/${id}/anhoerung`)).json();

describe('Anhörung im Minderungsverfahren', () => {
  it('schriftlich: PDF mit Übersetzung ins Postfach → Antwort im Bürgerportal mit Datei → weitere Antwort per Post', async () => {
    const { bgId, personIds } = await b.neuerFall('Anhoerung');
    await buergerVerknuepfen(b, bgId, 'buerger@musterland.example', true);
    await b.t.ctx.db.withSystem((tx) => tx.execute(sql`update users set sprache = 'tr' where email = 'buerger@musterland.example'`));
    const id = await verfahren(b, { bgId, personId: personIds.a!, tatbestand: '31_1_1' });

    const s0 = await stand(id);
    expect(s0).toMatchObject({ persoenlichNoetig: false, standardFrist: anhoerungsfristEnde('2026-12-07') });

    // stale version → 409; bad art → 400 at the field
    expect((await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/anhoerung`, { version: s0.verfahren.version + 1, art: 'schriftlich' })).statusCode).toBe(409);
    const falsch = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/anhoerung`, { version: s0.verfahren.version, art: 'brieftaube' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues[0].path).toBe('body.art');
    const vergangen = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/anhoerung`, { version: s0.verfahren.version, art: 'schriftlich', frist: '2026-12-01' });
    expect(vergangen.statusCode).toBe(400);

    const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/anhoerung`, { version: s0.verfahren.version, art: 'schriftlich' });
    expect(r.statusCode, r.body).toBe(200);
    const frist = anhoerungsfristEnde('2026-12-07');
    expect(r.json()).toMatchObject({ status: 'anhoerung', anhoerungArt: 'schriftlich', frist, zustellung: 'postfach', sprache: 'tr' });

    // the letter in the Postfach: plain German facts, the Belehrung relied on, the expected Minderung, the deadline, Turkish copy
    const anhang = await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ inhalt: Buffer; text: string }>(sql`select d.inhalt, n.text from portal_dateien d join postfach_nachrichten n on n.id = d.nachricht_id where n.id = ${r.json().nachrichtId}`),
    );
    expect(anhang.rows).toHaveLength(1);
    expect(anhang.rows[0]!.text).toContain(`/portal/anhoerungen/${id}`);
    const text = pdfText(Buffer.from(anhang.rows[0]!.inhalt));
    expect(text).toContain('Anhörung vor einer möglichen Minderung');
    expect(text).toContain('§ 24 Zehntes Buch Sozialgesetzbuch');
    expect(text).toContain('§ 31 Abs. 1');
    expect(text).toContain('20.11.2026');
    expect(text).toContain('05.11.2026');
    expect(text).toContain('wichtigen Grund');
    expect(text).toContain('außergewöhnliche Härte');
    expect(text).toContain('voraussichtlich');
    expect(text).toContain('30 Prozent');
    // the period as on the procedure page: no fixed month before the decision
    expect(text).toContain('ab dem Monat nach der Bekanntgabe unserer Entscheidung');
    expect(text).not.toContain('voraussichtlich von');
    expect(s0.minderungText).toContain('ab dem Monat nach der Bekanntgabe unserer Entscheidung');
    expect(text).toContain(s0.minderungText);
    // a letter to print: the recipient's postal address (the BG's address on the letter date), date, Aktenzeichen
    expect(text).toContain('Lindenweg 4 12345 Musterstadt');
    expect(text).toMatch(/Datum: 07\.12\.2026 Aktenzeichen: M-TEST-C-/);
    // how the Aufforderung reached the person, in a plain sentence
    expect(text).toContain('Wir haben es am 08.11.2026 mit der Post an Sie geschickt.');
    expect(text).not.toContain('erreicht.');
    expect(text).toContain(`${frist.slice(8, 10)}.${frist.slice(5, 7)}.${frist.slice(0, 4)}`);
    expect(text).toContain('Bürgerportal');
    expect(text).toContain('Almanca metin bağlayıcıdır.');
    // staff copy, audited without the answer text
    const pdf = await b.api('integration', 'GET', `/api/fordern/verfahren/${id}/anhoerung.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await b.api('admin@beispielstadt.example', 'GET', `/api/fordern/verfahren/${id}/anhoerung.pdf`)).statusCode).toBe(403);
    expect((await b.api('buerger', 'GET', `/api/fordern/verfahren/${id}/anhoerung.pdf`)).statusCode).toBe(403);

    // the citizen: list, view, page
    const liste = await b.api('buerger', 'GET', '/api/portal/anhoerungen');
    expect(liste.statusCode, liste.body).toBe(200);
    expect(liste.json().anhoerungen.find((a: { id: string }) => a.id === id)).toMatchObject({ status: 'offen', frist, antwortMoeglich: true });
    const ansicht = await b.api('buerger', 'GET', `/api/portal/anhoerungen/${id}`);
    expect(ansicht.statusCode, ansicht.body).toBe(200);
    expect(ansicht.json()).toMatchObject({ id, status: 'offen', belehrungArt: 'schriftlich', hatPdf: true });
    const seite = await b.seite('buerger', `/portal/anhoerungen/${id}`);
    expect(seite.statusCode, seite.body.slice(0, 400)).toBe(200);
    expect(seite.body).toContain(`action="/portal/anhoerungen/${id}/antwort"`);
    expect(seite.body).toContain('lang="de"');
    expect((await b.t.app.inject({ url: `/portal/anhoerungen/${id}/pdf`, headers: { cookie: (await b.jar('buerger')).header() } })).statusCode).toBe(200);

    // the answer with a file through the portal's upload path
    const jar = await b.jar('buerger');
    const csrf = await csrfFor(b.t.app, jar, `/portal/anhoerungen/${id}`);
    const grenze = '----vorort-anh';
    const teile = (antwort: string, dateiname: string) => [
      `--${grenze}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
      `--${grenze}\r\nContent-Disposition: form-data; name="text"\r\n\r\n${antwort}\r\n`,
      `--${grenze}\r\nContent-Disposition: form-data; name="datei"; filename="${dateiname}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ];
    const senden = (antwort: string, dateiname: string, inhalt: Buffer, accept = 'application/json') =>
      b.t.app.inject({
        method: 'POST',
        url: `/portal/anhoerungen/${id}/antwort`,
        headers: { cookie: jar.header(), 'content-type': `multipart/form-data; boundary=${grenze}`, accept },
        payload: Buffer.concat([Buffer.from(teile(antwort, dateiname).join('')), inhalt, Buffer.from(`\r\n--${grenze}--\r\n`)]),
      });
    // a file of another type refuses the whole answer (nothing saved)
    const exe = await senden('Ich war krank.', 'x.exe', Buffer.from('MZ nicht erlaubt'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().issues[0].path).toBe('datei');
    expect((await stand(id)).verfahren.status).toBe('anhoerung');
    // without JavaScript: back to the page with the error at the field
    const exeSeite = await senden('Ich war krank.', 'x.exe', Buffer.from('MZ nicht erlaubt'), 'text/html');
    expect(exeSeite.statusCode, exeSeite.body.slice(0, 400)).toBe(400);
    expect(exeSeite.body).toContain('data-error-summary');
    expect(exeSeite.body).toContain('feld-datei-fehler');
    expect(exeSeite.body).toContain('Ich war krank.');

    // the start page shows the card, the Postfach message links the page
    const start = await b.seite('buerger', '/portal');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain(`href="/portal/anhoerungen/${id}"`);
    const pf = await b.seite('buerger', '/portal/postfach');
    expect(pf.body).toContain(`href="/portal/anhoerungen/${id}"`);

    const up = await senden('Ich war am 20.11. krank. Die Arbeitsunfähigkeitsbescheinigung hänge ich an.', 'au.pdf', kleinesPdf('AU-Bescheinigung'));
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().status).toBe('entscheidung');
    expect(['sauber', 'quarantaene']).toContain(up.json().datei.status);

    const s1 = await stand(id);
    expect(s1.verfahren).toMatchObject({ status: 'entscheidung', antwortKanal: 'portal', antwortText: expect.stringContaining('krank') });
    expect(s1.dateien).toHaveLength(1);
    const datei = await b.api('integration', 'GET', `/api/fordern/verfahren/${id}/antwort-dateien/${s1.dateien[0].id}`);
    expect(datei.statusCode).toBe(up.json().datei.status === 'sauber' ? 200 : 409);
    // the caseworker's follow-up; the answer text is not in the audit trail
    const wv = await b.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from wiedervorlagen where bezug_id = ${id} and faellig_am = '2026-12-07'`));
    expect(wv.rows[0]!.n).toBe(1);
    const audit = await b.t.ctx.db.withSystem((tx) => tx.execute<{ d: string }>(sql`select coalesce(details::text, '') as d from audit_log where object_id = ${id}`));
    expect(audit.rows.length).toBeGreaterThanOrEqual(4);
    for (const a of audit.rows) expect(a.d).not.toContain('krank');

    // a later answer by post is appended; a date in the future is refused
    const zukunft = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/antwort`, { version: s1.verfahren.version, kanal: 'post', am: '2026-12-09', text: 'Nachtrag' });
    expect(zukunft.statusCode).toBe(400);
    const post = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/antwort`, { version: s1.verfahren.version, kanal: 'post', am: '2026-12-07', text: 'Ärztliches Attest folgt per Post.' });
    expect(post.statusCode, post.body).toBe(200);
    const s2 = await stand(id);
    expect(s2.verfahren.antwortText).toContain('krank');
    expect(s2.verfahren.antwortText).toContain('Weitere Antwort vom 07.12.2026 (per Post)');
    expect(s2.verfahren.antwortKanal).toBe('portal');

    // another citizen sees nothing
    await b.t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
        select traeger_id, art, 'buerger2@musterland.example', 'Berta Zweite', password_hash, email_verified_at, roles from users where email = 'buerger@musterland.example'
        on conflict do nothing`),
    );
    expect((await b.api('buerger2@musterland.example', 'GET', `/api/portal/anhoerungen/${id}`)).statusCode).toBe(404);
  });

  it('wiederholtes Meldeversäumnis (2026): nur schriftlich → 409, mit persönlicher Anhörung → ok; ohne Zustellungswunsch per Post', async () => {
    const { bgId, personIds } = await b.neuerFall('Persoenlich');
    const personId = personIds.a!;
    // an earlier decided Minderung for a Meldeversäumnis in October
    const frueher = await verfahren(b, { bgId, personId, pflichtverletzungAm: '2026-10-01', status: 'festgestellt' });
    await b.t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into leistungsminderungen (traeger_id, verfahren_id, person_id, bg_id, tatbestand, art, stufe, prozent, betrag_cent, von_monat, bis_monat, festgestellt_am, pflichtverletzung_am)
        select traeger_id, id, person_id, bg_id, '32', 'minderung', 1, 30, 16800, '2026-11', '2026-11', '2026-10-20', '2026-10-01' from minderungsverfahren where id = ${frueher}`),
    );
    const id = await verfahren(b, { bgId, personId });
    const s0 = await stand(id);
    expect(s0.persoenlichNoetig).toBe(true);

    const nurSchriftlich = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/anhoerung`, { version: s0.verfahren.version, art: 'schriftlich' });
    expect(nurSchriftlich.statusCode).toBe(409);
    expect(nurSchriftlich.json().error).toBe('persoenliche_anhoerung_noetig');
    const ohneTag = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/anhoerung`, { version: s0.verfahren.version, art: 'persoenlich' });
    expect(ohneTag.statusCode).toBe(400);

    const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/anhoerung`, { version: s0.verfahren.version, art: 'schriftlich', persoenlichAm: '2026-12-15' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ anhoerungArt: 'persoenlich', persoenlichAm: '2026-12-15', zustellung: 'post', nachrichtId: null, sprache: 'de' });
    const text = pdfText(Buffer.from((await b.api('integration', 'GET', `/api/fordern/verfahren/${id}/anhoerung.pdf`)).rawPayload));
    // no Termin linked: no invented time, a separate invitation is announced
    expect(text).toContain('vorgesehen am 15.12.2026');
    expect(text).toContain('Uhrzeit und Ort teilen wir Ihnen mit einer gesonderten Einladung mit.');
    expect(text).toContain('Lindenweg 4 12345 Musterstadt');

    // answer in person → entscheidung; no answer after the decision
    const a = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/antwort`, { version: r.json().version, kanal: 'persoenlich', am: '2026-12-07', text: 'Termin vergessen.' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().status).toBe('entscheidung');
    await b.t.ctx.db.withSystem((tx) => tx.execute(sql`update minderungsverfahren set status = 'festgestellt' where id = ${id}`));
    const spaet = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/antwort`, { version: a.json().version, kanal: 'post', am: '2026-12-07', text: 'Noch etwas.' });
    expect(spaet.statusCode).toBe(409);

    // an unknown procedure → 404; a role without fordern.bearbeiten → 403
    expect((await b.api('integration', 'POST', `/api/fordern/verfahren/00000000-0000-4000-8000-000000000000/anhoerung`, { version: 1, art: 'schriftlich' })).statusCode).toBe(404);
    expect((await b.api('buerger', 'POST', `/api/fordern/verfahren/${id}/antwort`, { version: 1, kanal: 'post', am: '2026-12-07', text: 'x' })).statusCode).toBe(403);
  });

  it('persönlich mit Termin: das Schreiben nennt Tag, Uhrzeit und Ort des Termins', async () => {
    const { bgId, personIds } = await b.neuerFall('MitTermin');
    const id = await verfahren(b, { bgId, personId: personIds.a! });
    const termin = await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ id: string; standort: string; strasse: string }>(sql`
        with r as (select r.traeger_id, r.id, r.standort_id from termin_ressourcen r join bedarfsgemeinschaften b on b.traeger_id = r.traeger_id where b.id = ${bgId} order by r.id limit 1),
        t as (
          insert into termine (traeger_id, ressource_id, anliegen_id, standort_id, kanal, art, beginn, ende, blockiert_bis, name, email)
          select r.traeger_id, r.id, (select a.id from termin_anliegen a where a.traeger_id = r.traeger_id order by a.id limit 1), r.standort_id, 'vor_ort', 'einladung',
            '2026-12-16T16:40:00+01:00', '2026-12-16T16:55:00+01:00', '2026-12-16T16:55:00+01:00', 'Anhörung', 'anhoerung@example.invalid'
          from r returning id, traeger_id, standort_id)
        select t.id, s.name as standort, s.strasse from t join standorte s on s.traeger_id = t.traeger_id and s.id = t.standort_id`),
    );
    const t = termin.rows[0]!;
    const s0 = await stand(id);
    const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/anhoerung`, { version: s0.verfahren.version, art: 'persoenlich', terminId: t.id });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ anhoerungArt: 'persoenlich', persoenlichAm: '2026-12-16' });
    const text = pdfText(Buffer.from((await b.api('integration', 'GET', `/api/fordern/verfahren/${id}/anhoerung.pdf`)).rawPayload));
    expect(text).toContain('Mittwoch, 16. Dezember 2026, 16:40 Uhr');
    expect(text).toContain(`${t.standort}, ${t.strasse}`);
    expect(text).not.toContain('gesonderten Einladung');
  });

  it('Verfahrensseite: Abschnitt Anhörung – versenden und Antwort erfassen über die Formulare (ohne JavaScript)', async () => {
    const { bgId, personIds } = await b.neuerFall('Seite');
    const id = await verfahren(b, { bgId, personId: personIds.a!, tatbestand: '31_1_1' });
    const seite = await b.seite('integration', `/fordern/verfahren/${id}`);
    expect(seite.statusCode, seite.body.slice(0, 300)).toBe(200);
    expect(seite.body).toContain('id="abschnitt-anhoerung"');
    expect(seite.body).toContain('name="anh_art"');

    // a deadline in the past: the page again (400) with the error at the field, the entries kept
    const falsch = await b.formular('integration', `/fordern/verfahren/${id}`, { aktion: 'anhoerung_versenden', version: '1', anh_art: 'schriftlich', anh_frist: '2026-12-01', anh_persoenlichAm: '' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('feld-anh_frist-fehler');
    expect(falsch.body).toContain('value="2026-12-01"');

    const ok = await b.formular('integration', `/fordern/verfahren/${id}`, { aktion: 'anhoerung_versenden', version: '1', anh_art: 'schriftlich', anh_frist: '', anh_persoenlichAm: '' });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(302);
    const danach = await b.seite('integration', `/fordern/verfahren/${id}`);
    expect(danach.body).toContain('per Post zu versenden');
    expect(danach.body).toContain(`/api/fordern/verfahren/${id}/anhoerung.pdf`);
    expect(danach.body).toContain('name="antw_text"');

    const v = (await stand(id)).verfahren.version as number;
    const antwort = await b.formular('integration', `/fordern/verfahren/${id}`, { aktion: 'antwort_erfassen', version: String(v), antw_kanal: 'telefon', antw_am: '2026-12-07', antw_text: 'Die Person hat angerufen: Sie war im Krankenhaus.' });
    expect(antwort.statusCode, antwort.body.slice(0, 300)).toBe(302);
    const zuletzt = await b.seite('integration', `/fordern/verfahren/${id}`);
    expect(zuletzt.body).toContain('Sie war im Krankenhaus.');
    expect(zuletzt.body).toContain('telefonisch');
  });
});
