import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bereinige,
  defineFlow,
  eintragEntfernen,
  ersterOffenerSchritt,
  fortschritt,
  FlowKonfigurationsFehler,
  formwerte,
  istErreichbar,
  validiereSchritt,
  vorherigerSchritt,
  type Flow,
  type FlowDaten,
} from './engine.ts';
import { feld, parseDatum, parseGeld } from './felder.ts';
import { erstantragFlow } from './flows/erstantrag.ts';
import { familieMitZweiKindern } from '../../../tests/helpers/formular-faelle.ts';
import { geheVorwaerts } from '../../../tests/helpers/formular-durchlauf.ts';
import { text } from './texte/index.ts';
import { de } from './texte/de.ts';
import { en } from './texte/en.ts';

const flow = erstantragFlow as unknown as Flow<FlowDaten>;

describe('Formularwerte', () => {
  it('liest Geldbeträge in Cent', () => {
    expect(parseGeld('1.234,56')).toBe(123456);
    expect(parseGeld('1234,5')).toBe(123450);
    expect(parseGeld('1234.56')).toBe(123456);
    expect(parseGeld('1.400')).toBe(140000);
    expect(parseGeld('12 €')).toBe(1200);
    expect(parseGeld('0,07')).toBe(7);
    expect(parseGeld('-5')).toBeNull();
    expect(parseGeld('12,345')).toBeNull();
    expect(parseGeld('abc')).toBeNull();
  });
  it('liest Datumsangaben', () => {
    expect(parseDatum('4.3.2025')).toBe('2025-03-04');
    expect(parseDatum('2024-02-29')).toBe('2024-02-29');
    expect(parseDatum('2025-02-29')).toBeNull();
    expect(parseDatum('31.04.2025')).toBeNull();
  });
  it('ein nicht angekreuztes Kästchen ist false, Ja/Nein wird boolean, Mehrfachauswahl eine Liste', () => {
    const seite = { schema: z.strictObject({ a: feld.checkbox(), b: feld.jaNein(), c: feld.mehrfach(['x', 'y'] as const), d: feld.geld().optional() }) };
    const r = validiereSchritt(defineFlow({ id: 't', initial: 's', seiten: { s: { titel: 't', ...seite } }, uebergaenge: {} }), 's', { b: 'nein', c: 'y' });
    expect(r).toEqual({ ok: true, werte: { a: false, b: false, c: ['y'] } });
  });
  it('meldet Fehler je Feld mit Code und deutscher (oder englischer) Nachricht', () => {
    const r = validiereSchritt(flow, 'wohnkosten', { grundmieteCent: '12,345', nebenkostenCent: '', heizkostenCent: '80' }, { sprache: 'en' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fehler.map((f) => [f.feld, f.code])).toEqual([
      ['grundmieteCent', 'betrag_ungueltig'],
      ['nebenkostenCent', 'pflichtfeld'],
      ['heizungsart', 'auswahl_fehlt'],
      ['warmwasserDezentral', 'auswahl_fehlt'],
      ['wohnflaecheQm', 'pflichtfeld'],
    ]);
    expect(r.fehler[0]!.nachricht).toMatch(/amount in euros/);
    expect(r.eingabe.grundmieteCent).toBe('12,345');
    const d = validiereSchritt(flow, 'wohnkosten', { grundmieteCent: '12,345' });
    expect(!d.ok && d.fehler[0]!.nachricht).toMatch(/Betrag in Euro/);
  });
  it('prüft Angaben gegen den Rest des Antrags (Person muss zum Antrag gehören, netto ≤ brutto)', () => {
    const daten = { haushalt: { partner: false, kinder: false, weiterePersonen: false } };
    const r = validiereSchritt(flow, 'einkommen/e1/einkommen-art', { person: 'partner', art: 'rente' }, { daten });
    expect(!r.ok && r.fehler.map((f) => f.code)).toEqual(['person_unbekannt']);
    const n = validiereSchritt(flow, 'einkommen/e1/einkommen-arbeit', { arbeitgeber: 'X', bruttoCent: '100', nettoCent: '200', minijob: 'nein' });
    expect(!n.ok && n.fehler.map((f) => f.code)).toEqual(['netto_ueber_brutto']);
  });
  it('zeigt gespeicherte Werte wieder als Formularwerte', () => {
    const { daten } = geheVorwaerts(familieMitZweiKindern);
    expect(formwerte(flow, daten, 'wohnkosten')).toMatchObject({ grundmieteCent: '650', nebenkostenCent: '180,50', warmwasserDezentral: 'nein' });
    expect(formwerte(flow, daten, 'kinder/k1/kind-person')).toMatchObject({ vorname: 'Clara', geburtsdatum: '2009-06-30' });
  });
});

describe('Navigation, Erreichbarkeit, Fortschritt', () => {
  it('lässt keinen Schritt hinter einer Lücke zu und führt zum ersten offenen Schritt', () => {
    const { daten } = geheVorwaerts({ ...familieMitZweiKindern, schritte: familieMitZweiKindern.schritte.slice(0, 3) });
    expect(istErreichbar(flow, daten, 'familienstand')).toBe(true);
    expect(istErreichbar(flow, daten, 'anschrift')).toBe(true);
    expect(istErreichbar(flow, daten, 'kontakt')).toBe(false);
    expect(istErreichbar(flow, daten, 'zusammenfassung')).toBe(false);
    expect(istErreichbar(flow, daten, 'gibt-es-nicht')).toBe(false);
    expect(istErreichbar(flow, daten, 'kinder/k1/kind-person')).toBe(false);
    expect(ersterOffenerSchritt(flow, daten)).toBe('anschrift');
  });
  it('Zurück folgt den Antworten, nicht dem Browserverlauf', () => {
    const { daten } = geheVorwaerts(familieMitZweiKindern);
    expect(vorherigerSchritt(flow, daten, 'kinder')).toBe('partner-erwerb');
    const ohnePartner = { ...daten, haushalt: { ...(daten.haushalt as object), partner: false } };
    expect(vorherigerSchritt(flow, ohnePartner, 'kinder')).toBe('haushalt');
    expect(vorherigerSchritt(flow, daten, 'antrag')).toBeUndefined();
    expect(vorherigerSchritt(flow, daten, 'kinder/k2/kind-person')).toBe('kinder');
  });
  it('Fortschritt aus der Tiefe im Graphen', () => {
    expect(fortschritt(flow, 'antrag')).toMatchObject({ schritt: 1, prozent: 0 });
    expect(fortschritt(flow, 'zusammenfassung').prozent).toBe(100);
    expect(fortschritt(flow, 'kinder/k1/kind-person')).toEqual(fortschritt(flow, 'kinder'));
    expect(fortschritt(flow, 'wohnung').prozent).toBeGreaterThan(fortschritt(flow, 'haushalt').prozent);
  });
});

describe('Bereinigen', () => {
  it('entfernt Partner, Kinder und Einkommen, wenn die Antworten sie nicht mehr vorsehen', () => {
    const { daten } = geheVorwaerts(familieMitZweiKindern);
    expect(daten.partner).toBeDefined();
    const neu = bereinige<FlowDaten>(flow, { ...daten, haushalt: { partner: false, kinder: false, weiterePersonen: false }, einkommenVorhanden: false });
    expect(neu.partner).toBeUndefined();
    expect(neu.kinder).toBeUndefined();
    expect(neu.einkommen).toBeUndefined();
    expect(neu.antragsdatum).toBe(daten.antragsdatum);
    expect(neu.anschrift).toEqual(daten.anschrift);
    // Vermögen of the removed partner stays until the person corrects it – but the page is no longer complete
    expect(istErreichbar(flow, neu, 'zusammenfassung')).toBe(false);
    expect(ersterOffenerSchritt(flow, neu)).toBe('vermoegen');
  });
  it('entfernt Felder eines Listeneintrags aus einem verlassenen Zweig', () => {
    const { daten } = geheVorwaerts(familieMitZweiKindern);
    const einkommen = (daten.einkommen as Array<Record<string, unknown>>).map((e) => ({ ...e, art: 'rente', betragCent: 50000 }));
    const neu = bereinige<FlowDaten>(flow, { ...daten, einkommen });
    expect((neu.einkommen as Array<Record<string, unknown>>)[0]).toEqual({ id: 'e1', person: 'antragsteller', art: 'rente', betragCent: 50000 });
  });
  it('verlangt mindestens ein Kind, wenn Kinder angegeben sind', () => {
    const { daten } = geheVorwaerts(familieMitZweiKindern);
    const ohne = eintragEntfernen(flow, eintragEntfernen(flow, daten, 'kinder', 'k1'), 'kinder', 'k2');
    expect(ersterOffenerSchritt(flow, ohne)).toBe('kinder');
  });
});

describe('Konfiguration', () => {
  const s = { titel: 't', schema: z.strictObject({}) };
  it('lehnt Kreise, unbekannte Ziele und unerreichbare Seiten ab', () => {
    expect(() => defineFlow({ id: 'x', initial: 'a', seiten: { a: s, b: s }, uebergaenge: { a: 'b', b: 'a' } })).toThrow(FlowKonfigurationsFehler);
    expect(() => defineFlow({ id: 'x', initial: 'a', seiten: { a: s }, uebergaenge: { a: 'c' } })).toThrow(/unbekannter Schritt/);
    expect(() => defineFlow({ id: 'x', initial: 'a', seiten: { a: s, b: s }, uebergaenge: {} })).toThrow(/nie erreichbar/);
  });
});

describe('Texte', () => {
  it('gibt es auf Deutsch und Englisch für jeden Schlüssel, und jeder Seitentitel ist ein Schlüssel', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const seite of Object.values(erstantragFlow.seiten)) expect(seite.titel in de, seite.titel).toBe(true);
    for (const l of Object.values(erstantragFlow.listen ?? {})) for (const seite of Object.values(l.seiten)) expect(seite.titel in de, seite.titel).toBe(true);
    expect(text('nachweis.fuer_person', 'en', { nachweis: 'X', name: 'Y' })).toBe('X (for Y)');
  });
});
