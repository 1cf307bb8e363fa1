/**
 * Aufhebung of a running Bewilligung (§ 48 SGB X with § 40 SGB II, § 330 Abs. 3 SGB III) and the caseworker's own
 * reasons for an Ablehnung: catalogues of standard reasons, each with the sentence for the Bescheid and its norm.
 */
import { BewilligungsFehler } from './zeitraum.ts';

export type Begruendung = { code: string; text: string; norm: string };

type Katalog = Readonly<Record<string, { bezeichnung: string; text: string; norm: string }>>;

/** Reasons for cancelling a running Bewilligung from a month on. `sonstiger` needs the caseworker's text. */
export const AUFHEBUNGSGRUENDE = {
  wegfall_hilfebeduerftigkeit: {
    bezeichnung: 'Wegfall der Hilfebedürftigkeit',
    text: 'Die Hilfebedürftigkeit ist weggefallen, zum Beispiel weil Einkommen oder Vermögen den Bedarf deckt.',
    norm: '§ 48 Abs. 1 SGB X, § 40 Abs. 2 Nr. 3 SGB II i.V.m. § 330 Abs. 3 SGB III, § 9 Abs. 1 SGB II',
  },
  umzug: {
    bezeichnung: 'Umzug in den Bereich eines anderen Jobcenters',
    text: 'Sie sind in den Zuständigkeitsbereich eines anderen Jobcenters umgezogen. Von da an ist das Jobcenter Ihres neuen Wohnorts für die Leistungen zuständig.',
    norm: '§ 48 Abs. 1 SGB X, § 36 Abs. 1 SGB II',
  },
  tod: {
    bezeichnung: 'Tod der leistungsberechtigten Person',
    text: 'Die leistungsberechtigte Person ist verstorben; der Anspruch auf laufende Leistungen endet.',
    norm: '§ 48 Abs. 1 SGB X, § 59 SGB I',
  },
  sonstiger: {
    bezeichnung: 'sonstiger Grund (bitte beschreiben)',
    text: '',
    norm: '§ 48 Abs. 1 SGB X, § 40 Abs. 1 SGB II',
  },
} as const satisfies Katalog;

export type Aufhebungsgrund = keyof typeof AUFHEBUNGSGRUENDE;

/** Standard reasons for an Ablehnung that the engine cannot see; chosen by the caseworker. */
export const STANDARD_ABLEHNUNGSGRUENDE = {
  fehlende_mitwirkung: {
    bezeichnung: 'Fehlende Mitwirkung (§ 66 SGB I)',
    text: 'Sie haben die zur Prüfung des Anspruchs angeforderten Angaben und Nachweise trotz schriftlicher Aufforderung mit Frist und Hinweis auf die Folgen nicht vorgelegt. Die Leistung wird deshalb bis zur Nachholung der Mitwirkung versagt.',
    norm: '§§ 60, 66 Abs. 1 und 3 SGB I',
  },
  nicht_erwerbsfaehig: {
    bezeichnung: 'Nicht erwerbsfähig – Sozialhilfe (SGB XII)',
    text: 'Die antragstellende Person ist nicht erwerbsfähig. Leistungen nach dem SGB II sind deshalb ausgeschlossen; in Betracht kommen Leistungen der Sozialhilfe nach dem SGB XII. Der Antrag wird an den Träger der Sozialhilfe weitergeleitet.',
    norm: '§ 7 Abs. 1 S. 1 Nr. 2, § 8 Abs. 1 SGB II, § 16 Abs. 2 SGB I',
  },
  leistungsausschluss: {
    bezeichnung: 'Leistungsausschluss (§ 7 Abs. 1 S. 2 SGB II)',
    text: 'Es liegt ein Leistungsausschluss vor, zum Beispiel für die ersten drei Monate des Aufenthalts oder bei einem Aufenthaltsrecht allein zur Arbeitsuche.',
    norm: '§ 7 Abs. 1 S. 2 SGB II',
  },
  vermoegen: {
    bezeichnung: 'Vermögen über den Freibeträgen (§ 12 SGB II)',
    text: 'Das zu berücksichtigende Vermögen übersteigt die Freibeträge. Es ist zuerst für den Lebensunterhalt einzusetzen; Hilfebedürftigkeit liegt nicht vor.',
    norm: '§ 9 Abs. 1, § 12 SGB II',
  },
} as const satisfies Katalog;

export type StandardAblehnungsgrund = keyof typeof STANDARD_ABLEHNUNGSGRUENDE;

const FREITEXT_MAX = 1000;

/** The reason of an Aufhebung; `sonstiger` takes the caseworker's text (required). */
export function aufhebungsgrund(code: string, freitext?: string): Begruendung {
  if (!Object.hasOwn(AUFHEBUNGSGRUENDE, code)) throw new BewilligungsFehler('grund_ungueltig', 'Bitte wählen Sie einen Grund der Aufhebung.');
  const g = AUFHEBUNGSGRUENDE[code as Aufhebungsgrund];
  const text = (freitext ?? '').trim();
  if (code === 'sonstiger') {
    if (!text) throw new BewilligungsFehler('grund_fehlt', 'Bitte beschreiben Sie den sonstigen Grund der Aufhebung.');
    if (text.length > FREITEXT_MAX) throw new BewilligungsFehler('grund_zu_lang', `Der Grund darf höchstens ${FREITEXT_MAX} Zeichen lang sein.`);
    return { code, text, norm: g.norm };
  }
  // an additional explanation is appended to the standard sentence
  return { code, text: text ? `${g.text} ${text}` : g.text, norm: g.norm };
}

/**
 * The caseworker's own reasons for an Ablehnung: chosen standard reasons plus at most one free reason, which must
 * name its norm (every reason of a Bescheid leads to its paragraph).
 */
export function eigeneAblehnungsgruende(input: { codes?: readonly string[]; freitext?: string; norm?: string }): Begruendung[] {
  const out: Begruendung[] = [];
  for (const code of new Set(input.codes ?? [])) {
    if (!Object.hasOwn(STANDARD_ABLEHNUNGSGRUENDE, code)) throw new BewilligungsFehler('grund_ungueltig', `Unbekannter Ablehnungsgrund „${code}“.`);
    const g = STANDARD_ABLEHNUNGSGRUENDE[code as StandardAblehnungsgrund];
    out.push({ code, text: g.text, norm: g.norm });
  }
  const text = (input.freitext ?? '').trim();
  const norm = (input.norm ?? '').trim();
  if (text || norm) {
    if (!text) throw new BewilligungsFehler('grund_fehlt', 'Bitte beschreiben Sie den Ablehnungsgrund zur angegebenen Rechtsgrundlage.');
    if (!norm) throw new BewilligungsFehler('norm_fehlt', 'Bitte geben Sie die Rechtsgrundlage des eigenen Ablehnungsgrunds an (zum Beispiel „§ 7 Abs. 4 SGB II“).');
    if (!/§|Art\./.test(norm)) throw new BewilligungsFehler('norm_ungueltig', 'Die Rechtsgrundlage muss eine Vorschrift nennen (mit § oder Art.).');
    if (text.length > FREITEXT_MAX || norm.length > 200) throw new BewilligungsFehler('grund_zu_lang', `Der Grund darf höchstens ${FREITEXT_MAX} Zeichen lang sein.`);
    out.push({ code: 'freitext', text, norm });
  }
  return out;
}

/** Anhörung before a decision that takes away a right (§ 24 SGB X): the sentence for the Bescheid. */
export function anhoerungsHinweis(anhoerungAm: string | null, datumText: (tag: string) => string): string {
  return anhoerungAm
    ? `Sie hatten vor dieser Entscheidung Gelegenheit, sich zu den maßgeblichen Tatsachen zu äußern (Anhörung vom ${datumText(anhoerungAm)}, § 24 Abs. 1 SGB X).`
    : 'Eine Anhörung (§ 24 Abs. 1 SGB X) ist vor dieser Entscheidung nicht erfolgt. Sie können sich im Widerspruchsverfahren zu den maßgeblichen Tatsachen äußern; die Anhörung wird damit nachgeholt (§ 41 Abs. 1 Nr. 3, Abs. 2 SGB X).';
}
