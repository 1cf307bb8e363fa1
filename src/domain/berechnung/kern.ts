/**
 * The pure calculation core: validated input in, result out. No IO, no clock, no randomness.
 * All money is integer cents inside; every rounding is § 41 Abs. 2 (half up to the cent).
 *
 * A pipeline over one step module per paragraph of the law (kern/*.ts, docs/berechnung.md); each step reads and
 * writes the calculation's Kontext:
 *  1. period, parameters by date, persons' ages (month of the birthday counts)            kern/kontext.ts
 *  2. Regelbedarf (§ 20, § 23 Nr. 1), Mehrbedarfe (§ 21), Unterkunft und Heizung (§ 22),
 *     all pro-rated per § 41 Abs. 1; § 7b Abs. 4: the needs of a person not erreichbar lapse,
 *     its KdU head share goes to the remaining members                                       regelbedarf, mehrbedarf, unterkunft, erreichbarkeit, teilmonat
 *  3. income per person after § 11b; children's own income first (§ 9 Abs. 2 S. 2, § 11 Abs. 1 S. 5)   einkommen
 *  4. Bedarfsanteilsmethode (§ 9 Abs. 2 S. 3) over the uncovered needs                      verteilung
 *  5. Vermögen (§ 12 / § 67)                                                                  vermoegen
 *  6. Sofortzuschlag (§ 72), Minderungen (§§ 31a, 32), name of the benefit (§ 19 Abs. 1)    sofortzuschlag, minderung, leistungsname
 *  7. result and explanation                                                                 erklaerung
 */
import { euro } from './geld.ts';
import { einkommen } from './kern/einkommen.ts';
import { erklaere } from './kern/erklaerung.ts';
import { bedarfEntfaellt, kduUmverteilung } from './kern/erreichbarkeit.ts';
import { kontextFuer, type KernOptionen, type Kontext } from './kern/kontext.ts';
import { leistungsname } from './kern/leistungsname.ts';
import { mehrbedarf } from './kern/mehrbedarf.ts';
import { minderung } from './kern/minderung.ts';
import { regelbedarf } from './kern/regelbedarf.ts';
import { sofortzuschlag } from './kern/sofortzuschlag.ts';
import { teilmonat } from './kern/teilmonat.ts';
import { unterkunft } from './kern/unterkunft.ts';
import { vermoegen } from './kern/vermoegen.ts';
import { verteilung } from './kern/verteilung.ts';
import type { BerechnungErgebnis, PersonErgebnis } from './schema.ts';
import type { BerechnungInput } from './schema.ts';

export { fortschreibungsText, NORM_FORTSCHREIBUNG } from './kern/erklaerung.ts';
export { inKarenzzeit, zeitraumAus, type KernOptionen, type Zeitraum } from './kern/kontext.ts';

/** Computes a validated case. Throws only on programming errors or law gaps (RechtsstandFehler). */
export function berechneKern(input: BerechnungInput, optionen: KernOptionen = {}): BerechnungErgebnis {
  const k = kontextFuer(input, optionen);
  regelbedarf(k);
  mehrbedarf(k);
  unterkunft(k);
  kduUmverteilung(k);
  teilmonat(k);
  bedarfEntfaellt(k);
  einkommen(k);
  verteilung(k);
  vermoegen(k);
  sofortzuschlag(k);
  minderung(k);
  leistungsname(k);
  return ergebnis(k);
}

function ergebnis(k: Kontext): BerechnungErgebnis {
  const personen: PersonErgebnis[] = k.personen.map((p) => ({
    id: p.id,
    inBedarfsgemeinschaft: p.imBgEnde,
    regelbedarfsstufe: p.stufe,
    regelbedarf: euro(p.rb),
    mehrbedarfe: p.mb.map((m) => ({ art: m.art, betrag: euro(m.betrag), norm: m.norm })),
    unterkunft: euro(p.kdu),
    bedarf: euro(p.bedarf),
    einkommen: euro(p.gezaehlt),
    anspruch: euro(p.anspruchVor - p.minderung),
    minderung: euro(p.minderung),
    sofortzuschlag: euro(p.sz),
  }));
  const fortgeschrieben = k.par.fortgeschrieben;
  return {
    version: 1,
    rechtsstand: k.rechtsstand,
    ...(fortgeschrieben ? { fortgeschrieben: { rechtBekanntBis: fortgeschrieben } } : {}),
    leistung: k.leistung,
    hilfebeduerftig: k.hilfebeduerftig,
    ablehnungsgrund: k.hilfebeduerftig
      ? null
      : k.vermoegenAbzug > 0
        ? 'vermoegen'
        : k.nichtErreichbar > 0 && k.gesamtbedarf === 0
          ? 'nicht_erreichbar'
          : 'einkommen',
    gesamtbedarf: euro(k.gesamtbedarf),
    einkommen: euro(k.einkommen),
    anspruch: euro(k.anspruch),
    sofortzuschlag: euro(k.sofortzuschlag),
    auszahlung: euro(k.anspruch + k.sofortzuschlag),
    personen,
    schritte: k.erklaerung ? erklaere(k) : [],
  };
}
