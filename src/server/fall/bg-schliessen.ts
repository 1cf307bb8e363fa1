import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { tagVorher } from '../../domain/fallakte/index.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { datumText } from './texte.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { sperreVersion } from './fallakte-version.ts';
import { bgSchliessenSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Closes a Bedarfsgemeinschaft from a day on: every membership (and relationship) in it ends the day before,
 * memberships planned from that day on are dropped, and the case gets the status `geschlossen`. No Bewilligung may
 * run on that day or later: an approved one has to be aufgehoben first (Aufhebung), and later ones are refused
 * (`pruefeOffenBis`). The history keeps everything before.
 */
export const bgSchliessen = defineUseCase({
  name: 'fall.bg-schliessen',
  zugang: 'angemeldet',
  input: bgSchliessenSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    return mitUeberschneidungsFehler(() =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
        if (bg.status === 'geschlossen') throw new AppError('fall_geschlossen', 409, 'Diese Bedarfsgemeinschaft ist bereits geschlossen.');
        const laufend = (await bewilligungRepository.listByBg(tx, bg.id)).filter((b) => b.status === 'bewilligt' && b.bis >= input.ab);
        if (laufend.length) {
          const b = laufend.sort((x, y) => (x.von < y.von ? -1 : 1))[0]!;
          throw new AppError(
            'bewilligung_laeuft',
            409,
            `Die Bewilligung vom ${datumText(b.von)} bis ${datumText(b.bis)} läuft über den ${datumText(tagVorher(input.ab))} hinaus. Bitte heben Sie sie zuerst ab dem ${datumText(input.ab)} auf (Aufhebung); danach kann die Bedarfsgemeinschaft geschlossen werden.`,
          );
        }
        const updated = await sperreVersion(tx, bg, input.version, { status: 'geschlossen' });
        const bis = tagVorher(input.ab);
        let beendet = 0;
        for (const tabelle of ['mitgliedschaften', 'beziehungen'] as const) {
          for (const p of await fallRepository.serie(tx, tabelle, { bgId: bg.id })) {
            if (p.gueltigVon >= input.ab) {
              await fallRepository.entfernePeriode(tx, tabelle, p.id);
            } else if (p.gueltigBis === null || p.gueltigBis >= input.ab) {
              await fallRepository.schliessePeriode(tx, tabelle, p.id, bis);
              if (tabelle === 'mitgliedschaften') beendet++;
            }
          }
        }
        const grund = input.grund?.trim();
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: 'bg_geschlossen',
          beschreibung: `Bedarfsgemeinschaft ab ${datumText(input.ab)} geschlossen${grund ? ` (${grund})` : ''}: ${beendet === 0 ? 'es lief keine Mitgliedschaft mehr' : beendet === 1 ? `die Mitgliedschaft endet am ${datumText(bis)}` : `alle ${beendet} Mitgliedschaften enden am ${datumText(bis)}`}.`,
          details: { ab: input.ab, grund: grund || null, beendeteMitgliedschaften: beendet },
        });
        return updated;
      }),
    );
  },
});
