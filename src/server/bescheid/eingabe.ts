import type { BescheidStammdaten } from '../../db/repositories/bg-stammdaten.ts';
import type { Bewilligung } from '../../db/schema/index.ts';
import type { BescheidArt, BescheidEingabe } from '../../domain/bescheid/index.ts';
import { zukunftAb, type ZeitraumErgebnis } from '../../domain/bewilligung/index.ts';
import { ibanMaskiert } from '../../domain/zahlung/index.ts';
import type { AenderungsDaten } from '../bewilligung/freigeben.ts';
import type { AufhebungsDaten } from '../bewilligung/hebe-bewilligung-auf.ts';

export type Briefkopf = {
  traeger: { name: string; jobcenter: string };
  standort: { name: string; strasse: string; plz: string; ort: string; telefon?: string; email?: string; oeffnungszeiten?: string };
};

/** Bescheid type of a decision. */
export function bescheidArtVon(b: Pick<Bewilligung, 'vorgang'>): BescheidArt {
  if (b.vorgang === 'ablehnung') return 'ablehnung';
  if (b.vorgang === 'aufhebung') return 'aufhebung';
  if (b.vorgang === 'aenderung' || b.vorgang === 'abschliessende_feststellung') return 'aenderung';
  return 'bewilligung';
}

/** Everything the Bescheid model needs, from stored records. */
export function bescheidEingabe(o: {
  b: Bewilligung;
  fallnummer: string;
  briefkopf: Briefkopf;
  stamm: BescheidStammdaten;
  /** the computed months; undefined for an Aufhebung (no new amounts) */
  zeitraum: ZeitraumErgebnis | undefined;
  datum: string;
  antragsdatum?: string | undefined;
  sachbearbeitung?: { name: string } | undefined;
}): BescheidEingabe {
  const { b, stamm } = o;
  const antragsteller = stamm.personen.find((p) => p.rolle === 'antragsteller') ?? stamm.personen[0];
  const a = stamm.adresse;
  const art = bescheidArtVon(b);
  const aenderung = b.aenderung as AenderungsDaten | null;
  const aufhebung = art === 'aufhebung' ? (b.aenderung as AufhebungsDaten | null) : null;
  const e: BescheidEingabe = {
    art,
    datum: o.datum,
    fallnummer: o.fallnummer,
    traeger: o.briefkopf.traeger,
    standort: { ...o.briefkopf.standort, name: o.briefkopf.standort.name },
    empfaenger: {
      name: antragsteller?.name ?? 'Bedarfsgemeinschaft',
      strasse: a ? `${a.strasse} ${a.hausnummer}` : '',
      ...(a?.zusatz ? { zusatz: a.zusatz } : {}),
      plz: a?.plz ?? '',
      ort: a?.ort ?? '',
    },
    personen: stamm.personen.map((p) => ({ id: p.id, name: p.name })),
    bewilligungszeitraum: { beginn: b.von.slice(0, 7), ende: (aufhebung?.aufhebung.bisherBis ?? b.bis).slice(0, 7) },
    vorlaeufig: b.art === 'vorlaeufig' && art !== 'aufhebung' ? { grund: b.vorlaeufigGrund ?? 'schwankendes Einkommen' } : null,
  };
  if (o.zeitraum) e.zeitraum = o.zeitraum;
  if (art === 'aufhebung' && aufhebung) {
    const x = aufhebung.aufhebung;
    e.aufhebung = {
      abMonat: aufhebung.ab.slice(0, 7),
      grund: x.text,
      norm: x.norm,
      vergleich: aufhebung.vergleich,
      anhoerungAm: x.anhoerungAm,
      anhoerungAusnahme: x.anhoerungAusnahme ?? null,
      // the Tatbestand of § 48 Abs. 1 S. 2 SGB X is cited only where the Aufhebung reaches into the past
      tatbestand: x.tatbestand && (aufhebung.ab < zukunftAb(o.datum) || aufhebung.vergleich.erstattungsforderung) ? x.tatbestand : null,
      anErben: x.code === 'tod',
    };
  }
  const eigene = ((b.ablehnungsgruende as { text: string; norm: string; eigen?: boolean }[] | null) ?? []).filter((g) => g.eigen);
  if (art === 'ablehnung' && eigene.length) e.eigeneAblehnungsgruende = eigene.map((g) => ({ text: g.text, norm: g.norm }));
  if (o.antragsdatum) e.antragsdatum = o.antragsdatum;
  if (art === 'aenderung' && aenderung) {
    e.aenderung = {
      vergleich: aenderung.vergleich,
      gruende: aenderung.gruende,
      ...(aenderung.abschluss ? { abschluss: { norm: aenderung.abschluss.norm, begruendung: aenderung.abschluss.begruendung } } : {}),
    };
  }
  if (stamm.bank) e.kontoMaskiert = ibanMaskiert(stamm.bank.iban);
  if (o.sachbearbeitung) e.sachbearbeitung = o.sachbearbeitung;
  return e;
}
