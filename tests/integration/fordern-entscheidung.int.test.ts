import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../helpers/clock.ts';
import { pdfText, useApiTestbed } from '../helpers/api.ts';

/**
 * Fordern slice D (docs/fordern.md "Entscheidung und Bescheid"): deciding a Minderungsverfahren under the 2026 law
 * (test clock 7.12.2026): Würdigung, Stufe, Minderungsbescheid; Vier-Augen by the Träger's rule; who decides by the
 * Träger's setting; two decisions at once (one wins); the six-month limit; wichtiger Grund → eingestellt; early end
 * and Aufhebung. The procedures are inserted ready for the decision (Anhörung done, deadline over).
 */
const b = useApiTestbed({ clock: testClock('2026-12-07T09:30:00+01:00') });

let integrationId = '';
beforeAll(async () => {
  const r = await b.t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from users where email = 'integration@musterland.example'`));
  integrationId = r.rows[0]!.id;
});

/** A Fall with an approved Bewilligung (the Stufe reads the person's Regelbedarfsstufe from it). */
async function bewilligterFall(nachname: string) {
  const f = await b.neuerFall(nachname);
  const neu = await b.api('leistung', 'POST', `/api/faelle/${f.bgId}/bewilligungen`, {});
  if (neu.statusCode !== 201) throw new Error(`Berechnung: ${neu.statusCode} ${neu.body}`);
  const fr = await b.api('leistung', 'POST', `/api/bewilligungen/${neu.json().bewilligung.id}/freigeben`, { version: neu.json().bewilligung.version });
  if (fr.statusCode !== 200) throw new Error(`Freigabe: ${fr.statusCode} ${fr.body}`);
  return f;
}

/** A procedure in status `entscheidung` (written Anhörung on 12.11.2026, answer deadline 26.11.2026 over). */
async function verfahren(f: { bgId: string; personIds: Record<string, string> }, o: { tatbestand?: string; pflichtverletzungAm?: string; fristEnde?: string } = {}) {
  const id = randomUUID();
  const pflicht = o.pflichtverletzungAm ?? '2026-11-10';
  await b.t.ctx.db.withSystem((tx) =>
    tx.execute(sql`insert into minderungsverfahren (traeger_id, id, person_id, bg_id, aktenzeichen, anlass_art, anlass_text, tatbestand, pflichtverletzung_am, frist_ende,
        belehrung_art, belehrung_am, belehrung_text, belehrung_zugang_art, belehrung_zugang_am, status, anhoerung_art, anhoerung_am, anhoerung_frist, created_by)
      select traeger_id, ${id}::uuid, ${f.personIds.a}::uuid, id, ${`M-TEST-${id.slice(0, 8)}`}, 'manuell', 'Die Maßnahme „Fit für den Lagerjob“ am 10.11.2026 ohne Angabe von Gründen abgebrochen.',
        ${o.tatbestand ?? '31_1_3'}, ${pflicht}::date, ${o.fristEnde ?? '2027-05-10'}::date, 'schriftlich', ${pflicht}::date - 20, 'Brechen Sie die Maßnahme ohne wichtigen Grund ab, mindert sich Ihr Grundsicherungsgeld um 30 Prozent.',
        'post', ${pflicht}::date - 17, 'entscheidung', 'schriftlich', '2026-11-12', '2026-11-26', ${integrationId}::uuid
      from bedarfsgemeinschaften where id = ${f.bgId}::uuid`),
  );
  return id;
}

const zeile = async (id: string) =>
  (await b.t.ctx.db.withSystem((tx) => tx.execute<{ status: string; version: number; einstellungsgrund: string | null }>(sql`select status, version, einstellungsgrund from minderungsverfahren where id = ${id}::uuid`))).rows[0]!;
const minderung = async (id: string) =>
  (
    await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ prozent: number; stufe: number; betrag_cent: string; von_monat: string; bis_monat: string; art: string; aufgehoben_am: string | null; beendet_ab_monat: string | null }>(
        sql`select prozent, stufe, betrag_cent::text, von_monat, bis_monat, art, aufgehoben_am::text, beendet_ab_monat from leistungsminderungen where verfahren_id = ${id}::uuid`,
      ),
    )
  ).rows;

const entscheidung = (version: number, o: Record<string, unknown> = {}) => ({
  version,
  wichtigerGrund: 'nein',
  wichtigerGrundWuerdigung: 'Die Person hat sich in der Anhörung nicht geäußert; ein wichtiger Grund ist nicht ersichtlich.',
  haerte: 'nein',
  haerteWuerdigung: 'Keine Anhaltspunkte für eine außergewöhnliche Härte.',
  ...o,
});

async function einstellungen(werte: { minderungEntscheider: string; minderungVierAugen: string }) {
  const akt = await b.api('admin', 'GET', '/api/admin/traeger-einstellungen');
  expect(akt.statusCode, akt.body).toBe(200);
  const r = await b.api('admin', 'PUT', '/api/admin/fordern-einstellungen', { ...werte, version: akt.json().version });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json()).toMatchObject(werte);
}

describe('Entscheidung über die Minderung (Recht ab 1.7.2026)', () => {
  it('Würdigung → Stufe → Minderungsbescheid; die Leistungssachbearbeitung entscheidet bei diesem Träger nicht', async () => {
    const f = await bewilligterFall('Entscheid');
    const id = await verfahren(f);

    // the preview for today: 30 % for three months from January 2027, of the Regelbedarfsstufe 2 of the Bewilligung
    const ansicht = await b.api('integration', 'GET', `/api/fordern/verfahren/${id}/entscheidung`);
    expect(ansicht.statusCode, ansicht.body).toBe(200);
    expect(ansicht.json().rechte.entscheiden).toBe(true);
    expect(ansicht.json().vorschau.vorschlag).toMatchObject({ ergebnis: 'minderung', prozent: 30, monate: 3, vonMonat: '2027-01', bisMonat: '2027-03', betragCent: 15180 });
    expect(ansicht.json().vorschau.regelbedarf).toMatchObject({ stufe: 2, cent: 50600, quelle: 'bewilligung' });

    // the setting says 'integration': Leistung may not decide (403), whatever it sends
    const leistung = await b.api('leistung', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1));
    expect(leistung.statusCode, leistung.body).toBe(403);
    expect(leistung.json().error).toBe('nicht_entscheidungsberechtigt');

    // the Würdigung is required, a Bescheid may not be backdated
    const ohne = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1, { wichtigerGrundWuerdigung: '   ', bescheidAm: '2026-12-01' }));
    expect(ohne.statusCode, ohne.body).toBe(400);
    expect(ohne.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.bescheidAm', 'body.wichtigerGrundWuerdigung']);

    const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'festgestellt', ergebnis: 'festgestellt', zustellung: 'post' });
    expect(await minderung(id)).toEqual([expect.objectContaining({ prozent: 30, stufe: 1, betrag_cent: '15180', von_monat: '2027-01', bis_monat: '2027-03', art: 'minderung' })]);

    const pdf = await b.api('integration', 'GET', `/api/fordern/verfahren/${id}/bescheid.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    for (const teil of [
      'Bescheid über die Minderung',
      '30 Prozent',
      '151,80 Euro im Monat',
      'von Januar 2027 bis März 2027',
      'Tag der Pflichtverletzung: 10.11.2026',
      '§ 31 Abs. 1 S. 1 Nr. 3',
      'Rechtsfolgen',
      'keine außergewöhnliche Härte',
      'frühestens aber nach einem Monat',
      'ergänzende Hilfe zum Lebensunterhalt',
      '§ 31b Abs. 4 SGB II',
      'Rechtsbehelfsbelehrung',
      'keine aufschiebende Wirkung (§ 39 Nr. 1 SGB II)',
      // a letter to print: the postal address of the BG on the Bescheid date; the Zugang in a plain sentence
      'Lindenweg 4 12345 Musterstadt',
      'Wir haben es am 24.10.2026 mit der Post an Sie geschickt.',
      '(3 Monate)',
    ]) {
      expect(text).toContain(teil);
    }

    // a second decision is refused (status)
    const nochmal = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung((await zeile(id)).version));
    expect(nochmal.statusCode).toBe(409);

    // early end: complied before the Minderung began → it still runs one full month (ends from February 2027)
    const frueh = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/vorzeitiges-ende`, { version: (await zeile(id)).version, erfuelltAm: '2026-12-07', grund: 'Maßnahme wieder aufgenommen.' });
    expect(frueh.statusCode, frueh.body).toBe(200);
    expect(frueh.json()).toMatchObject({ status: 'festgestellt', beendetAbMonat: '2027-02' });
    expect((await minderung(id))[0]!.beendet_ab_monat).toBe('2027-02');
    // a second early end that is not earlier → refused; a date in the future → 400 at the field
    const zweit = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/vorzeitiges-ende`, { version: (await zeile(id)).version, erfuelltAm: '2026-12-07', grund: 'nochmal' });
    expect(zweit.statusCode, zweit.body).toBe(409);
    expect(zweit.json().error).toBe('vorzeitiges_ende_unzulaessig');
    const zukunft = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/vorzeitiges-ende`, { version: (await zeile(id)).version, erfuelltAm: '2027-01-07', grund: 'x' });
    expect(zukunft.statusCode).toBe(400);
    expect(zukunft.json().issues[0].path).toBe('body.erfuelltAm');

    // Aufhebung (Widerspruch granted) → aufgehoben

    const auf = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/aufhebung`, { version: (await zeile(id)).version, anlass: 'widerspruch', grund: 'Die Maßnahme war nicht zumutbar.' });
    expect(auf.statusCode, auf.body).toBe(200);
    expect(auf.json().status).toBe('aufgehoben');
    expect((await minderung(id))[0]!.aufgehoben_am).toBe('2026-12-07');
    const aufNochmal = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/aufhebung`, { version: (await zeile(id)).version, anlass: 'widerspruch', grund: 'x' });
    expect(aufNochmal.statusCode).toBe(409);
  });

  it('Vier-Augen nach der Regel des Trägers: eine andere Person gibt frei', async () => {
    await einstellungen({ minderungEntscheider: 'integration', minderungVierAugen: 'immer' });
    try {
      const f = await b.neuerFall('Vieraugen');
      const id = await verfahren(f);
      const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1));
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'freigabe_erforderlich', ergebnis: 'freigabe_erforderlich' });
      expect(await minderung(id)).toEqual([]);
      const v = (await zeile(id)).version;
      // integration has no fordern.freigeben
      expect((await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/freigabe`, { version: v })).statusCode).toBe(403);
      const frei = await b.api('teamleitung', 'POST', `/api/fordern/verfahren/${id}/freigabe`, { version: v });
      expect(frei.statusCode, frei.body).toBe(200);
      expect(frei.json().status).toBe('festgestellt');
      expect(await minderung(id)).toHaveLength(1);

      // the Teamleitung decides herself: she may not approve her own decision
      const f2 = await b.neuerFall('Selbstfrei');
      const id2 = await verfahren(f2);
      const r2 = await b.api('teamleitung', 'POST', `/api/fordern/verfahren/${id2}/entscheidung`, entscheidung(1));
      expect(r2.statusCode, r2.body).toBe(200);
      const selbst = await b.api('teamleitung', 'POST', `/api/fordern/verfahren/${id2}/freigabe`, { version: (await zeile(id2)).version });
      expect(selbst.statusCode, selbst.body).toBe(409);
      expect(selbst.json().error).toBe('eigene_entscheidung_freigeben');
    } finally {
      await einstellungen({ minderungEntscheider: 'integration', minderungVierAugen: 'wegfall' });
    }
  });

  it('Einstellung „leistung“: die Leistungssachbearbeitung entscheidet, die Integration nicht', async () => {
    await einstellungen({ minderungEntscheider: 'leistung', minderungVierAugen: 'wegfall' });
    try {
      const f = await b.neuerFall('Leistungsseite');
      const id = await verfahren(f);
      const i = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1));
      expect(i.statusCode).toBe(403);
      const l = await b.api('leistung', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1));
      expect(l.statusCode, l.body).toBe(200);
      expect(l.json().status).toBe('festgestellt');
    } finally {
      await einstellungen({ minderungEntscheider: 'integration', minderungVierAugen: 'wegfall' });
    }
  });

  it('zwei entscheiden gleichzeitig: eine Entscheidung gewinnt, die andere bekommt 409', async () => {
    const f = await b.neuerFall('Gleichzeitig');
    const id = await verfahren(f);
    const [x, y] = await Promise.all([
      b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1)),
      b.api('teamleitung', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1, { wichtigerGrund: 'ja', wichtigerGrundWuerdigung: 'Ärztliche Bescheinigung liegt vor.' })),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const z = await zeile(id);
    expect(['festgestellt', 'eingestellt']).toContain(z.status);
    expect(await minderung(id)).toHaveLength(z.status === 'festgestellt' ? 1 : 0);
  });

  it('nach Ablauf der sechs Monate: keine Minderung mehr (409 feststellungsfrist_abgelaufen)', async () => {
    const f = await b.neuerFall('Fristablauf');
    const id = await verfahren(f, { pflichtverletzungAm: '2026-05-20', fristEnde: '2026-11-20' });
    const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1));
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error).toBe('feststellungsfrist_abgelaufen');
    expect(await minderung(id)).toEqual([]);
  });

  it('wichtiger Grund → eingestellt, ohne Minderung und ohne Bescheid', async () => {
    const f = await b.neuerFall('Wichtig');
    const id = await verfahren(f);
    const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1, { wichtigerGrund: 'ja', wichtigerGrundWuerdigung: 'Krankenhausaufenthalt vom 9. bis 12.11.2026 nachgewiesen.' }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'eingestellt', ergebnis: 'keine_minderung' });
    expect((await zeile(id)).einstellungsgrund).toContain('wichtiger Grund');
    expect(await minderung(id)).toEqual([]);
    expect((await b.api('integration', 'GET', `/api/fordern/verfahren/${id}/bescheid.pdf`)).statusCode).toBe(404);
  });

  it('Seite: Abschnitt mit Vorschlag, Formular ohne JavaScript (Fehler am Feld, dann Entscheidung); Einstellungen auf der Trägerseite', async () => {
    const f = await b.neuerFall('Seitenweg');
    const id = await verfahren(f);
    const seite = await b.seite('integration', `/fordern/verfahren/${id}`);
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Entscheidung und Bescheid');
    expect(seite.body).toContain('Vorschlag bei einer Entscheidung heute');
    expect(seite.body).toContain('name="wichtigerGrundWuerdigung"');

    const fehlt = await b.formular('integration', `/fordern/verfahren/${id}`, { aktion: 'entscheiden', version: '1', wichtigerGrund: 'nein', wichtigerGrundWuerdigung: '', haerte: 'nein', haerteWuerdigung: '', bescheidAm: '' });
    expect(fehlt.statusCode).toBe(400);
    expect(fehlt.body).toContain('Bitte begründen Sie, warum ein wichtiger Grund vorliegt oder nicht.');
    expect(fehlt.body).toContain('id="feld-wichtigerGrundWuerdigung-fehler"');

    // yes/no not chosen: the summary names the question; the Härte Würdigung is required on every decision
    const leer = await b.formular('integration', `/fordern/verfahren/${id}`, { aktion: 'entscheiden', version: '1', wichtigerGrundWuerdigung: 'Kein Grund vorgetragen.', haerteWuerdigung: '', bescheidAm: '' });
    expect(leer.statusCode).toBe(400);
    expect(leer.body).toContain('Wichtiger Grund: Bitte „ja“ oder „nein“ wählen.');
    expect(leer.body).toContain('Außergewöhnliche Härte: Bitte „ja“ oder „nein“ wählen.');
    expect(leer.body).toContain('aria-invalid="true"');

    const ok = await b.formular('integration', `/fordern/verfahren/${id}`, { aktion: 'entscheiden', version: '1', wichtigerGrund: 'nein', wichtigerGrundWuerdigung: 'Kein Grund vorgetragen.', haerte: 'nein', haerteWuerdigung: 'Keine Härte vorgetragen oder ersichtlich.', bescheidAm: '' });
    expect(ok.statusCode, ok.body.slice(0, 500)).toBe(302);
    expect((await zeile(id)).status).toBe('festgestellt');
    const danach = await b.seite('integration', `/fordern/verfahren/${id}`);
    expect(danach.body).toContain(`/api/fordern/verfahren/${id}/bescheid.pdf`);
    expect(danach.body).toContain('Minderung vorzeitig beenden');

    // the Träger settings page: the Fordern form of its own (no bank account needed), wrong value → 400 at the field
    const einst = await b.seite('admin', '/verwaltung/traeger-einstellungen');
    expect(einst.body).toContain('name="minderungVierAugen"');
    const version = (await b.api('admin', 'GET', '/api/admin/traeger-einstellungen')).json().version as number;
    const falsch = await b.formular('admin', '/verwaltung/traeger-einstellungen', { formular: 'fordern', minderungEntscheider: 'jeder', minderungVierAugen: 'wegfall', version: String(version) });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Bitte wählen Sie, wer über Minderungen entscheidet.');
    const gut = await b.formular('admin', '/verwaltung/traeger-einstellungen', { formular: 'fordern', minderungEntscheider: 'integration', minderungVierAugen: 'wegfall', version: String(version) });
    expect(gut.statusCode).toBe(302);
  });

  it('Zustellung ins Postfach (Online-Zustellung gewählt) und Ausfertigung im Bürgerportal', async () => {
    const f = await b.neuerFall('Postfach');
    await b.t.ctx.db.withSystem(async (tx) => {
      await tx.execute(sql`update antraege set eingereicht_von = (select id from users where email = 'buerger@musterland.example') where bg_id = ${f.bgId}::uuid`);
      await tx.execute(sql`insert into zustellungswuensche (traeger_id, buerger_id, online) select traeger_id, id, true from users where email = 'buerger@musterland.example'
        on conflict (traeger_id, buerger_id) do update set online = excluded.online`);
    });
    const id = await verfahren(f);
    const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().zustellung).toBe('postfach');
    const nachricht = await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ art: string; betreff: string }>(sql`select n.art, n.betreff from postfach_nachrichten n join minderungsverfahren v on v.bescheid_postfach_id = n.id where v.id = ${id}::uuid`),
    );
    expect(nachricht.rows[0]).toMatchObject({ art: 'bescheid', betreff: expect.stringContaining('Minderungsbescheid') });
    const pdf = await b.api('buerger', 'GET', `/portal/minderungsbescheide/${id}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain('Rechtsbehelfsbelehrung');
    expect((await b.api('buerger', 'GET', `/portal/minderungsbescheide/${randomUUID()}/pdf`)).statusCode).toBe(404);
    expect((await b.api('integration', 'GET', `/portal/minderungsbescheide/${id}/pdf`)).statusCode).toBe(403);
  });

  it('unbekannte Kennung: 404; ohne Berechtigung: 403', async () => {
    const f = await b.neuerFall('Fremd');
    const id = await verfahren(f);
    expect((await b.api('admin@beispielstadt.example', 'POST', `/api/fordern/verfahren/${id}/entscheidung`, entscheidung(1))).statusCode).toBe(403);
    expect((await b.api('integration', 'POST', `/api/fordern/verfahren/${randomUUID()}/entscheidung`, entscheidung(1))).statusCode).toBe(404);
  });
});
