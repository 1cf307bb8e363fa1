import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { videoZugang } from '../../../server/video/raeume.ts';
import { requirePageActor, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';

/**
 * Video-Beratung (issue 6): waiting room, admission by the caseworker, 1:1 audio/video, chat, switches, screen
 * sharing (caseworker), hang-up and reconnect. The page itself is plain HTML; /assets/video.js (an ES module, no build
 * step) does the WebRTC part. Without JavaScript the page explains that video needs it.
 */
async function loader({ context, request, params }: LoaderFunctionArgs) {
  requirePageActor(context, request);
  const { app, req } = web(context);
  const terminId = params.terminId ?? '';
  try {
    const z = await videoZugang(app, req, terminId);
    return { offen: true as const, terminId, rolle: z.rolle, iceServers: JSON.stringify(app.config.iceServers), meldung: '' };
  } catch (err) {
    if (err instanceof AppError && err.status === 409) return { offen: false as const, terminId, rolle: 'buerger' as const, iceServers: '[]', meldung: err.message };
    throw err;
  }
}

function VideoPage() {
  const d = useLoaderData<typeof loader>();
  const sb = d.rolle === 'sachbearbeitung';
  if (!d.offen) {
    return (
      <div className="kern-stack-lg">
        <h1 className="kern-heading-large">Video-Beratung</h1>
        <p className="kern-body">
          <output>{d.meldung}</output>
        </p>
      </div>
    );
  }
  return (
    <div className="kern-stack-lg video-seite" id="video-app" data-termin-id={d.terminId} data-rolle={d.rolle} data-ice-servers={d.iceServers}>
      <h1 className="kern-heading-large">Video-Beratung</h1>
      <p className="kern-body" id="video-ohne-js">
        Für die Video-Beratung braucht Ihr Browser JavaScript sowie Zugriff auf Kamera und Mikrofon. Bitte schalten Sie JavaScript ein oder rufen Sie uns an.
      </p>
      <p className="kern-body">
        <output id="video-status" aria-live="polite">
          {sb ? 'Verbindung wird aufgebaut …' : 'Sie sind im Warteraum. Sie werden gleich eingelassen.'}
        </output>
      </p>
      {sb ? (
        <p>
          <button type="button" className="kern-btn kern-btn--primary" id="video-einlassen" hidden>
            <span className="kern-label">Einlassen</span>
          </button>
        </p>
      ) : null}
      <div className="video-bilder">
        <figure className="video-bild">
          {/* oxlint-disable-next-line jsx-a11y/media-has-caption -- a live call has no caption file; the chat is the text channel */}
          <video id="video-fern" autoPlay playsInline aria-label="Bild Ihres Gegenübers" />
          <figcaption className="kern-body">{sb ? 'Bürgerin / Bürger' : 'Ihre Beraterin / Ihr Berater'}</figcaption>
        </figure>
        <figure className="video-bild video-bild--klein">
          <video id="video-lokal" autoPlay playsInline muted aria-label="Ihr eigenes Bild" />
          <figcaption className="kern-body">Sie</figcaption>
        </figure>
      </div>
      <fieldset className="video-knoepfe">
        <legend className="kern-label">Steuerung</legend>
        <button type="button" className="kern-btn kern-btn--secondary" id="video-mikro" aria-pressed="true" disabled>
          <span className="kern-label">Mikrofon an</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" id="video-kamera" aria-pressed="true" disabled>
          <span className="kern-label">Kamera an</span>
        </button>
        {sb ? (
          <button type="button" className="kern-btn kern-btn--secondary" id="video-bildschirm" aria-pressed="false" disabled>
            <span className="kern-label">Bildschirm teilen</span>
          </button>
        ) : null}
        <button type="button" className="kern-btn kern-btn--secondary" id="video-neu" hidden>
          <span className="kern-label">Erneut verbinden</span>
        </button>
        <button type="button" className="kern-btn kern-btn--primary" id="video-auflegen" disabled>
          <span className="kern-label">Auflegen</span>
        </button>
      </fieldset>
      <section aria-labelledby="chat-titel" className="kern-stack-sm">
        <h2 className="kern-heading-small" id="chat-titel">
          Chat
        </h2>
        <ol id="chat-verlauf" className="video-chat" aria-live="polite" />
        <form id="chat-form" className="kern-stack-sm">
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="chat-text">
              Nachricht
            </label>
            <input className="kern-form-input__input" id="chat-text" name="text" type="text" maxLength={1000} autoComplete="off" disabled />
          </div>
          <button type="submit" className="kern-btn kern-btn--secondary" id="chat-senden" disabled>
            <span className="kern-label">Senden</span>
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
  handle: { title: 'Video-Beratung' } satisfies PageHandle,
};
