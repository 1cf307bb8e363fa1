import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routenTabelleMarkdown } from './routen-tabelle.ts';

const DATEI = fileURLToPath(new URL('../../docs/routen.md', import.meta.url));
const START = '<!-- routen:start -->';
const ENDE = '<!-- routen:end -->';

describe('docs/routen.md', () => {
  it('enthält die aus Seiten und Routen erzeugte Tabelle URL → Datei → Anwendungsfall', async () => {
    const tabelle = await routenTabelleMarkdown();
    if (process.env.UPDATE_DOCS === '1') {
      const text = readFileSync(DATEI, 'utf8');
      writeFileSync(DATEI, `${text.slice(0, text.indexOf(START) + START.length)}\n${tabelle}\n${text.slice(text.indexOf(ENDE))}`);
    }
    const text = readFileSync(DATEI, 'utf8');
    expect(text.slice(text.indexOf(START) + START.length, text.indexOf(ENDE)).trim()).toBe(tabelle);
    // every page path is listed once, and a page without a use case is the exception (start, info pages)
    expect(tabelle).toContain('| `/verwaltung/kommunen/neu` | `src/web/pages/verwaltung/kommunen.tsx` |');
    expect(tabelle).toMatch(/\| POST \| `\/api\/admin\/kommunen` \| `src\/server\/admin\/routes.ts` \| `verwaltung.kommune-anlegen` \|/);
  }, 120_000);
});
