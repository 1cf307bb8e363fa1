import type { RouteObject } from 'react-router';
import { rootRoute } from './pages/root.tsx';
import { startRoute } from './pages/start.tsx';
import { loginRoute, logoutRoute } from './pages/anmelden.tsx';
import { arbeitsplatzRoute } from './pages/arbeitsplatz.tsx';
import { portalRoute } from './pages/portal.tsx';
import { kontoRoute } from './pages/konto.tsx';
import { barrierefreiheitRoute, datenschutzRoute } from './pages/info.tsx';
import { registerConfirmRoute, registerRoute, registerSentRoute } from './pages/registrieren.tsx';
import { forgotPasswordRoute, newPasswordRoute } from './pages/passwort.tsx';
import { forcedTotpSetupRoute, secondFactorRoute } from './pages/zweiter-faktor.tsx';
import { kontoTotpRoute } from './pages/konto-totp.tsx';
import { oidcCallbackRoute, oidcStartRoute } from './pages/oidc.tsx';
import { verwaltungAnmeldungRoute } from './pages/verwaltung-anmeldung.tsx';
import { verwaltungRoute } from './pages/verwaltung/index.tsx';
import { kommuneNeuRoute, kommuneRoute, kommunenRoute } from './pages/verwaltung/kommunen.tsx';
import { standortNeuRoute, standortRoute, standorteRoute } from './pages/verwaltung/standorte.tsx';
import { benutzerDetailRoute, benutzerNeuRoute, benutzerRoute } from './pages/verwaltung/benutzer.tsx';
import { protokollRoute } from './pages/verwaltung/protokoll.tsx';
import { entwicklungPostRoute } from './pages/entwicklung-post.tsx';
import { faelleSucheRoute } from './pages/faelle/suche.tsx';
import { faelleNeuRoute } from './pages/faelle/neu.tsx';
import { fallakteRoute } from './pages/faelle/akte.tsx';
import { arbeitsvorratRoute } from './pages/faelle/arbeitsvorrat.tsx';

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
      registerRoute,
      registerSentRoute,
      registerConfirmRoute,
      forgotPasswordRoute,
      newPasswordRoute,
      secondFactorRoute,
      forcedTotpSetupRoute,
      kontoTotpRoute,
      oidcStartRoute,
      oidcCallbackRoute,
      verwaltungAnmeldungRoute,
      verwaltungRoute,
      kommunenRoute,
      kommuneNeuRoute,
      kommuneRoute,
      standorteRoute,
      standortNeuRoute,
      standortRoute,
      benutzerRoute,
      benutzerNeuRoute,
      benutzerDetailRoute,
      protokollRoute,
      entwicklungPostRoute,
      faelleSucheRoute,
      faelleNeuRoute,
      fallakteRoute,
      arbeitsvorratRoute,
      barrierefreiheitRoute,
      datenschutzRoute,
    ],
  },
];
