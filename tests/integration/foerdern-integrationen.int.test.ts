import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiTestbed } from '../helpers/api.ts';

/**
 * Issue 13, point 7: a job start recorded by the Integrationsfachkraft becomes, in one transaction, an Integration,
 * a change proposal for the Leistung side (an Antrag 'veraenderung' on channel 'intern' shaped like the portal's
 * "neue Arbeit" notice, prepared and applied through the existing Mitteilung use cases) and a Wiedervorlage six
 * months on; Minijobs are recorded but not counted; the follow-up closes the Wiedervorlage.
 */
const b = useApiTestbed();
const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await b.t.ctx.db.withSystem((tx) => tx.execute<T>(query))).rows;
const zaehle = async (tabelle: 'integrationen' | 'antraege' | 'wiedervorlagen', bgId: string) =>
  Number((await q<{ n: string }>(sql`select count(*) as n from ${sql.raw(tabelle)} where bg_id = ${bgId}`))[0]!.n);

describe('Beschäftigungsaufnahme erfassen', () => {
  let fall: { bgId: string; personIds: Record<string, string> };
  let integrationId: string;
  let antragId: string;

  it('legt Integration, Veränderungsmitteilung (intern) und Wiedervorlage nach sechs Monaten in einem Schritt an', async () => {
    fall = await b.neuerFall('Arbeitsweg');
    const ben = fall.personIds.b!;
    const res = await b.api('integration', 'POST', `/api/integration/personen/${ben}/integrationen`, {
      art: 'svb_teilzeit',
      beginn: '2027-01-15',
      arbeitgeber: 'Spedition Nord',
      wochenstunden: 25,
      erwartetesBruttoCent: 180_000,
      erwartetesNettoCent: 140_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    integrationId = r.integration.id;
    antragId = r.antrag.id;
    expect(r.integration).toMatchObject({ art: 'svb_teilzeit', zaehlart: 'integration', gezaehlt: true, wochenstunden: 25, antragId, laeuft: false });
    expect(r.wiedervorlage.faelligAm).toBe('2027-07-15');

    const [antrag] = await q<{ art: string; eingangskanal: string; status: string; standort_id: string; payload: Record<string, unknown>; bg_id: string }>(
      sql`select art, eingangskanal, status, standort_id, payload, bg_id from antraege where id = ${antragId}`,
    );
    const [bg] = await q<{ standort_id: string }>(sql`select standort_id from bedarfsgemeinschaften where id = ${fall.bgId}`);
    expect(antrag).toMatchObject({ art: 'veraenderung', eingangskanal: 'intern', status: 'eingegangen', standort_id: bg!.standort_id, bg_id: fall.bgId });
    expect(antrag!.payload).toMatchObject({
      schema: 'vorort.portal.mitteilung',
      version: 1,
      flow: 'veraenderung-arbeit',
      veraenderungsart: 'arbeit',
      daten: { mitteilung: { person: 'Ben Arbeitsweg', aenderung: 'neue_arbeit', ab: '2027-01-01', arbeitgeber: 'Spedition Nord', bruttoCent: 180_000, nettoCent: 140_000 } },
      herkunft: { art: 'integration', integrationId, personId: ben },
    });

    const [wv] = await q<{ art: string; person_id: string; bezug_id: string; faellig_am: string; zugewiesen_an: string }>(
      sql`select art, person_id, bezug_id, faellig_am::text, zugewiesen_an from wiedervorlagen where bezug_id = ${integrationId}`,
    );
    const ich = await b.actor('integration');
    expect(wv).toMatchObject({ art: 'integration_nachhaltigkeit', person_id: ben, bezug_id: integrationId, faellig_am: '2027-07-15', zugewiesen_an: ich.userId });

    // the same job start again (double submit): 409, nothing new
    const doppelt = await b.api('integration', 'POST', `/api/integration/personen/${ben}/integrationen`, { art: 'svb_teilzeit', beginn: '2027-01-15', arbeitgeber: 'spedition nord', wochenstunden: 25 });
    expect(doppelt.statusCode).toBe(409);
    expect(await zaehle('integrationen', fall.bgId)).toBe(1);

    const audit = await q<{ object_type: string; action: string; purpose: string }>(sql`select object_type, action, purpose from audit_log where person_id = ${ben} order by id`);
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ object_type: 'integration', action: 'create' }), expect.objectContaining({ object_type: 'antrag', action: 'create' })]));
  });

  it('die Leistungssachbearbeitung bereitet den Vorschlag mit den bestehenden Mitteilungs-Anwendungsfällen vor und übernimmt ihn: Einkommen ab dem Beginnmonat', async () => {
    const ben = fall.personIds.b!;
    const vor = await b.api('leistung', 'GET', `/api/faelle/${fall.bgId}/mitteilungen/${antragId}`);
    expect(vor.statusCode, vor.body).toBe(200);
    const m = vor.json();
    expect(m.veraenderungsart).toBe('arbeit');
    expect(m.vorschlaege).toEqual([
      { typ: 'einkommen', ab: '2027-01-01', personId: ben, einkommenId: null, ende: false, art: 'erwerbstaetigkeit', bezeichnung: 'Spedition Nord', bruttoCent: 180_000, nettoCent: 140_000, betragCent: null },
    ]);
    expect(m.hinweise.join(' ')).toMatch(/Beschäftigungsaufnahme am 15\.01\.2027/);

    const page = await b.seite('leistung', `/faelle/${fall.bgId}/mitteilungen/${antragId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vorschlag der Integration');
    expect(page.body).toContain('Angaben der Integrationsfachkraft');
    // the Fachkraft's proposal in staff wording, not the citizen's first person
    expect(page.body).toContain('Beschäftigungsaufnahme, erfasst von der Integration');
    expect(page.body).not.toContain('Ich habe eine neue Arbeit');

    const an = await b.api('leistung', 'POST', `/api/faelle/${fall.bgId}/mitteilungen/${antragId}`, { version: m.bg.version, antragVersion: m.antrag.version, aenderungen: m.vorschlaege });
    expect(an.statusCode, an.body).toBe(200);
    const einkommen = await q<{ gueltig_von: string; brutto_cent: number; netto_cent: number; bezeichnung: string }>(
      sql`select gueltig_von::text, brutto_cent, netto_cent, bezeichnung from person_einkommen where person_id = ${ben}`,
    );
    expect(einkommen).toEqual([{ gueltig_von: '2027-01-01', brutto_cent: 180_000, netto_cent: 140_000, bezeichnung: 'Spedition Nord' }]);
    // the proposal has nothing left to decide once applied: it closes (a citizen's notice stays in Bearbeitung)
    const [antrag] = await q<{ status: string; erledigt: boolean }>(sql`select status, erledigt_am is not null as erledigt from antraege where id = ${antragId}`);
    expect(antrag).toEqual({ status: 'entschieden', erledigt: true });

    // the Fallakte names the channel in German and leads to the proposal, now as applied
    const akte = await b.seite('leistung', `/faelle/${fall.bgId}`);
    expect(akte.body).toContain('intern (Integration)');
    expect(akte.body).toContain(`/faelle/${fall.bgId}/mitteilungen/${antragId}`);
    expect(akte.body).toMatch(/Vorschlag der Integration übernommen am \d{2}\.\d{2}\.\d{4}/);
    expect(akte.body).not.toContain('Vorschlag der Integration prüfen und übernehmen');
  });

  it('ein Minijob wird erfasst, aber nicht als Integration gezählt', async () => {
    const aylin = fall.personIds.a!;
    const res = await b.api('integration', 'POST', `/api/integration/personen/${aylin}/integrationen`, {
      art: 'minijob',
      beginn: '2027-01-01',
      arbeitgeber: 'Kiosk am Markt',
      wochenstunden: 8,
      erwartetesBruttoCent: 40_000,
      erwartetesNettoCent: 40_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().integration).toMatchObject({ zaehlart: 'minijob', gezaehlt: false });
    const liste = await b.api('leistung', 'GET', `/api/integration/personen/${aylin}/integrationen`);
    expect(liste.statusCode).toBe(200);
    expect(liste.json().integrationen).toHaveLength(1);
    expect(liste.json().integrationen[0]).toMatchObject({ art: 'minijob', gezaehlt: false, zaehlungText: expect.stringMatching(/Minijob/) });
  });

  it('die Nachfrage nach sechs Monaten steht in den fälligen Wiedervorlagen und erledigt sie', async () => {
    const aylin = fall.personIds.a!;
    const res = await b.api('integration', 'POST', `/api/integration/personen/${aylin}/integrationen`, {
      art: 'svb_vollzeit',
      beginn: '2026-05-04',
      arbeitgeber: 'Stadtwerke Musterstadt',
      wochenstunden: 39,
      erwartetesBruttoCent: 290_000,
      erwartetesNettoCent: 200_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().integration.id as string;
    expect(res.json().wiedervorlage.faelligAm).toBe('2026-11-04');

    const faellig = await b.api('integration', 'GET', '/api/wiedervorlagen');
    expect(faellig.statusCode).toBe(200);
    expect(faellig.json().wiedervorlagen).toEqual(
      expect.arrayContaining([expect.objectContaining({ bgId: fall.bgId, faelligAm: '2026-11-04', zugewiesenName: 'Ivo Integration', art: 'integration_nachhaltigkeit', personId: aylin, bezugId: id })]),
    );
    const vorrat = await b.seite('integration', '/arbeitsvorrat');
    expect(vorrat.body).toContain(`/integration/personen/${aylin}/integrationen#integration-${id}`);

    const seite = await b.seite('integration', `/integration/personen/${aylin}/integrationen`);
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Nachfrage erfassen');

    const version = res.json().integration.version as number;
    const zuFrueh = await b.api('integration', 'POST', `/api/integration/integrationen/${id}/nachhaltigkeit`, { ergebnis: 'noch_beschaeftigt', am: '2026-05-01', version });
    expect(zuFrueh.statusCode).toBe(400);
    expect(zuFrueh.json().issues[0].path).toBe('body.am');

    const ok = await b.api('integration', 'POST', `/api/integration/integrationen/${id}/nachhaltigkeit`, { ergebnis: 'noch_beschaeftigt', version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ nachhaltigkeitErgebnis: 'noch_beschaeftigt', nachhaltigkeitAm: '2026-12-07' });
    const [wv] = await q<{ erledigt_am: string | null }>(sql`select erledigt_am from wiedervorlagen where bezug_id = ${id}`);
    expect(wv!.erledigt_am).not.toBeNull();
    const nochmal = await b.api('integration', 'POST', `/api/integration/integrationen/${id}/nachhaltigkeit`, { ergebnis: 'unbekannt', version: version + 1 });
    expect(nochmal.statusCode).toBe(409);
  });

  it('das Ende einer Beschäftigung geht wieder als Vorschlag an die Leistung', async () => {
    const liste = (await b.api('integration', 'GET', `/api/integration/personen/${fall.personIds.b!}/integrationen`)).json();
    const i = liste.integrationen[0];
    const vorBeginn = await b.api('integration', 'POST', `/api/integration/integrationen/${i.id}/ende`, { ende: '2027-01-14', version: i.version });
    expect(vorBeginn.statusCode).toBe(400);
    expect(vorBeginn.json().issues[0]).toMatchObject({ path: 'body.ende', code: 'ende_vor_beginn' });
    const res = await b.api('integration', 'POST', `/api/integration/integrationen/${i.id}/ende`, { ende: '2027-03-31', version: i.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().integration.ende).toBe('2027-03-31');
    const vor = (await b.api('leistung', 'GET', `/api/faelle/${fall.bgId}/mitteilungen/${res.json().antragId}`)).json();
    // the income starts only in January: on today's state the caseworker picks it (the Mitteilung page says so)
    expect(vor.vorschlaege[0]).toMatchObject({ typ: 'einkommen', ab: '2027-04-01', personId: fall.personIds.b, ende: true });
  });

  it('die Formulare der Seite: Nachfrage ohne Ergebnis → 400 am Feld; Ende speichern → 302', async () => {
    const aylin = fall.personIds.a!;
    const liste = (await b.api('integration', 'GET', `/api/integration/personen/${aylin}/integrationen`)).json();
    const minijob = liste.integrationen.find((i: { art: string }) => i.art === 'minijob');
    const k = (minijob.id as string).replace(/-/g, '').slice(0, 12);
    const url = `/integration/personen/${aylin}/integrationen`;
    const ohne = await b.formular('integration', url, { _aktion: 'nachhaltigkeit', id: minijob.id, version: String(minijob.version), [`ergebnis_${k}`]: '', [`am_${k}`]: '', [`bemerkung_${k}`]: '' });
    expect(ohne.statusCode).toBe(400);
    expect(ohne.body).toContain('Bitte wählen Sie das Ergebnis der Nachfrage.');
    const ende = await b.formular('integration', url, { _aktion: 'ende', id: minijob.id, version: String(minijob.version), [`ende_${k}`]: '31.01.2027', [`leistungInformieren_${k}`]: '1' });
    expect(ende.statusCode, ende.body.slice(0, 500)).toBe(302);
    const [row] = await q<{ ende: string }>(sql`select ende::text from integrationen where id = ${minijob.id}`);
    expect(row!.ende).toBe('2027-01-31');
  });

  it('eine svB ab 15 Wochenstunden beendet die Arbeitslosigkeit (Statusfolge in derselben Transaktion)', async () => {
    const eigener = await b.neuerFall('Statusweg');
    const ben = eigener.personIds.b!;
    const status = await b.api('integration', 'POST', `/api/integration/personen/${ben}/status`, { gueltigVon: '2026-10-01', status: 'arbeitslos' });
    expect(status.statusCode, status.body).toBe(201);
    const res = await b.api('integration', 'POST', `/api/integration/personen/${ben}/integrationen`, { art: 'svb_vollzeit', beginn: '2027-02-01', arbeitgeber: 'Werk Süd', wochenstunden: 38 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().statusHinweis).toEqual(expect.any(String));
    const perioden = await q<{ status: string; gueltig_von: string; gueltig_bis: string | null; quelle: string }>(
      sql`select status, gueltig_von::text, gueltig_bis::text, quelle from arbeitsmarktstatus where person_id = ${ben} order by gueltig_von`,
    );
    expect(perioden[0]).toMatchObject({ status: 'arbeitslos', gueltig_bis: '2027-01-31' });
    expect(perioden.at(-1)).toMatchObject({ status: 'arbeitsuchend', gueltig_von: '2027-02-01', quelle: 'integration' });
  });

  it('falsche Eingaben: 400 mit Meldung am Feld, nichts gespeichert', async () => {
    const ben = fall.personIds.b!;
    const vorher = await Promise.all([zaehle('integrationen', fall.bgId), zaehle('antraege', fall.bgId), zaehle('wiedervorlagen', fall.bgId)]);
    const faelle: [Record<string, unknown>, string, string][] = [
      [{ art: 'minijob', wochenstunden: 20, erwartetesBruttoCent: 50_000 }, 'body.wochenstunden', 'minijob_stunden'],
      [{ art: 'minijob', wochenstunden: 10, erwartetesBruttoCent: 70_000 }, 'body.erwartetesBruttoCent', 'minijob_entgelt'],
      [{ beginn: '2020-01-01' }, 'body.beginn', 'beginn_ausserhalb_bg'],
      [{ wochenstunden: 0 }, 'body.wochenstunden', 'wochenstunden_ungueltig'],
      [{ wochenstunden: 61 }, 'body.wochenstunden', 'wochenstunden_ungueltig'],
      [{ art: 'festanstellung' }, 'body.art', 'invalid_value'],
      [{ arbeitgeber: '' }, 'body.arbeitgeber', 'too_small'],
      [{ teilnahmeId: '00000000-0000-4000-8000-000000000000' }, 'body.teilnahmeId', 'teilnahme_unbekannt'],
    ];
    for (const [aenderung, pfad, code] of faelle) {
      const res = await b.api('integration', 'POST', `/api/integration/personen/${ben}/integrationen`, {
        art: 'svb_vollzeit',
        beginn: '2027-02-01',
        arbeitgeber: 'Falsch GmbH',
        wochenstunden: 38,
        ...aenderung,
      });
      expect(res.statusCode, `${JSON.stringify(aenderung)}: ${res.body}`).toBe(400);
      expect(res.json().issues, JSON.stringify(aenderung)).toEqual(expect.arrayContaining([expect.objectContaining({ path: pfad, code })]));
    }
    const nachher = await Promise.all([zaehle('integrationen', fall.bgId), zaehle('antraege', fall.bgId), zaehle('wiedervorlagen', fall.bgId)]);
    expect(nachher).toEqual(vorher);

    // the page shows the message at the field (status 400), nothing saved
    const form = await b.formular('integration', `/integration/personen/${ben}/integrationen`, { _aktion: 'erfassen', art: 'minijob', beginn: '01.02.2027', arbeitgeber: 'Falsch GmbH', wochenstunden: '20', erwartetesBruttoCent: '', erwartetesNettoCent: '', teilnahmeId: '', bemerkung: '' });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('Ein Minijob mit mehr als 15 Wochenstunden');
    expect(await zaehle('integrationen', fall.bgId)).toBe(vorher[0]);
  });

  it('fremder Träger, fremder Standort und unbekannte Kennungen: 404; Leistung liest, erfasst aber nicht', async () => {
    const ben = fall.personIds.b!;
    expect((await b.api('admin@beispielstadt.example', 'GET', `/api/integration/personen/${ben}/integrationen`)).statusCode).toBe(404);
    expect((await b.api('admin@beispielstadt.example', 'POST', `/api/integration/personen/${ben}/integrationen`, { art: 'svb_vollzeit', beginn: '2027-02-01', arbeitgeber: 'X', wochenstunden: 38 })).statusCode).toBe(404);
    expect((await b.api('integration', 'GET', '/api/integration/personen/00000000-0000-4000-8000-000000000000/integrationen')).statusCode).toBe(404);
    expect((await b.api('integration', 'GET', '/api/integration/personen/kein-uuid/integrationen')).statusCode).toBe(404);
    expect((await b.api('leistung', 'GET', `/api/integration/personen/${ben}/integrationen`)).statusCode).toBe(200);
    expect((await b.api('leistung', 'POST', `/api/integration/personen/${ben}/integrationen`, { art: 'svb_vollzeit', beginn: '2027-02-01', arbeitgeber: 'X', wochenstunden: 38 })).statusCode).toBe(403);
    expect((await b.api('controlling', 'GET', `/api/integration/personen/${ben}/integrationen`)).statusCode).toBe(403);

    // a Fallakte at Standort Beispieldorf, where integration@ does not work
    const kommune = (await b.kommunen()).Beispieldorf!;
    const dorf = await b.api('teamleitung', 'POST', '/api/faelle', {
      antragsdatum: '2026-11-12',
      eingangskanal: 'papier',
      personen: [{ ref: 'a', vorname: 'Dora', nachname: 'Dorf', geburtsdatum: '1980-01-10', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
      adresse: { strasse: 'Marktplatz', hausnummer: '1', plz: '12346', ort: 'Beispieldorf', kommuneId: kommune },
      bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Dora Dorf' },
      unterkunft: { grundmieteCent: 40000, nebenkostenCent: 9000, heizkostenCent: 7000 },
    });
    expect(dorf.statusCode, dorf.body).toBe(201);
    const dora = Object.values(dorf.json().personIds as Record<string, string>)[0]!;
    expect((await b.api('integration', 'GET', `/api/integration/personen/${dora}/integrationen`)).statusCode).toBe(404);
    expect((await b.api('teamleitung', 'GET', `/api/integration/personen/${dora}/integrationen`)).statusCode).toBe(200);
  });
});
