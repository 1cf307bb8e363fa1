#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages of other systems.
//
// Why: some packages (oxlint, rollup, …) ship their native code as optional dependencies, one per platform
// (@oxlint/binding-darwin-arm64, @rollup/rollup-win32-x64-msvc, …). The npm registry mirror of our machines serves
// only the Linux ones; for the others it answers 404, and `npm install` then leaves them out of the lock file.
// `npm ci` however insists that every optional dependency has an entry and stops with
// "Missing: @oxlint/binding-…@ from lock file" – so `npm ci` on a clean clone fails.
// This script adds the missing entries (version, optional, os/cpu/libc read from the package name), exactly as npm
// writes them on an unrestricted registry. npm skips entries for other platforms when installing.
//
//   node .ci/complete-lockfile.mjs          add missing entries (run after every `npm install`)
//   node .ci/complete-lockfile.mjs --check  exit 1 if entries are missing (used by .ci/run before `npm ci`)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const check = process.argv.includes('--check');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages ?? {};

const CPUS = ['arm64', 'x64', 'ia32', 'ppc64', 'riscv64', 's390x', 'loong64', 'arm'];
function platformOf(name) {
  const m = /-(android|darwin|freebsd|linux|openharmony|win32|openbsd|netbsd|sunos|aix)-(.+)$/.exec(name);
  if (!m) return {};
  const rest = m[2];
  const cpu = CPUS.find((c) => rest === c || rest.startsWith(`${c}-`));
  const out = { os: [m[1]] };
  if (cpu) out.cpu = [cpu];
  if (m[1] === 'linux' && /musl/.test(rest)) out.libc = ['musl'];
  else if (m[1] === 'linux' && /gnu/.test(rest)) out.libc = ['glibc'];
  return out;
}

/** Where npm would resolve `name` from the package at `from` (walking up the node_modules folders). */
function resolved(from, name) {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const idx = dir.lastIndexOf('/node_modules/');
    dir = idx === -1 ? '' : dir.slice(0, idx);
  }
}

const missing = [];
for (const [key, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolved(key, name)) continue;
    missing.push({ where: `node_modules/${name}`, name, entry: { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platformOf(name) } });
  }
}

if (check) {
  if (missing.length === 0) {
    console.log('package-lock.json: alle optionalen Plattform-Pakete eingetragen.');
    process.exit(0);
  }
  console.error(`package-lock.json: ${missing.length} optionale Pakete fehlen (z. B. ${missing[0].name}); \`npm ci\` würde abbrechen.`);
  console.error('Beheben mit: node .ci/complete-lockfile.mjs (nach jedem npm install), dann package-lock.json committen.');
  process.exit(1);
}

for (const m of missing) packages[m.where] ??= m.entry;
const sorted = {};
for (const key of Object.keys(packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en')))) sorted[key] = packages[key];
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${missing.length} Einträge ergänzt.`);
