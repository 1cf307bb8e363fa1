import { text, type Sprache } from '../../../domain/formular/index.ts';
import { useRoot } from '../../hooks.ts';
import type { Lang } from '../../../i18n/index.ts';

/** Texts of the Bürgerportal pages come from the form dictionaries (src/domain/formular/texte), in the chosen language. */
export const spracheVon = (lang: Lang): Sprache => lang as Sprache;

export const portalT = (lang: Lang, key: string, params: Record<string, string | number> = {}) => text(key, spracheVon(lang), params);

export type PT = (key: string, params?: Record<string, string | number>) => string;

export function usePT(): PT {
  const { lang } = useRoot();
  return (key, params) => portalT(lang, key, params);
}

/** ISO day → "31.01.2025" (the German form is understood in every supported language). */
export function datumText(iso: string | null | undefined): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return '';
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
