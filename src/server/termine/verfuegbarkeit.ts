import type { Tx } from '../../db/client.ts';
import { termineRepository, type AnliegenRow } from '../../db/repositories/termine.ts';
import {
  feiertageDerJahre,
  istDatum,
  oeffnungszeitenAusText,
  sprechzeitSchema,
  uhrzeitMinuten,
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
 * One stored row the slot computation cannot read (written before the boundary checks of issue 11, or by hand):
 * skipped and logged with table and id only — one bad row must never take the booking of a whole Träger down.
 */
function brauchbar(tabelle: string, id: string, ok: boolean): boolean {
  if (!ok && !gemeldet.has(id)) {
    if (gemeldet.size < 10_000) gemeldet.add(id);
    console.warn(JSON.stringify({ level: 'warn', msg: 'Termine: unlesbare Zeile übersprungen', tabelle, id }));
  }
  return ok;
}
/** rows already reported (once per process is enough for the operator) */
const gemeldet = new Set<string>();

/** An Ausnahme as stored: a real date and, where given, HH:MM times with von < bis (`zusaetzlich` falls back to the whole day). */
function ausnahmeBrauchbar(a: { art: string; datum: string; von: string | null; bis: string | null }): boolean {
  if (!istDatum(a.datum) || (a.art !== 'zusaetzlich' && a.art !== 'geschlossen')) return false;
  const von = a.von ?? (a.art === 'zusaetzlich' ? '00:00' : null);
  const bis = a.bis ?? (a.art === 'zusaetzlich' ? '24:00' : null);
  if (von === null || bis === null) return von === bis;
  return UHRZEIT.test(von) && UHRZEIT.test(bis) && uhrzeitMinuten(von) < uhrzeitMinuten(bis);
}

/** Public holidays of a year and the next (pure, so kept per year: the booking path asks for them on every request). */
const FEIERTAGE = new Map<number, ReturnType<typeof feiertageDerJahre>>();
function feiertageAb(jahr: number) {
  let f = FEIERTAGE.get(jahr);
  if (!f) FEIERTAGE.set(jahr, (f = Object.freeze(feiertageDerJahre(jahr, jahr + 1)) as ReturnType<typeof feiertageDerJahre>));
  return f;
}

/** Opening hours parsed from a Standort's text (pure; kept per text, at most a few hundred entries). */
const OEFFNUNGSZEITEN = new Map<string, ReturnType<typeof oeffnungszeitenAusText>>();
function oeffnungszeitenGelesen(text: string) {
  let o = OEFFNUNGSZEITEN.get(text);
  if (o === undefined) {
    o = Object.freeze(oeffnungszeitenAusText(text).map((z) => Object.freeze(z))) as ReturnType<typeof oeffnungszeitenAusText>;
    if (OEFFNUNGSZEITEN.size > 500) OEFFNUNGSZEITEN.clear();
    OEFFNUNGSZEITEN.set(text, o);
  }
  return o;
}

const UHRZEIT = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Everything `freieSlots`/`pruefeBuchung` need for one Träger, loaded in the caller's tenant transaction.
 * `ohneTerminId` leaves one appointment out of the occupancy (moving it must not collide with itself).
 */
export async function ladeVerfuegbarkeit(tx: Tx, opts: { jetzt: Date; regeln: TerminRegeln; ohneTerminId?: string | undefined; ohneAngebotId?: string | undefined }) {
  const daten = await termineRepository.stammdaten(tx);
  const von = new Date(opts.jetzt.getTime() - TAG);
  const bis = new Date(opts.jetzt.getTime() + (opts.regeln.horizontTage + 2) * TAG);
  const abwesenheiten = await termineRepository.abwesenheiten(tx, von, bis);
  const belegt = await termineRepository.belegungen(tx, von, bis, opts.jetzt);
  return verfuegbarkeitAus({ daten, abwesenheiten, belegt }, opts);
}

/** Raw rows as `termineRepository.stammdaten`/`abwesenheiten`/`belegungen` (or `buchungsdaten` in one go) return them. */
export type VerfuegbarkeitsRohdaten = {
  daten: Awaited<ReturnType<typeof termineRepository.stammdaten>>;
  abwesenheiten: Awaited<ReturnType<typeof termineRepository.abwesenheiten>>;
  belegt: { termine: { id: string; ressourceId: string; beginn: Date; blockiertBis: Date }[]; angebote: { id: string; ressourceId: string; beginn: Date; ende: Date }[] };
};

/** The slot computation's view of the raw rows (no IO). */
export function verfuegbarkeitAus(roh: VerfuegbarkeitsRohdaten, opts: { jetzt: Date; ohneTerminId?: string | undefined; ohneAngebotId?: string | undefined }) {
  const { daten, abwesenheiten, belegt } = roh;
  const jahr = new Date(opts.jetzt).getUTCFullYear();
  const feiertage = feiertageAb(jahr);
  const plaene: Sprechstundenplan[] = daten.ressourcen.map((r) => ({
    ressourceId: r.id,
    standortId: r.standortId,
    sprechzeiten: daten.sprechzeiten
      .filter((s) => s.ressourceId === r.id && brauchbar('termin_sprechzeiten', s.id, sprechzeitSchema.safeParse({ wochentag: s.wochentag, von: s.von, bis: s.bis, gueltigAb: s.gueltigAb ?? undefined, gueltigBis: s.gueltigBis ?? undefined }).success))
      .map((s) => ({
        wochentag: s.wochentag as Wochentag,
        von: s.von,
        bis: s.bis,
        ...(s.gueltigAb ? { gueltigAb: s.gueltigAb } : {}),
        ...(s.gueltigBis ? { gueltigBis: s.gueltigBis } : {}),
        ...(s.kanaele ? { kanaele: s.kanaele as Kanal[] } : {}),
      })),
    ausnahmen: daten.ausnahmen
      .filter((a) => a.ressourceId === r.id && brauchbar('termin_ausnahmen', a.id, ausnahmeBrauchbar(a)))
      .map((a): Ausnahme =>
        a.art === 'zusaetzlich'
          ? { art: 'zusaetzlich', datum: a.datum, von: a.von ?? '00:00', bis: a.bis ?? '24:00', ...(a.kanaele ? { kanaele: a.kanaele as Kanal[] } : {}) }
          : { art: 'geschlossen', datum: a.datum, ...(a.von && a.bis ? { von: a.von, bis: a.bis } : {}) },
      ),
  }));
  const v: Verfuegbarkeit = {
    standorte: daten.standorte.map((s) => ({ id: s.id, name: s.name, feiertage, oeffnungszeiten: oeffnungszeitenGelesen(s.oeffnungszeiten) })),
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
