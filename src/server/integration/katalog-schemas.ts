import { z } from 'zod';
import { handlungsbedarfCode } from '../../domain/foerdern/potenzialanalyse.ts';
import { SCHLUESSELGROESSEN } from '../../domain/foerdern/typen.ts';
import type { HandlungsbedarfRow } from '../../db/schema/index.ts';
import { haekchen, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';

/** Inputs of the catalogue use cases (katalog-*.ts), shared by the JSON API and /integration/katalog. */

const id = z.string().max(100).describe('ID (UUID)');
const bezeichnung = text(200)
  .transform((s) => s.trim())
  .refine((s) => s.length >= 2, { error: 'Bitte eine Bezeichnung mit mindestens 2 Zeichen angeben.' })
  .describe('Bezeichnung, wie sie in der Potenzialanalyse erscheint');
const schluesselgroesse = z.enum(SCHLUESSELGROESSEN, { error: 'Bitte eine Schlüsselgröße wählen.' });

export const katalogAnlegenSchema = z.object({
  code: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), handlungsbedarfCode()),
  schluesselgroesse,
  bezeichnung,
  gesundheitsbezogen: haekchen().default(false).describe('Gesundheitsbezogen (Art. 9 DSGVO): getrennt gespeichert, nur für die Integrationsfachkraft sichtbar'),
});

export const katalogAendernSchema = z.object({ id, version: version(), schluesselgroesse: schluesselgroesse.optional(), bezeichnung: bezeichnung.optional() });
export const katalogIdSchema = z.object({ id, version: version() });

export const katalogEintragAntwort = z.object({
  id: z.string(),
  code: z.string(),
  schluesselgroesse: z.enum(SCHLUESSELGROESSEN),
  bezeichnung: z.string(),
  gesundheitsbezogen: z.boolean(),
  aktiv: z.boolean(),
  version: z.number(),
});

export const presentKatalogEintrag = (r: HandlungsbedarfRow): z.infer<typeof katalogEintragAntwort> => ({
  id: r.id,
  code: r.code,
  schluesselgroesse: r.schluesselgroesse,
  bezeichnung: r.bezeichnung,
  gesundheitsbezogen: r.gesundheitsbezogen,
  aktiv: r.aktiv,
  version: r.version,
});
