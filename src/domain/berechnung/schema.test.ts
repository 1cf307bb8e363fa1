import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from './jsonschema.ts';

const datei = (name: string): string => fileURLToPath(new URL(`../../../docs/schema/${name}`, import.meta.url));

describe('JSON Schema der Austauschformate v1', () => {
  const { input, ergebnis } = jsonSchemas();
  if (process.env.UPDATE_SCHEMA === '1') {
    writeFileSync(datei('berechnung-input.v1.json'), `${JSON.stringify(input, null, 2)}\n`);
    writeFileSync(datei('berechnung-ergebnis.v1.json'), `${JSON.stringify(ergebnis, null, 2)}\n`);
  }
  it('docs/schema/berechnung-input.v1.json entspricht dem zod-Schema', () => {
    expect(JSON.parse(readFileSync(datei('berechnung-input.v1.json'), 'utf8'))).toEqual(input);
  });
  it('docs/schema/berechnung-ergebnis.v1.json entspricht dem zod-Schema', () => {
    expect(JSON.parse(readFileSync(datei('berechnung-ergebnis.v1.json'), 'utf8'))).toEqual(ergebnis);
  });
});
