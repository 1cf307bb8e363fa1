import type { Config } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { Role } from '../db/schema/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { MailCatcher } from '../mail/mail-catcher.ts';
import type { Clock } from './clock.ts';

/** What every use case gets from the running system. */
export type AppContext = {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** The business clock ("today", the current month, slots, deadlines): src/server/clock.ts. */
  clock: Clock;
  /** Development only: the local mail catcher whose messages /entwicklung/post shows. */
  mailCatcher?: MailCatcher | null;
};

/** The signed-in person a use case acts for. */
export type Actor = {
  userId: string;
  traegerId: string;
  traegerName: string;
  art: 'staff' | 'buerger';
  email: string;
  name: string;
  roles: Role[];
  standorte: { id: string; name: string }[];
  sessionId: string;
  requestId: string;
};

/** Everything known about the request before a use case runs. */
export type RequestInfo = {
  requestId: string;
  ip: string;
  userAgent: string;
};

export const tenantScope = (actor: Actor) => ({
  traegerId: actor.traegerId,
  userId: actor.userId,
  requestId: actor.requestId,
});
