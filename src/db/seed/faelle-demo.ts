import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bescheidStammdaten } from '../repositories/bg-stammdaten.ts';
import { fallRepository } from '../repositories/fall.ts';
import { antraege, bescheide, bewilligungen, bewilligungMonate, fallEreignisse, fallVermerke, wiedervorlagen, type Bedarfsgemeinschaft, type Standort } from '../schema/index.ts';
import { erstelleBescheid } from '../../domain/bescheid/index.ts';
import { berechneZeitraum, bewilligungszeitraum, vierAugenErforderlich, STANDARD_VIER_AUGEN_REGELN } from '../../domain/bewilligung/index.ts';
import { ERSTANTRAG_PAYLOAD_SCHEMA, faktenAusErstantrag, fallakteZuBerechnungInput, leistungsbeginn, zustandFuerMonat, type ErstantragDaten, type FallakteDaten } from '../../domain/fallakte/index.ts';
import { kostenaufteilung } from '../../domain/kosten/index.ts';
import { ibanMaskiert } from '../../domain/zahlung/index.ts';

/**
 * Demo Fallakten of "Kreis Musterland" (all invented): ten Bedarfsgemeinschaften over the three Kommunen, so that
 * Fälle, Arbeitsvorrat, Wiedervorlagen, Bewilligung, Freigaben, Bescheid and Zahlung show something on a fresh start,
 * and the integration side (foerdern-demo.ts) has clients. Every date is derived from `heute` (the clock of the
 * start), so the demo looks current whenever it is started. The demo citizen `buerger@musterland.example`
 * (Max Mustermann) is the Antragsteller of one BG: he sent its Erstantrag online (`antraege.eingereicht_von`), which
 * is how the portal links an account to a case.
 */

export type DemoKontext = {
  traegerId: string;
  heute: string;
  traeger: { name: string; jobcenterName: string };
  standorte: { musterstadt: Standort; beispieldorf: Standort; seeheim: Standort };
  kommunen: { musterstadt: string; beispieldorf: string; seeheim: string };
  users: { leistung: { id: string; name: string }; integration: { id: string; name: string }; teamleitung: { id: string; name: string }; buerger: { id: string; name: string } };
};

export type DemoBg = { key: string; bg: Bedarfsgemeinschaft; personIds: Record<string, string>; antragsdatum: string };
export type DemoFaelle = Record<string, DemoBg>;

// ---------------------------------------------------------------------------------------------- dates

const tag = (d: Date) => d.toISOString().slice(0, 10);
const alsDatum = (t: string) => new Date(`${t}T00:00:00Z`);
export function plusTage(t: string, n: number): string {
  const d = alsDatum(t);
  d.setUTCDate(d.getUTCDate() + n);
  return tag(d);
}
/** Same day n months later (clamped to the month's end). */
export function plusMonate(t: string, n: number): string {
  const [j, m, d] = t.split('-').map(Number) as [number, number, number];
  const ziel = new Date(Date.UTC(j, m - 1 + n, 1));
  const letzter = new Date(Date.UTC(ziel.getUTCFullYear(), ziel.getUTCMonth() + 1, 0)).getUTCDate();
  ziel.setUTCDate(Math.min(d, letzter));
  return tag(ziel);
}
export const ersterDesMonats = (t: string) => `${t.slice(0, 7)}-01`;
/** A birthday `jahre` years before `heute` (month and day fixed, so ages are stable). */
const geboren = (heute: string, jahre: number, mmdd: string) => `${Number(heute.slice(0, 4)) - jahre}-${mmdd}`;
/** A date in the morning of a day (timestamps of history rows). */
const morgens = (t: string, stunde = 9) => new Date(`${t}T${String(stunde).padStart(2, '0')}:15:00+01:00`);

// ---------------------------------------------------------------------------------------------- IBAN

/** A German IBAN with correct check digits (ISO 13616, mod 97) for an invented Bankleitzahl and account. */
export function demoIban(blz: string, konto: string): string {
  const bban = `${blz}${konto.padStart(10, '0')}`;
  const ziffern = `${bban}131400`; // D=13, E=14, check digits 00
  let rest = 0;
  for (const c of ziffern) rest = (rest * 10 + Number(c)) % 97;
  return `DE${String(98 - rest).padStart(2, '0')}${bban}`;
}

// ---------------------------------------------------------------------------------------------- the cases

type Fall = {
  key: string;
  kommune: keyof DemoKontext['kommunen'];
  /** days before today of the Antrag */
  antragVorTagen: number;
  kanal: ErstantragDaten['eingangskanal'];
  daten: Omit<ErstantragDaten, 'antragsdatum' | 'eingangskanal' | 'adresse' | 'bank'> & { adresse: Omit<ErstantragDaten['adresse'], 'kommuneId'>; bank?: { konto: string; kontoinhaber: string } };
  /** Antrag state in the Arbeitsvorrat and what happens to it */
  antrag: 'bewilligt' | 'vier_augen' | 'eingegangen' | 'in_bearbeitung' | 'wartet_auf_unterlagen';
  /** sent online by the demo citizen */
  buerger?: boolean;
};

function faelle(h: string): Fall[] {
  const kind = (ref: string, vorname: string, nachname: string, jahre: number, mmdd: string, geschlecht: 'w' | 'm', extra: Partial<ErstantragDaten['personen'][number]> = {}) => ({
    ref,
    vorname,
    nachname,
    geburtsdatum: geboren(h, jahre, mmdd),
    geschlecht,
    staatsangehoerigkeit: 'DE',
    rolle: 'kind' as const,
    einkommen: [{ art: 'kindergeld' as const, betragCent: 25_900 }],
    ...extra,
  });
  return [
    {
      key: 'mustermann',
      kommune: 'musterstadt',
      antragVorTagen: 300,
      kanal: 'online',
      buerger: true,
      antrag: 'bewilligt',
      daten: {
        personen: [{ ref: 'max', vorname: 'Max', nachname: 'Mustermann', geburtsdatum: geboren(h, 34, '03-14'), geschlecht: 'm', staatsangehoerigkeit: 'DE', familienstand: 'ledig', rolle: 'antragsteller', email: 'buerger@musterland.example' }],
        adresse: { strasse: 'Lindenweg', hausnummer: '4a', plz: '12345', ort: 'Musterstadt' },
        bank: { konto: '0004711001', kontoinhaber: 'Max Mustermann' },
        unterkunft: { grundmieteCent: 39_000, nebenkostenCent: 8_500, heizkostenCent: 6_000, heizungsart: 'zentral', wohnflaecheQm: 45 },
      },
    },
    {
      key: 'yilmaz',
      kommune: 'musterstadt',
      antragVorTagen: 290,
      kanal: 'papier',
      antrag: 'bewilligt',
      daten: {
        personen: [
          { ref: 'mehmet', vorname: 'Mehmet', nachname: 'Yilmaz', geburtsdatum: geboren(h, 38, '07-02'), geschlecht: 'm', staatsangehoerigkeit: 'TR', familienstand: 'verheiratet', rolle: 'antragsteller', telefon: '0123 555-4711', einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Getränkemarkt Quelle (Minijob)', bruttoCent: 52_000, nettoCent: 52_000 }] },
          { ref: 'aysel', vorname: 'Aysel', nachname: 'Yilmaz', geburtsdatum: geboren(h, 33, '11-20'), geschlecht: 'w', staatsangehoerigkeit: 'TR', familienstand: 'verheiratet', rolle: 'partner' },
          kind('elif', 'Elif', 'Yilmaz', 9, '04-08', 'w', { staatsangehoerigkeit: 'TR' }),
          kind('can', 'Can', 'Yilmaz', 1, '02-17', 'm'),
        ],
        adresse: { strasse: 'Am Stadtpark', hausnummer: '17', zusatz: '2. OG links', plz: '12345', ort: 'Musterstadt' },
        bank: { konto: '0004711002', kontoinhaber: 'Mehmet Yilmaz' },
        unterkunft: { grundmieteCent: 62_000, nebenkostenCent: 16_000, heizkostenCent: 11_000, heizungsart: 'zentral', wohnflaecheQm: 78 },
      },
    },
    {
      key: 'schneider',
      kommune: 'musterstadt',
      antragVorTagen: 280,
      kanal: 'schalter',
      antrag: 'bewilligt',
      daten: {
        personen: [
          { ref: 'sabine', vorname: 'Sabine', nachname: 'Schneider', geburtsdatum: geboren(h, 36, '09-30'), geschlecht: 'w', staatsangehoerigkeit: 'DE', familienstand: 'geschieden', rolle: 'antragsteller', alleinerziehend: true },
          kind('lena', 'Lena', 'Schneider', 12, '01-05', 'w', { einkommen: [{ art: 'kindergeld', betragCent: 25_900 }, { art: 'unterhaltsvorschuss', betragCent: 33_800 }] }),
          kind('tim', 'Tim', 'Schneider', 7, '06-21', 'm', { einkommen: [{ art: 'kindergeld', betragCent: 25_900 }, { art: 'unterhaltsvorschuss', betragCent: 22_700 }] }),
        ],
        adresse: { strasse: 'Gartenstraße', hausnummer: '8', plz: '12345', ort: 'Musterstadt' },
        bank: { konto: '0004711003', kontoinhaber: 'Sabine Schneider' },
        unterkunft: { grundmieteCent: 52_000, nebenkostenCent: 13_000, heizkostenCent: 9_000, heizungsart: 'fernwaerme', wohnflaecheQm: 68 },
        unterhaltspflichtige: [{ name: 'Thomas Schneider', verhaeltnis: 'anderer_elternteil', fuer: 'lena', zahlt: false, titel: true }],
      },
    },
    {
      key: 'weber',
      kommune: 'musterstadt',
      antragVorTagen: 200,
      kanal: 'schalter',
      antrag: 'bewilligt',
      daten: {
        personen: [{ ref: 'jonas', vorname: 'Jonas', nachname: 'Weber', geburtsdatum: geboren(h, 24, '05-11'), geschlecht: 'm', staatsangehoerigkeit: 'DE', familienstand: 'ledig', rolle: 'antragsteller' }],
        adresse: { strasse: 'Bahnhofstraße', hausnummer: '30', plz: '12345', ort: 'Musterstadt' },
        bank: { konto: '0004711004', kontoinhaber: 'Jonas Weber' },
        unterkunft: { grundmieteCent: 31_000, nebenkostenCent: 7_000, heizkostenCent: 5_000, heizungsart: 'etage', warmwasserDezentral: true, wohnflaecheQm: 32 },
      },
    },
    {
      key: 'klein',
      kommune: 'musterstadt',
      antragVorTagen: 250,
      kanal: 'papier',
      antrag: 'bewilligt',
      daten: {
        personen: [
          { ref: 'petra', vorname: 'Petra', nachname: 'Klein', geburtsdatum: geboren(h, 52, '10-03'), geschlecht: 'w', staatsangehoerigkeit: 'DE', familienstand: 'verwitwet', rolle: 'antragsteller' },
          // the mother lives in the household, draws her own pension and is not part of the BG (§ 7 Abs. 3 SGB II)
          { ref: 'gerda', vorname: 'Gerda', nachname: 'Klein', geburtsdatum: geboren(h, 78, '02-28'), geschlecht: 'w', staatsangehoerigkeit: 'DE', familienstand: 'verwitwet', rolle: 'sonstige', inBedarfsgemeinschaft: false, erwerbsfaehig: false, einkommen: [{ art: 'rente', bezeichnung: 'Altersrente', betragCent: 118_000 }] },
        ],
        adresse: { strasse: 'Mühlenweg', hausnummer: '2', plz: '12345', ort: 'Musterstadt' },
        bank: { konto: '0004711005', kontoinhaber: 'Petra Klein' },
        unterkunft: { grundmieteCent: 70_000, nebenkostenCent: 15_000, heizkostenCent: 12_000, heizungsart: 'zentral', wohnflaecheQm: 82 },
      },
    },
    {
      key: 'nowak',
      kommune: 'musterstadt',
      antragVorTagen: 270,
      kanal: 'telefon',
      antrag: 'bewilligt',
      daten: {
        personen: [
          {
            ref: 'andrzej',
            vorname: 'Andrzej',
            nachname: 'Nowak',
            geburtsdatum: geboren(h, 41, '08-19'),
            geschlecht: 'm',
            staatsangehoerigkeit: 'PL',
            familienstand: 'ledig',
            rolle: 'antragsteller',
          },
        ],
        adresse: { strasse: 'Industriestraße', hausnummer: '5b', plz: '12345', ort: 'Musterstadt' },
        bank: { konto: '0004711006', kontoinhaber: 'Andrzej Nowak' },
        unterkunft: { grundmieteCent: 36_000, nebenkostenCent: 8_000, heizkostenCent: 5_500, heizungsart: 'zentral', wohnflaecheQm: 40 },
      },
    },
    {
      key: 'hoffmann',
      kommune: 'beispieldorf',
      antragVorTagen: 12,
      kanal: 'papier',
      antrag: 'vier_augen',
      daten: {
        personen: [
          { ref: 'stefan', vorname: 'Stefan', nachname: 'Hoffmann', geburtsdatum: geboren(h, 42, '12-01'), geschlecht: 'm', staatsangehoerigkeit: 'DE', familienstand: 'verheiratet', rolle: 'antragsteller' },
          { ref: 'julia', vorname: 'Julia', nachname: 'Hoffmann', geburtsdatum: geboren(h, 39, '03-03'), geschlecht: 'w', staatsangehoerigkeit: 'DE', familienstand: 'verheiratet', rolle: 'partner', schwanger: true },
          kind('mia', 'Mia', 'Hoffmann', 15, '07-07', 'w'),
          kind('noah', 'Noah', 'Hoffmann', 11, '09-09', 'm'),
          kind('emma', 'Emma', 'Hoffmann', 4, '05-05', 'w'),
        ],
        adresse: { strasse: 'Dorfstraße', hausnummer: '21', plz: '12346', ort: 'Beispieldorf' },
        bank: { konto: '0004711007', kontoinhaber: 'Stefan Hoffmann' },
        unterkunft: { grundmieteCent: 98_000, nebenkostenCent: 24_000, heizkostenCent: 18_000, heizungsart: 'ofen', wohnflaecheQm: 110 },
      },
    },
    {
      key: 'kovalenko',
      kommune: 'musterstadt',
      antragVorTagen: 2,
      kanal: 'papier',
      antrag: 'eingegangen',
      daten: {
        personen: [
          { ref: 'olena', vorname: 'Olena', nachname: 'Kovalenko', geburtsdatum: geboren(h, 36, '04-24'), geschlecht: 'w', staatsangehoerigkeit: 'UA', familienstand: 'verheiratet', rolle: 'antragsteller', alleinerziehend: true },
          kind('sofiia', 'Sofiia', 'Kovalenko', 5, '10-10', 'w', { staatsangehoerigkeit: 'UA' }),
        ],
        adresse: { strasse: 'Kirchgasse', hausnummer: '6', plz: '12345', ort: 'Musterstadt' },
        bank: { konto: '0004711008', kontoinhaber: 'Olena Kovalenko' },
        unterkunft: { grundmieteCent: 41_000, nebenkostenCent: 10_000, heizkostenCent: 7_000, heizungsart: 'zentral', wohnflaecheQm: 55 },
      },
    },
    {
      key: 'richter',
      kommune: 'seeheim',
      antragVorTagen: 30,
      kanal: 'schalter',
      antrag: 'wartet_auf_unterlagen',
      daten: {
        personen: [
          {
            ref: 'klaus',
            vorname: 'Klaus',
            nachname: 'Richter',
            geburtsdatum: geboren(h, 59, '01-15'),
            geschlecht: 'm',
            staatsangehoerigkeit: 'DE',
            familienstand: 'getrennt_lebend',
            rolle: 'antragsteller',
            einkommen: [
              { art: 'arbeitslosengeld', bezeichnung: 'Arbeitslosengeld (Agentur für Arbeit)', betragCent: 61_000 },
              // a small side business (§ 3 Bürgergeld-V: Gewinn and the net after taxes and contributions) and a tax refund
              { art: 'selbststaendigkeit', bezeichnung: 'Fahrradreparatur (Nebengewerbe)', bruttoCent: 30_000, nettoCent: 27_500 },
              { art: 'einmalig', bezeichnung: 'Steuererstattung', betragCent: 42_000, zuflussDatum: plusTage(h, -20) },
            ],
            vermoegen: [{ bezeichnung: 'Sparbuch Sparkasse Musterland', wertCent: 320_000 }],
          },
        ],
        adresse: { strasse: 'Uferweg', hausnummer: '19', plz: '12347', ort: 'Seeheim am Muster' },
        bank: { konto: '0004711009', kontoinhaber: 'Klaus Richter' },
        unterkunft: { grundmieteCent: 42_000, nebenkostenCent: 9_000, heizkostenCent: 7_500, heizungsart: 'etage', wohnflaecheQm: 50 },
      },
    },
    {
      key: 'braun',
      kommune: 'musterstadt',
      antragVorTagen: 5,
      kanal: 'telefon',
      antrag: 'in_bearbeitung',
      daten: {
        // a pupil (Abitur) with a Minijob: § 11b Abs. 2b SGB II leaves earnings up to the Minijob-Grenze free
        personen: [
          {
            ref: 'lea',
            vorname: 'Lea',
            nachname: 'Braun',
            geburtsdatum: geboren(h, 19, '06-06'),
            geschlecht: 'w',
            staatsangehoerigkeit: 'DE',
            familienstand: 'ledig',
            rolle: 'antragsteller',
            ausbildung: 'schule',
            einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Nachhilfeschule Lernfix (Minijob)', bruttoCent: 45_000, nettoCent: 45_000 }],
          },
        ],
        adresse: { strasse: 'Schulweg', hausnummer: '11', plz: '12345', ort: 'Musterstadt' },
        // no account yet: asked for on the follow-up call
        unterkunft: { grundmieteCent: 29_000, nebenkostenCent: 6_000, heizkostenCent: 4_500, heizungsart: 'zentral', wohnflaecheQm: 28 },
      },
    },
  ];
}

const KANAL: Record<ErstantragDaten['eingangskanal'], string> = { papier: 'Papier', telefon: 'Telefon', schalter: 'Schalter', online: 'online' };
const datumText = (t: string) => `${t.slice(8, 10)}.${t.slice(5, 7)}.${t.slice(0, 4)}`;

/** Creates the demo Fallakten; returns them by key with their person ids (by `ref`). */
export async function seedFaelleDemo(tx: Tx, k: DemoKontext): Promise<DemoFaelle> {
  const t = k.traegerId;
  const h = k.heute;
  const out: DemoFaelle = {};
  const lena = k.users.leistung;
  for (const f of faelle(h)) {
    const standort = k.standorte[f.kommune];
    const antragsdatum = plusTage(h, -f.antragVorTagen);
    const daten: ErstantragDaten = {
      ...f.daten,
      antragsdatum,
      eingangskanal: f.kanal,
      adresse: { ...f.daten.adresse, kommuneId: k.kommunen[f.kommune] },
      bank: f.daten.bank ? { iban: demoIban('12345678', f.daten.bank.konto), kontoinhaber: f.daten.bank.kontoinhaber } : null,
    };
    const fallnummer = await fallRepository.naechsteFallnummer(tx, t);
    const bg = await fallRepository.insertBg(tx, { traegerId: t, fallnummer, standortId: standort.id });
    const { daten: fakten, personIds } = faktenAusErstantrag(daten, {
      bg: { id: bg.id, fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version },
      neueId: randomUUID,
      ...(daten.bank ? { bank: { iban: daten.bank.iban } } : {}),
    });
    await fallRepository.insertPersonen(tx, Object.values(personIds).map((id) => ({ traegerId: t, id })));
    const mitT = <R extends object>(rows: R[]) => rows.map((r) => ({ ...r, traegerId: t }));
    await fallRepository.insertPerioden(tx, 'stammdaten', mitT(fakten.stammdaten));
    await fallRepository.insertPerioden(tx, 'mitgliedschaften', mitT(fakten.mitgliedschaften));
    await fallRepository.insertPerioden(tx, 'merkmale', mitT(fakten.merkmale));
    await fallRepository.insertPerioden(tx, 'beziehungen', mitT(fakten.beziehungen.map((b) => ({ ...b, bgId: bg.id }))));
    await fallRepository.insertPerioden(tx, 'einkommen', mitT(fakten.einkommen));
    await fallRepository.insertPerioden(tx, 'vermoegen', mitT(fakten.vermoegen));
    await fallRepository.insertPerioden(tx, 'adressen', mitT(fakten.adressen.map((a) => ({ ...a, bgId: bg.id }))));
    await fallRepository.insertPerioden(tx, 'bankverbindungen', mitT(fakten.bankverbindungen.map((b) => ({ ...b, bgId: bg.id }))));
    await fallRepository.insertPerioden(tx, 'unterkunft', mitT(fakten.unterkunft.map((u) => ({ ...u, bgId: bg.id }))));
    await fallRepository.insertPerioden(tx, 'unterhaltspflichtige', mitT((fakten.unterhaltspflichtige ?? []).map((u) => ({ ...u, bgId: bg.id }))));

    const status = f.antrag === 'bewilligt' || f.antrag === 'vier_augen' ? 'in_bearbeitung' : f.antrag;
    const [antrag] = await tx
      .insert(antraege)
      .values({
        traegerId: t,
        bgId: bg.id,
        art: 'erstantrag',
        antragsdatum,
        eingangskanal: f.kanal,
        status,
        standortId: standort.id,
        bearbeiterId: status === 'eingegangen' ? null : lena.id,
        faelligAm: plusTage(antragsdatum, f.antrag === 'wartet_auf_unterlagen' ? 42 : 14),
        eingereichtVon: f.buerger ? k.users.buerger.id : null,
        payload: { schema: ERSTANTRAG_PAYLOAD_SCHEMA, version: 1, daten },
        createdAt: morgens(antragsdatum),
        updatedAt: morgens(antragsdatum),
      })
      .returning();
    const namen = daten.personen.map((p) => `${p.vorname} ${p.nachname}`).join(', ');
    await tx.insert(fallEreignisse).values({
      traegerId: t,
      bgId: bg.id,
      at: morgens(antragsdatum, 10),
      actorUserId: lena.id,
      actorName: lena.name,
      art: 'fall_angelegt',
      beschreibung: `Fallakte ${fallnummer} aus dem Erstantrag vom ${datumText(antragsdatum)} (${KANAL[f.kanal]}) angelegt, Leistungsbeginn ${datumText(leistungsbeginn(antragsdatum))}. Personen: ${namen}.`,
      details: { antragId: antrag!.id, personen: Object.values(personIds), standortId: standort.id, demo: true },
    });
    out[f.key] = { key: f.key, bg, personIds, antragsdatum };

    if (f.antrag === 'bewilligt' || f.antrag === 'vier_augen') {
      await bewillige(tx, k, { bg, standort, antragId: antrag!.id, antragsdatum, daten: fakten, vierAugen: f.antrag === 'vier_augen' });
    }
    if (f.antrag === 'wartet_auf_unterlagen') {
      await tx.insert(fallVermerke).values({
        traegerId: t,
        bgId: bg.id,
        text: 'Kontoauszüge der letzten drei Monate und Nachweis über das Sparbuch angefordert (Frist 14 Tage).',
        createdBy: lena.id,
        createdByName: lena.name,
        createdAt: morgens(plusTage(antragsdatum, 3)),
      });
      // the overdue follow-up of the demo (red in the list)
      await tx.insert(wiedervorlagen).values({ traegerId: t, bgId: bg.id, antragId: antrag!.id, faelligAm: plusTage(h, -3), grund: 'Unterlagen (Kontoauszüge, Sparbuch) eingegangen? Sonst Erinnerung schicken.', zugewiesenAn: lena.id, createdBy: lena.id });
    }
  }
  // a change notice at the counter waiting for the new lease (Jonas Weber moves), with its overdue follow-up
  const weber = out.weber!;
  const meldung = plusTage(h, -16);
  const [veraenderung] = await tx
    .insert(antraege)
    .values({ traegerId: t, bgId: weber.bg.id, art: 'veraenderung', antragsdatum: meldung, eingangskanal: 'schalter', status: 'wartet_auf_unterlagen', standortId: weber.bg.standortId, bearbeiterId: lena.id, faelligAm: plusTage(meldung, 21), createdAt: morgens(meldung), updatedAt: morgens(meldung) })
    .returning();
  await tx.insert(fallEreignisse).values({ traegerId: t, bgId: weber.bg.id, at: morgens(meldung, 10), actorUserId: lena.id, actorName: lena.name, art: 'antrag_eingegangen', beschreibung: `Veränderungsmitteilung vom ${datumText(meldung)} (Schalter) erfasst.`, details: { antragId: veraenderung!.id } });
  await tx.insert(fallVermerke).values({ traegerId: t, bgId: weber.bg.id, text: 'Umzug zum Monatsende angekündigt (Zusicherung nach § 22 Abs. 4 SGB II beantragt). Neuer Mietvertrag und Wohnungsgeberbestätigung angefordert.', createdBy: lena.id, createdByName: lena.name, createdAt: morgens(plusTage(meldung, 1)) });
  await tx.insert(wiedervorlagen).values({ traegerId: t, bgId: weber.bg.id, antragId: veraenderung!.id, faelligAm: plusTage(h, -1), grund: 'Mietvertrag der neuen Wohnung eingegangen? Angemessenheit prüfen.', zugewiesenAn: lena.id, createdBy: lena.id });
  // further follow-ups of the Leistung side (one due today, one next week)
  await tx.insert(wiedervorlagen).values([
    { traegerId: t, bgId: out.schneider!.bg.id, faelligAm: h, grund: 'Unterhaltsvorschuss: Bescheid der UVG-Stelle zur Verlängerung anfordern.', zugewiesenAn: lena.id, createdBy: lena.id },
    { traegerId: t, bgId: out.braun!.bg.id, faelligAm: plusTage(h, 7), grund: 'Bankverbindung fehlt – beim Rückruf erfragen.', zugewiesenAn: lena.id, createdBy: lena.id },
  ]);
  return out;
}

// ---------------------------------------------------------------------------------------------- Bewilligung

/**
 * A real Bewilligung from the Fallakte with the engine (Erstbewilligung, the regular period from the Leistungsbeginn),
 * approved by Lena Leistung with its Bescheid (PDF rendered on first download) — or, with `vierAugen`, presented for
 * the second approval (Freigaben of the Teamleitung) when the Träger's rules require it.
 */
async function bewillige(
  tx: Tx,
  k: DemoKontext,
  o: { bg: Bedarfsgemeinschaft; standort: Standort; antragId: string; antragsdatum: string; daten: FallakteDaten; vierAugen: boolean },
) {
  const t = k.traegerId;
  const lena = k.users.leistung;
  const zeitraum = bewilligungszeitraum({ beginn: leistungsbeginn(o.antragsdatum).slice(0, 7) });
  const kommuneId = o.daten.adressen[0]!.kommuneId;
  const inputs = zeitraum.monate.map((monat) =>
    fallakteZuBerechnungInput(zustandFuerMonat(o.daten, monat), monat, { leistungsbeginn: zeitraum.beginn, bewilligungszeitraumBeginn: zeitraum.beginn }),
  );
  const z = berechneZeitraum(inputs, { erklaerung: true });
  const hoechster = Math.max(0, ...z.monate.map((m) => m.auszahlungCent));
  const pruefung = vierAugenErforderlich(STANDARD_VIER_AUGEN_REGELN, { art: 'erstbewilligung', hoechsterMonatsbetragCent: hoechster });
  const berechnetAm = plusTage(o.antragsdatum, o.vierAugen ? 8 : 16);
  const entschieden = !o.vierAugen;
  const [b] = await tx
    .insert(bewilligungen)
    .values({
      traegerId: t,
      bgId: o.bg.id,
      antragId: o.antragId,
      von: zeitraum.von,
      bis: zeitraum.bis,
      art: 'endgueltig',
      vorgang: 'erstbewilligung',
      status: entschieden ? 'bewilligt' : pruefung.erforderlich ? 'freigabe_erforderlich' : 'entwurf',
      rechtsstand: z.rechtsstand,
      summeCent: z.summeCent,
      hoechsterMonatCent: hoechster,
      vierAugenGruende: pruefung.gruende,
      computedAt: morgens(berechnetAm, 11),
      createdBy: lena.id,
      ...(entschieden ? { approvedBy: lena.id, approvedAt: morgens(berechnetAm, 12) } : {}),
    })
    .returning();
  await tx.insert(bewilligungMonate).values(
    z.monate.map((m) => ({
      traegerId: t,
      bewilligungId: b!.id,
      monat: m.monat,
      input: m.input,
      ergebnis: m.ergebnis,
      personen: m.personen,
      kosten: kostenaufteilung(m.ergebnis, kommuneId).anteile,
      auszahlungCent: m.auszahlungCent,
    })),
  );
  await tx.insert(fallEreignisse).values({
    traegerId: t,
    bgId: o.bg.id,
    at: morgens(berechnetAm, 11),
    actorUserId: lena.id,
    actorName: lena.name,
    art: 'bewilligung_berechnet',
    beschreibung: `Bewilligung ${zeitraum.beginn} bis ${zeitraum.ende} berechnet (Entwurf).`,
    details: { bewilligungId: b!.id, summeCent: z.summeCent },
  });
  if (!entschieden) {
    if (pruefung.erforderlich) {
      await tx.insert(fallEreignisse).values({ traegerId: t, bgId: o.bg.id, at: morgens(berechnetAm, 12), actorUserId: lena.id, actorName: lena.name, art: 'bewilligung_zur_freigabe', beschreibung: 'Bewilligung zur Freigabe (Vier-Augen-Prinzip) vorgelegt.', details: { bewilligungId: b!.id } });
    }
    return;
  }
  await tx.update(antraege).set({ status: 'entschieden', erledigtAm: morgens(berechnetAm, 12), bewilligungId: b!.id }).where(eq(antraege.id, o.antragId));
  await tx.insert(fallEreignisse).values({ traegerId: t, bgId: o.bg.id, at: morgens(berechnetAm, 12), actorUserId: lena.id, actorName: lena.name, art: 'bewilligung_erteilt', beschreibung: 'Bewilligung erteilt.', details: { bewilligungId: b!.id } });

  // the Bescheid (model and hash; the PDF is rendered from the model when first opened)
  const stamm = (await bescheidStammdaten(tx, [o.bg.id], berechnetAm, { bank: true })).get(o.bg.id)!;
  const antragsteller = stamm.personen.find((p) => p.rolle === 'antragsteller') ?? stamm.personen[0];
  const a = stamm.adresse;
  const s = o.standort;
  const modell = erstelleBescheid({
    art: 'bewilligung',
    datum: berechnetAm,
    fallnummer: o.bg.fallnummer,
    traeger: { name: k.traeger.name, jobcenter: k.traeger.jobcenterName },
    standort: { name: s.name, strasse: s.strasse, plz: s.plz, ort: s.ort, ...(s.telefon ? { telefon: s.telefon } : {}), ...(s.email ? { email: s.email } : {}), ...(s.oeffnungszeiten ? { oeffnungszeiten: s.oeffnungszeiten } : {}) },
    empfaenger: { name: antragsteller?.name ?? 'Bedarfsgemeinschaft', strasse: a ? `${a.strasse} ${a.hausnummer}` : '', ...(a?.zusatz ? { zusatz: a.zusatz } : {}), plz: a?.plz ?? '', ort: a?.ort ?? '' },
    personen: stamm.personen.map((p) => ({ id: p.id, name: p.name })),
    bewilligungszeitraum: { beginn: zeitraum.beginn, ende: zeitraum.ende },
    vorlaeufig: null,
    zeitraum: z,
    antragsdatum: o.antragsdatum,
    ...(stamm.bank ? { kontoMaskiert: ibanMaskiert(stamm.bank.iban) } : {}),
    sachbearbeitung: { name: lena.name },
  });
  const [bescheid] = await tx
    .insert(bescheide)
    .values({ traegerId: t, bgId: o.bg.id, bewilligungId: b!.id, art: modell.art, datum: modell.datum, modell, sha256: modell.inhaltHash, createdBy: lena.id, createdAt: morgens(berechnetAm, 13) })
    .returning({ id: bescheide.id });
  await tx.insert(fallEreignisse).values({
    traegerId: t,
    bgId: o.bg.id,
    at: morgens(berechnetAm, 13),
    actorUserId: lena.id,
    actorName: lena.name,
    art: 'bescheid_erstellt',
    beschreibung: `${modell.titel} vom ${modell.datumText} erstellt (Versand per Post).`,
    details: { bescheidId: bescheid!.id, art: modell.art, sha256: modell.inhaltHash },
  });
}
