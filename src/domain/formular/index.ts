/** Form flows of the Bürgerportal: generic engine, field builders, flow configurations, checklist, calculation mapping. */
export * from './engine.ts';
export * from './felder.ts';
export * from './flows/erstantrag-daten.ts';
export { erstantragFlow, weiterbewilligungFlow } from './flows/erstantrag.ts';
export * from './flows/veraenderung.ts';
export * from './nachweise.ts';
export * from './berechnung.ts';
export { text, fehlertext, SPRACHEN, woerterbuecher, type Sprache, type TextSchluessel, formularTexteDe, formularTexteEn } from './texte/index.ts';
