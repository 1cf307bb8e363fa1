/**
 * Veränderungsmitteilungen as short flows: new job or income change, move, new or leaving household member, birth,
 * bank account, absence. Each ends with a confirmation page; the answers live under `mitteilung` (and, for a move,
 * `anschrift`/`unterkunft` in the shapes of the application).
 */
import { z } from 'zod';
import { defineFlow, type Seite } from '../engine.ts';
import { feld } from '../felder.ts';
import { anschriftSchema, bankSchema, EINKOMMENSARTEN, GESCHLECHTER, personFelder, unterkunftSchema } from './erstantrag-daten.ts';

const seite = (titel: string, schema: z.ZodObject, bereich = 'mitteilung'): Seite => ({ titel, schema, bereich });
const abschluss = seite('vm.abschluss.titel', z.strictObject({ richtig: feld.bestaetigung() }), 'abschluss');

export const VERAENDERUNGSARTEN = ['arbeit', 'umzug', 'person_neu', 'person_weg', 'geburt', 'bank', 'abwesenheit'] as const;
export type Veraenderungsart = (typeof VERAENDERUNGSARTEN)[number];

type M = {
  mitteilung?: Record<string, unknown>;
  [k: string]: unknown;
};
const m = (d: M) => d.mitteilung ?? {};

export const arbeitFlow = defineFlow<M, Record<string, Seite>>({
  id: 'veraenderung-arbeit',
  initial: 'aenderung',
  seiten: {
    aenderung: seite(
      'vm.arbeit.titel',
      z.strictObject({
        person: feld.text(100),
        aenderung: feld.auswahl(['neue_arbeit', 'einkommen_geaendert', 'arbeit_beendet'] as const),
        ab: feld.datum(),
      }),
    ),
    arbeit: seite(
      'vm.arbeit_details.titel',
      z.strictObject({ arbeitgeber: feld.text(200), bruttoCent: feld.geld(), nettoCent: feld.geld(), ersteZahlungAm: feld.datum().optional() }),
    ),
    abschluss,
  },
  uebergaenge: {
    aenderung: [{ wenn: (d) => m(d).aenderung === 'arbeit_beendet', ziel: 'abschluss' }, { ziel: 'arbeit' }],
    arbeit: 'abschluss',
  },
});

export const umzugFlow = defineFlow<M, Record<string, Seite>>({
  id: 'veraenderung-umzug',
  initial: 'umzug',
  seiten: {
    umzug: seite('vm.umzug.titel', z.strictObject({ datum: feld.datum(), zusicherungBeantragt: feld.jaNein() })),
    anschrift: seite('vm.umzug_anschrift.titel', anschriftSchema, 'anschrift'),
    wohnung: seite('antrag.wohnung.titel', unterkunftSchema.pick({ wohnform: true }), 'unterkunft'),
    wohnkosten: seite(
      'antrag.wohnkosten.titel',
      unterkunftSchema.pick({ grundmieteCent: true, nebenkostenCent: true, heizkostenCent: true, heizungsart: true, warmwasserDezentral: true, wohnflaecheQm: true }),
      'unterkunft',
    ),
    abschluss,
  },
  uebergaenge: {
    umzug: 'anschrift',
    anschrift: 'wohnung',
    wohnung: [{ wenn: (d) => (d.unterkunft as { wohnform?: string } | undefined)?.wohnform === 'ohne_kosten', ziel: 'abschluss' }, { ziel: 'wohnkosten' }],
    wohnkosten: 'abschluss',
  },
});

export const personNeuFlow = defineFlow<M, Record<string, Seite>>({
  id: 'veraenderung-person-neu',
  initial: 'person',
  seiten: {
    person: seite(
      'vm.person_neu.titel',
      z.strictObject({ ...personFelder, verhaeltnis: feld.auswahl(['partner', 'kind', 'elternteil', 'sonstige'] as const), einzugAm: feld.datum() }),
    ),
    einkommen: seite('vm.person_einkommen.titel', z.strictObject({ hatEinkommen: feld.jaNein() })),
    'einkommen-details': seite('vm.person_einkommen_details.titel', z.strictObject({ einkommensart: feld.auswahl(EINKOMMENSARTEN), betragCent: feld.geld() })),
    abschluss,
  },
  uebergaenge: {
    person: 'einkommen',
    einkommen: [{ wenn: (d) => m(d).hatEinkommen === true, ziel: 'einkommen-details' }, { ziel: 'abschluss' }],
    'einkommen-details': 'abschluss',
  },
});

export const personWegFlow = defineFlow<M, Record<string, Seite>>({
  id: 'veraenderung-person-weg',
  initial: 'person',
  seiten: {
    person: seite('vm.person_weg.titel', z.strictObject({ name: feld.text(200), auszugAm: feld.datum(), neueAnschriftBekannt: feld.jaNein() })),
    'neue-anschrift': seite('vm.person_weg_anschrift.titel', z.strictObject({ neueAnschrift: feld.text(500) })),
    abschluss,
  },
  uebergaenge: {
    person: [{ wenn: (d) => m(d).neueAnschriftBekannt === true, ziel: 'neue-anschrift' }, { ziel: 'abschluss' }],
    'neue-anschrift': 'abschluss',
  },
});

export const geburtFlow = defineFlow<M, Record<string, Seite>>({
  id: 'veraenderung-geburt',
  initial: 'kind',
  seiten: {
    kind: seite('vm.geburt.titel', z.strictObject({ vorname: feld.text(100), nachname: feld.text(100), geburtsdatum: feld.datum(), geschlecht: feld.auswahl(GESCHLECHTER) })),
    kindergeld: seite('vm.geburt_kindergeld.titel', z.strictObject({ kindergeldBeantragt: feld.jaNein() })),
    abschluss,
  },
  uebergaenge: { kind: 'kindergeld', kindergeld: 'abschluss' },
});

export const bankFlow = defineFlow<M, Record<string, Seite>>({
  id: 'veraenderung-bank',
  initial: 'bank',
  seiten: {
    bank: seite('vm.bank.titel', bankSchema, 'bank'),
    ab: seite('vm.bank_ab.titel', z.strictObject({ ab: feld.datum() })),
    abschluss,
  },
  uebergaenge: { bank: 'ab', ab: 'abschluss' },
});

export const abwesenheitFlow = defineFlow<M, Record<string, Seite>>({
  id: 'veraenderung-abwesenheit',
  initial: 'abwesenheit',
  seiten: {
    abwesenheit: {
      ...seite(
        'vm.abwesenheit.titel',
        z.strictObject({
          von: feld.datum(),
          bis: feld.datum(),
          grund: feld.auswahl(['urlaub', 'krankenhaus', 'kur', 'familie', 'sonstiges'] as const),
          erreichbar: feld.text(500).optional(),
        }),
      ),
      // an absence must end after it starts
      pruefe: (w) => (typeof w.von === 'string' && typeof w.bis === 'string' && w.bis < w.von ? [{ feld: 'bis', code: 'bis_vor_von' }] : []),
    },
    abschluss,
  },
  uebergaenge: { abwesenheit: 'abschluss' },
});
export const veraenderungFlows = {
  arbeit: arbeitFlow,
  umzug: umzugFlow,
  person_neu: personNeuFlow,
  person_weg: personWegFlow,
  geburt: geburtFlow,
  bank: bankFlow,
  abwesenheit: abwesenheitFlow,
} as const satisfies Record<Veraenderungsart, unknown>;
