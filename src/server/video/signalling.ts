/**
 * WebSocket signalling for Video-Beratung: the message protocol (zod) and a pure in-memory room state machine.
 *
 * The server only relays WebRTC session descriptions, ICE candidates and chat text between the two admitted
 * parties of one appointment; media flows browser to browser (or via TURN) and never through this server. Nothing
 * is stored: a `Raum` lives in memory while somebody is connected and holds no message content.
 *
 * The Fastify wiring (later step) authenticates the upgrade request by the session cookie, loads the appointment,
 * creates or looks up the `Raum`, and feeds `beitreten` / `empfangen` / `getrennt` / `pruefeZeit`; it sends each
 * `Ausgabe` to its connection and closes the connections listed in `schliessen`.
 */
import { z } from 'zod';

export const CHAT_MAX_ZEICHEN = 1000;
/** Largest accepted raw WebSocket message (SDP with many codecs stays well below). */
export const NACHRICHT_MAX_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Protocol

const sdp = z.string().min(1).max(30_000);

export const iceKandidatSchema = z.object({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** Messages a browser sends. The user id is never part of a message: it comes from the authenticated session. */
export const clientNachrichtSchema = z.discriminatedUnion('typ', [
  z.object({ typ: z.literal('join'), terminId: z.string().min(1).max(100) }),
  z.object({ typ: z.literal('admit') }),
  z.object({ typ: z.literal('offer'), sdp }),
  z.object({ typ: z.literal('answer'), sdp }),
  z.object({ typ: z.literal('ice'), kandidat: iceKandidatSchema.nullable() }),
  z.object({ typ: z.literal('chat'), text: z.string().min(1).max(CHAT_MAX_ZEICHEN) }),
  z.object({ typ: z.literal('hangup') }),
]);
export type ClientNachricht = z.infer<typeof clientNachrichtSchema>;

export const FEHLER_CODES = [
  'nachricht_ungueltig',
  'nicht_berechtigt',
  'raum_noch_nicht_offen',
  'raum_geschlossen',
  'raum_beendet',
  'nicht_erlaubt',
  'niemand_wartet',
  'keine_verbindung',
  'ersetzt',
] as const;
export type SignalFehlerCode = (typeof FEHLER_CODES)[number];

export const SIGNAL_FEHLER: Record<SignalFehlerCode, string> = {
  nachricht_ungueltig: 'Die Nachricht konnte nicht verarbeitet werden.',
  nicht_berechtigt: 'Sie haben keinen Zugang zu diesem Video-Termin.',
  raum_noch_nicht_offen: 'Der Warteraum öffnet 15 Minuten vor Beginn des Termins.',
  raum_geschlossen: 'Die Zeit für diesen Video-Termin ist vorbei.',
  raum_beendet: 'Die Beratung wurde beendet.',
  nicht_erlaubt: 'Diese Aktion ist Ihnen nicht erlaubt.',
  niemand_wartet: 'Im Warteraum wartet gerade niemand.',
  keine_verbindung: 'Das Gespräch hat noch nicht begonnen.',
  ersetzt: 'Sie haben den Termin in einem anderen Fenster geöffnet.',
};

export type Rolle = 'sachbearbeitung' | 'buerger';

/** Messages the server sends. */
export const serverNachrichtSchema = z.discriminatedUnion('typ', [
  /** `selbst`: you wait for admission; `buerger`: (to staff) the citizen is waiting */
  z.object({ typ: z.literal('waiting'), wartet: z.enum(['selbst', 'buerger']) }),
  /** the call starts; `anbieter` = this side creates the WebRTC offer (always the caseworker) */
  z.object({ typ: z.literal('admit'), anbieter: z.boolean() }),
  z.object({ typ: z.literal('offer'), sdp }),
  z.object({ typ: z.literal('answer'), sdp }),
  z.object({ typ: z.literal('ice'), kandidat: iceKandidatSchema.nullable() }),
  z.object({ typ: z.literal('chat'), von: z.enum(['sachbearbeitung', 'buerger']), text: z.string(), zeit: z.string() }),
  z.object({ typ: z.literal('hangup'), von: z.enum(['sachbearbeitung', 'buerger']) }),
  z.object({ typ: z.literal('peer-left'), grund: z.enum(['getrennt', 'aufgelegt']) }),
  z.object({ typ: z.literal('error'), code: z.enum(FEHLER_CODES), message: z.string() }),
]);
export type ServerNachricht = z.infer<typeof serverNachrichtSchema>;

export type Eingang = { ok: true; nachricht: ClientNachricht } | { ok: false; fehler: ServerNachricht };

/** Parse one raw WebSocket text frame. */
export function nachrichtLesen(roh: string): Eingang {
  const ungueltig: Eingang = { ok: false, fehler: fehler('nachricht_ungueltig') };
  if (Buffer.byteLength(roh, 'utf8') > NACHRICHT_MAX_BYTES) return ungueltig;
  let wert: unknown;
  try {
    wert = JSON.parse(roh);
  } catch {
    return ungueltig;
  }
  const r = clientNachrichtSchema.safeParse(wert);
  return r.success ? { ok: true, nachricht: r.data } : ungueltig;
}

function fehler(code: SignalFehlerCode): ServerNachricht {
  return { typ: 'error', code, message: SIGNAL_FEHLER[code] };
}

// ---------------------------------------------------------------------------------------------------------------
// Room state machine

export type RaumKonfiguration = {
  terminId: string;
  /** user id of the caseworker of the appointment */
  sachbearbeitungId: string;
  /** user id of the citizen of the appointment */
  buergerId: string;
  /** open window (regeln.ts `videoraumFenster`) */
  offenVon: Date;
  offenBis: Date;
};

type Platz = {
  verbindung: string | null;
  /** only for the citizen: admitted by the caseworker (survives a dropped connection) */
  zugelassen: boolean;
};

export type Raum = {
  readonly konfig: RaumKonfiguration;
  readonly sachbearbeitung: Platz;
  readonly buerger: Platz;
  readonly beendet: boolean;
};

export type Ausgabe = { an: string; nachricht: ServerNachricht };

export type Schritt = {
  raum: Raum;
  ausgaben: Ausgabe[];
  /** connections to close after sending */
  schliessen: string[];
};

export function neuerRaum(konfig: RaumKonfiguration): Raum {
  if (konfig.sachbearbeitungId === konfig.buergerId) throw new RangeError('Sachbearbeitung und Bürger müssen verschiedene Konten sein.');
  return { konfig, sachbearbeitung: { verbindung: null, zugelassen: true }, buerger: { verbindung: null, zugelassen: false }, beendet: false };
}

function rolleVon(raum: Raum, userId: string): Rolle | undefined {
  if (userId === raum.konfig.sachbearbeitungId) return 'sachbearbeitung';
  if (userId === raum.konfig.buergerId) return 'buerger';
  return undefined;
}

function rolleDerVerbindung(raum: Raum, verbindung: string): Rolle | undefined {
  if (raum.sachbearbeitung.verbindung === verbindung) return 'sachbearbeitung';
  if (raum.buerger.verbindung === verbindung) return 'buerger';
  return undefined;
}

const andere = (rolle: Rolle): Rolle => (rolle === 'sachbearbeitung' ? 'buerger' : 'sachbearbeitung');

function mit(raum: Raum, rolle: Rolle, platz: Partial<Platz>): Raum {
  return { ...raum, [rolle]: { ...raum[rolle], ...platz } };
}

/** Both parties connected and the citizen admitted: the call runs and messages are relayed. */
export function gespraechAktiv(raum: Raum): boolean {
  return !raum.beendet && raum.sachbearbeitung.verbindung !== null && raum.buerger.verbindung !== null && raum.buerger.zugelassen;
}

function zeitStatus(raum: Raum, jetzt: Date): SignalFehlerCode | null {
  if (jetzt.getTime() < raum.konfig.offenVon.getTime()) return 'raum_noch_nicht_offen';
  if (jetzt.getTime() >= raum.konfig.offenBis.getTime()) return 'raum_geschlossen';
  return null;
}

/** Messages that start the call on both sides. */
function start(raum: Raum): Ausgabe[] {
  return [
    { an: raum.sachbearbeitung.verbindung!, nachricht: { typ: 'admit', anbieter: true } },
    { an: raum.buerger.verbindung!, nachricht: { typ: 'admit', anbieter: false } },
  ];
}

/**
 * A connection of an authenticated user asks to join (the `join` message). Strangers, and everybody outside the
 * open window or after the caseworker ended the consultation, are refused and disconnected. A second connection of
 * the same user replaces the first (reconnect after a drop, or a new tab).
 */
export function beitreten(raum: Raum, eingabe: { userId: string; verbindung: string; terminId: string }, jetzt: Date): Schritt {
  const abweisen = (code: SignalFehlerCode): Schritt => ({
    raum,
    ausgaben: [{ an: eingabe.verbindung, nachricht: fehler(code) }],
    schliessen: [eingabe.verbindung],
  });
  const rolle = rolleVon(raum, eingabe.userId);
  if (!rolle || eingabe.terminId !== raum.konfig.terminId) return abweisen('nicht_berechtigt');
  if (raum.beendet) return abweisen('raum_beendet');
  const zeit = zeitStatus(raum, jetzt);
  if (zeit) return abweisen(zeit);

  const ausgaben: Ausgabe[] = [];
  const schliessen: string[] = [];
  const alt = raum[rolle].verbindung;
  if (alt !== null && alt !== eingabe.verbindung) {
    ausgaben.push({ an: alt, nachricht: fehler('ersetzt') });
    schliessen.push(alt);
  }
  const neu = mit(raum, rolle, { verbindung: eingabe.verbindung });
  if (gespraechAktiv(neu)) {
    // reconnect into a running (or dropped) call: both sides negotiate afresh
    return { raum: neu, ausgaben: [...ausgaben, ...start(neu)], schliessen };
  }
  if (rolle === 'buerger') {
    ausgaben.push({ an: eingabe.verbindung, nachricht: { typ: 'waiting', wartet: 'selbst' } });
    if (neu.sachbearbeitung.verbindung) ausgaben.push({ an: neu.sachbearbeitung.verbindung, nachricht: { typ: 'waiting', wartet: 'buerger' } });
  } else if (neu.buerger.verbindung) {
    ausgaben.push({ an: eingabe.verbindung, nachricht: { typ: 'waiting', wartet: 'buerger' } });
  }
  return { raum: neu, ausgaben, schliessen };
}

/** A message from a connection that has joined before. */
export function empfangen(raum: Raum, verbindung: string, nachricht: ClientNachricht, jetzt: Date): Schritt {
  const antwort = (code: SignalFehlerCode, zu = false): Schritt => ({
    raum,
    ausgaben: [{ an: verbindung, nachricht: fehler(code) }],
    schliessen: zu ? [verbindung] : [],
  });
  const rolle = rolleDerVerbindung(raum, verbindung);
  if (!rolle) return antwort('nicht_berechtigt', true);
  if (raum.beendet) return antwort('raum_beendet', true);
  if (zeitStatus(raum, jetzt)) return pruefeZeit(raum, jetzt);

  switch (nachricht.typ) {
    case 'join':
      return antwort('nachricht_ungueltig');
    case 'admit': {
      if (rolle !== 'sachbearbeitung') return antwort('nicht_erlaubt');
      if (raum.buerger.verbindung === null) return antwort('niemand_wartet');
      if (raum.buerger.zugelassen) return { raum, ausgaben: [], schliessen: [] };
      const neu = mit(raum, 'buerger', { zugelassen: true });
      return { raum: neu, ausgaben: start(neu), schliessen: [] };
    }
    case 'offer':
    case 'answer':
    case 'ice': {
      if (!gespraechAktiv(raum)) return antwort('keine_verbindung');
      // only the caseworker offers, only the citizen answers (no glare handling needed)
      if ((nachricht.typ === 'offer' && rolle !== 'sachbearbeitung') || (nachricht.typ === 'answer' && rolle !== 'buerger')) {
        return antwort('nicht_erlaubt');
      }
      return { raum, ausgaben: [{ an: raum[andere(rolle)].verbindung!, nachricht }], schliessen: [] };
    }
    case 'chat': {
      if (!gespraechAktiv(raum)) return antwort('keine_verbindung');
      const text = nachricht.text.trim();
      if (text.length === 0 || text.length > CHAT_MAX_ZEICHEN) return antwort('nachricht_ungueltig');
      const weiter: ServerNachricht = { typ: 'chat', von: rolle, text, zeit: jetzt.toISOString() };
      // echo to the sender too, so both show the same (server-ordered) transcript
      return {
        raum,
        ausgaben: [
          { an: raum[andere(rolle)].verbindung!, nachricht: weiter },
          { an: verbindung, nachricht: weiter },
        ],
        schliessen: [],
      };
    }
    case 'hangup': {
      const gegenueber = raum[andere(rolle)].verbindung;
      const ausgaben: Ausgabe[] = gegenueber ? [{ an: gegenueber, nachricht: { typ: 'hangup', von: rolle } }] : [];
      if (rolle === 'sachbearbeitung') {
        // the caseworker ends the consultation: the room closes for good
        const neu: Raum = { ...raum, beendet: true, sachbearbeitung: { ...raum.sachbearbeitung, verbindung: null }, buerger: { ...raum.buerger, verbindung: null } };
        return { raum: neu, ausgaben, schliessen: [verbindung, ...(gegenueber ? [gegenueber] : [])] };
      }
      // the citizen leaves on purpose: a later join goes through the waiting room again
      const neu = mit(raum, 'buerger', { verbindung: null, zugelassen: false });
      return { raum: neu, ausgaben, schliessen: [verbindung] };
    }
  }
}

/**
 * A connection closed without hang-up (network drop, closed tab). The other side learns it; an admitted citizen
 * stays admitted, so a reconnect within the open window resumes the call without a new appointment.
 */
export function getrennt(raum: Raum, verbindung: string): Schritt {
  const rolle = rolleDerVerbindung(raum, verbindung);
  if (!rolle) return { raum, ausgaben: [], schliessen: [] };
  const neu = mit(raum, rolle, { verbindung: null });
  const gegenueber = neu[andere(rolle)].verbindung;
  const warGespraech = gespraechAktiv(raum);
  const ausgaben: Ausgabe[] = [];
  if (gegenueber && (warGespraech || rolle === 'buerger')) ausgaben.push({ an: gegenueber, nachricht: { typ: 'peer-left', grund: 'getrennt' } });
  return { raum: neu, ausgaben, schliessen: [] };
}

/** Timer tick: once the open window has passed, everybody is told and disconnected. */
export function pruefeZeit(raum: Raum, jetzt: Date): Schritt {
  if (jetzt.getTime() < raum.konfig.offenBis.getTime()) return { raum, ausgaben: [], schliessen: [] };
  const offen = [raum.sachbearbeitung.verbindung, raum.buerger.verbindung].filter((v): v is string => v !== null);
  return {
    raum: { ...raum, sachbearbeitung: { ...raum.sachbearbeitung, verbindung: null }, buerger: { ...raum.buerger, verbindung: null } },
    ausgaben: offen.map((an) => ({ an, nachricht: fehler('raum_geschlossen') })),
    schliessen: offen,
  };
}

/** Nobody connected any more: the caller may drop the room from memory. */
export function leer(raum: Raum): boolean {
  return raum.sachbearbeitung.verbindung === null && raum.buerger.verbindung === null;
}
