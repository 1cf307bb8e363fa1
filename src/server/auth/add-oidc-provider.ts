import { organisationRepository } from '../../db/repositories/organisation.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope, type AppContext } from '../context.ts';
import { validationFailed, type FieldIssue } from '../errors.ts';
import { encrypt } from '../security/crypto.ts';
import { defineUseCase } from '../use-case.ts';
import { issuerProblem, OIDC_SECRET_PURPOSE } from './oidc-client.ts';

export type OidcProviderInput = { label: string; issuer: string; clientId: string; clientSecret: string };

/** Rules for a new provider (the issuer's depend on the environment); the messages go next to the fields. */
function oidcProviderIssues(input: OidcProviderInput, env: AppContext['config']['env']): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!input.label.trim() || input.label.trim().length > 100) {
    issues.push({ path: 'label', code: 'invalid_label', message: 'Bitte geben Sie eine Beschriftung an (höchstens 100 Zeichen), z. B. „Kreisverwaltung“.' });
  }
  const problem = input.issuer.trim() ? issuerProblem(input.issuer.trim(), env) : 'Bitte geben Sie die Adresse (Issuer-URL) des Anbieters an.';
  if (problem) issues.push({ path: 'issuer', code: 'invalid_issuer', message: problem });
  if (!input.clientId.trim() || input.clientId.trim().length > 200) {
    issues.push({ path: 'clientId', code: 'invalid_client_id', message: 'Bitte geben Sie die Client-ID an, die der Anbieter für vorort vergeben hat.' });
  }
  if (!input.clientSecret || input.clientSecret.length > 500) {
    issues.push({ path: 'clientSecret', code: 'invalid_client_secret', message: 'Bitte geben Sie das Client-Secret an.' });
  }
  return issues;
}

/**
 * Connects an OpenID provider (the Kreis' Keycloak or directory) to the Träger. The client secret is stored
 * encrypted with the server secret and never shown again.
 */
export const addOidcProvider = defineUseCase({
  name: 'auth.add-oidc-provider',
  zugang: 'organisation.verwalten',
  input: z.object({ label: z.string(), issuer: z.string(), clientId: z.string(), clientSecret: z.string() }),
  audit: ['oidc_provider.create'],
  run: async ({ ctx, actor, input }): Promise<{ id: string }> => {
    const issues = oidcProviderIssues(input, ctx.config.env);
    if (issues.length) throw validationFailed(issues);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const created = await organisationRepository.insertOidcProvider(tx, {
        traegerId: actor.traegerId,
        label: input.label.trim(),
        // Stored as entered: discovery checks that the provider names exactly this issuer.
        issuer: input.issuer.trim(),
        clientId: input.clientId.trim(),
        clientSecretEnc: encrypt(ctx.config.secret, OIDC_SECRET_PURPOSE, input.clientSecret),
        aktiv: true,
      });
      await recordAudit(tx, actor, {
        objectType: 'oidc_provider',
        objectId: created.id,
        action: 'create',
        purpose: 'Anmeldedienst (OpenID Connect) für Mitarbeitende eingerichtet',
        details: { label: created.label, issuer: created.issuer },
      });
      return { id: created.id };
    });
  },
});
