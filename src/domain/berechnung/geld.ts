/** Money as integer cents. Rounding follows § 41 Abs. 2 SGB II: to the cent, half up. */

/** Euro amount with at most two decimals → cents. */
export function cent(betrag: number): number {
  return Math.round(betrag * 100);
}

/** Cents → euro number for the JSON output. */
export function euro(c: number): number {
  return c / 100;
}

/** z / n rounded half up for z ≥ 0, n > 0 (integers); negative z rounds symmetrically. */
export function teileGerundet(z: number, n: number): number {
  if (z < 0) return -teileGerundet(-z, n);
  const q = Math.floor(z / n);
  const r = z - q * n;
  return r * 2 >= n ? q + 1 : q;
}

/** `betragCent` × basis points / 10,000, rounded half up (§ 41 Abs. 2). */
export function prozentVon(betragCent: number, basispunkte: number): number {
  return teileGerundet(betragCent * basispunkte, 10000);
}

/** German money text, e.g. 1234567 → "12.345,67 €". */
export function euroText(c: number): string {
  const negativ = c < 0;
  const abs = Math.abs(c);
  const ganz = Math.floor(abs / 100);
  const rest = abs % 100;
  const tausender = String(ganz).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negativ ? '−' : ''}${tausender},${rest < 10 ? '0' : ''}${rest} €`;
}

/**
 * Splits `summe` cents in proportion to `gewichte` so that the parts add up exactly (largest remainder;
 * ties to the earlier index). Weights must be ≥ 0 with a positive total.
 */
export function verteileAnteilig(summe: number, gewichte: readonly number[]): number[] {
  let gesamt = 0;
  for (const g of gewichte) gesamt += g;
  const teile: number[] = Array.from({ length: gewichte.length }, () => 0);
  const reste: number[] = Array.from({ length: gewichte.length }, () => 0);
  let vergeben = 0;
  for (let i = 0; i < gewichte.length; i++) {
    // exact integer arithmetic: summe and weights are cents (< 2^31), product < 2^53
    const z = summe * (gewichte[i] as number);
    const q = Math.floor(z / gesamt);
    teile[i] = q;
    reste[i] = z - q * gesamt;
    vergeben += q;
  }
  let offen = summe - vergeben;
  while (offen > 0) {
    let best = -1;
    for (let i = 0; i < reste.length; i++) {
      if ((reste[i] as number) >= 0 && (best < 0 || (reste[i] as number) > (reste[best] as number))) best = i;
    }
    if (best < 0) break;
    teile[best] = (teile[best] as number) + 1;
    reste[best] = -1;
    offen--;
  }
  return teile;
}
