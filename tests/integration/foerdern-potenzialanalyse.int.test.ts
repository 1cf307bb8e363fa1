import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_HANDLUNGSBEDARFE } from '../../src/domain/foerdern/potenzialanalyse.ts';
import { potenzialanalyseKurz } from '../../src/server/integration/potenzialanalyse-kurz.ts';
import { erstantrag, useApiTestbed } from '../helpers/api.ts';

/**
 * Potenzialanalyse (issue 13, point 3): versioned Fassungen, the health part kept apart and shown only to the
 * Integrationsfachkraft (never to leistung or teamleitung, neither by API nor in the page's HTML), every health read
 * audited, foreign Träger and other Standorte 404, bad input 400 at the field with nothing saved; and the Träger's
 * catalogue of Handlungsbedarfe.
 */
const tb = useApiTestbed();

let personId: string;
let bgId: string;
let personBeispieldorf: string;
let kind: string;
const url = () => `/api/integration/personen/${personId}/potenzialanalyse`;

const inhalt = (extra: Record<string, unknown> = {}) => ({
  staerken: ['zuverlässig', 'freundlich im Kundenkontakt'],
  qualifikation: { schulabschluss: 'hauptschule', berufsabschluss: 'ohne', qualifikationen: ['Staplerschein'] },
  berufserfahrung: [{ taetigkeit: 'Verkaufshilfe', von: 2015, bis: 2019 }],
  sprache: { deutsch: 'B1', weitere: [{ sprache: 'Türkisch', niveau: 'muttersprache' }] },
  mobilitaet: { fuehrerschein: ['B'], fahrzeug: false, oepnv: true, maxPendelzeitMinuten: 45 },
  arbeitszeit: { wochenstunden: 25, fruehestens: '08:00', spaetestens: '14:00', einschraenkungen: 'Kinderbetreuung nur bis 14:00' },
  berufswuensche: ['Einzelhandel'],
  handlungsbedarfe: [
    { code: 'kinderbetreuung', bemerkung: 'Kita-Platz ab März' },
    { code: 'psychische_belastung', bemerkung: 'Geheimnis-Gesundheit-Bemerkung' },
  ],
  gesundheitlicheEinschraenkungen: 'Geheimnis-Gesundheit-Text: kein Heben über 10 kg',
  ...extra,
});

const zaehle = async (tabelle: 'potenzialanalysen' | 'potenzialanalyse_gesundheit') =>
  Number((await tb.t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*) as n from ${sql.raw(tabelle)} where person_id = ${personId}`))).rows[0]!.n);
const auditZeilen = async (objekt: string, aktion: string) =>
  (
    await tb.t.ctx.db.withSystem((tx) =>
      tx.execute<{ actor_role: string; purpose: string; details: unknown }>(
        sql`select actor_role, purpose, details from audit_log where object_type = ${objekt} and action = ${aktion} and person_id = ${personId} order by at`,
      ),
    )
  ).rows;

beforeAll(async () => {
  const fall = await tb.neuerFall('Potenzial');
  bgId = fall.bgId;
  personId = fall.personIds.a!;
  kind = fall.personIds.c!;
  // a person at Standort Beispieldorf, where integration does not work
  const beispieldorf = (await tb.kommunen()).Beispieldorf!;
  const anderer = await tb.api('teamleitung', 'POST', '/api/faelle', { ...erstantrag(beispieldorf, 'Dorf'), adresse: { strasse: 'Marktplatz', hausnummer: '1', plz: '12346', ort: 'Beispieldorf', kommuneId: beispieldorf } });
  if (anderer.statusCode !== 201) throw new Error(`Erstantrag Beispieldorf: ${anderer.statusCode} ${anderer.body}`);
  personBeispieldorf = anderer.json().personIds.a;
  // the standard catalogue (Teamleitung; missing codes only)
  const std = await tb.api('teamleitung', 'POST', '/api/integration/handlungsbedarfe/standard');
  if (std.statusCode !== 200) throw new Error(`Standardkatalog: ${std.statusCode} ${std.body}`);
});

describe('Katalog der Handlungsbedarfe', () => {
  it('enthält den Standardkatalog; integration und leistung lesen, nur Teamleitung/Admin pflegen', async () => {
    const liste = await tb.api('integration', 'GET', '/api/integration/handlungsbedarfe');
    expect(liste.statusCode).toBe(200);
    expect(liste.json().darfVerwalten).toBe(false);
    const codes = (liste.json().eintraege as { code: string }[]).map((e) => e.code);
    for (const k of STANDARD_HANDLUNGSBEDARFE) expect(codes).toContain(k.code);
    expect((await tb.api('leistung', 'GET', '/api/integration/handlungsbedarfe')).statusCode).toBe(200);
    expect((await tb.api('controlling', 'GET', '/api/integration/handlungsbedarfe')).statusCode).toBe(403);
    expect((await tb.api('integration', 'POST', '/api/integration/handlungsbedarfe', { code: 'neu_x', schluesselgroesse: 'motivation', bezeichnung: 'Neu' })).statusCode).toBe(403);
    // a second call adds nothing
    expect((await tb.api('admin', 'POST', '/api/integration/handlungsbedarfe/standard')).json()).toEqual({ hinzugefuegt: 0 });
  });

  it('anlegen, ändern, deaktivieren, aktivieren; doppelter Code 400 am Feld; fremde Id 404', async () => {
    const neu = await tb.api('teamleitung', 'POST', '/api/integration/handlungsbedarfe', { code: 'sprachkurs_offen', schluesselgroesse: 'qualifikation', bezeichnung: 'Sprachkurs noch nicht begonnen' });
    expect(neu.statusCode, neu.body).toBe(201);
    const e = neu.json();
    expect(e).toMatchObject({ code: 'sprachkurs_offen', gesundheitsbezogen: false, aktiv: true, version: 1 });
    const doppelt = await tb.api('admin', 'POST', '/api/integration/handlungsbedarfe', { code: 'sprachkurs_offen', schluesselgroesse: 'qualifikation', bezeichnung: 'Doppelt' });
    expect(doppelt.statusCode).toBe(400);
    expect(doppelt.json().issues[0]).toMatchObject({ path: 'body.code', code: 'code_vergeben' });
    const schlecht = await tb.api('admin', 'POST', '/api/integration/handlungsbedarfe', { code: 'Mit Leerzeichen', schluesselgroesse: 'irgendwas', bezeichnung: '' });
    expect(schlecht.statusCode).toBe(400);
    expect((schlecht.json().issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['body.bezeichnung', 'body.code', 'body.schluesselgroesse']);

    const geaendert = await tb.api('teamleitung', 'PATCH', `/api/integration/handlungsbedarfe/${e.id}`, { version: 1, bezeichnung: 'Sprachkurs noch offen' });
    expect(geaendert.statusCode, geaendert.body).toBe(200);
    expect(geaendert.json()).toMatchObject({ bezeichnung: 'Sprachkurs noch offen', version: 2 });
    expect((await tb.api('teamleitung', 'PATCH', `/api/integration/handlungsbedarfe/${e.id}`, { version: 1, bezeichnung: 'veraltet' })).statusCode).toBe(409);
    const aus = await tb.api('teamleitung', 'POST', `/api/integration/handlungsbedarfe/${e.id}/deactivate`, { version: 2 });
    expect(aus.json()).toMatchObject({ aktiv: false, version: 3 });
    expect((await tb.api('admin@beispielstadt.example', 'POST', `/api/integration/handlungsbedarfe/${e.id}/activate`, { version: 3 })).statusCode).toBe(404);
    // the deactivated entry cannot be newly chosen
    const gewaehlt = await tb.api('integration', 'POST', url(), { inhalt: { handlungsbedarfe: [{ code: 'sprachkurs_offen' }] } });
    expect(gewaehlt.statusCode).toBe(400);
    expect(gewaehlt.json().issues[0]).toMatchObject({ path: 'body.inhalt.handlungsbedarfe.0.code', code: 'handlungsbedarf_inaktiv' });
    expect((await tb.api('teamleitung', 'POST', `/api/integration/handlungsbedarfe/${e.id}/activate`, { version: 3 })).json()).toMatchObject({ aktiv: true });
    // the second Träger has its own (empty) catalogue
    expect((await tb.api('admin@beispielstadt.example', 'GET', '/api/integration/handlungsbedarfe')).json().eintraege).toEqual([]);
  });
});

describe('Potenzialanalyse: Fassungen', () => {
  it('falsche Eingaben: 400 am Feld, nichts gespeichert', async () => {
    const r = await tb.api('integration', 'POST', url(), {
      inhalt: inhalt({
        berufserfahrung: [{ taetigkeit: 'Lager', von: 2020, bis: 2018 }],
        arbeitszeit: { fruehestens: '25:00' },
        handlungsbedarfe: [{ code: 'gibt_es_nicht' }],
      }),
    });
    expect(r.statusCode).toBe(400);
    const pfade = (r.json().issues as { path: string }[]).map((i) => i.path);
    expect(pfade).toContain('body.inhalt.berufserfahrung.0.bis');
    expect(pfade).toContain('body.inhalt.arbeitszeit.fruehestens');
    const unbekannt = await tb.api('integration', 'POST', url(), { inhalt: { handlungsbedarfe: [{ code: 'gibt_es_nicht' }] } });
    expect(unbekannt.statusCode).toBe(400);
    expect(unbekannt.json().issues[0]).toMatchObject({ path: 'body.inhalt.handlungsbedarfe.0.code', code: 'handlungsbedarf_unbekannt', message: 'Diesen Handlungsbedarf gibt es im Katalog nicht.' });
    const zukunft = await tb.api('integration', 'POST', url(), { erstelltAm: '2099-01-01', inhalt: {} });
    expect(zukunft.statusCode).toBe(400);
    expect(zukunft.json().issues[0].path).toBe('body.erstelltAm');
    // a child of 9 is no eLb: no Potenzialanalyse
    const kindR = await tb.api('integration', 'POST', `/api/integration/personen/${kind}/potenzialanalyse`, { inhalt: {} });
    expect(kindR.statusCode).toBe(400);
    expect(kindR.json()).toMatchObject({ error: 'kein_elb', issues: [{ path: 'params.personId', code: 'kein_elb' }] });
    expect(await zaehle('potenzialanalysen')).toBe(0);
    expect(await zaehle('potenzialanalyse_gesundheit')).toBe(0);
  });

  it('integration speichert Fassung 1 mit getrenntem Gesundheitsteil', async () => {
    const r = await tb.api('integration', 'POST', url(), { basisFassung: 0, inhalt: inhalt() });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ fassung: 1, personId });
    const rows = await tb.t.ctx.db.withSystem((tx) => tx.execute<{ daten: unknown }>(sql`select daten from potenzialanalysen where person_id = ${personId}`));
    expect(JSON.stringify(rows.rows[0]!.daten)).not.toContain('Geheimnis');
    expect(JSON.stringify(rows.rows[0]!.daten)).not.toContain('psychische_belastung');
    const g = await tb.t.ctx.db.withSystem((tx) => tx.execute<{ daten: unknown }>(sql`select daten from potenzialanalyse_gesundheit where person_id = ${personId}`));
    expect(g.rows[0]!.daten).toEqual({ handlungsbedarfe: [{ code: 'psychische_belastung', bemerkung: 'Geheimnis-Gesundheit-Bemerkung' }], einschraenkungen: 'Geheimnis-Gesundheit-Text: kein Heben über 10 kg' });
    expect((await auditZeilen('potenzialanalyse_gesundheit', 'create')).length).toBe(1);
    expect((await auditZeilen('potenzialanalyse', 'create')).length).toBe(1);
  });

  it('integration liest alles, jeder Lesezugriff auf den Gesundheitsteil wird protokolliert', async () => {
    const vorher = (await auditZeilen('potenzialanalyse_gesundheit', 'read')).length;
    const r = await tb.api('integration', 'GET', url());
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    expect(a.gesundheitSichtbar).toBe(true);
    expect(a.aktuell.fassung).toBe(1);
    expect(a.aktuell.gesundheit.einschraenkungen).toContain('Geheimnis-Gesundheit-Text');
    expect(a.aktuell.daten.handlungsbedarfe).toEqual([{ code: 'kinderbetreuung', bemerkung: 'Kita-Platz ab März' }]);
    const lesen = await auditZeilen('potenzialanalyse_gesundheit', 'read');
    expect(lesen.length).toBe(vorher + 1);
    expect(lesen.at(-1)).toMatchObject({ actor_role: 'integration', details: { fassungen: [1] } });
    expect(lesen.at(-1)!.purpose).toContain('Art. 9 DSGVO');
    const seite = await tb.seite('integration', `/integration/personen/${personId}/potenzialanalyse`);
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Geheimnis-Gesundheit-Text');
    expect(seite.body).toContain('Besondere Kategorie personenbezogener Daten – nur Integrationsfachkräfte');
    expect((await auditZeilen('potenzialanalyse_gesundheit', 'read')).length).toBe(vorher + 2);
  });

  it('leistung und teamleitung bekommen den Gesundheitsteil nie: weder API noch Seite, keine Gesundheits-Lesezeile', async () => {
    const vorher = (await auditZeilen('potenzialanalyse_gesundheit', 'read')).length;
    for (const wer of ['leistung', 'teamleitung']) {
      const r = await tb.api(wer, 'GET', url());
      expect(r.statusCode, wer).toBe(200);
      expect(r.body).not.toContain('Geheimnis');
      expect(r.body).not.toContain('psychische_belastung');
      expect(r.body).not.toContain('Psychische Belastung');
      expect(r.json().gesundheitSichtbar).toBe(false);
      expect('gesundheit' in r.json().aktuell).toBe(false);
      expect(r.json().aktuell.daten.handlungsbedarfe).toHaveLength(1);
      const seite = await tb.seite(wer, `/integration/personen/${personId}/potenzialanalyse`);
      expect(seite.statusCode, wer).toBe(200);
      expect(seite.body).toContain('Kinderbetreuung nicht gesichert');
      expect(seite.body).not.toContain('Geheimnis');
      expect(seite.body).not.toContain('Psychische Belastung');
      expect(seite.body).not.toContain('Besondere Kategorie');
      expect((await auditZeilen('potenzialanalyse', 'read')).some((z) => z.actor_role === wer)).toBe(true);
    }
    expect((await auditZeilen('potenzialanalyse_gesundheit', 'read')).length).toBe(vorher);
    // the summary for the Integrationsakte counts only the non-health items
    const kurz = await tb.t.ctx.db.withSystem((tx) => potenzialanalyseKurz(tx, personId));
    expect(kurz).toMatchObject({ fassung: 1, anzahlHandlungsbedarfe: 1 });
  });

  it('ohne das Recht: gesundheitsbezogener Code oder Freitext → 403, nichts gespeichert; leistung darf gar nicht speichern', async () => {
    const code = await tb.api('teamleitung', 'POST', url(), { inhalt: { handlungsbedarfe: [{ code: 'sucht' }] } });
    expect(code.statusCode).toBe(403);
    const text = await tb.api('teamleitung', 'POST', url(), { inhalt: { gesundheitlicheEinschraenkungen: 'Rücken' } });
    expect(text.statusCode).toBe(403);
    expect((await tb.api('leistung', 'POST', url(), { inhalt: {} })).statusCode).toBe(403);
    expect(await zaehle('potenzialanalysen')).toBe(1);
  });

  it('Teamleitung schreibt fort: neue Fassung, der Gesundheitsteil wird ungelesen übernommen; Änderungen im Verlauf', async () => {
    const r = await tb.api('teamleitung', 'POST', url(), {
      basisFassung: 1,
      inhalt: inhalt({ handlungsbedarfe: [{ code: 'kinderbetreuung', bemerkung: 'Kita-Platz zugesagt' }, { code: 'schulden' }], gesundheitlicheEinschraenkungen: null, sprache: { deutsch: 'B2' } }),
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().fassung).toBe(2);
    expect(await zaehle('potenzialanalysen')).toBe(2);
    expect(await zaehle('potenzialanalyse_gesundheit')).toBe(2);
    const uebernommen = await auditZeilen('potenzialanalyse_gesundheit', 'create');
    expect(uebernommen.at(-1)).toMatchObject({ actor_role: 'teamleitung', details: { fassung: 2, uebernommen: true } });
    // a stale form (Fassung 1) → 409, nothing saved
    expect((await tb.api('integration', 'POST', url(), { basisFassung: 1, inhalt: inhalt() })).statusCode).toBe(409);
    expect(await zaehle('potenzialanalysen')).toBe(2);

    const tl = (await tb.api('teamleitung', 'GET', url())).json();
    expect(tl.fassungen.map((f: { fassung: number }) => f.fassung)).toEqual([2, 1]);
    expect(tl.aktuell.aenderungen).toContainEqual({ bereich: 'Sprache', feld: 'Deutsch', vorher: 'B1', nachher: 'B2' });
    expect(tl.aktuell.aenderungen).toContainEqual({ bereich: 'Handlungsbedarfe', feld: 'Schulden', vorher: 'nicht erfasst', nachher: 'Schulden' });
    expect(JSON.stringify(tl)).not.toContain('Gesundheit');
    const ifk = (await tb.api('integration', 'GET', url())).json();
    expect(ifk.aktuell.gesundheit.einschraenkungen).toContain('Geheimnis-Gesundheit-Text');
    expect(ifk.fassungen[1].daten.sprache.deutsch).toBe('B1');
  });

  it('integration entfernt Gesundheitsangaben in Fassung 3; Verlauf zeigt es nur ihr', async () => {
    const r = await tb.api('integration', 'POST', url(), { basisFassung: 2, inhalt: inhalt({ handlungsbedarfe: [{ code: 'schulden' }], gesundheitlicheEinschraenkungen: null }) });
    expect(r.statusCode, r.body).toBe(201);
    expect(await zaehle('potenzialanalyse_gesundheit')).toBe(2);
    const ifk = (await tb.api('integration', 'GET', url())).json();
    expect(ifk.aktuell.gesundheit).toBeNull();
    expect(ifk.aktuell.aenderungen).toContainEqual({ bereich: 'Gesundheit', feld: 'Psychische Belastung', vorher: 'Psychische Belastung (Geheimnis-Gesundheit-Bemerkung)', nachher: 'erledigt / entfallen' });
    const lst = (await tb.api('leistung', 'GET', url())).json();
    expect(JSON.stringify(lst)).not.toContain('Gesundheit');
  });

  it('fremder Träger, anderer Standort, unbekannte Person → 404; controlling, admin, bürger 403', async () => {
    expect((await tb.api('admin@beispielstadt.example', 'GET', url())).statusCode).toBe(404);
    expect((await tb.api('admin@beispielstadt.example', 'POST', url(), { inhalt: {} })).statusCode).toBe(404);
    expect((await tb.api('integration', 'GET', `/api/integration/personen/${personBeispieldorf}/potenzialanalyse`)).statusCode).toBe(404);
    expect((await tb.api('integration', 'POST', `/api/integration/personen/${personBeispieldorf}/potenzialanalyse`, { inhalt: {} })).statusCode).toBe(404);
    expect((await tb.api('integration', 'GET', '/api/integration/personen/00000000-0000-4000-8000-000000000000/potenzialanalyse')).statusCode).toBe(404);
    expect((await tb.api('integration', 'GET', '/api/integration/personen/kaputt/potenzialanalyse')).statusCode).toBe(404);
    expect((await tb.api('teamleitung', 'GET', `/api/integration/personen/${personBeispieldorf}/potenzialanalyse`)).statusCode).toBe(200);
    for (const wer of ['controlling', 'admin', 'buerger']) expect((await tb.api(wer, 'GET', url())).statusCode, wer).toBe(403);
    expect((await tb.seite('admin@beispielstadt.example', `/integration/personen/${personId}/potenzialanalyse`)).statusCode).toBe(403);
    expect(bgId).toBeTruthy();
  });
});

describe('Seiten ohne JavaScript', () => {
  it('integration speichert über das Formular; Fehler stehen am Feld, nichts gespeichert', async () => {
    const seite = `/integration/personen/${personId}/potenzialanalyse`;
    const vorher = await zaehle('potenzialanalysen');
    const falsch = await tb.formular('integration', seite, { basisFassung: '3', be_0_taetigkeit: 'Lager', be_0_von: '2020', be_0_bis: '2010', hb_codes: ['schulden', 'sucht'], hb_schulden: '1' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Das Ende darf nicht vor dem Beginn liegen.');
    expect(falsch.body).toMatch(/id="feld-be_0_bis"[^>]*aria-invalid="true"/);
    expect(await zaehle('potenzialanalysen')).toBe(vorher);
    const ok = await tb.formular('integration', seite, {
      basisFassung: '3',
      staerken: 'pünktlich\nhandwerklich geschickt',
      deutsch: 'C1',
      fuehrerschein: ['B', 'BE'],
      oepnv: '1',
      wochenstunden: '30',
      hb_codes: ['schulden', 'sucht'],
      hb_schulden: '1',
      hbb_schulden: 'Schuldnerberatung vereinbart',
      hb_sucht: '1',
      gesundheit_text: 'Formular-Gesundheit',
    });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(302);
    const a = (await tb.api('integration', 'GET', url())).json();
    expect(a.aktuell).toMatchObject({ fassung: 4, daten: { staerken: ['pünktlich', 'handwerklich geschickt'], mobilitaet: { fuehrerschein: ['B', 'BE'], oepnv: true } } });
    expect(a.aktuell.gesundheit).toEqual({ handlungsbedarfe: [{ code: 'sucht', bemerkung: null }], einschraenkungen: 'Formular-Gesundheit' });
  });

  it('Katalogseite: Teamleitung legt an, integration sieht nur die Liste', async () => {
    const r = await tb.formular('teamleitung', '/integration/katalog', { _aktion: 'anlegen', code: 'wohnung_gekuendigt', schluesselgroesse: 'rahmenbedingungen', bezeichnung: 'Wohnung gekündigt' });
    expect(r.statusCode).toBe(302);
    const doppelt = await tb.formular('teamleitung', '/integration/katalog', { _aktion: 'anlegen', code: 'wohnung_gekuendigt', schluesselgroesse: 'rahmenbedingungen', bezeichnung: 'Nochmal' });
    expect(doppelt.statusCode).toBe(400);
    expect(doppelt.body).toContain('Diesen Code gibt es im Katalog schon.');
    const liste = await tb.seite('integration', '/integration/katalog');
    expect(liste.statusCode).toBe(200);
    expect(liste.body).toContain('Wohnung gekündigt');
    expect(liste.body).not.toContain('Neuer Handlungsbedarf');
    expect((await tb.formular('integration', '/integration/katalog', { _aktion: 'standard' })).statusCode).toBe(403);
    expect((await tb.seite('controlling', '/integration/katalog')).statusCode).toBe(403);
  });
});
