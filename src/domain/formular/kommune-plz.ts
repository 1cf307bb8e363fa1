/**
 * The Kommune of an address from its Postleitzahl: each Kommune of a Träger lists its PLZ (maintained in the
 * Verwaltung). A PLZ can span several Kommunen and a Kommune several PLZ, so the answer is unique only when exactly
 * one Kommune lists the PLZ; otherwise the citizen is asked (only between the candidates, if there are any).
 */
export type KommuneMitPlz = { id: string; name: string; postleitzahlen: readonly string[] };

export function kommunenZurPlz<K extends KommuneMitPlz>(plz: string | null | undefined, kommunen: readonly K[]): { eindeutig: K | null; kandidaten: K[] } {
  const p = (plz ?? '').trim();
  const kandidaten = /^\d{5}$/.test(p) ? kommunen.filter((k) => k.postleitzahlen.includes(p)) : [];
  return { eindeutig: kandidaten.length === 1 ? kandidaten[0]! : null, kandidaten };
}

/** "12345, 12347 12349" → sorted unique list; null if an entry is not five digits. */
export function parsePostleitzahlen(text: string): string[] | null {
  const teile = text.split(/[\s,;]+/).filter(Boolean);
  if (teile.some((t) => !/^\d{5}$/.test(t))) return null;
  return [...new Set(teile)].sort();
}
