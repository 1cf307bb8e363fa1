import { z } from 'zod';
import { handlungsbedarfKatalogRepository } from '../../db/repositories/handlungsbedarf-katalog.ts';
import { potenzialanalyseRepository } from '../../db/repositories/potenzialanalyse.ts';
import {
  gesundheitsbezogeneEintraege,
  leseDaten,
  leseGesundheit,
  potenzialanalyseEingabeSchema,
  trenneGesundheit,
} from '../../domain/foerdern/potenzialanalyse.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, versionConflict } from '../errors.ts';
import { can } from '../policies.ts';
import { tagesdatum } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeElbPerson, verlangeElb, zweckPotenzialanalyse } from './potenzialanalyse-zugriff.ts';

export const potenzialanalyseSpeichernSchema = z.strictObject({
  personId: z.string().max(100).describe('Person (UUID)'),
  basisFassung: z
    .number({ error: 'Die Fassung fehlt. Bitte laden Sie die Seite neu.' })
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .describe('Die Fassung, von der die Eingabe ausgeht (0: noch keine). Ist inzwischen eine neuere gespeichert: 409 version_conflict.'),
  erstelltAm: tagesdatum().optional().describe('Tag des Gesprächs, Standard heute; nicht in der Zukunft'),
  inhalt: potenzialanalyseEingabeSchema,
});

export const GESUNDHEIT_VERBOTEN = 'Gesundheitsbezogene Angaben der Potenzialanalyse darf nur die Integrationsfachkraft erfassen.';

/**
 * Saves a new Fassung of the Potenzialanalyse (fassung + 1; nothing is overwritten). The Handlungsbedarfe must be
 * codes of the Träger's catalogue (a deactivated one only if the person already had it). Health-related items and
 * the free text on health-related limits go to the separate health table — and only from holders of
 * `potenzialanalyse.gesundheit` (403 otherwise). When someone without that right saves (Teamleitung), the health
 * part of the previous Fassung is carried over inside the database, unseen, so it is not lost.
 */
export const potenzialanalyseSpeichern = defineUseCase({
  name: 'integration.potenzialanalyse-speichern',
  zugang: 'angemeldet',
  input: potenzialanalyseSpeichernSchema,
  audit: ['potenzialanalyse.create', 'potenzialanalyse_gesundheit.create', 'potenzialanalyse_gesundheit.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const erstelltAm = input.erstelltAm ?? tag;
    const gesundheitErlaubt = can(actor, 'potenzialanalyse.gesundheit');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeElbPerson(tx, actor, input.personId, 'integration.bearbeiten', tag);
      verlangeElb(person);
      const katalog = await handlungsbedarfKatalogRepository.list(tx);
      if (!gesundheitErlaubt && (gesundheitsbezogeneEintraege(input.inhalt, katalog).length > 0 || input.inhalt.gesundheitlicheEinschraenkungen?.trim())) {
        throw fehler('forbidden', { meldung: GESUNDHEIT_VERBOTEN });
      }
      const aktuell = await potenzialanalyseRepository.aktuell(tx, person.personId);
      if (input.basisFassung !== undefined && input.basisFassung !== (aktuell?.fassung ?? 0)) throw versionConflict();
      if (erstelltAm > tag) throw validationFailed([{ path: 'erstelltAm', code: 'datum_in_zukunft', message: 'Das Datum darf nicht in der Zukunft liegen.' }]);
      if (aktuell && erstelltAm < aktuell.erstelltAm) {
        throw validationFailed([{ path: 'erstelltAm', code: 'datum_vor_letzter_fassung', message: `Das Datum darf nicht vor der letzten Fassung (${aktuell.erstelltAm}) liegen.` }]);
      }

      // codes the person already has may stay even if the catalogue entry was deactivated since
      const bisher = new Set(aktuell ? leseDaten(aktuell.daten).handlungsbedarfe.map((h) => h.code) : []);
      if (aktuell && gesundheitErlaubt) {
        const [g] = await potenzialanalyseRepository.gesundheitZu(tx, [aktuell.id]);
        if (g) {
          for (const h of leseGesundheit(g.daten).handlungsbedarfe) bisher.add(h.code);
          await recordAudit(tx, actor, {
            objectType: 'potenzialanalyse_gesundheit',
            objectId: aktuell.id,
            personId: person.personId,
            action: 'read',
            purpose: 'Integration: Potenzialanalyse fortschreiben (bisherige gesundheitsbezogene Angaben abgleichen)',
            details: { fassung: aktuell.fassung },
          });
        }
      }
      const { daten, gesundheit, fehler: katalogFehler } = trenneGesundheit(input.inhalt, katalog, bisher);
      if (katalogFehler.length) {
        throw validationFailed(
          katalogFehler.map((f) => ({
            path: `inhalt.handlungsbedarfe.${f.index}.code`,
            code: f.art === 'unbekannt' ? 'handlungsbedarf_unbekannt' : 'handlungsbedarf_inaktiv',
            message: f.art === 'unbekannt' ? 'Diesen Handlungsbedarf gibt es im Katalog nicht.' : 'Dieser Handlungsbedarf ist im Katalog deaktiviert und kann nicht neu gewählt werden.',
          })),
        );
      }

      const fassung = (aktuell?.fassung ?? 0) + 1;
      const row = await potenzialanalyseRepository.insert(tx, {
        traegerId: actor.traegerId,
        personId: person.personId,
        bgId: person.bgId,
        fassung,
        erstelltAm,
        daten,
        createdBy: actor.userId,
        createdByName: actor.name,
      });
      if (gesundheitErlaubt) {
        if (gesundheit) {
          await potenzialanalyseRepository.insertGesundheit(tx, { traegerId: actor.traegerId, potenzialanalyseId: row.id, personId: person.personId, daten: gesundheit });
          await recordAudit(tx, actor, {
            objectType: 'potenzialanalyse_gesundheit',
            objectId: row.id,
            personId: person.personId,
            action: 'create',
            purpose: 'Integration: gesundheitsbezogene Angaben der Potenzialanalyse erfassen (besondere Kategorie, Art. 9 DSGVO)',
            details: { fassung },
          });
        }
      } else if (aktuell && (await potenzialanalyseRepository.gesundheitUebernehmen(tx, { traegerId: actor.traegerId, vonId: aktuell.id, nachId: row.id }))) {
        await recordAudit(tx, actor, {
          objectType: 'potenzialanalyse_gesundheit',
          objectId: row.id,
          personId: person.personId,
          action: 'create',
          purpose: 'Potenzialanalyse fortschreiben: gesundheitsbezogene Angaben der vorigen Fassung unverändert und ungelesen übernommen',
          details: { fassung, uebernommen: true },
        });
      }
      await recordAudit(tx, actor, {
        objectType: 'potenzialanalyse',
        objectId: row.id,
        personId: person.personId,
        action: 'create',
        purpose: zweckPotenzialanalyse(actor, 'speichern'),
        details: { fassung, bgId: person.bgId },
      });
      return { id: row.id, personId: person.personId, fassung, erstelltAm };
    });
  },
});
