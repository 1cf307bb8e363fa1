import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { potenzialanalyseEingabeSchema, handlungsbedarfEintragSchema } from '../../domain/foerdern/potenzialanalyse.ts';
import { SCHLUESSELGROESSEN } from '../../domain/foerdern/typen.ts';
import type { AppContext } from '../context.ts';
import { apiRoute } from '../use-case.ts';
import { katalogAendern } from './katalog-aendern.ts';
import { katalogAktivieren } from './katalog-aktivieren.ts';
import { katalogAnlegen } from './katalog-anlegen.ts';
import { katalogAuflisten } from './katalog-auflisten.ts';
import { katalogDeaktivieren } from './katalog-deaktivieren.ts';
import { katalogAendernSchema, katalogEintragAntwort, katalogIdSchema } from './katalog-schemas.ts';
import { katalogStandardUebernehmen } from './katalog-standard.ts';
import { potenzialanalyseLesen, type PotenzialanalyseAnsicht } from './potenzialanalyse-lesen.ts';
import { potenzialanalyseSpeichern, potenzialanalyseSpeichernSchema } from './potenzialanalyse-speichern.ts';

const personParams = z.object({ personId: z.string().max(100).describe('Person (UUID)') });
const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });

const aenderung = z.object({ bereich: z.string(), feld: z.string(), vorher: z.string(), nachher: z.string() });
const gesundheit = z
  .object({ handlungsbedarfe: z.array(handlungsbedarfEintragSchema), einschraenkungen: z.string().nullable() })
  .nullable()
  .optional()
  .describe('Nur mit dem Recht potenzialanalyse.gesundheit (Integrationsfachkraft); sonst fehlt das Feld');
const fassung = z.object({
  id: z.string(),
  fassung: z.number(),
  erstelltAm: z.string(),
  erstelltVon: z.string(),
  erfasstUm: z.string(),
  daten: potenzialanalyseEingabeSchema.omit({ gesundheitlicheEinschraenkungen: true }),
  gesundheit,
  aenderungen: z.array(aenderung).describe('Unterschiede zur vorigen Fassung'),
});
const ansichtAntwort = z.object({
  person: z.object({ id: z.string(), vorname: z.string(), nachname: z.string(), bgId: z.string(), fallnummer: z.string() }),
  gesundheitSichtbar: z.boolean(),
  aktuell: fassung.nullable(),
  fassungen: z.array(fassung).describe('Alle Fassungen, neueste zuerst'),
  katalog: z.array(
    z.object({ code: z.string(), schluesselgroesse: z.enum(SCHLUESSELGROESSEN), bezeichnung: z.string(), gesundheitsbezogen: z.boolean(), aktiv: z.boolean() }),
  ),
});

const presentFassung = (f: PotenzialanalyseAnsicht['fassungen'][number]) => ({ ...f, erfasstUm: f.erfasstUm.toISOString() });
function presentAnsicht(a: PotenzialanalyseAnsicht) {
  return {
    person: a.person,
    gesundheitSichtbar: a.gesundheitSichtbar,
    aktuell: a.aktuell ? presentFassung(a.aktuell) : null,
    fassungen: a.fassungen.map(presentFassung),
    katalog: a.katalog.map(({ id: _i, version: _v, ...k }) => k),
  };
}

/**
 * Potenzialanalyse (versioned, health part only for the Integrationsfachkraft) and the Träger's catalogue of
 * Handlungsbedarfe (docs/foerdern.md). Rights: integration.lesen / integration.bearbeiten within the person's
 * Standort, potenzialanalyse.gesundheit for health data, massnahmen.verwalten for the catalogue.
 */
export function registerPotenzialanalyseRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['Fördern: Potenzialanalyse'];

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/personen/:personId/potenzialanalyse',
    useCase: potenzialanalyseLesen,
    tags,
    summary: 'Potenzialanalyse einer Person: aktuelle Fassung und alle Fassungen mit Änderungen (Gesundheitsangaben nur für die Integrationsfachkraft)',
    params: personParams,
    response: ansichtAntwort,
    present: presentAnsicht,
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/personen/:personId/potenzialanalyse',
    useCase: potenzialanalyseSpeichern,
    tags,
    summary: 'Neue Fassung der Potenzialanalyse speichern (nichts wird überschrieben)',
    description:
      'Handlungsbedarfe als Codes des Katalogs. Gesundheitsbezogene Codes und gesundheitlicheEinschraenkungen nur mit dem Recht potenzialanalyse.gesundheit (sonst 403). basisFassung: die Fassung, von der die Eingabe ausgeht (409 version_conflict, wenn inzwischen eine neuere gespeichert ist).',
    params: personParams,
    body: potenzialanalyseSpeichernSchema.omit({ personId: true }),
    status: 201,
    response: z.object({ id: z.string(), personId: z.string(), fassung: z.number(), erstelltAm: z.string() }),
  });

  const katalogTags = ['Fördern: Katalog der Handlungsbedarfe'];
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/integration/handlungsbedarfe',
    useCase: katalogAuflisten,
    tags: katalogTags,
    summary: 'Katalog der Handlungsbedarfe des Trägers',
    response: z.object({ eintraege: z.array(katalogEintragAntwort), darfVerwalten: z.boolean() }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/handlungsbedarfe',
    useCase: katalogAnlegen,
    tags: katalogTags,
    summary: 'Handlungsbedarf in den Katalog aufnehmen',
    status: 201,
    response: katalogEintragAntwort,
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/integration/handlungsbedarfe/standard',
    useCase: katalogStandardUebernehmen,
    tags: katalogTags,
    summary: 'Standardkatalog übernehmen (nur Codes, die noch fehlen)',
    body: false,
    response: z.object({ hinzugefuegt: z.number() }),
  });
  apiRoute(app, ctx, {
    method: 'PATCH',
    url: '/api/integration/handlungsbedarfe/:id',
    useCase: katalogAendern,
    tags: katalogTags,
    summary: 'Bezeichnung oder Schlüsselgröße ändern (Code und Gesundheitsbezug bleiben)',
    params: idParams,
    body: katalogAendernSchema.omit({ id: true }),
    response: katalogEintragAntwort,
  });
  for (const [pfad, useCase, summary] of [
    ['deactivate', katalogDeaktivieren, 'Handlungsbedarf deaktivieren (nicht mehr neu wählbar; bestehende Einträge bleiben)'],
    ['activate', katalogAktivieren, 'Handlungsbedarf wieder aktivieren'],
  ] as const) {
    apiRoute(app, ctx, {
      method: 'POST',
      url: `/api/integration/handlungsbedarfe/:id/${pfad}`,
      useCase,
      tags: katalogTags,
      summary,
      params: idParams,
      body: katalogIdSchema.omit({ id: true }),
      response: katalogEintragAntwort,
    });
  }
}
