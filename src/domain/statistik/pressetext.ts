/**
 * Pressetext (docs/statistik.md, "Pressetext"): a draft press release in plain German from one Monatsbericht,
 * written like the seeds' texts (Kreis Kleve, KCA Main-Kinzig). Templates only: every number in the text is a figure
 * of the MonatsberichtDaten (or a difference/rounding of such figures); a sentence whose figure is null is left out.
 * Numbers in German format (Intl de-DE: 7.741, 2,6 Prozent, 8,98 Mio. Euro). The text is a draft: the page lets the
 * user edit it before export.
 */
import { monatLang } from '../berechnung/datum.ts';
import { monatPlus } from '../bewilligung/monat.ts';
import { STATISTIK_WARTEZEIT } from '../recht/statistik.ts';
import { gueltigAm } from '../recht/typen.ts';
import { anteil as anteilVon, type Bestandszahl, type MonatsberichtDaten, type MonatsberichtIntegrationen, type MonatsberichtLeistungen, type Quote } from './bericht.ts';

const GANZ = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const EINE_STELLE = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MIO = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** "7.741" */
export const zahl = (n: number): string => GANZ.format(n);
/** "66,4 Prozent", "3,0 Prozent" (always one decimal, as in the report) */
export const prozent = (p: number): string => `${EINE_STELLE.format(p)} Prozent`;

/**
 * A sum of money in cents as the seeds write it: from one million euros "8,98 Mio. Euro" / "1,4 Mio. Euro" (hundredths of
 * a million, rounded half up; a trailing zero dropped as in the seeds), below that whole euros "845.312 Euro" (rounded half up). `rund` tells whether rounding happened.
 */
export function euro(cent: number): { text: string; gerundet: boolean } {
  const betrag = Math.abs(cent);
  const minus = cent < 0 ? '−' : '';
  if (betrag >= 100_000_000) {
    const hundertstelMio = Math.floor((betrag + 500_000) / 1_000_000);
    return { text: `${minus}${MIO.format(hundertstelMio / 100)} Mio. Euro`, gerundet: hundertstelMio * 1_000_000 !== betrag };
  }
  const euros = Math.floor((betrag + 50) / 100);
  return { text: `${minus}${zahl(euros)} Euro`, gerundet: euros * 100 !== betrag };
}
/**
 * "rund" only with a rounded figure: from one million "rund 8,98 Mio. Euro"; below it whole thousands
 * ("rund 251.000 Euro" for 250.965,12 Euro); below 1.000 Euro the exact euros without "rund".
 */
const rund = (cent: number, wort: 'rund' | 'etwa' = 'rund'): string => {
  const e = euro(cent);
  const betrag = Math.abs(cent);
  if (betrag >= 100_000_000) return e.gerundet ? `${wort} ${e.text}` : e.text;
  if (betrag < 100_000) return e.text;
  const tausend = Math.floor((betrag + 50_000) / 100_000);
  const text = `${cent < 0 ? '−' : ''}${zahl(tausend * 1000)} Euro`;
  return tausend * 100_000 === betrag ? text : `${wort} ${text}`;
};

const ZAHLWORT = ['null', 'einem', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'] as const;
const monatName = (monat: string): string => monatLang(Number(monat.slice(0, 4)), Number(monat.slice(5, 7)));

/** Who a difference counts: 1 is written as a word with its noun ("eine Person mehr"), more as a number. */
type Einheit = { eins: string; viele?: string };
const PERSON: Einheit = { eins: 'eine Person', viele: 'Personen' };
const BG: Einheit = { eins: 'eine Bedarfsgemeinschaft' };
const INTEGRATION: Einheit = { eins: 'eine Integration' };

/** "das sind 104 weniger" / "das ist eine Person mehr" / null when unchanged */
function unterschied(absolut: number, einheit: Einheit = PERSON): { verb: 'ist' | 'sind'; text: string } | null {
  if (absolut === 0) return null;
  const n = Math.abs(absolut);
  const wer = n === 1 ? einheit.eins : einheit.viele ? `${zahl(n)} ${einheit.viele}` : zahl(n);
  return { verb: n === 1 ? 'ist' : 'sind', text: `${wer} ${absolut < 0 ? 'weniger' : 'mehr'}` };
}

/** "104 weniger als im Vormonat", "genauso viele wie im Vormonat" */
function vergleich(absolut: number, bezug: string, einheit: Einheit = PERSON): string {
  const u = unterschied(absolut, einheit);
  return u ? `${u.text} als ${bezug}` : `genauso viele wie ${bezug}`;
}

/** Publication rule: a count 1 … grenze − 1 (kleinzahl of bericht.ts) is not written exactly. */
type Klein = { grenze: number | null };
const istKlein = (k: Klein, n: number | null): boolean => k.grenze !== null && n !== null && n > 0 && n < k.grenze;
/** A difference may be written only when neither of its two counts is small. */
const deltaErlaubt = (k: Klein, jetzt: number | null, vorher: number | null): boolean => !istKlein(k, jetzt) && !istKlein(k, vorher);
/** "weniger als 3" for a small count, else the number */
const anzahlText = (k: Klein, n: number): string => (istKlein(k, n) ? `weniger als ${zahl(k.grenze!)}` : zahl(n));

/** The comparisons of a stock figure with the Vormonat and the Vorjahresmonat that exist. */
function vergleiche(z: Bestandszahl, monat: string, k: Klein): string[] {
  const teile: string[] = [];
  const einheit: Einheit = { eins: PERSON.eins };
  if (z.deltaVormonat.absolut !== null && deltaErlaubt(k, z.wert, z.vormonat)) teile.push(vergleich(z.deltaVormonat.absolut, 'im Vormonat', einheit));
  if (z.deltaVorjahr.absolut !== null && deltaErlaubt(k, z.wert, z.vorjahr)) teile.push(vergleich(z.deltaVorjahr.absolut, `im ${monatName(monatPlus(monat, -12))}`, einheit));
  return teile;
}
const undListe = (teile: readonly string[]): string => (teile.length <= 1 ? (teile[0] ?? '') : `${teile.slice(0, -1).join(', ')} und ${teile.at(-1)}`);

// ------------------------------------------------------------------------------------------ paragraphs

function bedarfsgemeinschaften(d: MonatsberichtDaten, k: Klein): string | null {
  const bg = d.bestand.bg;
  if (bg.wert === null) return null;
  const saetze: string[] = [];
  const einleitung = `Die aktuelle Auswertung für den Monat ${monatName(d.monat)} zeigt, dass`;
  if (istKlein(k, bg.wert)) {
    return `${einleitung} ${anzahlText(k, bg.wert)} Bedarfsgemeinschaften (BG) Leistungen nach dem SGB II erhalten.`;
  }
  const delta = deltaErlaubt(k, bg.wert, bg.vormonat) ? bg.deltaVormonat.absolut : null;
  const vj = deltaErlaubt(k, bg.wert, bg.vorjahr) ? bg.deltaVorjahr.absolut : null;
  const vorjahr = vj === null ? null : vergleich(vj, `im ${monatName(monatPlus(d.monat, -12))}`, BG);
  if (delta === null) {
    saetze.push(`${einleitung} ${bg.wert === 1 ? 'eine Bedarfsgemeinschaft (BG)' : `${zahl(bg.wert)} Bedarfsgemeinschaften (BG)`} Leistungen nach dem SGB II ${bg.wert === 1 ? 'erhält' : 'erhalten'}.`);
    if (vj !== null) saetze.push(`Das ${unterschied(vj, BG)?.verb ?? 'sind'} ${vorjahr}.`);
  } else {
    // "weiter": the month before moved in the same direction (from the 25-month series)
    const reihe = new Map(d.reihen.bestand.map((p) => [p.monat, p.bg]));
    const vor1 = reihe.get(monatPlus(d.monat, -1)) ?? null;
    const vor2 = reihe.get(monatPlus(d.monat, -2)) ?? null;
    const vorher = vor1 !== null && vor2 !== null && deltaErlaubt(k, vor1, vor2) ? vor1 - vor2 : null;
    const weiter = vorher !== null && vorher !== 0 && Math.sign(vorher) === Math.sign(delta) ? 'weiter ' : '';
    if (delta === 0) {
      saetze.push(`${einleitung} die Zahl der SGB-II-Bedarfsgemeinschaften (BG) gegenüber dem Vormonat unverändert ist.`);
      saetze.push(`Sie liegt bei ${zahl(bg.wert)}${vorjahr === null ? '' : ` – das ${unterschied(vj!, BG)?.verb ?? 'sind'} ${vorjahr}`}.`);
    } else {
      saetze.push(`${einleitung} sich die Zahl der SGB-II-Bedarfsgemeinschaften (BG) ${weiter}${delta < 0 ? 'verringert' : 'erhöht'} hat.`);
      const u = unterschied(delta, BG)!;
      saetze.push(`Sie liegt nun bei ${zahl(bg.wert)} – das ${u.verb} ${undListe([`${u.text} als im Vormonat`, ...(vorjahr === null ? [] : [vorjahr])])}.`);
    }
  }
  return saetze.join(' ');
}

function personen(d: MonatsberichtDaten, k: Klein): string | null {
  const { personen: p, elb, nef } = d.bestand;
  const saetze: string[] = [];
  if (p.wert !== null) {
    const menschen = p.wert === 1 && !istKlein(k, 1) ? 'lebt ein Mensch' : `leben ${anzahlText(k, p.wert)} Menschen`;
    const davon =
      elb.wert === null
        ? ''
        : elb.wert === 1 && !istKlein(k, 1)
          ? ', davon ist eine Person erwerbsfähig leistungsberechtigt'
          : `, davon sind ${anzahlText(k, elb.wert)} erwerbsfähige Leistungsberechtigte`;
    saetze.push(`Derzeit ${menschen} in den BG${davon}.`);
  } else if (elb.wert !== null) {
    saetze.push(elb.wert === 1 && !istKlein(k, 1) ? 'Derzeit ist eine Person erwerbsfähig leistungsberechtigt.' : `Derzeit gibt es ${anzahlText(k, elb.wert)} erwerbsfähige Leistungsberechtigte.`);
  }
  if (elb.wert !== null && elb.deltaVormonat.absolut !== null && elb.deltaVormonat.absolut !== 0 && deltaErlaubt(k, elb.wert, elb.vormonat)) {
    const u = unterschied(elb.deltaVormonat.absolut)!;
    saetze.push(`Das ${u.verb} ${u.text} als im Vormonat.`);
  }
  if (nef.wert !== null && nef.wert > 0) {
    saetze.push(
      istKlein(k, nef.wert)
        ? `Sozialgeld erhalten ${anzahlText(k, nef.wert)} weitere Personen, in der Regel Kinder.`
        : nef.wert === 1
          ? 'Eine weitere Person erhält Sozialgeld; bei den Sozialgeldempfängern handelt es sich in der Regel um Kinder.'
          : `Bei den ${zahl(nef.wert)} Sozialgeldempfängern handelt es sich in der Regel um Kinder.`,
    );
  }
  return saetze.length > 0 ? saetze.join(' ') : null;
}

/** "eine Person" / "12 Personen" / "weniger als 3 Personen" */
const personenText = (k: Klein, n: number): string => (n === 1 && !istKlein(k, n) ? 'eine Person' : `${anzahlText(k, n)} Personen`);

function integrationen(d: MonatsberichtDaten, k: Klein): string | null {
  const i: MonatsberichtIntegrationen = d.integrationen;
  if (i.datenstand === null) return null;
  const saetze: string[] = [];
  // the Wartezeit of the statistics (STATISTIK_WARTEZEIT) explains why the Integrationen month lies back
  const { monate } = gueltigAm(STATISTIK_WARTEZEIT, `${d.monat}-01`, 'die Wartezeit der Statistik').wert;
  if (i.monat < d.monat && monate > 0 && monate < ZAHLWORT.length) {
    saetze.push(`Die Vermittlungen in Arbeit werden mit einer Wartezeit von ${ZAHLWORT[monate]} Monat${monate === 1 ? '' : 'en'} in der Statistik abgebildet.`);
  }
  const im = monatName(i.monat);
  const art = (a: string): number => i.arten.find((z) => z.art === a)?.anzahl ?? 0;
  // sozialversicherungspflichtige Vollzeit- oder Teilzeitbeschäftigung: only these two; § 16e apart
  const svb = art('svb_vollzeit') + art('svb_teilzeit');
  const gefoerdert16e = art('gefoerdert_16e');
  const mini = i.minijob.anzahl;
  if (svb === 0 && mini === 0 && gefoerdert16e === 0) {
    saetze.push(`Im ${im} wurden keine Vermittlungen in eine sozialversicherungspflichtige Beschäftigung oder einen Minijob erfasst.`);
  } else {
    const svbAnteil = anteilVon(svb, i.gesamt);
    const anteil = svbAnteil === null || istKlein(k, svb) ? '' : ` (${prozent(svbAnteil)})`;
    const svbText =
      svb === 0
        ? `wurden im ${im} keine Vermittlungen in eine ungeförderte sozialversicherungspflichtige Vollzeit- oder Teilzeitbeschäftigung erfasst`
        : `${svb === 1 && !istKlein(k, svb) ? 'konnte' : 'konnten'} im ${im} ${svb === 1 && !istKlein(k, svb) ? '' : 'insgesamt '}${personenText(k, svb)}${anteil} in eine sozialversicherungspflichtige Vollzeit- oder Teilzeitbeschäftigung vermittelt werden`;
    const miniText = mini === 0 ? '' : mini === 1 && !istKlein(k, mini) ? ', eine weitere Person arbeitet nun in einem Minijob' : `, weitere ${anzahlText(k, mini)} Menschen arbeiten nun in einem Minijob`;
    saetze.push(`${saetze.length > 0 ? 'So ' : 'Es '}${svbText}${miniText}.`);
    if (gefoerdert16e > 0) {
      saetze.push(`Hinzu ${gefoerdert16e === 1 && !istKlein(k, gefoerdert16e) ? 'kommt' : 'kommen'} ${personenText(k, gefoerdert16e)} in einer nach § 16e SGB II geförderten Beschäftigung.`);
    }
  }
  const ausbildung = art('ausbildung');
  const selbst = art('selbststaendigkeit');
  const weitere: string[] = [];
  if (ausbildung > 0) weitere.push(`${personenText(k, ausbildung)} eine Ausbildung`);
  if (selbst > 0) weitere.push(`${personenText(k, selbst)} eine selbständige Tätigkeit`);
  const einzeln = (n: number) => n === 1 && !istKlein(k, n);
  if (weitere.length > 0) saetze.push(`Außerdem ${weitere.length === 1 && (einzeln(ausbildung) || einzeln(selbst)) ? 'nahm' : 'nahmen'} ${undListe(weitere)} auf.`);
  const gesamt = i.integrationen;
  if (gesamt.wert !== null) {
    const vj = deltaErlaubt(k, gesamt.wert, gesamt.vorjahr) ? gesamt.deltaVorjahr.absolut : null;
    const vorjahr = vj === null ? '' : ` – ${vergleich(vj, `im ${monatName(monatPlus(i.monat, -12))}`, INTEGRATION)}`;
    const anzahl = gesamt.wert === 1 && !istKlein(k, 1) ? 'eine Integration' : `${anzahlText(k, gesamt.wert)} Integrationen`;
    saetze.push(`Insgesamt zählt die Statistik für ${im} damit ${anzahl} in Arbeit, Ausbildung oder Selbständigkeit${vorjahr}.`);
  }
  return saetze.join(' ');
}

/** "liegt bei 3,2 Prozent" / "liegt im Vergleich zum Vormonat unverändert bei 3,2 Prozent" / "… gestiegen auf …" */
function quoteSatz(q: Quote, wer: string): string | null {
  if (q.wert === null) return null;
  // the report may carry the Quote of the Vormonat (optional field); without it, no comparison
  const vor = (q as Quote & { vormonat?: number | null }).vormonat ?? null;
  if (vor === null) return `${wer} liegt bei ${prozent(q.wert)}.`;
  if (vor === q.wert) return `${wer} liegt im Vergleich zum Vormonat unverändert bei ${prozent(q.wert)}.`;
  return `${wer} ist im Vergleich zum Vormonat von ${prozent(vor)} auf ${prozent(q.wert)} ${q.wert > vor ? 'gestiegen' : 'gesunken'}.`;
}

function arbeitslose(d: MonatsberichtDaten, k: Klein): string | null {
  const a = d.arbeitslose;
  const saetze: string[] = [];
  if (a.wert !== null) {
    const teile = istKlein(k, a.wert) ? [] : vergleiche(a, d.monat, k);
    const wer = a.wert === 1 && !istKlein(k, 1) ? 'war eine Person' : `waren ${anzahlText(k, a.wert)} Personen`;
    saetze.push(`Im ${monatName(d.monat)} ${wer} nach dem SGB II arbeitslos gemeldet${teile.length > 0 ? `, ${undListe(teile)}` : ''}.`);
  }
  // a Quote from a small count is not published
  const alo = istKlein(k, a.wert) ? null : quoteSatz(d.arbeitslosenquote, 'Die Arbeitslosenquote nach dem SGB II');
  if (alo !== null) saetze.push(alo);
  const elbNef = d.bestand.elb.wert === null || d.bestand.nef.wert === null ? null : d.bestand.elb.wert + d.bestand.nef.wert;
  const sgb2 = istKlein(k, elbNef) ? null : quoteSatz(d.sgb2Quote, 'Die SGB-II-Quote – der Anteil der Leistungsberechtigten an der Bevölkerung bis zur Altersgrenze –');
  if (sgb2 !== null) saetze.push(sgb2);
  return saetze.length > 0 ? saetze.join(' ') : null;
}

function antraegeUndMassnahmen(d: MonatsberichtDaten, k: Klein): string | null {
  const saetze: string[] = [];
  const na = d.neuantraege.wert;
  if (na !== null) saetze.push(na === 0 ? 'Neuanträge gingen keine ein.' : `Die Zahl der Neuanträge lag bei ${anzahlText(k, na)}.`);
  const mt = d.massnahmeTeilnehmende.wert;
  if (mt !== null && mt > 0) {
    saetze.push(
      mt === 1 && !istKlein(k, mt)
        ? 'Zum Stichtag nahm eine Person an einer Maßnahme der aktiven Arbeitsförderung teil.'
        : `Zum Stichtag nahmen ${anzahlText(k, mt)} Personen an einer Maßnahme der aktiven Arbeitsförderung teil.`,
    );
  }
  const me = d.massnahmeEintritte.wert;
  if (me !== null && me > 0) {
    saetze.push(me === 1 && !istKlein(k, me) ? 'Im Monat ist eine Person neu in eine Maßnahme eingetreten.' : `Im Monat sind ${anzahlText(k, me)} Personen neu in eine Maßnahme eingetreten.`);
  }
  return saetze.length > 0 ? saetze.join(' ') : null;
}

/**
 * The money paragraph: the Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch of the Leistungsmonat =
 * Berichtsmonat − 1), not the booked payments – those exist only where Zahlläufe ran. No Leistungen, no paragraph.
 */
function leistungen(d: MonatsberichtDaten): string | null {
  const l: MonatsberichtLeistungen | null = d.leistungen;
  if (l === null || l.gesamt.monatCent === null || l.gesamt.monatCent === 0) return null;
  const saetze: string[] = [];
  const monat = monatName(l.monat);
  saetze.push(`Für Leistungen im ${monat} wurden ${rund(l.gesamt.monatCent)} bewilligt.`);
  const kdu = l.unterkunft.monatCent;
  const bund = l.unterkunftBund.monatCent;
  const kommunal = l.unterkunftKommunal.monatCent;
  if (kdu !== null && kdu > 0) {
    if (bund !== null && bund !== 0 && kommunal !== null) {
      saetze.push(
        `Davon entfielen ${rund(kommunal, 'etwa')} auf die Kosten der Unterkunft, die der kommunale Träger und die Kommunen nach Abzug der Bundesbeteiligung tragen; der Bund beteiligte sich an diesen Kosten mit ${rund(bund)}.`,
      );
    } else {
      saetze.push(`Für die Kosten der Unterkunft und Heizung wurden hiervon ${rund(kdu)} bewilligt; eine Bundesbeteiligung ist für diesen Zeitraum nicht hinterlegt.`);
    }
  }
  if (l.gesamt.jahrCent !== null) {
    const jahr = l.monat.slice(0, 4);
    const spanne = l.jahrVon === l.monat ? monatName(l.monat).split(' ')[0] : `${monatName(l.jahrVon).split(' ')[0]} bis ${monat.split(' ')[0]}`;
    saetze.push(`Bisher wurden im Jahr ${jahr} (${spanne}) Leistungen von insgesamt ${rund(l.gesamt.jahrCent)} bewilligt.`);
  }
  return saetze.join(' ');
}

/** "Jobcenter Kreis Kleve", but not "Jobcenter Jobcenter Beispieldorf" */
const jobcenterName = (name: string): string => (/^jobcenter\b/i.test(name.trim()) ? name.trim() : `Jobcenter ${name.trim()}`);

/** "30.09.2026" */
const datum = (iso: string): string => {
  const [j, m, t] = iso.split('-');
  return `${t}.${m}.${j}`;
};

export type PressetextOptionen = {
  /**
   * The Träger's Kleinzahl-Grenze (statistik_einstellungen): a press release is a publication, so counts from 1 to
   * below it are written as "weniger als <grenze>" and differences, shares and Quoten from them are left out.
   * null/absent = no suppression (tests of the wording only).
   */
  kleinzahlGrenze?: number | null;
};

/** The draft press release of a Monatsbericht: a title, the paragraphs, and the data stand. */
export function pressetext(bericht: MonatsberichtDaten, optionen: PressetextOptionen = {}): string {
  const k: Klein = { grenze: optionen.kleinzahlGrenze !== undefined && optionen.kleinzahlGrenze !== null && optionen.kleinzahlGrenze > 1 ? optionen.kleinzahlGrenze : null };
  const titel = `${jobcenterName(bericht.region.name)}: Grundsicherung für Arbeitsuchende (${monatName(bericht.monat)})`;
  const absaetze = [
    bedarfsgemeinschaften(bericht, k),
    personen(bericht, k),
    integrationen(bericht, k),
    arbeitslose(bericht, k),
    antraegeUndMassnahmen(bericht, k),
    leistungen(bericht),
  ].filter((a): a is string => a !== null && a.length > 0);
  const stand = `Stichtag ${datum(bericht.stichtag)}; ${bericht.datenstand === 'endgueltig' ? 'endgültige Zahlen' : 'vorläufige Zahlen, sie können sich durch Nacherfassungen noch ändern'}.`;
  const klein = k.grenze === null ? [] : [`Kleine Zahlen (1 bis ${zahl(k.grenze - 1)}) sind zum Schutz der Betroffenen nicht genau angegeben („weniger als ${zahl(k.grenze)}“).`];
  return [titel, ...absaetze, stand, ...klein].join('\n\n');
}
