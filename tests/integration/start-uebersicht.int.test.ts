import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../src/server/clock.ts';
import type { Actor } from '../../src/server/context.ts';
import { onlineErstantragEingang } from '../../src/server/fall/online-antrag-eingang.ts';
import { lokalesDatum } from '../../src/domain/termine/zeit.ts';
import { useApiTestbed } from '../helpers/api.ts';
import type { CookieJar, TestApp } from '../helpers/app.ts';

/**
 * Issue 10, item 5: the staff start page tells the truth. Every tile counts what is in the database for the person's
 * role and Standorte: an approval waiting, today's appointment, a Wiedervorlage due today, a new online application.
 */
const bed = useApiTestbed();
let t: TestApp;
let musterland: string;
let kommune: string;
let standortMusterstadt: string;
let echteUhr: Clock;
const jars: Record<string, CookieJar> = {};

const api = bed.api;
const seite = async (who: string) => {
  const r = await t.app.inject({ url: '/arbeitsplatz', headers: { cookie: jars[who]!.header() } });
  expect(r.statusCode, r.body).toBe(200);
  return r.body.replace(/<!-- -->/g, '');
};

beforeAll(async () => {
  t = bed.t;
  echteUhr = t.ctx.clock;
  const r = await t.ctx.db.withSystem((tx) =>
    tx.execute<{ traeger: string; kommune: string; standort: string }>(
      sql`select t.id as traeger, (select id from kommunen k where k.traeger_id = t.id and k.name = 'Musterstadt') as kommune,
        (select id from standorte s where s.traeger_id = t.id and s.name = 'Jobcenter Musterstadt') as standort from traeger t where t.slug = 'musterland'`,
    ),
  );
  musterland = r.rows[0]!.traeger;
  kommune = r.rows[0]!.kommune;
  standortMusterstadt = r.rows[0]!.standort;
  for (const who of ['leistung', 'integration', 'teamleitung', 'controlling', 'admin']) jars[who] = await bed.jar(who);
  // every Erstbewilligung needs the second person
  const e = await api('admin', 'PUT', '/api/admin/traeger-einstellungen', {
    vierAugenRegeln: { nachzahlungAbCent: 100_000, monatsbetragAbCent: 300_000, erstattungAbCent: 100_000, ablehnung: false, aufhebung: true, erstbewilligung: true },
    iban: 'DE89 3704 0044 0532 0130 00',
    kontoinhaber: 'Kreis Musterland Jobcenter',
    version: 0,
  });
  if (e.statusCode !== 200) throw new Error(`Einstellungen: ${e.body}`);
}, 60_000);
afterAll(() => {
  t.ctx.clock = echteUhr;
});

describe('Staff start page', () => {
  it('shows zero counts from the database before anything exists, not fixed texts', async () => {
    const tl = await seite('teamleitung');
    expect(tl).toContain('Keine Bewilligung wartet an Ihren Standorten auf Freigabe.');
    expect(tl).toContain('Heute keine Termine an Ihren Standorten.');
    expect(tl).toContain('Keine neuen Online-Anträge an Ihren Standorten.');
    expect(tl).not.toContain('Keine Freigaben offen');
    expect(tl).not.toContain('Keine Termine und Wiedervorlagen');
  });

  it('counts an approval waiting, today\'s appointment, a Wiedervorlage due today and a new online application', async () => {
    const heute = lokalesDatum(t.ctx.clock.now());
    // an Erstantrag whose Bewilligung waits for the Vier-Augen approval
    const fall = await api('leistung', 'POST', '/api/faelle', {
      antragsdatum: heute,
      eingangskanal: 'papier',
      personen: [{ ref: 'a', vorname: 'Sina', nachname: 'Startseite', geburtsdatum: '1990-02-02', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
      adresse: { strasse: 'Lindenweg', hausnummer: '9', plz: '12345', ort: 'Musterstadt', kommuneId: kommune },
      bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Sina Startseite' },
      unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 6000 },
    });
    expect(fall.statusCode, fall.body).toBe(201);
    const bgId = fall.json().bg.id as string;
    const b = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {});
    expect(b.statusCode, b.body).toBe(201);
    const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.json().bewilligung.id}/freigeben`, { version: b.json().bewilligung.version });
    expect(fr.json().bewilligung.status, fr.body).toBe('freigabe_erforderlich');

    // a Wiedervorlage due today
    const wv = await api('leistung', 'POST', `/api/faelle/${bgId}/wiedervorlagen`, { faelligAm: heute, grund: 'Nachweise prüfen' });
    expect(wv.statusCode, wv.body).toBe(201);

    // an online application from the portal
    const buerger = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from users where email = 'buerger@musterland.example'`));
    const actor: Actor = { userId: buerger.rows[0]!.id, traegerId: musterland, traegerName: 'Kreis Musterland', art: 'buerger', email: 'buerger@musterland.example', name: 'Max Mustermann', roles: ['buerger'], standorte: [], sessionId: 's', requestId: 'r' };
    await onlineErstantragEingang.execute({
      ctx: t.ctx,
      actor,
      input: {
        antragsdatum: heute,
        eingangskanal: 'online',
        personen: [{ ref: 'a', vorname: 'Max', nachname: 'Mustermann', geburtsdatum: '1979-09-09', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
        adresse: { strasse: 'Portalweg', hausnummer: '1', plz: '12345', ort: 'Musterstadt', kommuneId: kommune },
        bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Max Mustermann' },
        unterkunft: { grundmieteCent: 45000, nebenkostenCent: 9000, heizkostenCent: 7000 },
      },
    });

    // an appointment at Musterstadt on a coming day; that day becomes "today" on the business clock
    const von = lokalesDatum(new Date(t.ctx.clock.now().getTime() + 2 * 86_400_000));
    const bis = lokalesDatum(new Date(t.ctx.clock.now().getTime() + 30 * 86_400_000));
    const frei = await api(null, 'GET', `/api/termine/freie-zeiten?anliegen=beratung_integration&kanal=vor_ort&standortId=${standortMusterstadt}&von=${von}&bis=${bis}`);
    expect(frei.statusCode, frei.body).toBe(200);
    const beginn = (frei.json().zeiten as { beginn: string }[])[0]!.beginn;
    const termin = await api('integration', 'POST', '/api/termine/personal/einladungen', {
      anliegenId: 'beratung_integration',
      kanal: 'vor_ort',
      beginn,
      standortId: standortMusterstadt,
      email: 'start@example.org',
      name: 'Sina Startseite',
      zweck: 'vermittlung',
    });
    expect(termin.statusCode, termin.body).toBe(201);

    // on the day of the Antrag: approval, Wiedervorlage due today, online application — no appointment yet today
    const tl = await seite('teamleitung');
    expect(tl).toContain('1 Bewilligung wartet an Ihren Standorten auf Freigabe.');
    expect(tl).toContain('href="/freigaben"');
    expect(tl).toContain('1 Wiedervorlage heute fällig, 0 überfällig an Ihren Standorten.');
    expect(tl).toContain('1 neuer Online-Antrag an Ihren Standorten.');
    expect(tl).toContain('href="/online-eingang"');
    expect(tl).toContain('2 offene Anträge an Ihren Standorten.');
    expect(tl).toContain('Heute keine Termine an Ihren Standorten.');

    // leistung has no approval tile (not their permission) but the same case numbers
    const le = await seite('leistung');
    expect(le).not.toContain('kachel-freigaben');
    expect(le).toContain('1 neuer Online-Antrag an Ihren Standorten.');

    // the appointment's day: the appointment counts per Standort with a link to the calendar; the Wiedervorlage is overdue
    const tag = lokalesDatum(new Date(beginn));
    t.ctx.clock = fixedClock(`${tag}T07:00:00+01:00`);
    const integration = await seite('integration');
    expect(integration).toContain('1 Termin heute an Ihren Standorten.');
    expect(integration).toContain(`href="/termine/kalender?ansicht=standort&amp;standortId=${standortMusterstadt}&amp;datum=${tag}"`);
    expect(integration).toContain('Jobcenter Musterstadt: 1 Termin');
    expect(integration).toContain('0 Wiedervorlagen heute fällig, 1 überfällig an Ihren Standorten.');
    expect(integration).not.toContain('kachel-freigaben');

    // controlling: the same numbers for the whole Träger, without links to lists of persons
    const co = await seite('controlling');
    expect(co).toContain('1 Bewilligung wartet im ganzen Träger auf Freigabe.');
    expect(co).toContain('1 Termin heute im ganzen Träger.');
    expect(co).toContain('1 neuer Online-Antrag im ganzen Träger.');
    expect(co).not.toContain('href="/freigaben"');
    expect(co).not.toContain('href="/online-eingang"');
    expect(co).not.toContain('Jobcenter Musterstadt: 1 Termin');

    // a cancelled appointment no longer counts
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set status = 'abgesagt' where id = ${termin.json().id}`));
    expect(await seite('integration')).toContain('Heute keine Termine an Ihren Standorten.');
    t.ctx.clock = echteUhr;
  });

  it('limits the counts to the person\'s Standorte', async () => {
    // a leistung person of Seeheim only sees nothing of Musterstadt
    await t.ctx.db.withSystem(async (tx) => {
      await tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
        select traeger_id, art, 'seeheim@musterland.example', 'Sven Seeheim', password_hash, email_verified_at, roles from users where email = 'leistung@musterland.example'`);
      await tx.execute(sql`insert into user_standorte (traeger_id, user_id, standort_id)
        select ${musterland}, (select id from users where email = 'seeheim@musterland.example'), id from standorte where name = 'Jobcenter Seeheim'`);
    });
    jars.seeheim = await bed.jar('seeheim');
    const s = await seite('seeheim');
    expect(s).toContain('Keine neuen Online-Anträge an Ihren Standorten.');
    expect(s).toContain('An Ihren Standorten: Es liegen keine offenen Anträge vor.');
  });
});
