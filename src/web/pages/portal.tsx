import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { authorize } from '../../server/policies.ts';
import { useT } from '../hooks.ts';
import { requirePageActor } from '../web-context.ts';
import type { PageHandle } from './root.tsx';

/** Citizen start page ("Mein Bereich"). */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  authorize(actor, 'portal.nutzen');
  return { name: actor.name };
}

function PortalPage() {
  const { name } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">{t('portal.titel')}</h1>
      <p className="kern-body">{name}</p>
      <p className="kern-body">{t('portal.einleitung')}</p>
      <p className="kern-body">{t('portal.leer')}</p>
    </div>
  );
}

export const portalRoute: RouteObject = {
  path: 'portal',
  loader,
  Component: PortalPage,
  handle: { title: (_d: never, t) => t('portal.titel'), citizen: true } satisfies PageHandle,
};
