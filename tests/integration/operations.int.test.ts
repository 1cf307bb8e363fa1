import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { createDatabase, isDatabaseUnavailable, type Database } from '../../src/db/client.ts';
import { freePort } from '../../src/db/embedded.ts';
import { seedDemoData } from '../../src/db/seed/demo.ts';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';
import { buildApp, type App } from '../../src/app.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testClock } from '../helpers/clock.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

/**
 * Operations: what an operator sees when things go wrong — a database that goes away while vorort runs,
 * the `vorort` command with bad settings, unknown routes, malformed requests, and the API description.
 */

// ---------------------------------------------------------------------------------------------------------
// A TCP proxy between the application and its test database, so the test can pull the plug and put it back.

type Proxy = {
  url: string;
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  /** The server "freezes" (like SIGSTOP): connections stay open, nothing is forwarded any more. */
  freeze: () => void;
  close: () => Promise<void>;
};

async function startProxy(targetUrl: string): Promise<Proxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  let frozen = false;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const srv = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        upstream.connect(targetPort, target.hostname, () => {
          client.on('data', (d: Buffer) => {
            if (!frozen) upstream.write(d);
          });
          upstream.on('data', (d: Buffer) => {
            if (!frozen) client.write(d);
          });
        });
      });
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        port = (srv.address() as AddressInfo).port;
        server = srv;
        resolve();
      });
    });

  // Closing the listener frees the port: new connections are refused (ECONNREFUSED), like a stopped server.
  const cut = async () => {
    frozen = false;
    const srv = server;
    server = null;
    for (const s of sockets) s.destroy();
    sockets.clear();
    if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
  };

  await listen();
  const proxied = new URL(targetUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  // the embedded server also listens on a Unix socket (ADR 0012); the proxy stands on its TCP port
  proxied.searchParams.delete('host');
  return { url: proxied.toString(), cut, restore: listen, freeze: () => (frozen = true), close: cut };
}

describe('database outage while running', () => {
  let database: TestDatabase;
  let proxy: Proxy;
  let db: Database;
  let mail: MailCatcher;
  let mailer: Mailer;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db, hashPassword);
    proxy = await startProxy(database.url);
    db = createDatabase(proxy.url);
    mail = await startMailCatcher();
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${mail.port}`, from: 'vorort <no-reply@vorort.invalid>' });
    app = await buildApp({ config: testConfig(), db, mailer, mailCatcher: mail, clock: testClock() }, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close().catch(() => {});
    await proxy?.close();
    mailer?.close();
    await mail?.close();
    await database?.drop();
  });

  const login = () =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'leistung@musterland.example', password: 'vorort-demo' } });

  it('reports 503 while the database is gone and recovers without a restart', async () => {
    // Healthy, and the pool holds open connections through the proxy.
    const before = await app.inject({ url: '/api/health' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ status: 'ok', database: 'ok' });
    expect((await login()).statusCode).toBe(200);

    await proxy.cut();

    const down = await app.inject({ url: '/api/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'degraded', database: 'unavailable' });

    const apiDown = await login();
    expect(apiDown.statusCode).toBe(503);
    expect(apiDown.json()).toMatchObject({ error: 'database_unavailable' });
    expect(apiDown.json().message).toMatch(/Datenbank/);

    // A page that needs the database: the German error page with 503, not a crash.
    const pageDown = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(pageDown.statusCode).toBe(503);
    expect(pageDown.headers['content-type']).toMatch(/text\/html/);
    expect(pageDown.body).toContain('lang="de"');

    await proxy.restore();

    const after = await app.inject({ url: '/api/health' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ status: 'ok', database: 'ok' });
    const apiBack = await login();
    expect(apiBack.statusCode).toBe(200);
    expect(apiBack.json()).toMatchObject({ email: 'leistung@musterland.example' });
    expect((await app.inject({ url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(200);
  });
});

/** The PostgreSQL error code of an error or of its cause (drizzle wraps the driver's error). */
function pgCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

describe('a database that stops answering or holds a request up', () => {
  let database: TestDatabase;
  let proxy: Proxy;
  let db: Database;
  let app: App;
  const STATEMENT_MS = 1000;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db, hashPassword);
    proxy = await startProxy(database.url);
    db = createDatabase(proxy.url, { statementTimeoutMs: STATEMENT_MS, connectTimeoutMs: 1000 });
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'vorort <no-reply@vorort.invalid>' });
    app = await buildApp({ config: testConfig(), db, mailer, mailCatcher: null, clock: testClock() }, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close().catch(() => {});
    await proxy?.close();
    await database?.drop();
  });

  const login = () =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'leistung@musterland.example', password: 'vorort-demo' } });

  it('a statement that runs too long is cancelled by PostgreSQL after the statement timeout', async () => {
    const started = performance.now();
    const err = await db.withSystem((tx) => tx.execute(sql`select pg_sleep(30)`)).catch((e: unknown) => e);
    const ms = performance.now() - started;
    expect(pgCode(err)).toBe('57014');
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(ms).toBeLessThan(STATEMENT_MS + 1500);
    // The connection is fine afterwards and the next transaction works.
    expect((await db.withSystem((tx) => tx.execute<{ one: number }>(sql`select 1 as one`))).rows[0]?.one).toBe(1);
  });

  it('a longer limit can be given to one transaction only (Massenänderung)', async () => {
    const r = await db.withSystem((tx) => tx.execute<{ ok: boolean }>(sql`select pg_sleep(1.3) is not null as ok`), { statementTimeoutMs: 5000 });
    expect(r.rows[0]?.ok).toBe(true);
    // … and it does not stay on the connection.
    const err = await db.withSystem((tx) => tx.execute(sql`select pg_sleep(1.3)`)).catch((e: unknown) => e);
    expect(pgCode(err)).toBe('57014');
  });

  it('a request blocked by a lock answers 503 after the statement timeout instead of hanging', async () => {
    const locker = new Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const res = await login();
      const ms = performance.now() - started;
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'database_unavailable' });
      expect(ms).toBeLessThan(STATEMENT_MS + 2500);
    } finally {
      await locker.query('ROLLBACK').catch(() => {});
      await locker.end();
    }
    expect((await login()).statusCode).toBe(200);
  });

  it('a server that freezes: requests answer 503 within 5 s, health as well', { timeout: 30_000 }, async () => {
    expect((await login()).statusCode).toBe(200); // the pool holds open connections
    proxy.freeze();
    const started = performance.now();
    const [api, health, page] = await Promise.all([login(), app.inject({ url: '/api/health' }), app.inject({ url: '/', headers: { accept: 'text/html' } })]);
    const ms = performance.now() - started;
    expect(api.statusCode).toBe(503);
    expect(health.statusCode).toBe(503);
    expect(page.statusCode).toBe(503);
    expect(ms).toBeLessThan(5000);
    // The frozen connections are dropped; once the server answers again, so does vorort.
    await proxy.cut();
    await proxy.restore();
    expect((await login()).statusCode).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The `vorort` command, run as a user would (node bin/vorort.mjs), each in its own process.

const root = path.resolve(import.meta.dirname, '../..');

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function runCli(args: string[], env: Record<string, string | undefined>, timeoutMs = 45_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    // Start from a neutral environment: nothing of the test runner's database or mode leaks in.
    for (const key of Object.keys(childEnv)) if (key.startsWith('VORORT_') || key === 'DATABASE_URL' || key === 'SMTP_URL') delete childEnv[key];
    childEnv.NODE_ENV = 'development';
    childEnv.LOG_LEVEL = 'warn';
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete childEnv[k];
      else childEnv[k] = v;
    }
    const child = spawn(process.execPath, [path.join(root, 'bin/vorort.mjs'), ...args], {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`vorort ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('the vorort command', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'vorort-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('--help exits 0 and lists the commands', async () => {
    const run = await runCli(['--help'], {});
    expect(run.code).toBe(0);
    for (const command of ['start', 'migrate', 'berechnen']) expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
  });

  it('an unknown command exits with 2 and shows the help', async () => {
    const run = await runCli(['gibtsnicht'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unbekannter Befehl "gibtsnicht"');
    expect(run.stderr).toContain('start');
  });

  it('start with an unreachable DATABASE_URL stops with a clear message and exit code ≠ 0', async () => {
    const port = await freePort(); // nothing listens there
    const run = await runCli(['start'], {
      DATABASE_URL: `postgres://vorort:geheim-passwort@127.0.0.1:${port}/vorort`,
      VORORT_DATA_DIR: dataDir,
      PORT: '0',
      VORORT_DEV_SMTP_PORT: '0',
    });
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stderr).toContain(`Die Datenbank 127.0.0.1:${port}/vorort ist nicht erreichbar`);
    expect(run.stderr).toContain('DATABASE_URL');
    // The password of the connection string never appears in the output.
    expect(run.stdout + run.stderr).not.toContain('geheim-passwort');
  });

  it('start in production without the required secrets refuses and names what is missing', async () => {
    const run = await runCli(['start'], { NODE_ENV: 'production', VORORT_DATA_DIR: dataDir, PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Im Produktivbetrieb fehlen erforderliche Einstellungen');
    expect(run.stderr).toContain('VORORT_SECRET');
    expect(run.stderr).toContain('SMTP_URL');
    expect(run.stderr).toContain('VORORT_PUBLIC_URL');
    expect(run.stdout).not.toContain('vorort läuft');
  });

  it('start in production names only the settings still missing', async () => {
    const run = await runCli(['start'], {
      NODE_ENV: 'production',
      VORORT_DATA_DIR: dataDir,
      PORT: '0',
      SMTP_URL: 'smtp://127.0.0.1:1',
      VORORT_PUBLIC_URL: 'https://jobcenter.example',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('VORORT_SECRET');
    expect(run.stderr).not.toContain('SMTP_URL');
  });

  it('rejects an invalid setting with the name of the variable', async () => {
    const run = await runCli(['start'], { PORT: 'abc', VORORT_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Ungültige Konfiguration');
    expect(run.stderr).toContain('PORT');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Unknown routes, malformed requests and the OpenAPI document.

describe('errors and the API description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('an unknown API route answers 404 in JSON', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await t.app.inject({ method, url: '/api/gibt-es-nicht', payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, method).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json()).toMatchObject({ error: 'not_found' });
      expect(res.json().message).toMatch(/gibt es nicht/);
    }
  });

  it('an unknown page answers with the German 404 page', async () => {
    const res = await t.app.inject({ url: '/gibt-es-nicht', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/^<!DOCTYPE html>/);
    expect(res.body).toContain('<html lang="de"');
    expect(res.body).toContain('Seite nicht gefunden');
    expect(res.body.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(res.body).toContain(String(res.headers['x-request-id']));
  });

  it('malformed JSON answers 400 invalid_json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "leistung@musterland.example", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_json' });
  });

  it('a failed validation answers 400 validation_failed with the field path', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'leistung@musterland.example' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('validation_failed');
    expect(body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.password' })]));
  });

  it('the health route is plain JSON', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenApiDoc;
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/health', '/api/me']));

    const login = doc.paths['/api/auth/login']?.post;
    expect(login?.requestBody?.content?.['application/json']?.schema).toMatchObject({
      type: 'object',
      properties: { email: expect.any(Object), password: expect.any(Object) },
      required: expect.arrayContaining(['email', 'password']),
    });
    expect(Object.keys(login?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '429']));
    const health = doc.paths['/api/health']?.get;
    expect(Object.keys(health?.responses ?? {})).toEqual(expect.arrayContaining(['200', '503']));

    // Structurally valid: every operation has responses with a description, and every $ref resolves.
    const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(p.startsWith('/')).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        if (!methods.includes(method)) continue;
        const responses = (op as Operation).responses;
        expect(responses, `${method} ${p}`).toBeTruthy();
        for (const [status, r] of Object.entries(responses ?? {})) {
          expect(status, `${method} ${p}`).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect(typeof (r as { description?: unknown }).description, `${method} ${p} ${status}`).toBe('string');
        }
      }
    }
    for (const ref of collectRefs(doc)) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(target, ref).toBeDefined();
    }
    // The document must not leak the internal route that serves it.
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });
});

type Operation = {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, unknown>;
};
type OpenApiDoc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
};

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}
