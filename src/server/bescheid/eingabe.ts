import type { BescheidStammdaten } from '../../db/repositories/bewilligung.ts';
import type { Bewilligung } from '../../db/schema/index.ts';
import type { BescheidArt, BescheidEingabe } from '../../domain/bescheid/index.ts';
import type { ZeitraumErgebnis } from '../../domain/bewilligung/index.ts';
import { ibanMaskiert } from '../../domain/zahlung/index.ts';
import type { AenderungsDaten } from '../bewilligung/freigeben.ts';

export type Briefkopf = {
  traeger: { name: string; jobcenter: string };
  standort: { name: string; strasse: string; plz: string; ort: string; telefon?: string; email?: string; oeffnungszeiten?: string };
};

/** Bescheid type of a decision. */
export function bescheidArtVon(b: Pick<Bewilligung, 'vorgang'>): BescheidArt {
  if (b.vorgang === 'ablehnung') return 'ablehnung';
  if (b.vorgang === 'aenderung' || b.vorgang === 'abschliessende_feststellung') return 'aenderung';
  return 'bewilligung';
}

/** Everything the Bescheid model needs, from stored records. */
export function bescheidEingabe(o: {
  b: Bewilligung;
  fallnummer: string;
  briefkopf: Briefkopf;
  stamm: BescheidStammdaten;
  zeitraum: ZeitraumErgebnis;
  datum: string;
  antragsdatum?: string | undefined;
  sachbearbeitung?: { name: string } | undefined;
}): BescheidEingabe {
  const { b, stamm } = o;
  const antragsteller = stamm.personen.find((p) => p.rolle === 'antragsteller') ?? stamm.personen[0];
  const a = stamm.adresse;
  const art = bescheidArtVon(b);
  const aenderung = b.aenderung as AenderungsDaten | null;
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
    bewilligungszeitraum: { beginn: b.von.slice(0, 7), ende: b.bis.slice(0, 7) },
    zeitraum: o.zeitraum,
    vorlaeufig: b.art === 'vorlaeufig' ? { grund: b.vorlaeufigGrund ?? 'schwankendes Einkommen' } : null,
  };
  if (o.antragsdatum) e.antragsdatum = o.antragsdatum;
  if (art === 'aenderung' && aenderung) e.aenderung = { vergleich: aenderung.vergleich, gruende: aenderung.gruende };
  if (stamm.bank) e.kontoMaskiert = ibanMaskiert(stamm.bank.iban);
  if (o.sachbearbeitung) e.sachbearbeitung = o.sachbearbeitung;
  return e;
}
