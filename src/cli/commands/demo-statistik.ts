import { loadConfig } from '../../config/config.ts';
import { createDatabase } from '../../db/client.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded.ts';
import { runMigrations } from '../../db/migrate.ts';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { seedDemoData } from '../../db/seed/demo.ts';
import { heute as heuteVon, systemClock } from '../../server/clock.ts';
import { hashPassword } from '../../server/security/passwords.ts';
import { statistikDemoAufbauen } from '../../server/statistik/demo-aufbauen.ts';
import { ensureDatabase, safeTarget } from '../../system.ts';

type Optionen = { bg: number; monate: number; traeger?: string; bis?: string };

function leseOptionen(args: string[]): Optionen | string {
  const o: Optionen = { bg: 8000, monate: 36 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const wert = inline ?? args[++i];
    if (wert === undefined) return `Wert fehlt für ${name}.`;
    if (name === '--bg' || name === '--monate') {
      const n = Number(wert);
      if (!Number.isInteger(n) || n < 1) return `${name} erwartet eine ganze Zahl ≥ 1, nicht "${wert}".`;
      if (name === '--bg') o.bg = n;
      else o.monate = n;
    } else if (name === '--traeger') o.traeger = wert;
    else if (name === '--bis') {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(wert)) return `--bis erwartet einen Monat JJJJ-MM, nicht "${wert}".`;
      o.bis = wert;
    } else return `Unbekannte Option ${name}. Optionen: --bg N (8000), --monate N (36), --traeger slug (musterland), --bis JJJJ-MM (letzter voller Monat).`;
  }
  return o;
}

/**
 * `npx vorort demo-statistik [--bg 8000] [--monate 36] [--traeger musterland] [--bis YYYY-MM]`: fills the demo Träger
 * with a Kreis-sized statistical history and builds the monthly snapshots. On an empty database it first loads the
 * demo data of `npm start`. Refuses (exit 1, nothing written) when the Träger already has Statistik-Demodaten.
 */
export async function demoStatistikCommand(args: string[]): Promise<number> {
  const opt = leseOptionen(args);
  if (typeof opt === 'string') {
    console.error(opt);
    return 2;
  }
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, ausweichen: !config.dataDirGesetzt, hinweis: (l) => console.log(l) });
    url = await ensureDatabase(embedded.connectionString, 'vorort');
  }
  const db = createDatabase(url, { statementTimeoutMs: 0 });
  try {
    await runMigrations(url);
    const leer = await db.withSystem((tx) => directoryRepository.isEmpty(tx));
    if (leer) {
      if (config.env === 'production') {
        console.error('Die Datenbank ist leer; Demodaten werden in Produktion nicht angelegt.');
        return 1;
      }
      await seedDemoData(db, hashPassword, { heute: heuteVon(systemClock.now()) });
      console.log('Leere Datenbank: Demodaten von npm start angelegt.');
    }
    console.log(`Statistik-Demo in ${safeTarget(url)}: ${opt.bg} Bedarfsgemeinschaften, ${opt.monate} Monate …`);
    const r = await statistikDemoAufbauen({
      db,
      config,
      clock: systemClock,
      bg: opt.bg,
      monate: opt.monate,
      ...(opt.bis ? { bis: opt.bis } : {}),
      ...(opt.traeger ? { traegerSlug: opt.traeger } : {}),
      log: (l) => console.log(l),
    });
    if ('abgelehnt' in r) {
      console.error(r.abgelehnt);
      return 1;
    }
    const groesse = await db.withSystem(async (tx) => (await tx.execute<{ g: string }>('select pg_size_pretty(pg_database_size(current_database())) as g')).rows[0]?.g ?? '?');
    console.log(
      [
        `Fertig in ${r.gesamtSekunden} s (Daten ${r.sekunden} s, Snapshots ${r.snapshotSekunden} s).`,
        `  Zeitraum ${r.von} bis ${r.bis}; Bedarfsgemeinschaften ${r.bg} (davon am Ende im Bezug ${r.bgAmEnde}), Personen ${r.personen}`,
        `  Bewilligungen ${r.bewilligungen} mit ${r.bewilligungMonate} Monaten (${r.engineLaeufe} Berechnungen der Engine), Erstanträge ${r.antraege}`,
        `  Arbeitsaufnahmen ${r.integrationen}, Maßnahme-Teilnahmen ${r.teilnahmen}, Arbeitsmarktstatus-Zeiträume ${r.statusPerioden}`,
        `  Snapshots ${r.snapshots}; Vergleich: ${r.vergleich}; Datenbankgröße ${groesse}`,
      ].join('\n'),
    );
    return 0;
  } finally {
    await db.close();
    if (embedded) await embedded.stop();
  }
}
