import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { INTEGRATIONSARTEN } from '../../domain/foerdern/typen.ts';
import { BEZUGSGROESSE_ARTEN, EBENEN } from '../../domain/statistik/typen.ts';
import type { AppContext } from '../context.ts';
import { apiRoute } from '../use-case.ts';
import { monatsbericht } from './monatsbericht.ts';
import { AppError } from '../errors.ts';
import { apiErrorSchema, pruefeZugang, type UseCase } from '../use-case.ts';
import { EXPORT_FORMATE, monatsberichtExport } from './monatsbericht-export.ts';
import { pressetext } from './pressetext.ts';

/* ---------- response schema of the Monatsbericht (src/domain/statistik/bericht.ts MonatsberichtDaten) ---------- */

const monat = z.string().describe('Monat JJJJ-MM');
const datenstand = z.enum(['vorlaeufig', 'endgueltig']).describe('Stand der Daten: Status des Snapshots des Monats, zu dem die Zahl gehört');
const veraenderung = z.object({ absolut: z.number().nullable(), prozent: z.number().nullable().describe('Prozent, eine Nachkommastelle') });
const bestandszahl = z
  .object({
    kennung: z.string().describe('Kennung der Zahl (Definition: /steuerung/definitionen#<kennung mit - statt .>)'),
    wert: z.number().nullable(),
    vormonat: z.number().nullable(),
    vorjahr: z.number().nullable(),
    deltaVormonat: veraenderung,
    deltaVorjahr: veraenderung,
    datenstand,
  })
  .describe('Zahl zum Stichtag (oder Bewegung im Monat) mit Vormonat und Vorjahresmonat');
const quote = z.object({
  kennung: z.string(),
  wert: z.number().nullable().describe('Prozent, eine Nachkommastelle; null ohne Bezugsgröße oder bei einer Bezugsgröße unter 15.000'),
  grund: z.enum(['keine_bezugsgroesse', 'bezugsgroesse_zu_klein']).nullable(),
  bezugsgroesse: z.object({ art: z.enum(BEZUGSGROESSE_ARTEN), wert: z.number(), gueltigAb: monat }).nullable(),
  datenstand,
});
const integrationsZeile = z.object({ art: z.enum(INTEGRATIONSARTEN), kennung: z.string(), anzahl: z.number(), anteil: z.number().nullable().describe('Anteil an Integrationen + Minijobs in Prozent') });
const kostenzeile = z.object({ kennung: z.string(), monatCent: z.number().nullable(), jahrCent: z.number().nullable() });
const aufteilungszeile = z.object({ schluessel: z.string(), kennung: z.string(), wert: z.number(), anteil: z.number().nullable() });
const aufteilung = z.object({
  gesamtKennung: z.string(),
  gesamt: z.number(),
  alter: z.array(aufteilungszeile),
  geschlecht: z.array(aufteilungszeile),
  alleinerziehend: aufteilungszeile,
  staat: z.array(aufteilungszeile),
});
const punkt = { monat, datenstand: datenstand.nullable() };

/** OpenAPI of the query (the use case parses with bereichSchema). */
export const bereichQuery = z.object({
  monat: z.string().describe('Berichtsmonat JJJJ-MM'),
  ebene: z.enum(EBENEN).optional().describe('traeger (Vorgabe), kommune oder standort'),
  region: z.string().optional().describe('ID der Kommune oder des Standorts (leer für den Träger)'),
});

export const monatsberichtSchema = z.object({
  monat,
  stichtag: z.string().describe('Stichtag JJJJ-MM-TT'),
  ebene: z.enum(EBENEN),
  region: z.object({ id: z.string().nullable(), name: z.string() }),
  datenstand,
  bestand: z.object({ bg: bestandszahl, personen: bestandszahl, elb: bestandszahl, nef: bestandszahl, bgAlleinerziehend: bestandszahl, lzb: bestandszahl }),
  integrationen: z.object({
    monat: monat.describe('Integrationsmonat: drei Monate vor dem Berichtsmonat'),
    datenstand: datenstand.nullable(),
    arten: z.array(integrationsZeile),
    svb: z.object({ anzahl: z.number(), anteil: z.number().nullable() }),
    integrationen: bestandszahl,
    minijob: integrationsZeile,
    oeffentlichGefoerdert: z.array(integrationsZeile),
    gesamt: z.number(),
  }),
  arbeitslose: bestandszahl,
  arbeitslosenquote: quote,
  sgb2Quote: quote,
  neuantraege: bestandszahl,
  massnahmeTeilnehmende: bestandszahl,
  massnahmeEintritte: bestandszahl,
  kosten: z
    .object({
      monat: monat.describe('Kostenmonat (Zahlmonat): der Vormonat des Berichtsmonats'),
      jahrVon: monat,
      datenstand: datenstand.nullable(),
      gesamt: kostenzeile,
      lebensunterhalt: kostenzeile,
      unterkunft: kostenzeile,
      unterkunftBund: kostenzeile,
      unterkunftKommunal: kostenzeile,
      sofortzuschlag: kostenzeile,
      einmalig: kostenzeile,
      eingliederung: kostenzeile.nullable(),
    })
    .nullable()
    .describe('Gebuchte Auszahlungen nach Zahlmonat in Cent; null auf Ebene Standort'),
  leistungen: z
    .object({
      monat: monat.describe('Leistungsmonat: der Vormonat des Berichtsmonats'),
      jahrVon: monat,
      datenstand: datenstand.nullable(),
      gesamt: kostenzeile,
      lebensunterhalt: kostenzeile,
      unterkunft: kostenzeile,
      unterkunftBund: kostenzeile,
      unterkunftKommunal: kostenzeile,
      sofortzuschlag: kostenzeile,
    })
    .nullable()
    .describe('Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch) in Cent; null ohne Snapshot des Monats'),
  aufteilung: z.object({ elb: aufteilung, alo: aufteilung }),
  hinweise: z
    .object({ lzb: z.string().nullable(), integrationen: z.string().nullable(), jahr: z.string().nullable() })
    .optional()
    .describe('Hinweise für frühe Monate: LZB noch nicht bestimmbar, Integrationsmonat vor den ersten Daten, Jahressummen ab dem ersten Datenmonat'),
  reihen: z.object({
    bestand: z.array(z.object({ ...punkt, bg: z.number().nullable(), elb: z.number().nullable() })),
    kosten: z.array(
      z.object({ ...punkt, lebensunterhaltCent: z.number().nullable(), unterkunftCent: z.number().nullable(), eingliederungCent: z.number().nullable(), gesamtCent: z.number().nullable() }),
    ),
    leistungen: z.array(
      z.object({ ...punkt, lebensunterhaltCent: z.number().nullable(), unterkunftCent: z.number().nullable(), sofortzuschlagCent: z.number().nullable(), gesamtCent: z.number().nullable() }),
    ),
    integrationen: z.array(z.object({ ...punkt, arten: z.record(z.enum(INTEGRATIONSARTEN), z.number().nullable()) })),
  }),
});

/** Exports and Pressetext (H6): access first (401/403), then the input with the request part in the field path (`query.monat`). */
const eingabe = (useCase: UseCase, req: { actor: Parameters<typeof pruefeZugang>[1] }, raw: unknown, teil: 'query' | 'body'): void => {
  pruefeZugang(useCase.zugang, req.actor);
  try {
    useCase.parse(raw);
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, err.status, err.message, err.issues.map((i) => ({ ...i, path: `${teil}.${i.path}` })), err.extra);
    throw err;
  }
};

/** Statistik (docs/statistik.md): API routes of Monatsbericht, Pressetext, Exporte. */
export function registerStatistikBerichtRoutes(app: FastifyInstance, ctx: AppContext): void {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/monatsbericht',
    useCase: monatsbericht,
    tags: ['Statistik'],
    summary: 'Monatsbericht für einen Monat (Träger, Kommune oder Standort)',
    description:
      'Bestand (BG, Personen, eLb, NEF) mit Veränderung zum Vormonat und Vorjahresmonat, Integrationen des Monats drei Monate zuvor, Arbeitslose und Quoten, Neuanträge, Maßnahmen, Leistungen laut Bewilligungen und gebuchte Auszahlungen des Vormonats und des Jahres, Aufteilungen und Zeitreihen. 400 für einen Monat in der Zukunft oder vor den ersten Daten, 404 ohne Snapshot, 403/404 außerhalb der eigenen Standorte.',
    querystring: bereichQuery,
    response: monatsberichtSchema,
    input: (req) => req.query,
  });

  // ---- Exporte und Pressetext (H6): files, so plain routes (the use cases check access and input)
  const fehlerAntworten = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };
  app.get(
    '/api/statistik/monatsbericht/export',
    {
      schema: {
        tags: ['Statistik'],
        security: [{ sitzung: [] }],
        summary: 'Monatsbericht als Datei: PDF, CSV (UTF-8 mit BOM, Semikolon) oder XLSX',
        description: 'veroeffentlichung=true: Zahlen von 1 bis unter der Kleinzahlgrenze (Einstellung) als *. Fehler wie beim Monatsbericht.',
        querystring: bereichQuery.extend({ format: z.enum(EXPORT_FORMATE), veroeffentlichung: z.enum(['true', 'false']).optional() }),
        response: fehlerAntworten,
      },
      validatorCompiler: () => (data) => ({ value: data }),
    },
    async (req, reply) => {
      eingabe(monatsberichtExport, req, req.query, 'query');
      const r = await monatsberichtExport.execute({ ctx, actor: req.actor, input: req.query });
      return reply.type(r.mimeType).header('content-disposition', `attachment; filename="${r.dateiname}"`).header('cache-control', 'no-store').send(r.inhalt);
    },
  );
  const pressetextAntwort = z.object({
    monat,
    stichtag: z.string(),
    ebene: z.enum(EBENEN),
    region: z.object({ id: z.string().nullable(), name: z.string() }),
    datenstand,
    entwurf: z.string().describe('Entwurf aus dem Monatsbericht (jede Zahl stammt aus dem Bericht)'),
    text: z.string(),
    dateiname: z.string(),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/pressetext',
    useCase: pressetext,
    tags: ['Statistik'],
    summary: 'Entwurf einer Pressemitteilung zum Monatsbericht',
    querystring: bereichQuery,
    response: pressetextAntwort,
    input: (req) => ({ ...(req.query as object), text: undefined }),
    praefix: 'schema',
  });
  app.post(
    '/api/statistik/pressetext',
    {
      schema: {
        tags: ['Statistik'],
        security: [{ sitzung: [] }],
        summary: 'Bearbeiteten Pressetext als Textdatei (UTF-8) herunterladen',
        body: bereichQuery.extend({ text: z.string() }),
        response: fehlerAntworten,
      },
      validatorCompiler: () => (data) => ({ value: data }),
    },
    async (req, reply) => {
      // the form's CSRF field is not part of the input
      const { _csrf: csrf, ...body } = (req.body ?? {}) as Record<string, unknown>;
      void csrf;
      eingabe(pressetext, req, body, 'body');
      const r = await pressetext.execute({ ctx, actor: req.actor, input: body });
      const text = r.text.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n');
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${r.dateiname}"`)
        .header('cache-control', 'no-store')
        .send(`\uFEFF${text}`);
    },
  );
}
