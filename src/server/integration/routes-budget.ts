import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BUDGET_TITEL, FOERDERLEISTUNG_ARTEN, INSTRUMENTE } from '../../domain/foerdern/typen.ts';
import type { AppContext } from '../context.ts';
import { apiRoute } from '../use-case.ts';
import { budgetOffeneBindungen } from './budget-offene-bindungen.ts';
import { budgetRechnungBuchen, rechnungSchema } from './budget-rechnung-buchen.ts';
import { budgetSollSchema, budgetSollSetzen } from './budget-soll-setzen.ts';
import { budgetUebersicht } from './budget-uebersicht.ts';
import { foerderleistungAnlegen, foerderleistungAnlegenSchema } from './foerderleistung-anlegen.ts';
import { foerderleistungBeenden } from './foerderleistung-beenden.ts';
import { foerderleistungenListe } from './foerderleistungen-liste.ts';

const personParams = z.object({ personId: z.string().max(100).describe('Person (UUID)') });
const titel = z.enum(BUDGET_TITEL);
const soll = z.object({ haushaltsjahr: z.number(), titel, sollCent: z.number(), bemerkung: z.string().nullable(), version: z.number() });
const foerderleistung = z.object({
  id: z.string(),
  personId: z.string(),
  bgId: z.string(),
  art: z.enum(FOERDERLEISTUNG_ARTEN),
  artText: z.string(),
  norm: z.string(),
  einmalig: z.boolean(),
  teilnahmeId: z.string().nullable().describe('Mehraufwandsentschädigung: die Teilnahme an der Arbeitsgelegenheit'),
  betragCent: z.number(),
  gueltigVon: z.string(),
  gueltigBis: z.string().nullable(),
  beendetAm: z.string().nullable(),
  status: z.enum(['storniert', 'beendet', 'abgelaufen', 'geplant', 'laufend']),
  gesamtCent: z.number().describe('Gesamtbetrag über die Laufzeit (monatlich anteilig nach Tagen)'),
  ausgezahltCent: z.number().describe('Bereits über den Zahllauf ausgezahlt'),
  bezahltBis: z.string().nullable(),
  version: z.number(),
});
const summen = { gebundenCent: z.number().describe('gebunden = Bindung − Freigabe − Auszahlung'), ausgezahltCent: z.number() };

/**
 * Eingliederungsbudget (Soll, overview, provider invoices) and the individual Förderleistungen of a person
 * (docs/foerdern.md). Rights: budget.lesen (sums only; controlling), budget.verwalten (teamleitung),
 * integration.lesen / integration.bearbeiten within the person's Standort.
 */
export function registerBudgetRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['Fördern: Eingliederungsbudget'];
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/budget',
    useCase: budgetUebersicht,
    tags,
    summary: 'Budgetübersicht eines Haushaltsjahres: Soll / gebunden / ausgezahlt / frei je Titel, Instrument und Standort; Verpflichtungen späterer Jahre (nur Summen)',
    querystring: z.object({ jahr: z.string().optional().describe('Haushaltsjahr, Standard: laufendes Jahr') }),
    response: z.object({
      jahr: z.number(),
      laufendesJahr: z.number(),
      jeTitel: z.array(z.object({ haushaltsjahr: z.number(), titel, titelText: z.string(), sollCent: z.number().nullable(), freiCent: z.number().nullable(), ...summen })),
      jeInstrument: z.array(z.object({ haushaltsjahr: z.number(), titel, instrument: z.enum(INSTRUMENTE), instrumentText: z.string(), ...summen })),
      jeStandort: z.array(z.object({ haushaltsjahr: z.number(), titel, standortId: z.string(), standort: z.string(), ...summen })),
      verpflichtungen: z.array(z.object({ haushaltsjahr: z.number(), titel, titelText: z.string(), gebundenCent: z.number() })),
      soll: z.array(soll.extend({ titelText: z.string() })),
    }),
  });
  apiRoute(app, ctx, {
    method: 'PUT',
    url: '/api/integration/budget/soll',
    useCase: budgetSollSetzen,
    tags,
    summary: 'Soll eines Haushaltsjahres und Titels eintragen oder ändern (version: optimistisches Sperren beim Ändern)',
    body: budgetSollSchema,
    response: soll.extend({ id: z.string() }),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/budget/offene-bindungen',
    useCase: budgetOffeneBindungen,
    tags,
    summary: 'Teilnahmen mit noch gebundenen Mitteln (für die Rechnungsbuchung; ohne Namen)',
    response: z.array(z.object({ teilnahmeId: z.string(), haushaltsjahr: z.number(), titel, massnahme: z.string(), offenCent: z.number() })),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/budget/rechnungen',
    useCase: budgetRechnungBuchen,
    tags,
    summary: 'Rechnung eines Maßnahmeträgers gegen die Mittelbindung einer Teilnahme buchen (mehr als gebunden → 400)',
    body: rechnungSchema,
    status: 201,
    response: z.object({ teilnahmeId: z.string(), haushaltsjahr: z.number(), gebuchtCent: z.number(), nochGebundenCent: z.number(), freigegebenCent: z.number() }),
  });

  const ftags = ['Fördern: Förderleistungen'];
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/personen/:personId/foerderleistungen',
    useCase: foerderleistungenListe,
    tags: ftags,
    summary: 'Förderleistungen einer Person (Einstiegsgeld, Mehraufwandsentschädigung, Vermittlungsbudget) mit Auszahlungsstand',
    params: personParams,
    response: z.object({
      person: z.object({ id: z.string(), vorname: z.string(), nachname: z.string(), bgId: z.string(), fallnummer: z.string() }),
      darfBearbeiten: z.boolean(),
      darfUeberschreiten: z.boolean(),
      arten: z.array(z.object({ art: z.enum(FOERDERLEISTUNG_ARTEN), text: z.string(), norm: z.string() })),
      foerderleistungen: z.array(foerderleistung),
      aghTeilnahmen: z.array(z.object({ id: z.string(), massnahme: z.string(), von: z.string(), bis: z.string() })).describe('Laufende Teilnahmen an Arbeitsgelegenheiten (für die Mehraufwandsentschädigung)'),
    }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/foerderleistungen',
    useCase: foerderleistungAnlegen,
    tags: ftags,
    summary: 'Förderleistung bewilligen (bindet Mittel; Zahlung über den Zahllauf, Kostenart Eingliederung)',
    description: 'Über das freie Budget hinaus nur mit dem Recht zuweisung.genehmigen und ueberschreitungBestaetigt=true; sonst 409 budget_ueberschritten.',
    params: personParams,
    body: foerderleistungAnlegenSchema.omit({ personId: true }),
    status: 201,
    response: foerderleistung,
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/foerderleistungen/:id/beenden',
    useCase: foerderleistungBeenden,
    tags: ftags,
    summary: 'Förderleistung vorzeitig beenden (gibt nicht mehr benötigte Mittel frei)',
    params: personParams.extend({ id: z.string().max(100) }),
    body: z.object({ beendetAm: z.string(), version: z.number() }),
    response: foerderleistung,
  });
}
