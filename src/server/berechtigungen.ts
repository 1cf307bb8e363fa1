import type { Role } from '../db/schema/index.ts';

/**
 * The permission table of vorort: for every permission, which roles hold it and how far it reaches for each of them.
 * It is the one source every check reads – `authorize`/`can` (does a role hold it at all), `reichweite` and
 * `sichtbareStandorte` in `policies.ts` (which objects it covers). docs/sicherheit.md ("Rollen und Rechte") shows the
 * same table for people; the matrix test (tests/integration/berechtigungen-matrix.int.test.ts) checks every API
 * operation against it.
 *
 * Reach (`Reichweite`), always inside the actor's own Träger (row-level security makes other Träger invisible):
 * - `traeger`: every object of the Träger.
 * - `standort`: objects of the Standorte the person works for (others answer 404, as if they did not exist).
 * - `eigener_kalender`: only the person's own bookable desk (Sprechzeiten, Ausnahmen, Abwesenheiten).
 * - `eigene`: a citizen's own objects – their account, appointments, Warteliste entries.
 * - `bg_oder_vollmacht`: a citizen's own matters and those of people who gave them a valid Vollmacht (scope
 *   "lesen" or "handeln"); membership in a Bedarfsgemeinschaft is established by the Jobcenter when it takes over an
 *   application into the Fallakte.
 *
 * `controlling` holds only aggregate permissions (costs, Zahllauf overview): no permission that reaches a single
 * person's appointment, Fallakte, Bewilligung or payment.
 */
export type Reichweite = 'traeger' | 'standort' | 'eigener_kalender' | 'eigene' | 'bg_oder_vollmacht';

export type Berechtigung = {
  /** What it allows, in German (shown in docs/sicherheit.md). */
  beschreibung: string;
  /** The roles holding it and the reach for each. A role not listed does not hold it. */
  rollen: Partial<Record<Role, Reichweite>>;
  /** Aggregates only (no data of a single person): the only kind `controlling` may hold. */
  aggregat?: true;
};

export const BERECHTIGUNGEN = {
  // ------------------------------------------------------------------ Verwaltung (admin)
  'organisation.verwalten': { beschreibung: 'Kommunen, Standorte und Anmelde-Einstellungen des Trägers pflegen', rollen: { admin: 'traeger' } },
  'benutzer.verwalten': { beschreibung: 'Konten der Beschäftigten anlegen, ändern, sperren; Konten von Bürgerinnen und Bürgern einsehen', rollen: { admin: 'traeger' } },
  'protokoll.durchsuchen': { beschreibung: 'Zugriffsprotokoll durchsuchen', rollen: { admin: 'traeger' } },
  'kdu.verwalten': { beschreibung: 'KdU-Richtwerte (angemessene Kosten der Unterkunft) pflegen', rollen: { admin: 'traeger' } },
  'einstellungen.verwalten': { beschreibung: 'Einstellungen des Trägers (Vier-Augen-Regeln, Bankverbindung, Termin-Regeln)', rollen: { admin: 'traeger' } },

  // ------------------------------------------------------------------ Arbeitsplätze (Startseite je Rolle)
  'arbeitsplatz.leistung': { beschreibung: 'Arbeitsplatz Leistungssachbearbeitung', rollen: { leistung: 'standort', teamleitung: 'standort' } },
  'arbeitsplatz.integration': { beschreibung: 'Arbeitsplatz Integrationsfachkraft', rollen: { integration: 'standort', teamleitung: 'standort' } },
  'arbeitsplatz.teamleitung': { beschreibung: 'Arbeitsplatz Teamleitung', rollen: { teamleitung: 'standort' } },
  'arbeitsplatz.controlling': { beschreibung: 'Arbeitsplatz Controlling (nur Kennzahlen)', rollen: { controlling: 'traeger' }, aggregat: true },

  // ------------------------------------------------------------------ Fallakte, Anträge, Berechnung
  'berechnung.ausfuehren': { beschreibung: 'Leistungsberechnung ohne Fallakte (Probeberechnung)', rollen: { leistung: 'standort', integration: 'standort', teamleitung: 'standort' } },
  'fall.lesen': { beschreibung: 'Fallakten, Anträge, Online-Eingang, Wiedervorlagen und Dokumente lesen', rollen: { leistung: 'standort', integration: 'standort', teamleitung: 'standort' } },
  'fall.bearbeiten': { beschreibung: 'Fallakten und Anträge anlegen und ändern', rollen: { leistung: 'standort', teamleitung: 'standort' } },
  'fall.bankdaten': { beschreibung: 'Bankverbindung sehen und ändern', rollen: { leistung: 'standort', teamleitung: 'standort' } },

  // ------------------------------------------------------------------ Bewilligung, Bescheid, Zahlung
  'bewilligung.lesen': { beschreibung: 'Bewilligungen und Bescheide einer Fallakte lesen', rollen: { leistung: 'standort', integration: 'standort', teamleitung: 'standort' } },
  'bewilligung.bearbeiten': { beschreibung: 'Bewilligungen berechnen, ändern, aufheben, ohne Vier-Augen-Grund freigeben; Bescheide; Erstattungsforderungen', rollen: { leistung: 'standort', teamleitung: 'standort' } },
  'bewilligung.freigeben': { beschreibung: 'Bewilligungen mit Vier-Augen-Grund freigeben (eine andere Person als die, die sie erstellt hat)', rollen: { teamleitung: 'standort' } },
  'zahllauf.ausfuehren': {
    beschreibung: 'Zahllauf des Trägers ausführen und seine Zahlungsdatei (pain.001) laden; einzelne Zahlungen: die der eigenen Standorte',
    rollen: { leistung: 'standort', teamleitung: 'standort' },
  },
  'zahllauf.uebersicht': { beschreibung: 'Liste der Zahlläufe mit Summen (ohne einzelne Zahlungen)', rollen: { leistung: 'traeger', teamleitung: 'traeger', controlling: 'traeger' }, aggregat: true },
  'statistik.lesen': {
    beschreibung: 'Steuerung: Monatsbericht, § 48a-Kennzahlen, Vergleich der Kommunen, Standorte und Jobcenter, Pressetext (nur Summen)',
    rollen: { controlling: 'traeger', teamleitung: 'standort', admin: 'traeger' },
    aggregat: true,
  },
  'statistik.verwalten': {
    beschreibung: 'Steuerung einrichten: Stichtag und Land, Bezugsgrößen, Statistik neu erstellen, veröffentlichte Kennzahlen importieren, Jobcenter-Verzeichnis',
    rollen: { controlling: 'traeger', admin: 'traeger' },
    aggregat: true,
  },
  'kosten.lesen': { beschreibung: 'Kostenbericht (Summen je Monat, Kommune und Kostenträger)', rollen: { controlling: 'traeger', teamleitung: 'traeger' }, aggregat: true },
  'massenaenderung.ausfuehren': { beschreibung: 'Massenänderung (z. B. neue Regelbedarfe) planen, ausführen, Ergebnis ansehen', rollen: { teamleitung: 'traeger' } },

  // ------------------------------------------------------------------ Fördern (Integration, docs/foerdern.md)
  'integration.lesen': {
    beschreibung: 'Integrationsdaten einer Person lesen: Betreuung, Arbeitsmarktstatus, Gesprächsvermerke, Potenzialanalyse ohne Gesundheitsangaben, Kooperationsplan, Maßnahme-Teilnahmen, Integrationen',
    rollen: { leistung: 'standort', integration: 'standort', teamleitung: 'standort' },
  },
  'integration.bearbeiten': {
    beschreibung: 'Integrationsarbeit: Status, Gesprächsvermerke, Potenzialanalyse, Kooperationsplan, Vorschlag/Zuweisung/Eintritt/Austritt, Integrationen, Förderleistungen erfassen',
    rollen: { integration: 'standort', teamleitung: 'standort' },
  },
  'potenzialanalyse.gesundheit': {
    beschreibung: 'Gesundheitsbezogene Angaben der Potenzialanalyse (besondere Kategorie, Art. 9 DSGVO) sehen und erfassen – nur die Integrationsfachkraft',
    rollen: { integration: 'standort' },
  },
  'betreuung.zuweisen': { beschreibung: 'Persönliche Ansprechpartner zuweisen und umverteilen (auch mehrere auf einmal)', rollen: { teamleitung: 'standort' } },
  'massnahmen.lesen': { beschreibung: 'Maßnahmenprogramm des Trägers mit Plätzen lesen', rollen: { leistung: 'traeger', integration: 'traeger', teamleitung: 'traeger' } },
  'massnahmen.verwalten': { beschreibung: 'Maßnahmenprogramm des Trägers pflegen: Maßnahmen, Plätze je Standort und Zeitraum, Katalog der Handlungsbedarfe', rollen: { teamleitung: 'traeger', admin: 'traeger' } },
  'zuweisung.genehmigen': { beschreibung: 'Zuweisungen genehmigen, die das freie Eingliederungsbudget überschreiten', rollen: { teamleitung: 'standort' } },
  'budget.verwalten': { beschreibung: 'Eingliederungsbudget je Haushaltsjahr und Titel eintragen; Rechnungen der Maßnahmeträger buchen', rollen: { teamleitung: 'traeger' } },
  'budget.lesen': { beschreibung: 'Budgetübersicht: Soll, gebunden, ausgezahlt, frei je Titel, Instrument und Standort (nur Summen)', rollen: { controlling: 'traeger', teamleitung: 'traeger', integration: 'traeger' }, aggregat: true },

  // ------------------------------------------------------------------ Fordern (Minderungsverfahren, docs/fordern.md)
  'fordern.lesen': {
    beschreibung: 'Minderungsverfahren und festgestellte Minderungen lesen (Liste, Verlauf, Schreiben)',
    rollen: { leistung: 'standort', integration: 'standort', teamleitung: 'standort' },
  },
  'fordern.bearbeiten': {
    beschreibung: 'Minderungsverfahren eröffnen, Zugang von Einladungen erfassen, Anhörung versenden, Antworten erfassen, Verfahren einstellen, vorzeitiges Ende',
    rollen: { leistung: 'standort', integration: 'standort', teamleitung: 'standort' },
  },
  'fordern.entscheiden': {
    beschreibung: 'Über die Minderung entscheiden und den Minderungsbescheid erlassen; aufheben (Widerspruch). Welche Seite entscheidet, legt der Träger fest (Einstellung); die Teamleitung immer',
    rollen: { leistung: 'standort', integration: 'standort', teamleitung: 'standort' },
  },
  'fordern.freigeben': { beschreibung: 'Minderungsbescheide mit Vier-Augen-Pflicht freigeben (eine andere Person als die entscheidende)', rollen: { teamleitung: 'standort' } },

  // ------------------------------------------------------------------ Termine
  'termine.bearbeiten': {
    beschreibung: 'Termine der Bürgerinnen und Bürger sehen, verschieben, absagen; Kalender, Einladungen, Ergebnis, Check-in',
    rollen: { leistung: 'standort', integration: 'standort', teamleitung: 'standort' },
  },
  'termine.eigenerKalender': {
    beschreibung: 'Sprechzeiten, Ausnahmen (geschlossen/zusätzlich) und Abwesenheiten des eigenen buchbaren Platzes pflegen',
    rollen: { leistung: 'eigener_kalender', integration: 'eigener_kalender' },
  },
  'termine.planen': {
    beschreibung: 'Sprechzeiten, Ausnahmen und Abwesenheiten aller Plätze; geschlossene Tage eines Standorts; Teams',
    rollen: { teamleitung: 'standort', admin: 'traeger' },
  },
  'termine.eigene': { beschreibung: 'Eigene Termine buchen, sehen, verschieben, absagen; eigene Warteliste', rollen: { buerger: 'eigene' } },

  // ------------------------------------------------------------------ Bürgerportal
  'portal.nutzen': {
    beschreibung: 'Bürgerportal: Anträge, Postfach, Dokumente, Veränderungsmitteilungen – eigene und die der Vollmachtgeber',
    rollen: { buerger: 'bg_oder_vollmacht' },
  },
} as const satisfies Record<string, Berechtigung>;

export type Permission = keyof typeof BERECHTIGUNGEN;

const WEITE: Record<Reichweite, number> = { traeger: 5, standort: 4, bg_oder_vollmacht: 3, eigene: 2, eigener_kalender: 1 };

/** The widest reach any of the roles has for the permission; `null`: none of them holds it. */
export function reichweiteDerRollen(roles: readonly Role[], permission: Permission): Reichweite | null {
  const tabelle: Berechtigung['rollen'] = BERECHTIGUNGEN[permission].rollen;
  let beste: Reichweite | null = null;
  for (const r of roles) {
    const w = tabelle[r];
    if (w && (!beste || WEITE[w] > WEITE[beste])) beste = w;
  }
  return beste;
}

/** The roles holding a permission (for menus, documentation and tests). */
export function rollenMit(permission: Permission): Role[] {
  return Object.keys(BERECHTIGUNGEN[permission].rollen) as Role[];
}
