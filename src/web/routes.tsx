import type { RouteObject } from 'react-router';
import { rootRoute } from './pages/root.tsx';
import { startRoute } from './pages/start.tsx';
import { loginRoute, logoutRoute } from './pages/anmelden.tsx';
import { arbeitsplatzRoute } from './pages/arbeitsplatz.tsx';
import { portalRoute } from './pages/portal.tsx';
import { kontoRoute } from './pages/konto.tsx';
import { barrierefreiheitRoute, datenschutzRoute } from './pages/info.tsx';

/**
 * Every page, by path. Each page module exports one route object: its loader/action call the use case
 * (src/server/<area>/<use-case>.ts); its `handle.title` names the page; `handle.citizen` marks citizen pages
 * (translated, with the language switch).
 */
export const routes: RouteObject[] = [
  {
    ...rootRoute,
    children: [
      startRoute,
      loginRoute,
      logoutRoute,
      arbeitsplatzRoute,
      portalRoute,
      kontoRoute,
      barrierefreiheitRoute,
      datenschutzRoute,
    ],
  },
];
