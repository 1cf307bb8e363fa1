import type { ReactNode } from 'react';
import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { notFound } from '../../server/errors.ts';
import { Alert } from '../components/alert.tsx';
import { web } from '../web-context.ts';
import type { PageHandle } from './root.tsx';
import { berlinZeit } from './verwaltung/shared.tsx';

/** How many of the newest caught mails the page shows. */
const SHOWN = 50;

/**
 * /entwicklung/post: the development mailbox. Outside production vorort delivers its mail to a local SMTP
 * catcher instead of real mailboxes; this page lists what it caught, so whoever tries the demo can follow
 * verification and password links. It does not exist in production or when a real SMTP server is configured.
 */
async function loader({ context }: LoaderFunctionArgs) {
  const { app, req } = web(context);
  if (app.config.env === 'production' || !app.mailCatcher) throw notFound('Die Seite');
  // Only from this machine (issue 11): the mails hold sign-in and password links of everybody. The socket's own
  // address, not req.ip, which a proxy header could set.
  if (!istLoopback(req.raw.socket.remoteAddress)) throw notFound('Die Seite');
  const all = app.mailCatcher.messages;
  const mails = all
    .toReversed()
    .slice(0, SHOWN)
    .map((m) => ({ id: m.id, receivedAt: m.receivedAt.toISOString(), to: m.to, subject: m.subject, text: m.text }));
  return { mails, gesamt: all.length };
}

function istLoopback(adresse: string | undefined): boolean {
  if (!adresse) return false;
  const v4 = adresse.startsWith('::ffff:') ? adresse.slice(7) : adresse;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The plain-text body with its web addresses as links (nothing else is interpreted). */
function TextMitLinks(p: { text: string }) {
  const parts: ReactNode[] = p.text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      <a className="kern-link" href={part} key={i}>
        {part}
      </a>
    ) : (
      part
    ),
  );
  return <div className="kern-body pre-line mail-text">{parts}</div>;
}

function PostPage() {
  const { mails, gesamt } = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Entwicklungs-Postfach</h1>
      <Alert type="warning" title="Werkzeug für Entwicklung und Demo – nicht im Produktivbetrieb">
        <p className="kern-body">
          vorort verschickt hier keine echten E-Mails. Alle Nachrichten landen in diesem Postfach, gleich an wen sie gerichtet sind, und sind für alle
          sichtbar, die diese Seite aufrufen. Im Produktivbetrieb gibt es diese Seite nicht. Die Nachrichten gehen beim Neustart verloren.
        </p>
      </Alert>
      {mails.length === 0 ? (
        <p className="kern-body">Noch keine E-Mails eingegangen.</p>
      ) : (
        <>
          <p className="kern-body">
            {gesamt > mails.length ? `Die neuesten ${mails.length} von ${gesamt} E-Mails, neueste zuerst.` : `${mails.length} E-Mail${mails.length === 1 ? '' : 's'}, neueste zuerst.`}
          </p>
          <ol className="kern-list kern-stack-md mail-list">
            {mails.map((m) => (
              <li key={m.id}>
                <article className="kern-card" aria-labelledby={`mail-${m.id}`}>
                  <div className="kern-card__container">
                    <div className="kern-card__header">
                      <h2 className="kern-title" id={`mail-${m.id}`}>
                        {m.subject || '(ohne Betreff)'}
                      </h2>
                    </div>
                    <div className="kern-card__body kern-stack-sm">
                      <p className="kern-body kern-body--small">
                        An: {m.to.join(', ')} · Eingegangen: <time dateTime={m.receivedAt}>{berlinZeit(m.receivedAt)}</time>
                      </p>
                      <TextMitLinks text={m.text} />
                    </div>
                  </div>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export const entwicklungPostRoute: RouteObject = {
  path: 'entwicklung/post',
  loader,
  Component: PostPage,
  handle: { title: 'Entwicklungs-Postfach' } satisfies PageHandle,
};
