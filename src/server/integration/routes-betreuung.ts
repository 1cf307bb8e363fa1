import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ARBEITSMARKTSTATUS, GESPRAECHSARTEN, STATUS_GRUENDE, STATUS_QUELLEN } from '../../domain/foerdern/typen.ts';
import type { ArbeitsmarktstatusRow } from '../../db/schema/index.ts';
import type { AppContext } from '../context.ts';
import { apiRoute } from '../use-case.ts';
import { arbeitslosWiederherstellen } from './arbeitslos-wiederherstellen.ts';
import { betreuungUmverteilen } from './betreuung-umverteilen.ts';
import { betreuungZuweisen } from './betreuung-zuweisen.ts';
import { caseloadLesen } from './caseload.ts';
import { gespraechsvermerkAnlegen } from './gespraechsvermerk-anlegen.ts';
import { integrationsakteLesen } from './integrationsakte.ts';
import { statusBeenden, statusBerichtigen } from './status-berichtigen.ts';
import { statusErfassen } from './status-erfassen.ts';
import { umverteilungListe } from './umverteilung-liste.ts';

const personParams = z.object({ personId: z.string().max(100).describe('Person (UUID)') });
const idParams = z.object({ id: z.string().max(100).describe('Status-Zeitraum (UUID)') });
const datum = z.string().describe('JJJJ-MM-TT');

const zuweisung = z.object({
  betreuungId: z.string(),
  personId: z.string(),
  fachkraftId: z.string(),
  fachkraftName: z.string(),
  ab: datum,
  unveraendert: z.boolean().describe('die Person hatte diese Fachkraft schon'),
});
const statusZeitraum = z.object({
  id: z.string(),
  personId: z.string(),
  gueltigVon: datum,
  gueltigBis: datum.nullable(),
  status: z.enum(ARBEITSMARKTSTATUS),
  grund: z.enum(STATUS_GRUENDE).nullable(),
  quelle: z.enum(STATUS_QUELLEN),
  bemerkung: z.string().nullable(),
});
const presentStatus = (r: ArbeitsmarktstatusRow) => ({
  id: r.id,
  personId: r.personId,
  gueltigVon: r.gueltigVon,
  gueltigBis: r.gueltigBis,
  status: r.status,
  grund: r.grund,
  quelle: r.quelle,
  bemerkung: r.bemerkung,
});
const fachkraft = z.object({ id: z.string(), name: z.string() });

const caseloadAntwort = z.object({
  heute: datum,
  team: z.boolean().describe('Teamansicht (Teamleitung)'),
  fachkraftId: z.string().nullable(),
  fachkraefte: z.array(fachkraft),
  personen: z.array(
    z.object({
      personId: z.string(),
      vorname: z.string(),
      nachname: z.string(),
      geburtsdatum: datum,
      bgId: z.string(),
      fallnummer: z.string(),
      fachkraftId: z.string(),
      fachkraftName: z.string(),
      seit: datum,
      status: z.enum(ARBEITSMARKTSTATUS).nullable(),
      statusText: z.string(),
      langzeitarbeitslosSeit: datum.nullable(),
      naechsterKontakt: datum.nullable(),
      offeneWiedervorlagen: z.number(),
      ueberfaelligeWiedervorlagen: z.number(),
      naechsteWiedervorlage: datum.nullable(),
    }),
  ),
});

const akteAntwort = z.object({
  heute: datum,
  stichtag: datum,
  darfBearbeiten: z.boolean(),
  darfZuweisen: z.boolean(),
  person: z.object({
    id: z.string(),
    vorname: z.string(),
    nachname: z.string(),
    geburtsdatum: datum,
    bgId: z.string(),
    fallnummer: z.string(),
    standortId: z.string(),
    elb: z.boolean().describe('erwerbsfähige Leistungsberechtigte am Stichtag'),
  }),
  betreuung: z.object({
    aktuell: z.object({ id: z.string(), fachkraftId: z.string(), fachkraftName: z.string(), seit: datum }).nullable(),
    verlauf: z.array(z.object({ id: z.string(), fachkraftId: z.string(), fachkraftName: z.string(), gueltigVon: datum, gueltigBis: datum.nullable(), grund: z.string().nullable() })),
  }),
  status: z.object({
    aktuell: z.object({ id: z.string(), status: z.enum(ARBEITSMARKTSTATUS), grund: z.enum(STATUS_GRUENDE).nullable(), text: z.string(), grundText: z.string().nullable() }).nullable(),
    arbeitslosSeit: datum.nullable().describe('Beginn der ununterbrochenen Arbeitslosigkeit (§ 18 Abs. 1 SGB III)'),
    langzeitarbeitslosSeit: datum.nullable().describe('langzeitarbeitslos ab (≥ 1 Jahr arbeitslos)'),
    angebotArbeitslosAb: z.object({ ab: datum, teilnahmeId: z.string().nullable() }).nullable().describe('nach einem Austritt: „arbeitslos“ ab diesem Tag wiederherstellen'),
    perioden: z.array(
      z.object({
        id: z.string(),
        gueltigVon: datum,
        gueltigBis: datum.nullable(),
        status: z.enum(ARBEITSMARKTSTATUS),
        text: z.string(),
        grund: z.enum(STATUS_GRUENDE).nullable(),
        grundText: z.string().nullable(),
        quelle: z.enum(STATUS_QUELLEN),
        quelleText: z.string(),
        bemerkung: z.string().nullable(),
      }),
    ),
  }),
  gespraechsvermerke: z.array(
    z.object({
      id: z.string(),
      datum,
      art: z.enum(GESPRAECHSARTEN),
      artText: z.string(),
      text: z.string().nullable().describe('nur für die Integration (integration.bearbeiten)'),
      terminId: z.string().nullable(),
      naechsterKontakt: datum.nullable(),
      von: z.string(),
    }),
  ),
  termine: z.array(z.object({ terminId: z.string(), beginn: z.string(), kanal: z.string(), status: z.string(), einladungStatus: z.string() })),
  fachkraefte: z.array(fachkraft),
  uebersicht: z
    .object({
      potenzialanalyse: z.any().describe('aktuelle Fassung in Kürze (ohne Gesundheitsangaben) oder null'),
      kooperationsplan: z.any().describe('geltender Plan, Entwurf, laufende Schlichtung'),
      massnahmen: z.any().describe('Teilnahmen: offen, laufend, beendet'),
      integrationen: z.any().describe('Beschäftigungsaufnahmen in Kürze'),
    })
    .describe('Zusammenfassung der anderen Teile der Integrationsakte'),
});

/**
 * Betreuung, Arbeitsmarktstatus and Gesprächsvermerke (docs/foerdern.md, slice A). Rights: integration.lesen /
 * integration.bearbeiten within the person's Standort, betreuung.zuweisen for the Teamleitung's re-assignment.
 */
export function registerBetreuungRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['Fördern: Betreuung und Arbeitsmarktstatus'];

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/caseload',
    useCase: caseloadLesen,
    tags,
    summary: 'Fallbestand: eigene Klientinnen und Klienten (Teamleitung: des Teams, Filter nach Fachkraft) mit Status, nächstem Kontakt, Wiedervorlagen',
    querystring: caseloadLesen.input,
    response: caseloadAntwort,
  });

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/umverteilung',
    useCase: umverteilungListe,
    tags,
    summary: 'Teamleitung: eLb der eigenen Standorte mit ihrer Ansprechpartnerin (für die Umverteilung)',
    querystring: umverteilungListe.input,
    response: z.object({
      heute: datum,
      von: z.string().nullable(),
      fachkraefte: z.array(fachkraft),
      personen: z.array(
        z.object({
          personId: z.string(),
          bgId: z.string(),
          fallnummer: z.string(),
          vorname: z.string(),
          nachname: z.string(),
          geburtsdatum: datum,
          fachkraftId: z.string().nullable(),
          fachkraftName: z.string().nullable(),
          betreuungSeit: datum.nullable(),
        }),
      ),
    }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/umverteilung',
    useCase: betreuungUmverteilen,
    tags,
    summary: 'Teamleitung: mehreren Personen ab einem Tag eine neue Ansprechpartnerin zuweisen (die bisherige Betreuung endet am Vortag)',
    response: z.object({ anzahl: z.number(), zuweisungen: z.array(zuweisung) }),
  });

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/personen/:personId',
    useCase: integrationsakteLesen,
    tags,
    summary: 'Integrationsakte: Betreuung, Arbeitsmarktstatus mit Verlauf und Langzeitarbeitslosigkeit, Gesprächsvermerke',
    params: personParams,
    querystring: z.object({ stichtag: z.string().optional().describe('JJJJ-MM-TT, Standard: heute') }),
    response: akteAntwort,
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/betreuung',
    useCase: betreuungZuweisen,
    tags,
    status: 201,
    summary: 'Persönliche Ansprechpartnerin ab einem Tag zuweisen',
    params: personParams,
    body: betreuungZuweisen.input.omit({ personId: true }),
    response: zuweisung,
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/status',
    useCase: statusErfassen,
    tags,
    status: 201,
    summary: 'Arbeitsmarktstatus für einen Zeitraum erfassen (Überschneidung: 400 status_ueberschneidung)',
    params: personParams,
    body: statusErfassen.input.omit({ personId: true }),
    response: statusZeitraum,
    present: presentStatus,
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/status/arbeitslos-wiederherstellen',
    useCase: arbeitslosWiederherstellen,
    tags,
    status: 201,
    summary: 'Nach dem Austritt aus einer Maßnahme: „arbeitslos“ ab dem Folgetag wiederherstellen',
    params: personParams,
    body: arbeitslosWiederherstellen.input.omit({ personId: true }),
    response: z.object({ personId: z.string(), ab: datum, bis: datum.nullable() }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/status/:id/beenden',
    useCase: statusBeenden,
    tags,
    summary: 'Einen Status-Zeitraum zu einem Tag beenden',
    params: idParams,
    body: statusBeenden.input.omit({ id: true }),
    response: statusZeitraum,
    present: presentStatus,
  });

  apiRoute(app, ctx, {
    method: 'PUT',
    url: '/api/integration/status/:id',
    useCase: statusBerichtigen,
    tags,
    summary: 'Einen Status-Zeitraum berichtigen (Zeitraum, Status, Grund)',
    params: idParams,
    body: statusBerichtigen.input.omit({ id: true }),
    response: statusZeitraum,
    present: presentStatus,
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/gespraechsvermerke',
    useCase: gespraechsvermerkAnlegen,
    tags,
    status: 201,
    summary: 'Gesprächsvermerk anlegen (optional zu einem Termin der Person: Termin gilt als wahrgenommen; nächster Kontakt → Wiedervorlage)',
    params: personParams,
    body: gespraechsvermerkAnlegen.input.omit({ personId: true }),
    response: z.object({
      id: z.string(),
      personId: z.string(),
      datum,
      art: z.enum(GESPRAECHSARTEN),
      text: z.string(),
      terminId: z.string().nullable(),
      naechsterKontakt: datum.nullable(),
      wiedervorlageId: z.string().nullable(),
      terminErgebnis: z.string().nullable(),
      erledigteWiedervorlagen: z.number().describe('offene Kontakt-Wiedervorlagen der Person, die mit diesem Gespräch erledigt sind'),
    }),
    present: (v) => ({
      id: v.id,
      personId: v.personId,
      datum: v.datum,
      art: v.art,
      text: v.text,
      terminId: v.terminId,
      naechsterKontakt: v.naechsterKontakt,
      wiedervorlageId: v.wiedervorlageId,
      terminErgebnis: v.terminErgebnis,
      erledigteWiedervorlagen: v.erledigteWiedervorlagen,
    }),
  });
}
