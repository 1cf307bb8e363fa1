import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testClock } from '../helpers/clock.ts';
import { useApiTestbed } from '../helpers/api.ts';
import { verpassteEinladung } from '../helpers/fordern.ts';

/**
 * Issue 14, findings of the browser review (journey): an Einladung tied to a person from the Integrationsakte, the
 * Einladung page names the person, an unknown status filter falls back to "offen", rule refusals on /fordern/neu sit at
 * their field with a title that fits, Minderungen zur Freigabe on /freigaben, the portal list of Anhörungen.
 */
const b = useApiTestbed({ clock: testClock('2026-12-07T09:30:00+01:00') });

describe('Fordern: Befunde der Reise im Browser', () => {
  it('Einladung zu einer Person: Link aus der Integrationsakte, Formular mit Person, Einladungsseite mit Namen', async () => {
    const { bgId, personIds } = await b.neuerFall('Geladen');
    const personId = personIds.a!;
    const akte = await b.seite('integration', `/integration/personen/${personId}`);
    expect(akte.body).toContain(`/termine/einladen?person=${personId}`);
    const form = await b.seite('integration', `/termine/einladen?person=${personId}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Aylin Geladen');
    expect(form.body).toContain(`name="personId" value="${personId}"`);
    expect(form.body).toContain(`name="bgId" value="${bgId}"`);
    // an unknown person → 404, no form
    expect((await b.seite('integration', '/termine/einladen?person=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const eid = await verpassteEinladung(b.t, { personId, bgId, tag: '2026-12-01' });
    const einl = await b.seite('integration', `/termine/einladungen/${eid}`);
    expect(einl.body).toContain('Einladung zum Termin am');
    expect(einl.body).toContain(`href="/integration/personen/${personId}"`);
    expect(einl.body).toContain('Zurück zum Terminkalender');
  });

  it('/fordern mit unbekanntem Stand zeigt die offenen Verfahren; Regelverstöße beim Eröffnen stehen am Feld', async () => {
    const liste = await b.seite('integration', '/fordern?status=gibt-es-nicht');
    expect(liste.statusCode).toBe(200);
    expect(liste.body).toContain('tabelle-stapel');

    const { personIds } = await b.neuerFall('Regel');
    const personId = personIds.a!;
    const url = `/fordern/neu?anlass=manuell&person=${personId}`;
    const werte = { anlassArt: 'manuell', personId, anlassText: 'Bewerbung nicht abgeschickt', belehrungArt: 'schriftlich', belehrungAm: '2022-07-01', belehrungText: 'RFB', belehrungZugangArt: 'post', belehrungZugangAm: '2022-07-04' };
    // Moratorium 2022: at the Tatbestand
    const mora = await b.formular('integration', url, { ...werte, tatbestand: '31_1_1', pflichtverletzungAm: '2022-08-10' });
    expect(mora.statusCode).toBe(409);
    expect(mora.body).toContain('Das Verfahren wurde nicht eröffnet.');
    expect(mora.body).not.toContain('Die Änderung wurde nicht gespeichert');
    expect(mora.body).toContain('id="feld-tatbestand-fehler"');
    expect(mora.body).toContain('Bewerbung nicht abgeschickt');
    // Belehrung "nicht erforderlich" for § 31 Abs. 1: at the Belehrung
    const ohne = await b.formular('integration', url, { ...werte, tatbestand: '31_1_2', pflichtverletzungAm: '2026-11-30', belehrungArt: 'nicht_erforderlich' });
    expect(ohne.statusCode).toBe(409);
    expect(ohne.body).toContain('id="feld-belehrungArt-fehler"');
    // the API keeps its code and names the field
    const api = await b.api('integration', 'POST', '/api/fordern/verfahren', { ...werte, tatbestand: '31_1_2', pflichtverletzungAm: '2026-11-30', belehrungAm: '2026-11-28', belehrungZugangAm: '2026-12-02' });
    expect(api.statusCode).toBe(409);
    expect(api.json()).toMatchObject({ error: 'belehrung_fehlt' });
  });

  it('Einstellen schließt auch die Wiedervorlage „Antwort eingegangen“ (art allgemein, bezug = Verfahren)', async () => {
    const { bgId, personIds } = await b.neuerFall('Wiedervorlage');
    const eid = await verpassteEinladung(b.t, { personId: personIds.a!, bgId, tag: '2026-12-01', zugang: { art: 'post', am: '2026-11-20' } });
    const neu = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: eid });
    expect(neu.statusCode, neu.body).toBe(201);
    const v = neu.json();
    await b.t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into wiedervorlagen (traeger_id, bg_id, faellig_am, grund, art, person_id, bezug_id, zugewiesen_an, created_by)
        select traeger_id, bg_id, '2026-12-07', 'Antwort auf die Anhörung im Bürgerportal eingegangen', 'allgemein', person_id, id, created_by, created_by from minderungsverfahren where id = ${v.id}`),
    );
    const ein = await b.api('integration', 'POST', `/api/fordern/verfahren/${v.id}/einstellen`, { grund: 'Krankenschein nachgereicht', version: v.version });
    expect(ein.statusCode, ein.body).toBe(200);
    const offen = await b.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from wiedervorlagen where bezug_id = ${v.id} and erledigt_am is null`));
    expect(offen.rows[0]!.n).toBe(0);
  });

  it('Teamleitung: Minderungsbescheide zur Freigabe auf /freigaben und auf dem Arbeitsplatz', async () => {
    const f = await b.seite('teamleitung', '/freigaben');
    expect(f.statusCode).toBe(200);
    expect(f.body).toContain('Minderungsbescheide zur Freigabe');
    expect(f.body).toContain('Bewilligungen zur Freigabe');
    const start = await b.seite('teamleitung', '/arbeitsplatz');
    expect(start.body).toContain('kachel-minderung-freigaben');
    expect(start.body).toMatch(/Minderungsbescheid(e)? wartet|warten/);
  });
});
