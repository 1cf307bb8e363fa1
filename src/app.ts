import type { AppContext } from './server/context.ts';
import { buildServer, type App } from './server/app.ts';
import { registerWebRoutes, renderErrorPage } from './web/server.tsx';

export type { App } from './server/app.ts';

/**
 * The composition root: the HTTP server of src/server with the pages of src/web plugged in. It sits above both
 * layers, so src/server never imports src/web (the dependency rule, .dependency-cruiser.cjs). The CLI, the tests and
 * the benchmarks start the application here.
 */
export function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  return buildServer(ctx, { ...opts, seiten: { registrieren: registerWebRoutes, fehlerseite: renderErrorPage } });
}
