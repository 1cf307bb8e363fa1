import type { LightMyRequestResponse } from 'fastify';
import { testConfig, type Config } from '../../src/config/config.ts';
import { seedDemoData } from '../../src/db/seed/demo.ts';
import { demoSchreibenErzeugen } from '../../src/server/fordern/demo-schreiben.ts';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher.ts';
import { createMailer } from '../../src/mail/mailer.ts';
import { buildApp, type App } from '../../src/app.ts';
import type { AppContext } from '../../src/server/context.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { heute, type Clock } from '../../src/server/clock.ts';
import { testClock } from './clock.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export type TestApp = {
  app: App;
  ctx: AppContext;
  database: TestDatabase;
  mail: MailCatcher;
  /** Listens on a random loopback port (for browser tests); returns the base URL. */
  listen: () => Promise<string>;
  close: () => Promise<void>;
};

/**
 * The real application on a fresh database, with a real SMTP server catching its mail.
 * `seed: true` loads the demo Träger and accounts (password "vorort-demo"); without `traegerKonto: true` the demo
 * Träger's bank account (DEMO_TRAEGER_KONTO) is left out, so tests can enter the Träger settings from version 0.
 * The demo Fallakten and integration data (`beispielfaelle`, on for `npm start`) are left out unless a test asks for
 * them, so that tests start from an empty Träger; their dates follow the test clock.
 */
export async function createTestApp(
  opts: { seed?: boolean; traegerKonto?: boolean; beispielfaelle?: boolean; config?: Partial<Config>; clock?: Clock } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const mail = await startMailCatcher();
  const config = testConfig(opts.config);
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${mail.port}`, from: config.mailFrom });
  const clock = opts.clock ?? testClock();
  if (opts.seed) {
    await seedDemoData(database.db, hashPassword, { traegerKonto: opts.traegerKonto ?? false, beispielfaelle: opts.beispielfaelle ?? false, heute: heute(clock.now()) });
    // the letters of the demo Minderungsverfahren, as src/system.ts renders them after seeding
    if (opts.beispielfaelle) await demoSchreibenErzeugen(database.db, clock.now());
  }
  const ctx: AppContext = { config, db: database.db, mailer, mailCatcher: mail, clock };
  const app = await buildApp(ctx, { logger: false });
  return {
    app,
    ctx,
    database,
    mail,
    listen: async () => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      if (!config.publicUrl) ctx.config.publicUrl = `http://127.0.0.1:${port}`;
      return `http://127.0.0.1:${port}`;
    },
    close: async () => {
      await app.close();
      mailer.close();
      await mail.close();
      await database.drop();
    },
  };
}

/** A cookie jar for app.inject(): keeps Set-Cookie values across requests, like a browser. */
export class CookieJar {
  private cookies = new Map<string, string>();

  store(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Signs in through the API contract and returns the jar holding the session cookie. */
export async function signIn(app: App, email: string, password = 'vorort-demo'): Promise<CookieJar> {
  const jar = new CookieJar();
  const res = jar.store(
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } }),
  );
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return jar;
}

/** GET a page and return the CSRF token its forms carry (the `vorort_csrf` cookie is stored in the jar). */
export async function csrfFor(app: App, jar: CookieJar, url = '/anmelden'): Promise<string> {
  const res = jar.store(await app.inject({ method: 'GET', url, headers: { cookie: jar.header() } }));
  const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
  return match?.[1] ?? jar.get('vorort_csrf') ?? '';
}

/** Posts a form like a browser (urlencoded, with the CSRF token unless told otherwise). */
export async function postForm(app: App, jar: CookieJar, url: string, fields: Record<string, string | string[]>, opts: { csrf?: string | null } = {}) {
  const token = opts.csrf === undefined ? await csrfFor(app, jar, url.split('?')[0]) : opts.csrf;
  const body = new URLSearchParams();
  if (token !== null) body.append('_csrf', token);
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return jar.store(
    await app.inject({
      method: 'POST',
      url,
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    }),
  );
}
