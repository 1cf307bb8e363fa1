import { de, type Messages } from './de.ts';
import { en } from './en.ts';
import { uk } from './uk.ts';
import { ar } from './ar.ts';
import { tr } from './tr.ts';

/**
 * Citizen-facing text is translatable from the start: every string a citizen reads comes from these
 * dictionaries. German is the legally binding text; staff pages are German only.
 */
export const LANGUAGES = { de: 'Deutsch', en: 'English', uk: 'Українська', ar: 'العربية', tr: 'Türkçe' } as const;
/** Languages written right to left (the shell sets dir="rtl" on <html>). */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar']);
export type Lang = keyof typeof LANGUAGES;
export const isLang = (v: unknown): v is Lang => typeof v === 'string' && v in LANGUAGES;

export const dictionaries: Record<Lang, Partial<Messages>> = { de, en, uk, ar, tr };

export type MessageKey = keyof Messages;

/** Looks up a text and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = dictionaries[lang][key] ?? de[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;
export const translator = (lang: Lang): T => (key, params) => translate(lang, key, params);
