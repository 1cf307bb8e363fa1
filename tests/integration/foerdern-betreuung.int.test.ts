import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { wendeStatusFolgeAn } from '../../src/server/integration/status-folgen.ts';
import { tenantScope } from '../../src/server/context.ts';
import { erstantrag, useApiTestbed } from '../helpers/api.ts';

/**
 * Betreuung, Arbeitsmarktstatus and Gesprächsvermerke (issue 13, points 1 and 2): assignment and bulk re-assignment,
 * status periods with overlap refused (nothing saved), the automatic consequences of facts, the restore offer after
 * an Austritt, Gesprächsvermerke with a Termin and a next contact, the caseload, rights (leistung reads, does not
 * write; other Standort and foreign Träger 404) and the audit of every read. Test clock: Monday 7.12.2026.
 */
const tb = useApiTestbed();

let aylin: string;
let ben: string;
let clara: string;
let dora: string;
let integrationId: string;
let teamleitungId: string;

const tag = (d: Date) => d.toISOString().slice(0, 10);
const akte = (wer: string, personId: string, stichtag?: string) => tb.api(wer, 'GET', `/api/integration/personen/${personId}${stichtag ? `?stichtag=${stichtag}` : ''}`);
const zaehle = async (tabelle: 'arbeitsmarktstatus' | 'betreuungen' | 'gespraechsvermerke', personId: string) =>
  Number((await tb.t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*) as n from ${sql.raw(tabelle)} where person_id = ${personId}`))).rows[0]!.n);

beforeAll(async () => {
  const fall = await tb.neuerFall('Betreut');
  aylin = fall.personIds.a!;
  ben = fall.personIds.b!;
  clara = fall.personIds.c!;
  const beispieldorf = (await tb.kommunen()).Beispieldorf!;
  const anderer = await tb.api('teamleitung', 'POST', '/api/faelle', {
    ...erstantrag(beispieldorf, 'Dorfbetreut'),
    adresse: { strasse: 'Marktplatz', hausnummer: '1', plz: '12346', ort: 'Beispieldorf', kommuneId: beispieldorf },
  });
  if (anderer.statusCode !== 201) throw new Error(`Erstantrag Beispieldorf: ${anderer.statusCode} ${anderer.body}`);
  dora = anderer.json().personIds.a;
  integrationId = (await tb.actor('integration@musterland.example')).userId;
  teamleitungId = (await tb.actor('teamleitung@musterland.example')).userId;
});

describe('Betreuung', () => {
  it('die Fachkraft übernimmt eine Person ohne Ansprechpartner; fremde Zuweisung und Nicht-eLb werden abgelehnt', async () => {
    const r = await tb.api('integration', 'POST', `/api/integration/personen/${aylin}/betreuung`, { fachkraftId: integrationId, ab: '2026-12-01', grund: 'Neuzugang' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ fachkraftId: integrationId, fachkraftName: 'Ivo Integration', ab: '2026-12-01', unveraendert: false });
    // integration may not assign somebody else
    expect((await tb.api('integration', 'POST', `/api/integration/personen/${ben}/betreuung`, { fachkraftId: teamleitungId, ab: '2026-12-01' })).statusCode).toBe(403);
    // a child of 9 is no eLb
    const kind = await tb.api('integration', 'POST', `/api/integration/personen/${clara}/betreuung`, { fachkraftId: integrationId, ab: '2026-12-01' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json()).toMatchObject({ error: 'kein_elb' });
    expect(await zaehle('betreuungen', clara)).toBe(0);
    // a Leistung colleague is not a Fachkraft of the Standort
    const leistungId = (await tb.actor('leistung@musterland.example')).userId;
    const falsch = await tb.api('teamleitung', 'POST', `/api/integration/personen/${ben}/betreuung`, { fachkraftId: leistungId, ab: '2026-12-01' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues[0]).toMatchObject({ path: 'body.fachkraftId', code: 'fachkraft_ungueltig' });
    const tl = await tb.api('teamleitung', 'POST', `/api/integration/personen/${ben}/betreuung`, { fachkraftId: integrationId, ab: '2026-12-01' });
    expect(tl.statusCode, tl.body).toBe(201);
  });

  it('Umverteilung durch die Teamleitung: mehrere Personen ab einem Tag, die alte Betreuung endet am Vortag', async () => {
    const liste = await tb.api('teamleitung', 'GET', `/api/integration/umverteilung?von=${integrationId}`);
    expect(liste.statusCode).toBe(200);
    const ids = (liste.json().personen as { personId: string }[]).map((p) => p.personId);
    expect(ids).toEqual(expect.arrayContaining([aylin, ben]));
    expect(ids).not.toContain(clara);
    expect((await tb.api('integration', 'POST', '/api/integration/umverteilung', { personIds: [aylin], fachkraftId: teamleitungId, ab: '2027-01-01' })).statusCode).toBe(403);
    // one person out of reach (foreign id) → 404 and nothing saved
    const fremd = await tb.api('teamleitung', 'POST', '/api/integration/umverteilung', { personIds: [aylin, '00000000-0000-4000-8000-000000000001'], fachkraftId: teamleitungId, ab: '2027-01-01' });
    expect(fremd.statusCode).toBe(404);
    expect(await zaehle('betreuungen', aylin)).toBe(1);
    const r = await tb.api('teamleitung', 'POST', '/api/integration/umverteilung', { personIds: [aylin, ben], fachkraftId: teamleitungId, ab: '2027-01-01', grund: 'Urlaubsvertretung' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().anzahl).toBe(2);
    const a = (await akte('teamleitung', aylin, '2027-01-02')).json();
    expect(a.betreuung.aktuell).toMatchObject({ fachkraftId: teamleitungId, seit: '2027-01-01' });
    expect(a.betreuung.verlauf).toMatchObject([
      { fachkraftId: teamleitungId, gueltigVon: '2027-01-01', gueltigBis: null, grund: 'Urlaubsvertretung' },
      { fachkraftId: integrationId, gueltigVon: '2026-12-01', gueltigBis: '2026-12-31' },
    ]);
    // back to Ivo from 1.2.2027 (the form on the page: one person)
    const zurueck = await tb.api('teamleitung', 'POST', '/api/integration/umverteilung', { personIds: [aylin, ben], fachkraftId: integrationId, ab: '2027-02-01' });
    expect(zurueck.json().anzahl).toBe(2);
  });
});

describe('Arbeitsmarktstatus', () => {
  it('erfassen, Überschneidung abgelehnt (nichts gespeichert), beenden, Status am Stichtag, Langzeitarbeitslosigkeit', async () => {
    const url = `/api/integration/personen/${aylin}/status`;
    const r = await tb.api('integration', 'POST', url, { gueltigVon: '2025-09-01', status: 'arbeitslos' });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    expect(r.json()).toMatchObject({ status: 'arbeitslos', grund: null, quelle: 'erfasst', gueltigBis: null });

    const doppelt = await tb.api('integration', 'POST', url, { gueltigVon: '2026-06-01', gueltigBis: '2026-06-30', status: 'arbeitsuchend', grund: 'arbeitsunfaehigkeit' });
    expect(doppelt.statusCode).toBe(400);
    expect(doppelt.json()).toMatchObject({ error: 'status_ueberschneidung' });
    expect(doppelt.json().issues[0]).toMatchObject({ path: 'body.gueltigVon', code: 'status_ueberschneidung' });
    expect(await zaehle('arbeitsmarktstatus', aylin)).toBe(1);
    const ohneGrund = await tb.api('integration', 'POST', url, { gueltigVon: '2024-01-01', gueltigBis: '2024-12-31', status: 'nicht_arbeitsuchend' });
    expect(ohneGrund.statusCode).toBe(400);
    expect(ohneGrund.json().issues[0]).toMatchObject({ path: 'body.grund', code: 'grund_fehlt' });

    const ende = await tb.api('integration', 'POST', `/api/integration/status/${id}/beenden`, { gueltigBis: '2026-11-30' });
    expect(ende.statusCode, ende.body).toBe(200);
    const neu = await tb.api('integration', 'POST', url, { gueltigVon: '2026-12-01', status: 'nicht_arbeitsuchend', grund: 'kind_unter_3', bemerkung: 'Elternzeit' });
    expect(neu.statusCode, neu.body).toBe(201);

    const heute = (await akte('integration', aylin)).json();
    expect(heute.status.aktuell).toMatchObject({ status: 'nicht_arbeitsuchend', grund: 'kind_unter_3' });
    expect(heute.status.langzeitarbeitslosSeit).toBeNull();
    expect(heute.status.perioden.map((p: { gueltigVon: string }) => p.gueltigVon)).toEqual(['2026-12-01', '2025-09-01']);
    const damals = (await akte('integration', aylin, '2026-11-15')).json();
    expect(damals.status.aktuell.status).toBe('arbeitslos');
    expect(damals.status.arbeitslosSeit).toBe('2025-09-01');
    expect(damals.status.langzeitarbeitslosSeit).toBe('2026-09-01');

    // correcting the first period into the second one is refused as well
    const berichtigt = await tb.api('integration', 'PUT', `/api/integration/status/${id}`, { gueltigVon: '2025-09-01', gueltigBis: '2026-12-05', status: 'arbeitslos' });
    expect(berichtigt.statusCode).toBe(400);
    expect(berichtigt.json().error).toBe('status_ueberschneidung');
    const ok = await tb.api('integration', 'PUT', `/api/integration/status/${id}`, { gueltigVon: '2025-08-01', gueltigBis: '2026-11-30', status: 'arbeitslos' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('zwei gleichzeitige Erfassungen desselben Zeitraums: eine gewinnt, die andere bekommt 400 am Feld', async () => {
    const url = `/api/integration/personen/${dora}/status`;
    const [x, y] = await Promise.all([
      tb.api('teamleitung', 'POST', url, { gueltigVon: '2026-05-01', status: 'arbeitslos' }),
      tb.api('teamleitung', 'POST', url, { gueltigVon: '2026-06-01', status: 'nicht_arbeitsuchend', grund: 'pflege' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 400]);
    expect((x.statusCode === 400 ? x : y).json().error).toBe('status_ueberschneidung');
    expect(await zaehle('arbeitsmarktstatus', dora)).toBe(1);
  });

  it('automatische Folgen: Eintritt, Austritt mit Angebot, Wiederherstellen, Beschäftigung ≥ 15 h', async () => {
    expect((await tb.api('integration', 'POST', `/api/integration/personen/${ben}/status`, { gueltigVon: '2026-01-01', status: 'arbeitslos' })).statusCode).toBe(201);
    const actor = await tb.actor('integration@musterland.example');
    const teilnahmeId = '00000000-0000-4000-8000-0000000000aa';
    const imTx = <T>(fn: (tx: Parameters<Parameters<typeof tb.t.ctx.db.withTenant>[1]>[0]) => Promise<T>) => tb.t.ctx.db.withTenant(tenantScope(actor), fn);

    const eintritt = await imTx((tx) => wendeStatusFolgeAn(tx, actor, { personId: ben, folge: { art: 'massnahme_eintritt', teilnahmeId, von: '2026-03-01', bis: '2026-08-31', zaehltAlsMassnahme: true } }));
    expect(eintritt).toContain('Bisheriger Status endet am 28.02.2026');
    expect(eintritt).toContain('wegen Eintritt in die Maßnahme');
    // applying the same fact again changes nothing
    expect(await imTx((tx) => wendeStatusFolgeAn(tx, actor, { personId: ben, folge: { art: 'massnahme_eintritt', teilnahmeId, von: '2026-03-01', bis: '2026-08-31', zaehltAlsMassnahme: true } }))).toBeNull();
    const austritt = await imTx((tx) => wendeStatusFolgeAn(tx, actor, { personId: ben, folge: { art: 'massnahme_austritt', teilnahmeId, am: '2026-07-15' } }));
    expect(austritt).toContain('15.07.2026');

    const mitAngebot = (await akte('integration', ben)).json();
    expect(mitAngebot.status.angebotArbeitslosAb).toEqual({ ab: '2026-07-16', teilnahmeId });
    expect(mitAngebot.status.perioden[0]).toMatchObject({ quelle: 'massnahme_eintritt', gueltigBis: '2026-07-15', grund: 'massnahme' });
    expect(mitAngebot.status.perioden[0].quelleText).toContain('automatisch: Eintritt in Maßnahme');
    // leistung sees the status but gets no offer
    expect((await akte('leistung', ben)).json().status.angebotArbeitslosAb).toBeNull();

    const wieder = await tb.api('integration', 'POST', `/api/integration/personen/${ben}/status/arbeitslos-wiederherstellen`, { ab: '2026-07-16' });
    expect(wieder.statusCode, wieder.body).toBe(201);
    expect((await tb.api('integration', 'POST', `/api/integration/personen/${ben}/status/arbeitslos-wiederherstellen`, { ab: '2026-07-16' })).statusCode).toBe(400);

    const job = await imTx((tx) =>
      wendeStatusFolgeAn(tx, actor, { personId: ben, folge: { art: 'integration', integrationId: '00000000-0000-4000-8000-0000000000bb', beginn: '2026-12-01', wochenstunden: 20, integrationsart: 'svb_teilzeit' } }),
    );
    expect(job).toContain('Erwerbstätigkeit ab 15 Stunden');
    const minijob = await imTx((tx) =>
      wendeStatusFolgeAn(tx, actor, { personId: ben, folge: { art: 'integration', integrationId: '00000000-0000-4000-8000-0000000000cc', beginn: '2026-12-05', wochenstunden: 10, integrationsart: 'minijob' } }),
    );
    expect(minijob).toBeNull();
    const stand = (await akte('integration', ben)).json();
    expect(stand.status.perioden.map((p: { status: string; quelle: string; gueltigVon: string; gueltigBis: string | null }) => [p.status, p.quelle, p.gueltigVon, p.gueltigBis])).toEqual([
      ['arbeitsuchend', 'integration', '2026-12-01', null],
      ['arbeitslos', 'massnahme_austritt', '2026-07-16', '2026-11-30'],
      ['arbeitsuchend', 'massnahme_eintritt', '2026-03-01', '2026-07-15'],
      ['arbeitslos', 'erfasst', '2026-01-01', '2026-02-28'],
    ]);
  });
});

describe('Gesprächsvermerke und Fallbestand', () => {
  it('Vermerk mit nächstem Kontakt legt eine Wiedervorlage für die persönliche Ansprechperson an; Zukunftsdatum abgelehnt', async () => {
    const url = `/api/integration/personen/${aylin}/gespraechsvermerke`;
    const zukunft = await tb.api('integration', 'POST', url, { datum: '2026-12-24', art: 'folgegespraech', text: 'x' });
    expect(zukunft.statusCode).toBe(400);
    expect(zukunft.json().issues[0]).toMatchObject({ path: 'body.datum' });
    const r = await tb.api('integration', 'POST', url, { datum: '2026-12-07', art: 'erstgespraech', text: 'Erstgespräch: Ziele besprochen.', naechsterKontakt: '2026-12-21' });
    expect(r.statusCode, r.body).toBe(201);
    const wv = await tb.t.ctx.db.withSystem((tx) => tx.execute<{ art: string; zugewiesen_an: string; faellig_am: string }>(sql`select art, zugewiesen_an, faellig_am::text from wiedervorlagen where id = ${r.json().wiedervorlageId}`));
    expect(wv.rows[0]).toMatchObject({ art: 'integration_kontakt', zugewiesen_an: integrationId, faellig_am: '2026-12-21' });

    const caseload = await tb.api('integration', 'GET', '/api/integration/caseload');
    expect(caseload.statusCode).toBe(200);
    const zeile = (caseload.json().personen as { personId: string }[]).find((p) => p.personId === aylin);
    expect(zeile).toMatchObject({ naechsterKontakt: '2026-12-21', offeneWiedervorlagen: 1, ueberfaelligeWiedervorlagen: 0, status: 'nicht_arbeitsuchend', fallnummer: expect.stringMatching(/^BG-/) });
    // a newer conversation agrees a later contact: the earlier contact Wiedervorlage is done, the caseload shows the new one
    const neu = await tb.api('integration', 'POST', url, { datum: '2026-12-07', art: 'telefonisch', text: 'Telefonat: neuer Termin.', naechsterKontakt: '2026-12-28' });
    expect(neu.statusCode, neu.body).toBe(201);
    const nachher = ((await tb.api('integration', 'GET', '/api/integration/caseload')).json().personen as { personId: string }[]).find((p) => p.personId === aylin);
    expect(nachher).toMatchObject({ naechsterKontakt: '2026-12-28', offeneWiedervorlagen: 1 });
    // the Teamleitung sees the team's caseload and can filter by Fachkraft
    const team = (await tb.api('teamleitung', 'GET', `/api/integration/caseload?fachkraftId=${integrationId}`)).json();
    expect(team.team).toBe(true);
    expect((team.personen as { personId: string }[]).map((p) => p.personId)).toContain(aylin);
    expect((await tb.api('integration', 'GET', `/api/integration/caseload?fachkraftId=${teamleitungId}`)).statusCode).toBe(403);
    expect((await tb.api('leistung', 'GET', '/api/integration/caseload')).statusCode).toBe(403);
  });

  it('Vermerk zu einem Termin der Person setzt das Ergebnis der Einladung (wahrgenommen)', async () => {
    const standorte = await tb.t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from standorte where name = 'Jobcenter Musterstadt'`));
    const standortId = standorte.rows[0]!.id;
    const jetzt = tb.t.ctx.clock.now();
    const frei = await tb.api(null, 'GET', `/api/termine/freie-zeiten?anliegen=beratung_integration&kanal=vor_ort&standortId=${standortId}&von=${tag(new Date(jetzt.getTime() + 2 * 86_400_000))}&bis=${tag(new Date(jetzt.getTime() + 30 * 86_400_000))}`);
    const beginn = (frei.json().zeiten as { beginn: string }[])[0]!.beginn;
    const bgId = (await akte('integration', aylin)).json().person.bgId;
    const e = await tb.api('integration', 'POST', '/api/termine/personal/einladungen', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn, standortId, email: 'aylin@example.org', name: 'Aylin Betreut', zweck: 'vermittlung', bgId, personId: aylin });
    expect(e.statusCode, e.body).toBe(201);
    const terminId = e.json().id as string;
    const url = `/api/integration/personen/${aylin}/gespraechsvermerke`;
    // the Termin lies ahead: its outcome cannot be recorded yet → 400 at terminId, nothing saved
    const vorher = await zaehle('gespraechsvermerke', aylin);
    const zuFrueh = await tb.api('integration', 'POST', url, { datum: '2026-12-07', art: 'folgegespraech', text: 'Gespräch', terminId });
    expect(zuFrueh.statusCode).toBe(400);
    expect(zuFrueh.json().issues[0]).toMatchObject({ path: 'body.terminId' });
    expect(await zaehle('gespraechsvermerke', aylin)).toBe(vorher);
    // move the Termin into the past (as if the day had come)
    const vor = (h: number) => new Date(tb.t.ctx.clock.now().getTime() - h * 3_600_000).toISOString();
    await tb.t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${vor(2)}::timestamptz, ende = ${vor(1)}::timestamptz, blockiert_bis = ${vor(1)}::timestamptz where id = ${terminId}`));
    const r = await tb.api('integration', 'POST', url, { datum: '2026-12-07', art: 'folgegespraech', text: 'Gespräch zum Termin', terminId });
    expect(r.statusCode, r.body).toBe(201);
    // the contact agreed in the first conversation is done with this one
    expect(r.json()).toMatchObject({ terminId, terminErgebnis: 'wahrgenommen', erledigteWiedervorlagen: 1, wiedervorlageId: null });
    const status = await tb.t.ctx.db.withSystem((tx) => tx.execute<{ e: string; t: string }>(sql`select e.status as e, t.status as t from einladungen e join termine t on t.id = e.termin_id where t.id = ${terminId}`));
    expect(status.rows[0]).toEqual({ e: 'wahrgenommen', t: 'wahrgenommen' });
  });
});

describe('Rechte und Protokoll', () => {
  it('leistung liest (ohne Vermerktext), schreibt nicht; anderer Standort und fremder Träger 404', async () => {
    const l = await akte('leistung', aylin);
    expect(l.statusCode).toBe(200);
    expect(l.json().gespraechsvermerke.length).toBeGreaterThan(0);
    expect(l.json().gespraechsvermerke.every((v: { text: string | null }) => v.text === null)).toBe(true);
    expect((await tb.api('leistung', 'POST', `/api/integration/personen/${aylin}/status`, { gueltigVon: '2030-01-01', status: 'arbeitslos' })).statusCode).toBe(403);
    expect((await tb.api('leistung', 'POST', `/api/integration/personen/${aylin}/gespraechsvermerke`, { datum: '2026-12-07', art: 'telefonisch', text: 'x' })).statusCode).toBe(403);
    // Beispieldorf: integration does not work there, the Teamleitung does
    expect((await akte('integration', dora)).statusCode).toBe(404);
    expect((await tb.api('integration', 'POST', `/api/integration/personen/${dora}/status`, { gueltigVon: '2026-01-01', status: 'arbeitslos' })).statusCode).toBe(404);
    expect((await akte('teamleitung', dora)).statusCode).toBe(200);
    expect((await akte('admin@beispielstadt.example', aylin)).statusCode).toBe(404);
    expect((await akte('controlling', aylin)).statusCode).toBe(403);
    expect((await akte('integration', 'kein-uuid')).statusCode).toBe(404);
  });

  it('jedes Lesen der Integrationsakte ist mit Zweck protokolliert', async () => {
    await akte('leistung', ben);
    const zeilen = await tb.t.ctx.db.withSystem((tx) =>
      tx.execute<{ object_type: string; purpose: string; actor_role: string }>(
        sql`select object_type, purpose, actor_role from audit_log where person_id = ${ben} and action = 'read' and actor_role = 'leistung' order by at`,
      ),
    );
    expect(zeilen.rows.map((z) => z.object_type).sort()).toEqual(expect.arrayContaining(['arbeitsmarktstatus', 'betreuung', 'gespraechsvermerk']));
    expect(zeilen.rows[0]!.purpose).toBe('Leistungssachbearbeitung: Integrationsakte einsehen');
    const aenderungen = await tb.t.ctx.db.withSystem((tx) =>
      tx.execute<{ n: string }>(sql`select count(*) as n from audit_log where person_id = ${aylin} and object_type = 'arbeitsmarktstatus' and action in ('create', 'update')`),
    );
    expect(Number(aenderungen.rows[0]!.n)).toBeGreaterThanOrEqual(3);
  });
});

describe('Seiten (ohne JavaScript)', () => {
  it('Fallbestand, Integrationsakte und Umverteilung: Formulare als einfache POSTs, Fehler am Feld', async () => {
    const caseload = await tb.seite('teamleitung', '/integration');
    expect(caseload.statusCode).toBe(200);
    expect(caseload.body).toContain('Fallbestand des Teams');
    expect((await tb.seite('leistung', '/integration')).statusCode).toBe(403);
    const akteSeite = await tb.seite('leistung', `/integration/personen/${aylin}`);
    expect(akteSeite.statusCode).toBe(200);
    expect(akteSeite.body).not.toContain('Status speichern');
    expect(akteSeite.body).toContain('Inhalt nur für die Integration sichtbar.');
    expect((await tb.seite('integration', `/integration/personen/${dora}`)).statusCode).toBe(404);

    // the status form without JavaScript: the overlap error stands at the field
    const fehler = await tb.formular('integration', `/integration/personen/${aylin}`, { _aktion: 'status', status: 'arbeitslos', grund: '', gueltigVon: '2026-12-03', gueltigBis: '', bemerkung: '' });
    expect(fehler.statusCode).toBe(400);
    expect(fehler.body).toContain('feld-gueltigVon-fehler');

    // correcting a period on the page: the form is prefilled; an overlap is refused at the field
    const erste = ((await akte('integration', aylin)).json().status.perioden as { id: string; gueltigVon: string }[]).find((p) => p.gueltigVon === '2025-08-01')!;
    const form = await tb.seite('integration', `/integration/personen/${aylin}?berichtigen=${erste.id}`);
    expect(form.body).toContain('Zeitraum berichtigen: arbeitslos');
    const ueber = await tb.formular('integration', `/integration/personen/${aylin}`, { _aktion: 'berichtigen', b_id: erste.id, b_status: 'arbeitslos', b_grund: '', b_gueltigVon: '2025-08-01', b_gueltigBis: '2026-12-02', b_bemerkung: '' });
    expect(ueber.statusCode).toBe(400);
    expect(ueber.body).toContain('feld-b_gueltigVon-fehler');
    const ok = await tb.formular('integration', `/integration/personen/${aylin}`, { _aktion: 'berichtigen', b_id: erste.id, b_status: 'arbeitslos', b_grund: '', b_gueltigVon: '2025-08-01', b_gueltigBis: '2026-11-30', b_bemerkung: 'Beginn laut Meldung' });
    expect(ok.statusCode).toBe(302);

    // bulk: nothing chosen → error at the selection; then two persons to Tara Teamleitung
    const leer = await tb.formular('teamleitung', '/integration/umverteilen', { von: '', fachkraftId: teamleitungId, ab: '2027-03-01', grund: '' });
    expect(leer.statusCode).toBe(400);
    expect(leer.body).toContain('Bitte wählen Sie mindestens eine Person.');
    // no Fachkraft chosen: a German message at the field
    const ohne = await tb.formular('teamleitung', '/integration/umverteilen', { von: '', personIds: [aylin], fachkraftId: '', ab: '2027-03-01', grund: '' });
    expect(ohne.statusCode).toBe(400);
    expect(ohne.body).toContain('Bitte wählen Sie die neue Ansprechpartnerin oder den neuen Ansprechpartner.');
    expect(ohne.body).toContain('feld-fachkraftId-fehler');
    // a Fachkraft not serving the person's Standort: the message names the person concerned
    const leistungId = (await tb.actor('leistung@musterland.example')).userId;
    const falsch = await tb.api('teamleitung', 'POST', '/api/integration/umverteilung', { personIds: [ben], fachkraftId: leistungId, ab: '2027-03-01' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues[0]).toMatchObject({ path: 'body.fachkraftId', code: 'fachkraft_ungueltig', message: expect.stringContaining('Ben') });
    const umverteilt = await tb.formular('teamleitung', '/integration/umverteilen', { von: '', personIds: [aylin, ben], fachkraftId: teamleitungId, ab: '2027-03-01', grund: 'Team neu' });
    expect(umverteilt.statusCode).toBe(302);
    const stand = (await akte('teamleitung', ben, '2027-03-01')).json();
    expect(stand.betreuung.aktuell).toMatchObject({ fachkraftId: teamleitungId, seit: '2027-03-01' });
  });
});
