import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/**
 * One door per use case (issue 12): for every use case that has both a form and an API route, the same invalid
 * input goes through both. The API must answer 400 with an issue at the field, the page 400 with the message tied
 * to the same field (the field's error paragraph `…-fehler`) — never 500, and the message must be the same text.
 *
 * Add a row when a use case gets a form or an API route. `vorbereiten` may create what the row needs (through the
 * API) and returns ids for the URLs.
 */

type Ids = Record<string, string>;
type Tuer = {
  name: string;
  /** demo account (local part before @musterland.example) */
  wer: string;
  vorbereiten?: (h: Hilfen) => Promise<Ids>;
  api: { method: 'POST' | 'PUT' | 'PATCH'; url: (ids: Ids) => string; body: (ids: Ids) => Record<string, unknown> };
  seite: { url: (ids: Ids) => string; felder: (ids: Ids) => Record<string, string | string[]> };
  /** the field the error must be tied to: `api` the issue path after `body.`, `seite` the form field's name */
  feld: { api: string; seite: string };
};

// API answers are read field by field in the rows; their shapes belong to the routes' own tests.
// oxlint-disable-next-line typescript/no-explicit-any
type Json = any;

type Hilfen = {
  api: (wer: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => Promise<{ status: number; json: Json }>;
};

const TUEREN: Tuer[] = [
  {
    name: 'Verwaltung: Kommune anlegen (Postleitzahl mit 4 Ziffern)',
    wer: 'admin',
    api: { method: 'POST', url: () => '/api/admin/kommunen', body: () => ({ name: 'Tür-Test', postleitzahlen: ['1234'] }) },
    seite: { url: () => '/verwaltung/kommunen/neu', felder: () => ({ name: 'Tür-Test', ags: '', postleitzahlen: '1234' }) },
    feld: { api: 'postleitzahlen', seite: 'postleitzahlen' },
  },
  {
    name: 'Termine: Einladung (Termin anlegen) mit einem Datum, das es nicht gibt',
    wer: 'integration',
    api: { method: 'POST', url: () => '/api/termine/personal/einladungen', body: () => ({ anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: '2030-02-30T10:00:00+01:00', email: 'tuer@example.org', name: 'Tür Test', zweck: 'vermittlung' }) },
    seite: { url: () => '/termine/einladen', felder: () => ({ anliegenId: 'beratung_integration', kanal: 'vor_ort', datum: '2030-02-30', uhrzeit: '10:00', name: 'Tür Test', email: 'tuer@example.org', zweck: 'vermittlung', thema: '', mitbringen: '' }) },
    feld: { api: 'beginn', seite: 'datum' },
  },
  {
    name: 'Termine: Ausnahme (geschlossen) mit Ende vor Beginn',
    wer: 'teamleitung',
    async vorbereiten(h) {
      const r = await h.api('teamleitung', 'GET', '/api/termine/personal/ressourcen');
      const platz = (r.json.ressourcen as { id: string; standortId: string; darfPflegen: boolean }[]).find((x) => x.darfPflegen)!;
      return { ressourceId: platz.id, standortId: platz.standortId };
    },
    api: { method: 'POST', url: (ids) => `/api/termine/personal/ressourcen/${ids.ressourceId}/ausnahmen`, body: () => ({ art: 'geschlossen', datum: '2030-03-04', von: '12:00', bis: '10:00' }) },
    seite: { url: () => '/termine/ausnahmen', felder: (ids) => ({ _aktion: 'ausnahme', standortId: ids.standortId!, art: 'geschlossen', datum: '2030-03-04', von: '12:00', bis: '10:00', grund: '' }) },
    feld: { api: 'bis', seite: 'bis' },
  },
  {
    name: 'Termine: Ergebnis einer Einladung, das es nicht gibt',
    wer: 'integration',
    async vorbereiten(h) {
      const zeiten = (await h.api('integration', 'GET', '/api/termine/freie-zeiten?anliegen=beratung_integration&kanal=vor_ort')).json.zeiten as { beginn: string }[];
      const termin = (await h.api('integration', 'POST', '/api/termine/personal/einladungen', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: zeiten.at(-1)!.beginn, email: 'tuer-ergebnis@example.org', name: 'Tür Ergebnis', zweck: 'vermittlung' })).json as { id: string; standortId: string; beginn: string };
      const kalender = (await h.api('integration', 'GET', `/api/termine/personal/kalender?ansicht=standort&standortId=${termin.standortId}&datum=${termin.beginn.slice(0, 10)}&tage=2`)).json.termine as { id: string; einladungId: string | null }[];
      return { einladungId: kalender.find((x) => x.id === termin.id)!.einladungId! };
    },
    api: { method: 'POST', url: (ids) => `/api/termine/personal/einladungen/${ids.einladungId}/ergebnis`, body: () => ({ ergebnis: 'vielleicht', version: 1 }) },
    seite: { url: (ids) => `/termine/einladungen/${ids.einladungId}`, felder: () => ({ ergebnis: 'vielleicht', begruendung: '', version: '1' }) },
    feld: { api: 'ergebnis', seite: 'ergebnis' },
  },
  {
    name: 'Termine: eigenen Termin verschieben auf ein Datum, das es nicht gibt',
    wer: 'buerger',
    async vorbereiten(h) {
      const zeiten = (await h.api('buerger', 'GET', '/api/termine/freie-zeiten?anliegen=beratung_integration&kanal=vor_ort')).json.zeiten as { beginn: string }[];
      const termin = (await h.api('buerger', 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: zeiten.at(-2)!.beginn })).json as { id: string };
      return { terminId: termin.id };
    },
    api: { method: 'POST', url: (ids) => `/api/termine/${ids.terminId}/verschieben`, body: () => ({ beginn: '2030-02-30T10:00:00+01:00' }) },
    seite: { url: (ids) => `/termine/${ids.terminId}`, felder: () => ({ beginn: '2030-02-30T10:00:00+01:00' }) },
    feld: { api: 'beginn', seite: 'beginn' },
  },
  {
    name: 'Leistung: Zahlungseingang auf eine Erstattungsforderung mit einem Betrag, der keiner ist',
    wer: 'leistung',
    vorbereiten: erstattungsforderung,
    api: { method: 'POST', url: (ids) => `/api/erstattungsforderungen/${ids.forderungId}/zahlungen`, body: (ids) => ({ betragCent: 'zwölf', datum: '2024-10-01', version: Number(ids.version) }) },
    seite: { url: (ids) => `/erstattungen/${ids.forderungId}`, felder: (ids) => ({ vorgang: 'zahlung', betrag: 'zwölf', datum: '01.10.2024', version: ids.version! }) },
    feld: { api: 'betragCent', seite: 'betrag' },
  },
  {
    name: 'Leistung: Stundung einer Erstattungsforderung bis zu einem Datum, das es nicht gibt',
    wer: 'leistung',
    vorbereiten: erstattungsforderung,
    api: { method: 'POST', url: (ids) => `/api/erstattungsforderungen/${ids.forderungId}/stundung`, body: (ids) => ({ bis: '2030-02-30', version: Number(ids.version) }) },
    seite: { url: (ids) => `/erstattungen/${ids.forderungId}`, felder: (ids) => ({ vorgang: 'stundung', bis: '30.02.2030', rate: '', stundungGrund: '', version: ids.version! }) },
    feld: { api: 'bis', seite: 'bis' },
  },
  {
    name: 'Leistung: Erlass mit einem Teilbetrag, der keiner ist',
    wer: 'leistung',
    vorbereiten: erstattungsforderung,
    api: { method: 'POST', url: (ids) => `/api/erstattungsforderungen/${ids.forderungId}/erlass`, body: (ids) => ({ art: 'erlass', betragCent: -5, grund: 'Härte', version: Number(ids.version) }) },
    seite: { url: (ids) => `/erstattungen/${ids.forderungId}`, felder: (ids) => ({ vorgang: 'erlass', art: 'erlass', erlassBetrag: '-5', erlassGrund: 'Härte', version: ids.version! }) },
    feld: { api: 'betragCent', seite: 'erlassBetrag' },
  },
  {
    name: 'Leistung: Aufrechnung erklären gegen eine Person, deren Kennung keine ist',
    wer: 'leistung',
    vorbereiten: erstattungsforderung,
    api: {
      method: 'POST',
      url: (ids) => `/api/erstattungsforderungen/${ids.forderungId}/aufrechnung`,
      body: (ids) => ({ personId: 'niemand', ab: '2030-01', grund: 'Ermessen ausgeübt', anhoerungAm: '2024-08-20', version: Number(ids.version) }),
    },
    seite: {
      url: (ids) => `/erstattungen/${ids.forderungId}`,
      felder: (ids) => ({ vorgang: 'aufrechnung', aufPerson: 'niemand', aufAb: '01/2030', aufTatbestand: 'sonstige', aufGrund: 'Ermessen ausgeübt', aufAnhoerungAm: '20.08.2024', aufAusnahme: '', version: ids.version! }),
    },
    feld: { api: 'personId', seite: 'aufPerson' },
  },
  {
    name: 'Fallakte: neue Anschrift mit einer Kommune, deren Kennung keine ist',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/adresse`, body: (ids) => ({ version: Number(ids.version), ab: '2024-11-01', adresse: { strasse: 'Uferweg', hausnummer: '9', plz: '12345', ort: 'Musterstadt', kommuneId: 'irgendwo' } }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'adresse', version: ids.version!, ad_ab: '2024-11-01', ad_strasse: 'Uferweg', ad_hausnummer: '9', ad_plz: '12345', ad_ort: 'Musterstadt', ad_kommune: 'irgendwo' }) },
    feld: { api: 'adresse.kommuneId', seite: 'ad_kommune' },
  },
  {
    name: 'Fallakte: neue Anschrift mit einer Kommune, die es beim Träger nicht gibt',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/adresse`, body: (ids) => ({ version: Number(ids.version), ab: '2024-11-01', adresse: { strasse: 'Uferweg', hausnummer: '9', plz: '12345', ort: 'Musterstadt', kommuneId: '00000000-0000-4000-8000-000000000000' } }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'adresse', version: ids.version!, ad_ab: '2024-11-01', ad_strasse: 'Uferweg', ad_hausnummer: '9', ad_plz: '12345', ad_ort: 'Musterstadt', ad_kommune: '00000000-0000-4000-8000-000000000000' }) },
    feld: { api: 'adresse.kommuneId', seite: 'ad_kommune' },
  },
  {
    name: 'Fallakte: Kosten der Unterkunft mit einer Grundmiete, die kein Betrag ist',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/unterkunft`, body: (ids) => ({ version: Number(ids.version), ab: '2024-10-01', unterkunft: { grundmieteCent: 'viel', nebenkostenCent: 14000, heizkostenCent: 15000 } }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'unterkunft', version: ids.version!, ku_ab: '2024-10-01', ku_grundmiete: 'viel', ku_nebenkosten: '140', ku_heizkosten: '150' }) },
    feld: { api: 'unterkunft.grundmieteCent', seite: 'ku_grundmiete' },
  },
  {
    name: 'Fallakte: Kosten der Unterkunft mit einer Wohnfläche, die keine ganze Zahl ist',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/unterkunft`, body: (ids) => ({ version: Number(ids.version), ab: '2024-10-01', unterkunft: { grundmieteCent: 60000, nebenkostenCent: 14000, heizkostenCent: 15000, wohnflaecheQm: 'groß' } }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'unterkunft', version: ids.version!, ku_ab: '2024-10-01', ku_grundmiete: '600', ku_nebenkosten: '140', ku_heizkosten: '150', ku_wohnflaeche: 'groß' }) },
    feld: { api: 'unterkunft.wohnflaecheQm', seite: 'ku_wohnflaeche' },
  },
  {
    name: 'Fallakte: Einkommen mit einem Betrag, der keiner ist',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/einkommen`, body: (ids) => ({ version: Number(ids.version), ab: '2024-09-01', personId: ids.personId, einkommen: { art: 'kindergeld', betragCent: 'zwölf' } }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'einkommen', version: ids.version!, ek_person: ids.personId!, ek_ab: '2024-09-01', ek_art: 'kindergeld', ek_betrag: 'zwölf' }) },
    feld: { api: 'einkommen.betragCent', seite: 'ek_betrag' },
  },
  {
    name: 'Fallakte: Bankverbindung mit einer IBAN, deren Prüfziffer nicht stimmt',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/bankverbindung`, body: (ids) => ({ version: Number(ids.version), ab: '2024-10-01', bank: { iban: 'DE99 1234', kontoinhaber: 'Tara Tür' } }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'bank', version: ids.version!, bk_ab: '2024-10-01', bk_iban: 'DE99 1234', bk_kontoinhaber: 'Tara Tür' }) },
    feld: { api: 'bank.iban', seite: 'bk_iban' },
  },
  {
    name: 'Fallakte: leerer Vermerk',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/vermerke`, body: () => ({ text: '   ' }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: () => ({ _aktion: 'vermerk', vermerk_text: '   ' }) },
    feld: { api: 'text', seite: 'vermerk_text' },
  },
  {
    name: 'Fallakte: Wiedervorlage zu einem Tag, den es nicht gibt',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/wiedervorlagen`, body: () => ({ faelligAm: '2030-02-30', grund: 'Kontoauszüge prüfen' }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: () => ({ _aktion: 'wiedervorlage', wv_faellig: '2030-02-30', wv_grund: 'Kontoauszüge prüfen' }) },
    feld: { api: 'faelligAm', seite: 'wv_faellig' },
  },
  {
    name: 'Fallakte: Antrag (Veränderungsmitteilung) von einem Tag, den es nicht gibt',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/antraege`, body: () => ({ art: 'veraenderung', antragsdatum: '2024-02-30', eingangskanal: 'telefon' }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: () => ({ _aktion: 'antrag', an_art: 'veraenderung', an_datum: '2024-02-30', an_kanal: 'telefon' }) },
    feld: { api: 'antragsdatum', seite: 'an_datum' },
  },
  {
    name: 'Fallakte: Daten einer Person ändern mit einer Staatsangehörigkeit, die kein Ländercode ist',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: {
      method: 'POST',
      url: (ids) => `/api/faelle/${ids.bgId}/person`,
      body: (ids) => ({ version: Number(ids.version), ab: '2024-09-01', personId: ids.personId, stammdaten: { vorname: 'Tara', nachname: 'Tür', geburtsdatum: '1990-02-01', staatsangehoerigkeit: 'Deutschland' } }),
    },
    seite: {
      url: (ids) => `/faelle/${ids.bgId}`,
      felder: (ids) => ({ _aktion: 'person_aendern', version: ids.version!, pa_person: ids.personId!, pa_ab: '2024-09-01', pa_vorname: 'Tara', pa_nachname: 'Tür', pa_geburtsdatum: '1990-02-01', pa_staat: 'Deutschland' }),
    },
    feld: { api: 'stammdaten.staatsangehoerigkeit', seite: 'pa_staat' },
  },
  {
    name: 'Fallakte: Person aufnehmen ohne Nachnamen',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/personen`, body: (ids) => ({ version: Number(ids.version), ab: '2024-10-07', person: { vorname: 'Nora', nachname: '', geburtsdatum: '2024-10-07', staatsangehoerigkeit: 'DE', rolle: 'kind' } }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'person_aufnehmen', version: ids.version!, pn_ab: '2024-10-07', pn_rolle: 'kind', pn_vorname: 'Nora', pn_nachname: '', pn_geburtsdatum: '2024-10-07', pn_staat: 'DE' }) },
    feld: { api: 'person.nachname', seite: 'pn_nachname' },
  },
  {
    name: 'Fallakte: Austritt einer Person, deren Kennung keine ist',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/austritt`, body: (ids) => ({ version: Number(ids.version), ab: '2024-11-01', personId: 'jemand' }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'person_austritt', version: ids.version!, px_person: 'jemand', px_ab: '2024-11-01' }) },
    feld: { api: 'personId', seite: 'px_person' },
  },
  {
    name: 'Fallakte: Vermögen mit einem Wert, der kein Betrag ist',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/vermoegen`, body: (ids) => ({ version: Number(ids.version), ab: '2024-11-01', personId: ids.personId, vermoegen: { bezeichnung: 'Sparbuch', wertCent: 'abc' } }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'vermoegen', version: ids.version!, vm_person: ids.personId!, vm_ab: '2024-11-01', vm_bezeichnung: 'Sparbuch', vm_wert: 'abc' }) },
    feld: { api: 'vermoegen.wertCent', seite: 'vm_wert' },
  },
  {
    name: 'Fallakte: Bedarfsgemeinschaft schließen ab einem Tag, den es nicht gibt',
    wer: 'leistung',
    vorbereiten: fallakte,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/schliessung`, body: (ids) => ({ version: Number(ids.version), ab: '2025-02-30' }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}`, felder: (ids) => ({ _aktion: 'schliessen', version: ids.version!, bs_ab: '2025-02-30', bs_grund: '' }) },
    feld: { api: 'ab', seite: 'bs_ab' },
  },
  {
    name: 'Fallakte: Erstantrag erfassen mit einer Grundmiete, die kein Betrag ist',
    wer: 'leistung',
    vorbereiten: musterstadt,
    api: { method: 'POST', url: () => '/api/faelle', body: (ids) => ({ ...erstantragApi(ids), unterkunft: { grundmieteCent: 'viel', nebenkostenCent: 8000, heizkostenCent: 6000 } }) },
    seite: { url: () => '/faelle/neu', felder: (ids) => ({ ...erstantragSeite(ids), unterkunft_grundmiete: 'viel', unterkunft_nebenkosten: '80', unterkunft_heizkosten: '60' }) },
    feld: { api: 'unterkunft.grundmieteCent', seite: 'unterkunft_grundmiete' },
  },
  {
    name: 'Fallakte: Erstantrag erfassen mit einem Antragsdatum, das es nicht gibt',
    wer: 'leistung',
    vorbereiten: musterstadt,
    api: { method: 'POST', url: () => '/api/faelle', body: (ids) => ({ ...erstantragApi(ids), antragsdatum: '2024-02-30' }) },
    seite: { url: () => '/faelle/neu', felder: (ids) => ({ ...erstantragSeite(ids), antragsdatum: '2024-02-30' }) },
    feld: { api: 'antragsdatum', seite: 'antragsdatum' },
  },
  {
    name: 'Bewilligung: berechnen ab einem Monat, den es nicht gibt',
    wer: 'leistung',
    vorbereiten: erstattungsforderung,
    api: { method: 'POST', url: (ids) => `/api/faelle/${ids.bgId}/bewilligungen`, body: () => ({ beginn: '2024-13' }) },
    seite: { url: (ids) => `/faelle/${ids.bgId}/bewilligung`, felder: () => ({ 'bw-beginn': '2024-13', 'bw-monate': '', 'bw-vorlaeufig': '', 'bw-ablehnung-text': '', 'bw-ablehnung-norm': '' }) },
    feld: { api: 'beginn', seite: 'bw-beginn' },
  },
  {
    name: 'Verwaltung: Kommune ändern (Postleitzahl mit 4 Ziffern)',
    wer: 'admin',
    async vorbereiten(h) {
      const k = (await h.api('admin', 'POST', '/api/admin/kommunen', { name: 'Tür-Kommune ändern' })).json as { id: string; version: number };
      return { kommuneId: k.id, version: String(k.version) };
    },
    api: { method: 'PATCH', url: (ids) => `/api/admin/kommunen/${ids.kommuneId}`, body: (ids) => ({ postleitzahlen: ['1234'], version: Number(ids.version) }) },
    seite: { url: (ids) => `/verwaltung/kommunen/${ids.kommuneId}`, felder: (ids) => ({ name: 'Tür-Kommune ändern', ags: '', postleitzahlen: '1234', version: ids.version! }) },
    feld: { api: 'postleitzahlen', seite: 'postleitzahlen' },
  },
  {
    name: 'Verwaltung: Standort anlegen (Postleitzahl mit 4 Ziffern)',
    wer: 'admin',
    async vorbereiten(h) {
      const k = (await h.api('admin', 'GET', '/api/admin/kommunen')).json.kommunen as { id: string; aktiv: boolean }[];
      return { kommuneId: k.find((x) => x.aktiv)!.id };
    },
    api: { method: 'POST', url: () => '/api/admin/standorte', body: (ids) => ({ name: 'Tür-Standort', kommuneId: ids.kommuneId, strasse: 'Weg 1', plz: '1234', ort: 'Tür' }) },
    seite: { url: () => '/verwaltung/standorte/neu', felder: (ids) => ({ name: 'Tür-Standort', kommuneId: ids.kommuneId!, strasse: 'Weg 1', plz: '1234', ort: 'Tür', telefon: '', email: '', oeffnungszeiten: '' }) },
    feld: { api: 'plz', seite: 'plz' },
  },
  {
    name: 'Verwaltung: Standort ändern (E-Mail-Adresse ohne @)',
    wer: 'admin',
    async vorbereiten(h) {
      const s = (await h.api('admin', 'GET', '/api/admin/standorte')).json.standorte as { id: string; version: number; name: string; kommuneId: string; strasse: string; plz: string; ort: string }[];
      const x = s[0]!;
      return { standortId: x.id, version: String(x.version), name: x.name, kommuneId: x.kommuneId, strasse: x.strasse, plz: x.plz, ort: x.ort };
    },
    api: { method: 'PATCH', url: (ids) => `/api/admin/standorte/${ids.standortId}`, body: (ids) => ({ email: 'kein-at', version: Number(ids.version) }) },
    seite: { url: (ids) => `/verwaltung/standorte/${ids.standortId}`, felder: (ids) => ({ name: ids.name!, kommuneId: ids.kommuneId!, strasse: ids.strasse!, plz: ids.plz!, ort: ids.ort!, telefon: '', email: 'kein-at', oeffnungszeiten: '', version: ids.version! }) },
    feld: { api: 'email', seite: 'email' },
  },
  {
    name: 'Verwaltung: Benutzer anlegen mit einer E-Mail-Adresse ohne @',
    wer: 'admin',
    api: { method: 'POST', url: () => '/api/admin/users', body: () => ({ name: 'Tür Person', email: 'kein-at', roles: ['controlling'] }) },
    seite: { url: () => '/verwaltung/benutzer/neu', felder: () => ({ name: 'Tür Person', email: 'kein-at', roles: 'controlling' }) },
    feld: { api: 'email', seite: 'email' },
  },
  {
    name: 'Verwaltung: KdU-Richtwert anlegen ab einem Tag, den es nicht gibt',
    wer: 'admin',
    async vorbereiten(h) {
      const k = (await h.api('admin', 'GET', '/api/admin/kommunen')).json.kommunen as { id: string; aktiv: boolean }[];
      return { kommuneId: k.find((x) => x.aktiv)!.id };
    },
    api: { method: 'POST', url: () => '/api/admin/kdu-richtwerte', body: (ids) => ({ kommuneId: ids.kommuneId, haushaltsgroesse: 3, bruttokaltmieteCent: 60000, heizkostenCent: 10000, gueltigVon: '2024-02-30' }) },
    seite: { url: () => '/verwaltung/kdu-richtwerte', felder: (ids) => ({ kommuneId: ids.kommuneId!, haushaltsgroesse: '3', bruttokaltmiete: '600', heizkosten: '100', gueltigVon: '2024-02-30', gueltigBis: '' }) },
    feld: { api: 'gueltigVon', seite: 'gueltigVon' },
  },
  {
    name: 'Verwaltung: KdU-Richtwert neuer Wert mit einem Betrag, der keiner ist',
    wer: 'admin',
    async vorbereiten(h) {
      const k = (await h.api('admin', 'GET', '/api/admin/kommunen')).json.kommunen as { id: string; aktiv: boolean }[];
      const r = (await h.api('admin', 'POST', '/api/admin/kdu-richtwerte', { kommuneId: k.find((x) => x.aktiv)!.id, haushaltsgroesse: 11, bruttokaltmieteCent: 90000, heizkostenCent: 15000, gueltigVon: '2020-01-01' })).json as { id: string; version: number };
      return { richtwertId: r.id, version: String(r.version) };
    },
    api: { method: 'POST', url: (ids) => `/api/admin/kdu-richtwerte/${ids.richtwertId}/neuer-wert`, body: (ids) => ({ ab: '2025-01-01', bruttokaltmieteCent: -5, heizkostenCent: 100, version: Number(ids.version) }) },
    seite: { url: (ids) => `/verwaltung/kdu-richtwerte/${ids.richtwertId}`, felder: (ids) => ({ _aktion: 'neuer-wert', version: ids.version!, ab: '2025-01-01', bruttokaltmiete: 'viel', heizkosten: '1' }) },
    feld: { api: 'bruttokaltmieteCent', seite: 'bruttokaltmiete' },
  },
  {
    name: 'Verwaltung: Träger-Einstellungen mit einer negativen Vier-Augen-Grenze',
    wer: 'admin',
    api: {
      method: 'PUT',
      url: () => '/api/admin/traeger-einstellungen',
      body: () => ({ vierAugenRegeln: { nachzahlungAbCent: null, monatsbetragAbCent: null, erstattungAbCent: -5, ablehnung: false, aufhebung: false, erstbewilligung: false }, iban: 'DE89370400440532013000', kontoinhaber: 'Tür', version: 0 }),
    },
    seite: { url: () => '/verwaltung/traeger-einstellungen', felder: () => ({ nachzahlungAb: '', monatsbetragAb: '', erstattungAb: '-5', iban: 'DE89370400440532013000', bic: '', kontoinhaber: 'Tür', version: '0' }) },
    feld: { api: 'vierAugenRegeln.erstattungAbCent', seite: 'erstattungAb' },
  },
  {
    name: 'Fördern: Potenzialanalyse mit einer Tätigkeit, die vor ihrem Beginn endet',
    wer: 'integration',
    async vorbereiten(h) {
      const fall = await h.api('leistung', 'POST', '/api/faelle', erstantragApi(await musterstadt(h)));
      return { personId: Object.values(fall.json.personIds as Record<string, string>)[0]! };
    },
    api: { method: 'POST', url: (ids) => `/api/integration/personen/${ids.personId}/potenzialanalyse`, body: () => ({ inhalt: { berufserfahrung: [{ taetigkeit: 'Lager', von: 2020, bis: 2018 }] } }) },
    seite: { url: (ids) => `/integration/personen/${ids.personId}/potenzialanalyse`, felder: () => ({ basisFassung: '0', be_0_taetigkeit: 'Lager', be_0_von: '2020', be_0_bis: '2018' }) },
    feld: { api: 'inhalt.berufserfahrung.0.bis', seite: 'be_0_bis' },
  },
  {
    name: 'Fördern: Handlungsbedarf mit ungültigem Code in den Katalog aufnehmen',
    wer: 'teamleitung',
    api: { method: 'POST', url: () => '/api/integration/handlungsbedarfe', body: () => ({ code: 'Mit Leerzeichen', schluesselgroesse: 'motivation', bezeichnung: 'Tür-Test' }) },
    seite: { url: () => '/integration/katalog', felder: () => ({ _aktion: 'anlegen', code: 'Mit Leerzeichen', schluesselgroesse: 'motivation', bezeichnung: 'Tür-Test' }) },
    feld: { api: 'code', seite: 'code' },
  },
  {
    name: 'Fördern: Eingliederungsbudget mit einem Soll, das kein Betrag ist',
    wer: 'teamleitung',
    api: { method: 'PUT', url: () => '/api/integration/budget/soll', body: () => ({ haushaltsjahr: 2031, titel: 'egt_bund', sollCent: 'zwölf' }) },
    seite: { url: () => '/integration/budget', felder: () => ({ _aktion: 'soll', haushaltsjahr: '2031', titel: 'egt_bund', sollCent: 'zwölf', bemerkung: '' }) },
    feld: { api: 'sollCent', seite: 'sollCent' },
  },
  {
    name: 'Fördern: Einstiegsgeld über 24 Monate',
    wer: 'integration',
    async vorbereiten(h) {
      const fall = await h.api('leistung', 'POST', '/api/faelle', erstantragApi(await musterstadt(h)));
      return { personId: Object.values(fall.json.personIds as Record<string, string>)[0]! };
    },
    api: { method: 'POST', url: (ids) => `/api/integration/personen/${ids.personId}/foerderleistungen`, body: () => ({ art: 'einstiegsgeld_16b', betragCent: 30_000, gueltigVon: '2027-01-01', gueltigBis: '2029-06-30' }) },
    seite: { url: (ids) => `/integration/personen/${ids.personId}/foerderleistungen`, felder: () => ({ _aktion: 'anlegen', art: 'einstiegsgeld_16b', betragCent: '300,00', gueltigVon: '2027-01-01', gueltigBis: '2029-06-30' }) },
    feld: { api: 'gueltigBis', seite: 'gueltigBis' },
  },
  {
    name: 'Fördern: Maßnahme aufnehmen (Kosten je Platz kein Betrag)',
    wer: 'teamleitung',
    api: { method: 'POST', url: () => '/api/integration/massnahmen', body: () => ({ bezeichnung: 'Tür-Maßnahme', instrument: 'sgb3_45_mat', anbieter: 'Tür gGmbH', kostenJePlatzCent: 'zwölf', kostenart: 'pauschal' }) },
    seite: { url: () => '/integration/massnahmen', felder: () => ({ bezeichnung: 'Tür-Maßnahme', instrument: 'sgb3_45_mat', anbieter: 'Tür gGmbH', beschreibung: '', regeldauerTage: '', kostenJePlatzCent: 'zwölf', kostenart: 'pauschal', titel: '' }) },
    feld: { api: 'kostenJePlatzCent', seite: 'kostenJePlatzCent' },
  },
  {
    name: 'Fördern: Arbeitsgelegenheit über 24 Monate vorschlagen (ohne dokumentierte Prüfung)',
    wer: 'integration',
    async vorbereiten(h) {
      const fall = await h.api('leistung', 'POST', '/api/faelle', erstantragApi(await musterstadt(h)));
      const m = await h.api('teamleitung', 'POST', '/api/integration/massnahmen', { bezeichnung: `Tür-AGH ${Date.now()}`, instrument: 'sgb2_16d_agh', anbieter: 'Tür gGmbH', kostenJePlatzCent: 0, kostenart: 'pauschal' });
      const k = await h.api('teamleitung', 'POST', `/api/integration/massnahmen/${m.json.id}/kontingente`, { standortId: fall.json.bg.standortId, gueltigVon: '2026-12-01', plaetze: 2 });
      return { personId: Object.values(fall.json.personIds as Record<string, string>)[0]!, kontingentId: k.json.id };
    },
    api: { method: 'POST', url: (ids) => `/api/integration/personen/${ids.personId}/teilnahmen`, body: (ids) => ({ kontingentId: ids.kontingentId, geplantVon: '2027-01-01', geplantBis: '2029-06-30' }) },
    seite: { url: (ids) => `/integration/personen/${ids.personId}/massnahmen`, felder: (ids) => ({ _aktion: 'vorschlag', kontingentId: ids.kontingentId!, geplantVon: '2027-01-01', geplantBis: '2029-06-30', begruendung: '' }) },
    feld: { api: 'begruendung', seite: 'begruendung' },
  },
  {
    name: 'Fordern: Minderungsverfahren von Hand eröffnen mit einem Tag der Pflichtverletzung, den es nicht gibt',
    wer: 'integration',
    async vorbereiten(h) {
      const fall = await h.api('leistung', 'POST', '/api/faelle', erstantragApi(await musterstadt(h)));
      return { personId: Object.values(fall.json.personIds as Record<string, string>)[0]! };
    },
    api: {
      method: 'POST',
      url: () => '/api/fordern/verfahren',
      body: (ids) => ({ anlassArt: 'manuell', personId: ids.personId, tatbestand: '31_1_2', pflichtverletzungAm: '2026-11-31', anlassText: 'Tür', belehrungArt: 'kenntnis' }),
    },
    seite: {
      url: (ids) => `/fordern/neu?anlass=manuell&person=${ids.personId}`,
      felder: (ids) => ({ anlassArt: 'manuell', personId: ids.personId!, tatbestand: '31_1_2', pflichtverletzungAm: '2026-11-31', anlassText: 'Tür', belehrungArt: 'kenntnis', belehrungAm: '', belehrungText: '', belehrungZugangArt: '', belehrungZugangAm: '' }),
    },
    feld: { api: 'pflichtverletzungAm', seite: 'pflichtverletzungAm' },
  },
];

/** The Kommune Musterstadt (for an address). */
async function musterstadt(h: Hilfen): Promise<Ids> {
  const kommunen = await h.api('admin', 'GET', '/api/admin/kommunen');
  return { kommuneId: (kommunen.json.kommunen as { id: string; name: string }[]).find((k) => k.name === 'Musterstadt')!.id };
}
/** A valid Erstantrag (one person) through the API and through the form /faelle/neu; the rows spoil one field. */
const erstantragApi = (ids: Ids) => ({
  antragsdatum: '2024-06-12',
  eingangskanal: 'papier',
  personen: [{ ref: 'a', vorname: 'Tara', nachname: 'Neu', geburtsdatum: '1990-02-01', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
  adresse: { strasse: 'Am Markt', hausnummer: '9', plz: '12345', ort: 'Musterstadt', kommuneId: ids.kommuneId },
});
const erstantragSeite = (ids: Ids): Record<string, string> => ({
  kinder: '0',
  antragsdatum: '2024-06-12',
  eingangskanal: 'papier',
  a_vorname: 'Tara',
  a_nachname: 'Neu',
  a_geburtsdatum: '1990-02-01',
  a_staat: 'DE',
  adresse_strasse: 'Am Markt',
  adresse_hausnummer: '9',
  adresse_plz: '12345',
  adresse_ort: 'Musterstadt',
  adresse_kommune: ids.kommuneId!,
});

let t: TestApp;
const jars: Record<string, CookieJar> = {};
const jar = async (wer: string) => (jars[wer] ??= await signIn(t.app, `${wer}@musterland.example`));
const hilfen: Hilfen = {
  async api(wer, method, url, payload) {
    const j = await jar(wer);
    const res = await t.app.inject({ method, url, headers: { cookie: j.header() }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, json: res.headers['content-type']?.toString().includes('json') ? res.json() : null };
  },
};

beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the same invalid input through form and API', () => {
  it.each(TUEREN.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const ids = (await row.vorbereiten?.(hilfen)) ?? {};

    const api = await hilfen.api(row.wer, row.api.method, row.api.url(ids), row.api.body(ids));
    expect(api.status, JSON.stringify(api.json)).toBe(400);
    const issue = (api.json.issues as { path: string; message: string }[]).find((i) => i.path === `body.${row.feld.api}` || i.path.startsWith(`body.${row.feld.api}.`));
    expect(issue, JSON.stringify(api.json.issues)).toBeTruthy();

    const seite = await postForm(t.app, await jar(row.wer), row.seite.url(ids), row.seite.felder(ids));
    expect(seite.statusCode).toBe(400);
    // The message stands in the field's error paragraph (id "<field id>-fehler", referenced by aria-describedby).
    const feldFehler = new RegExp(`<p class="kern-error" id="[^"]*${row.feld.seite}[^"]*-fehler"[^>]*>([\\s\\S]*?)</p>`).exec(seite.body);
    expect(feldFehler, `kein Fehler am Feld ${row.feld.seite}`).toBeTruthy();
    expect(decode(feldFehler![1]!.replace(/<[^>]+>/g, ''))).toContain(issue!.message);
  });
});

/**
 * One open Erstattungsforderung (created once, through the API): a Fall, its Bewilligung, a Zahllauf, then an
 * Aufhebung for months already paid. The Vier-Augen rules are switched off so that one person decides.
 */
let forderung: Promise<Ids> | undefined;
function pruefe(r: Awaited<ReturnType<Hilfen['api']>>, was: string, status = 200) {
  if (r.status !== status) throw new Error(`${was}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}
function erstattungsforderung(h: Hilfen): Promise<Ids> {
  forderung ??= (async () => {
    const einstellungen = pruefe(await h.api('admin', 'GET', '/api/admin/traeger-einstellungen'), 'Einstellungen lesen');
    const regeln = { nachzahlungAbCent: null, monatsbetragAbCent: null, erstattungAbCent: null, ablehnung: false, aufhebung: false, erstbewilligung: false };
    pruefe(
      await h.api('admin', 'PUT', '/api/admin/traeger-einstellungen', { vierAugenRegeln: regeln, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', kontoinhaber: 'Kreis Musterland Jobcenter', version: einstellungen.version }),
      'Einstellungen',
    );
    const kommune = (pruefe(await h.api('admin', 'GET', '/api/admin/kommunen'), 'Kommunen').kommunen as { id: string; name: string }[]).find((k) => k.name === 'Musterstadt')!;
    const fall = pruefe(
      await h.api('leistung', 'POST', '/api/faelle', {
        antragsdatum: '2024-06-12',
        eingangskanal: 'papier',
        personen: [{ ref: 'a', vorname: 'Tara', nachname: 'Tür', geburtsdatum: '1990-02-01', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
        adresse: { strasse: 'Am Markt', hausnummer: '9', plz: '12345', ort: 'Musterstadt', kommuneId: kommune.id },
        bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Tara Tür' },
        unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 6000 },
      }),
      'Fall',
      201,
    );
    const b = pruefe(await h.api('leistung', 'POST', `/api/faelle/${fall.bg.id}/bewilligungen`, {}), 'Bewilligung', 201).bewilligung;
    const frei = pruefe(await h.api('leistung', 'POST', `/api/bewilligungen/${b.id}/freigeben`, { version: b.version }), 'Freigabe').bewilligung;
    pruefe(await h.api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-07' }), 'Zahllauf');
    const a = pruefe(
      await h.api('leistung', 'POST', `/api/bewilligungen/${frei.id}/aufhebung`, { ab: '2024-07-01', grund: 'sonstiger', grundText: 'Aufnahme in eine stationäre Einrichtung', tatbestand: 'nr2', anhoerungAm: '2024-08-10', version: frei.version }),
      'Aufhebung',
      201,
    ).bewilligung;
    pruefe(await h.api('leistung', 'POST', `/api/bewilligungen/${a.id}/freigeben`, { version: a.version }), 'Aufhebung entscheiden');
    const f = (pruefe(await h.api('leistung', 'GET', '/api/erstattungsforderungen?stand=offen'), 'Forderungen').forderungen as { id: string; bgId: string; version: number }[]).find((x) => x.bgId === fall.bg.id);
    if (!f) throw new Error('keine Erstattungsforderung entstanden');
    return { forderungId: f.id, version: String(f.version), bgId: fall.bg.id };
  })();
  return forderung;
}

/**
 * One Fallakte for the Fallakte rows (created once, through the API): every row sends invalid input, so nothing
 * changes and its version stays.
 */
let fall: Promise<Ids> | undefined;
function fallakte(h: Hilfen): Promise<Ids> {
  fall ??= (async () => {
    const kommunen = await h.api('admin', 'GET', '/api/admin/kommunen');
    const kommune = (kommunen.json.kommunen as { id: string; name: string }[]).find((k) => k.name === 'Musterstadt')!;
    const r = await h.api('leistung', 'POST', '/api/faelle', {
      antragsdatum: '2024-06-12',
      eingangskanal: 'papier',
      personen: [{ ref: 'a', vorname: 'Tara', nachname: 'Akte', geburtsdatum: '1990-02-01', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
      adresse: { strasse: 'Am Markt', hausnummer: '9', plz: '12345', ort: 'Musterstadt', kommuneId: kommune.id },
      unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 6000 },
    });
    if (r.status !== 201) throw new Error(`Fall: ${r.status} ${JSON.stringify(r.json)}`);
    return { bgId: r.json.bg.id, version: String(r.json.bg.version), personId: r.json.personIds.a };
  })();
  return fall;
}
