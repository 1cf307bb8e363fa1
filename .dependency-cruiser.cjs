/**
 * The dependency rule of vorort (docs/ARCHITECTURE.md "Schichten", docs/adr/0014-schichtgrenzen-und-abhaengigkeitsregel.md).
 * `npm run deps` checks it; `npm test` runs it before vitest, so a forbidden import fails the build.
 *
 *   src/web ──> src/server ──> src/db ──> src/config
 *        \           \            \
 *         `───────────`────────────`──> src/domain, src/i18n (below everything that uses them)
 *
 * src/app.ts (composition root: server + pages), src/system.ts and src/cli sit on top and may import anything.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-ohne-ein-ausgabe',
      severity: 'error',
      comment: 'src/domain is pure business logic: no database, HTTP, pages, mail or configuration.',
      from: { path: '^src/domain/' },
      to: { path: '^src/(db|server|web|mail|config|cli|i18n)/|^src/(app|system)\\.ts$' },
    },
    {
      name: 'db-nur-domain-typen-und-config',
      severity: 'error',
      comment: 'src/db builds queries; it may use configuration and the types of src/domain, nothing above it.',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/(db|config|domain)/' },
    },
    {
      name: 'db-domain-nur-typen',
      severity: 'error',
      comment:
        'src/db may import src/domain for types only (import type …), never its code. Exception: the demo data ' +
        '(src/db/seed) computes real Bewilligungen with the engine, like any client of the domain would.',
      from: { path: '^src/db/', pathNot: '^src/db/seed/' },
      to: { path: '^src/domain/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-nicht-web',
      severity: 'error',
      comment: 'Use cases and API routes never import pages; the composition root src/app.ts joins both.',
      from: { path: '^src/server/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'web-nicht-db',
      severity: 'error',
      comment: 'Pages reach data only through use cases in src/server (one door), never through src/db.',
      from: { path: '^src/web/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'i18n-unten',
      severity: 'error',
      comment: 'The message catalogue (pages and mails) sits below server and web and imports neither.',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(db|server|web|mail|cli)/|^src/(app|system)\\.ts$' },
    },
    {
      name: 'keine-zyklen',
      severity: 'error',
      comment: 'No import cycle of code: every module of the cycle loads the next one at run time.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'zyklus-ueber-typen',
      severity: 'warn',
      comment:
        'A cycle with an `import type` leg: erased by TypeScript (verbatimModuleSyntax), so no load-order risk, ' +
        'but still two files that know each other. Shown as a warning; move the shared type to one of them.',
      from: { path: '^src/' },
      to: { circular: true, via: { dependencyTypes: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/static/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
