/**
 * The explanation (`schritte`): one plain-German sentence per amount with the norm that grants it and the source of
 * its value (`quelle`: the published source of a legal parameter, or the case's own data). Its amounts add up to
 * `auszahlung`. Built only when asked (`erklaerung`); src/i18n/schritte.ts recognises these sentences by pattern.
 */
import { NORM_EINKOMMEN, NORM_MINDERUNG, NORM_STUFE, NORM_UNTERKUNFT, fundstelle } from '../../recht/index.ts';
import { datumLang, monatLang, type Tag } from '../datum.ts';
import { euro, euroText } from '../geld.ts';
import type { MehrbedarfErgebnis, Schritt } from '../schema.ts';
import { QUELLE_ANGABEN } from './einkommen.ts';
import { NORM_EINKOMMEN_NICHT_ERREICHBAR, NORM_KDU_UMVERTEILUNG, NORM_NICHT_ERREICHBAR } from './erreichbarkeit.ts';
import type { Kontext, P } from './kontext.ts';

/** The source of an amount derived from the lines above it (surplus, transfer). */
export const QUELLE_ERRECHNET = 'errechnet aus den Beträgen der Berechnung';

const MB_TEXT: Record<MehrbedarfErgebnis['art'], string> = {
  schwangerschaft: 'Mehrbedarf Schwangerschaft',
  alleinerziehend: 'Mehrbedarf für Alleinerziehende',
  behinderung: 'Mehrbedarf wegen Behinderung',
  ernaehrung: 'Mehrbedarf kostenaufwändige Ernährung',
  kappung: 'Begrenzung der Mehrbedarfe auf die Höhe des Regelbedarfs',
  unabweisbar: 'Mehrbedarf unabweisbarer laufender Bedarf',
  schulbuecher: 'Mehrbedarf Schulbücher und Arbeitshefte',
  warmwasser: 'Mehrbedarf dezentrale Warmwassererzeugung',
};

/** Mehrbedarfe whose amount the case states (not a rate of the law). */
const MB_AUS_ANGABEN: ReadonlySet<MehrbedarfErgebnis['art']> = new Set(['ernaehrung', 'unabweisbar', 'schulbuecher']);

/**
 * The sentence that marks a month computed after the last day of known law. Without the month's name, so that
 * equal months stay one section in the Bescheid.
 */
export function fortschreibungsText(rechtBekanntBis: string): string {
  return `Fortgeschrieben: berechnet nach dem Recht, das am ${datumLang(rechtBekanntBis)} bekannt war; ändern sich die Regelbedarfe, ergeht ein Änderungsbescheid`;
}

/** Norm of the carried-forward step: the yearly adjustment and the change of an administrative act. */
export const NORM_FORTSCHREIBUNG = '§ 20 Abs. 1a SGB II, § 28a SGB XII; § 48 Abs. 1 SGB X';

const anteil = (p: P): string => (p.tage === 30 ? '' : ` (anteilig ${p.tage}/30 Tage)`);
const datumText = (t: Tag): string => `${t.tag}. ${monatLang(t.jahr, t.monat)}`;

type Add = (text: string, norm: string, betrag: number, person: string | null, quelle?: string) => void;

/** The source of a § 7b Abs. 4 lapse: the Jobcenter's finding, carried by the exchange format. */
const QUELLE_NICHT_ERREICHBAR = `${QUELLE_ANGABEN} (festgestellte Nichterreichbarkeit); SGB II i.d.F. des G v. 16.4.2026 (BGBl. 2026 I Nr. 107)`;

/** § 7b Abs. 4: where the head shares of persons not erreichbar went (the KdU of the BG stay recognised in full). */
function kduUmverteilungErklaeren(k: Kontext, add: Add): void {
  let summe = 0;
  const von: string[] = [];
  const an: string[] = [];
  for (const p of k.personen) {
    if (p.kduAbgegeben > 0) {
      summe += p.kduAbgegeben;
      von.push(p.id);
    }
    if (p.kduErhalten > 0) an.push(`${p.id} ${euroText(p.kduErhalten)}`);
  }
  if (summe === 0) return;
  add(
    an.length > 0
      ? `Kopfteil an Unterkunft und Heizung von ${von.join(', ')} (${euroText(summe)} monatlich) geht zu gleichen Teilen an die übrigen Mitglieder der Bedarfsgemeinschaft: ${an.join(', ')}; die Unterkunftskosten der Bedarfsgemeinschaft bleiben in voller Höhe anerkannt`
      : `Kopfteil an Unterkunft und Heizung von ${von.join(', ')} (${euroText(summe)} monatlich) entfällt; zur Bedarfsgemeinschaft gehört kein weiteres Mitglied mit Anspruch`,
    NORM_KDU_UMVERTEILUNG,
    0,
    null,
    QUELLE_ERRECHNET,
  );
}

/** Builds the plain-German explanation; its amounts add up to `auszahlung`. */
export function erklaere(k: Kontext): Schritt[] {
  const s: Schritt[] = [];
  const add: Add = (text, norm, betrag, person, quelle) => {
    s.push(quelle === undefined ? { text, norm, betrag: euro(betrag), person } : { text, norm, betrag: euro(betrag), person, quelle });
  };
  const { zr, par } = k;
  const zeitraum = zr.voll ? monatLang(zr.jahr, zr.monat) : `${datumText(zr.von)} bis ${datumText(zr.bis)}`;
  add(`Berechnung ${k.leistung} für ${zeitraum} nach dem Recht ab ${datumLang(k.rechtsstand)}`, '§ 19 Abs. 1 SGB II', 0, null);
  if (par.fortgeschrieben) add(fortschreibungsText(par.fortgeschrieben), NORM_FORTSCHREIBUNG, 0, null);
  if (!zr.voll) add(`Teilmonat: ${zr.tage} von 30 Tagen, alle Bedarfe anteilig`, '§ 41 Abs. 1 SGB II', 0, null);
  if (k.kduText) add(k.kduText, '§ 22 Abs. 1 SGB II', 0, null, QUELLE_ANGABEN);

  // 1. needs
  const quelleRb = fundstelle(par.regelbedarf);
  const quelleMb = fundstelle(par.mehrbedarf);
  const kopfzahl = k.personen.length;
  for (const p of k.personen) {
    if (!p.inBg || p.stufe === null) continue;
    if (p.nichtErreichbar) {
      add(
        `${p.id} gilt als nicht erreichbar (drei Meldeaufforderungen in Folge ohne wichtigen Grund nicht nachgekommen): der Anspruch von ${p.id} auf Regelbedarf, Mehrbedarfe und Unterkunft und Heizung entfällt in diesem Zeitraum (entfallener Regel- und Mehrbedarf ${euroText(p.eigenbedarf)}); ${p.id} bleibt Mitglied der Bedarfsgemeinschaft`,
        NORM_NICHT_ERREICHBAR,
        0,
        p.id,
        QUELLE_NICHT_ERREICHBAR,
      );
      continue;
    }
    add(`Regelbedarf Stufe ${p.stufe} für ${p.id}${anteil(p)}`, NORM_STUFE[p.stufe], p.rb, p.id, quelleRb);
    for (const m of p.mb) {
      add(`${MB_TEXT[m.art]} für ${p.id}${m.text ? ` (${m.text})` : ''}${anteil(p)}`, m.norm, m.betrag, p.id, MB_AUS_ANGABEN.has(m.art) ? QUELLE_ANGABEN : quelleMb);
    }
    if (p.kduMonat > 0 || p.kdu > 0) {
      const dazu = p.kduErhalten > 0 ? `, dazu ${euroText(p.kduErhalten)} aus dem Kopfteil nicht erreichbarer Mitglieder` : '';
      add(`Anteil an Unterkunft und Heizung für ${p.id} (1/${kopfzahl}${dazu})${anteil(p)}`, p.kduErhalten > 0 ? NORM_KDU_UMVERTEILUNG : NORM_UNTERKUNFT.kopfteil, p.kdu, p.id, QUELLE_ANGABEN);
    }
  }
  if (k.nichtErreichbar > 0) kduUmverteilungErklaeren(k, add);
  // 2. income
  for (const p of k.personen) {
    if ((!p.inBg && !p.sgb12) || !p.zeilen) continue;
    for (const z of p.zeilen) add(z.text, z.norm, z.betrag, p.id, z.quelle);
    if (p.nichtErreichbar) {
      if (p.einkommenEigen > 0) {
        add(
          `Das Einkommen von ${p.id} deckt zuerst den entfallenen eigenen Regel- und Mehrbedarf von ${p.id}; dieser Teil wird bei den übrigen Mitgliedern nicht berücksichtigt`,
          NORM_EINKOMMEN_NICHT_ERREICHBAR,
          p.einkommenEigen,
          p.id,
          QUELLE_ERRECHNET,
        );
      }
      if (p.eigenstaendig && p.ueberschuss > 0) {
        add(
          `Das übrige Einkommen von ${p.id} bleibt bei ${p.id} (eigenes Einkommen eines Kindes, § 9 Abs. 2 S. 2 SGB II); nicht benötigtes Kindergeld siehe folgende Zeile`,
          NORM_EINKOMMEN.ueberschussKind,
          p.ueberschuss,
          p.id,
          QUELLE_ERRECHNET,
        );
      }
    } else if (p.eigenstaendig && p.ueberschuss > 0) {
      add(
        `Das Einkommen von ${p.id} deckt den eigenen Bedarf; ${p.id} ist nicht hilfebedürftig und gehört nicht zur Bedarfsgemeinschaft – übersteigender Teil`,
        NORM_EINKOMMEN.ueberschussKind,
        p.ueberschuss,
        p.id,
        QUELLE_ERRECHNET,
      );
    }
    for (const ue of k.uebertraege) {
      if (ue.von === p) add(`Nicht benötigtes Kindergeld von ${p.id} wird Einkommen von ${ue.an.id}`, NORM_EINKOMMEN.kindergeldUebertrag, -ue.betrag, ue.an.id, QUELLE_ERRECHNET);
    }
  }
  if (k.ueberschussBg > 0) {
    add('Das Einkommen übersteigt den Bedarf; der übersteigende Teil wird nicht ausgezahlt', NORM_EINKOMMEN.ueberschussBg, k.ueberschussBg, null, QUELLE_ERRECHNET);
  }
  // 3. Vermögen
  add(`Vermögen ${euroText(k.vermoegen)}, Freibetrag ${euroText(k.vermoegensfreibetrag)} (${k.vermoegensText})`, k.vermoegensNorm, 0, null, k.vermoegensQuelle);
  if (k.vermoegenAbzug > 0) {
    add('Kein Anspruch: das Vermögen übersteigt den Freibetrag und ist zuerst einzusetzen', k.vermoegensNorm, -k.vermoegenAbzug, null, k.vermoegensQuelle);
  }
  if (k.hilfebeduerftig && k.poolMitglieder.length > 1) {
    add(
      `Aufteilung auf die Personen nach ihrem Anteil am ungedeckten Bedarf: ${k.poolMitglieder.map((p) => `${p.id} ${euroText(p.anspruchVor)}`).join(', ')}`,
      '§ 9 Abs. 2 S. 3 SGB II',
      0,
      null,
    );
  }
  // 4. Minderungen and Sofortzuschlag
  const mr = par.minderung.wert;
  for (const p of k.personen) {
    if (p.minderung > 0) {
      const prozent = p.e.minderungProzent ?? 0;
      add(
        `Minderung ${prozent} % des Regelbedarfs von ${p.id} (Unterkunft und Heizung bleiben unberührt)${mr.mindestanspruchCent > 0 && p.anspruchVor - p.minderung === mr.mindestanspruchCent ? `; es verbleiben ${euroText(mr.mindestanspruchCent)}` : ''}`,
        prozent === 100 ? NORM_MINDERUNG.wegfall : NORM_MINDERUNG.teilweise,
        -p.minderung,
        p.id,
        `${QUELLE_ANGABEN} (festgestellte Minderung); ${fundstelle(par.minderung)}`,
      );
    }
  }
  const quelleSz = fundstelle(par.sofortzuschlag);
  for (const p of k.personen) {
    if (p.sz > 0) add(`Kindersofortzuschlag für ${p.id}${anteil(p)} (zusätzlich, kein Bedarf)`, '§ 72 SGB II', p.sz, p.id, quelleSz);
  }
  return s;
}
