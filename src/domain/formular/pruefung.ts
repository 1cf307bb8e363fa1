/**
 * The review before the binding submission ("Angaben prüfen"): every answer on the path of the person's answers, by
 * section, each page with the address of its step (for the "ändern" link), and the pages still missing. Pure: the
 * page (src/web/pages/portal/antrag.tsx) only renders it. Declarations (the statement that opens the application, the
 * closing confirmations) are not answers to check and are left out.
 */
import type { z } from 'zod';
import { euroText } from '../berechnung/geld.ts';
import {
  eintraege,
  eintragsSchritte,
  istSchrittVollstaendig,
  istSeiteVollstaendig,
  listenAdresse,
  pfad,
  seitenWerte,
  type Flow,
  type FlowDaten,
  type Seite,
} from './engine.ts';
import { feldArt, istOptional } from './felder.ts';
import { personenAuswahl, type AntragDaten } from './flows/erstantrag-daten.ts';
import { landName } from './laender.ts';
import { text, type Sprache } from './texte/index.ts';

export type PruefZeile = { feld: string; label: string; wert: string; fehlt: boolean };
/** One page: its step address (where "ändern" leads) and its answers. */
export type PruefSeite = { adresse: string; titel: string; zeilen: PruefZeile[]; vollstaendig: boolean };
/**
 * A section: a main page, or one list entry (a child, an income …) with its pages; `eintrag` names the entry (for the
 * "ändern" links, so that two entries' links differ).
 */
export type PruefAbschnitt = { id: string; titel: string; eintrag?: string; seiten: PruefSeite[] };
export type Pruefung = { abschnitte: PruefAbschnitt[]; fehlend: Array<{ adresse: string; titel: string }>; vollstaendig: boolean };

const tag = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);

function option(wert: string, sprache: Sprache, daten: AntragDaten): string {
  const person = personenAuswahl(daten).find((p) => p.ref === wert);
  if (person) return person.name;
  const t = text(`option.${wert}`, sprache);
  return t === `option.${wert}` ? wert : t;
}

/** An answer in words, in the person's language (money in euro, days as TT.MM.JJJJ, choices as their text). */
export function antwortText(schema: z.ZodType, wert: unknown, sprache: Sprache, daten: AntragDaten): string {
  if (wert === undefined || wert === null || wert === '') return '';
  switch (feldArt(schema)) {
    case 'geld':
      return typeof wert === 'number' ? euroText(wert) : String(wert);
    case 'datum':
      return tag(String(wert));
    case 'ja_nein':
    case 'checkbox':
      return text(wert === true ? 'option.ja' : 'option.nein', sprache);
    case 'auswahl':
      return option(String(wert), sprache, daten);
    case 'mehrfach':
      return Array.isArray(wert) ? (wert.length ? wert.map((w) => option(String(w), sprache, daten)).join(', ') : text('portal.pruefen.keine', sprache)) : String(wert);
    case 'land':
      return landName(String(wert));
    default:
      return String(wert);
  }
}

function seiteFuer(seite: Seite, quelle: Record<string, unknown>, adresse: string, praefix: string, sprache: Sprache, daten: FlowDaten): PruefSeite {
  const werte = seitenWerte(seite, quelle);
  const zeilen = Object.entries(seite.schema.shape).map(([name, schema]) => {
    const s = schema as z.ZodType;
    const wert = antwortText(s, werte[name], sprache, daten as AntragDaten);
    return {
      feld: `${praefix}${name}`,
      label: text(`feld.${name}`, sprache),
      wert: wert || text(istOptional(s) ? 'portal.pruefen.keine_angabe' : 'portal.pruefen.fehlt', sprache),
      fehlt: !wert && !istOptional(s),
    };
  });
  return { adresse, titel: text(seite.titel, sprache), zeilen, vollstaendig: istSeiteVollstaendig(seite, quelle, daten) };
}

/** a non-empty text, else '' */
const wort = (x: unknown) => (typeof x === 'string' && x ? x : '');

/**
 * How a list entry is called in the list overview and the review: a person by name; an income by its Arbeitgeber,
 * Tätigkeit or description (else its kind) and whose it is; a one-off payment by its kind and amount
 * ("Steuererstattung, 300,00 €"); other entries by their name or description. Empty when nothing is entered yet.
 */
export function eintragsName(liste: string, e: Record<string, unknown>, daten: FlowDaten, sprache: Sprache = 'de'): string {
  const name = [e.vorname, e.nachname].filter((x) => typeof x === 'string' && x).join(' ');
  if (name) return name;
  const art = wort(e.art) ? option(wort(e.art), sprache, daten as AntragDaten) : '';
  if (liste === 'einmalzahlungen') return [art, typeof e.einmalbetragCent === 'number' ? euroText(e.einmalbetragCent) : ''].filter(Boolean).join(', ');
  if (liste === 'einkommen') {
    const was = e.art === 'arbeit' ? wort(e.arbeitgeber) : e.art === 'selbststaendigkeit' ? wort(e.taetigkeit) : wort(e.bezeichnung);
    const person = personenAuswahl(daten as AntragDaten).find((p) => p.ref === e.person)?.name ?? '';
    const bezeichnung = was || art;
    return [bezeichnung, person].filter(Boolean).join(', ');
  }
  for (const x of [e.name, e.arbeitgeber, e.bezeichnung, e.taetigkeit]) if (wort(x)) return wort(x);
  return '';
}

/** Sections and missing pages of a draft, along the path its answers lead to. */
export function pruefung(flow: Flow, daten: FlowDaten, sprache: Sprache = 'de'): Pruefung {
  const abschnitte: PruefAbschnitt[] = [];
  const fehlend: Pruefung['fehlend'] = [];
  // declarations: the statement that fixes the Antragsdatum, and the closing page (no transition after it)
  const erklaerung = (s: string) => s === flow.antragsdatumSchritt || (flow.uebergaenge as Record<string, unknown>)[s] === undefined;
  const abschluss = (s: string) => s !== flow.antragsdatumSchritt && (flow.uebergaenge as Record<string, unknown>)[s] === undefined;
  for (const schritt of pfad(flow, daten, false)) {
    const seite = flow.seiten[schritt]!;
    const liste = Object.entries(flow.listen ?? {}).find(([, l]) => l.uebersicht === schritt);
    if (!erklaerung(schritt) && Object.keys(seite.schema.shape).length > 0) {
      const s = seiteFuer(seite, daten, schritt, seite.bereich ? `${seite.bereich}.` : '', sprache, daten);
      abschnitte.push({ id: schritt, titel: s.titel, seiten: [s] });
    }
    if (!abschluss(schritt) && !istSchrittVollstaendig(flow, daten, schritt)) {
      // a list overview is incomplete when an entry is missing or unfinished: the entry's pages say which
      if (!liste || eintraege(daten, liste[0]).length < (liste[1].mindestens?.(daten) ?? 0)) fehlend.push({ adresse: schritt, titel: text(seite.titel, sprache) });
    }
    if (!liste) continue;
    const [key, konf] = liste;
    eintraege(daten, key).forEach((e, i) => {
      const seiten = eintragsSchritte(flow, key, e, daten).map((x) => seiteFuer(konf.seiten[x]!, e, listenAdresse(key, e.id, x), `${key}.${e.id}.`, sprache, daten));
      const name = eintragsName(key, e, daten, sprache);
      abschnitte.push({ id: `${key}/${e.id}`, titel: `${text(konf.titel, sprache)} ${i + 1}${name ? `: ${name}` : ''}`, eintrag: name || `${text(konf.titel, sprache)} ${i + 1}`, seiten });
      for (const s of seiten) if (!s.vollstaendig) fehlend.push({ adresse: s.adresse, titel: `${s.titel} (${text(konf.titel, sprache)} ${i + 1})` });
    });
  }
  return { abschnitte, fehlend, vollstaendig: fehlend.length === 0 };
}
