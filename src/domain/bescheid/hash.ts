/** Canonical JSON (keys sorted, no whitespace) and its SHA-256 – the content hash of a Bescheid. */
import { createHash } from 'node:crypto';

export function kanonischesJson(wert: unknown): string {
  if (wert === null || typeof wert !== 'object') {
    if (typeof wert === 'number' && !Number.isFinite(wert)) throw new TypeError('Nicht endliche Zahl im Bescheid');
    return JSON.stringify(wert) ?? 'null';
  }
  if (Array.isArray(wert)) return `[${wert.map((w) => kanonischesJson(w === undefined ? null : w)).join(',')}]`;
  const obj = wert as Record<string, unknown>;
  const teile: string[] = [];
  for (const k of Object.keys(obj).sort()) {
    const v = obj[k];
    if (v === undefined) continue;
    teile.push(`${JSON.stringify(k)}:${kanonischesJson(v)}`);
  }
  return `{${teile.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
