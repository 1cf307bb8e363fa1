/**
 * Which documents an application still needs, derived from its answers (pruned data). Each entry has a stable
 * key (`nachweis.<art>` in texte/*.ts), the person it concerns, and the German text.
 */
import { type AntragDaten, personenAuswahl } from './flows/erstantrag-daten.ts';
import { text, type Sprache } from './texte/index.ts';

export type NachweisArt =
  | 'identitaet'
  | 'aufenthaltstitel'
  | 'kontoauszuege'
  | 'mietvertrag'
  | 'nebenkostenabrechnung'
  | 'heizkosten'
  | 'eigentum_kosten'
  | 'lohnabrechnungen'
  | 'arbeitsvertrag'
  | 'selbststaendigkeit'
  | 'kindergeld'
  | 'unterhalt'
  | 'unterhaltsvorschuss'
  | 'rente'
  | 'arbeitslosengeld'
  | 'krankengeld'
  | 'elterngeld'
  | 'sonstiges_einkommen'
  | 'vermoegen'
  | 'kfz'
  | 'versicherung'
  | 'mutterpass'
  | 'teilhabeleistungen'
  | 'aerztliche_bescheinigung'
  | 'schulbescheinigung'
  | 'unterhaltstitel'
  | 'einmalzahlung'
  | 'erbschaft';

export type Nachweis = {
  art: NachweisArt;
  /** text key of the description */
  schluessel: `nachweis.${NachweisArt}`;
  /** person ref ("antragsteller", "partner", child id) or null for the household */
  person: string | null;
  /** the person's name for "{name}" in the text */
  name: string | null;
  /** the list entry (income, asset …) it stems from */
  eintragId?: string;
};

const EINKOMMEN_NACHWEIS: Record<string, NachweisArt[]> = {
  arbeit: ['lohnabrechnungen', 'arbeitsvertrag'],
  selbststaendigkeit: ['selbststaendigkeit'],
  kindergeld: ['kindergeld'],
  unterhalt: ['unterhalt'],
  unterhaltsvorschuss: ['unterhaltsvorschuss'],
  rente: ['rente'],
  arbeitslosengeld: ['arbeitslosengeld'],
  krankengeld: ['krankengeld'],
  elterngeld: ['elterngeld'],
  sonstiges: ['sonstiges_einkommen'],
};

/** Documents needed for these answers, without duplicates, in a stable order. */
export function benoetigteNachweise(d: AntragDaten): Nachweis[] {
  const personen = personenAuswahl(d);
  const nameVon = (ref: string | null | undefined) => (ref ? (personen.find((p) => p.ref === ref)?.name ?? null) : null);
  const liste: Nachweis[] = [];
  const neu = (art: NachweisArt, person: string | null = null, eintragId?: string) => {
    if (liste.some((n) => n.art === art && n.person === person)) return;
    liste.push({ art, schluessel: `nachweis.${art}`, person, name: nameVon(person), ...(eintragId ? { eintragId } : {}) });
  };

  neu('identitaet', 'antragsteller');
  if (d.antragsteller?.staatsangehoerigkeit && d.antragsteller.staatsangehoerigkeit !== 'DE') neu('aufenthaltstitel', 'antragsteller');
  if (d.haushalt?.partner === true) {
    neu('identitaet', 'partner');
    if (d.partner?.staatsangehoerigkeit && d.partner.staatsangehoerigkeit !== 'DE') neu('aufenthaltstitel', 'partner');
  }
  if (d.antragsteller?.ausbildung && d.antragsteller.ausbildung !== 'keine') neu('schulbescheinigung', 'antragsteller');
  if (d.haushalt?.partner === true && d.partner?.ausbildung && d.partner.ausbildung !== 'keine') neu('schulbescheinigung', 'partner');
  neu('kontoauszuege');

  const wohnform = d.unterkunft?.wohnform;
  if (wohnform === 'miete') {
    neu('mietvertrag');
    neu('nebenkostenabrechnung');
  } else if (wohnform === 'eigentum') {
    neu('eigentum_kosten');
  }
  if (wohnform && wohnform !== 'ohne_kosten' && (d.unterkunft?.heizkostenCent ?? 0) > 0) neu('heizkosten');

  for (const k of d.kinder ?? []) {
    if (k.kindergeld === true) neu('kindergeld', k.id);
    if (k.ausbildung && k.ausbildung !== 'keine') neu('schulbescheinigung', k.id);
    if (k.unterhaltErhalten === true && (k.unterhaltCent ?? 0) > 0) neu('unterhalt', k.id);
    if (k.unterhaltErhalten === true && (k.unterhaltsvorschussCent ?? 0) > 0) neu('unterhaltsvorschuss', k.id);
  }
  for (const e of d.einkommen ?? []) {
    for (const art of EINKOMMEN_NACHWEIS[e.art ?? ''] ?? []) neu(art, e.person ?? null, e.id);
  }
  for (const z of d.einmalzahlungVorhanden === true ? (d.einmalzahlungen ?? []) : []) neu(z.art === 'erbschaft' ? 'erbschaft' : 'einmalzahlung', z.person ?? null, z.id);
  for (const v of d.vermoegen ?? []) {
    const art: NachweisArt = v.art === 'kraftfahrzeug' ? 'kfz' : v.art === 'versicherung' ? 'versicherung' : 'vermoegen';
    neu(art, v.person ?? null, v.id);
  }
  const mb = d.mehrbedarf;
  if (mb?.arten?.includes('schwangerschaft')) neu('mutterpass', mb.schwangerePerson ?? null);
  if (mb?.arten?.includes('behinderung') && mb.teilhabeleistungen === true) neu('teilhabeleistungen', mb.behindertePerson ?? null);
  if (mb?.arten?.includes('ernaehrung')) neu('aerztliche_bescheinigung', mb.ernaehrungPerson ?? null);
  for (const u of d.unterhaltspflichtige ?? []) if (u.titel === true) neu('unterhaltstitel', u.fuerPerson ?? null, u.id);
  return liste;
}

/** The description of a document in a language, with the person's name filled in. */
export function nachweisText(n: Nachweis, sprache: Sprache = 'de'): string {
  const basis = text(n.schluessel, sprache);
  return n.name ? text('nachweis.fuer_person', sprache, { nachweis: basis, name: n.name }) : basis;
}

export type NachweisStand = { nachweis: Nachweis; stand: 'offen' | 'wird_geprueft' | 'erhalten' };

/**
 * Where each required document stands, given the uploads: a clean file received it, a file still in the virus scan
 * (quarantine) means "wird geprüft" — never "missing" — and a rejected file does not count.
 */
export function nachweisStand(nachweise: Nachweis[], dateien: ReadonlyArray<{ nachweis: string | null; status: string }>): NachweisStand[] {
  return nachweise.map((n) => {
    const eigene = dateien.filter((d) => d.nachweis === n.art);
    const stand = eigene.some((d) => d.status === 'sauber') ? 'erhalten' : eigene.some((d) => d.status === 'quarantaene') ? 'wird_geprueft' : 'offen';
    return { nachweis: n, stand };
  });
}
