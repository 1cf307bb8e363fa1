/** Renders every parameter table as Markdown for docs/berechnung.md (kept in sync by a unit test). */
import { ERWERBSFREIBETRAG, VERSICHERUNGSPAUSCHALE, type Erwerbsfreibetrag } from './einkommen.ts';
import { KINDERGELD } from './kindergeld.ts';
import { LEISTUNGSNAME } from './leistung.ts';
import { MEHRBEDARF_SAETZE } from './mehrbedarf.ts';
import { MINDERUNG } from './minderung.ts';
import { REGELBEDARFE } from './regelbedarf.ts';
import { SOFORTZUSCHLAG } from './sofortzuschlag.ts';
import type { Gueltig } from './typen.ts';
import { UNTERKUNFT } from './unterkunft.ts';
import { VEREINFACHTES_VERFAHREN, VERMOEGEN, type Vermoegensregel } from './vermoegen.ts';

const tausender = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const e = (cent: number): string =>
  `${tausender(Math.floor(cent / 100))}${cent % 100 ? `,${String(cent % 100).padStart(2, '0')}` : ''} €`;

/** The day before an ISO date, without Date objects. */
function vortag(iso: string): string {
  let j = Number(iso.slice(0, 4));
  let m = Number(iso.slice(5, 7));
  let t = Number(iso.slice(8, 10)) - 1;
  if (t === 0) {
    m -= 1;
    if (m === 0) {
      m = 12;
      j -= 1;
    }
    t = m === 2 ? ((j % 4 === 0 && j % 100 !== 0) || j % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  }
  return `${j}-${String(m).padStart(2, '0')}-${String(t).padStart(2, '0')}`;
}
const p = (bp: number): string => `${String(bp / 100).replace('.', ',')} %`;

function zeilen<T>(titel: string, liste: readonly Gueltig<T>[], wert: (w: T) => string): string[] {
  const sortiert = [...liste].sort((a, b) => a.gueltigAb.localeCompare(b.gueltigAb));
  return sortiert.map(
    (g, i) =>
      `| ${titel} | ${g.gueltigAb} | ${g.gueltigBis ?? (sortiert[i + 1] ? vortag((sortiert[i + 1] as Gueltig<T>).gueltigAb) : 'offen')} | ${wert(g.wert)} | ${g.norm} | ${g.quelle}${g.unsicher ? ` **Unsicher:** ${g.unsicher}` : ''} |`,
  );
}

const freibetrag = (w: Erwerbsfreibetrag): string =>
  `${e(w.grundabsetzbetragCent)} Grundabsetzbetrag (Nachweis höherer Kosten ab ${e(w.nachweisAbCent)} brutto); ${w.stufen
    .map((s) => `${p(s.prozent)} von ${e(s.abCent)} bis ${s.bisCent === null ? `${e(w.obergrenzeCent)} / ${e(w.obergrenzeMitKindCent)} mit minderjährigem Kind` : e(s.bisCent)}`)
    .join('; ')}`;

const vermoegen = (w: Vermoegensregel): string => {
  if (w.art === 'grundfreibetrag')
    return `${e(w.jeLebensjahrCent)} je vollendetem Lebensjahr je Erwachsenem (mind. ${e(w.mindestCent)}, höchstens ${w.hoechst.map((h) => `${e(h.cent)} geb. vor ${h.geborenVor}`).join(' / ')}); ${e(w.jeMinderjaehrigesKindCent)} je minderjährigem Kind; ${e(w.anschaffungJePersonCent)} Anschaffungsfreibetrag je Person`;
  if (w.art === 'karenzzeit')
    return `Karenzzeit ${w.karenzMonate} Monate: ${e(w.karenzErstePersonCent)} + ${e(w.karenzJeWeiterePersonCent)} je weitere Person; danach ${e(w.nachKarenzJePersonCent)} je Person`;
  return w.stufen.map((s) => `ab ${s.abAlter} Jahren ${e(s.cent)}`).join('; ');
};

export function parameterTabelleMarkdown(): string {
  const v = VEREINFACHTES_VERFAHREN;
  return [
    '| Parameter | gültig ab | gültig bis | Wert | Norm | Quelle |',
    '|---|---|---|---|---|---|',
    ...zeilen('Regelbedarfsstufen 1–6', REGELBEDARFE, (w) => [1, 2, 3, 4, 5, 6].map((s) => e(w[s as 1])).join(' / ')),
    ...zeilen('Mehrbedarfe', MEHRBEDARF_SAETZE, (w) =>
      `Schwangerschaft ${p(w.schwangerschaft)}; Alleinerziehende ${p(w.alleinerziehendHoch)} (ein Kind unter ${w.alleinerziehendKindUnter} oder zwei/drei unter ${w.alleinerziehendZweiDreiKinderUnter}) bzw. ${p(w.alleinerziehendJeKind)} je Kind, höchstens ${p(w.alleinerziehendHoechstens)} der Stufe 1; Behinderung ${p(w.behinderung)}; Warmwasser Stufen 1–6: ${[1, 2, 3, 4, 5, 6].map((s) => p(w.warmwasser[s as 1])).join(' / ')}`,
    ),
    ...zeilen('Erwerbstätigenfreibetrag', ERWERBSFREIBETRAG, freibetrag),
    ...zeilen('Versicherungspauschale', VERSICHERUNGSPAUSCHALE, e),
    ...zeilen('Kindersofortzuschlag je Kind', SOFORTZUSCHLAG, e),
    ...zeilen('Unterkunft und Heizung', UNTERKUNFT, (w) =>
      w.karenzMonate === 0
        ? 'keine Karenzzeit; Begrenzung auf die angemessenen Kosten'
        : `Karenzzeit ${w.karenzMonate} Monate (Bezug ab ${w.karenzZaehltAb} zählt), Heizung stets geprüft${w.karenzObergrenzeFaktor ? `; in der Karenzzeit höchstens ${p(w.karenzObergrenzeFaktor)} der angemessenen Unterkunft` : ''}`,
    ),
    ...zeilen('Vermögensfreibeträge', VERMOEGEN, vermoegen),
    ...zeilen('Vereinfachtes Verfahren (Corona)', [v], (w) =>
      `BWZ-Beginn ab ${w.bwzBeginnAb}: ${w.monate} Monate nur erhebliches Vermögen (${e(w.erheblichErstePersonCent)} + ${e(w.erheblichJeWeiterePersonCent)} je weitere Person), tatsächliche KdU`,
    ),
    ...zeilen('Leistungsminderungen', MINDERUNG, (w) =>
      `höchstens ${w.hoechstProzent} %${w.vollerWegfall ? ' oder Wegfall des Regelbedarfs (100 %)' : ''}${w.mindestanspruchCent ? `; Restanspruch ${e(w.mindestanspruchCent)}` : ''}`,
    ),
    ...zeilen('Name der Leistung', LEISTUNGSNAME, (w) => (w.erwerbsfaehig === w.nichtErwerbsfaehig ? w.erwerbsfaehig : `${w.erwerbsfaehig} / ${w.nichtErwerbsfaehig}`)),
    ...zeilen('Kindergeld (nur Dokumentation und Benchmark)', KINDERGELD, (w) => w.map(e).join(' / ')),
  ].join('\n');
}
