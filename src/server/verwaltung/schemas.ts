import { z } from 'zod';
import { STANDARD_VIER_AUGEN_REGELN, vierAugenRegelnSchema } from '../../domain/bewilligung/index.ts';
import { euroCent, euroCentOderNull, ganzzahl, haekchen, leerAlsNull, tagesdatum, version } from '../schemas/formular.ts';
import { istUuid, text } from '../schemas/grenzen.ts';

/**
 * Inputs of the Verwaltung use cases (KdU-Richtwerte, Träger-Einstellungen), shared by the JSON API and the pages:
 * a form sends text ("540,00", "2"), the API numbers — both reach the same checks and German messages.
 */

const KOMMUNE_WAEHLEN = 'Bitte eine Kommune wählen.';
/** The id from the URL; an unknown or malformed one is "not found" (checked in the use case). */
const id = z.string().max(100).describe('ID (UUID)');

export const kduEingabeSchema = z.object({
  kommuneId: z.string({ error: KOMMUNE_WAEHLEN }).max(100, { error: KOMMUNE_WAEHLEN }).refine(istUuid, { error: KOMMUNE_WAEHLEN }).describe('Kommune (UUID)'),
  haushaltsgroesse: ganzzahl('Bitte die Zahl der Personen angeben (1 bis 12).', 1, 12),
  bruttokaltmieteCent: euroCent(),
  heizkostenCent: euroCent(),
  gueltigVon: tagesdatum(),
  gueltigBis: leerAlsNull(tagesdatum()).optional(),
});
export type KduEingabe = z.infer<typeof kduEingabeSchema>;

export const kduAendernSchema = kduEingabeSchema.extend({ id, version: version() });
export const kduNeuerWertSchema = z.object({ id, version: version(), ab: tagesdatum(), bruttokaltmieteCent: euroCent(), heizkostenCent: euroCent() });
export const kduBeendenSchema = z.object({ id, version: version(), bis: tagesdatum() });
export const kduIdSchema = z.object({ id });

export const GRENZE_FEHLER = 'Bitte eine Grenze von 0 Euro oder mehr angeben oder das Feld leer lassen.';

export const einstellungenEingabeSchema = z.object({
  vierAugenRegeln: z.object({
    nachzahlungAbCent: euroCentOderNull(GRENZE_FEHLER),
    monatsbetragAbCent: euroCentOderNull(GRENZE_FEHLER),
    erstattungAbCent: euroCentOderNull(GRENZE_FEHLER),
    ablehnung: haekchen(),
    aufhebung: haekchen(),
    erstbewilligung: haekchen(),
  }),
  iban: text(40),
  bic: leerAlsNull(text(11)).optional(),
  kontoinhaber: text(70),
  version: version(),
});
export type EinstellungenEingabe = z.infer<typeof einstellungenEingabeSchema>;

export const presentEinstellungen = (
  e: { vierAugenRegeln: unknown; iban: string | null; bic: string | null; kontoinhaber: string | null; minderungEntscheider?: string; minderungVierAugen?: string; updatedAt: Date; version: number } | undefined,
) => ({
  vierAugenRegeln: (e ? vierAugenRegelnSchema.safeParse(e.vierAugenRegeln).data : undefined) ?? STANDARD_VIER_AUGEN_REGELN,
  iban: e?.iban ?? null,
  bic: e?.bic ?? null,
  kontoinhaber: e?.kontoinhaber ?? null,
  /** Fordern (docs/fordern.md): who decides Minderungen and when a second person approves the Bescheid */
  minderungEntscheider: e?.minderungEntscheider ?? 'integration',
  minderungVierAugen: e?.minderungVierAugen ?? 'wegfall',
  /** null until the Träger first saved its settings (then the defaults apply and no SEPA file can be made) */
  updatedAt: e ? e.updatedAt.toISOString() : null,
  version: e?.version ?? 0,
});
