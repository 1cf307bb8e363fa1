import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EBENEN, KENNZAHLEN } from '../../domain/statistik/typen.ts';
import type { AppContext } from '../context.ts';
import { apiRoute } from '../use-case.ts';
import { statistikKennzahlen } from './kennzahlen.ts';

const datenstand = z.enum(['vorlaeufig', 'endgueltig']);
const wert = z
  .object({ wert: z.number().describe('Prozent, eine Nachkommastelle'), zaehler: z.number(), nenner: z.number() })
  .nullable()
  .describe('null: Nenner 0 oder fehlende Monate');
const jeKennzahl = <T extends z.ZodType>(s: T) => z.object(Object.fromEntries(KENNZAHLEN.map((k) => [k, s])) as Record<(typeof KENNZAHLEN)[number], T>);

const antwort = z.object({
  monat: z.string(),
  stichtag: z.string(),
  ebene: z.enum(EBENEN),
  region: z.object({ id: z.string().nullable(), name: z.string() }),
  datenstand,
  ergebnis: z.object({ version: z.literal(1), bezugsmonat: z.string(), kennzahlen: jeKennzahl(wert) }).describe('Ausgabe wie `npx vorort kennzahlen` (Austauschformat Version 1)'),
  zeilen: z.array(z.object({ kennzahl: z.enum(KENNZAHLEN), wert, grund: z.string().nullable().describe('warum kein Wert') })),
  eckwerte: z.object({ bg: z.number().nullable(), elb: z.number().nullable(), lzb: z.number().nullable() }),
  kennzahl: z.enum(KENNZAHLEN),
  reihen: jeKennzahl(z.array(z.object({ monat: z.string(), wert: z.number().nullable(), datenstand: datenstand.nullable() }))).describe('25 Monate bis zum Bezugsmonat'),
  vergleich: z
    .object({
      kommunen: z.array(z.object({ id: z.string(), name: z.string(), kennzahlen: jeKennzahl(z.number().nullable()) })),
      standorte: z.array(z.object({ id: z.string(), name: z.string(), kennzahlen: jeKennzahl(z.number().nullable()) })),
    })
    .nullable()
    .describe('nur für den ganzen Träger: dieselben Quoten je Kommune und je Standort'),
});

/** Statistik (docs/statistik.md): API routes of Kennzahlen. */
export function registerStatistikKennzahlenRoutes(app: FastifyInstance, ctx: AppContext): void {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/statistik/kennzahlen',
    useCase: statistikKennzahlen,
    tags: ['Statistik'],
    summary: 'Kennzahlen nach § 48a SGB II eines Monats (live aus den Snapshots), 25-Monats-Verlauf und Vergleich der Kommunen und Standorte',
    description:
      'Berechnet mit derselben Kennzahlen-Engine wie `npx vorort kennzahlen`. Ohne `monat`: der letzte Monat mit Statistik. Teamleitung: nur `ebene=standort` eigener Standorte (anderer Standort 404, Träger oder Kommune 403).',
    querystring: z.object({
      monat: z.string().optional().describe('Berichtsmonat JJJJ-MM; Standard: letzter Monat mit Statistik'),
      ebene: z.enum(EBENEN).optional().describe('traeger (Standard), kommune oder standort'),
      region: z.string().optional().describe('Kommune oder Standort (UUID); leer für den Träger'),
      kennzahl: z.enum(KENNZAHLEN).optional().describe('Kennzahl des Verlaufs (Standard K2)'),
    }),
    response: antwort,
  });
}
