import { z } from 'zod';
import { AUSTRITTSGRUENDE, BUDGET_TITEL, INSTRUMENTE, KOSTENARTEN_PLATZ, TEILNAHME_STATUS } from '../../domain/foerdern/typen.ts';
import { euroCent, ganzzahl, haekchen, leerAlsFehlend, leerAlsNull, tagesdatum, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';

/** Input schemas of the Maßnahmen and Teilnahmen use cases: one for the form and the API (src/server/schemas/formular.ts). */

const id = (was: string) => z.string().max(100).describe(`${was} (UUID)`);
const auswahl = <T extends readonly [string, ...string[]]>(werte: T, fehler: string) => z.enum(werte, { error: fehler });
const pflichttext = (max: number, fehler: string) => text(max).trim().min(1, { error: fehler });

export const massnahmeFelder = {
  bezeichnung: pflichttext(200, 'Bitte geben Sie die Bezeichnung der Maßnahme an.'),
  instrument: auswahl(INSTRUMENTE, 'Bitte wählen Sie das Instrument aus der Liste.'),
  anbieter: pflichttext(200, 'Bitte geben Sie den Maßnahmeträger an.'),
  beschreibung: leerAlsNull(text(2000)).optional(),
  regeldauerTage: leerAlsNull(ganzzahl('Bitte geben Sie die Regeldauer als ganze Zahl von Tagen an (1 bis 3650).', 1, 3650)).optional(),
  kostenJePlatzCent: euroCent().describe('Kosten je Platz in Cent (Formular: Euro)'),
  kostenart: auswahl(KOSTENARTEN_PLATZ, 'Bitte wählen Sie, wie die Kosten anfallen.'),
  titel: leerAlsFehlend(auswahl(BUDGET_TITEL, 'Bitte wählen Sie den Haushaltstitel.')).describe('Standard: nach dem Instrument (§ 16a kommunal, sonst EGT)'),
};

export const massnahmeAnlegenSchema = z.strictObject(massnahmeFelder);

export const massnahmeAendernSchema = z.strictObject({
  id: id('Maßnahme'),
  version: version(),
  ...massnahmeFelder,
});

export const massnahmeAktivSchema = z.strictObject({ id: id('Maßnahme'), version: version(), aktiv: haekchen() });

export const kontingentAnlegenSchema = z.strictObject({
  massnahmeId: id('Maßnahme'),
  standortId: z.string().max(100).describe('Standort (UUID)'),
  gueltigVon: tagesdatum(),
  gueltigBis: leerAlsNull(tagesdatum()).optional(),
  plaetze: ganzzahl('Bitte geben Sie die Zahl der Plätze an (0 bis 10000).', 0, 10_000),
});

export const kontingentAendernSchema = z.strictObject({
  id: id('Kontingent'),
  version: version(),
  plaetze: ganzzahl('Bitte geben Sie die Zahl der Plätze an (0 bis 10000).', 0, 10_000),
  gueltigBis: leerAlsNull(tagesdatum()).optional(),
});

export const idSchema = z.strictObject({ id: id('Kennung') });

export const teilnehmerSchema = z.strictObject({
  id: id('Maßnahme'),
  status: leerAlsFehlend(auswahl(TEILNAHME_STATUS, 'Bitte wählen Sie einen Status aus der Liste.')),
  format: leerAlsFehlend(z.enum(['json', 'csv'])),
});

export const personSchema = z.strictObject({ personId: id('Person') });

export const vorschlagSchema = z.strictObject({
  personId: id('Person'),
  kontingentId: z.string({ error: 'Bitte wählen Sie eine Maßnahme mit freien Plätzen an Ihrem Standort.' }).trim().min(1, { error: 'Bitte wählen Sie eine Maßnahme.' }).max(100).describe('Kontingent (UUID)'),
  geplantVon: tagesdatum(),
  geplantBis: leerAlsFehlend(tagesdatum()).describe('Standard: Beginn + Regeldauer der Maßnahme'),
  begruendung: leerAlsNull(text(2000)).optional().describe('Warum diese Maßnahme (Prognose); bei § 16d-Verlängerung die dokumentierte Prüfung'),
});

export const zuweisungSchema = z.strictObject({
  id: id('Teilnahme'),
  version: version(),
  geplantVon: leerAlsFehlend(tagesdatum()),
  geplantBis: leerAlsFehlend(tagesdatum()),
  mitRechtsfolgenbelehrung: haekchen().default(false),
  begruendung: leerAlsNull(text(2000)).optional(),
  schwerwiegendeHemmnisse: haekchen().default(false).describe('§ 45 bei einem Arbeitgeber: Langzeitarbeitslos mit schwerwiegenden Vermittlungshemmnissen (12 statt 6 Wochen)'),
  budgetBestaetigt: haekchen().default(false).describe('Nur mit Recht zuweisung.genehmigen: Zuweisung trotz überschrittenem Budget'),
});

export const genehmigungSchema = z.strictObject({
  id: id('Teilnahme'),
  version: version(),
  entscheidung: auswahl(['genehmigen', 'ablehnen'] as const, 'Bitte entscheiden Sie: genehmigen oder ablehnen.'),
});

export const eintrittSchema = z.strictObject({ id: id('Teilnahme'), version: version(), eintrittAm: tagesdatum() });

export const austrittSchema = z.strictObject({
  id: id('Teilnahme'),
  version: version(),
  austrittAm: tagesdatum(),
  grund: auswahl(AUSTRITTSGRUENDE, 'Bitte wählen Sie den Grund des Austritts.'),
});

export const bescheinigungSchema = z.strictObject({ id: id('Teilnahme'), version: version(), am: tagesdatum() });

export const stornoSchema = z.strictObject({
  id: id('Teilnahme'),
  version: version(),
  ergebnis: leerAlsFehlend(auswahl(['storniert', 'abgelehnt'] as const, 'Bitte wählen Sie: stornieren oder Vorschlag ablehnen.')).describe('abgelehnt: nur für einen Vorschlag (Standard: storniert)'),
});

export const dokumentSchema = z.strictObject({ id: id('Teilnahme'), art: auswahl(['zuweisung', 'bescheinigung'] as const, 'Unbekanntes Dokument.') });
