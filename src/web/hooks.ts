import { useRouteLoaderData } from 'react-router';
import { translator, type T } from '../i18n/index.ts';
import type { RootData } from './pages/root.tsx';

export const useRoot = (): RootData => useRouteLoaderData('root') as RootData;

/** The translator for citizen pages (the language chosen in the switch). */
export function useT(): T {
  return translator(useRoot().lang);
}
