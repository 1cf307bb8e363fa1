/**
 * The application's clock for everything a Jobcenter's work depends on: "today" (Europe/Berlin), the current month,
 * deadlines, appointment slots, the month a Bewilligung starts in. Use cases read it from `ctx.clock`; nothing in
 * src/server or src/web calls `new Date()` for such a decision.
 *
 * Security timers (session expiry, one-time links, sign-in throttling, TOTP, the mail outbox) compare against the
 * database's `now()` and keep the real time on purpose: an authenticator app and PostgreSQL know only the real time.
 *
 * Tests inject a clock that starts at a fixed instant and then runs on with real time (`clockStartingAt`), so a test
 * sees the same weekday, hour and month on every run (docs/ARCHITECTURE.md, "Clock").
 */
export type Clock = {
  /** The current instant. */
  now(): Date;
};

export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads `start` now and runs on with real time from here. */
export function clockStartingAt(start: Date | string, realNow: () => number = Date.now): Clock {
  const startMs = typeof start === 'string' ? Date.parse(start) : start.getTime();
  if (!Number.isFinite(startMs)) throw new Error(`clockStartingAt: kein gültiger Zeitpunkt: ${String(start)}`);
  const offset = startMs - realNow();
  return { now: () => new Date(realNow() + offset) };
}

/** A clock that always reads the same instant (unit tests). */
export function fixedClock(at: Date | string): Clock {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) throw new Error(`fixedClock: kein gültiger Zeitpunkt: ${String(at)}`);
  return { now: () => new Date(ms) };
}

/** The business date: the calendar day in Germany ('YYYY-MM-DD') of an instant — "today" is `heute(ctx.clock.now())`. */
export const heute = (now: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
