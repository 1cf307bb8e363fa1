import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerAdminRoutes } from './admin/routes.ts';
import { registerBerechnungRoutes } from './berechnung/routes.ts';
import { registerFallRoutes } from './fall/routes.ts';
import { registerMitteilungRoutes } from './fall/mitteilung-routes.ts';
import { registerKduEmpfaengerRoutes } from './fall/kdu-empfaenger-routes.ts';
import { registerBewilligungRoutes } from './bewilligung/routes.ts';
import { registerZahlungRoutes } from './zahlung/routes.ts';
import { registerErstattungRoutes } from './zahlung/erstattung-routes.ts';
import { registerMassenaenderungRoutes } from './massenaenderung/routes.ts';
import { registerTermineRoutes } from './termine/routes.ts';
import { registerVideoRoutes } from './video/raeume.ts';
import { registerPortalRoutes } from './portal/routes.ts';
import { registerKooperationsplanRoutes } from './integration/routes-kooperationsplan.ts';
import { registerIntegrationenRoutes } from './integration/routes-integrationen.ts';
import { registerPotenzialanalyseRoutes } from './integration/routes-potenzialanalyse.ts';
import { registerBetreuungRoutes } from './integration/routes-betreuung.ts';
import { registerBudgetRoutes } from './integration/routes-budget.ts';
import { registerMassnahmenRoutes } from './integration/routes-massnahmen.ts';
import { registerFordernVerfahrenRoutes } from './fordern/routes-verfahren.ts';
import { registerFordernAnhoerungRoutes } from './fordern/routes-anhoerung.ts';
import { registerFordernEntscheidungRoutes } from './fordern/routes-entscheidung.ts';


/** Every JSON API area registers its routes here (one folder per area). */
export function registerApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  registerHealthRoutes(api, ctx);
  registerAuthRoutes(api, ctx);
  registerAdminRoutes(api, ctx);
  registerBerechnungRoutes(api, ctx);
  registerFallRoutes(api, ctx);
  registerMitteilungRoutes(api, ctx);
  registerBewilligungRoutes(api, ctx);
  registerZahlungRoutes(api, ctx);
  registerErstattungRoutes(api, ctx);
  registerMassenaenderungRoutes(api, ctx);
  registerTermineRoutes(api, ctx);
  registerVideoRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerKooperationsplanRoutes(app, ctx);
  registerIntegrationenRoutes(api, ctx);
  registerPotenzialanalyseRoutes(api, ctx);
  registerBetreuungRoutes(api, ctx);
  registerBudgetRoutes(api, ctx);
  registerMassnahmenRoutes(api, ctx);
  registerFordernVerfahrenRoutes(app, ctx);
  registerFordernAnhoerungRoutes(app, ctx);
  registerFordernEntscheidungRoutes(app, ctx);
  registerKduEmpfaengerRoutes(app, ctx);
  api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
