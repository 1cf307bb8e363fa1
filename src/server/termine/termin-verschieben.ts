import { z } from 'zod';
import { publicBaseUrl } from '../auth/public-url.ts';
import { ganzzahl } from '../schemas/formular.ts';
import { zeitpunkt } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { verschiebeAblauf } from './termin-aendern.ts';

/** The new start; an empty form field (no time chosen) counts as missing. */
export const neuerBeginn = () => z.preprocess((v) => (v === '' ? undefined : v), zeitpunkt());

/**
 * Moves an appointment to another free time (same Anliegen, channel and Standort): the citizen their own within the
 * Träger's rules, staff those of their Standorte. Taken → 409 `slot_belegt` with alternatives.
 */
export const terminVerschieben = defineUseCase({
  name: 'termine.termin-verschieben',
  zugang: 'angemeldet',
  input: z.object({ id: kennung(), beginn: neuerBeginn(), version: z.preprocess((v) => (v === '' ? undefined : v), ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 0, 2_147_483_647).optional()) }),
  audit: ['termin.update'],
  run: async ({ ctx, actor, input }) => verschiebeAblauf({ ctx, actor, terminId: input.id, input: { beginn: input.beginn, version: input.version }, basisUrl: publicBaseUrl(ctx) }),
});
