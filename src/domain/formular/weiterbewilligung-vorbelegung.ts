/**
 * Pre-fills the Weiterbewilligungsantrag from the current state of the Fallakte (FallZustand), in the portal's data
 * shape, so the person only checks each page and corrects what changed. Only facts the Jobcenter already holds are
 * copied; questions the Fallakte cannot answer (Familienstand, Wohnform details …) stay open.
 */
import type { FallZustand } from '../fallakte/typen.ts';
import type { AntragDaten } from './flows/erstantrag-daten.ts';

const geschlecht = (g: string | null) => (g === 'w' || g === 'm' || g === 'd' ? g : 'keine_angabe');

export function vorbelegungAusFallzustand(z: FallZustand): AntragDaten {
  const antragsteller = z.personen.find((p) => p.rolle === 'antragsteller');
  const partner = z.personen.find((p) => p.rolle === 'partner');
  const kinder = z.personen.filter((p) => p.rolle === 'kind');
  const sonstige = z.personen.filter((p) => p.rolle === 'sonstige');
  const ref = new Map<string, string>();
  if (antragsteller) ref.set(antragsteller.id, 'antragsteller');
  if (partner) ref.set(partner.id, 'partner');
  kinder.forEach((k, i) => ref.set(k.id, `k${i + 1}`));
  const einkommen: NonNullable<AntragDaten['einkommen']> = [];
  for (const p of [antragsteller, partner].filter((x) => x !== undefined)) {
    for (const e of p.einkommen) {
      const id = `e${einkommen.length + 1}`;
      const person = ref.get(p.id)!;
      if (e.art === 'erwerbstaetigkeit') einkommen.push({ id, person, art: 'arbeit', arbeitgeber: e.bezeichnung ?? '', bruttoCent: e.bruttoCent ?? 0, nettoCent: e.nettoCent ?? 0, minijob: false });
      else if (e.art === 'selbststaendigkeit') {
        // Gewinn and Steuern where the Fallakte holds brutto/netto, else the net amount as Gewinn; Einnahmen/Ausgaben stay open
        const gewinn = e.bruttoCent ?? e.betragCent ?? 0;
        const steuern = e.bruttoCent !== null && e.nettoCent !== null ? Math.max(0, e.bruttoCent - e.nettoCent) : 0;
        einkommen.push({ id, person, art: 'selbststaendigkeit', taetigkeit: e.bezeichnung ?? '', gewinnMonatlichCent: gewinn, ...(steuern > 0 ? { steuernCent: steuern } : {}) });
      }
      // one-off payments of the past are not carried over: the Weiterbewilligungsantrag asks for new ones
      else if (e.art !== 'kindergeld' && e.art !== 'einmalig') einkommen.push({ id, person, art: e.art as never, betragCent: e.betragCent ?? 0, ...(e.bezeichnung ? { bezeichnung: e.bezeichnung } : {}) });
    }
  }
  const vermoegen: NonNullable<AntragDaten['vermoegen']> = [];
  for (const p of [antragsteller, partner, ...kinder].filter((x) => x !== undefined)) {
    for (const v of p.vermoegen) vermoegen.push({ id: `v${vermoegen.length + 1}`, person: ref.get(p.id)!, art: 'sonstiges', bezeichnung: v.bezeichnung, wertCent: v.wertCent });
  }
  const person = (p: NonNullable<typeof antragsteller>) => ({
    vorname: p.vorname,
    nachname: p.nachname,
    geburtsdatum: p.geburtsdatum,
    geschlecht: geschlecht(p.geschlecht) as 'w',
    staatsangehoerigkeit: p.staatsangehoerigkeit,
    ...(p.merkmale?.ausbildung ? { ausbildung: p.merkmale.ausbildung } : {}),
  });
  return {
    ...(antragsteller ? { antragsteller: person(antragsteller) } : {}),
    ...(z.adresse ? { anschrift: { strasse: z.adresse.strasse, hausnummer: z.adresse.hausnummer, ...(z.adresse.zusatz ? { zusatz: z.adresse.zusatz } : {}), plz: z.adresse.plz, ort: z.adresse.ort } } : {}),
    ...(z.bank ? { bank: { iban: z.bank.iban, kontoinhaber: z.bank.kontoinhaber } } : {}),
    haushalt: { partner: partner !== undefined, kinder: kinder.length > 0, weiterePersonen: sonstige.length > 0 },
    ...(partner ? { partner: { ...person(partner), ...(partner.merkmale?.erwerbsfaehig === false ? { erwerbsfaehig: false } : { erwerbsfaehig: true }) } } : {}),
    ...(kinder.length
      ? {
          kinder: kinder.map((k, i) => {
            const kg = k.einkommen.find((e) => e.art === 'kindergeld');
            const uh = k.einkommen.find((e) => e.art === 'unterhalt');
            const uvg = k.einkommen.find((e) => e.art === 'unterhaltsvorschuss');
            return {
              id: `k${i + 1}`,
              ...person(k),
              ...(kg ? { kindergeld: true, kindergeldCent: kg.betragCent ?? 0 } : { kindergeld: false }),
              ...(uh || uvg
                ? { unterhaltErhalten: true, ...(uh ? { unterhaltCent: uh.betragCent ?? 0 } : {}), ...(uvg ? { unterhaltsvorschussCent: uvg.betragCent ?? 0 } : {}) }
                : { unterhaltErhalten: false }),
            };
          }),
        }
      : {}),
    ...(sonstige.length ? { weiterePersonen: sonstige.map((s, i) => ({ id: `w${i + 1}`, vorname: s.vorname, nachname: s.nachname, geburtsdatum: s.geburtsdatum })) } : {}),
    ...(z.unterkunft
      ? {
          unterkunft: {
            wohnform: 'miete',
            grundmieteCent: z.unterkunft.grundmieteCent,
            nebenkostenCent: z.unterkunft.nebenkostenCent,
            heizkostenCent: z.unterkunft.heizkostenCent,
            warmwasserDezentral: z.unterkunft.warmwasserDezentral,
          },
        }
      : {}),
    einkommenVorhanden: einkommen.length > 0,
    ...(einkommen.length ? { einkommen } : {}),
    vermoegenVorhanden: vermoegen.length > 0,
    ...(vermoegen.length ? { vermoegen } : {}),
  };
}
