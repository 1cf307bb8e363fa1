import type { FoerderleistungRow } from '../../db/repositories/foerderleistungen.ts';
import { FOERDERLEISTUNG_INSTRUMENT, foerderleistungMonate } from '../../domain/foerdern/budget.ts';
import { letzterTag } from '../../domain/fallakte/datum.ts';

/** One Förderleistung as the API and the page show it, with what was paid through the Zahllauf. */
export function presentFoerderleistung(f: FoerderleistungRow, bezahlt: readonly string[], heute: string) {
  const art = FOERDERLEISTUNG_INSTRUMENT[f.art];
  const monate = foerderleistungMonate(f, letzterTag(heute.slice(0, 7)));
  const bezahltSet = new Set(bezahlt);
  const ende = f.einmalig ? f.gueltigVon : ([f.gueltigBis, f.beendetAm].filter((x): x is string => !!x).sort()[0] ?? null);
  return {
    id: f.id,
    personId: f.personId,
    bgId: f.bgId,
    art: f.art,
    artText: art.text,
    norm: art.norm,
    einmalig: f.einmalig,
    teilnahmeId: f.teilnahmeId,
    betragCent: f.betragCent,
    gueltigVon: f.gueltigVon,
    gueltigBis: f.gueltigBis,
    beendetAm: f.beendetAm,
    status: status(f, ende, heute),
    gesamtCent: monate.reduce((s, m) => s + m.betragCent, 0),
    ausgezahltCent: monate.filter((m) => bezahltSet.has(m.monat)).reduce((s, m) => s + m.betragCent, 0),
    /** Last day covered by a payment (null: nothing paid yet). */
    bezahltBis: bezahlt.length ? letzterTag([...bezahlt].sort().at(-1)!) : null,
    version: f.version,
  };
}
export type FoerderleistungAnsicht = ReturnType<typeof presentFoerderleistung>;

function status(f: FoerderleistungRow, ende: string | null, heute: string): 'storniert' | 'beendet' | 'abgelaufen' | 'geplant' | 'laufend' {
  if (f.beendetAm && f.beendetAm < f.gueltigVon) return 'storniert';
  if (f.beendetAm) return 'beendet';
  if (ende && ende < heute) return 'abgelaufen';
  return f.gueltigVon > heute ? 'geplant' : 'laufend';
}
