import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parameterTabelleMarkdown } from './dokumentation.ts';

const DATEI = fileURLToPath(new URL('../../../docs/berechnung.md', import.meta.url));
const START = '<!-- parameter:start -->';
const ENDE = '<!-- parameter:end -->';

describe('docs/berechnung.md', () => {
  const tabelle = parameterTabelleMarkdown();
  if (process.env.UPDATE_DOCS === '1') {
    const text = readFileSync(DATEI, 'utf8');
    const a = text.indexOf(START) + START.length;
    const b = text.indexOf(ENDE);
    writeFileSync(DATEI, `${text.slice(0, a)}\n${tabelle}\n${text.slice(b)}`);
  }
  it('enthält die aus den Parameterdateien erzeugte Tabelle', () => {
    const text = readFileSync(DATEI, 'utf8');
    const abschnitt = text.slice(text.indexOf(START) + START.length, text.indexOf(ENDE)).trim();
    expect(abschnitt).toBe(tabelle);
  });
});
