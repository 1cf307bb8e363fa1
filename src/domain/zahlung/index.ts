/** Zahlung: Zahllauf plan (§ 42 Abs. 1 SGB II), SEPA pain.001, IBAN checks (pure, no IO). */
export * from './aufrechnung.ts';
export * from './iban.ts';
export * from './plan.ts';
export * from './sepa.ts';
