import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fristWarnungAm } from '../../src/domain/fordern/fristen.ts';
import { testClock } from '../helpers/clock.ts';
import { useApiTestbed, type ApiTestbed } from '../helpers/api.ts';
import { verpassteEinladung as einladungAnlegen } from '../helpers/fordern.ts';

/**
 * Issue 14, slice B (docs/fordern.md "Verfahren"): a Minderungsverfahren from its Anlass on PostgreSQL — the missed
 * Meldetermin in the Anlässe list, the Zugangsnachweis of the Einladung, opening (Tatbestand, Frist, Belehrung copied,
 * Aktenzeichen, Wiedervorlage 'minderung_frist'), list, page, einstellen; every refusal with its code: zugang_fehlt,
 * verfahren_besteht (also two at once), feststellungsfrist_abgelaufen, minderung_nicht_in_bg,
 * minderung_tatbestand_unzulaessig, belehrung_fehlt, minderung_gesperrt. Clock fixed at 7.12.2026.
 */
const b = useApiTestbed({ clock: testClock('2026-12-07T09:30:00+01:00') });

const verpassteEinladung = (bed: ApiTestbed, o: Parameters<typeof einladungAnlegen>[1]) => einladungAnlegen(bed.t, o);

const einladungVersion = async (id: string) => (await b.t.ctx.db.withSystem((tx) => tx.execute<{ version: number }>(sql`select version from einladungen where id = ${id}`))).rows[0]!.version;

describe('Minderungsverfahren aus einem Meldeversäumnis', () => {
  it('Anlass → Zugang erfassen → eröffnen (Belehrung kopiert, Az., Wiedervorlage) → Liste, Seite → einstellen', async () => {
    const { bgId, personIds } = await b.neuerFall('Versaeumt');
    const personId = personIds.a!;
    const eid = await verpassteEinladung(b, { personId, bgId, tag: '2026-11-20' });

    // the Anlass is listed, without Zugang, with its Frist and default Tatbestand
    const anl = await b.api('integration', 'GET', `/api/fordern/anlaesse?personId=${personId}`);
    expect(anl.statusCode, anl.body).toBe(200);
    expect(anl.json().anlaesse).toEqual([expect.objectContaining({ anlassArt: 'meldeversaeumnis', anlassId: eid, tag: '2026-11-20', fristEnde: '2027-05-20', tatbestand: '32', zugangAm: null })]);

    // no Zugang recorded → refused
    const ohne = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: eid });
    expect(ohne.statusCode, ohne.body).toBe(409);
    expect(ohne.json().error).toBe('zugang_fehlt');

    // Zugang: not after the appointment, not in the future; then recorded
    const spaet = await b.api('integration', 'POST', `/api/termine/einladungen/${eid}/zugang`, { art: 'post', am: '2026-11-25', version: await einladungVersion(eid) });
    expect(spaet.statusCode).toBe(400);
    expect(spaet.json().issues[0].path).toBe('body.am');
    const zug = await b.api('integration', 'POST', `/api/termine/einladungen/${eid}/zugang`, { art: 'post', am: '2026-11-10', nachweis: 'Einwurf-Einschreiben', version: await einladungVersion(eid) });
    expect(zug.statusCode, zug.body).toBe(200);
    expect(zug.json()).toMatchObject({ zugangArt: 'post', zugangAm: '2026-11-10', zugangNachweis: 'Einwurf-Einschreiben' });

    const neu = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: eid });
    expect(neu.statusCode, neu.body).toBe(201);
    const v = neu.json();
    expect(v).toMatchObject({ status: 'erfasst', tatbestand: '32', pflichtverletzungAm: '2026-11-20', fristEnde: '2027-05-20', belehrungArt: 'schriftlich', personId, bgId });
    expect(v.aktenzeichen).toMatch(/^M-2026-\d{6}$/);
    expect(v.wiedervorlageAm).toBe(fristWarnungAm('2027-05-20', '2026-12-07'));

    const row = await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ belehrung_text: string; belehrung_zugang_art: string; belehrung_zugang_am: string; anlass_text: string; wiedervorlage_id: string }>(
        sql`select belehrung_text, belehrung_zugang_art, belehrung_zugang_am::text, anlass_text, wiedervorlage_id from minderungsverfahren where id = ${v.id}`,
      ),
    );
    expect(row.rows[0]!.belehrung_text).toContain('Sie sind verpflichtet, zu diesem Termin zu erscheinen');
    expect(row.rows[0]!.belehrung_text).not.toContain('Einladung zu einem Termin');
    expect(row.rows[0]).toMatchObject({ belehrung_zugang_art: 'post', belehrung_zugang_am: '2026-11-10', wiedervorlage_id: v.wiedervorlageId });
    expect(row.rows[0]!.anlass_text).toContain('20.11.2026');
    const wv = await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ art: string; person_id: string; bezug_id: string; faellig_am: string; zugewiesen: string }>(
        sql`select w.art, w.person_id, w.bezug_id, w.faellig_am::text, u.email as zugewiesen from wiedervorlagen w join users u on u.id = w.zugewiesen_an where w.id = ${v.wiedervorlageId}`,
      ),
    );
    expect(wv.rows[0]).toEqual({ art: 'minderung_frist', person_id: personId, bezug_id: v.id, faellig_am: v.wiedervorlageAm, zugewiesen: 'integration@musterland.example' });

    // a second procedure for the same Anlass, and a later change of the Zugang, are refused
    const zweit = await b.api('leistung', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: eid });
    expect(zweit.statusCode).toBe(409);
    expect(zweit.json().error).toBe('verfahren_besteht');
    const zugNeu = await b.api('integration', 'POST', `/api/termine/einladungen/${eid}/zugang`, { art: 'persoenlich', am: '2026-11-09', version: await einladungVersion(eid) });
    expect(zugNeu.statusCode).toBe(409);
    expect(zugNeu.json().error).toBe('verfahren_besteht');
    expect((await b.api('integration', 'GET', `/api/fordern/anlaesse?personId=${personId}`)).json().anlaesse).toEqual([]);

    // the list (open first) and the page data
    const liste = await b.api('leistung', 'GET', `/api/fordern/verfahren?personId=${personId}`);
    expect(liste.statusCode, liste.body).toBe(200);
    expect(liste.json().verfahren).toEqual([expect.objectContaining({ id: v.id, aktenzeichen: v.aktenzeichen, status: 'erfasst', naechsteFrist: '2027-05-20', naechsteFristArt: 'feststellung', name: 'Aylin Versaeumt' })]);
    expect(liste.json().anzahl).toMatchObject({ erfasst: 1, offen: 1, alle: 1 });
    const seite = await b.api('teamleitung', 'GET', `/api/fordern/verfahren/${v.id}`);
    expect(seite.statusCode, seite.body).toBe(200);
    expect(seite.json()).toMatchObject({
      verfahren: { id: v.id, status: 'erfasst', tatbestand: '32', norm: expect.stringContaining('§ 32'), belehrungZugangArt: 'post' },
      person: { id: personId, name: 'Aylin Versaeumt', bgId },
      aktionen: expect.arrayContaining(['anhoerung_versenden', 'einstellen']),
      fruehereMinderungen: [],
      weitereVerfahren: [],
    });
    expect(seite.json().verfahren.verlauf).toHaveLength(1);
    expect(seite.json().verfahren).not.toHaveProperty('anhoerungPdf');
    const gelesen = await b.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where object_type = 'minderungsverfahren' and action = 'read' and object_id = ${v.id}`));
    expect(gelesen.rows[0]!.n).toBe(1);

    // who may see it: the second Träger's admin and the citizen hold no fordern permission
    expect((await b.api('admin@beispielstadt.example', 'GET', `/api/fordern/verfahren/${v.id}`)).statusCode).toBe(403);
    expect((await b.api('buerger', 'GET', `/api/fordern/verfahren/${v.id}`)).statusCode).toBe(403);
    expect((await b.api('integration', 'GET', '/api/fordern/verfahren/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    // einstellen: reason required, version checked, then closed with its Wiedervorlage
    const ohneGrund = await b.api('integration', 'POST', `/api/fordern/verfahren/${v.id}/einstellen`, { grund: ' ', version: v.version });
    expect(ohneGrund.statusCode).toBe(400);
    expect(ohneGrund.json().issues[0].path).toBe('body.grund');
    expect((await b.api('integration', 'POST', `/api/fordern/verfahren/${v.id}/einstellen`, { grund: 'Krankenschein nachgereicht', version: v.version + 5 })).statusCode).toBe(409);
    const ein = await b.api('integration', 'POST', `/api/fordern/verfahren/${v.id}/einstellen`, { grund: 'Krankenschein nachgereicht', version: v.version });
    expect(ein.statusCode, ein.body).toBe(200);
    expect(ein.json()).toMatchObject({ status: 'eingestellt' });
    const erledigt = await b.t.ctx.db.withSystem((tx) => tx.execute<{ erledigt: boolean }>(sql`select erledigt_am is not null as erledigt from wiedervorlagen where id = ${v.wiedervorlageId}`));
    expect(erledigt.rows[0]!.erledigt).toBe(true);
    const nochmal = await b.api('integration', 'POST', `/api/fordern/verfahren/${v.id}/einstellen`, { grund: 'doppelt', version: ein.json().version });
    expect(nochmal.statusCode).toBe(409);
    expect(nochmal.json().error).toBe('verfahren_status');
    const danach = (await b.api('integration', 'GET', `/api/fordern/verfahren/${v.id}`)).json();
    expect(danach.verfahren).toMatchObject({ status: 'eingestellt', einstellungsgrund: 'Krankenschein nachgereicht' });
    expect(danach.verfahren.verlauf.map((e: { art: string }) => e.art)).toEqual(['eroeffnet', 'eingestellt']);
    expect(danach.aktionen).toEqual([]);
  });

  it('zwei gleichzeitige Eröffnungen zum selben Anlass: genau eine gewinnt; verschiedene Anlässe bekommen verschiedene Aktenzeichen', async () => {
    const { bgId, personIds } = await b.neuerFall('Gleichzeitig');
    const e1 = await verpassteEinladung(b, { personId: personIds.a!, bgId, tag: '2026-11-23', zugang: { art: 'persoenlich', am: '2026-11-02' } });
    const e2 = await verpassteEinladung(b, { personId: personIds.b!, bgId, tag: '2026-11-24', zugang: { art: 'post', am: '2026-11-05' } });
    const gleich = await Promise.all([
      b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: e1 }),
      b.api('leistung', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: e1 }),
    ]);
    expect(gleich.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(gleich.find((r) => r.statusCode === 409)!.json().error).toBe('verfahren_besteht');
    const zweiter = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: e2 });
    expect(zweiter.statusCode, zweiter.body).toBe(201);
    const erster = gleich.find((r) => r.statusCode === 201)!.json();
    expect(zweiter.json().aktenzeichen).not.toBe(erster.aktenzeichen);
  });
});

describe('Ablehnungen mit der Regel', () => {
  it('Feststellungsfrist abgelaufen, Person keine eLb der BG, Tatbestand nach Recht des Tages unzulässig, Belehrung fehlt', async () => {
    const { bgId, personIds } = await b.neuerFall('Abgelehnt');
    // the missed appointment lies more than six months back
    const alt = await verpassteEinladung(b, { personId: personIds.a!, bgId, tag: '2026-05-04', zugang: { art: 'post', am: '2026-04-20' } });
    const frist = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: alt });
    expect(frist.statusCode, frist.body).toBe(409);
    expect(frist.json()).toMatchObject({ error: 'feststellungsfrist_abgelaufen', message: expect.stringContaining('04.11.2026') });

    // the child of the BG (9 years) is no eLb
    const kind = await verpassteEinladung(b, { personId: personIds.c!, bgId, tag: '2026-11-25', zugang: { art: 'post', am: '2026-11-12' } });
    const nichtElb = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: kind });
    expect(nichtElb.statusCode, nichtElb.body).toBe(409);
    expect(nichtElb.json().error).toBe('minderung_nicht_in_bg');

    // an Einladung with another outcome is no Anlass
    const mitGrund = await verpassteEinladung(b, { personId: personIds.a!, bgId, tag: '2026-11-26', zugang: { art: 'post', am: '2026-11-12' }, status: 'nicht_erschienen_mit_wichtigem_grund' });
    const keinAnlass = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: mitGrund });
    expect(keinAnlass.statusCode).toBe(400);
    expect(keinAnlass.json().issues[0].path).toBe('body.anlassId');

    // by hand: the Moratorium 2022 knows no Minderung for § 31 Pflichtverletzungen
    const manuell = { anlassArt: 'manuell', personId: personIds.a!, anlassText: 'Bewerbung nicht abgeschickt', belehrungArt: 'schriftlich', belehrungAm: '2022-07-01', belehrungText: 'RFB', belehrungZugangArt: 'post', belehrungZugangAm: '2022-07-04' };
    const moratorium = await b.api('integration', 'POST', '/api/fordern/verfahren', { ...manuell, tatbestand: '31_1_1', pflichtverletzungAm: '2022-08-10' });
    expect(moratorium.statusCode, moratorium.body).toBe(409);
    expect(moratorium.json().error).toBe('minderung_tatbestand_unzulaessig');

    // § 31 Abs. 1 needs a Rechtsfolgenbelehrung: "nicht erforderlich" is refused, a written one needs its Zugang
    const ohneBelehrung = await b.api('integration', 'POST', '/api/fordern/verfahren', { ...manuell, tatbestand: '31_1_2', pflichtverletzungAm: '2026-11-30', belehrungArt: 'nicht_erforderlich' });
    expect(ohneBelehrung.statusCode, ohneBelehrung.body).toBe(409);
    expect(ohneBelehrung.json().error).toBe('belehrung_fehlt');
    const ohneZugang = await b.api('integration', 'POST', '/api/fordern/verfahren', { ...manuell, tatbestand: '31_1_2', pflichtverletzungAm: '2026-11-30', belehrungAm: '2026-11-02', belehrungZugangArt: '', belehrungZugangAm: '' });
    expect(ohneZugang.statusCode, ohneZugang.body).toBe(400);
    expect(ohneZugang.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.belehrungZugangAm', 'body.belehrungZugangArt']);
    // a Belehrung that reached the person only after the Pflichtverletzung does not count
    const zuSpaet = await b.api('integration', 'POST', '/api/fordern/verfahren', { ...manuell, tatbestand: '31_1_2', pflichtverletzungAm: '2026-11-30', belehrungAm: '2026-11-28', belehrungZugangAm: '2026-12-02' });
    expect(zuSpaet.statusCode, zuSpaet.body).toBe(409);
    expect(zuSpaet.json().error).toBe('belehrung_fehlt');
    // missing fields of a manual start are named
    const leer = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'manuell' });
    expect(leer.statusCode).toBe(400);
    expect(leer.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.anlassText', 'body.belehrungArt', 'body.personId', 'body.pflichtverletzungAm', 'body.tatbestand']);
    // nothing was saved
    const n = await b.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from minderungsverfahren where bg_id = ${bgId}`));
    expect(n.rows[0]!.n).toBe(0);

    // the manual start with proven knowledge works (and an Arbeitsangebot defaults to § 31 Abs. 1 S. 1 Nr. 2)
    const ok = await b.api('integration', 'POST', '/api/fordern/verfahren', {
      anlassArt: 'arbeitsangebot',
      personId: personIds.a!,
      pflichtverletzungAm: '2026-11-30',
      anlassText: 'Vermittlungsvorschlag Lagerhelfer (Spedition Muster) nicht wahrgenommen',
      belehrungArt: 'kenntnis',
      belehrungAm: '2026-10-01',
      belehrungText: 'Rechtsfolgen im Gespräch am 01.10.2026 erläutert und schriftlich bestätigt',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ tatbestand: '31_1_2', belehrungArt: 'kenntnis', fristEnde: '2027-05-30' });
  });

  it('während einer Schlichtung zum Kooperationsplan ist keine Minderung möglich (§ 15a Abs. 3 a.F.)', async () => {
    const { personIds } = await b.neuerFall('Schlichtung');
    const personId = personIds.a!;
    const plan = await b.api('integration', 'POST', `/api/integration/personen/${personId}/kooperationsplan`, {
      eingliederungsziel: 'Arbeit im Lager',
      inhalt: { schritte: [{ was: 'Bewerben', wer: 'person', bis: '2027-03-01' }], eigenbemuehungen: { anzahlJeMonat: 2, nachweis: 'Liste' }, sprachfoerderung: 'keine', rehaBedarf: false, eingliederungsleistungen: [], taetigkeitsbereiche: [] },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    await b.t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into schlichtungen (traeger_id, kooperationsplan_id, person_id, beantragt_von, beginn, ende, ergebnis)
        select traeger_id, id, person_id, 'person', '2026-06-10', '2026-07-08', 'laufend' from kooperationsplaene where id = ${plan.json().id}`),
    );
    const body = { anlassArt: 'manuell', personId, tatbestand: '31_1_1', anlassText: 'Eigenbemühungen nicht nachgewiesen', belehrungArt: 'kenntnis', belehrungAm: '2026-05-01', belehrungText: 'Aus dem Kooperationsplan bekannt' };
    const gesperrt = await b.api('integration', 'POST', '/api/fordern/verfahren', { ...body, pflichtverletzungAm: '2026-06-15' });
    expect(gesperrt.statusCode, gesperrt.body).toBe(409);
    expect(gesperrt.json().error).toBe('minderung_gesperrt');
    // after the Schlichtung it is possible again
    const danach = await b.api('integration', 'POST', '/api/fordern/verfahren', { ...body, pflichtverletzungAm: '2026-07-09' });
    expect(danach.statusCode, danach.body).toBe(201);
  });
});

describe('Seiten', () => {
  it('Liste, Eröffnen per Formular, Verfahrensseite, Einstellen per Formular, Zugang auf der Einladungsseite', async () => {
    const { bgId, personIds } = await b.neuerFall('Seitenprobe');
    const eid = await verpassteEinladung(b, { personId: personIds.a!, bgId, tag: '2026-12-01' });

    const einl = await b.seite('integration', `/termine/einladungen/${eid}`);
    expect(einl.statusCode).toBe(200);
    expect(einl.body).toContain('Zugang der Einladung');
    expect(einl.body).toContain(`/fordern/neu?anlass=meldeversaeumnis&amp;id=${eid}`);
    const falsch = await b.formular('integration', `/termine/einladungen/${eid}`, { _aktion: 'zugang', zugang_art: '', zugang_am: '2026-11-20', version: String(await einladungVersion(eid)) });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Bitte wählen Sie, wie die Einladung die Person erreicht hat.');
    const zug = await b.formular('integration', `/termine/einladungen/${eid}`, { _aktion: 'zugang', zugang_art: 'persoenlich', zugang_am: '20.11.2026', zugang_nachweis: '', version: String(await einladungVersion(eid)) });
    expect(zug.statusCode, zug.body).toBe(302);

    const liste = await b.seite('integration', '/fordern');
    expect(liste.statusCode).toBe(200);
    expect(liste.body).toContain('Anlässe ohne Verfahren');
    expect(liste.body).toContain('Aylin Seitenprobe');

    const form = await b.seite('integration', `/fordern/neu?anlass=meldeversaeumnis&id=${eid}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Minderungsverfahren eröffnen – Aylin Seitenprobe');
    const auf = await b.formular('integration', `/fordern/neu?anlass=meldeversaeumnis&id=${eid}`, { anlassArt: 'meldeversaeumnis', anlassId: eid, tatbestand: '32', anlassText: '' });
    expect(auf.statusCode, auf.body).toBe(302);
    const ziel = String(auf.headers.location);
    expect(ziel).toMatch(/^\/fordern\/verfahren\/[0-9a-f-]{36}$/);

    const seite = await b.seite('integration', ziel);
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toMatch(/Minderungsverfahren M-2026-\d{6}/);
    expect(seite.body).toContain('Verfahren einstellen');
    const id = ziel.split('/').pop()!;
    const version = (await b.api('integration', 'GET', `/api/fordern/verfahren/${id}`)).json().verfahren.version as number;
    const ohne = await b.formular('integration', ziel, { aktion: 'einstellen', grund: '', version: String(version) });
    expect(ohne.statusCode).toBe(400);
    expect(ohne.body).toContain('Bitte geben Sie an, warum das Verfahren ohne Minderung endet.');
    const unbekannt = await b.formular('integration', ziel, { aktion: 'gibt-es-nicht' });
    expect(unbekannt.statusCode).toBe(400);
    const ein = await b.formular('integration', ziel, { aktion: 'einstellen', grund: 'Termin war falsch adressiert', version: String(version) });
    expect(ein.statusCode, ein.body).toBe(302);

    // the Integrationsakte and the Fallakte link the procedure
    expect((await b.seite('integration', `/integration/personen/${personIds.a!}`)).body).toContain(`/fordern/verfahren/${id}`);
    expect((await b.seite('leistung', `/faelle/${bgId}`)).body).toContain(`/fordern/verfahren/${id}`);
    // the navigation entry
    expect(liste.body).toContain('href="/fordern"');
  });
});
