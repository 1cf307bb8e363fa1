import { z } from 'zod';
import { massnahmenRepository, type KontingentZeile } from '../../db/repositories/massnahmen.ts';
import type { MassnahmeRow } from '../../db/schema/index.ts';
import { INSTRUMENT_TEXT, zaehltAlsMassnahme } from '../../domain/foerdern/instrumente.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { haekchen } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';

/** A Kontingent as pages and the API show it: places, taken, free, waiting; `laeuft`: valid today or later. */
export function presentKontingent(k: KontingentZeile, tag: string) {
  return {
    id: k.id,
    standortId: k.standortId,
    standortName: k.standortName,
    gueltigVon: k.gueltigVon,
    gueltigBis: k.gueltigBis,
    plaetze: k.plaetze,
    belegt: k.belegt,
    frei: Math.max(0, k.plaetze - k.belegt),
    wartend: k.wartend,
    laeuft: k.gueltigBis === null || k.gueltigBis >= tag,
    version: k.version,
  };
}

export function presentMassnahme(m: MassnahmeRow, kontingente: KontingentZeile[], tag: string) {
  const ks = kontingente.filter((k) => k.massnahmeId === m.id).map((k) => presentKontingent(k, tag));
  const zaehlt = zaehltAlsMassnahme(m.instrument, tag);
  return {
    id: m.id,
    bezeichnung: m.bezeichnung,
    instrument: m.instrument,
    instrumentText: INSTRUMENT_TEXT[m.instrument].bezeichnung,
    norm: INSTRUMENT_TEXT[m.instrument].norm,
    anbieter: m.anbieter,
    beschreibung: m.beschreibung,
    regeldauerTage: m.regeldauerTage,
    kostenJePlatzCent: m.kostenJePlatzCent,
    kostenart: m.kostenart,
    titel: m.titel,
    aktiv: m.aktiv,
    zaehltAlsMassnahme: zaehlt.zaehlt,
    zuordnungVersion: zaehlt.version,
    kontingente: ks,
    freiePlaetze: ks.filter((k) => k.laeuft).reduce((s, k) => s + k.frei, 0),
    version: m.version,
  };
}
export type MassnahmeAnsicht = ReturnType<typeof presentMassnahme>;

/** The Träger's Maßnahmen catalogue with free places per Standort (no person data). */
export const massnahmenAuflisten = defineUseCase({
  name: 'integration.massnahmen-auflisten',
  zugang: 'massnahmen.lesen',
  input: z.strictObject({ nurAktiv: haekchen().optional() }),
  audit: [],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const liste = await massnahmenRepository.list(tx, { nurAktiv: input.nurAktiv ?? false });
      const ks = await massnahmenRepository.kontingente(tx, liste.map((m) => m.id));
      return liste.map((m) => presentMassnahme(m, ks, tag));
    });
  },
});
