import { describe, expect, it } from 'vitest';
import { INTEGRATIONSARTEN, type Integrationsart } from '../foerdern/typen.ts';
import { anteil, veraenderung, type Aufteilung, type Bestandszahl, type IntegrationsZeile, type MonatsberichtDaten, type MonatsberichtKosten, type MonatsberichtLeistungen } from './bericht.ts';
import { euro, pressetext, prozent, zahl } from './pressetext.ts';

const bz = (kennung: string, wert: number | null, vormonat: number | null = null, vorjahr: number | null = null): Bestandszahl => ({
  kennung,
  wert,
  vormonat,
  vorjahr,
  deltaVormonat: veraenderung(wert, vormonat),
  deltaVorjahr: veraenderung(wert, vorjahr),
  datenstand: 'vorlaeufig',
});

const leereAufteilung = (x: string): Aufteilung => ({
  gesamtKennung: x,
  gesamt: 0,
  alter: [],
  geschlecht: [],
  alleinerziehend: { schluessel: 'alleinerziehend', kennung: `${x}.alleinerziehend`, wert: 0, anteil: null },
  staat: [],
});

type IntegrationsEingabe = { monat: string; anzahl: Partial<Record<Integrationsart, number>>; vorjahr?: number | null; ohneSnapshot?: boolean };

function integrationen(e: IntegrationsEingabe): MonatsberichtDaten['integrationen'] {
  const n = (a: Integrationsart): number => e.anzahl[a] ?? 0;
  const zaehlend = ['svb_vollzeit', 'svb_teilzeit', 'ausbildung', 'selbststaendigkeit', 'gefoerdert_16e'] as const;
  const summe = zaehlend.reduce((s, a) => s + n(a), 0);
  const gesamt = summe + n('minijob');
  const zeile = (art: Integrationsart): IntegrationsZeile => ({ art, kennung: `integration.${art}`, anzahl: n(art), anteil: anteil(n(art), gesamt) });
  const svb = n('svb_vollzeit') + n('svb_teilzeit') + n('gefoerdert_16e');
  return {
    monat: e.monat,
    datenstand: e.ohneSnapshot ? null : 'endgueltig',
    arten: zaehlend.map(zeile),
    svb: { anzahl: svb, anteil: anteil(svb, gesamt) },
    integrationen: bz('integrationen', e.ohneSnapshot ? null : summe, null, e.vorjahr ?? null),
    minijob: zeile('minijob'),
    oeffentlichGefoerdert: [zeile('gefoerdert_16d'), zeile('gefoerdert_16i')],
    gesamt,
  };
}

const kz = (kennung: string, monatCent: number | null, jahrCent: number | null = null) => ({ kennung, monatCent, jahrCent });
function kosten(o: { monat: string; gesamt: number; jahr: number; unterkunft: number; bund: number; kommunal: number }): MonatsberichtKosten {
  return {
    monat: o.monat,
    jahrVon: `${o.monat.slice(0, 4)}-01`,
    datenstand: 'vorlaeufig',
    gesamt: kz('kosten.gesamt_cent', o.gesamt, o.jahr),
    lebensunterhalt: kz('kosten.lebensunterhalt_cent', null),
    unterkunft: kz('kosten.unterkunft_cent', o.unterkunft),
    unterkunftBund: kz('kosten.unterkunft_bund_cent', o.bund),
    unterkunftKommunal: kz('kosten.unterkunft_kommunal_cent', o.kommunal),
    sofortzuschlag: kz('kosten.sofortzuschlag_cent', null),
    einmalig: kz('kosten.einmalig_cent', null),
    eingliederung: null,
  };
}
function leistungen(o: { monat: string; gesamt: number; jahr: number; unterkunft: number; bund: number; kommunal: number }): MonatsberichtLeistungen {
  return {
    monat: o.monat,
    jahrVon: `${o.monat.slice(0, 4)}-01`,
    datenstand: 'vorlaeufig',
    gesamt: kz('zahlung.gesamt_cent', o.gesamt, o.jahr),
    lebensunterhalt: kz('zahlung.llu_cent', null),
    unterkunft: kz('zahlung.luh_cent', o.unterkunft),
    unterkunftBund: kz('zahlung.luh_bund_cent', o.bund),
    unterkunftKommunal: kz('zahlung.luh_kommunal_cent', o.kommunal),
    sofortzuschlag: kz('zahlung.sofortzuschlag_cent', null),
  };
}

type Eingabe = {
  monat: string;
  stichtag?: string;
  regionName?: string;
  datenstand?: 'vorlaeufig' | 'endgueltig';
  bg: [number | null, number | null, number | null];
  /** BG two months back (for "weiter") */
  bgVorvormonat?: number | null;
  personen?: [number | null, number | null];
  elb?: [number | null, number | null];
  nef?: number | null;
  alo?: [number | null, number | null, number | null];
  aloQuote?: number | null;
  sgb2Quote?: number | null;
  neuantraege?: number | null;
  massnahme?: number | null;
  eintritte?: number | null;
  integrationen: IntegrationsEingabe;
  /** booked payments: never in the text */
  kosten?: MonatsberichtKosten | null;
  leistungen: MonatsberichtLeistungen | null;
};

const monatMinus = (monat: string, n: number): string => {
  const i = Number(monat.slice(0, 4)) * 12 + Number(monat.slice(5, 7)) - 1 - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

const quote = (kennung: string, wert: number | null) => ({ kennung, wert, grund: wert === null ? ('keine_bezugsgroesse' as const) : null, bezugsgroesse: null, datenstand: 'vorlaeufig' as const });

function bericht(e: Eingabe): MonatsberichtDaten {
  const [bg, bgVm, bgVj] = e.bg;
  return {
    monat: e.monat,
    stichtag: e.stichtag ?? `${e.monat}-30`,
    ebene: 'traeger',
    region: { id: null, name: e.regionName ?? 'Kreis Musterland' },
    datenstand: e.datenstand ?? 'vorlaeufig',
    bestand: {
      bg: bz('bg', bg, bgVm, bgVj),
      personen: bz('personen', e.personen?.[0] ?? null, e.personen?.[1] ?? null),
      elb: bz('elb', e.elb?.[0] ?? null, e.elb?.[1] ?? null),
      nef: bz('nef', e.nef ?? null),
      bgAlleinerziehend: bz('bg.alleinerziehend', null),
      lzb: bz('lzb', null),
    },
    integrationen: integrationen(e.integrationen),
    arbeitslose: bz('alo', e.alo?.[0] ?? null, e.alo?.[1] ?? null, e.alo?.[2] ?? null),
    arbeitslosenquote: quote('quote.alo', e.aloQuote ?? null),
    sgb2Quote: quote('quote.sgb2', e.sgb2Quote ?? null),
    neuantraege: bz('neuantraege', e.neuantraege ?? null),
    massnahmeTeilnehmende: bz('massnahme.teilnehmende', e.massnahme ?? null),
    massnahmeEintritte: bz('massnahme.eintritte', e.eintritte ?? null),
    kosten: e.kosten ?? null,
    leistungen: e.leistungen,
    aufteilung: { elb: leereAufteilung('elb'), alo: leereAufteilung('alo') },
    reihen: {
      bestand: [
        { monat: monatMinus(e.monat, 2), datenstand: 'vorlaeufig', bg: e.bgVorvormonat ?? null, elb: null },
        { monat: monatMinus(e.monat, 1), datenstand: 'vorlaeufig', bg: bgVm, elb: null },
        { monat: e.monat, datenstand: 'vorlaeufig', bg, elb: null },
      ],
      kosten: [],
      leistungen: [],
      integrationen: [{ monat: e.integrationen.monat, datenstand: null, arten: Object.fromEntries(INTEGRATIONSARTEN.map((a) => [a, null])) as Record<Integrationsart, null> }],
    },
  };
}

/** The Kreis Kleve seed of November 2020 (000_a79e421a6ad044ec.txt), figures as published. */
const KLEVE: Eingabe = {
  monat: '2020-11',
  regionName: 'Kreis Kleve',
  bg: [7741, 7845, 7861],
  bgVorvormonat: 7900,
  personen: [14_024, 14_024],
  elb: [10_312, 10_312],
  nef: 3712,
  // the seed reports July for November (cost month − 3); the text names the month the data gives
  integrationen: { monat: '2020-07', anzahl: { svb_vollzeit: 120, svb_teilzeit: 48, minijob: 85 } },
  // the booked payments differ from the Leistungen: the text uses the Leistungen only
  kosten: kosten({ monat: '2020-10', gesamt: 123_456_789, jahr: 123_456_789, unterkunft: 1, bund: 0, kommunal: 1 }),
  leistungen: leistungen({ monat: '2020-10', gesamt: 897_912_345, jahr: 9_049_876_543, unterkunft: 440_000_000, bund: 300_123_457, kommunal: 139_876_543 }),
};

const absaetze = (t: string): string[] => t.split('\n\n');

describe('Zahlen im deutschen Format', () => {
  it.each([
    [7741, '7.741'],
    [14_024, '14.024'],
    [1_234_567, '1.234.567'],
    [0, '0'],
    [85, '85'],
  ])('zahl(%d) = %s', (n, text) => {
    expect(zahl(n)).toBe(text);
  });
  it.each([
    [66.4, '66,4 Prozent'],
    [3, '3,0 Prozent'],
    [2.6, '2,6 Prozent'],
  ])('prozent(%d) = %s', (p, text) => {
    expect(prozent(p)).toBe(text);
  });
  it.each([
    [897_912_345, '8,98 Mio. Euro', true],
    [139_876_543, '1,4 Mio. Euro', true],
    [9_049_876_543, '90,5 Mio. Euro', true],
    [300_000_000, '3,0 Mio. Euro', false],
    [84_531_250, '845.313 Euro', true],
    [12_300, '123 Euro', false],
    [99_999_999, '1.000.000 Euro', true],
  ])('euro(%d) = %s', (cent, text, gerundet) => {
    expect(euro(cent)).toEqual({ text, gerundet });
  });
});

describe('pressetext', () => {
  it('Kreis Kleve November 2020: die Sätze der Pressemitteilung aus den Zahlen des Berichts', () => {
    expect(absaetze(pressetext(bericht(KLEVE)))).toEqual([
      'Jobcenter Kreis Kleve: Grundsicherung für Arbeitsuchende (November 2020)',
      'Die aktuelle Auswertung für den Monat November 2020 zeigt, dass sich die Zahl der SGB-II-Bedarfsgemeinschaften (BG) weiter verringert hat. Sie liegt nun bei 7.741 – das sind 104 weniger als im Vormonat und 120 weniger als im November 2019.',
      'Derzeit leben 14.024 Menschen in den BG, davon sind 10.312 erwerbsfähige Leistungsberechtigte. Bei den 3.712 Sozialgeldempfängern handelt es sich in der Regel um Kinder.',
      'Die Vermittlungen in Arbeit werden mit einer Wartezeit von drei Monaten in der Statistik abgebildet. So konnten im Juli 2020 insgesamt 168 Personen (66,4 Prozent) in eine sozialversicherungspflichtige Vollzeit- oder Teilzeitbeschäftigung vermittelt werden, weitere 85 Menschen arbeiten nun in einem Minijob. Insgesamt zählt die Statistik für Juli 2020 damit 168 Integrationen in Arbeit, Ausbildung oder Selbständigkeit.',
      'Für Leistungen im Oktober 2020 wurden rund 8,98 Mio. Euro bewilligt. Davon entfielen etwa 1,4 Mio. Euro auf die Kosten der Unterkunft, die der kommunale Träger und die Kommunen nach Abzug der Bundesbeteiligung tragen; der Bund beteiligte sich an diesen Kosten mit rund 3,0 Mio. Euro. Bisher wurden im Jahr 2020 (Januar bis Oktober) Leistungen von insgesamt rund 90,5 Mio. Euro bewilligt.',
      'Stichtag 30.11.2020; vorläufige Zahlen, sie können sich durch Nacherfassungen noch ändern.',
    ]);
  });

  it.each<[string, Partial<Eingabe>, string]>([
    [
      'Zunahme nach einer Abnahme (nicht "weiter"), eine mehr, Vorjahr gleich',
      { monat: '2019-12', bg: [100, 99, 100], bgVorvormonat: 105 },
      'Die aktuelle Auswertung für den Monat Dezember 2019 zeigt, dass sich die Zahl der SGB-II-Bedarfsgemeinschaften (BG) erhöht hat. Sie liegt nun bei 100 – das ist eine Bedarfsgemeinschaft mehr als im Vormonat und genauso viele wie im Dezember 2018.',
    ],
    [
      'weiter erhöht',
      { monat: '2024-03', bg: [8743, 8700, 8000], bgVorvormonat: 8650 },
      'Die aktuelle Auswertung für den Monat März 2024 zeigt, dass sich die Zahl der SGB-II-Bedarfsgemeinschaften (BG) weiter erhöht hat. Sie liegt nun bei 8.743 – das sind 43 mehr als im Vormonat und 743 mehr als im März 2023.',
    ],
    [
      'unverändert gegenüber dem Vormonat',
      { monat: '2020-11', bg: [7741, 7741, 7861] },
      'Die aktuelle Auswertung für den Monat November 2020 zeigt, dass die Zahl der SGB-II-Bedarfsgemeinschaften (BG) gegenüber dem Vormonat unverändert ist. Sie liegt bei 7.741 – das sind 120 weniger als im November 2019.',
    ],
    [
      'ohne Vorjahresmonat',
      { monat: '2020-11', bg: [7741, 7845, null], bgVorvormonat: null },
      'Die aktuelle Auswertung für den Monat November 2020 zeigt, dass sich die Zahl der SGB-II-Bedarfsgemeinschaften (BG) verringert hat. Sie liegt nun bei 7.741 – das sind 104 weniger als im Vormonat.',
    ],
    [
      'ohne Vormonat (erster Monat der Daten)',
      { monat: '2024-01', bg: [5000, null, 4988] },
      'Die aktuelle Auswertung für den Monat Januar 2024 zeigt, dass 5.000 Bedarfsgemeinschaften (BG) Leistungen nach dem SGB II erhalten. Das sind 12 mehr als im Januar 2023.',
    ],
  ])('Bedarfsgemeinschaften: %s', (_name, aenderung, erwartet) => {
    const text = absaetze(pressetext(bericht({ ...KLEVE, ...aenderung })));
    expect(text[1]).toBe(erwartet);
  });

  it('Personen: Änderung der eLb, Einzahl', () => {
    const t = absaetze(pressetext(bericht({ ...KLEVE, personen: [1, 1], elb: [1, 3], nef: 1 })));
    expect(t[2]).toBe(
      'Derzeit lebt ein Mensch in den BG, davon ist eine Person erwerbsfähig leistungsberechtigt. Das sind 2 Personen weniger als im Vormonat. Eine weitere Person erhält Sozialgeld; bei den Sozialgeldempfängern handelt es sich in der Regel um Kinder.',
    );
  });

  it('Integrationen: Einzahl, Ausbildung und Selbständigkeit, Vergleich mit dem Vorjahr', () => {
    const t = absaetze(pressetext(bericht({ ...KLEVE, integrationen: { monat: '2020-07', anzahl: { svb_teilzeit: 1, ausbildung: 2, selbststaendigkeit: 1 }, vorjahr: 6 } })));
    expect(t[3]).toBe(
      'Die Vermittlungen in Arbeit werden mit einer Wartezeit von drei Monaten in der Statistik abgebildet. So konnte im Juli 2020 eine Person (25,0 Prozent) in eine sozialversicherungspflichtige Vollzeit- oder Teilzeitbeschäftigung vermittelt werden. Außerdem nahmen 2 Personen eine Ausbildung und eine Person eine selbständige Tätigkeit auf. Insgesamt zählt die Statistik für Juli 2020 damit 4 Integrationen in Arbeit, Ausbildung oder Selbständigkeit – 2 weniger als im Juli 2019.',
    );
  });

  it('Integrationen: keine Vermittlungen; ohne Snapshot des Integrationsmonats entfällt der Absatz', () => {
    const keine = absaetze(pressetext(bericht({ ...KLEVE, integrationen: { monat: '2020-07', anzahl: {} } })));
    expect(keine[3]).toBe(
      'Die Vermittlungen in Arbeit werden mit einer Wartezeit von drei Monaten in der Statistik abgebildet. Im Juli 2020 wurden keine Vermittlungen in eine sozialversicherungspflichtige Beschäftigung oder einen Minijob erfasst. Insgesamt zählt die Statistik für Juli 2020 damit 0 Integrationen in Arbeit, Ausbildung oder Selbständigkeit.',
    );
    const ohne = pressetext(bericht({ ...KLEVE, integrationen: { monat: '2020-07', anzahl: {}, ohneSnapshot: true } }));
    expect(ohne).not.toContain('Vermittlungen');
  });

  it('Arbeitslose, Quoten, Neuanträge und Maßnahmen (KCA-Stil); ohne Leistungen kein Absatz zum Geld', () => {
    const t = absaetze(
      pressetext(
        bericht({
          ...KLEVE,
          monat: '2019-11',
          integrationen: { monat: '2019-08', anzahl: {}, ohneSnapshot: true },
          alo: [6013, 6312, 6312],
          aloQuote: 2.6,
          sgb2Quote: 5.8,
          neuantraege: 417,
          massnahme: 1008,
          eintritte: 1,
          leistungen: null,
        }),
      ),
    );
    expect(t.slice(3)).toEqual([
      'Im November 2019 waren 6.013 Personen nach dem SGB II arbeitslos gemeldet, 299 weniger als im Vormonat und 299 weniger als im November 2018. Die Arbeitslosenquote nach dem SGB II liegt bei 2,6 Prozent. Die SGB-II-Quote – der Anteil der Leistungsberechtigten an der Bevölkerung bis zur Altersgrenze – liegt bei 5,8 Prozent.',
      'Die Zahl der Neuanträge lag bei 417. Zum Stichtag nahmen 1.008 Personen an einer Maßnahme der aktiven Arbeitsförderung teil. Im Monat ist eine Person neu in eine Maßnahme eingetreten.',
      'Stichtag 30.11.2019; vorläufige Zahlen, sie können sich durch Nacherfassungen noch ändern.',
    ]);
  });

  it('Leistungen ohne hinterlegte Bundesbeteiligung; Januar allein; auch ohne gebuchte Auszahlungen', () => {
    const t = absaetze(
      pressetext(
        bericht({
          ...KLEVE,
          monat: '2021-02',
          integrationen: { monat: '2020-11', anzahl: {}, ohneSnapshot: true },
          kosten: kosten({ monat: '2021-01', gesamt: 0, jahr: 0, unterkunft: 0, bund: 0, kommunal: 0 }),
          leistungen: leistungen({ monat: '2021-01', gesamt: 50_000_000, jahr: 50_000_000, unterkunft: 20_000_050, bund: 0, kommunal: 20_000_050 }),
        }),
      ),
    );
    expect(t[3]).toBe(
      'Für Leistungen im Januar 2021 wurden 500.000 Euro bewilligt. Für die Kosten der Unterkunft und Heizung wurden hiervon rund 200.000 Euro bewilligt; eine Bundesbeteiligung ist für diesen Zeitraum nicht hinterlegt. Bisher wurden im Jahr 2021 (Januar) Leistungen von insgesamt 500.000 Euro bewilligt.',
    );
  });

  it('endgültige Zahlen; ein Satz ohne Zahl fehlt ganz', () => {
    const text = pressetext(bericht({ ...KLEVE, datenstand: 'endgueltig', personen: [null, null], elb: [null, null], nef: null, leistungen: null }));
    expect(text).toContain('Stichtag 30.11.2020; endgültige Zahlen.');
    expect(text).not.toContain('in den BG');
    expect(text).not.toContain('Euro');
    expect(text).not.toMatch(/null|undefined|NaN/);
  });

  it('jede Zahl im Text steht im Bericht (keine erfundenen Zahlen)', () => {
    const text = pressetext(bericht(KLEVE));
    const zahlen = [...text.matchAll(/\d[\d.]*(?:,\d+)?/g)].map((m) => m[0].replace(/\.$/, ''));
    const erlaubt = new Set([
      // figures of the report and their differences
      '7.741', '104', '120', '14.024', '10.312', '3.712', '168', '66,4', '85',
      // money (rounded) and the dates of the months and the Stichtag
      '8,98', '1,4', '3,0', '90,5', '2020', '2019', '30.11.2020',
    ]);
    expect(zahlen.filter((z) => !erlaubt.has(z))).toEqual([]);
  });
  it('zur Veröffentlichung: Zahlen unter der Kleinzahlgrenze als „weniger als …“, Veränderungen daraus fehlen; Hinweis im Text', () => {
    const grenze = 4;
    const text = pressetext(
      bericht({
        ...KLEVE,
        bg: [2, 3, 5],
        personen: [3, 5],
        elb: [2, 4],
        nef: 1,
        integrationen: { monat: '2020-07', anzahl: { svb_vollzeit: 1, svb_teilzeit: 1, minijob: 0 }, vorjahr: 5 },
        alo: [1, 2, 7],
        neuantraege: 3,
        massnahme: 2,
        eintritte: 1,
        leistungen: null,
      }),
      { kleinzahlGrenze: grenze },
    );
    expect(text).toContain(`weniger als ${grenze} Bedarfsgemeinschaften`);
    expect(text).toContain(`leben weniger als ${grenze} Menschen`);
    expect(text).toContain(`Zahl der Neuanträge lag bei weniger als ${grenze}.`);
    expect(text).toContain(`Kleine Zahlen (1 bis ${grenze - 1}) sind zum Schutz der Betroffenen nicht genau angegeben`);
    expect(text).not.toContain('als im Vormonat');
    expect(text).not.toContain('Prozent');
    // no count below the limit as a figure (the Stichtag and the note on small counts aside)
    const zahlen = [...text.split('\n\n').slice(0, -2).join(' ').matchAll(/\b\d[\d.]*\b/g)].map((m) => Number(m[0].replace(/\.$/, '')));
    expect(zahlen.filter((z) => z > 0 && z < grenze)).toEqual([]);
  });

  it('Überschrift ohne doppeltes „Jobcenter“; § 16e gesondert; Quote mit Vormonat', () => {
    const b = bericht({ ...KLEVE, regionName: 'Jobcenter Beispieldorf', integrationen: { monat: '2020-07', anzahl: { svb_vollzeit: 3, svb_teilzeit: 2, gefoerdert_16e: 2 } }, aloQuote: 3.2 });
    const text = pressetext({ ...b, arbeitslosenquote: { ...b.arbeitslosenquote, vormonat: 3.2 } as MonatsberichtDaten['arbeitslosenquote'] });
    expect(text.split('\n')[0]).toBe('Jobcenter Beispieldorf: Grundsicherung für Arbeitsuchende (November 2020)');
    expect(text).toContain('insgesamt 5 Personen (71,4 Prozent) in eine sozialversicherungspflichtige Vollzeit- oder Teilzeitbeschäftigung');
    expect(text).toContain('Hinzu kommen 2 Personen in einer nach § 16e SGB II geförderten Beschäftigung.');
    expect(text).toContain('Die Arbeitslosenquote nach dem SGB II liegt im Vergleich zum Vormonat unverändert bei 3,2 Prozent.');
  });
});
