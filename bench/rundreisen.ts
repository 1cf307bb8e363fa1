/**
 * Counts the database round trips of one refused booking (the slot is already taken) over HTTP:
 *
 *   node --import tsx bench/rundreisen.ts
 *
 * Starts vorort on a fresh embedded database (or a new database of DATABASE_URL), books one slot, then books the same
 * slot again and counts every statement sent to PostgreSQL while the second request runs. One JSON line at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { testConfig } from '../src/config/config.ts';
import { systemClock } from '../src/server/clock.ts';
import { startSystem } from '../src/system.ts';
import { buildApp } from '../src/app.ts';

const gesendet: string[] = [];
let zaehlen = false;
const original = Client.prototype.query as (...args: unknown[]) => unknown;
(Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
  if (zaehlen) {
    const q = args[0];
    gesendet.push(typeof q === 'string' ? q : String((q as { text?: string; name?: string }).text ?? (q as { name?: string }).name ?? '?'));
  }
  return original.apply(this, args);
};

const dataDir = mkdtempSync(path.join(tmpdir(), 'vorort-rundreisen-'));
const config = testConfig({ dataDir, databaseUrl: process.env.DATABASE_URL, demoData: true, logLevel: 'silent' });
const system = await startSystem(config, { log: () => {}, jobs: false });
const app = await buildApp({ config, db: system.db, mailer: system.mailer, mailCatcher: system.mailCatcher, clock: systemClock }, { logger: false });
try {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'buerger@musterland.example', password: 'vorort-demo' } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const heute = new Date().toISOString().slice(0, 10);
  const bis = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const zeiten = (await app.inject({ url: `/api/termine/freie-zeiten?anliegen=leistungsfragen&kanal=vor_ort&von=${heute}&bis=${bis}` })).json() as { zeiten: { beginn: string; plaetze: number }[] };
  const zeit = zeiten.zeiten.find((z) => z.plaetze === 1) ?? zeiten.zeiten[0]!;
  const buchen = () => app.inject({ method: 'POST', url: '/api/termine', headers: { cookie }, payload: { anliegenId: 'leistungsfragen', kanal: 'vor_ort', beginn: zeit.beginn } });
  for (let i = 0; i < zeit.plaetze; i++) await buchen();
  await buchen(); // warm-up of the refused path (prepared statements, caches)
  zaehlen = true;
  const abgelehnt = await buchen();
  zaehlen = false;
  for (const [i, q] of gesendet.entries()) console.log(`${String(i + 1).padStart(2)} ${q.replace(/\s+/g, ' ').slice(0, 160)}`);
  console.log(JSON.stringify({ status: abgelehnt.statusCode, roundTrips: gesendet.length }));
} finally {
  await app.close();
  await system.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
