import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lokalesDatum } from '../../src/domain/termine/index.ts';
import { BERECHTIGUNGEN } from '../../src/server/berechtigungen.ts';
import { createTestApp, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/**
 * The permission matrix (issue 11, docs/sicherheit.md "Matrix- und Fuzz-Tests ausführen"): every operation of the
 * OpenAPI document × every demo actor (plus a second citizen and the admin of the second Träger), against objects
 * created here, expecting exactly the outcome the table below documents. An operation without an entry fails:
 * a new route must say who may call it.
 *
 * Outcomes: `ok` = 2xx; `erlaubt` = the permission check passed (2xx or a business answer such as 400/409/410 for the
 * object's state – never 401/403/404); 401/403/404 = refused. Request bodies are minimally valid (generated from the
 * OpenAPI schema, with real ids where needed), so a refusal can never hide behind a 400.
 */

const AKTEURE = ['anonym', 'admin', 'leistung', 'integration', 'teamleitung', 'controlling', 'buerger', 'buerger2', 'fremd'] as const;
type Akteur = (typeof AKTEURE)[number];
type Ergebnis = 'ok' | 'erlaubt' | 401 | 403 | 404 | 400 | 409 | 410;
type Erwartung = Partial<Record<Akteur, Ergebnis>> & { sonst: Ergebnis };

type Objekte = {
  bgId: string;
  bgVersion: () => Promise<number>;
  personId: string;
  antragId: string;
  bewilligungId: string;
  wiedervorlageId: string;
  terminId: string;
  einladungId: string;
  ressourceId: string;
  kommuneId: string;
  standortId: string;
  userId: string;
  freieZeit: string;
  anliegen: string;
  heute: string;
};

type Eintrag = {
  erwartet: Erwartung;
  /** path parameters (default: a random UUID, i.e. an object that does not exist) */
  params?: (o: Objekte) => Promise<Record<string, string>> | Record<string, string>;
  query?: (o: Objekte) => Record<string, string>;
  /** body overrides merged into the body generated from the schema */
  body?: (o: Objekte) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** run after all other operations, in this order (they end the sessions) */
  zuletzt?: number;
};

// ------------------------------------------------------------------ shorthands for the table
/** Roles of the table holding a permission (from src/server/berechtigungen.ts – the same source the code reads). */
const mit = (p: keyof typeof BERECHTIGUNGEN, e: Ergebnis): Partial<Record<Akteur, Ergebnis>> =>
  Object.fromEntries(Object.keys(BERECHTIGUNGEN[p].rollen).filter((r) => r !== 'buerger').map((r) => [r, e]));
/** Staff-only operation on an object of Kreis Musterland: holders `e`, other roles 403, citizens 403, second Träger 404/403. */
const personal = (p: keyof typeof BERECHTIGUNGEN, e: Ergebnis, extra: Partial<Record<Akteur, Ergebnis>> = {}): Erwartung => ({
  sonst: 403,
  anonym: 401,
  fremd: 404,
  ...mit(p, e),
  ...extra,
});
/** Staff list operation (no object): holders `e`, also the second Träger's admin if it holds it (its own data). */
const liste = (p: keyof typeof BERECHTIGUNGEN, e: Ergebnis = 'ok', extra: Partial<Record<Akteur, Ergebnis>> = {}): Erwartung => ({
  sonst: 403,
  anonym: 401,
  fremd: 'admin' in BERECHTIGUNGEN[p].rollen ? e : 403,
  ...mit(p, e),
  ...extra,
});
const OEFFENTLICH = (e: Ergebnis): Erwartung => ({ sonst: e });
const ANGEMELDET = (e: Ergebnis): Erwartung => ({ sonst: e, anonym: 401 });

/**
 * Objects addressed by a random id (no such object in the test): every signed-in actor gets 404, because these use
 * cases look the object up before they check the permission (the id of another Träger or Standort is never disclosed).
 */
const UNBEKANNT: Erwartung = { sonst: 404, anonym: 401 };

/** A valid Kooperationsplan (slice B2) whose steps lie after the test's today. */
const kooperationsplanBody = (heute: string) => ({
  eingliederungsziel: 'Arbeit im Lager',
  inhalt: {
    schritte: [{ was: 'Bewerben', wer: 'person', bis: `${Number(heute.slice(0, 4)) + 1}-06-30` }],
    eigenbemuehungen: { anzahlJeMonat: 2, nachweis: 'Liste' },
    sprachfoerderung: 'keine',
    rehaBedarf: false,
    eingliederungsleistungen: [],
    taetigkeitsbereiche: [],
  },
});

/** Fördern B1: one entry of Kreis Musterland's catalogue of Handlungsbedarfe (created on first use). */
let handlungsbedarf: Promise<string> | undefined;
const handlungsbedarfId = () =>
  (handlungsbedarf ??= t.ctx.db
    .withSystem((tx) => tx.execute<{ id: string }>(sql`insert into handlungsbedarf_katalog (traeger_id, code, schluesselgroesse, bezeichnung) select id, 'matrix_eintrag', 'motivation', 'Matrix-Eintrag' from traeger where slug = 'musterland' returning id`))
    .then((r) => r.rows[0]!.id));

/** Fördern A: the id of a demo account (e.g. the Fachkraft a Betreuung names). */
const userIdVon = async (mail: string) =>
  (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from users where email = ${mail}`))).rows[0]!.id;

/**
 * Fordern B: a Minderungsverfahren opened by hand (Kenntnis der Rechtsfolgen, Pflichtverletzung today) for a person of
 * its own Fallakte at Musterstadt (other rows change the Matrix person's Fallakte).
 */
let fordernPerson: Promise<string> | undefined;
const fordernPersonId = () =>
  (fordernPerson ??= (async () => {
    const kommune = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`))).rows[0]!.id;
    const fall = await als('leistung', 'POST', '/api/faelle', {
      antragsdatum: '2026-10-01',
      eingangskanal: 'papier',
      personen: [{ ref: 'a', vorname: 'Fiona', nachname: 'Fordern', geburtsdatum: '1990-02-02', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
      adresse: { strasse: 'Lindenweg', hausnummer: '6', plz: '12345', ort: 'Musterstadt', kommuneId: kommune },
      bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Fiona Fordern' },
      unterkunft: { grundmieteCent: 40000, nebenkostenCent: 9000, heizkostenCent: 7000 },
    });
    return Object.values(fall.personIds as Record<string, string>)[0]!;
  })());
const manuellesVerfahren = async (o: Objekte) => ({
  anlassArt: 'manuell',
  personId: await fordernPersonId(),
  tatbestand: '31_1_2',
  pflichtverletzungAm: o.heute,
  anlassText: 'Matrix: Vorstellungsgespräch nicht wahrgenommen',
  belehrungArt: 'kenntnis',
  belehrungAm: o.heute,
  belehrungText: 'Matrix: Rechtsfolgen bekannt',
});
let verfahren: Promise<string> | undefined;
const verfahrenId = (o: Objekte) => (verfahren ??= manuellesVerfahren(o).then((body) => als('integration', 'POST', '/api/fordern/verfahren', body)).then((r: { id: string }) => r.id));

/** Fördern E: one job start of the Matrix person (created on first use, through the API like a Fachkraft would). */
let integration: Promise<string> | undefined;
const integrationId = (o: Objekte) =>
  (integration ??= als('integration', 'POST', `/api/integration/personen/${o.personId}/integrationen`, { art: 'svb_vollzeit', beginn: '2026-11-16', arbeitgeber: 'Matrix GmbH', wochenstunden: 38 }).then(
    (r: { integration: { id: string } }) => r.integration.id,
  ));

const MATRIX: Record<string, Eintrag> = {
  'GET /api/health': { erwartet: OEFFENTLICH('ok') },
  'POST /api/auth/login': { erwartet: OEFFENTLICH(401), body: () => ({ email: `niemand-${randomUUID().slice(0, 8)}@musterland.example`, password: 'falsch-falsch' }) },
  'POST /api/auth/logout': { erwartet: OEFFENTLICH('ok'), zuletzt: 2 },
  'POST /api/auth/logout-all': { erwartet: ANGEMELDET('ok'), zuletzt: 1 },
  'POST /api/auth/register': { erwartet: OEFFENTLICH('erlaubt'), body: () => ({ name: 'Rita Registriert', email: `reg-${randomUUID().slice(0, 8)}@example.org`, password: 'ein-langes-passwort-2026' }) },
  'POST /api/auth/verify-email': { erwartet: OEFFENTLICH('erlaubt'), body: () => ({ token: 'unbekannt-unbekannt' }) },
  'POST /api/auth/password-reset/request': { erwartet: OEFFENTLICH('erlaubt'), body: () => ({ email: 'niemand@musterland.example' }) },
  'POST /api/auth/password-reset/confirm': { erwartet: OEFFENTLICH('erlaubt'), body: () => ({ token: 'unbekannt-unbekannt', password: 'ein-langes-passwort-2026' }) },
  'GET /api/me': { erwartet: ANGEMELDET('ok') },

  // ---------------------------------------------------------------- Verwaltung
  'GET /api/admin/kommunen': { erwartet: liste('organisation.verwalten') },
  'POST /api/admin/kommunen': { erwartet: liste('organisation.verwalten', 'erlaubt'), body: () => ({ name: `Matrixdorf ${randomUUID().slice(0, 6)}`, ags: null, postleitzahlen: ['12399'] }) },
  'GET /api/admin/kommunen/{id}': { erwartet: personal('organisation.verwalten', 'ok'), params: (o) => ({ id: o.kommuneId }) },
  'PATCH /api/admin/kommunen/{id}': { erwartet: personal('organisation.verwalten', 'erlaubt'), params: (o) => ({ id: o.kommuneId }), body: () => ({ name: 'Matrixhausen' }) },
  'POST /api/admin/kommunen/{id}/deactivate': { erwartet: personal('organisation.verwalten', 'erlaubt'), params: (o) => ({ id: o.kommuneId }) },
  'POST /api/admin/kommunen/{id}/activate': { erwartet: personal('organisation.verwalten', 'erlaubt'), params: (o) => ({ id: o.kommuneId }) },
  'GET /api/admin/standorte': { erwartet: liste('organisation.verwalten') },
  // the second Träger names a Kommune of Kreis Musterland: refused like an unknown Kommune (field error)
  'POST /api/admin/standorte': { erwartet: liste('organisation.verwalten', 'erlaubt', { fremd: 400 }), body: (o) => ({ kommuneId: o.kommuneId, name: `Matrix-Standort ${randomUUID().slice(0, 6)}`, strasse: 'Weg 2', plz: '12398', ort: 'Matrixstadt' }) },
  'GET /api/admin/standorte/{id}': { erwartet: personal('organisation.verwalten', 'ok'), params: (o) => ({ id: o.standortId }) },
  'PATCH /api/admin/standorte/{id}': { erwartet: personal('organisation.verwalten', 'erlaubt'), params: (o) => ({ id: o.standortId }), body: () => ({ name: 'Matrix-Standort neu' }) },
  'POST /api/admin/standorte/{id}/deactivate': { erwartet: personal('organisation.verwalten', 'erlaubt'), params: (o) => ({ id: o.standortId }) },
  'POST /api/admin/standorte/{id}/activate': { erwartet: personal('organisation.verwalten', 'erlaubt'), params: (o) => ({ id: o.standortId }) },
  'GET /api/admin/users': { erwartet: liste('benutzer.verwalten') },
  'POST /api/admin/users': { erwartet: liste('benutzer.verwalten', 'erlaubt'), body: () => ({ name: 'Neu Konto', email: `neu-${randomUUID().slice(0, 8)}@musterland.example`, roles: ['leistung'], standortIds: [] }) },
  'GET /api/admin/users/{id}': { erwartet: personal('benutzer.verwalten', 'ok'), params: (o) => ({ id: o.userId }) },
  'PATCH /api/admin/users/{id}': { erwartet: personal('benutzer.verwalten', 'erlaubt'), params: (o) => ({ id: o.userId }), body: () => ({ name: 'Opfer Geändert' }) },
  'POST /api/admin/users/{id}/deactivate': { erwartet: personal('benutzer.verwalten', 'erlaubt'), params: (o) => ({ id: o.userId }) },
  'POST /api/admin/users/{id}/activate': { erwartet: personal('benutzer.verwalten', 'erlaubt'), params: (o) => ({ id: o.userId }) },
  'POST /api/admin/users/{id}/password-link': { erwartet: personal('benutzer.verwalten', 'erlaubt'), params: (o) => ({ id: o.userId }) },
  'GET /api/admin/audit': { erwartet: liste('protokoll.durchsuchen') },
  'GET /api/admin/kdu-richtwerte': { erwartet: liste('kdu.verwalten') },
  'POST /api/admin/kdu-richtwerte': { erwartet: liste('kdu.verwalten', 'erlaubt', { fremd: 'erlaubt' }), body: (o) => ({ kommuneId: o.kommuneId }) },
  'PUT /api/admin/kdu-richtwerte/{id}': { erwartet: personal('kdu.verwalten', 404) },
  'POST /api/admin/kdu-richtwerte/{id}/neuer-wert': { erwartet: personal('kdu.verwalten', 404) },
  'POST /api/admin/kdu-richtwerte/{id}/beenden': { erwartet: personal('kdu.verwalten', 404) },
  'GET /api/admin/traeger-einstellungen': { erwartet: liste('einstellungen.verwalten') },
  'PUT /api/admin/traeger-einstellungen': { erwartet: liste('einstellungen.verwalten', 'erlaubt') },
  'GET /api/admin/termin-regeln': { erwartet: liste('einstellungen.verwalten') },
  'PUT /api/admin/termin-regeln': { erwartet: liste('einstellungen.verwalten', 'erlaubt') },

  // ---------------------------------------------------------------- Berechnung, Fallakte, Anträge
  'POST /api/berechnung': { erwartet: liste('berechnung.ausfuehren', 'erlaubt') },
  'GET /api/faelle': { erwartet: liste('fall.lesen'), query: () => ({ name: 'Matrix' }) },
  'POST /api/faelle': { erwartet: liste('fall.bearbeiten', 'erlaubt') },
  'GET /api/faelle/{id}': { erwartet: personal('fall.lesen', 'ok'), params: (o) => ({ id: o.bgId }) },
  ...Object.fromEntries(
    ['adresse', 'unterkunft', 'einkommen', 'personen', 'austritt', 'vermoegen', 'vermerke', 'antraege', 'wiedervorlagen', 'dokumente'].map((a) => [
      `POST /api/faelle/{id}/${a}`,
      { erwartet: personal('fall.bearbeiten', 'erlaubt'), params: (o: Objekte) => ({ id: o.bgId }), body: async (o: Objekte) => ({ version: await o.bgVersion() }) },
    ]),
  ),
  'POST /api/faelle/{id}/bankverbindung': { erwartet: personal('fall.bankdaten', 'erlaubt'), params: (o) => ({ id: o.bgId }), body: async (o) => ({ version: await o.bgVersion(), bank: { iban: 'DE89370400440532013000', kontoinhaber: 'Mara Matrix' } }) },
  'POST /api/faelle/{id}/person': {
    erwartet: personal('fall.bearbeiten', 'erlaubt'),
    params: (o) => ({ id: o.bgId }),
    body: async (o) => ({ version: await o.bgVersion(), stammdaten: { vorname: 'Mara', nachname: 'Matrix', geburtsdatum: '1985-03-10', staatsangehoerigkeit: 'DE' } }),
  },
  'POST /api/faelle/{id}/schliessung': { erwartet: personal('fall.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.bgId }), body: async (o) => ({ version: (await o.bgVersion()) + 1000 }) },
  'GET /api/faelle/{id}/dokumente/{dokumentId}': { erwartet: personal('fall.lesen', 404), params: (o) => ({ id: o.bgId, dokumentId: randomUUID() }) },
  'GET /api/antraege': { erwartet: liste('fall.lesen') },
  'POST /api/antraege/{id}/zuweisung': { erwartet: personal('fall.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.antragId }) },
  'POST /api/antraege/{id}/zuordnung': { erwartet: personal('fall.bearbeiten', 'erlaubt', { fremd: 403 }), params: (o) => ({ id: o.antragId }), body: (o) => ({ bgId: o.bgId }) },
  'GET /api/antraege/{id}/antrag.pdf': { erwartet: personal('fall.lesen', 'erlaubt'), params: (o) => ({ id: o.antragId }) },
  'POST /api/antraege/{id}/uebernahme': { erwartet: personal('fall.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.antragId }) },
  'POST /api/antraege/{id}/status': { erwartet: personal('fall.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.antragId }) },
  'GET /api/wiedervorlagen': { erwartet: liste('fall.lesen') },
  'POST /api/wiedervorlagen/{id}/erledigt': { erwartet: personal('fall.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.wiedervorlageId }) },
  'GET /api/faelle/{id}/mitteilungen/{antragId}': { erwartet: personal('fall.lesen', 'erlaubt'), params: (o) => ({ id: o.bgId, antragId: o.antragId }) },
  'POST /api/faelle/{id}/mitteilungen/{antragId}': { erwartet: personal('fall.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.bgId, antragId: o.antragId }) },

  // ---------------------------------------------------------------- Bewilligung, Bescheid, Zahlung
  'GET /api/faelle/{id}/bewilligungen': { erwartet: personal('bewilligung.lesen', 'ok'), params: (o) => ({ id: o.bgId }) },
  'POST /api/faelle/{id}/bewilligungen': { erwartet: personal('bewilligung.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.bgId }), body: () => ({ antragId: undefined }) },
  'POST /api/bewilligungen/{id}/freigeben': { erwartet: personal('bewilligung.bearbeiten', 'erlaubt', { teamleitung: 'erlaubt' }), params: (o) => ({ id: o.bewilligungId }), body: () => ({ version: 999 }) },
  'POST /api/bewilligungen/{id}/aenderung': { erwartet: personal('bewilligung.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.bewilligungId }) },
  'POST /api/bewilligungen/{id}/aufhebung': { erwartet: personal('bewilligung.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.bewilligungId }) },
  'GET /api/freigaben': { erwartet: liste('bewilligung.freigeben') },
  'POST /api/faelle/{id}/bescheide': { erwartet: personal('bewilligung.bearbeiten', 'erlaubt'), params: (o) => ({ id: o.bgId }), body: (o) => ({ bewilligungId: o.bewilligungId }) },
  'GET /api/bescheide/{id}': { erwartet: UNBEKANNT },
  'GET /api/bescheide/{id}.pdf': { erwartet: UNBEKANNT },
  'GET /api/zahllaeufe': { erwartet: liste('zahllauf.uebersicht') },
  'POST /api/zahllaeufe': { erwartet: liste('zahllauf.ausfuehren', 'erlaubt') },
  'GET /api/zahllaeufe/{id}/pain001': { erwartet: personal('zahllauf.ausfuehren', 404, { fremd: 403 }) },
  'GET /api/zahllaeufe/{id}/zahlungen': { erwartet: personal('zahllauf.ausfuehren', 404, { fremd: 403 }) },
  'GET /api/zahllaeufe/{id}/zahlungen.csv': { erwartet: personal('zahllauf.ausfuehren', 404, { fremd: 403 }) },
  'GET /api/kosten': { erwartet: liste('kosten.lesen'), query: () => ({ monat: '2026-11' }) },
  'GET /api/erstattungsforderungen': { erwartet: liste('bewilligung.bearbeiten') },
  'GET /api/erstattungsforderungen/{id}': { erwartet: UNBEKANNT },
  'POST /api/erstattungsforderungen/{id}/zahlungen': { erwartet: UNBEKANNT },
  'POST /api/erstattungsforderungen/{id}/stundung': { erwartet: UNBEKANNT },
  'POST /api/erstattungsforderungen/{id}/erlass': { erwartet: UNBEKANNT },
  'POST /api/erstattungsforderungen/{id}/aufrechnung': { erwartet: UNBEKANNT },
  'POST /api/erstattungsforderungen/{id}/aufrechnungen/{aufrechnungId}/status': { erwartet: UNBEKANNT },
  'GET /api/massenaenderungen': { erwartet: liste('massenaenderung.ausfuehren') },
  'POST /api/massenaenderungen': { erwartet: liste('massenaenderung.ausfuehren', 'erlaubt') },
  'GET /api/massenaenderungen/{id}': { erwartet: personal('massenaenderung.ausfuehren', 404, { fremd: 403 }) },
  'GET /api/massenaenderungen/{id}/faelle': { erwartet: personal('massenaenderung.ausfuehren', 404, { fremd: 403 }) },
  'GET /api/massenaenderungen/{id}/faelle.csv': { erwartet: personal('massenaenderung.ausfuehren', 404, { fremd: 403 }) },
  'POST /api/massenaenderungen/{id}/{aktion}': { erwartet: personal('massenaenderung.ausfuehren', 404, { fremd: 403 }), params: () => ({ id: randomUUID(), aktion: 'abbrechen' }) },

  // ---------------------------------------------------------------- Termine (public and citizens)
  'GET /api/termine/anliegen': { erwartet: OEFFENTLICH('ok') },
  // signed-in staff and citizens see their own Träger: the second Träger has no such Anliegen
  'GET /api/termine/freie-zeiten': { erwartet: { sonst: 'ok', fremd: 404 }, query: (o) => ({ anliegen: o.anliegen }) },
  'POST /api/termine': { erwartet: { sonst: 403, anonym: 401, buerger: 'erlaubt', buerger2: 'erlaubt' }, body: (o) => ({ anliegenId: o.anliegen, kanal: 'vor_ort', beginn: o.freieZeit }) },
  'POST /api/termine/anfrage': { erwartet: OEFFENTLICH('erlaubt'), body: (o) => ({ anliegenId: o.anliegen, kanal: 'vor_ort', beginn: o.freieZeit, email: 'anfrage@example.org', name: 'Anna Anfrage' }) },
  'POST /api/termine/bestaetigung': { erwartet: OEFFENTLICH(404), body: () => ({ token: 'unbekannt-unbekannt' }) },
  'GET /api/termine/meine': { erwartet: { sonst: 403, anonym: 401, buerger: 'ok', buerger2: 'ok' } },
  // the leak of issue 11: only the citizen who booked it and staff of its Standort with termine.bearbeiten
  'GET /api/termine/{id}': { erwartet: { sonst: 404, anonym: 401, buerger: 'ok', ...mit('termine.bearbeiten', 'ok') }, params: (o) => ({ id: o.terminId }) },
  'POST /api/termine/{id}/verschieben': { erwartet: { sonst: 404, anonym: 401, buerger: 'erlaubt', ...mit('termine.bearbeiten', 'erlaubt') }, params: (o) => ({ id: o.terminId }), body: (o) => ({ beginn: o.freieZeit }) },
  'POST /api/termine/{id}/absagen': { erwartet: { sonst: 404, anonym: 401, buerger: 'erlaubt', ...mit('termine.bearbeiten', 'erlaubt') }, params: (o) => ({ id: o.terminId }) },
  'POST /api/termine/warteliste': { erwartet: OEFFENTLICH('erlaubt'), body: (o) => ({ anliegen: o.anliegen, kanaele: ['vor_ort'], email: 'warte@example.org', name: 'Wanda Warte' }) },
  'GET /api/termine/angebot/{token}': { erwartet: OEFFENTLICH(404), params: () => ({ token: 'unbekannt-unbekannt' }) },
  'POST /api/termine/angebot/{token}/annehmen': { erwartet: OEFFENTLICH(404), params: () => ({ token: 'unbekannt-unbekannt' }) },
  'GET /api/termine/verwalten/{token}': { erwartet: OEFFENTLICH(404), params: () => ({ token: 'unbekannt-unbekannt' }) },
  'POST /api/termine/verwalten/{token}/verschieben': { erwartet: OEFFENTLICH(404), params: () => ({ token: 'unbekannt-unbekannt' }), body: (o) => ({ beginn: o.freieZeit }) },
  'POST /api/termine/verwalten/{token}/absagen': { erwartet: OEFFENTLICH(404), params: () => ({ token: 'unbekannt-unbekannt' }) },
  'GET /api/termine/warteliste/meine': { erwartet: { sonst: 403, anonym: 401, buerger: 'ok', buerger2: 'ok' } },
  'POST /api/termine/warteliste/{id}/zurueckziehen': { erwartet: { sonst: 403, anonym: 401, buerger: 404, buerger2: 404 } },
  'GET /api/termine/warteliste/link/{token}': { erwartet: OEFFENTLICH(404), params: () => ({ token: 'unbekannt-unbekannt' }) },
  'POST /api/termine/warteliste/link/{token}/zurueckziehen': { erwartet: OEFFENTLICH(404), params: () => ({ token: 'unbekannt-unbekannt' }) },

  // ---------------------------------------------------------------- Termine (staff)
  'GET /api/termine/personal/ressourcen': { erwartet: liste('termine.planen', 'ok', { ...mit('termine.bearbeiten', 'ok') }) },
  // integration's own desk: own calendar (termine.eigenerKalender) – other staff of the Standort may see it, not change it
  'POST /api/termine/personal/ressourcen/{id}/sprechzeiten': {
    erwartet: { ...personal('termine.planen', 'erlaubt'), integration: 'erlaubt', leistung: 403 },
    params: (o) => ({ id: o.ressourceId }),
    body: () => ({ wochentag: 6, von: '09:00', bis: '10:00' }),
  },
  'DELETE /api/termine/personal/ressourcen/{id}/sprechzeiten/{sid}': { erwartet: { ...personal('termine.planen', 404), integration: 404, leistung: 403 }, params: (o) => ({ id: o.ressourceId, sid: randomUUID() }) },
  'POST /api/termine/personal/ressourcen/{id}/ausnahmen': {
    erwartet: { ...personal('termine.planen', 'erlaubt'), integration: 'erlaubt', leistung: 403 },
    params: (o) => ({ id: o.ressourceId }),
    body: () => ({ art: 'geschlossen', datum: '2027-01-15' }),
  },
  'POST /api/termine/personal/ressourcen/{id}/abwesenheiten': {
    erwartet: { ...personal('termine.planen', 'erlaubt'), integration: 'erlaubt', leistung: 403 },
    params: (o) => ({ id: o.ressourceId }),
    body: () => ({ von: '2027-01-20T08:00:00+01:00', bis: '2027-01-20T12:00:00+01:00' }),
  },
  'GET /api/termine/personal/kalender': { erwartet: liste('termine.bearbeiten'), query: (o) => ({ datum: o.heute }) },
  'POST /api/termine/personal/einladungen': {
    erwartet: liste('termine.bearbeiten', 'erlaubt'),
    body: (o) => ({ anliegenId: o.anliegen, kanal: 'vor_ort', beginn: o.freieZeit, email: 'eingeladen@example.org', name: 'Egon Eingeladen', zweck: 'vermittlung', bgId: o.bgId }),
  },
  'GET /api/termine/personal/einladungen/{id}': { erwartet: personal('termine.bearbeiten', 'ok', { fremd: 403 }), params: (o) => ({ id: o.einladungId }) },
  'POST /api/termine/personal/einladungen/{id}/ergebnis': { erwartet: personal('termine.bearbeiten', 'erlaubt', { fremd: 403 }), params: (o) => ({ id: o.einladungId }) },
  'POST /api/termine/personal/checkin': { erwartet: liste('termine.bearbeiten', 'erlaubt'), body: () => ({ token: 'kein-gueltiges-token' }) },

  // ---------------------------------------------------------------- Bürgerportal
  'GET /api/portal/entwuerfe/{id}': { erwartet: { sonst: 403, anonym: 401, buerger: 404, buerger2: 404 } },

  // ---------------------------------------------------------------- Fördern A: Betreuung, Status, Gesprächsvermerke (issue 13)
  // MARKER foerdern-A
  'GET /api/integration/caseload': { erwartet: liste('arbeitsplatz.integration') },
  'GET /api/integration/umverteilung': { erwartet: liste('betreuung.zuweisen') },
  // the Matrix user "opfer" works in the Leistung: not a Fachkraft of the Standort → 400 at fachkraftId (the check passed)
  'POST /api/integration/umverteilung': { erwartet: liste('betreuung.zuweisen', 'erlaubt'), body: (o) => ({ personIds: [o.personId], fachkraftId: o.userId, ab: '2027-01-01' }) },
  'GET /api/integration/personen/{personId}': { erwartet: personal('integration.lesen', 'ok'), params: (o) => ({ personId: o.personId }) },
  // Ivo Integration takes the person over (the Teamleitung may assign him too; the second call changes nothing)
  'POST /api/integration/personen/{personId}/betreuung': {
    erwartet: personal('integration.bearbeiten', 'erlaubt'),
    params: (o) => ({ personId: o.personId }),
    body: async () => ({ fachkraftId: await userIdVon('integration@musterland.example'), ab: '2026-12-01' }),
  },
  // the first holder records it, the second gets 400 status_ueberschneidung (the check passed)
  'POST /api/integration/personen/{personId}/status': { erwartet: personal('integration.bearbeiten', 'erlaubt'), params: (o) => ({ personId: o.personId }), body: () => ({ gueltigVon: '2026-11-01', status: 'arbeitslos', grund: null }) },
  'POST /api/integration/personen/{personId}/status/arbeitslos-wiederherstellen': { erwartet: personal('integration.bearbeiten', 'erlaubt'), params: (o) => ({ personId: o.personId }), body: () => ({ ab: '2026-10-01' }) },
  // an unknown status period: 404 for every signed-in actor (looked up before the permission, like a Fallakte)
  'POST /api/integration/status/{id}/beenden': { erwartet: UNBEKANNT, body: () => ({ gueltigBis: '2026-12-31' }) },
  'PUT /api/integration/status/{id}': { erwartet: UNBEKANNT, body: () => ({ gueltigVon: '2026-01-01', status: 'arbeitslos', grund: null }) },
  'POST /api/integration/personen/{personId}/gespraechsvermerke': { erwartet: personal('integration.bearbeiten', 'ok'), params: (o) => ({ personId: o.personId }), body: (o) => ({ datum: o.heute, art: 'telefonisch', text: 'Matrix-Gespräch' }) },
  // ---------------------------------------------------------------- Fördern B1: Potenzialanalyse, Katalog (issue 13)
  // MARKER foerdern-B1
  'GET /api/integration/personen/{personId}/potenzialanalyse': { erwartet: personal('integration.lesen', 'ok'), params: (o) => ({ personId: o.personId }) },
  // an empty Fassung is valid (every part has a default); health content would need potenzialanalyse.gesundheit
  'POST /api/integration/personen/{personId}/potenzialanalyse': { erwartet: personal('integration.bearbeiten', 'ok'), params: (o) => ({ personId: o.personId }), body: () => ({ inhalt: {} }) },
  // the catalogue is Träger data: read by the integration side and by those who keep it (also the second Träger's admin: its own)
  'GET /api/integration/handlungsbedarfe': { erwartet: { ...liste('integration.lesen'), ...mit('massnahmen.verwalten', 'ok'), fremd: 'ok' } },
  'POST /api/integration/handlungsbedarfe': { erwartet: liste('massnahmen.verwalten', 'erlaubt'), body: () => ({ code: `matrix_${randomUUID().slice(0, 8)}`, schluesselgroesse: 'motivation', bezeichnung: 'Matrix-Bedarf' }) },
  'POST /api/integration/handlungsbedarfe/standard': { erwartet: liste('massnahmen.verwalten', 'ok') },
  'PATCH /api/integration/handlungsbedarfe/{id}': { erwartet: personal('massnahmen.verwalten', 'erlaubt'), params: async () => ({ id: await handlungsbedarfId() }) },
  'POST /api/integration/handlungsbedarfe/{id}/deactivate': { erwartet: personal('massnahmen.verwalten', 'erlaubt'), params: async () => ({ id: await handlungsbedarfId() }) },
  'POST /api/integration/handlungsbedarfe/{id}/activate': { erwartet: personal('massnahmen.verwalten', 'erlaubt'), params: async () => ({ id: await handlungsbedarfId() }) },
  // ---------------------------------------------------------------- Fördern B2: Kooperationsplan, Schlichtung, Portal (issue 13)
  // MARKER foerdern-B2
  'GET /api/integration/personen/{personId}/kooperationsplan': { erwartet: personal('integration.lesen', 'ok'), params: (o) => ({ personId: o.personId }) },
  'POST /api/integration/personen/{personId}/kooperationsplan': { erwartet: personal('integration.bearbeiten', 'erlaubt'), params: (o) => ({ personId: o.personId }), body: (o) => kooperationsplanBody(o.heute) },
  'PUT /api/integration/kooperationsplaene/{id}': { erwartet: UNBEKANNT, body: (o) => ({ ...kooperationsplanBody(o.heute), version: 1 }) },
  'POST /api/integration/kooperationsplaene/{id}/abstimmen': { erwartet: UNBEKANNT, body: () => ({ version: 1 }) },
  'POST /api/integration/kooperationsplaene/{id}/fortschreiben': { erwartet: UNBEKANNT, body: () => ({ version: 1 }) },
  'POST /api/integration/kooperationsplaene/{id}/nicht-zustande-gekommen': { erwartet: UNBEKANNT, body: () => ({ version: 1 }) },
  'POST /api/integration/kooperationsplaene/{id}/schlichtung': { erwartet: UNBEKANNT, body: () => ({ beantragtVon: 'person' }) },
  'POST /api/integration/schlichtungen/{id}/ende': { erwartet: UNBEKANNT, body: () => ({ version: 1, ergebnis: 'einigung' }) },
  'POST /api/integration/kooperationsplaene/{id}/verwaltungsakt': { erwartet: UNBEKANNT, body: () => ({ version: 1 }) },
  'GET /api/integration/kooperationsplaene/{id}/pdf': { erwartet: UNBEKANNT },
  'GET /api/integration/eigenbemuehungen/{id}/datei': { erwartet: UNBEKANNT },
  'GET /api/portal/kooperationsplan': { erwartet: { sonst: 403, anonym: 401, buerger: 'ok', buerger2: 'ok' } },
  'POST /api/portal/kooperationsplaene/{id}/reaktion': { erwartet: { sonst: 403, anonym: 401, buerger: 404, buerger2: 404 }, body: () => ({ reaktion: 'bestaetigt' }) },
  // ---------------------------------------------------------------- Fördern C: Maßnahmen, Teilnahmen (issue 13)
  // MARKER foerdern-C
  ...foerdernC(),
  // ---------------------------------------------------------------- Fördern D: Budget, Förderleistungen (issue 13)
  // MARKER foerdern-D
  'GET /api/integration/budget': { erwartet: liste('budget.lesen') },
  'PUT /api/integration/budget/soll': { erwartet: liste('budget.verwalten', 'erlaubt'), body: () => ({ haushaltsjahr: 2031, titel: 'egt_bund', sollCent: 100_000, bemerkung: null }) },
  'GET /api/integration/budget/offene-bindungen': { erwartet: liste('budget.verwalten') },
  // an unknown Teilnahme: whoever may book gets 404
  'POST /api/integration/budget/rechnungen': { erwartet: liste('budget.verwalten', 404), body: () => ({ teilnahmeId: randomUUID(), betragCent: 100, datum: '2027-01-15', beleg: 'R-1', schlussrechnung: false }) },
  'GET /api/integration/personen/{personId}/foerderleistungen': { erwartet: personal('integration.lesen', 'ok'), params: (o) => ({ personId: o.personId }) },
  // no Soll for the year in the test: the free budget is 0 → 409 budget_ueberschritten (the check passed)
  'POST /api/integration/personen/{personId}/foerderleistungen': {
    erwartet: personal('integration.bearbeiten', 'erlaubt'),
    params: (o) => ({ personId: o.personId }),
    body: (o) => ({ art: 'vermittlungsbudget_44', einmalig: true, betragCent: 5_000, gueltigVon: o.heute, gueltigBis: null, ueberschreitungBestaetigt: false }),
  },
  'POST /api/integration/personen/{personId}/foerderleistungen/{id}/beenden': {
    erwartet: personal('integration.bearbeiten', 404),
    params: (o) => ({ personId: o.personId, id: randomUUID() }),
    body: (o) => ({ beendetAm: o.heute, version: 0 }),
  },
  // ---------------------------------------------------------------- Fördern E: Integrationen (issue 13)
  // MARKER foerdern-E
  'GET /api/integration/personen/{personId}/integrationen': { erwartet: personal('integration.lesen', 'ok'), params: (o) => ({ personId: o.personId }) },
  // the first holder records it, the second sends the same job start again: 409 (already recorded)
  'POST /api/integration/personen/{personId}/integrationen': {
    erwartet: personal('integration.bearbeiten', 'erlaubt'),
    params: (o) => ({ personId: o.personId }),
    body: () => ({ art: 'svb_teilzeit', beginn: '2026-11-16', arbeitgeber: 'Matrix-Spedition', wochenstunden: 20, erwartetesBruttoCent: 150_000, erwartetesNettoCent: 115_000 }),
  },
  // the first holder records it, the second gets 409 (already recorded / stale version): both passed the check
  'POST /api/integration/integrationen/{id}/nachhaltigkeit': { erwartet: personal('integration.bearbeiten', 'erlaubt'), params: async (o) => ({ id: await integrationId(o) }), body: () => ({ ergebnis: 'noch_beschaeftigt', version: 1 }) },
  'POST /api/integration/integrationen/{id}/ende': { erwartet: personal('integration.bearbeiten', 'erlaubt'), params: async (o) => ({ id: await integrationId(o) }), body: () => ({ ende: '2026-12-31', version: 1 }) },
  // ---------------------------------------------------------------- Fordern (issue 14): one marker per slice
  // MARKER fordern-B
  'GET /api/fordern/anlaesse': { erwartet: liste('fordern.lesen') },
  'GET /api/fordern/verfahren': { erwartet: liste('fordern.lesen') },
  // by hand for the Matrix person (a Meldeversäumnis needs a past appointment): every holder opens one
  'POST /api/fordern/verfahren': { erwartet: liste('fordern.bearbeiten', 'ok'), body: (o) => manuellesVerfahren(o) },
  'GET /api/fordern/verfahren/{id}': { erwartet: personal('fordern.lesen', 'ok', { fremd: 403 }), params: async (o) => ({ id: await verfahrenId(o) }) },
  // the first holder stellt ein, the others get 409 (stale version / state): all passed the check
  'POST /api/fordern/verfahren/{id}/einstellen': { erwartet: personal('fordern.bearbeiten', 'erlaubt', { fremd: 403 }), params: async (o) => ({ id: await verfahrenId(o) }), body: () => ({ grund: 'Matrix', version: 2 }) },
  // Zugang of the Matrix invitation (its appointment lies ahead: recorded today); later holders: 409 stale version
  'POST /api/termine/einladungen/{id}/zugang': { erwartet: personal('termine.bearbeiten', 'erlaubt', { fremd: 403 }), params: (o) => ({ id: o.einladungId }), body: (o) => ({ art: 'post', am: o.heute, version: 1 }) },
  // MARKER fordern-C
  'GET /api/fordern/verfahren/{id}/anhoerung': { erwartet: personal('fordern.lesen', 'ok', { fremd: 403 }), params: async (o) => ({ id: await verfahrenId(o) }) },
  // the first holder sends (or gets 409 when B's row stopped the procedure first), later holders 409 stale version / state
  'POST /api/fordern/verfahren/{id}/anhoerung': { erwartet: personal('fordern.bearbeiten', 'erlaubt', { fremd: 403 }), params: async (o) => ({ id: await verfahrenId(o) }), body: () => ({ version: 1, art: 'schriftlich' }) },
  'POST /api/fordern/verfahren/{id}/antwort': { erwartet: personal('fordern.bearbeiten', 'erlaubt', { fremd: 403 }), params: async (o) => ({ id: await verfahrenId(o) }), body: (o) => ({ version: 1, kanal: 'post', am: o.heute, text: 'Matrix' }) },
  // unknown procedure / file: holders 404 (the permission is checked first)
  'GET /api/fordern/verfahren/{id}/anhoerung.pdf': { erwartet: personal('fordern.lesen', 404, { fremd: 403 }) },
  'GET /api/fordern/verfahren/{id}/antwort-dateien/{dateiId}': { erwartet: personal('fordern.lesen', 404, { fremd: 403 }) },
  'GET /api/portal/anhoerungen': { erwartet: { sonst: 403, anonym: 401, buerger: 'ok', buerger2: 'ok' } },
  'GET /api/portal/anhoerungen/{id}': { erwartet: { sonst: 403, anonym: 401, buerger: 404, buerger2: 404 } },
  'POST /api/portal/anhoerungen/{id}/antwort': { erwartet: { sonst: 403, anonym: 401, buerger: 404, buerger2: 404 }, body: () => ({ text: 'Matrix' }) },
  // MARKER fordern-D
  'GET /api/fordern/verfahren/{id}/entscheidung': { erwartet: personal('fordern.lesen', 'ok', { fremd: 403 }), params: async (o) => ({ id: await verfahrenId(o) }) },
  // unknown procedure: holders 404 (the permission is checked first; the Träger's decider setting only for a found one)
  'POST /api/fordern/verfahren/{id}/entscheidung': { erwartet: personal('fordern.entscheiden', 404, { fremd: 403 }), body: () => ({ version: 1, wichtigerGrund: 'nein', wichtigerGrundWuerdigung: 'Matrix', haerte: 'nein' }) },
  'POST /api/fordern/verfahren/{id}/freigabe': { erwartet: personal('fordern.freigeben', 404, { fremd: 403 }), body: () => ({ version: 1 }) },
  'POST /api/fordern/verfahren/{id}/vorzeitiges-ende': { erwartet: personal('fordern.bearbeiten', 404, { fremd: 403 }), body: (o) => ({ version: 1, erfuelltAm: o.heute, grund: 'Matrix' }) },
  'POST /api/fordern/verfahren/{id}/aufhebung': { erwartet: personal('fordern.entscheiden', 404, { fremd: 403 }), body: () => ({ version: 1, anlass: 'widerspruch', grund: 'Matrix' }) },
  'GET /api/fordern/verfahren/{id}/bescheid.pdf': { erwartet: personal('fordern.lesen', 404, { fremd: 403 }) },
  'PUT /api/admin/fordern-einstellungen': { erwartet: liste('einstellungen.verwalten', 'erlaubt'), body: () => ({ minderungEntscheider: 'integration', minderungVierAugen: 'wegfall', version: 0 }) },
  // MARKER fordern-M2
  // KdU-Empfänger (§ 22 Abs. 7, § 7b Abs. 4): 'fall.bankdaten' is the use case's Zugang, so the second Träger's admin gets 403
  'GET /api/faelle/{id}/kdu-empfaenger': { erwartet: personal('fall.bankdaten', 'ok', { fremd: 403 }), params: (o) => ({ id: o.bgId }) },
  'POST /api/faelle/{id}/kdu-empfaenger': {
    erwartet: personal('fall.bankdaten', 'erlaubt', { fremd: 403 }),
    params: (o) => ({ id: o.bgId }),
    body: () => ({ name: 'Wohnbau Matrix GmbH', iban: 'DE89370400440532013000', vonMonat: '2035-01', bisMonat: '2035-02', grund: 'Matrix' }),
  },
  'POST /api/faelle/{id}/kdu-empfaenger/{empfaengerId}/ende': {
    erwartet: personal('fall.bankdaten', 404, { fremd: 403 }),
    params: (o) => ({ id: o.bgId, empfaengerId: randomUUID() }),
    body: () => ({ version: 1, bisMonat: '2035-01' }),
  },
  // ---------------------------------------------------------------- Statistik und Steuerung (issue 15)
  // MARKER statistik-bericht
  // a month of next year: the permission and region checks pass (teamleitung: the Träger level is refused 403), then 400 "Zukunft"
  'GET /api/statistik/monatsbericht': { erwartet: liste('statistik.lesen', 'erlaubt', { teamleitung: 403 }), query: (o) => ({ monat: `${Number(o.heute.slice(0, 4)) + 1}-01` }) },
  // exports and Pressetext: the same checks as the Monatsbericht (a month of next year → 400 after the checks)
  'GET /api/statistik/monatsbericht/export': { erwartet: liste('statistik.lesen', 'erlaubt', { teamleitung: 403 }), query: (o) => ({ monat: `${Number(o.heute.slice(0, 4)) + 1}-01`, format: 'csv' }) },
  'GET /api/statistik/pressetext': { erwartet: liste('statistik.lesen', 'erlaubt', { teamleitung: 403 }), query: (o) => ({ monat: `${Number(o.heute.slice(0, 4)) + 1}-01` }) },
  'POST /api/statistik/pressetext': { erwartet: liste('statistik.lesen', 'erlaubt', { teamleitung: 403 }), body: (o) => ({ monat: `${Number(o.heute.slice(0, 4)) + 1}-01`, ebene: 'traeger', text: 'Matrix' }) },
  // MARKER statistik-kennzahlen
  // a month of next year: the permission and region checks pass (teamleitung: the Träger level is refused), then 400 "Zukunft"
  'GET /api/statistik/kennzahlen': { erwartet: liste('statistik.lesen', 'erlaubt', { teamleitung: 403 }), query: (o) => ({ monat: `${Number(o.heute.slice(0, 4)) + 1}-01` }) },
  // MARKER statistik-vergleich
  // the published Kennzahlen of the comparison: read with statistik.lesen (the second Träger sees its own, empty list)
  'GET /api/statistik/vergleich': { erwartet: liste('statistik.lesen') },
  'GET /api/statistik/vergleich/jobcenter': { erwartet: liste('statistik.lesen') },
  'GET /api/statistik/vergleich/importe': { erwartet: liste('statistik.verwalten') },
  // multipart upload without a file: the permission check passes, then 400 (no file)
  'POST /api/statistik/vergleich/importe': { erwartet: liste('statistik.verwalten', 400) },
  'GET /api/statistik/vergleich/spaltenzuordnung': { erwartet: liste('statistik.verwalten') },
  'PUT /api/statistik/vergleich/spaltenzuordnung': { erwartet: liste('statistik.verwalten'), body: () => ({ standard: true }) },
  // MARKER statistik-verwaltung
  'GET /api/statistik/snapshots': { erwartet: liste('statistik.lesen') },
  // a month in the future: holders 400 statistik_monat_zukunft (nothing is built)
  'POST /api/statistik/snapshots/{monat}': { erwartet: liste('statistik.verwalten', 400), params: () => ({ monat: '2099-01' }) },
  'GET /api/statistik/einstellungen': { erwartet: liste('statistik.lesen') },
  // the first holder saves (version 0), the next get 409 (stale version): all passed the check
  'PUT /api/statistik/einstellungen': { erwartet: liste('statistik.verwalten', 'erlaubt'), body: () => ({ stichtagTag: null, land: null, kleinzahlGrenze: 3, version: 0 }) },
  'GET /api/statistik/bezugsgroessen': { erwartet: liste('statistik.lesen') },
  // the first holder enters it, the next get 409 bezugsgroesse_besteht
  'POST /api/statistik/bezugsgroessen': { erwartet: liste('statistik.verwalten', 'erlaubt'), body: (o) => ({ art: 'zivile_erwerbspersonen', kommuneId: null, gueltigAbMonat: `${Number(o.heute.slice(0, 4)) + 1}-05`, wert: 229_000, quelle: 'Matrix' }) },
  // ---------------------------------------------------------------- pages: HTML, checked by their own tests (and /termine/{id} below)
  // here: the staff work area /arbeitsplatz (citizens 403, anonymous → redirect to sign-in); a form without CSRF token 403
  'GET /{*}': { erwartet: { sonst: 'ok', anonym: 'erlaubt', buerger: 403, buerger2: 403 } },
  'POST /{*}': { erwartet: OEFFENTLICH(403) },
};

// ------------------------------------------------------------------ minimal valid values from the JSON schema
type Schema = { additionalProperties?: unknown; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; items?: Schema; minItems?: number; minimum?: number; minLength?: number; maxLength?: number; pattern?: string; format?: string; const?: unknown; default?: unknown };

/** Real ids of the test's objects for fields of these names (a random id would only test "not found"). */
let bekannteIds: Record<string, string> = {};

function beispiel(s: Schema | undefined, name = ''): unknown {
  if (!s) return undefined;
  if (bekannteIds[name]) return bekannteIds[name];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const varianten = s.anyOf ?? s.oneOf;
  if (varianten) return beispiel(varianten.find((v) => v.type !== 'null') ?? varianten[0], name);
  const typ = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (typ) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s.required ?? []) o[k] = beispiel(s.properties?.[k], k);
      return o;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => beispiel(s.items, name));
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string': {
      const p = s.pattern ?? '';
      if (s.format === 'uuid' || /id$/i.test(name) || p.includes('[0-9a-fA-F]{8}')) return randomUUID();
      if (/iban/i.test(name)) return 'DE89370400440532013000';
      if (p.includes('\\d{5}') || p.includes('[0-9]{5}')) return '12345';
      if (p.includes('[A-Z]{2}')) return 'DE';
      if (s.maxLength === 7 || /monat/i.test(name)) return '2026-12';
      if (s.maxLength === 10 && /von|bis|^ab$|datum/i.test(name)) return '2026-12-01';
      if (s.format === 'date-time') return '2027-01-11T10:00:00+01:00';
      if (s.format === 'email' || p.includes('@') || /mail/i.test(name)) return 'matrix@example.org';
      if (p.includes('\\d{4}-\\d{2}-\\d{2}') || /datum|^ab$|^bis$|faelligAm/i.test(name)) return '2026-12-01';
      if (p.includes('\\d{4}-') || /monat/i.test(name)) return '2026-12';
      if (p.includes('[0-9]{8}')) return '12345678';
      if (p.includes('[a-z]+\\/')) return 'application/pdf';
      if (/^(von|bis)$/.test(name)) return '09:00';
      return 'x'.repeat(Math.max(s.minLength ?? 1, Math.min(s.maxLength ?? 12, 12)));
    }
    default:
      return undefined;
  }
}

// ------------------------------------------------------------------ the test
type Operation = { methode: string; pfad: string; body?: Schema; query: { name: string; required: boolean; schema?: Schema }[] };

let t: TestApp;
const jars: Partial<Record<Akteur, CookieJar>> = {};
let objekte: Objekte;
let operationen: Operation[] = [];
let weitere: { standortMusterstadt: string; bgBeispieldorf: string; personBeispieldorf: string; ressourceLeistung: string; zeiten: string[] };

const inject = (wer: Akteur, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { ...(jars[wer] ? { cookie: jars[wer]!.header() } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });

async function als(wer: Akteur, method: string, url: string, payload?: unknown) {
  const r = await inject(wer, method, url, payload);
  if (r.statusCode >= 300 && r.statusCode !== 409) throw new Error(`${wer} ${method} ${url}: ${r.statusCode} ${r.body}`);
  return r.json();
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[] }>>;
  };
  operationen = Object.entries(doc.paths).flatMap(([pfad, methoden]) =>
    Object.entries(methoden).map(([m, op]) => ({
      methode: m.toUpperCase(),
      pfad,
      ...(op.requestBody?.content?.['application/json']?.schema ? { body: op.requestBody.content['application/json'].schema } : {}),
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, ...(p.schema ? { schema: p.schema } : {}) })),
    })),
  );

  const tr = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`));
  const musterland = tr.rows[0]!.id;
  await t.ctx.db.withSystem(async (tx) => {
    await tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
      select traeger_id, art, 'buerger2@musterland.example', 'Berta Zweite', password_hash, email_verified_at, roles from users where email = 'buerger@musterland.example'`);
    await tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
      select traeger_id, art, 'opfer@musterland.example', 'Otto Opfer', password_hash, email_verified_at, roles from users where email = 'leistung@musterland.example'`);
  });
  for (const wer of AKTEURE) {
    if (wer === 'anonym') continue;
    const email = wer === 'fremd' ? 'admin@beispielstadt.example' : wer === 'buerger2' ? 'buerger2@musterland.example' : `${wer}@musterland.example`;
    jars[wer] = await signIn(t.app, email);
  }

  const kommunen = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string }>(sql`select id, name from kommunen where traeger_id = ${musterland}`));
  const musterstadt = kommunen.rows.find((k) => k.name === 'Musterstadt')!.id;
  const standorte = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string }>(sql`select id, name from standorte where traeger_id = ${musterland}`));
  const standortMusterstadt = standorte.rows.find((s) => s.name === 'Jobcenter Musterstadt')!.id;

  // a Fallakte at Standort Musterstadt (leistung, integration, teamleitung work there)
  const fall = await als('leistung', 'POST', '/api/faelle', {
    antragsdatum: '2026-11-12',
    eingangskanal: 'papier',
    personen: [{ ref: 'a', vorname: 'Mara', nachname: 'Matrix', geburtsdatum: '1985-03-10', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
    adresse: { strasse: 'Lindenweg', hausnummer: '4', plz: '12345', ort: 'Musterstadt', kommuneId: musterstadt },
    bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Mara Matrix' },
    unterkunft: { grundmieteCent: 45000, nebenkostenCent: 10000, heizkostenCent: 8000 },
  });
  const bgId: string = fall.bg.id;
  const personId = Object.values(fall.personIds as Record<string, string>)[0]!;
  const antrag = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from antraege where bg_id = ${bgId} limit 1`));
  const bewilligung = await als('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {});
  const wiedervorlage = await als('leistung', 'POST', `/api/faelle/${bgId}/wiedervorlagen`, { faelligAm: '2026-12-20', grund: 'Unterlagen prüfen' });

  // an appointment the citizen booked at Musterstadt, and an invitation by integration there
  const jetzt = t.ctx.clock.now();
  const anliegen = 'beratung_integration';
  const frei = await als('anonym', 'GET', `/api/termine/freie-zeiten?anliegen=${anliegen}&kanal=vor_ort&standortId=${standortMusterstadt}&von=${tag(new Date(jetzt.getTime() + 2 * 86_400_000))}&bis=${tag(new Date(jetzt.getTime() + 30 * 86_400_000))}`);
  const zeiten = frei.zeiten as { beginn: string }[];
  if (zeiten.length < 4) throw new Error(`zu wenige freie Zeiten für den Test: ${zeiten.length}`);
  const termin = await als('buerger', 'POST', '/api/termine', { anliegenId: anliegen, kanal: 'vor_ort', beginn: zeiten[0]!.beginn, standortId: standortMusterstadt });
  const einladung = await als('integration', 'POST', '/api/termine/personal/einladungen', { anliegenId: anliegen, kanal: 'vor_ort', beginn: zeiten[1]!.beginn, standortId: standortMusterstadt, email: 'mara@example.org', name: 'Mara Matrix', zweck: 'vermittlung', bgId, personId });
  const einladungRow = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from einladungen where termin_id = ${einladung.id}`));
  const ressource = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select r.id from termin_ressourcen r join users u on u.id = r.user_id where u.email = 'integration@musterland.example'`));

  // Verwaltung objects of its own (they get deactivated and changed)
  const kommune = await als('admin', 'POST', '/api/admin/kommunen', { name: 'Matrixstadt', ags: null, postleitzahlen: ['12398'] });
  const standort = await als('admin', 'POST', '/api/admin/standorte', { kommuneId: kommune.id, name: 'Jobcenter Matrixstadt', strasse: 'Weg 1', plz: '12398', ort: 'Matrixstadt' });
  const opfer = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from users where email = 'opfer@musterland.example'`));

  bekannteIds = { personId, bgId, kommuneId: musterstadt };
  const beispieldorf = kommunen.rows.find((k) => k.name === 'Beispieldorf')!.id;
  // a Fallakte at Standort Beispieldorf: only the Teamleitung works there (leistung and integration do not)
  const fallBeispieldorf = await als('teamleitung', 'POST', '/api/faelle', {
    antragsdatum: '2026-11-12',
    eingangskanal: 'papier',
    personen: [{ ref: 'a', vorname: 'Dora', nachname: 'Dorf', geburtsdatum: '1980-01-10', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
    adresse: { strasse: 'Marktplatz', hausnummer: '1', plz: '12346', ort: 'Beispieldorf', kommuneId: beispieldorf },
    bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Dora Dorf' },
    unterkunft: { grundmieteCent: 40000, nebenkostenCent: 9000, heizkostenCent: 7000 },
  });
  const ressourceLeistung = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select r.id from termin_ressourcen r join users u on u.id = r.user_id where u.email = 'leistung@musterland.example'`));
  weitere = {
    standortMusterstadt,
    bgBeispieldorf: fallBeispieldorf.bg.id,
    personBeispieldorf: Object.values(fallBeispieldorf.personIds as Record<string, string>)[0]!,
    ressourceLeistung: ressourceLeistung.rows[0]!.id,
    zeiten: zeiten.slice(3).map((z) => z.beginn),
  };
  objekte = {
    bgId,
    bgVersion: async () => (await als('leistung', 'GET', `/api/faelle/${bgId}`)).bg.version as number,
    personId,
    antragId: antrag.rows[0]!.id,
    bewilligungId: bewilligung.bewilligung.id,
    wiedervorlageId: wiedervorlage.id,
    terminId: termin.id,
    einladungId: einladungRow.rows[0]!.id,
    ressourceId: ressource.rows[0]!.id,
    kommuneId: kommune.id,
    standortId: standort.id,
    userId: opfer.rows[0]!.id,
    freieZeit: zeiten[2]!.beginn,
    anliegen,
    heute: tag(jetzt),
  };
}, 120_000);
afterAll(() => t?.close());

const tag = (d: Date) => lokalesDatum(d);
const spaet = (o: Operation) => MATRIX[`${o.methode} ${o.pfad}`]?.zuletzt ?? 0;

function passt(erwartet: Ergebnis, status: number): boolean {
  if (status >= 500) return false;
  if (erwartet === 'ok') return status >= 200 && status < 300;
  if (erwartet === 'erlaubt') return status < 500 && ![401, 403, 404].includes(status);
  return status === erwartet;
}

async function anfrage(op: Operation, eintrag: Eintrag) {
  const params = eintrag.params ? await eintrag.params(objekte) : {};
  const url = op.pfad.replace(/\{([^}]+)\}/g, (_, name: string) => (name === '*' ? 'arbeitsplatz' : encodeURIComponent(params[name] ?? randomUUID())));
  const query = new URLSearchParams(eintrag.query?.(objekte) ?? {});
  for (const q of op.query) if (q.required && !query.has(q.name)) query.set(q.name, String(beispiel(q.schema, q.name)));
  const qs = query.toString();
  let body: unknown;
  if (op.body) {
    const basis = beispiel(op.body);
    const zusatz = eintrag.body ? await eintrag.body(objekte) : {};
    // overrides only for fields the operation knows (schemas refuse unknown keys)
    const felder = op.body.additionalProperties === false ? op.body.properties : undefined;
    body = { ...(typeof basis === 'object' && basis ? basis : {}), ...(felder ? Object.fromEntries(Object.entries(zusatz).filter(([k]) => k in felder)) : zusatz) };
  } else if (op.methode !== 'GET' && op.methode !== 'DELETE' && eintrag.body) body = await eintrag.body(objekte);
  return { url: qs ? `${url}?${qs}` : url, body };
}

const anzahlEinladungen = async () => Number((await t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*) as n from einladungen`))).rows[0]!.n);
const anzahlTermine = async () => Number((await t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*) as n from termine`))).rows[0]!.n);

describe('Befunde aus Issue 11', () => {
  it('controlling und admin erreichen keinen Termin einer Person: API und Seite 404, nichts geändert', async () => {
    for (const wer of ['controlling', 'admin'] as const) {
      expect((await inject(wer, 'GET', `/api/termine/${objekte.terminId}`)).statusCode).toBe(404);
      expect((await inject(wer, 'POST', `/api/termine/${objekte.terminId}/verschieben`, { beginn: objekte.freieZeit })).statusCode).toBe(404);
      expect((await inject(wer, 'POST', `/api/termine/${objekte.terminId}/absagen`)).statusCode).toBe(404);
      const seite = await inject(wer, 'GET', `/termine/${objekte.terminId}`);
      expect(seite.statusCode).toBe(404);
      expect(seite.body).not.toContain('Beratung');
      expect((await inject(wer, 'GET', `/api/termine/personal/kalender?datum=${objekte.heute}`)).statusCode).toBe(403);
    }
    const termin = (await inject('buerger', 'GET', `/api/termine/${objekte.terminId}`)).json();
    expect(termin).toMatchObject({ status: 'gebucht', sequenz: 0 });
    expect((await inject('buerger', 'GET', `/termine/${objekte.terminId}`)).statusCode).toBe(200);
    expect((await inject('integration', 'GET', `/api/termine/${objekte.terminId}`)).statusCode).toBe(200);
  });

  it('Einladung: Fallakte eines fremden Standorts, unbekannte oder fremde bgId → 404, nichts gespeichert', async () => {
    const vorher = { einladungen: await anzahlEinladungen(), termine: await anzahlTermine() };
    const einladung = (extra: Record<string, unknown>) =>
      inject('integration', 'POST', '/api/termine/personal/einladungen', { anliegenId: objekte.anliegen, kanal: 'vor_ort', beginn: weitere.zeiten[0], standortId: weitere.standortMusterstadt, email: 'x@example.org', name: 'Xaver X', zweck: 'vermittlung', ...extra });
    const fremderStandort = await einladung({ bgId: weitere.bgBeispieldorf, personId: weitere.personBeispieldorf });
    expect(fremderStandort.statusCode).toBe(404);
    expect(fremderStandort.json().error).toBe('not_found');
    expect((await einladung({ bgId: randomUUID() })).statusCode).toBe(404);
    expect((await einladung({ bgId: objekte.bgId, personId: weitere.personBeispieldorf })).statusCode).toBe(404);
    const ohneFallakte = await einladung({ personId: objekte.personId });
    expect(ohneFallakte.statusCode).toBe(400);
    expect(ohneFallakte.json().issues[0].path).toBe('bgId');
        // a Standort the inviting person does not work for (a team desk at Beispieldorf): refused, nothing booked
    const beispieldorf = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from standorte where name = 'Jobcenter Beispieldorf'`))).rows[0]!.id;
    await t.ctx.db.withSystem(async (tx) => {
      const neu = await tx.execute<{ id: string }>(sql`insert into termin_ressourcen (traeger_id, standort_id, art, name, rollen)
        select traeger_id, ${beispieldorf}, 'team', 'Team Beispieldorf', rollen from termin_ressourcen where id = ${objekte.ressourceId} returning id`);
      await tx.execute(sql`insert into termin_sprechzeiten (traeger_id, ressource_id, wochentag, von, bis, kanaele)
        select traeger_id, ${neu.rows[0]!.id}, wochentag, von, bis, kanaele from termin_sprechzeiten where ressource_id = ${objekte.ressourceId}`);
    });
    const jetzt = t.ctx.clock.now();
    const frei = (await inject('anonym', 'GET', `/api/termine/freie-zeiten?anliegen=${objekte.anliegen}&kanal=vor_ort&standortId=${beispieldorf}&von=${tag(new Date(jetzt.getTime() + 2 * 86_400_000))}&bis=${tag(new Date(jetzt.getTime() + 30 * 86_400_000))}`)).json().zeiten as { beginn: string }[];
    expect(frei.length).toBeGreaterThan(0);
    const anderswo = await einladung({ standortId: beispieldorf, beginn: frei[0]!.beginn });
    expect(anderswo.statusCode).toBe(404);
    expect(anderswo.json().message).toContain('Standort');
    expect({ einladungen: await anzahlEinladungen(), termine: await anzahlTermine() }).toEqual(vorher);
    // the Teamleitung works at Beispieldorf too: the same invitation is accepted from her
    const leitung = await inject('teamleitung', 'POST', '/api/termine/personal/einladungen', { anliegenId: objekte.anliegen, kanal: 'vor_ort', beginn: weitere.zeiten[0], standortId: weitere.standortMusterstadt, email: 'x@example.org', name: 'Xaver X', zweck: 'vermittlung', bgId: weitere.bgBeispieldorf, personId: weitere.personBeispieldorf });
    expect(leitung.statusCode).toBe(201);
    expect(await anzahlEinladungen()).toBe(vorher.einladungen + 1);
  });

  it('eigener Kalender (termine.eigenerKalender): integration pflegt Ausnahmen und Abwesenheiten nur am eigenen Platz', async () => {
    const ausnahme = { art: 'geschlossen', datum: '2027-02-01', grund: 'Fortbildung' };
    const abwesenheit = { von: '2027-02-02T08:00:00+01:00', bis: '2027-02-02T12:00:00+01:00' };
    expect((await inject('integration', 'POST', `/api/termine/personal/ressourcen/${objekte.ressourceId}/ausnahmen`, ausnahme)).statusCode).toBe(201);
    expect((await inject('integration', 'POST', `/api/termine/personal/ressourcen/${objekte.ressourceId}/abwesenheiten`, abwesenheit)).statusCode).toBe(201);
    expect((await inject('integration', 'POST', `/api/termine/personal/ressourcen/${weitere.ressourceLeistung}/ausnahmen`, ausnahme)).statusCode).toBe(403);
    expect((await inject('integration', 'POST', `/api/termine/personal/ressourcen/${weitere.ressourceLeistung}/abwesenheiten`, abwesenheit)).statusCode).toBe(403);
    // a whole Standort closed is planning (termine.planen): not for integration
    expect((await inject('controlling', 'POST', `/api/termine/personal/ressourcen/${objekte.ressourceId}/ausnahmen`, ausnahme)).statusCode).toBe(403);
    // planning: Teamleitung (her Standorte) and admin (the Träger) on any desk
    expect((await inject('teamleitung', 'POST', `/api/termine/personal/ressourcen/${weitere.ressourceLeistung}/ausnahmen`, ausnahme)).statusCode).toBe(201);
    expect((await inject('admin', 'POST', `/api/termine/personal/ressourcen/${weitere.ressourceLeistung}/abwesenheiten`, abwesenheit)).statusCode).toBe(201);
    const ressourcen = (await inject('integration', 'GET', '/api/termine/personal/ressourcen')).json().ressourcen as { id: string; darfPflegen: boolean }[];
    expect(ressourcen.filter((r) => r.darfPflegen).map((r) => r.id)).toEqual([objekte.ressourceId]);
    // the planning pages: admin reaches them from /verwaltung; controlling not at all
    expect((await inject('admin', 'GET', '/verwaltung')).body).toContain('href="/termine/ausnahmen"');
    for (const seite of ['/termine/sprechzeiten', '/termine/ausnahmen']) {
      expect((await inject('admin', 'GET', seite)).statusCode, seite).toBe(200);
      expect((await inject('integration', 'GET', seite)).statusCode, seite).toBe(200);
      expect((await inject('controlling', 'GET', seite)).statusCode, seite).toBe(403);
    }
  });

  it('Bewilligung freigeben ohne das Recht: 403 auch mit veralteter Version (Recht vor Version)', async () => {
    for (const wer of ['integration', 'controlling', 'admin'] as const) {
      const r = await inject(wer, 'POST', `/api/bewilligungen/${objekte.bewilligungId}/freigeben`, { version: 999 });
      expect(r.statusCode, wer).toBe(403);
    }
    expect((await inject('leistung', 'POST', `/api/bewilligungen/${objekte.bewilligungId}/freigeben`, { version: 999 })).statusCode).toBe(409);
  });
});

describe('Berechtigungsmatrix: jede Operation der OpenAPI × jede Rolle', () => {
  it('jede Operation hat einen Eintrag in der Berechtigungstabelle', () => {
    const ohne = operationen.map((o) => `${o.methode} ${o.pfad}`).filter((k) => !MATRIX[k]);
    expect(ohne, 'neue Route ohne Eintrag in der Berechtigungstabelle').toEqual([]);
    const veraltet = Object.keys(MATRIX).filter((k) => !operationen.some((o) => `${o.methode} ${o.pfad}` === k));
    expect(veraltet, 'Einträge ohne Route').toEqual([]);
  });

  it('jede Rolle bekommt genau das dokumentierte Ergebnis (0 Lecks, 0 × 5xx)', async () => {
    const abweichungen: string[] = [];
    const beobachtet: string[] = [];
    const dauer = new Map<string, number>();
    let anzahl = 0;
    const reihenfolge = [...operationen].sort((a, b) => spaet(a) - spaet(b));
    for (const op of reihenfolge) {
      const schluessel = `${op.methode} ${op.pfad}`;
      const eintrag = MATRIX[schluessel];
      if (!eintrag) continue;
      const einzeln = async (wer: Akteur) => {
        const erwartet = eintrag.erwartet[wer] ?? eintrag.erwartet.sonst;
        const { url, body } = await anfrage(op, eintrag);
        const start = performance.now();
        const r = await inject(wer, op.methode, url, body);
        dauer.set(schluessel, (dauer.get(schluessel) ?? 0) + performance.now() - start);
        anzahl++;
        beobachtet.push(`${schluessel}\t${wer}\t${r.statusCode}`);
        if (!passt(erwartet, r.statusCode)) abweichungen.push(`${schluessel} als ${wer}: erwartet ${erwartet}, erhalten ${r.statusCode} ${r.body.slice(0, 160)}`);
      };
      // reads and requests that must be refused run side by side (they change nothing); permitted changes one
      // actor after the other
      const abgewiesen = (wer: Akteur) => [401, 403, 404].includes(Number(eintrag.erwartet[wer] ?? eintrag.erwartet.sonst));
      const nebeneinander = op.methode === 'GET' ? [...AKTEURE] : AKTEURE.filter(abgewiesen);
      await Promise.all(nebeneinander.map(einzeln));
      for (const wer of AKTEURE.filter((w) => !nebeneinander.includes(w))) await einzeln(wer);
    }
    if (process.env.MATRIX_PROTOKOLL) {
      const fs = await import('node:fs');
      fs.writeFileSync(process.env.MATRIX_PROTOKOLL, beobachtet.join('\n'));
      fs.writeFileSync(`${process.env.MATRIX_PROTOKOLL}.dauer`, [...dauer].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${Math.round(v)}\t${k}`).join('\n'));
    }
    expect(anzahl).toBeGreaterThan(900);
    expect(abweichungen).toEqual([]);
  }, 180_000);
});

// ------------------------------------------------------------------ Fördern C: objects created on first use
/** A Maßnahme of Kreis Musterland with a Kontingent at Musterstadt and a Vorschlag for the test person. */
let foerdernCObjekte: Promise<{ massnahmeId: string; kontingentId: string; teilnahmeId: string }> | undefined;
function foerdernCAnlegen(o: Objekte) {
  foerdernCObjekte ??= (async () => {
    const m = await als('teamleitung', 'POST', '/api/integration/massnahmen', { bezeichnung: `Matrix-Maßnahme ${randomUUID().slice(0, 6)}`, instrument: 'sgb3_45_mat', anbieter: 'Matrix gGmbH', regeldauerTage: 30, kostenJePlatzCent: 0, kostenart: 'pauschal' });
    const k = await als('teamleitung', 'POST', `/api/integration/massnahmen/${m.id}/kontingente`, { standortId: weitere.standortMusterstadt, gueltigVon: '2026-12-01', plaetze: 3 });
    const tn = await als('integration', 'POST', `/api/integration/personen/${o.personId}/teilnahmen`, { kontingentId: k.id, geplantVon: '2027-01-04' });
    return { massnahmeId: m.id as string, kontingentId: k.id as string, teilnahmeId: tn.id as string };
  })();
  return foerdernCObjekte;
}

async function foerdernCMassnahme(o: Objekte) {
  return { id: (await foerdernCAnlegen(o)).massnahmeId };
}
async function foerdernCTeilnahme(o: Objekte) {
  return { id: (await foerdernCAnlegen(o)).teilnahmeId };
}

/** Slice C: Maßnahmen catalogue (Träger), Kontingente and the Teilnahme lifecycle (person's Standort). */
function foerdernC(): Record<string, Eintrag> {
  const massnahme = foerdernCMassnahme;
  const teilnahme = foerdernCTeilnahme;
  const lesen = personal('massnahmen.lesen', 'ok', { fremd: 403 });
  const schritt = (e: Ergebnis = 'erlaubt'): Eintrag => ({ erwartet: personal('integration.bearbeiten', e, { fremd: 403 }), params: teilnahme, body: () => ({ version: 999 }) });
  return {
    'GET /api/integration/massnahmen': { erwartet: liste('massnahmen.lesen') },
    'POST /api/integration/massnahmen': {
      erwartet: liste('massnahmen.verwalten', 'erlaubt'),
      body: () => ({ bezeichnung: `Matrix ${randomUUID().slice(0, 8)}`, instrument: 'sgb3_45_mat', anbieter: 'Matrix gGmbH', kostenJePlatzCent: 0, kostenart: 'pauschal' }),
    },
    'GET /api/integration/massnahmen/{id}': { erwartet: lesen, params: massnahme },
    'PUT /api/integration/massnahmen/{id}': {
      erwartet: personal('massnahmen.verwalten', 'erlaubt'),
      params: massnahme,
      body: () => ({ version: 999, bezeichnung: `Matrix ${randomUUID().slice(0, 8)}`, instrument: 'sgb3_45_mat', anbieter: 'Matrix gGmbH', kostenJePlatzCent: 0, kostenart: 'pauschal' }),
    },
    'POST /api/integration/massnahmen/{id}/aktiv': { erwartet: personal('massnahmen.verwalten', 'erlaubt'), params: massnahme, body: () => ({ version: 999, aktiv: true }) },
    'POST /api/integration/massnahmen/{massnahmeId}/kontingente': {
      erwartet: personal('massnahmen.verwalten', 'erlaubt'),
      params: async (o) => ({ massnahmeId: (await foerdernCAnlegen(o)).massnahmeId }),
      body: () => ({ standortId: weitere.standortMusterstadt, gueltigVon: '2027-01-01', plaetze: 1 }),
    },
    'PUT /api/integration/kontingente/{id}': {
      erwartet: personal('massnahmen.verwalten', 'erlaubt'),
      params: async (o) => ({ id: (await foerdernCAnlegen(o)).kontingentId }),
      body: () => ({ version: 999, plaetze: 5 }),
    },
    'GET /api/integration/massnahmen/{id}/teilnehmende': { erwartet: lesen, params: massnahme },
    'GET /api/integration/massnahmen/{id}/teilnehmende.csv': { erwartet: lesen, params: massnahme },
    'GET /api/integration/personen/{personId}/teilnahmen': { erwartet: personal('integration.lesen', 'ok', { fremd: 403 }), params: (o) => ({ personId: o.personId }) },
    'POST /api/integration/personen/{personId}/teilnahmen': {
      erwartet: personal('integration.bearbeiten', 'erlaubt', { fremd: 403 }),
      params: (o) => ({ personId: o.personId }),
      body: async (o) => ({ kontingentId: (await foerdernCAnlegen(o)).kontingentId, geplantVon: '2027-01-04' }),
    },
    'POST /api/integration/teilnahmen/{id}/zuweisung': schritt(),
    'POST /api/integration/teilnahmen/{id}/genehmigung': { erwartet: personal('zuweisung.genehmigen', 'erlaubt', { fremd: 403 }), params: teilnahme, body: () => ({ version: 999, entscheidung: 'ablehnen' }) },
    'POST /api/integration/teilnahmen/{id}/eintritt': { ...schritt(), body: () => ({ version: 999, eintrittAm: '2027-01-04' }) },
    'POST /api/integration/teilnahmen/{id}/austritt': { ...schritt(), body: () => ({ version: 999, austrittAm: '2027-01-05', grund: 'regulaer' }) },
    'POST /api/integration/teilnahmen/{id}/bescheinigung': { ...schritt(), body: () => ({ version: 999, am: '2027-01-05' }) },
    'POST /api/integration/teilnahmen/{id}/storno': schritt(),
    'GET /api/integration/teilnahmen/{id}/zuweisung.pdf': { erwartet: personal('integration.lesen', 'erlaubt', { fremd: 403 }), params: teilnahme },
    'GET /api/integration/teilnahmen/{id}/bescheinigung.pdf': { erwartet: personal('integration.lesen', 'erlaubt', { fremd: 403 }), params: teilnahme },
    'GET /api/integration/genehmigungen': { erwartet: liste('zuweisung.genehmigen') },
  };
}
