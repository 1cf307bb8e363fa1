import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import type { Antrag } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor } from '../context.ts';
import { ganzzahl, leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, versionConflict } from '../errors.ts';
import { ladeAntragFuer, standortSichtbar } from './zugriff.ts';
import { antragsdatenVon, uebernehmeInNeueFallakte } from './antrag-uebernehmen.ts';
import { datumText } from './texte.ts';
import { heute } from '../clock.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { uebernehmePortalDateien } from './portal-dateien-uebernehmen.ts';

/**
 * "Fallakte anlegen/zuordnen" for an online Erstantrag without a Fallakte (Online-Eingang, Arbeitsvorrat):
 * if the Antragsteller (same first and last name, same birth date) already belongs to an active Fallakte of the
 * actor's Standorte, the Antrag is assigned to that Fallakte — its facts stay as they are; the caseworker compares
 * them with the application (PDF) and records changes "ab" a day. Otherwise a new Fallakte is created from the
 * application exactly like `antragUebernehmen`. Either way the Antrag is assigned to the caseworker and the
 * citizen's clean uploads go into the Fallakte's documents.
 */
export const antragZuordnenSchema = z.strictObject({
  /** The Antrag from the URL; an unknown or malformed id answers 404. */
  id: z.string().max(100).describe('ID (UUID)'),
  version: ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 0, 2_147_483_647),
  /** Only when several Fallakten match: the one chosen (must be one of the matches). */
  bgId: leerAlsFehlend(z.uuid()),
});

export type Zuordnungskandidat = { bgId: string; fallnummer: string };

/** Active Fallakten of visible Standorte in which the Antrag's Antragsteller (name + birth date) is a member. */
export async function kandidaten(tx: Tx, actor: Actor, antrag: Antrag): Promise<Zuordnungskandidat[]> {
  const daten = antragsdatenVon(antrag);
  const a = daten.personen.find((p) => p.rolle === 'antragsteller');
  if (!a) return [];
  const treffer = await antraegeRepository.personenMitNameUndGeburt(tx, a);
  const gesehen = new Map<string, Zuordnungskandidat>();
  for (const t of treffer) {
    if (!t.bgId || !t.fallnummer || t.bgStatus !== 'aktiv' || !t.standortId || !standortSichtbar(actor, t.standortId, 'fall.bearbeiten')) continue;
    gesehen.set(t.bgId, { bgId: t.bgId, fallnummer: t.fallnummer });
  }
  return [...gesehen.values()];
}

export type ZuordnungErgebnis = {
  neu: boolean;
  bg: { id: string; fallnummer: string };
  dokumente: Awaited<ReturnType<typeof uebernehmePortalDateien>>;
};

export const antragZuordnen = defineUseCase({
  name: 'fall.antrag-zuordnen',
  zugang: 'fall.bearbeiten',
  input: antragZuordnenSchema,
  audit: ['fallakte.create', 'fallakte.update', 'person.create', 'antrag.update'],
  run: async ({ ctx, actor, input }): Promise<ZuordnungErgebnis> => {
    const { id } = input;
    const tag = heute(ctx.clock.now());
    return mitUeberschneidungsFehler(() =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const antrag = await ladeAntragFuer(tx, actor, id, 'fall.bearbeiten');
        if (antrag.version !== input.version) throw versionConflict();
        if (antrag.bgId) throw new AppError('schon_uebernommen', 409, 'Dieser Antrag gehört schon zu einer Fallakte.');
        if (antrag.art !== 'erstantrag') throw new AppError('kein_erstantrag', 409, 'Nur ein Erstantrag ohne Fallakte kann einer Fallakte zugeordnet werden.');
        const passend = await kandidaten(tx, actor, antrag);
        let ziel: Zuordnungskandidat | undefined;
        if (input.bgId) {
          ziel = passend.find((k) => k.bgId === input.bgId);
          if (!ziel) {
            throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
              { path: 'bgId', code: 'fallakte_unpassend', message: 'In dieser Fallakte gibt es keine Person mit Name und Geburtsdatum der antragstellenden Person.' },
            ]);
          }
        } else if (passend.length > 1) {
          throw new AppError('validation_failed', 400, 'Bitte wählen Sie die Fallakte aus.', [
            { path: 'bgId', code: 'mehrere_fallakten', message: `Die Person gehört zu mehreren Fallakten (${passend.map((k) => k.fallnummer).join(', ')}). Bitte wählen Sie eine aus.` },
          ]);
        } else {
          ziel = passend[0];
        }
        if (!ziel) {
          const r = await uebernehmeInNeueFallakte(tx, actor, antrag, tag);
          return { neu: true, bg: { id: r.bg.id, fallnummer: r.bg.fallnummer }, dokumente: r.dokumente };
        }
        const bg = ziel;
        const zielBg = await fallRepository.findBg(tx, bg.bgId);
        const linked = await antraegeRepository.update(tx, antrag.id, antrag.version, {
          bgId: bg.bgId,
          ...(zielBg ? { standortId: zielBg.standortId } : {}),
          bearbeiterId: actor.userId,
          status: antrag.status === 'eingegangen' ? 'in_bearbeitung' : antrag.status,
        });
        if (!linked) throw versionConflict();
        await protokolliere(tx, actor, {
          bgId: bg.bgId,
          art: 'antrag_zugeordnet',
          beschreibung: `Online-Erstantrag vom ${datumText(antrag.antragsdatum)} dieser Fallakte zugeordnet (gleicher Name und gleiches Geburtsdatum). Die Angaben des Antrags sind nicht automatisch übernommen: bitte mit der Akte vergleichen.`,
          details: { antragId: antrag.id },
          zweck: 'Leistungssachbearbeitung: Online-Antrag zuordnen',
        });
        await recordAudit(tx, actor, { objectType: 'antrag', objectId: antrag.id, action: 'update', purpose: 'Leistungssachbearbeitung: Online-Antrag zuordnen', details: { bgId: bg.bgId } });
        const dokumente = await uebernehmePortalDateien(tx, actor, { id: antrag.id, bgId: bg.bgId });
        return { neu: false, bg: { id: bg.bgId, fallnummer: bg.fallnummer }, dokumente };
      }),
    );
  },
});
