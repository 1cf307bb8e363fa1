/**
 * The application as the citizen filled it in: every page on the path their answers led along, in order, with the
 * labels of the form and the answers in words (money in euro, days as TT.MM.JJJJ, choices as their text). Used by
 * the caseworker's application view and the PDF of the submitted application. Pure: no IO.
 */
import { z } from 'zod';
import { euroText } from '../berechnung/geld.ts';
import {
  eintraege,
  feldArt,
  listenAdresse,
  naechsterSchritt,
  pfad,
  personenAuswahl,
  position,
  seitenWerte,
  text,
  type AntragDaten,
  type Flow,
  type FlowDaten,
  type Seite,
  type Sprache,
} from '../formular/index.ts';
import { landName } from '../formular/laender.ts';

export type AnsichtZeile = { feld: string; label: string; wert: string };
export type AnsichtAbschnitt = { schritt: string; titel: string; zeilen: AnsichtZeile[] };

const datum = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);

function optionText(wert: string, sprache: Sprache, daten: AntragDaten): string {
  const person = personenAuswahl(daten).find((p) => p.ref === wert);
  if (person) return person.name;
  const t = text(`option.${wert}`, sprache);
  return t === `option.${wert}` ? wert : t;
}

function wertText(schema: z.ZodType, wert: unknown, sprache: Sprache, daten: AntragDaten): string {
  const art = feldArt(schema);
  if (wert === undefined || wert === null || wert === '') return '';
  switch (art) {
    case 'geld':
      return typeof wert === 'number' ? euroText(wert) : String(wert);
    case 'datum':
      return datum(String(wert));
    case 'ja_nein':
      return text(wert === true ? 'option.ja' : 'option.nein', sprache);
    case 'checkbox':
      return wert === true ? text('option.ja', sprache) : text('option.nein', sprache);
    case 'auswahl':
      return optionText(String(wert), sprache, daten);
    case 'land':
      return `${landName(String(wert))} (${String(wert)})`;
    case 'mehrfach':
      return Array.isArray(wert) ? (wert.length ? wert.map((w) => optionText(String(w), sprache, daten)).join(', ') : '–') : String(wert);
    default:
      return String(wert);
  }
}

function zeilen(seite: Seite, quelle: Record<string, unknown>, praefix: string, sprache: Sprache, daten: AntragDaten): AnsichtZeile[] {
  const werte = seitenWerte(seite, quelle);
  return Object.entries(seite.schema.shape).flatMap(([name, schema]) => {
    const wert = wertText(schema as z.ZodType, werte[name], sprache, daten);
    if (!wert) return [];
    const label = text(`feld.${name}`, sprache);
    return [{ feld: `${praefix}${name}`, label: label === `feld.${name}` ? name : label, wert }];
  });
}

/**
 * Sections of the application: one per page the answers led to (list entries each as their own section, titled
 * with the entry's position). Pages without answers (list overviews) are left out.
 */
export function antragsansicht(flow: Flow, daten: FlowDaten, sprache: Sprache = 'de'): AnsichtAbschnitt[] {
  const d = daten as AntragDaten;
  const abschnitte: AnsichtAbschnitt[] = [];
  for (const schritt of pfad(flow, daten, false)) {
    const seite = flow.seiten[schritt];
    if (!seite) continue;
    const haupt = zeilen(seite, daten, seite.bereich ? `${seite.bereich}.` : '', sprache, d);
    if (haupt.length) abschnitte.push({ schritt, titel: text(seite.titel, sprache), zeilen: haupt });
    const liste = Object.entries(flow.listen ?? {}).find(([, l]) => l.uebersicht === schritt);
    if (!liste) continue;
    const [name, konfiguration] = liste;
    eintraege(daten, name).forEach((eintrag, i) => {
      const alle: AnsichtZeile[] = [];
      let adresse: string | undefined = listenAdresse(name, eintrag.id, konfiguration.initial);
      const gesehen = new Set<string>();
      while (adresse && adresse !== konfiguration.uebersicht && !gesehen.has(adresse)) {
        gesehen.add(adresse);
        const pos = position(flow, adresse);
        if (!pos) break;
        alle.push(...zeilen(pos.seite, eintrag, `${name}.${eintrag.id}.`, sprache, d));
        adresse = naechsterSchritt(flow, daten, adresse);
      }
      abschnitte.push({ schritt: `${name}/${eintrag.id}`, titel: `${text(konfiguration.titel, sprache)} – ${i + 1}`, zeilen: alle });
    });
  }
  return abschnitte;
}
