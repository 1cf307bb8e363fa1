import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { raumBetreten, type VideoZugang } from './raum-betreten.ts';
import { beitreten, empfangen, getrennt, leer, nachrichtLesen, neuerRaum, pruefeZeit, type Raum, type Schritt } from './signalling.ts';

/** Same-origin check for the upgrade (a foreign page must not open a socket with the visitor's cookie). */
function gleicherUrsprung(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Video-Beratung signalling over WebSocket (`/api/video/:terminId/ws`). The session cookie of the upgrade request
 * identifies the person; only the citizen of the appointment and the caseworker of its Ressource get through, and
 * only while the room is open (`videoraumStatus`). Everything else is decided by the pure `Raum` state machine in
 * signalling.ts; rooms live in memory (one process). Media never passes the server.
 */
export function registerVideoRoutes(app: FastifyInstance, ctx: AppContext) {
  const raeume = new Map<string, Raum>();
  const verbindungen = new Map<string, WebSocket>();

  const ausfuehren = (terminId: string, s: Schritt) => {
    raeume.set(terminId, s.raum);
    for (const a of s.ausgaben) {
      const ws = verbindungen.get(a.an);
      if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify(a.nachricht));
    }
    for (const id of s.schliessen) {
      const ws = verbindungen.get(id);
      verbindungen.delete(id);
      if (ws && ws.readyState === ws.OPEN) ws.close(1000);
    }
  };

  const takt = setInterval(() => {
    const jetzt = ctx.clock.now();
    for (const [terminId, raum] of raeume) {
      ausfuehren(terminId, pruefeZeit(raum, jetzt));
      const r = raeume.get(terminId)!;
      if (leer(r) && jetzt.getTime() >= r.konfig.offenBis.getTime()) raeume.delete(terminId);
    }
  }, 15_000);
  takt.unref();
  app.addHook('onClose', async () => {
    clearInterval(takt);
    for (const ws of verbindungen.values()) ws.close(1001);
  });

  app.get(
    '/api/video/:terminId/ws',
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (req) => {
        if (!gleicherUrsprung(req)) throw new AppError('forbidden', 403, 'Fremder Ursprung.');
        const { terminId } = req.params as { terminId: string };
        const link = (req.query as { link?: unknown } | undefined)?.link;
        (req as FastifyRequest & { videoZugang?: VideoZugang }).videoZugang = await raumBetreten.execute({ ctx, actor: req.actor, input: { terminId, link: typeof link === 'string' ? link : undefined } });
      },
    },
    (socket, req) => {
      const zugang = (req as FastifyRequest & { videoZugang?: VideoZugang }).videoZugang!;
      const verbindung = randomUUID();
      verbindungen.set(verbindung, socket);
      const userId = zugang.selbstId;
      if (!raeume.has(zugang.terminId)) {
        raeume.set(zugang.terminId, neuerRaum({ terminId: zugang.terminId, sachbearbeitungId: zugang.sachbearbeitungId, buergerId: zugang.buergerId, offenVon: zugang.offenVon, offenBis: zugang.offenBis }));
      }
      let beigetreten = false;
      socket.on('message', (daten: Buffer, binaer: boolean) => {
        const raum = raeume.get(zugang.terminId);
        if (!raum) return socket.close(1000);
        const eingang = binaer ? nachrichtLesen('') : nachrichtLesen(daten.toString('utf8'));
        if (!eingang.ok) {
          socket.send(JSON.stringify(eingang.fehler));
          return;
        }
        const jetzt = ctx.clock.now();
        if (eingang.nachricht.typ === 'join' && !beigetreten) {
          beigetreten = true;
          ausfuehren(zugang.terminId, beitreten(raum, { userId, verbindung, terminId: eingang.nachricht.terminId }, jetzt));
          return;
        }
        ausfuehren(zugang.terminId, empfangen(raum, verbindung, eingang.nachricht, jetzt));
      });
      socket.on('close', () => {
        verbindungen.delete(verbindung);
        const raum = raeume.get(zugang.terminId);
        if (raum) ausfuehren(zugang.terminId, getrennt(raum, verbindung));
      });
    },
  );
}
