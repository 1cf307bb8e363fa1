import { deutscheAnzeige, lokalesDatum } from '../../../domain/termine/index.ts';
import { dictionaries, type Lang, type MessageKey } from '../../../i18n/index.ts';

/**
 * Dates, times and appointment types on the citizen's Termine pages in the page's language. German keeps the
 * wording of the mails and the calendar files ("Montag, 7. Dezember 2026, 08:00 Uhr"); the other languages use the
 * platform's locale data (Intl). Always in Berlin time: the appointment takes place there.
 */
const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB', uk: 'uk-UA', ar: 'ar', tr: 'tr-TR' };
const ZONE = 'Europe/Berlin';

/** Weekday, date and time of an instant. */
export function zeitText(instant: Date, lang: Lang): string {
  if (lang === 'de') return deutscheAnzeige(instant);
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant);
}

/** Weekday and date of a local calendar day 'YYYY-MM-DD' (a heading above the day's times). */
export function tagText(datum: string, lang: Lang): string {
  // noon UTC lies on the same calendar day in Berlin all year
  const mittag = new Date(`${datum}T12:00:00Z`);
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(mittag);
}

/** Time of day of an instant ('08:30'). */
export function uhrzeitText(instant: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(instant);
}

/**
 * The name of an appointment type in the page's language. The Träger names its Anliegen in German; the common
 * ones have a translation under `termine.anliegen.<schluessel>`. Any other Anliegen keeps the Träger's name.
 */
export function anliegenText(a: { schluessel: string; name: string }, lang: Lang): string {
  if (lang === 'de') return a.name;
  const key = `termine.anliegen.${a.schluessel}` as MessageKey;
  return dictionaries[lang][key] ?? a.name;
}

/** Groups times by local calendar day (in order), for a compact list per day. */
export function nachTag<Z extends { beginn: Date }>(zeiten: readonly Z[]): { datum: string; zeiten: Z[] }[] {
  const tage: { datum: string; zeiten: Z[] }[] = [];
  for (const z of zeiten) {
    const datum = lokalesDatum(z.beginn);
    const letzter = tage[tage.length - 1];
    if (letzter && letzter.datum === datum) letzter.zeiten.push(z);
    else tage.push({ datum, zeiten: [z] });
  }
  return tage;
}
