import { z } from 'zod';
import { handlungsbedarfKatalogRepository } from '../../db/repositories/handlungsbedarf-katalog.ts';
import { potenzialanalyseRepository } from '../../db/repositories/potenzialanalyse.ts';
import {
  leseDaten,
  leseGesundheit,
  vergleicheGesundheit,
  vergleichePotenzialanalyse,
  type Aenderung,
  type GesundheitDaten,
  type KatalogEintrag,
  type PotenzialanalyseDaten,
} from '../../domain/foerdern/potenzialanalyse.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeElbPerson, zweckPotenzialanalyse } from './potenzialanalyse-zugriff.ts';

export type PotenzialanalyseFassung = {
  id: string;
  fassung: number;
  erstelltAm: string;
  erstelltVon: string;
  erfasstUm: Date;
  daten: PotenzialanalyseDaten;
  /** Only for holders of `potenzialanalyse.gesundheit`; the key is absent for everyone else. */
  gesundheit?: GesundheitDaten | null;
  /** What changed against the Fassung before (health changes only for holders of the right). */
  aenderungen: Aenderung[];
};

export type PotenzialanalyseAnsicht = Awaited<ReturnType<typeof potenzialanalyseLesen.run>>;

/**
 * The Potenzialanalyse of a person: every Fassung, newest first, each with what changed against the one before.
 * Health-related content (Art. 9 DSGVO) only for holders of `potenzialanalyse.gesundheit` (the Integrationsfachkraft):
 * for everyone else the health table is not even queried. Audit: one `potenzialanalyse.read`; for the health part a
 * second entry `potenzialanalyse_gesundheit.read` naming the Fassungen shown.
 */
export const potenzialanalyseLesen = defineUseCase({
  name: 'integration.potenzialanalyse-lesen',
  zugang: 'angemeldet',
  input: z.object({ personId: z.string().max(100).describe('Person (UUID)') }),
  audit: ['potenzialanalyse.read', 'potenzialanalyse_gesundheit.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const gesundheitSichtbar = can(actor, 'potenzialanalyse.gesundheit');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeElbPerson(tx, actor, input.personId, 'integration.lesen', tag);
      const rows = await potenzialanalyseRepository.fassungen(tx, person.personId);
      const katalogRows = await handlungsbedarfKatalogRepository.list(tx);
      const katalog: (KatalogEintrag & { id: string; version: number })[] = katalogRows
        .filter((k) => gesundheitSichtbar || !k.gesundheitsbezogen)
        .map((k) => ({ id: k.id, version: k.version, code: k.code, schluesselgroesse: k.schluesselgroesse, bezeichnung: k.bezeichnung, gesundheitsbezogen: k.gesundheitsbezogen, aktiv: k.aktiv }));
      const namen = new Map(katalog.map((k) => [k.code, k.bezeichnung]));

      let gesundheit = new Map<string, GesundheitDaten>();
      if (gesundheitSichtbar) {
        const g = await potenzialanalyseRepository.gesundheitZu(tx, rows.map((r) => r.id));
        gesundheit = new Map(g.map((x) => [x.potenzialanalyseId, leseGesundheit(x.daten)]));
        await recordAudit(tx, actor, {
          objectType: 'potenzialanalyse_gesundheit',
          objectId: rows.at(-1)?.id ?? null,
          personId: person.personId,
          action: 'read',
          purpose: 'Integration: gesundheitsbezogene Angaben der Potenzialanalyse einsehen (besondere Kategorie, Art. 9 DSGVO)',
          details: { fassungen: rows.filter((r) => gesundheit.has(r.id)).map((r) => r.fassung) },
        });
      }
      await recordAudit(tx, actor, {
        objectType: 'potenzialanalyse',
        objectId: rows.at(-1)?.id ?? null,
        personId: person.personId,
        action: 'read',
        purpose: zweckPotenzialanalyse(actor, 'lesen'),
        details: { fassungen: rows.length, bgId: person.bgId },
      });

      const fassungen: PotenzialanalyseFassung[] = [];
      let vorher: { daten: PotenzialanalyseDaten; gesundheit: GesundheitDaten | null } | null = null;
      for (const r of rows) {
        const daten = leseDaten(r.daten);
        const g = gesundheit.get(r.id) ?? null;
        const aenderungen = vergleichePotenzialanalyse(vorher?.daten ?? null, daten, namen);
        if (gesundheitSichtbar && vorher) aenderungen.push(...vergleicheGesundheit(vorher.gesundheit, g, namen));
        fassungen.push({
          id: r.id,
          fassung: r.fassung,
          erstelltAm: r.erstelltAm,
          erstelltVon: r.createdByName,
          erfasstUm: r.createdAt,
          daten,
          ...(gesundheitSichtbar ? { gesundheit: g } : {}),
          aenderungen,
        });
        vorher = { daten, gesundheit: g };
      }
      fassungen.reverse();
      return {
        person: { id: person.personId, vorname: person.vorname, nachname: person.nachname, bgId: person.bgId, fallnummer: person.fallnummer },
        heute: tag,
        gesundheitSichtbar,
        darfBearbeiten: can(actor, 'integration.bearbeiten'),
        aktuell: fassungen[0] ?? null,
        fassungen,
        katalog,
      };
    });
  },
});
