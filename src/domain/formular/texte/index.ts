import { de, type TextSchluessel } from './de.ts';
import { en } from './en.ts';

export type Sprache = 'de' | 'en';
export type { TextSchluessel } from './de.ts';
export { de as formularTexteDe } from './de.ts';
export { en as formularTexteEn } from './en.ts';

const woerterbuecher: Record<Sprache, Record<string, string>> = { de, en };

export function istTextSchluessel(k: string): k is TextSchluessel {
  return k in de;
}

/** A form text in the language (German if missing there), with `{name}` placeholders filled. Unknown keys come back as they are. */
export function text(schluessel: string, sprache: Sprache = 'de', params: Record<string, string | number> = {}): string {
  const roh = woerterbuecher[sprache][schluessel] ?? (de as Record<string, string>)[schluessel] ?? schluessel;
  return roh.replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? `{${n}}`));
}

/** The message for a validation code ("pflichtfeld" …); unknown codes get the general message. */
export function fehlertext(code: string, sprache: Sprache = 'de', params: Record<string, string | number> = {}): string {
  return text(istTextSchluessel(`fehler.${code}`) ? `fehler.${code}` : 'fehler.ungueltig', sprache, params);
}
