import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { kooperationsplanKurz } from '../../src/server/integration/kooperationsplan-gemeinsam.ts';
import { testClock } from '../helpers/clock.ts';
import { erstantrag, pdfText, useApiTestbed, type ApiTestbed } from '../helpers/api.ts';
import { createTestApp, csrfFor, signIn } from '../helpers/app.ts';
import { kleinesPdf } from '../helpers/testdateien.ts';

/**
 * Kooperationsplan (issue 13, slice B2): lifecycle under the 2026 law (test clock 7.12.2026) — draft, agreement with
 * the Textform PDF in the Postfach and the review Wiedervorlage ≤ 6 months, Fortschreibung, no agreement →
 * Verwaltungsakt; Schlichtung refused after 30.6.2026; under the 2023 law (clock 2.3.2026) Schlichtung and the
 * refused Verwaltungsakt; bad input, foreign Träger and the citizen of another BG.
 */
const b = useApiTestbed({ clock: testClock('2026-12-07T09:30:00+01:00') });

const plan = (bis = '2027-01-15') => ({
  eingliederungsziel: 'Aufnahme einer sozialversicherungspflichtigen Beschäftigung im Lager',
  inhalt: {
    schritte: [
      { was: 'Staplerschein machen', wer: 'person', bis },
      { was: 'Vermittlungsvorschläge schicken', wer: 'jobcenter', bis: '2027-02-01' },
    ],
    eigenbemuehungen: { anzahlJeMonat: 4, nachweis: 'Liste der Bewerbungen im Bürgerportal' },
    sprachfoerderung: 'keine',
    rehaBedarf: false,
    eingliederungsleistungen: ['Vermittlungsbudget (§ 44 SGB III)'],
    taetigkeitsbereiche: ['Lager und Logistik'],
  },
});

async function buergerVerknuepfen(bed: ApiTestbed, bgId: string, email: string, online: boolean) {
  await bed.t.ctx.db.withSystem(async (tx) => {
    await tx.execute(sql`update antraege set eingereicht_von = (select id from users where email = ${email}) where bg_id = ${bgId}`);
    await tx.execute(sql`insert into zustellungswuensche (traeger_id, buerger_id, online) select traeger_id, id, ${online} from users where email = ${email}
      on conflict (traeger_id, buerger_id) do update set online = excluded.online`);
  });
}

async function zaehle(bed: ApiTestbed, tabelle: 'kooperationsplaene' | 'schlichtungen', personId: string): Promise<number> {
  const r = await bed.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(tabelle)} where person_id = ${personId}`));
  return r.rows[0]!.n;
}

describe('Kooperationsplan nach neuem Recht (ab 1.7.2026)', () => {
  it('Entwurf → vereinbart (PDF im Postfach, Wiedervorlage ≤ 6 Monate) → fortgeschrieben', async () => {
    const { bgId, personIds } = await b.neuerFall('Kooperativ');
    const personId = personIds.a!;
    await buergerVerknuepfen(b, bgId, 'buerger@musterland.example', true);
    await b.t.ctx.db.withSystem((tx) => tx.execute(sql`update users set sprache = 'tr' where email = 'buerger@musterland.example'`));

    const neu = await b.api('integration', 'POST', `/api/integration/personen/${personId}/kooperationsplan`, plan());
    expect(neu.statusCode, neu.body).toBe(201);
    const { id, version } = neu.json();

    // a second draft is refused
    expect((await b.api('integration', 'POST', `/api/integration/personen/${personId}/kooperationsplan`, plan())).statusCode).toBe(409);

    const geaendert = await b.api('integration', 'PUT', `/api/integration/kooperationsplaene/${id}`, { ...plan('2027-01-20'), version });
    expect(geaendert.statusCode, geaendert.body).toBe(200);

    // more than 6 months → 400 at the field
    const zuSpaet = await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${id}/abstimmen`, { version: geaendert.json().version, naechsteUeberpruefung: '2027-06-08' });
    expect(zuSpaet.statusCode).toBe(400);
    expect(zuSpaet.json().issues[0].path).toBe('body.naechsteUeberpruefung');

    const ab = await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${id}/abstimmen`, { version: geaendert.json().version });
    expect(ab.statusCode, ab.body).toBe(200);
    expect(ab.json()).toMatchObject({ status: 'abgestimmt', naechsteUeberpruefung: '2027-06-07', zustellung: 'postfach', sprache: 'tr' });

    // review Wiedervorlage: art, person, Bezug, due ≤ 6 months
    const wv = await b.t.ctx.db.withSystem((tx) => tx.execute<{ art: string; person_id: string; bezug_id: string; faellig_am: string }>(sql`select art, person_id, bezug_id, faellig_am::text from wiedervorlagen where id = ${ab.json().wiedervorlageId}`));
    expect(wv.rows[0]).toEqual({ art: 'kooperationsplan_ueberpruefung', person_id: personId, bezug_id: id, faellig_am: '2027-06-07' });

    // the PDF in the citizen's Postfach: German text, Turkish translation, German binding
    const postfach = await b.api('buerger', 'GET', '/api/portal/kooperationsplan');
    expect(postfach.statusCode, postfach.body).toBe(200);
    const meiner = postfach.json().plaene.find((p: { id: string }) => p.id === id);
    expect(meiner).toMatchObject({ status: 'abgestimmt', hatDokument: true, eingliederungsziel: expect.stringContaining('Lager') });
    const anhang = await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ id: string; inhalt: Buffer; betreff: string }>(
        sql`select d.id, d.inhalt, n.betreff from portal_dateien d join postfach_nachrichten n on n.id = d.nachricht_id where n.bg_id = ${bgId} and n.betreff like 'Ihr Kooperationsplan%'`,
      ),
    );
    expect(anhang.rows).toHaveLength(1);
    const text = pdfText(Buffer.from(anhang.rows[0]!.inhalt));
    expect(text).toContain('Kooperationsplan');
    expect(text).toContain('Staplerschein machen');
    expect(text).toContain('20.01.2027');
    // no Schlichtung hint under the 2026 law
    expect(text).not.toContain('Schlichtungsverfahren verlangen');
    expect(text).toContain('Almanca metin bağlayıcıdır.');

    // staff download, audited
    const pdf = await b.api('integration', 'GET', `/api/integration/kooperationsplaene/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    // citizen confirms
    const best = await b.api('buerger', 'POST', `/api/portal/kooperationsplaene/${id}/reaktion`, { reaktion: 'bestaetigt' });
    expect(best.statusCode, best.body).toBe(200);
    // … but may not ask for a Schlichtung after 30.6.2026
    const schl = await b.api('buerger', 'POST', `/api/portal/kooperationsplaene/${id}/reaktion`, { reaktion: 'schlichtung', text: 'Ich bin nicht einverstanden.' });
    expect(schl.statusCode).toBe(409);
    expect(schl.json().error).toBe('schlichtung_nicht_mehr_moeglich');

    // Fortschreibung: new draft; on agreement the old one is fortgeschrieben and its Wiedervorlage closed
    const lesen = (await b.api('integration', 'GET', `/api/integration/personen/${personId}/kooperationsplan`)).json();
    const fort = await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${id}/fortschreiben`, { version: lesen.geltend.version });
    expect(fort.statusCode, fort.body).toBe(201);
    expect(fort.json()).toMatchObject({ fassung: 2, vorgaengerId: id });
    const ab2 = await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${fort.json().id}/abstimmen`, { version: fort.json().version });
    expect(ab2.statusCode, ab2.body).toBe(200);
    const danach = (await b.api('integration', 'GET', `/api/integration/personen/${personId}/kooperationsplan`)).json();
    expect(danach.plaene.map((p: { fassung: number; status: string }) => [p.fassung, p.status])).toEqual([
      [2, 'abgestimmt'],
      [1, 'fortgeschrieben'],
    ]);
    const alteWv = await b.t.ctx.db.withSystem((tx) => tx.execute<{ erledigt: boolean }>(sql`select erledigt_am is not null as erledigt from wiedervorlagen where id = ${ab.json().wiedervorlageId}`));
    expect(alteWv.rows[0]!.erledigt).toBe(true);

    // summary for the Integrationsakte (slice A)
    const kurz = await b.t.ctx.db.withSystem((tx) => kooperationsplanKurz(tx, personId, '2026-12-07'));
    expect(kurz).toMatchObject({ geltend: { fassung: 2, status: 'abgestimmt' }, entwurf: null, fassungen: 2 });

    // the reads were audited
    const audit = await b.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where object_type = 'kooperationsplan' and action = 'read' and person_id = ${personId}`));
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(4);
  });

  it('nicht zustande gekommen → Verwaltungsakt mit Rechtsfolgen- und Rechtsbehelfsbelehrung; keine Schlichtung mehr', async () => {
    const { personIds } = await b.neuerFall('Unwillig');
    const personId = personIds.b!;
    const neu = (await b.api('integration', 'POST', `/api/integration/personen/${personId}/kooperationsplan`, plan())).json();
    const nz = await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${neu.id}/nicht-zustande-gekommen`, { version: neu.version });
    expect(nz.statusCode, nz.body).toBe(200);
    expect(nz.json()).toMatchObject({ status: 'nicht_zustande_gekommen', folgeschritt: 'verwaltungsakt' });

    const schl = await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${neu.id}/schlichtung`, { beantragtVon: 'person' });
    expect(schl.statusCode).toBe(409);
    expect(schl.json().error).toBe('schlichtung_nicht_mehr_moeglich');
    expect(await zaehle(b, 'schlichtungen', personId)).toBe(0);

    const va = await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${neu.id}/verwaltungsakt`, { version: nz.json().version });
    expect(va.statusCode, va.body).toBe(201);
    expect(va.json()).toMatchObject({ art: 'verwaltungsakt', fassung: 2, zustellung: 'post', naechsteUeberpruefung: '2027-06-07' });
    const pdf = await b.api('integration', 'GET', `/api/integration/kooperationsplaene/${va.json().id}/pdf`);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Verwaltungsakt');
    expect(text).toContain('Rechtsfolgenbelehrung');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(text).toContain('Widerspruch');
  });

  it('zwei gleichzeitige Vereinbarungen desselben Entwurfs: eine gewinnt, die andere 409; ein Dokument, eine Wiedervorlage', async () => {
    const { personIds } = await b.neuerFall('Gleichzeitig');
    const personId = personIds.a!;
    const neu = (await b.api('integration', 'POST', `/api/integration/personen/${personId}/kooperationsplan`, plan())).json();
    const [x, y] = await Promise.all([
      b.api('integration', 'POST', `/api/integration/kooperationsplaene/${neu.id}/abstimmen`, { version: neu.version }),
      b.api('teamleitung', 'POST', `/api/integration/kooperationsplaene/${neu.id}/abstimmen`, { version: neu.version }),
    ]);
    expect([x.statusCode, y.statusCode].toSorted()).toEqual([200, 409]);
    const wv = await b.t.ctx.db.withSystem((tx) => tx.execute(sql`select 1 from wiedervorlagen where bezug_id = ${neu.id} and art = 'kooperationsplan_ueberpruefung'`));
    expect(wv.rows).toHaveLength(1);
  });

  it('Schritt vor dem Plandatum → 400 am Feld, nichts gespeichert', async () => {
    const { personIds } = await b.neuerFall('Vergangen');
    const personId = personIds.a!;
    const res = await b.api('integration', 'POST', `/api/integration/personen/${personId}/kooperationsplan`, plan('2026-12-06'));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'body.inhalt.schritte.0.bis', code: 'schritt_in_vergangenheit' })]);
    expect(await zaehle(b, 'kooperationsplaene', personId)).toBe(0);
    // a child is no eLb: no Kooperationsplan
    const kind = await b.api('integration', 'POST', `/api/integration/personen/${personIds.c!}/kooperationsplan`, plan());
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error).toBe('kein_elb');
    // the page shows the message at the step's date field
    const seite = await b.formular('integration', `/integration/personen/${personId}/kooperationsplan`, {
      _aktion: 'speichern',
      eingliederungsziel: 'Arbeit',
      schritt_was_0: 'Bewerben',
      schritt_wer_0: 'person',
      schritt_bis_0: '2026-12-01',
      eb_anzahl: '3',
      eb_nachweis: 'Liste',
      sprachfoerderung: 'keine',
    });
    expect(seite.statusCode).toBe(400);
    expect(seite.body).toContain('feld-schritt_bis_0-fehler');
    expect(await zaehle(b, 'kooperationsplaene', personId)).toBe(0);
  });

  it('fremder Träger und leistung: 404 / 403; Bürger einer anderen BG: 404', async () => {
    const { bgId, personIds } = await b.neuerFall('Geschuetzt');
    const personId = personIds.a!;
    const neu = (await b.api('integration', 'POST', `/api/integration/personen/${personId}/kooperationsplan`, plan())).json();
    await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${neu.id}/abstimmen`, { version: neu.version });
    await buergerVerknuepfen(b, bgId, 'buerger@musterland.example', false);

    expect((await b.api('admin@beispielstadt.example', 'GET', `/api/integration/personen/${personId}/kooperationsplan`)).statusCode).toBe(404);
    expect((await b.api('admin@beispielstadt.example', 'GET', `/api/integration/kooperationsplaene/${neu.id}/pdf`)).statusCode).toBe(404);
    expect((await b.api('leistung', 'GET', `/api/integration/personen/${personId}/kooperationsplan`)).statusCode).toBe(200);
    expect((await b.api('leistung', 'POST', `/api/integration/kooperationsplaene/${neu.id}/fortschreiben`, { version: 1 })).statusCode).toBe(403);
    // the Leistung side reads the page without the forms
    const lesend = await b.seite('leistung', `/integration/personen/${personId}/kooperationsplan`);
    expect(lesend.statusCode).toBe(200);
    expect(lesend.body).toContain('Geltender Plan');
    expect(lesend.body).not.toContain('Entwurf anlegen');
    expect(lesend.body).not.toContain('Plan fortschreiben');

    // a second citizen (no link to this BG) does not see the plan and cannot answer it
    await b.t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
        select traeger_id, art, 'buerger-koop2@musterland.example', 'Zweite Bürgerin', password_hash, email_verified_at, roles from users where email = 'buerger@musterland.example'
        on conflict do nothing`),
    );
    const zweite = await b.api('buerger-koop2@musterland.example', 'GET', '/api/portal/kooperationsplan');
    expect(zweite.statusCode).toBe(200);
    expect(zweite.json().plaene.some((p: { id: string }) => p.id === neu.id)).toBe(false);
    expect((await b.api('buerger-koop2@musterland.example', 'POST', `/api/portal/kooperationsplaene/${neu.id}/reaktion`, { reaktion: 'bestaetigt' })).statusCode).toBe(404);
    expect((await b.t.app.inject({ url: `/portal/kooperationsplan/${neu.id}/pdf`, headers: { cookie: (await b.jar('buerger-koop2@musterland.example')).header() } })).statusCode).toBe(404);
    // the linked citizen gets the PDF from the portal even without online delivery
    expect((await b.t.app.inject({ url: `/portal/kooperationsplan/${neu.id}/pdf`, headers: { cookie: (await b.jar('buerger')).header() } })).statusCode).toBe(200);

    // proof of Eigenbemühungen through the portal upload path
    const jar = await b.jar('buerger');
    const csrf = await csrfFor(b.t.app, jar, '/portal/kooperationsplan');
    const grenze = '----vorort-koop';
    const teile = [
      `--${grenze}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
      `--${grenze}\r\nContent-Disposition: form-data; name="id"\r\n\r\n${neu.id}\r\n`,
      `--${grenze}\r\nContent-Disposition: form-data; name="monat"\r\n\r\n2026-12\r\n`,
      `--${grenze}\r\nContent-Disposition: form-data; name="anzahl"\r\n\r\n4\r\n`,
      `--${grenze}\r\nContent-Disposition: form-data; name="datei"; filename="bewerbungen.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ];
    const payload = Buffer.concat([Buffer.from(teile.join('')), kleinesPdf('Bewerbungen Dezember'), Buffer.from(`\r\n--${grenze}--\r\n`)]);
    const up = await b.t.app.inject({ method: 'POST', url: '/portal/kooperationsplan/nachweis', headers: { cookie: jar.header(), 'content-type': `multipart/form-data; boundary=${grenze}`, accept: 'application/json' }, payload });
    // clean or (scanner unreachable) in quarantine: either way recorded; a rejected file would be 422
    expect(up.statusCode, up.body).toBe(201);
    expect(['sauber', 'quarantaene']).toContain(up.json().status);
    const nachweise = await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ monat: string; anzahl: number; nachweis: string }>(
        sql`select n.monat, n.anzahl, d.nachweis from eigenbemuehung_nachweise n join portal_dateien d on d.id = n.portal_datei_id where n.kooperationsplan_id = ${neu.id}`,
      ),
    );
    expect(nachweise.rows).toEqual([{ monat: '2026-12', anzahl: 4, nachweis: 'eigenbemuehungen' }]);
    // staff open it (once clean), another Träger does not
    const nachweisId = (await b.api('integration', 'GET', `/api/integration/personen/${personId}/kooperationsplan`)).json().nachweise[0].id as string;
    const oeffnen = await b.api('integration', 'GET', `/api/integration/eigenbemuehungen/${nachweisId}/datei`);
    expect(up.json().status === 'sauber' ? 200 : 409).toBe(oeffnen.statusCode);
    expect((await b.api('admin@beispielstadt.example', 'GET', `/api/integration/eigenbemuehungen/${nachweisId}/datei`)).statusCode).toBe(404);
    // a file of another type is refused through the same path and recorded nowhere as proof
    const falsch = await b.t.app.inject({
      method: 'POST',
      url: '/portal/kooperationsplan/nachweis',
      headers: { cookie: jar.header(), 'content-type': `multipart/form-data; boundary=${grenze}`, accept: 'application/json' },
      payload: Buffer.concat([Buffer.from(teile.join('').replace('bewerbungen.pdf', 'x.exe')), Buffer.from('MZ nicht erlaubt'), Buffer.from(`\r\n--${grenze}--\r\n`)]),
    });
    expect(falsch.statusCode).toBe(422);
    expect((await b.t.ctx.db.withSystem((tx) => tx.execute(sql`select 1 from eigenbemuehung_nachweise where kooperationsplan_id = ${neu.id}`))).rows).toHaveLength(1);

    // the page form without a file: the page again, 400, error summary and the error at the "Datei" field
    const ohneDatei = await b.t.app.inject({
      method: 'POST',
      url: '/portal/kooperationsplan/nachweis',
      headers: { cookie: jar.header(), 'content-type': `multipart/form-data; boundary=${grenze}`, accept: 'text/html' },
      payload: Buffer.from(
        [
          `--${grenze}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
          `--${grenze}\r\nContent-Disposition: form-data; name="id"\r\n\r\n${neu.id}\r\n`,
          `--${grenze}\r\nContent-Disposition: form-data; name="monat_${neu.id}"\r\n\r\n2026-11\r\n`,
          `--${grenze}\r\nContent-Disposition: form-data; name="anzahl_${neu.id}"\r\n\r\n3\r\n`,
          `--${grenze}\r\nContent-Disposition: form-data; name="datei_${neu.id}"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`,
          `--${grenze}--\r\n`,
        ].join(''),
      ),
    });
    expect(ohneDatei.statusCode, ohneDatei.body.slice(0, 500)).toBe(400);
    expect(ohneDatei.body).toContain('data-error-summary');
    expect(ohneDatei.body).toContain(`href="#feld-datei_${neu.id}"`);
    expect(ohneDatei.body).toContain(`feld-datei_${neu.id}-fehler`);
    expect(ohneDatei.body).toContain('value="2026-11"');
    // the page's other forms post to the page itself (no stale #nachweis anchor carried on)
    expect(ohneDatei.body).toContain('action="/portal/kooperationsplan"');
  });

  it('Antworten im Bürgerportal bleiben als Verlauf erhalten; Dokument eines vereinbarten Plans ohne gespeichertes PDF wird nachgetragen', async () => {
    const { bgId, personIds } = await b.neuerFall('Verlauf');
    const personId = personIds.a!;
    const neu = (await b.api('integration', 'POST', `/api/integration/personen/${personId}/kooperationsplan`, plan())).json();
    await b.api('integration', 'POST', `/api/integration/kooperationsplaene/${neu.id}/abstimmen`, { version: neu.version });
    await buergerVerknuepfen(b, bgId, 'buerger@musterland.example', false);

    // a comment, then the confirmation: both kept
    expect((await b.api('buerger', 'POST', `/api/portal/kooperationsplaene/${neu.id}/reaktion`, { reaktion: 'kommentar', text: 'Der Staplerkurs ist erst im Februar.' })).statusCode).toBe(200);
    expect((await b.api('buerger', 'POST', `/api/portal/kooperationsplaene/${neu.id}/reaktion`, { reaktion: 'bestaetigt' })).statusCode).toBe(200);
    expect((await b.api('buerger', 'POST', `/api/portal/kooperationsplaene/${neu.id}/reaktion`, { reaktion: 'kommentar', text: 'Danke!' })).statusCode).toBe(200);
    const g = (await b.api('integration', 'GET', `/api/integration/personen/${personId}/kooperationsplan`)).json().geltend;
    expect(g.reaktion).toBe('bestaetigt');
    expect(g.kommentare.map((k: { art: string; text: string }) => [k.art, k.text])).toEqual([
      ['kommentar', 'Der Staplerkurs ist erst im Februar.'],
      ['kommentar', 'Danke!'],
    ]);
    const staff = await b.seite('integration', `/integration/personen/${personId}/kooperationsplan`);
    expect(staff.body).toContain('im Bürgerportal bestätigt am');
    expect(staff.body).toContain('Der Staplerkurs ist erst im Februar.');
    const portal = await b.seite('buerger', '/portal/kooperationsplan');
    expect(portal.body).toContain('Was Sie uns geschrieben haben');
    expect(portal.body).toContain('Der Staplerkurs ist erst im Februar.');
    // under the 2026 law: no Schlichtung section, but what happens instead
    expect(portal.body).not.toContain('Schlichtung verlangen');
    expect(portal.body).toContain('Wenn Sie mit dem Plan nicht einverstanden sind');

    // an agreed plan without a stored document (older records, demo data): rendered on demand, stored, not delivered
    await b.t.ctx.db.withSystem((tx) => tx.execute(sql`update kooperationsplaene set dokument_pdf = null where id = ${neu.id}`));
    const nachrichten = async () => (await b.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from postfach_nachrichten where bg_id = ${bgId}`))).rows[0]!.n;
    const vorher = await nachrichten();
    const seite = await b.seite('integration', `/integration/personen/${personId}/kooperationsplan`);
    expect(seite.body).toContain(`/api/integration/kooperationsplaene/${neu.id}/pdf`);
    const pdf = await b.api('integration', 'GET', `/api/integration/kooperationsplaene/${neu.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Staplerschein machen');
    expect(text).toContain('vereinbart am 07.12.2026');
    const gespeichert = await b.t.ctx.db.withSystem((tx) => tx.execute<{ da: boolean }>(sql`select dokument_pdf is not null as da from kooperationsplaene where id = ${neu.id}`));
    expect(gespeichert.rows[0]!.da).toBe(true);
    await b.t.ctx.db.withSystem((tx) => tx.execute(sql`update kooperationsplaene set dokument_pdf = null where id = ${neu.id}`));
    expect((await b.seite('buerger', '/portal/kooperationsplan')).body).toContain(`/portal/kooperationsplan/${neu.id}/pdf`);
    expect((await b.t.app.inject({ url: `/portal/kooperationsplan/${neu.id}/pdf`, headers: { cookie: (await b.jar('buerger')).header() } })).statusCode).toBe(200);
    expect(await nachrichten()).toBe(vorher);
  });
});

describe('Kooperationsplan nach Recht bis 30.6.2026 (Schlichtung)', () => {
  it('Schlichtung 4 Wochen, durch Bürger verlangt; Verwaltungsakt vor dem 1.7.2026 abgelehnt', async () => {
    const t = await createTestApp({ seed: true, clock: testClock('2026-03-02T10:00:00+01:00') });
    try {
      const integration = await signIn(t.app, 'integration@musterland.example');
      const leistung = await signIn(t.app, 'leistung@musterland.example');
      const api = async (jar: typeof integration, method: 'GET' | 'POST', url: string, payload?: object) =>
        t.app.inject({ method, url, headers: { cookie: jar.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });
      const kommune = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`));
      const fall = await api(leistung, 'POST', '/api/faelle', { ...erstantrag(kommune.rows[0]!.id, 'Altrecht'), antragsdatum: '2026-02-10' });
      expect(fall.statusCode, fall.body).toBe(201);
      const personId = fall.json().personIds.a as string;
      const neu = (await api(integration, 'POST', `/api/integration/personen/${personId}/kooperationsplan`, plan('2026-04-01'))).json();
      const nz = await api(integration, 'POST', `/api/integration/kooperationsplaene/${neu.id}/nicht-zustande-gekommen`, { version: neu.version });
      expect(nz.json()).toMatchObject({ folgeschritt: 'schlichtung' });

      const va = await api(integration, 'POST', `/api/integration/kooperationsplaene/${neu.id}/verwaltungsakt`, { version: nz.json().version });
      expect(va.statusCode).toBe(409);
      expect(va.json().error).toBe('verwaltungsakt_noch_nicht_moeglich');

      const s = await api(integration, 'POST', `/api/integration/kooperationsplaene/${neu.id}/schlichtung`, { beantragtVon: 'person' });
      expect(s.statusCode, s.body).toBe(201);
      expect(s.json()).toMatchObject({ beginn: '2026-03-02', ende: '2026-03-30', ergebnis: 'laufend' });
      // a second one while it runs → 409
      expect((await api(integration, 'POST', `/api/integration/kooperationsplaene/${neu.id}/schlichtung`, {})).json().error).toBe('schlichtung_laeuft');
      const ende = await api(integration, 'POST', `/api/integration/schlichtungen/${s.json().id}/ende`, { version: s.json().version, ergebnis: 'einigung' });
      expect(ende.statusCode, ende.body).toBe(200);
      expect(ende.json()).toMatchObject({ ergebnis: 'einigung', ende: '2026-03-02' });

      // the citizen of the BG asks for a Schlichtung in the portal: it starts today and runs 4 weeks
      await t.ctx.db.withSystem((tx) => tx.execute(sql`update antraege set eingereicht_von = (select id from users where email = 'buerger@musterland.example') where bg_id = ${fall.json().bg.id}`));
      const buerger = await signIn(t.app, 'buerger@musterland.example');
      const anfrage = await api(buerger, 'POST', `/api/portal/kooperationsplaene/${neu.id}/reaktion`, { reaktion: 'schlichtung', text: 'Der Staplerschein ist zu früh.' });
      expect(anfrage.statusCode, anfrage.body).toBe(200);
      expect(anfrage.json().schlichtung).toMatchObject({ beginn: '2026-03-02', ende: '2026-03-30' });
      const wv = await t.ctx.db.withSystem((tx) => tx.execute<{ grund: string; faellig_am: string }>(sql`select grund, faellig_am::text from wiedervorlagen where bezug_id = ${neu.id} and art = 'allgemein'`));
      expect(wv.rows).toEqual([{ grund: expect.stringContaining('Schlichtung verlangt'), faellig_am: '2026-03-02' }]);
      const portal = await t.app.inject({ url: '/portal/kooperationsplan', headers: { cookie: buerger.header(), accept: 'text/html' } });
      expect(portal.body).toContain('Ein Schlichtungsverfahren läuft bis zum 30.03.2026.');

      // the page explains the law of the day
      const seite = await t.app.inject({ url: `/integration/personen/${personId}/kooperationsplan`, headers: { cookie: integration.header(), accept: 'text/html' } });
      expect(seite.statusCode).toBe(200);
      expect(seite.body).toContain('Schlichtungsverfahren nach § 15a SGB II');
    } finally {
      await t.close();
    }
  });
});
