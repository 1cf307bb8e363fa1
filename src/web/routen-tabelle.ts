import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RouteObject } from 'react-router';

/**
 * URL → file → use case, generated (issue 12, "URL → file in one hop"): for every page its path, the page file that
 * exports its route object and the use cases that file calls; for every API route its method and URL, the routes
 * file and the use case it is built from. docs/routen.md holds the result; src/web/routen-tabelle.test.ts keeps it
 * current (UPDATE_DOCS=1 writes it).
 */

const WURZEL = fileURLToPath(new URL('../..', import.meta.url));
const SEITEN = path.join(WURZEL, 'src/web/pages');
const SERVER = path.join(WURZEL, 'src/server');

type UseCaseLike = { name: string; execute: unknown; zugang: unknown };
const istUseCase = (x: unknown): x is UseCaseLike => typeof x === 'object' && x !== null && typeof (x as UseCaseLike).name === 'string' && typeof (x as UseCaseLike).execute === 'function' && 'zugang' in x;

function dateien(dir: string, endung: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? dateien(p, endung) : endung.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const rel = (p: string) => path.relative(WURZEL, p).split(path.sep).join('/');

/** Use cases a source file imports from src/server: `name` of each imported definition. */
async function useCasesVon(datei: string): Promise<string[]> {
  const text = readFileSync(datei, 'utf8');
  const namen = new Set<string>();
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    if (!m[2]!.startsWith('.')) continue;
    const ziel = path.resolve(path.dirname(datei), m[2]!);
    if (!ziel.startsWith(SERVER)) continue;
    const modul = (await import(pathToFileURL(ziel).href)) as Record<string, unknown>;
    for (const teil of m[1]!.split(',')) {
      const name = teil.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim();
      const wert = modul[name];
      if (istUseCase(wert)) namen.add(wert.name);
    }
  }
  return [...namen].sort();
}

function pfade(routes: RouteObject[], basis: string, aus: { pfad: string; route: RouteObject }[] = []) {
  for (const r of routes) {
    const pfad = r.path === undefined ? basis : r.path.startsWith('/') ? r.path : `${basis.replace(/\/$/, '')}/${r.path}`;
    if (r.path !== undefined || r.index) aus.push({ pfad: pfad || '/', route: r });
    if (r.children) pfade(r.children, pfad || '/', aus);
  }
  return aus;
}

export async function routenTabelleMarkdown(): Promise<string> {
  // pages: which file exports which route object
  const dateiVon = new Map<RouteObject, string>();
  for (const datei of dateien(SEITEN, /\.tsx?$/)) {
    const modul = (await import(pathToFileURL(datei).href)) as Record<string, unknown>;
    for (const wert of Object.values(modul)) if (typeof wert === 'object' && wert !== null && ('path' in wert || 'index' in wert)) dateiVon.set(wert as RouteObject, datei);
  }
  const { routes } = (await import('./routes.tsx')) as { routes: RouteObject[] };
  const zeilen: string[] = ['### Seiten', '', '| URL | Seitendatei | Anwendungsfälle |', '|---|---|---|'];
  const cache = new Map<string, string[]>();
  for (const { pfad, route } of pfade(routes, '')) {
    const datei = dateiVon.get(route);
    if (!datei) continue;
    if (!cache.has(datei)) cache.set(datei, await useCasesVon(datei));
    const ucs = cache.get(datei)!;
    zeilen.push(`| \`${pfad}\` | \`${rel(datei)}\` | ${ucs.length ? ucs.map((u) => `\`${u}\``).join(', ') : '–'} |`);
  }
  // API: every route registered in a routes file, with the use case it is built from (apiRoute) or that its handler calls
  zeilen.push('', '### API', '', '| Methode | URL | Datei | Anwendungsfall |', '|---|---|---|---|');
  const api: string[] = [];
  for (const datei of dateien(SERVER, /routes(-[a-z-]+)?\.ts$/)) {
    const text = readFileSync(datei, 'utf8');
    const ucNamen = new Map<string, string>();
    const importiert = await useCasesVonMitVariablen(datei);
    for (const [variable, name] of importiert) ucNamen.set(variable, name);
    for (const m of text.matchAll(/apiRoute\([^{]*\{\s*method:\s*'([A-Z]+)',\s*url:\s*'([^']+)',\s*useCase:\s*([A-Za-z0-9_]+)/g)) {
      api.push(`| ${m[1]} | \`${m[2]}\` | \`${rel(datei)}\` | \`${ucNamen.get(m[3]!) ?? m[3]}\` |`);
    }
    for (const m of text.matchAll(/\.(get|post|put|patch|delete)(?:<[^>]*>)?\(\s*'(\/api[^']*)'/g)) {
      api.push(`| ${m[1]!.toUpperCase()} | \`${m[2]}\` | \`${rel(datei)}\` | (eigene Route) |`);
    }
  }
  zeilen.push(...api.sort((a, b) => a.split('|')[2]!.localeCompare(b.split('|')[2]!) || a.localeCompare(b)));
  return zeilen.join('\n');
}

/** variable name → use case name, for the definitions a routes file imports */
async function useCasesVonMitVariablen(datei: string): Promise<Map<string, string>> {
  const text = readFileSync(datei, 'utf8');
  const aus = new Map<string, string>();
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    if (!m[2]!.startsWith('.')) continue;
    const ziel = path.resolve(path.dirname(datei), m[2]!);
    if (!ziel.startsWith(SERVER)) continue;
    const modul = (await import(pathToFileURL(ziel).href)) as Record<string, unknown>;
    for (const teil of m[1]!.split(',')) {
      const [name, alias] = teil.trim().replace(/^type\s+/, '').split(/\s+as\s+/).map((x) => x.trim());
      const wert = modul[name!];
      if (istUseCase(wert)) aus.set(alias ?? name!, wert.name);
    }
  }
  return aus;
}
