import { ersterTag, letzterTag } from '../../domain/fallakte/index.ts';

/** Month and day bounds of a Bewilligungszeitraum (stored as days, shown as months). */
export const monatBis = (bis: string) => bis.slice(0, 7);
export const monatVonTag = (von: string) => von.slice(0, 7);
export const periodeTage = (beginn: string, ende: string) => ({ von: ersterTag(beginn), bis: letzterTag(ende) });
