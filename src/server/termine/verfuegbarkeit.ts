import type { Tx } from '../../db/client.ts';
import { termineRepository, type AnliegenRow } from '../../db/repositories/termine.ts';
import {
  feiertageDerJahre,
  type Anliegen,
  type Ausnahme,
  type Kanal,
  type Sprechstundenplan,
  type Verfuegbarkeit,
  type Wochentag,
} from '../../domain/termine/index.ts';
import type { TerminRegeln } from '../../domain/termine/regeln.ts';

const TAG = 86_400_000;

export function alsAnliegen(a: AnliegenRow): Anliegen {
  return {
    id: a.id,
    name: a.name,
    dauerMinuten: a.dauerMinuten,
    pufferMinuten: a.pufferMinuten,
    kanaele: a.kanaele as Kanal[],
    bearbeitung: { rollen: a.rollen, ressourcen: a.ressourceIds },
    rasterMinuten: a.rasterMinuten,
  };
}

/**
 * The Anliegen named by id or key among those already loaded (same match as `termineRepository.findAnliegen`, without
 * another round trip to the database on the booking path).
 */
export function anliegenAus(liste: readonly AnliegenRow[], idOderSchluessel: string): AnliegenRow | undefined {
  if (/^[0-9a-f-]{36}$/i.test(idOderSchluessel)) {
    const id = idOderSchluessel.toLowerCase();
    return liste.find((a) => a.id.toLowerCase() === id);
  }
  return liste.find((a) => a.schluessel === idOderSchluessel);
}

/**
 * Everything `freieSlots`/`pruefeBuchung` need for one Träger, loaded in the caller's tenant transaction.
 * `ohneTerminId` leaves one appointment out of the occupancy (moving it must not collide with itself).
 */
export async function ladeVerfuegbarkeit(tx: Tx, opts: { jetzt: Date; regeln: TerminRegeln; ohneTerminId?: string | undefined; ohneAngebotId?: string | undefined }) {
  const daten = await termineRepository.stammdaten(tx);
  const von = new Date(opts.jetzt.getTime() - TAG);
  const bis = new Date(opts.jetzt.getTime() + (opts.regeln.horizontTage + 2) * TAG);
  const abwesenheiten = await termineRepository.abwesenheiten(tx, von, bis);
  const belegt = await termineRepository.belegungen(tx, von, bis);
  const jahr = new Date(opts.jetzt).getUTCFullYear();
  const feiertage = feiertageDerJahre(jahr, jahr + 1);
  const plaene: Sprechstundenplan[] = daten.ressourcen.map((r) => ({
    ressourceId: r.id,
    standortId: r.standortId,
    sprechzeiten: daten.sprechzeiten
      .filter((s) => s.ressourceId === r.id)
      .map((s) => ({
        wochentag: s.wochentag as Wochentag,
        von: s.von,
        bis: s.bis,
        ...(s.gueltigAb ? { gueltigAb: s.gueltigAb } : {}),
        ...(s.gueltigBis ? { gueltigBis: s.gueltigBis } : {}),
        ...(s.kanaele ? { kanaele: s.kanaele as Kanal[] } : {}),
      })),
    ausnahmen: daten.ausnahmen
      .filter((a) => a.ressourceId === r.id)
      .map((a): Ausnahme =>
        a.art === 'zusaetzlich'
          ? { art: 'zusaetzlich', datum: a.datum, von: a.von ?? '00:00', bis: a.bis ?? '24:00', ...(a.kanaele ? { kanaele: a.kanaele as Kanal[] } : {}) }
          : { art: 'geschlossen', datum: a.datum, ...(a.von && a.bis ? { von: a.von, bis: a.bis } : {}) },
      ),
  }));
  const v: Verfuegbarkeit = {
    standorte: daten.standorte.map((s) => ({ id: s.id, name: s.name, feiertage })),
    ressourcen: daten.ressourcen.map((r) => ({
      id: r.id,
      art: r.art as 'person' | 'team',
      name: r.name,
      rollen: r.rollen,
      abwesenheiten: abwesenheiten.filter((a) => a.ressourceId === r.id).map((a) => ({ von: a.von, bis: a.bis })),
    })),
    plaene,
    anliegen: daten.anliegen.map(alsAnliegen),
    belegungen: [
      ...belegt.termine
        .filter((t) => t.id !== opts.ohneTerminId)
        .map((t) => ({ ressourceId: t.ressourceId, beginn: t.beginn, ende: t.blockiertBis })),
      ...belegt.angebote.filter((a) => a.id !== opts.ohneAngebotId).map((a) => ({ ressourceId: a.ressourceId, beginn: a.beginn, ende: a.ende })),
    ],
  };
  return { v, daten };
}
