import { erstantragDatenSchema, ERSTANTRAG_PAYLOAD_SCHEMA } from '../../domain/fallakte/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, versionConflict } from '../errors.ts';
import { ladeAntragFuer } from './antrag-common.ts';
import { mitUeberschneidungsFehler } from './common.ts';
import { legeFallakteAn, pruefeAntragsdaten, type ErstantragErgebnis } from './erfasse-erstantrag.ts';
import { uebernehmePortalDateien } from './portal-dateien-uebernehmen.ts';

/**
 * Takes over an online Erstantrag that has no Fallakte yet: its payload (the Antragsdaten as the citizen sent
 * them) becomes a new Fallakte through the same code as a paper application; the Antrag is linked to it and
 * assigned to the caseworker. The citizen's clean uploads of the Antrag are copied into the Fallakte's documents;
 * files still being scanned are returned as `ausstehend` (copied once the scan releases them).
 */
export async function antragUebernehmen(opts: { ctx: AppContext; actor: Actor; id: string; version: number }): Promise<ErstantragErgebnis & { dokumente: Awaited<ReturnType<typeof uebernehmePortalDateien>> }> {
  const { ctx, actor, id, version } = opts;
  return mitUeberschneidungsFehler(() =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const antrag = await ladeAntragFuer(tx, actor, id, 'fall.bearbeiten');
      if (antrag.version !== version) throw versionConflict();
      if (antrag.bgId) throw new AppError('schon_uebernommen', 409, 'Dieser Antrag gehört schon zu einer Fallakte.');
      const payload = antrag.payload as { schema?: unknown; version?: unknown; daten?: unknown } | null;
      const parsed = payload?.schema === ERSTANTRAG_PAYLOAD_SCHEMA && payload.version === 1 ? erstantragDatenSchema.safeParse(payload.daten) : null;
      if (!parsed?.success) {
        throw new AppError('antragsdaten_unvollstaendig', 409, 'Die Angaben dieses Antrags reichen nicht für eine Fallakte. Bitte erfassen Sie den Antrag als Erstantrag.');
      }
      const { iban } = pruefeAntragsdaten(parsed.data);
      const ergebnis = await legeFallakteAn(tx, actor, parsed.data, iban, antrag);
      const dokumente = await uebernehmePortalDateien(tx, actor, { id: antrag.id, bgId: ergebnis.bg.id });
      return { ...ergebnis, dokumente };
    }),
  );
}
