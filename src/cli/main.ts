
/** The `vorort` command. Each command lives in src/cli/commands/<name>.ts and is loaded on demand. */
const COMMANDS: Record<string, { summary: string; run: (args: string[]) => Promise<number> }> = {
  start: {
    summary: 'Startet vorort (Web und API) auf http://localhost:3000 – mit eingebettetem PostgreSQL, falls DATABASE_URL fehlt.',
    run: async (args) => (await import('./commands/start.ts')).startCommand(args),
  },
  migrate: {
    summary: 'Wendet alle ausstehenden Datenbank-Migrationen an und beendet sich.',
    run: async (args) => (await import('./commands/migrate.ts')).migrateCommand(args),
  },
  berechnen: {
    summary: 'Berechnet den Leistungsanspruch eines Falls: JSON (Format v1) aus Datei oder stdin, Ergebnis als JSON.',
    run: async (args) =>
      (await import('./commands/berechnen.ts')).berechnenCommand({ args, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }),
  },
  kennzahlen: {
    summary: 'Berechnet die Kennzahlen nach § 48a SGB II: JSON (Format v1) aus Datei oder stdin, Ergebnis als JSON.',
    run: async (args) =>
      (await import('./commands/kennzahlen.ts')).kennzahlenCommand({ args, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }),
  },
  'demo-statistik': {
    summary: 'Füllt den Demo-Träger mit einer Statistik-Geschichte in Kreisgröße (Fallakten, Bewilligungen, Integrationen; Standard 8.000 BG über 36 Monate) und erstellt die Monats-Snapshots.',
    run: async (args) => (await import('./commands/demo-statistik.ts')).demoStatistikCommand(args),
  },
};

function help(): string {
  const lines = ['Aufruf: npx vorort <befehl> [optionen]', '', 'Befehle:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(12)} ${c.summary}`);
  lines.push('', '  --help       Diese Hilfe', '', 'Umgebungsvariablen: siehe README.md, Abschnitt "Konfiguration".');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unbekannter Befehl "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help')) {
    console.log(`npx vorort ${name}: ${command.summary}`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
