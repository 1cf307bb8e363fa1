import { z } from 'zod';
import { berechnungErgebnisSchema, berechnungInputSchema } from './schema.ts';

/** JSON Schemas of exchange format v1, as committed in docs/schema/. */
export function jsonSchemas(): { input: unknown; ergebnis: unknown } {
  return {
    input: { $id: 'berechnung-input.v1.json', ...z.toJSONSchema(berechnungInputSchema) },
    ergebnis: { $id: 'berechnung-ergebnis.v1.json', ...z.toJSONSchema(berechnungErgebnisSchema) },
  };
}
