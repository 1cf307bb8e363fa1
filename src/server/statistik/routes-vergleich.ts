import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KENNZAHLEN, VERGLEICH_MARKIERUNGEN } from '../../domain/statistik/typen.ts';
import { VERGLEICH_FELDER } from '../../domain/statistik/vergleich-import.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http.ts';
import { apiErrorSchema, apiRoute, pruefeZugang } from '../use-case.ts';
import { spaltenzuordnung } from './spaltenzuordnung.ts';
import { spaltenzuordnungAendern, spaltenzuordnungAendernSchema } from './spaltenzuordnung-aendern.ts';
import { statistikVergleich } from './vergleich.ts';
import { VERGLEICH_MAX_BYTES, vergleichImport } from './vergleich-import.ts';
import { vergleichImporte } from './vergleich-importe.ts';
import { vergleichJobcenterListe } from './vergleich-jobcenter.ts';

const TAGS = ['Statistik: Vergleich'];

type Hochgeladen = { buffer: Buffer; filename: string; abgeschnitten: boolean };

const platz = z.object({ rang: z.number(), n: z.number() }).nullable();
const markierung = z.enum(VERGLEICH_MARKIERUNGEN).nullable();
const abgelehnt = z.array(z.object({ zeile: z.number().describe('Zeile der Datei (0 = die ganze Datei)'), grund: z.string(), code: z.string() }));

const vergleichAntwort = z.object({
  kennzahl: z.enum(KENNZAHLEN),
  kennzahlName: z.string(),
  richtung: z.enum(['niedriger_besser', 'hoeher_besser']),
  monat: z.string().nullable(),
  monate: z.array(z.string()),
  fiktiv: z.boolean().describe('Werte aus einer als fiktiv gekennzeichneten Datei (Beispieldaten)'),
  n: z.number().describe('Jobcenter mit Wert (n der bundesweiten Rangliste)'),
  eigener: z
    .object({
      schluessel: z.string(),
      name: z.string(),
      land: z.string(),
      landName: z.string().nullable(),
      vergleichstyp: z.string().nullable(),
      wert: z.number().nullable(),
      markierung,
      national: platz,
      imVergleichstyp: platz,
      imLand: platz,
    })
    .nullable(),
  live: z.object({ wert: z.number().nullable(), grund: z.string().nullable() }).describe('eigener Wert live aus den Snapshots'),
  zeilen: z.array(
    z.object({
      rang: z.number().nullable(),
      schluessel: z.string(),
      name: z.string().nullable(),
      land: z.string().nullable(),
      landName: z.string().nullable(),
      vergleichstyp: z.string().nullable(),
      traegerTyp: z.string().nullable(),
      wert: z.number().nullable(),
      markierung,
      eigener: z.boolean(),
      fiktiv: z.boolean(),
    }),
  ),
});

const importAntwort = z.object({
  id: z.string(),
  dateiname: z.string(),
  zeilenGelesen: z.number(),
  zeilenUebernommen: z.number(),
  jobcenter: z.number(),
  fiktiv: z.boolean(),
  eigener: z.string().nullable(),
});

const zuordnungSchema = z.object(Object.fromEntries(VERGLEICH_FELDER.map((f) => [f, z.array(z.string())])) as Record<(typeof VERGLEICH_FELDER)[number], z.ZodArray<z.ZodString>>);

const hochgeladen = (body: Record<string, unknown>) => {
  const d = body.datei as Hochgeladen | undefined;
  return d && Buffer.isBuffer(d.buffer) && (d.buffer.length > 0 || !!d.filename) ? d : null;
};
const feld = (body: Record<string, unknown>, k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');

/** The use case's input from a multipart body (the file as Buffer, the other fields as text). */
const eingabe = (req: FastifyRequest) => {
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const d = hochgeladen(body);
  return { dateiname: d?.filename ?? '', inhalt: d?.buffer, abgeschnitten: d?.abgeschnitten ?? false, fiktiv: feld(body, 'fiktiv'), eigener: feld(body, 'eigener') };
};

/** Statistik (docs/statistik.md): API routes of Vergleich. */
export function registerStatistikVergleichRoutes(app: FastifyInstance, ctx: AppContext): void {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/vergleich',
    useCase: statistikVergleich,
    tags: TAGS,
    summary: 'Vergleich mit allen Jobcentern: Rangliste einer Kennzahl nach § 48a SGB II in einem Monat („Platz x von n“ bundesweit, im Vergleichstyp, im Land)',
    description:
      'Veröffentlichte Werte aus den importierten Dateien; Gleichstand teilt den niedrigsten Rang, fehlende und geheime Werte zählen nicht in n, imputierte bleiben markiert. Daneben der eigene Wert live aus den Snapshots. Ohne `monat`: der neueste Monat mit Werten.',
    querystring: z.object({
      kennzahl: z.enum(KENNZAHLEN).optional().describe('Kennzahl (Standard K2)'),
      monat: z.string().optional().describe('Berichtsmonat JJJJ-MM; Standard: neuester Monat mit Werten'),
    }),
    response: vergleichAntwort,
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/vergleich/importe',
    useCase: vergleichImporte,
    tags: TAGS,
    summary: 'Importe veröffentlichter Kennzahlen mit allen abgelehnten Zeilen',
    response: z.object({
      importe: z.array(
        z.object({ id: z.string(), dateiname: z.string(), zeilenGelesen: z.number(), zeilenUebernommen: z.number(), abgelehnt, fiktiv: z.boolean(), importiertAm: z.string() }),
      ),
    }),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/vergleich/jobcenter',
    useCase: vergleichJobcenterListe,
    tags: TAGS,
    summary: 'Jobcenter des Vergleichs (Schlüssel, Name, Land, gE/zkT, Vergleichstyp, gültig von/bis)',
    response: z.object({
      jobcenter: z.array(
        z.object({
          schluessel: z.string(),
          name: z.string(),
          land: z.string(),
          traegerTyp: z.string(),
          vergleichstyp: z.string().nullable(),
          gueltigVon: z.string(),
          gueltigBis: z.string().nullable(),
          eigener: z.boolean(),
          fiktiv: z.boolean(),
        }),
      ),
    }),
  });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/vergleich/spaltenzuordnung',
    useCase: spaltenzuordnung,
    tags: TAGS,
    summary: 'Spaltenzuordnung des Imports (eigene oder Standard)',
    response: z.object({ zuordnung: zuordnungSchema, standard: z.boolean(), text: z.string(), felder: z.array(z.object({ feld: z.string(), text: z.string(), pflicht: z.boolean() })) }),
  });
  apiRoute(app, ctx, {
    method: 'PUT',
    url: '/api/statistik/vergleich/spaltenzuordnung',
    useCase: spaltenzuordnungAendern,
    tags: TAGS,
    summary: 'Spaltenzuordnung des Imports ändern (Feld → Spaltenüberschriften) oder auf den Standard zurücksetzen',
    body: spaltenzuordnungAendernSchema,
    response: z.object({ standard: z.boolean(), text: z.string().nullable() }),
  });

  // The upload (multipart): the API and the import page's form (works without JavaScript).
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: VERGLEICH_MAX_BYTES + 1, files: 1, fields: 10, fieldSize: 1000 },
      async onFile(part: MultipartFile) {
        const buffer = await part.toBuffer();
        (part as unknown as { value: Hochgeladen }).value = { buffer, filename: part.filename, abgeschnitten: part.file.truncated };
      },
    });
    scope.route({
      method: 'POST',
      url: '/api/statistik/vergleich/importe',
      schema: {
        tags: TAGS,
        summary: 'Datei veröffentlichter Kennzahlen importieren (CSV oder XLSX, multipart/form-data)',
        description:
          'Felder: `datei` (CSV in UTF-8 oder Windows-1252, Trenner Semikolon oder Komma, oder XLSX; höchstens 10 MB), `fiktiv` (ja: Beispieldaten), `eigener` (Schlüssel des eigenen Jobcenters, optional); CSRF-Token im Feld `_csrf` oder Kopf `x-csrf-token`. Alles oder nichts: eine abgelehnte Zeile → 400 `import_zeilen_abgelehnt` mit `abgelehnt` (jede Zeile mit Nummer, Grund und Code) und `importId`; unbekannte Spalten → `import_spalten_unbekannt`; unlesbare Datei → `import_datei_ungueltig`.',
        consumes: ['multipart/form-data'],
        body: z.object({
          datei: z.string().describe('die Datei (binär)'),
          fiktiv: z.enum(['ja', 'nein']).optional(),
          eigener: z.string().optional(),
        }),
        security: [{ sitzung: [] }],
        response: { 201: importAntwort, 400: apiErrorSchema.extend({ abgelehnt: abgelehnt.optional(), importId: z.string().optional() }), 401: apiErrorSchema, 403: apiErrorSchema },
      },
      validatorCompiler: () => (data) => ({ value: data }),
      preValidation: async (req) => pruefeZugang(vergleichImport.zugang, req.actor),
      handler: async (req, reply) => {
        const r = await vergleichImport.execute({ ctx, actor: req.actor, input: eingabe(req) });
        return reply.code(201).send(r);
      },
    });
    scope.post('/steuerung/vergleich/import/datei', { schema: { hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
      const actor = requireActor(req);
      const zurueck = (q: string) => reply.code(303).header('location', `/steuerung/vergleich/import?${q}#ergebnis`).send();
      try {
        const r = await vergleichImport.execute({ ctx, actor, input: eingabe(req) });
        return zurueck(`import=${encodeURIComponent(r.id)}`);
      } catch (err) {
        if (err instanceof AppError && err.status === 400) {
          if (typeof err.extra.importId === 'string') return zurueck(`import=${encodeURIComponent(err.extra.importId)}`);
          const i = err.issues[0];
          const code = i?.path === 'eigener' || i?.path === 'body.eigener' ? (i.code === 'schluessel_unbekannt' ? 'schluessel_unbekannt' : 'eigener_ungueltig') : i?.code === 'datei_zu_gross' ? 'datei_zu_gross' : 'keine_datei';
          return zurueck(`fehler=${code}`);
        }
        throw err;
      }
    });
  });
}
