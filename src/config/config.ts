import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable vorort reads, in one place (README "Konfiguration" lists the same).
 * In production the required secrets must be set; elsewhere development defaults are derived.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on; default 127.0.0.1 outside production (the development mailbox must stay local), 0.0.0.0 in production. */
  HOST: z.string().optional(),
  /** External PostgreSQL (>= 15). When unset, vorort embeds its own PostgreSQL server. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded PostgreSQL, the development secret and captured mail live. */
  VORORT_DATA_DIR: z.string().default('./data'),
  /** Public base URL, used in links of e-mails and as the OIDC redirect base. */
  VORORT_PUBLIC_URL: z.string().url().optional(),
  /** Secret for signing and encrypting (CSRF, TOTP secrets, OIDC client secrets). At least 32 characters. */
  VORORT_SECRET: z.string().min(32).optional(),
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example:587. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('vorort <no-reply@vorort.invalid>'),
  /** Port of the local mail catcher in development (only when SMTP_URL is unset). */
  VORORT_DEV_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Slug of the Träger whose public start page is shown at "/" (default: the first Träger). */
  VORORT_TRAEGER: z.string().optional(),
  /** Set to "0" to skip the demo data even outside production. */
  VORORT_DEMO_DATA: z.enum(['0', '1']).default('1'),
  /** Cookies with the Secure flag (default: on in production). */
  VORORT_SECURE_COOKIES: z.enum(['0', '1']).optional(),
  /** Unix socket of clamd (ClamAV) that scans every uploaded file. */
  VORORT_CLAMD_SOCKET: z.string().default('/run/clamav/clamd.ctl'),
  /** STUN/TURN servers for the Video-Beratung, as JSON (RTCIceServer[]); see docs/termine.md (coturn). */
  VORORT_ICE_SERVERS: z
    .string()
    .default('[]')
    .refine((v) => {
      try {
        const a: unknown = JSON.parse(v);
        return Array.isArray(a) && a.every((x) => typeof x === 'object' && x !== null && 'urls' in x);
      } catch {
        return false;
      }
    }, 'JSON-Liste von ICE-Servern, z. B. [{"urls":"stun:stun.example.org:3478"}]'),
  /**
   * TURN server(s) with short-lived credentials (coturn `use-auth-secret`): comma-separated turn:/turns: URLs. The
   * server issues each participant of a video room its own username and password at join time (docs/termine.md).
   */
  VORORT_TURN_URLS: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v.split(',').every((u) => /^turns?:[^\s,]+$/.test(u.trim())),
      'Kommagetrennte TURN-Adressen, z. B. turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349?transport=tcp',
    ),
  /** The shared secret of coturn (`static-auth-secret`); at least 16 characters. */
  VORORT_TURN_SECRET: z.string().min(16, 'Das TURN-Geheimnis muss mindestens 16 Zeichen lang sein.').optional(),
  /** Lifetime of issued TURN credentials in seconds (at least until the room closes). */
  VORORT_TURN_TTL: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** PostgreSQL cancels a statement of a request after this many milliseconds (0 = no limit). */
  VORORT_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** Waiting for a database connection ends after this many milliseconds (then 503). */
  VORORT_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** How often vorort restarts an embedded PostgreSQL that stopped, before it gives up and exits with code 1. */
  VORORT_DB_RESTART_ATTEMPTS: z.coerce.number().int().min(0).max(20).default(5),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** VORORT_DATA_DIR was set: the embedded cluster stays there (as root no fallback to /var/lib/vorort). */
  dataDirGesetzt: boolean;
  publicUrl: string | undefined;
  secret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  devSmtpPort: number;
  logLevel: string;
  defaultTraegerSlug: string | undefined;
  demoData: boolean;
  secureCookies: boolean;
  clamdSocket: string;
  /** RTCIceServer list handed to the video client (VORORT_ICE_SERVERS). */
  iceServers: { urls: string | string[]; username?: string; credential?: string }[];
  /** TURN with ephemeral credentials (VORORT_TURN_URLS, VORORT_TURN_SECRET, VORORT_TURN_TTL); undefined = none. */
  turn?: { urls: string[]; secret: string; ttlSekunden: number } | undefined;
  /** Database timeouts and the restart of the embedded PostgreSQL (docs/sicherheit.md, "Datenbank-Ausfall"). */
  db: { statementTimeoutMs: number; connectTimeoutMs: number; restartAttempts: number };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.VORORT_DATA_DIR);
  if (production) {
    const missing: string[] = [];
    if (!e.VORORT_SECRET) missing.push('VORORT_SECRET (mindestens 32 Zeichen)');
    if (!e.SMTP_URL) missing.push('SMTP_URL');
    if (!e.VORORT_PUBLIC_URL) missing.push('VORORT_PUBLIC_URL');
    if (missing.length > 0) {
      throw new ConfigError(`Im Produktivbetrieb fehlen erforderliche Einstellungen: ${missing.join(', ')}`);
    }
  }
  if (Boolean(e.VORORT_TURN_URLS?.trim()) !== Boolean(e.VORORT_TURN_SECRET)) {
    throw new ConfigError('Ungültige Konfiguration:\n  VORORT_TURN_URLS und VORORT_TURN_SECRET gehören zusammen: bitte beide setzen oder beide weglassen.');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: e.DATABASE_URL,
    dataDir,
    dataDirGesetzt: Boolean(env.VORORT_DATA_DIR?.trim()),
    publicUrl: e.VORORT_PUBLIC_URL?.replace(/\/$/, ''),
    secret: e.VORORT_SECRET ?? developmentSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    devSmtpPort: e.VORORT_DEV_SMTP_PORT,
    logLevel: e.LOG_LEVEL,
    defaultTraegerSlug: e.VORORT_TRAEGER,
    demoData: !production && e.VORORT_DEMO_DATA === '1',
    secureCookies: e.VORORT_SECURE_COOKIES ? e.VORORT_SECURE_COOKIES === '1' : production,
    clamdSocket: e.VORORT_CLAMD_SOCKET,
    iceServers: JSON.parse(e.VORORT_ICE_SERVERS) as Config['iceServers'],
    turn:
      e.VORORT_TURN_URLS?.trim() && e.VORORT_TURN_SECRET
        ? { urls: e.VORORT_TURN_URLS.split(',').map((u) => u.trim()), secret: e.VORORT_TURN_SECRET, ttlSekunden: e.VORORT_TURN_TTL }
        : undefined,
    db: {
      statementTimeoutMs: e.VORORT_DB_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: e.VORORT_DB_CONNECT_TIMEOUT_MS,
      restartAttempts: e.VORORT_DB_RESTART_ATTEMPTS,
    },
  };
}

/** Outside production a random secret is created once and kept in the data directory. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'dev-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A configuration for tests, independent of the environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: path.resolve('data-test'),
    dataDirGesetzt: true,
    publicUrl: undefined,
    secret: 'test-secret-test-secret-test-secret-0123456789',
    smtpUrl: undefined,
    mailFrom: 'vorort <no-reply@vorort.invalid>',
    devSmtpPort: 0,
    logLevel: 'silent',
    defaultTraegerSlug: undefined,
    demoData: false,
    secureCookies: false,
    clamdSocket: '/nonexistent/clamd.ctl',
    iceServers: [],
    db: { statementTimeoutMs: 5000, connectTimeoutMs: 3000, restartAttempts: 5 },
    ...overrides,
  };
}
