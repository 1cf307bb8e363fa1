import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config/config.ts';
import type { Database } from '../../db/client.ts';
import { statistikEinstellungenRepository } from '../../db/repositories/statistik-einstellungen.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { erzeugeStatistikDemo, type StatistikDemoErgebnis } from '../../db/seed/statistik-demo.ts';
import { heute as heuteVon, type Clock } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { baueFehlendeSnapshots } from './snapshot-bauen.ts';
import { DEMO_EIGENER_SCHLUESSEL, importiereVergleichsdatei } from './vergleich-import.ts';

/** The fictional comparison file of the demo (H3; plainly marked FIKTIV). */
export const DEMO_VERGLEICHSDATEI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/vergleich/kennzahlen-fiktiv.csv');

/** Default size of `npm start`'s first demo seed (see docs/statistik.md "Demo-Daten und Benchmark"). */
export const SEED_STANDARD = { bg: 800, monate: 36 } as const;

export type StatistikDemoZusammenfassung = StatistikDemoErgebnis & {
  snapshots: number;
  snapshotSekunden: number;
  vergleich: string;
  gesamtSekunden: number;
};

/** The last complete month as of `heute` ('YYYY-MM-DD' → 'YYYY-MM'). */
export function letzterVollerMonat(heute: string): string {
  const [j, m] = heute.split('-').map(Number) as [number, number];
  return m === 1 ? `${j - 1}-12` : `${j}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Generator + what needs the server layer: the Träger's Land (NW, for the Bundesbeteiligung) when it never saved its
 * settings, the fictional comparison file, and every missing monthly snapshot (back-filled in order). Used by
 * `npx vorort demo-statistik` and by the first demo seed of `npm start` (src/system.ts).
 */
export async function statistikDemoAufbauen(o: {
  db: Database;
  config: Config;
  clock: Clock;
  bg: number;
  monate: number;
  bis?: string;
  traegerSlug?: string;
  log?: (zeile: string) => void;
}): Promise<StatistikDemoZusammenfassung | { abgelehnt: string }> {
  const t0 = performance.now();
  const log = o.log ?? (() => {});
  const heute = heuteVon(o.clock.now());
  const bis = o.bis ?? letzterVollerMonat(heute);
  const e = await erzeugeStatistikDemo(o.db, { bg: o.bg, monate: o.monate, bis, log, ...(o.traegerSlug ? { traegerSlug: o.traegerSlug } : {}) });
  if ('abgelehnt' in e) return e;
  const traegerId = e.traegerId;
  const vergleich = await o.db.withTenant({ traegerId }, async (tx) => {
    const ein = await statistikEinstellungenRepository.lesen(tx);
    if (ein.version === 0) await statistikEinstellungenRepository.anlegen(tx, traegerId, { stichtagTag: null, land: 'NW', kleinzahlGrenze: ein.kleinzahlGrenze });
    if (!existsSync(DEMO_VERGLEICHSDATEI)) return 'keine Vergleichsdatei gefunden';
    const staff = await userRepository.list(tx, { art: 'staff' });
    const actor = staff.find((u) => u.roles.includes('controlling')) ?? staff.find((u) => u.roles.includes('admin')) ?? staff[0];
    if (!actor) return 'kein Konto für den Import';
    const r = await importiereVergleichsdatei({ tx, traegerId, actorId: actor.id, dateiname: path.basename(DEMO_VERGLEICHSDATEI), inhalt: readFileSync(DEMO_VERGLEICHSDATEI), fiktiv: true, eigenerSchluessel: DEMO_EIGENER_SCHLUESSEL });
    return `${r.zeilenUebernommen} Zeilen, ${r.jobcenter} Jobcenter (fiktiv)`;
  });
  log(`Vergleichsdatei: ${vergleich}.`);
  const ctx: AppContext = { config: o.config, db: o.db, clock: o.clock, mailer: { send: async () => {}, close: () => {} }, mailCatcher: null };
  const s0 = performance.now();
  const snaps = await baueFehlendeSnapshots({ ctx, traegerId, heute });
  const snapshotSekunden = Math.round((performance.now() - s0) / 100) / 10;
  log(`Snapshots: ${snaps.length} Monate in ${snapshotSekunden} s.`);
  return { ...e, snapshots: snaps.length, snapshotSekunden, vergleich, gesamtSekunden: Math.round((performance.now() - t0) / 100) / 10 };
}

/**
 * The first demo seed of `npm start` (src/system.ts) calls this after seeding: a smaller history than the Kreis size
 * (SEED_STANDARD; VORORT_DEMO_STATISTIK_BG overrides the number of BG, 0 switches it off; off by default when the
 * configuration is the test one).
 */
export async function statistikDemoBeimSeed(o: { db: Database; config: Config; clock: Clock; log?: (zeile: string) => void }): Promise<void> {
  const roh = process.env.VORORT_DEMO_STATISTIK_BG?.trim();
  // test runs (config env 'test') start without it unless asked for, so that their seed stays fast
  const bg = roh ? Number(roh) : o.config.env === 'test' ? 0 : SEED_STANDARD.bg;
  if (!Number.isInteger(bg) || bg <= 0) return;
  const log = o.log ?? (() => {});
  log(`Statistik-Demo: ${bg} Bedarfsgemeinschaften über ${SEED_STANDARD.monate} Monate werden erzeugt (npx vorort demo-statistik für Kreisgröße) …`);
  const r = await statistikDemoAufbauen({ db: o.db, config: o.config, clock: o.clock, bg, monate: SEED_STANDARD.monate });
  log('abgelehnt' in r ? `Statistik-Demo übersprungen: ${r.abgelehnt}` : `Statistik-Demo fertig (${r.gesamtSekunden} s).`);
}
