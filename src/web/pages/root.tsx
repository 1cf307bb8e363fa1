import { Outlet, useLoaderData, useMatches, type LoaderFunctionArgs, type NonIndexRouteObject } from 'react-router';
import { Shell, type ShellUser } from '../components/shell.tsx';
import { translator, type Lang, type T } from '../../i18n/index.ts';
import { jobcenterName } from '../../server/auth/jobcenter-name.ts';
import { HINWEIS_COOKIE } from '../../server/cookies.ts';
import { web } from '../web-context.ts';

export type PageHandle = {
  /** The page title (first part of <title>); a function gets the page's loader data and a translator. */
  title: string | ((data: never, t: T) => string);
  /** Citizen page: translated, with the language switch. */
  citizen?: boolean;
};

export type RootData = {
  lang: Lang;
  csrfToken: string;
  user: ShellUser | null;
  jobcenterName: string | null;
  path: string;
  hinweis: string | null;
};

async function loader({ context, request }: LoaderFunctionArgs): Promise<RootData> {
  const { req, reply, lang, app } = web(context);
  const actor = req.actor;
  const hinweisCookie = req.cookies[HINWEIS_COOKIE];
  if (hinweisCookie) reply.clearCookie(HINWEIS_COOKIE, { path: '/' });
  return {
    lang,
    csrfToken: req.csrfToken,
    user: actor ? { name: actor.name, art: actor.art, roles: actor.roles, traegerName: actor.traegerName } : null,
    jobcenterName: actor ? null : await jobcenterName.execute({ ctx: app, actor, input: {} }),
    path: new URL(request.url).pathname,
    hinweis: hinweisCookie ? decodeURIComponent(hinweisCookie) : null,
  };
}

function Root() {
  const data = useLoaderData() as RootData;
  const matches = useMatches();
  const leaf = matches.toReversed().find((m) => (m.handle as PageHandle | undefined)?.title);
  const handle = leaf?.handle as PageHandle | undefined;
  const citizen = handle?.citizen ?? false;
  const t = translator(citizen ? data.lang : 'de');
  const title = typeof handle?.title === 'function' ? handle.title(leaf?.data as never, t) : (handle?.title ?? 'vorort');
  return (
    <Shell
      lang={data.lang}
      title={title}
      csrfToken={data.csrfToken}
      user={data.user}
      jobcenterName={data.jobcenterName}
      path={data.path}
      citizen={citizen}
      hinweis={data.hinweis}
    >
      <Outlet />
    </Shell>
  );
}

export const rootRoute: NonIndexRouteObject = { id: 'root', path: '/', loader, Component: Root };
