/** Bewilligung: period, month-by-month computation, comparison, § 41a, Vier-Augen, Ablehnung (pure, no IO). */
export * from './monat.ts';
export * from './zeitraum.ts';
export * from './berechnung.ts';
export * from './vergleich.ts';
export * from './vorlaeufig.ts';
export * from './vieraugen.ts';
export * from './ablehnung.ts';
export * from './aufhebung.ts';
export * from './erstattung.ts';
