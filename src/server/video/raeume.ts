import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { termineRepository } from '../../db/repositories/termine.ts';
import { raumMeldung, videoraumFenster, videoraumStatus } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http.ts';
import { alsTerminZeit, regelnFuer, terminNichtGefunden } from '../termine/gemeinsam.ts';
import { linkAufloesen } from '../termine/verwaltung-per-link.ts';
import { beitreten, empfangen, getrennt, leer, nachrichtLesen, neuerRaum, pruefeZeit, type Raum, type Schritt } from './signalling.ts';

/**
 * Video-Beratung signalling over WebSocket (`/api/video/:terminId/ws`). The session cookie of the upgrade request
 * identifies the person; only the citizen of the appointment and the caseworker of its Ressource get through, and
 * only while the room is open (`videoraumStatus`). Everything else is decided by the pure `Raum` state machine in
 * signalling.ts; rooms live in memory (one process). Media never passes the server.
 */
export type VideoZugang = { terminId: string; traegerId: string; sachbearbeitungId: string; buergerId: string; offenVon: Date; offenBis: Date; rolle: 'sachbearbeitung' | 'buerger'; selbstId: string;
  /** the Träger's rule: the room opens this many minutes before the start (for the page's texts) */
  offenVorMinuten: number;
};

/** The citizen's side of a booking without account is identified by the personal link, not by an account. */
const linkPartei = (terminId: string) => `link:${terminId}`;

/**
 * Who may enter the room of an appointment – the two parties, in the window; everybody else gets 404. The citizen
 * comes with the session (portal account) or, for a booking without account, with the personal link's token.
 */
export async function videoZugang(ctx: AppContext, req: FastifyRequest, terminId: string, jetzt = ctx.clock.now(), verwaltungsToken?: string): Promise<VideoZugang> {
  const link = verwaltungsToken ? await linkAufloesen(ctx, verwaltungsToken, jetzt) : undefined;
  if (link && link.terminId !== terminId) throw terminNichtGefunden();
  const actor = link ? null : requireActor(req);
  const scope = actor ? tenantScope(actor) : { traegerId: link!.traegerId, userId: null, requestId: null };
  return ctx.db.withTenant(scope, async (tx) => {
    const t = await termineRepository.findTermin(tx, terminId);
    if (!t || t.kanal !== 'video') throw terminNichtGefunden();
    const ressource = await termineRepository.findRessource(tx, t.ressourceId);
    const sachbearbeitungId = ressource?.userId ?? '';
    const buergerId = t.buergerUserId ?? (t.verwaltungTokenHash ? linkPartei(t.id) : '');
    const selbstId = actor ? actor.userId : link && t.verwaltungTokenHash === link.hash ? linkPartei(t.id) : '';
    const rolle = selbstId === sachbearbeitungId ? 'sachbearbeitung' : selbstId === buergerId ? 'buerger' : null;
    if (!rolle || !sachbearbeitungId || !buergerId || !selbstId) throw terminNichtGefunden();
    const regeln = await regelnFuer(tx, t.traegerId);
    const status = videoraumStatus(alsTerminZeit(t), jetzt, regeln);
    if (status !== 'offen') throw new AppError(`raum_${status}`, 409, raumMeldung(status, regeln), [], { minuten: regeln.videoOffenVorMinuten });
    await recordAudit(tx, actor ?? { system: 'terminlink', traegerId: t.traegerId }, { objectType: 'termin', objectId: t.id, personId: t.buergerUserId, action: 'read', purpose: actor ? 'Video-Beratung betreten' : 'Video-Beratung betreten (persönlicher Link)' });
    const f = videoraumFenster(t, regeln);
    return { terminId: t.id, traegerId: t.traegerId, sachbearbeitungId, buergerId, offenVon: f.von, offenBis: f.bis, rolle, selbstId, offenVorMinuten: regeln.videoOffenVorMinuten };
  });
}

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
        (req as FastifyRequest & { videoZugang?: VideoZugang }).videoZugang = await videoZugang(ctx, req, terminId, ctx.clock.now(), typeof link === 'string' && link ? link : undefined);
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
