import type { Tx } from '../../db/client.ts';
import type { Antrag } from '../../db/schema/index.ts';
import { erstantragDatenSchema, ERSTANTRAG_PAYLOAD_SCHEMA, type ErstantragDaten } from '../../domain/fallakte/index.ts';
import { z } from 'zod';
import { tenantScope, type Actor } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, versionConflict } from '../errors.ts';
import { ladeAntragFuer } from './zugriff.ts';
import { heute } from '../clock.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { legeFallakteAn, pruefeAntragsdaten, type ErstantragErgebnis } from './erfasse-erstantrag.ts';
import { uebernehmePortalDateien } from './portal-dateien-uebernehmen.ts';

/**
 * Takes over an online Erstantrag that has no Fallakte yet: its payload (the Antragsdaten as the citizen sent
 * them) becomes a new Fallakte through the same code as a paper application; the Antrag is linked to it and
 * assigned to the caseworker. The citizen's clean uploads of the Antrag are copied into the Fallakte's documents;
 * files still being scanned are returned as `ausstehend` (copied once the scan releases them).
 */
export const antragUebernehmen = defineUseCase({
  name: 'fall.antrag-uebernehmen',
  zugang: 'angemeldet',
  input: z.strictObject({ id: z.string().max(100).describe('ID (UUID)'), version: z.number().int().min(1) }),
  audit: ['fallakte.create', 'person.create'],
  run: async ({ ctx, actor, input: { id, version } }): Promise<ErstantragErgebnis & { dokumente: Awaited<ReturnType<typeof uebernehmePortalDateien>> }> =>
    mitUeberschneidungsFehler(() =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const antrag = await ladeAntragFuer(tx, actor, id, 'fall.bearbeiten');
        if (antrag.version !== version) throw versionConflict();
        if (antrag.bgId) throw new AppError('schon_uebernommen', 409, 'Dieser Antrag gehört schon zu einer Fallakte.');
        return uebernehmeInNeueFallakte(tx, actor, antrag, heute(ctx.clock.now()));
      }),
    ),
});

/** The Antragsdaten an online Antrag carries (409 antragsdaten_unvollstaendig when they do not suffice). */
export function antragsdatenVon(antrag: Antrag): ErstantragDaten {
  const payload = antrag.payload as { schema?: unknown; version?: unknown; daten?: unknown } | null;
  const parsed = payload?.schema === ERSTANTRAG_PAYLOAD_SCHEMA && payload.version === 1 ? erstantragDatenSchema.safeParse(payload.daten) : null;
  if (!parsed?.success) {
    throw new AppError('antragsdaten_unvollstaendig', 409, 'Die Angaben dieses Antrags reichen nicht für eine Fallakte. Bitte erfassen Sie den Antrag als Erstantrag.');
  }
  return parsed.data;
}

/** Inside the caller's transaction: a new Fallakte from the Antrag's data, the Antrag linked, the uploads copied. */
export async function uebernehmeInNeueFallakte(tx: Tx, actor: Actor, antrag: Antrag, heuteDatum: string) {
  const daten = antragsdatenVon(antrag);
  const { iban } = pruefeAntragsdaten(daten);
  const ergebnis = await legeFallakteAn(tx, actor, daten, iban, antrag, heuteDatum);
  const dokumente = await uebernehmePortalDateien(tx, actor, { id: antrag.id, bgId: ergebnis.bg.id });
  return { ...ergebnis, dokumente };
}
