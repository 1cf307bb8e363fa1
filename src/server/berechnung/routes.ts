import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { berechnungErgebnisSchema, berechnungInputSchema } from '../../domain/berechnung/index.ts';
import { apiErrorSchema as errorSchema } from '../use-case.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { berechnen } from './berechnen.ts';

export function registerBerechnungRoutes(app: FastifyInstance, _ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/berechnung',
    {
      schema: {
        tags: ['Leistungsberechnung'],
        summary: 'Leistungsanspruch einer Bedarfsgemeinschaft für einen Monat berechnen (Austauschformat v1)',
        description:
          'Eingabe und Ausgabe: docs/berechnung.md. Fehler: 400 mit stabilem Code (z. B. schema_ungueltig, geburtsdatum_nach_zeitraum), JSON-Pfad in "pfad" und deutschem Text.',
        body: berechnungInputSchema,
        response: { 200: berechnungErgebnisSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
      // The schema documents the body; the engine validates it itself, with its own codes, paths and German messages.
      validatorCompiler: () => (data) => ({ value: data }),
    },
    async (req) => berechnen({ actor: requireActor(req), input: req.body }),
  );
}
