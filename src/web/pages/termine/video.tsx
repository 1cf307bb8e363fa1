import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { STANDARD_REGELN } from '../../../domain/termine/index.ts';
import { AppError } from '../../../server/errors.ts';
import { linkAufloesen } from '../../../server/termine/verwaltung-per-link.ts';
import { raumBetreten } from '../../../server/video/raum-betreten.ts';
import { iceServerFuer } from '../../../server/video/turn.ts';
import { useT } from '../../hooks.ts';
import type { MessageKey, T } from '../../../i18n/index.ts';
import { requirePageActor, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';

/**
 * Video-Beratung (issue 6): waiting room, admission by the caseworker, 1:1 audio/video, chat, switches, screen
 * sharing (caseworker), hang-up and reconnect. The page itself is plain HTML; /assets/video.js (an ES module, no build
 * step) does the WebRTC part. Without JavaScript the page explains that video needs it. Citizen text is
 * translated (src/i18n, keys `video.*`); the texts the script shows come along in `data-texte`.
 *
 * Two ways in: `/video/:terminId` with a session (portal account or staff), and `/termine/verwalten/:token/video`
 * with the personal link of a booking without account (the script passes the token on to the WebSocket).
 */

/** Texts the script needs, in the page's language (keys without the `video.js.` prefix). */
const SKRIPT_TEXTE = [
  'medien_fehlen',
  'verbunden',
  'gestoert',
  'im_raum',
  'fehler',
  'unterbrochen',
  'warteraum',
  'buerger_wartet',
  'beginnt',
  'chat_sie',
  'chat_beratung',
  'chat_buerger',
  'aufgelegt',
  'peer_getrennt',
  'beendet',
  'buerger_verlassen',
  'bildschirm_fehlt',
  'selbst_beendet',
  'selbst_verlassen',
  'mikro_an',
  'mikro_aus',
  'kamera_an',
  'kamera_aus',
  'bildschirm',
  'bildschirm_aus',
  'fehler_nicht_berechtigt',
  'fehler_raum_noch_nicht_offen',
  'fehler_raum_geschlossen',
  'fehler_raum_beendet',
  'fehler_ersetzt',
] as const;

/** `minuten`: the Träger's opening time of the room before the start (texts name it). */
const skriptTexte = (t: T, minuten: number) => JSON.stringify(Object.fromEntries(SKRIPT_TEXTE.map((k) => [k, t(`video.js.${k}` as MessageKey, { minuten })])));

const RAUM_KEYS: Record<string, MessageKey> = {
  raum_noch_nicht_offen: 'video.raum.noch_nicht_offen',
  raum_geschlossen: 'video.raum.geschlossen',
  raum_abgesagt: 'video.raum.abgesagt',
  raum_kein_videotermin: 'video.raum.kein_videotermin',
};

async function ladeRaum(context: unknown, terminId: string, link: string | undefined) {
  const { app, req } = web(context);
  try {
    const z = await raumBetreten.execute({ ctx: app, actor: link ? null : req.actor, input: { terminId, link } });
    return { offen: true as const, terminId, rolle: z.rolle, iceServers: JSON.stringify(iceServerFuer(app.config, z)), link: link ?? '', meldung: null as MessageKey | null, meldungText: '', minuten: z.offenVorMinuten };
  } catch (err) {
    if (err instanceof AppError && err.status === 409) return { offen: false as const, terminId, rolle: 'buerger' as const, iceServers: '[]', link: '', meldung: RAUM_KEYS[err.code] ?? null, meldungText: err.message, minuten: typeof err.extra.minuten === 'number' ? err.extra.minuten : STANDARD_REGELN.videoOffenVorMinuten };
    throw err;
  }
}

async function loader({ context, request, params }: LoaderFunctionArgs) {
  requirePageActor(context, request);
  return ladeRaum(context, params.terminId ?? '', undefined);
}

async function linkLoader({ context, params }: LoaderFunctionArgs) {
  const { app } = web(context);
  const token = params.token ?? '';
  const l = await linkAufloesen(app, token);
  return ladeRaum(context, l.terminId, token);
}

function VideoPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const sb = d.rolle === 'sachbearbeitung';
  if (!d.offen) {
    return (
      <div className="kern-stack-lg">
        <h1 className="kern-heading-large">{t('video.titel')}</h1>
        <p className="kern-body">
          <output>{d.meldung ? t(d.meldung, { minuten: d.minuten }) : d.meldungText}</output>
        </p>
      </div>
    );
  }
  return (
    <div className="kern-stack-lg video-seite" id="video-app" data-termin-id={d.terminId} data-rolle={d.rolle} data-ice-servers={d.iceServers} data-link={d.link || undefined} data-texte={skriptTexte(t, d.minuten)}>
      <h1 className="kern-heading-large">{t('video.titel')}</h1>
      <p className="kern-body" id="video-ohne-js">
        {t('video.ohne_js')}
      </p>
      <p className="kern-body">
        <output id="video-status" aria-live="polite">
          {sb ? t('video.aufbau') : t('video.js.warteraum')}
        </output>
      </p>
      {sb ? (
        <p>
          <button type="button" className="kern-btn kern-btn--primary" id="video-einlassen" hidden>
            <span className="kern-label">{t('video.einlassen')}</span>
          </button>
        </p>
      ) : null}
      <div className="video-bilder">
        <figure className="video-bild">
          {/* oxlint-disable-next-line jsx-a11y/media-has-caption -- a live call has no caption file; the chat is the text channel */}
          <video id="video-fern" autoPlay playsInline aria-label={t('video.fern')} />
          <figcaption className="kern-body">{sb ? t('video.fern.buerger') : t('video.fern.beratung')}</figcaption>
        </figure>
        <figure className="video-bild video-bild--klein">
          <video id="video-lokal" autoPlay playsInline muted aria-label={t('video.lokal')} />
          <figcaption className="kern-body">{t('video.js.chat_sie')}</figcaption>
        </figure>
      </div>
      <fieldset className="video-knoepfe">
        <legend className="kern-label">{t('video.steuerung')}</legend>
        <button type="button" className="kern-btn kern-btn--secondary" id="video-mikro" aria-pressed="true" disabled>
          <span className="kern-label">{t('video.js.mikro_an')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" id="video-kamera" aria-pressed="true" disabled>
          <span className="kern-label">{t('video.js.kamera_an')}</span>
        </button>
        {sb ? (
          <button type="button" className="kern-btn kern-btn--secondary" id="video-bildschirm" aria-pressed="false" disabled>
            <span className="kern-label">{t('video.js.bildschirm')}</span>
          </button>
        ) : null}
        <button type="button" className="kern-btn kern-btn--secondary" id="video-neu" hidden>
          <span className="kern-label">{t('video.neu')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--primary" id="video-auflegen" disabled>
          <span className="kern-label">{t('video.auflegen')}</span>
        </button>
      </fieldset>
      <section aria-labelledby="chat-titel" className="kern-stack-sm">
        <h2 className="kern-heading-small" id="chat-titel">
          {t('video.chat')}
        </h2>
        <ol id="chat-verlauf" className="video-chat" aria-live="polite" />
        <form id="chat-form" className="kern-stack-sm">
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="chat-text">
              {t('video.nachricht')}
            </label>
            <input className="kern-form-input__input" id="chat-text" name="text" type="text" maxLength={1000} autoComplete="off" disabled />
          </div>
          <button type="submit" className="kern-btn kern-btn--secondary" id="chat-senden" disabled>
            <span className="kern-label">{t('video.senden')}</span>
          </button>
        </form>
      </section>
      <script type="module" src="/assets/video.js" />
    </div>
  );
}

export const videoRoute: RouteObject = {
  path: 'video/:terminId',
  loader,
  Component: VideoPage,
  handle: { title: (_d: never, t) => t('video.titel'), citizen: true } satisfies PageHandle,
};

/** The video room for a booking without account, reached by the personal link from the confirmation mail. */
export const videoPerLinkRoute: RouteObject = {
  path: 'termine/verwalten/:token/video',
  loader: linkLoader,
  Component: VideoPage,
  handle: { title: (_d: never, t) => t('video.titel'), citizen: true } satisfies PageHandle,
};
