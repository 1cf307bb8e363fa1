import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import type { Actor } from '../../src/server/context.ts';
import type { Clock } from '../../src/server/clock.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from './app.ts';

/**
 * The API test bed every integration file shares: the real application on a fresh database (demo data by default),
 * sign-ins of the demo roles (on first use, by the local part of the address: `leistung` → leistung@musterland.example,
 * or a whole address), `api()` with the session of a role, HTML pages and forms, a new Fall through the API, the
 * Träger and Kommunen of the demo, and the text of a PDF. Call it once at the top level of a test file.
 */
export type ApiTestbed = {
  /** the application (valid from beforeAll on) */
  readonly t: TestApp;
  /** the cookie jar of a demo account, signed in on first use */
  jar: (wer: string) => Promise<CookieJar>;
  /** a JSON API request with the account's session (`wer` null: anonymous) */
  api: (wer: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  /** a page (HTML) with the account's session; cookies set by the page are kept */
  seite: (wer: string, url: string) => Promise<LightMyRequestResponse>;
  /** a form posted like a browser (with the CSRF token of the page) */
  formular: (wer: string, url: string, felder: Record<string, string | string[]>) => Promise<LightMyRequestResponse>;
  /** id of a demo Träger by slug (default: musterland) */
  traeger: (slug?: string) => Promise<string>;
  /** ids of the Kommunen of a demo Träger by name */
  kommunen: (slug?: string) => Promise<Record<string, string>>;
  /** a new Fall (Erstantrag through the API) of a family of four in Musterstadt; ids of BG and persons */
  neuerFall: (nachname: string, opts?: { iban?: string; wer?: string }) => Promise<{ bgId: string; personIds: Record<string, string> }>;
  /** the Actor of a demo account, for calling a use case directly */
  actor: (email: string) => Promise<Actor>;
};

export const email = (wer: string) => (wer.includes('@') ? wer : `${wer}@musterland.example`);

/** The Erstantrag the test bed's `neuerFall` sends: two adults (one earning), two children, rent in Musterstadt. */
export const erstantrag = (kommuneId: string, nachname: string, iban = 'DE02120300000000202051') => ({
  antragsdatum: '2024-06-12',
  eingangskanal: 'papier',
  personen: [
    { ref: 'a', vorname: 'Aylin', nachname, geburtsdatum: '1985-03-10', staatsangehoerigkeit: 'DE', rolle: 'antragsteller', einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Bäckerei Korn', bruttoCent: 120000, nettoCent: 95000 }] },
    { ref: 'b', vorname: 'Ben', nachname, geburtsdatum: '1987-05-10', staatsangehoerigkeit: 'DE', rolle: 'partner' },
    { ref: 'c', vorname: 'Clara', nachname, geburtsdatum: '2017-01-10', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
    { ref: 'd', vorname: 'David', nachname, geburtsdatum: '2010-01-10', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
  ],
  adresse: { strasse: 'Lindenweg', hausnummer: '4', plz: '12345', ort: 'Musterstadt', kommuneId },
  bank: { iban, kontoinhaber: `Aylin ${nachname}` },
  unterkunft: { grundmieteCent: 57000, nebenkostenCent: 14000, heizkostenCent: 14000 },
});

export function useApiTestbed(opts: { seed?: boolean; traegerKonto?: boolean; config?: Partial<Config>; clock?: Clock } = {}): ApiTestbed {
  let t: TestApp | undefined;
  const jars = new Map<string, Promise<CookieJar>>();
  beforeAll(async () => {
    t = await createTestApp({ seed: opts.seed ?? true, ...(opts.traegerKonto !== undefined ? { traegerKonto: opts.traegerKonto } : {}), ...(opts.config ? { config: opts.config } : {}), ...(opts.clock ? { clock: opts.clock } : {}) });
  });
  afterAll(async () => {
    await t?.close();
  });
  const app = () => {
    if (!t) throw new Error('API-Testumgebung: die Anwendung läuft erst ab beforeAll.');
    return t;
  };
  const jar = (wer: string) => {
    let j = jars.get(wer);
    if (!j) jars.set(wer, (j = signIn(app().app, email(wer))));
    return j;
  };
  const bed: ApiTestbed = {
    get t() {
      return app();
    },
    jar,
    async api(wer, method, url, payload) {
      const cookie = wer ? (await jar(wer)).header() : '';
      return app().app.inject({
        method,
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    },
    async seite(wer, url) {
      const j = await jar(wer);
      return j.store(await app().app.inject({ url, headers: { cookie: j.header(), accept: 'text/html' } }));
    },
    async formular(wer, url, felder) {
      return postForm(app().app, await jar(wer), url, felder);
    },
    async traeger(slug = 'musterland') {
      const r = await app().ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = ${slug}`));
      if (!r.rows[0]) throw new Error(`kein Träger ${slug}`);
      return r.rows[0].id;
    },
    async kommunen(slug = 'musterland') {
      const traegerId = await bed.traeger(slug);
      const k = await app().ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string }>(sql`select id, name from kommunen where traeger_id = ${traegerId}`));
      return Object.fromEntries(k.rows.map((r) => [r.name, r.id]));
    },
    async neuerFall(nachname, o = {}) {
      const kommuneId = (await bed.kommunen()).Musterstadt!;
      const res = await bed.api(o.wer ?? 'leistung', 'POST', '/api/faelle', erstantrag(kommuneId, nachname, o.iban));
      if (res.statusCode !== 201) throw new Error(`Erstantrag: ${res.statusCode} ${res.body}`);
      return { bgId: res.json().bg.id, personIds: res.json().personIds };
    },
    async actor(adresse) {
      const r = await app().ctx.db.withSystem((tx) =>
        tx.execute<{ id: string; name: string; roles: string[]; traeger_id: string; traeger_name: string; art: string }>(
          sql`select u.id, u.name, u.roles, u.traeger_id, t.name as traeger_name, u.art from users u join traeger t on t.id = u.traeger_id where lower(u.email) = lower(${email(adresse)})`,
        ),
      );
      const u = r.rows[0];
      if (!u) throw new Error(`kein Konto ${adresse}`);
      return { userId: u.id, traegerId: u.traeger_id, traegerName: u.traeger_name, art: u.art as Actor['art'], email: email(adresse), name: u.name, roles: u.roles as Actor['roles'], standorte: [], sessionId: 'test', requestId: 'test' };
    },
  };
  return bed;
}

/** The text of a PDF (pdftotext from poppler-utils), whitespace folded; `layout` keeps the columns. */
export function pdfText(pdf: Buffer, opts: { layout?: boolean; whitespace?: 'falten' | 'behalten' } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vorort-pdf-'));
  try {
    const datei = join(dir, 'a.pdf');
    writeFileSync(datei, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', ...(opts.layout ? ['-layout'] : []), datei, '-'], { encoding: 'utf8' });
    return opts.whitespace === 'behalten' ? text : text.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
