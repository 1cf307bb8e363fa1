/**
 * Fallakte of a Bedarfsgemeinschaft – pure domain (docs/fallakte.md): dated facts, the state on a day or for a
 * month, changes "ab Datum X", and the engine input. No IO.
 */
export * from './datum.ts';
export * from './perioden.ts';
export * from './typen.ts';
export * from './zustand.ts';
export * from './berechnung.ts';
export * from './antragsdaten.ts';
export * from './erstantrag.ts';
