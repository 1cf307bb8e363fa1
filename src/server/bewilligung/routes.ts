import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../schemas/grenzen.ts';
import { errorSchema } from '../auth/routes.ts';
import { erstelleBescheid } from '../bescheid/erstelle-bescheid.ts';
import { ladeBescheid } from '../bescheid/lade-bescheid.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { aendereBewilligung } from './aendere-bewilligung.ts';
import { berechneBewilligung } from './berechne-bewilligung.ts';
import { freigabeListe } from './freigaben.ts';
import { freigeben } from './freigeben.ts';
import { hebeBewilligungAuf } from './hebe-bewilligung-auf.ts';
import { listeBewilligungen } from './liste-bewilligungen.ts';

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
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

  api.get(
    '/api/faelle/:id/bewilligungen',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Bewilligungen (mit Monaten und Erläuterung) und Bescheide einer Bedarfsgemeinschaft',
        params: idParams,
        response: {
          200: z.object({
            bgId: z.string(),
            fallnummer: z.string(),
            version: z.number(),
            bewilligungen: z.array(bewilligungSchema),
            bescheide: z.array(z.object({ id: z.string(), art: z.string(), datum: z.string(), bewilligungId: z.string().nullable(), sha256: z.string(), hatPdf: z.boolean(), createdAt: z.string() })),
            erstattungen: z.array(z.object({ id: z.string(), betragCent: z.number(), offenCent: z.number(), status: z.string(), norm: z.string(), createdAt: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => listeBewilligungen({ ctx, actor: requireActor(req), bgId: req.params.id }),
  );

  api.post(
    '/api/faelle/:id/bewilligungen',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Bewilligung berechnen (Monat für Monat aus der Fallakte) und als Entwurf speichern',
        description:
          'Beginn: aus dem Antrag (§ 37 Abs. 2 S. 2) oder angegeben; Dauer: Regel 12 Monate (§ 41 Abs. 3). Monate nach dem letzten Tag des hinterlegten Rechts werden mit dem zuletzt bekannten Recht berechnet und je Monat als fortgeschrieben gekennzeichnet (nie abgelehnt). Fehler: 409 bewilligungszeitraum_ueberschneidung, 400 datum_ausserhalb_rechtsstand (nur vor 2021).',
        params: idParams,
        body: z.object({
          antragId: uuid('Der Antrag').optional(),
          beginn: z.string().regex(/^\d{4}-\d{2}$/).optional().describe('erster Monat JJJJ-MM'),
          monate: z.number().int().min(1).max(12).optional(),
          vorlaeufigGrund: z.string().max(500).optional().describe('vorläufige Entscheidung nach § 41a mit Grund'),
          ablehnung: z
            .object({
              gruende: z.array(z.string().max(50)).max(10).optional().describe('Standardgründe: fehlende_mitwirkung | nicht_erwerbsfaehig | leistungsausschluss | vermoegen'),
              freitext: z.string().max(1000).optional().describe('eigener Ablehnungsgrund'),
              norm: z.string().max(200).optional().describe('Rechtsgrundlage des eigenen Grunds (Pflicht mit freitext)'),
            })
            .optional()
            .describe('Ablehnung mit eigenen Gründen der Sachbearbeitung (neben denen der Berechnung)'),
        }),
        response: { 201: z.object({ bewilligung: bewilligungSchema, zeitraumBegruendung: z.string(), vierAugen: vierAugenSchema }), ...errors },
      },
    },
    async (req, reply) => {
      const r = await berechneBewilligung({ ctx, actor: requireActor(req), bgId: req.params.id, input: req.body });
      return reply.code(201).send(r);
    },
  );

  api.post(
    '/api/bewilligungen/:id/freigeben',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Bewilligung entscheiden oder zur Freigabe vorlegen (Vier-Augen-Prinzip)',
        description:
          'Ohne Vier-Augen-Grund entscheidet die Sachbearbeitung direkt. Mit Grund: erster Aufruf → freigabe_erforderlich; danach gibt nur eine andere Person mit Rolle teamleitung frei (403 vier_augen_selbe_person).',
        params: idParams,
        body: z.object({ version: z.number().int(), antragOffenLassen: z.boolean().optional().describe('Standard: die Freigabe schließt die beantworteten Anträge (Status entschieden)') }),
        response: { 200: z.object({ bewilligung: bewilligungSchema, freigabeErforderlich: z.boolean() }), ...errors },
      },
    },
    async (req) => freigeben({ ctx, actor: requireActor(req), id: req.params.id, version: req.body.version, antragOffenLassen: req.body.antragOffenLassen }),
  );

  api.post(
    '/api/bewilligungen/:id/aenderung',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Änderung ab einem Datum neu berechnen (neue Version als Entwurf) oder abschließend feststellen (§ 41a)',
        params: idParams,
        body: z.object({
          ab: z.string().max(10).optional(),
          grund: z.string().min(1).max(500),
          version: z.number().int(),
          abschliessend: z.boolean().optional(),
          tatsaechlichesEinkommen: z.boolean().optional().describe('abschließende Feststellung (BWZ vor 2023): auf Antrag tatsächliches Monatseinkommen, § 41a Abs. 4 S. 2 Nr. 3 SGB II a.F.'),
        }),
        response: {
          201: z.object({
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
          ...errors,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await aendereBewilligung({ ctx, actor: requireActor(req), id: req.params.id, input: req.body })),
  );

  api.post(
    '/api/bewilligungen/:id/aufhebung',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Laufende Bewilligung ab einem Monat aufheben (§ 48 SGB X, § 40 SGB II, § 330 Abs. 3 SGB III) – neue Fassung als Entwurf',
        description:
          'Gründe: wegfall_hilfebeduerftigkeit | umzug | tod | sonstiger (mit grundText). Bereits gezahlte Monate ab dem Datum werden bei der Entscheidung zur Erstattungsforderung; spätere Monate zahlt der Zahllauf nicht mehr. Entscheidung über /freigeben (Vier-Augen-Prinzip nach den Regeln des Trägers).',
        params: idParams,
        body: z.object({
          ab: z.string().max(10).describe('erster Tag des ersten aufgehobenen Monats JJJJ-MM-TT'),
          grund: z.string().max(50),
          grundText: z.string().max(1000).optional(),
          tatbestand: z.string().max(10).optional().describe('nr2 | nr3 | nr4: Tatbestand nach § 48 Abs. 1 S. 2 SGB X; Pflicht, wenn die Aufhebung vor dem Ersten des nächsten Monats wirkt oder eine Erstattung entsteht (tatbestand_fehlt)'),
          anhoerungAm: z.string().max(10).optional().describe('Datum der Anhörung (§ 24 Abs. 1 SGB X); Pflicht für jede Aufhebung, auch nur für die Zukunft, außer bei einer Ausnahme (anhoerung_fehlt)'),
          anhoerungAusnahme: z.string().max(10).optional().describe('nr3 | nr5: Ausnahme nach § 24 Abs. 2 SGB X (nr5 nur bei wegfall_hilfebeduerftigkeit), mit anhoerungAusnahmeGrund'),
          anhoerungAusnahmeGrund: z.string().max(1000).optional(),
          ganzeBg: z.boolean().optional().describe('umzug bei mehreren Personen: die ganze Bedarfsgemeinschaft ist weggezogen (nicht_ganze_bg)'),
          version: z.number().int(),
        }),
        response: {
          201: z.object({
            bewilligung: bewilligungSchema,
            erstattungCent: z.number(),
            ueberzahlungCent: z.number(),
            aufgehobeneMonate: z.array(z.string()),
            vierAugen: vierAugenSchema,
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await hebeBewilligungAuf({ ctx, actor: requireActor(req), id: req.params.id, input: req.body })),
  );

  api.get(
    '/api/freigaben',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Freigaben der Teamleitung (Bewilligungen mit Vier-Augen-Prüfung)',
        response: { 200: z.object({ freigaben: z.array(bewilligungSchema.extend({ fallnummer: z.string(), eigene: z.boolean() })) }), ...errors },
      },
    },
    async (req) => ({ freigaben: await freigabeListe({ ctx, actor: requireActor(req) }) }),
  );

  api.post(
    '/api/faelle/:id/bescheide',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Bescheid zur (zuletzt) entschiedenen Bewilligung erstellen: PDF, Inhalts-Hash, unveränderlich gespeichert',
        description: 'Fehler: 409 keine_bewilligung, wenn keine Bewilligung berechnet und entschieden ist.',
        params: idParams,
        body: z.object({ bewilligungId: uuid('Die Bewilligung').optional() }),
        response: {
          201: z.object({
            id: z.string(),
            art: z.string(),
            titel: z.string(),
            datum: z.string(),
            sha256: z.string(),
            bewilligungId: z.string(),
            zustellung: z.enum(['postfach', 'post']).describe('postfach: online zugestellt (Bürger hat zugestimmt); post: auf Papier zu versenden'),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const r = await erstelleBescheid({ ctx, actor: requireActor(req), bgId: req.params.id, bewilligungId: req.body.bewilligungId });
      return reply.code(201).send(r);
    },
  );

  api.get(
    '/api/bescheide/:id',
    {
      preValidation: angemeldet,
      schema: {
        tags,
        security,
        summary: 'Bescheid (Metadaten)',
        params: idParams,
        response: { 200: z.object({ id: z.string(), bgId: z.string(), fallnummer: z.string(), art: z.string(), titel: z.string(), datum: z.string(), sha256: z.string() }), ...errors },
      },
    },
    async (req) => {
      const { pdf: _pdf, ...rest } = await ladeBescheid({ ctx, actor: requireActor(req), id: req.params.id });
      return rest;
    },
  );

  api.get(
    '/api/bescheide/:id.pdf',
    { preValidation: angemeldet, schema: { tags, security, summary: 'Bescheid als PDF', params: idParams } },
    async (req, reply) => {
      const b = await ladeBescheid({ ctx, actor: requireActor(req), id: req.params.id });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${b.titel.replace(/[^\w.\- ]/g, '_')}-${b.fallnummer}-${b.datum}.pdf"`)
        .send(b.pdf);
    },
  );
}
