import { de, type TextSchluessel } from './de.ts';
import { en } from './en.ts';
import { beschriftungenDe } from './beschriftungen.de.ts';
import { beschriftungenEn } from './beschriftungen.en.ts';

export type Sprache = 'de' | 'en' | 'uk' | 'ar' | 'tr';
export const SPRACHEN: readonly Sprache[] = ['de', 'en', 'uk', 'ar', 'tr'];
export type { TextSchluessel } from './de.ts';
export { de as formularTexteDe } from './de.ts';
export { en as formularTexteEn } from './en.ts';

import { formularUk } from './uk.ts';
import { formularAr } from './ar.ts';
import { formularTr } from './tr.ts';

/** Every language: the flow texts (de.ts/en.ts …) merged with the field labels and portal texts (beschriftungen.*). */
export const woerterbuecher: Record<Sprache, Record<string, string>> = {
  de: { ...de, ...beschriftungenDe },
  en: { ...en, ...beschriftungenEn },
  uk: formularUk,
  ar: formularAr,
  tr: formularTr,
};

export function istTextSchluessel(k: string): k is TextSchluessel {
  return k in de || k in beschriftungenDe;
}

/** A form text in the language (German if missing there), with `{name}` placeholders filled. Unknown keys come back as they are. */
export function text(schluessel: string, sprache: Sprache = 'de', params: Record<string, string | number> = {}): string {
  const roh = woerterbuecher[sprache][schluessel] ?? woerterbuecher.de[schluessel] ?? schluessel;
  return roh.replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? `{${n}}`));
}

/** The message for a validation code ("pflichtfeld" …); unknown codes get the general message. */
export function fehlertext(code: string, sprache: Sprache = 'de', params: Record<string, string | number> = {}): string {
  return text(istTextSchluessel(`fehler.${code}`) ? `fehler.${code}` : 'fehler.ungueltig', sprache, params);
}
