import { z } from 'zod';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/** Choices for the Erstantrag form: the Träger's active Kommunen (no personal data). */
export const formularDaten = defineUseCase({
  name: 'fall.erstantrag-formular-daten',
  zugang: 'fall.bearbeiten',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => ({
      kommunen: (await organisationRepository.listKommunen(tx)).filter((k) => k.aktiv).map((k) => ({ id: k.id, name: k.name })),
    })),
});
