import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiRoute } from '../use-case.ts';
import { bescheidErstellen } from '../bescheid/erstelle-bescheid.ts';
import { bescheidLaden } from '../bescheid/lade-bescheid.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { bewilligungAendern } from './aendere-bewilligung.ts';
import { bewilligungBerechnen } from './berechne-bewilligung.ts';
import { freigabenListen } from './freigaben.ts';
import { bewilligungFreigeben } from './freigeben.ts';
import { bewilligungAufheben } from './hebe-bewilligung-auf.ts';
import { bewilligungenListen } from './liste-bewilligungen.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const security = [{ sitzung: [] }];
const angemeldet = async (req: FastifyRequest) => {
  requireActor(req);
};

export const bewilligungSchema = z.object({
  id: z.string(),
  bgId: z.string(),
  antragId: z.string().nullable(),
  beginn: z.string().describe('erster Monat JJJJ-MM'),
  ende: z.string().describe('letzter Monat JJJJ-MM'),
  art: z.string().describe('endgueltig | vorlaeufig'),
  vorgang: z.string(),
  status: z.string().describe('entwurf | freigabe_erforderlich | bewilligt | abgelehnt | aufgehoben | ersetzt'),
  rechtsstand: z.string(),
  vorlaeufigGrund: z.string().nullable(),
  vorgaengerId: z.string().nullable(),
  summeCent: z.number(),
  hoechsterMonatCent: z.number(),
  vierAugenGruende: z.array(z.object({ code: z.string(), text: z.string() })),
  ablehnungsgruende: z.array(z.object({ text: z.string(), norm: z.string() })),
  aufhebung: z
    .object({ ab: z.string(), text: z.string(), norm: z.string(), erstattungCent: z.number() })
    .nullable()
    .describe('nur bei vorgang aufhebung: ab wann, Grund, Rechtsgrundlage, Erstattungsforderung'),
  computedAt: z.string(),
  createdBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number(),
  monate: z
    .array(
      z.object({
        monat: z.string(),
        auszahlungCent: z.number(),
        personen: z.array(z.object({ id: z.string(), auszahlungCent: z.number(), anspruchCent: z.number(), sofortzuschlagCent: z.number() })),
        schritte: z.array(z.object({ text: z.string(), norm: z.string() })),
        fortgeschrieben: z.boolean().describe('Monat nach dem letzten Tag des hinterlegten Rechts: mit den zuletzt bekannten Werten berechnet'),
        rechtBekanntBis: z.string().nullable().describe('bei fortgeschrieben: letzter Tag des bekannten Rechts (JJJJ-MM-TT)'),
      }),
    )
    .optional(),
  fortgeschriebeneMonate: z
    .array(z.string())
    .optional()
    .describe('Monate (JJJJ-MM), die nach dem letzten bekannten Rechtsstand fortgeschrieben berechnet sind; die Massenänderung „fortgeschriebene Monate“ berechnet sie neu'),
});

const vierAugenSchema = z.object({ erforderlich: z.boolean(), gruende: z.array(z.object({ code: z.string(), text: z.string() })) });

/** Bewilligungen and Bescheide of a Fallakte, the approval queue (issue 4, items 3 and 4). */
export function registerBewilligungRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Bewilligung und Bescheid'];

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/faelle/:id/bewilligungen',
    useCase: bewilligungenListen,
    tags,
    praefix: 'schema',
    summary: 'Bewilligungen (mit Monaten und Erläuterung) und Bescheide einer Bedarfsgemeinschaft',
    params: idParams,
    response: z.object({
            bgId: z.string(),
            fallnummer: z.string(),
            version: z.number(),
            bewilligungen: z.array(bewilligungSchema),
            bescheide: z.array(z.object({ id: z.string(), art: z.string(), datum: z.string(), bewilligungId: z.string().nullable(), sha256: z.string(), hatPdf: z.boolean(), createdAt: z.string() })),
            erstattungen: z.array(z.object({ id: z.string(), betragCent: z.number(), offenCent: z.number(), status: z.string(), norm: z.string(), createdAt: z.string() })),
          }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle/:id/bewilligungen',
    useCase: bewilligungBerechnen,
    tags,
    praefix: 'schema',
    summary: 'Bewilligung berechnen (Monat für Monat aus der Fallakte) und als Entwurf speichern',
    description: 'Beginn: aus dem Antrag (§ 37 Abs. 2 S. 2) oder angegeben; Dauer: der Regelfall des § 41 Abs. 3 (src/domain/recht, BEWILLIGUNGSZEITRAUM). Monate nach dem letzten Tag des hinterlegten Rechts werden mit dem zuletzt bekannten Recht berechnet und je Monat als fortgeschrieben gekennzeichnet (nie abgelehnt). Fehler: 409 bewilligungszeitraum_ueberschneidung, 400 datum_ausserhalb_rechtsstand (nur vor 2021).',
    params: idParams,
    body: bewilligungBerechnen.input.omit({ id: true }),
    status: 201,
    response: z.object({ bewilligung: bewilligungSchema, zeitraumBegruendung: z.string(), vierAugen: vierAugenSchema }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/bewilligungen/:id/freigeben',
    useCase: bewilligungFreigeben,
    tags,
    praefix: 'schema',
    summary: 'Bewilligung entscheiden oder zur Freigabe vorlegen (Vier-Augen-Prinzip)',
    description: 'Ohne Vier-Augen-Grund entscheidet die Sachbearbeitung direkt. Mit Grund: erster Aufruf → freigabe_erforderlich; danach gibt nur eine andere Person mit Rolle teamleitung frei (403 vier_augen_selbe_person).',
    params: idParams,
    body: bewilligungFreigeben.input.omit({ id: true }),
    response: z.object({ bewilligung: bewilligungSchema, freigabeErforderlich: z.boolean() }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/bewilligungen/:id/aenderung',
    useCase: bewilligungAendern,
    tags,
    praefix: 'schema',
    summary: 'Änderung ab einem Datum neu berechnen (neue Version als Entwurf) oder abschließend feststellen (§ 41a)',
    params: idParams,
    body: bewilligungAendern.input.omit({ id: true }),
    status: 201,
    response: z.object({
            bewilligung: bewilligungSchema,
            vergleich: z.object({
              nachzahlungCent: z.number(),
              ueberzahlungCent: z.number(),
              erstattungCent: z.number(),
              geaenderteMonate: z.array(z.object({ monat: z.string(), altCent: z.number(), neuCent: z.number(), differenzCent: z.number() })),
            }),
            vierAugen: vierAugenSchema,
            abschluss: z.object({ methode: z.enum(['durchschnitt', 'monatlich']), norm: z.string(), begruendung: z.string() }).nullable(),
          }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/bewilligungen/:id/aufhebung',
    useCase: bewilligungAufheben,
    tags,
    praefix: 'schema',
    summary: 'Laufende Bewilligung ab einem Monat aufheben (§ 48 SGB X, § 40 SGB II, § 330 Abs. 3 SGB III) – neue Fassung als Entwurf',
    description: 'Gründe: wegfall_hilfebeduerftigkeit | umzug | tod | sonstiger (mit grundText). Bereits gezahlte Monate ab dem Datum werden bei der Entscheidung zur Erstattungsforderung; spätere Monate zahlt der Zahllauf nicht mehr. Entscheidung über /freigeben (Vier-Augen-Prinzip nach den Regeln des Trägers).',
    params: idParams,
    body: bewilligungAufheben.input.omit({ id: true }),
    status: 201,
    response: z.object({
            bewilligung: bewilligungSchema,
            erstattungCent: z.number(),
            ueberzahlungCent: z.number(),
            aufgehobeneMonate: z.array(z.string()),
            vierAugen: vierAugenSchema,
          }),
  });

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/freigaben',
    useCase: freigabenListen,
    tags,
    praefix: 'schema',
    summary: 'Freigaben der Teamleitung (Bewilligungen mit Vier-Augen-Prüfung)',
    response: z.object({ freigaben: z.array(bewilligungSchema.extend({ fallnummer: z.string(), eigene: z.boolean() })) }),
    present: (freigaben) => ({ freigaben }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle/:id/bescheide',
    useCase: bescheidErstellen,
    tags,
    praefix: 'schema',
    summary: 'Bescheid zur (zuletzt) entschiedenen Bewilligung erstellen: PDF, Inhalts-Hash, unveränderlich gespeichert',
    description: 'Fehler: 409 keine_bewilligung, wenn keine Bewilligung berechnet und entschieden ist.',
    params: idParams,
    body: bescheidErstellen.input.omit({ id: true }),
    status: 201,
    response: z.object({
            id: z.string(),
            art: z.string(),
            titel: z.string(),
            datum: z.string(),
            sha256: z.string(),
            bewilligungId: z.string(),
            zustellung: z.enum(['postfach', 'post']).describe('postfach: online zugestellt (Bürger hat zugestimmt); post: auf Papier zu versenden'),
          }),
  });

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/bescheide/:id',
    useCase: bescheidLaden,
    tags,
    praefix: 'schema',
    summary: 'Bescheid (Metadaten)',
    params: idParams,
    response: z.object({ id: z.string(), bgId: z.string(), fallnummer: z.string(), art: z.string(), titel: z.string(), datum: z.string(), sha256: z.string() }),
    present: ({ pdf: _pdf, ...rest }) => rest,
  });

  api.get(
    '/api/bescheide/:id.pdf',
    { preValidation: angemeldet, schema: { tags, security, summary: 'Bescheid als PDF', params: idParams } },
    async (req, reply) => {
      const b = await bescheidLaden.execute({ ctx, actor: requireActor(req), input: { id: req.params.id } });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${b.titel.replace(/[^\w.\- ]/g, '_')}-${b.fallnummer}-${b.datum}.pdf"`)
        .send(b.pdf);
    },
  );
}
