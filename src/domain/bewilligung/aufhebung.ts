/**
 * Aufhebung of a running Bewilligung (§ 48 SGB X with § 40 SGB II, § 330 Abs. 3 SGB III) and the caseworker's own
 * reasons for an Ablehnung: catalogues of standard reasons, each with the sentence for the Bescheid and its norm.
 */
import { BewilligungsFehler } from './zeitraum.ts';

export type Begruendung = { code: string; text: string; norm: string };

type Katalog = Readonly<Record<string, { bezeichnung: string; text: string; norm: string }>>;

/**
 * Reasons for cancelling a running Bewilligung from a month on. Each norm names the paragraph of the change itself;
 * § 48 Abs. 1 S. 1 SGB X allows the Aufhebung only for the future. An Aufhebung for the past (or with an
 * Erstattung) needs a Tatbestand of § 48 Abs. 1 S. 2 SGB X (AUFHEBUNG_TATBESTAENDE). `sonstiger` needs the
 * caseworker's text.
 */
export const AUFHEBUNGSGRUENDE = {
  wegfall_hilfebeduerftigkeit: {
    bezeichnung: 'Wegfall der Hilfebedürftigkeit',
    text: 'Die Hilfebedürftigkeit ist weggefallen, zum Beispiel weil Einkommen oder Vermögen den Bedarf deckt.',
    norm: '§ 48 Abs. 1 S. 1 SGB X, § 7 Abs. 1 S. 1 Nr. 3, § 9 Abs. 1 SGB II',
  },
  umzug: {
    bezeichnung: 'Umzug der ganzen Bedarfsgemeinschaft in den Bereich eines anderen Jobcenters',
    text: 'Sie sind in den Zuständigkeitsbereich eines anderen Jobcenters umgezogen. Von da an ist das Jobcenter Ihres neuen Wohnorts für die Leistungen zuständig.',
    norm: '§ 48 Abs. 1 S. 1 SGB X, § 36 Abs. 1 SGB II',
  },
  tod: {
    bezeichnung: 'Tod der (einzigen) leistungsberechtigten Person',
    text: 'Die leistungsberechtigte Person ist verstorben. Der Anspruch besteht nur für die Kalendertage, an denen sie gelebt hat; für die Zeit danach entfällt er.',
    norm: '§ 48 Abs. 1 S. 1 SGB X, § 41 Abs. 1 S. 1 SGB II',
  },
  sonstiger: {
    bezeichnung: 'sonstiger Grund (bitte beschreiben)',
    text: '',
    norm: '§ 48 Abs. 1 S. 1 SGB X',
  },
} as const satisfies Katalog;

export type Aufhebungsgrund = keyof typeof AUFHEBUNGSGRUENDE;

/** § 330 Abs. 3 SGB III (via § 40 Abs. 2 Nr. 3 SGB II) makes the Aufhebung for the past mandatory in these cases. */
const MIT_WIRKUNG_VERGANGENHEIT = 'i. V. m. § 40 Abs. 2 Nr. 3 SGB II, § 330 Abs. 3 SGB III';

/**
 * Tatbestände of § 48 Abs. 1 S. 2 SGB X that allow (and in the SGB II require) an Aufhebung from the time of the
 * change. Nr. 1 (change in the person's favour) never applies to a cancellation and is not offered.
 */
export const AUFHEBUNG_TATBESTAENDE = {
  nr2: {
    bezeichnung: 'Mitteilungspflicht vorsätzlich oder grob fahrlässig verletzt (§ 48 Abs. 1 S. 2 Nr. 2 SGB X)',
    text: 'Sie haben uns eine wesentliche Änderung Ihrer Verhältnisse, die Sie mitteilen mussten (§ 60 Abs. 1 S. 1 Nr. 2 SGB I), vorsätzlich oder grob fahrlässig nicht mitgeteilt.',
    norm: `§ 48 Abs. 1 S. 2 Nr. 2 SGB X ${MIT_WIRKUNG_VERGANGENHEIT}`,
  },
  nr3: {
    bezeichnung: 'Einkommen oder Vermögen erzielt, das den Anspruch entfallen lässt (§ 48 Abs. 1 S. 2 Nr. 3 SGB X)',
    text: 'Nach dem Antrag oder der Bewilligung haben Sie Einkommen oder Vermögen erzielt, das zum Wegfall des Anspruchs geführt hätte.',
    norm: `§ 48 Abs. 1 S. 2 Nr. 3 SGB X ${MIT_WIRKUNG_VERGANGENHEIT}`,
  },
  nr4: {
    bezeichnung: 'Wegfall des Anspruchs war bekannt oder grob fahrlässig unbekannt (§ 48 Abs. 1 S. 2 Nr. 4 SGB X)',
    text: 'Sie wussten, dass Ihr Anspruch weggefallen war, oder Sie wussten es nur deshalb nicht, weil Sie die erforderliche Sorgfalt in besonders schwerem Maße verletzt haben.',
    norm: `§ 48 Abs. 1 S. 2 Nr. 4 SGB X ${MIT_WIRKUNG_VERGANGENHEIT}`,
  },
} as const satisfies Katalog;

export type AufhebungTatbestand = keyof typeof AUFHEBUNG_TATBESTAENDE;

/**
 * Exceptions of § 24 Abs. 2 SGB X that fit an Aufhebung (the list of the law is closed; the others – danger,
 * deadline, general orders, enforcement, small set-offs – do not fit a single Aufhebung). Nr. 5 is about adapting
 * income-dependent benefits such as Bürgergeld to changed circumstances and so only fits the Wegfall der
 * Hilfebedürftigkeit (income or assets).
 */
export const ANHOERUNG_AUSNAHMEN = {
  nr3: {
    bezeichnung: 'Keine Abweichung von den eigenen Angaben zu Ungunsten (§ 24 Abs. 2 Nr. 3 SGB X)',
    text: 'Die Entscheidung weicht nicht zu Ihren Ungunsten von den tatsächlichen Angaben ab, die Sie selbst in einem Antrag oder einer Erklärung gemacht haben.',
    norm: '§ 24 Abs. 2 Nr. 3 SGB X',
  },
  nr5: {
    bezeichnung: 'Anpassung einkommensabhängiger Leistungen an geänderte Verhältnisse (§ 24 Abs. 2 Nr. 5 SGB X)',
    text: 'Die Entscheidung passt einkommensabhängige Leistungen an Ihre geänderten Verhältnisse an.',
    norm: '§ 24 Abs. 2 Nr. 5 SGB X',
  },
} as const satisfies Katalog;

export type AnhoerungAusnahme = keyof typeof ANHOERUNG_AUSNAHMEN;

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

/** Codes of a refused Aufhebung (pruefeAufhebungsRecht); also the error code of the refusal. */
export type AufhebungsFehlerCode =
  | 'person_ausscheiden'
  | 'nicht_ganze_bg'
  | 'erstattung_tod'
  | 'tatbestand_ungueltig'
  | 'tatbestand_fehlt'
  | 'ausnahme_ungueltig'
  | 'ausnahme_unpassend'
  | 'ausnahme_grund_fehlt'
  | 'grund_zu_lang'
  | 'anhoerung_fehlt'
  | 'datum_ungueltig';
export type Feldfehler = { path: string; code: AufhebungsFehlerCode; message: string };

/** What the law asks of an Aufhebung besides its reason; stored with the draft and checked again at the decision. */
export type AufhebungsRecht = {
  /** the Aufhebung reaches months before the first of the month after the decision (§ 48 Abs. 1 S. 2 SGB X) */
  vergangenheit: boolean;
  tatbestand: Begruendung | null;
  /** date of the Anhörung (§ 24 Abs. 1 SGB X) */
  anhoerungAm: string | null;
  /** documented exception of § 24 Abs. 2 SGB X with the caseworker's reason */
  anhoerungAusnahme: (Begruendung & { begruendung: string }) | null;
};

export type AufhebungsRechtEingabe = {
  grund: string;
  /** first day of the first month no longer granted */
  ab: string;
  /** date of the decision (today) */
  entscheidungsdatum: string;
  /** what would have to be paid back for months already paid */
  erstattungCent: number;
  tatbestand?: string | null | undefined;
  anhoerungAm?: string | null | undefined;
  anhoerungAusnahme?: string | null | undefined;
  anhoerungAusnahmeGrund?: string | null | undefined;
  /** persons of the BG in the first month cancelled */
  personen: number;
  /** Umzug: the caseworker confirms that the whole BG moved away */
  ganzeBg?: boolean | undefined;
};

/** First day of the month after a date: from then on an Aufhebung works only for the future. */
export function zukunftAb(entscheidungsdatum: string): string {
  const [j, m] = entscheidungsdatum.slice(0, 7).split('-').map(Number) as [number, number];
  return m === 12 ? `${j + 1}-01-01` : `${j}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Checks an Aufhebung against § 48 Abs. 1 SGB X with § 40 Abs. 2 Nr. 3 SGB II / § 330 Abs. 3 SGB III (Tatbestand
 * for the past), § 24 SGB X (Anhörung or a documented exception) and the limits of a cancellation of the whole BG
 * (death or move of one member is a change of the BG, not an Aufhebung). Returns what to store and the field
 * errors (empty when lawful). The Anhörung date itself is validated by the caller (calendar date, not in future).
 */
export function pruefeAufhebungsRecht(e: AufhebungsRechtEingabe): { recht: AufhebungsRecht; fehler: Feldfehler[] } {
  const fehler: Feldfehler[] = [];
  const vergangenheit = e.ab < zukunftAb(e.entscheidungsdatum);
  const erstattung = e.erstattungCent > 0;
  const brauchtTatbestand = vergangenheit || erstattung;

  if (e.grund === 'tod' && e.personen > 1) {
    fehler.push({
      path: 'grund',
      code: 'person_ausscheiden',
      message:
        'Die Aufhebung beendet die Leistungen der ganzen Bedarfsgemeinschaft. Ist eine Person verstorben und leben die anderen weiter in der Bedarfsgemeinschaft, tragen Sie in der Fallakte „Person scheidet aus“ ein und berechnen Sie die Bewilligung mit „Änderung ab einem Datum neu berechnen“ neu.',
    });
  }
  if (e.grund === 'umzug' && e.personen > 1 && !e.ganzeBg) {
    fehler.push({
      path: 'ganzeBg',
      code: 'nicht_ganze_bg',
      message:
        'Bitte bestätigen Sie, dass die ganze Bedarfsgemeinschaft weggezogen ist. Zieht nur eine Person aus, tragen Sie in der Fallakte „Person scheidet aus“ ein und berechnen Sie die Bewilligung mit „Änderung ab einem Datum neu berechnen“ neu.',
    });
  }
  if (e.grund === 'tod' && erstattung) {
    fehler.push({
      path: 'ab',
      code: 'erstattung_tod',
      message:
        'Für Monate ab diesem Datum wurde bereits gezahlt. Von der verstorbenen Person kann nichts zurückgefordert werden; eine Rückforderung richtet sich an die Erben und wird gesondert geprüft. Bitte heben Sie ab dem ersten noch nicht gezahlten Monat auf.',
    });
  }

  let tatbestand: Begruendung | null = null;
  const tb = (e.tatbestand ?? '').trim();
  if (tb) {
    if (Object.hasOwn(AUFHEBUNG_TATBESTAENDE, tb)) {
      const t = AUFHEBUNG_TATBESTAENDE[tb as AufhebungTatbestand];
      tatbestand = { code: tb, text: t.text, norm: t.norm };
    } else fehler.push({ path: 'tatbestand', code: 'tatbestand_ungueltig', message: 'Bitte wählen Sie einen Tatbestand aus der Liste.' });
  } else if (brauchtTatbestand) {
    fehler.push({
      path: 'tatbestand',
      code: 'tatbestand_fehlt',
      message: erstattung
        ? 'Für bereits gezahlte Monate entsteht eine Erstattung. Das setzt eine Aufhebung für die Vergangenheit voraus: Bitte wählen Sie den Tatbestand nach § 48 Abs. 1 S. 2 SGB X.'
        : 'Die Aufhebung wirkt für die Vergangenheit (vor dem Ersten des nächsten Monats). Bitte wählen Sie den Tatbestand nach § 48 Abs. 1 S. 2 SGB X, sonst heben Sie erst ab dem nächsten Monat auf.',
    });
  }

  const anhoerungAm = (e.anhoerungAm ?? '').trim() || null;
  let anhoerungAusnahme: AufhebungsRecht['anhoerungAusnahme'] = null;
  const aus = (e.anhoerungAusnahme ?? '').trim();
  if (!anhoerungAm && aus) {
    const begruendung = (e.anhoerungAusnahmeGrund ?? '').trim();
    if (!Object.hasOwn(ANHOERUNG_AUSNAHMEN, aus)) {
      fehler.push({ path: 'anhoerungAusnahme', code: 'ausnahme_ungueltig', message: 'Bitte wählen Sie eine Ausnahme von der Anhörung aus der Liste.' });
    } else if (aus === 'nr5' && e.grund !== 'wegfall_hilfebeduerftigkeit') {
      fehler.push({
        path: 'anhoerungAusnahme',
        code: 'ausnahme_unpassend',
        message: '§ 24 Abs. 2 Nr. 5 SGB X gilt nur, wenn einkommensabhängige Leistungen an geänderte Verhältnisse angepasst werden (Grund: Wegfall der Hilfebedürftigkeit).',
      });
    } else if (!begruendung) {
      fehler.push({ path: 'anhoerungAusnahmeGrund', code: 'ausnahme_grund_fehlt', message: 'Bitte begründen Sie, warum von der Anhörung abgesehen wird.' });
    } else if (begruendung.length > FREITEXT_MAX) {
      fehler.push({ path: 'anhoerungAusnahmeGrund', code: 'grund_zu_lang', message: `Die Begründung darf höchstens ${FREITEXT_MAX} Zeichen lang sein.` });
    } else {
      const a = ANHOERUNG_AUSNAHMEN[aus as AnhoerungAusnahme];
      anhoerungAusnahme = { code: aus, text: a.text, norm: a.norm, begruendung };
    }
  } else if (!anhoerungAm) {
    // § 24 Abs. 1 SGB X: also an Aufhebung only for the future takes away a granted right (Eingriff), so every
    // Aufhebung needs the Anhörung or a documented exception of § 24 Abs. 2 SGB X
    fehler.push({
      path: 'anhoerungAm',
      code: 'anhoerung_fehlt',
      message:
        'Vor einer Aufhebung ist die Person anzuhören (§ 24 Abs. 1 SGB X) – auch wenn die Aufhebung nur für die Zukunft wirkt. Bitte geben Sie das Datum der Anhörung an oder wählen und begründen Sie eine Ausnahme nach § 24 Abs. 2 SGB X.',
    });
  }
  if (anhoerungAm && e.anhoerungAm && anhoerungAm > e.entscheidungsdatum) {
    fehler.push({ path: 'anhoerungAm', code: 'datum_ungueltig', message: 'Das Datum der Anhörung darf nicht in der Zukunft liegen.' });
  }
  return { recht: { vergangenheit, tatbestand, anhoerungAm, anhoerungAusnahme }, fehler };
}

/** The sentence on the Anhörung for the Bescheid: its date or the exception of § 24 Abs. 2 SGB X; null: none. */
export function anhoerungsHinweis(
  a: { anhoerungAm: string | null; anhoerungAusnahme?: { text: string; norm: string; begruendung: string } | null | undefined },
  datumText: (tag: string) => string,
): string | null {
  if (a.anhoerungAm) {
    return `Sie hatten vor dieser Entscheidung Gelegenheit, sich zu den maßgeblichen Tatsachen zu äußern (Anhörung vom ${datumText(a.anhoerungAm)}, § 24 Abs. 1 SGB X).`;
  }
  const x = a.anhoerungAusnahme;
  if (x) return `Von einer Anhörung wurde abgesehen (${x.norm}): ${x.text} ${x.begruendung}`;
  return null;
}
