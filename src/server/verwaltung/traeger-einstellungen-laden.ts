import { z } from 'zod';
import { einstellungenRepository } from '../../db/repositories/traeger-einstellungen.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { presentEinstellungen } from './schemas.ts';

/** Vier-Augen thresholds and the Träger's bank account (the defaults until first saved). */
export const traegerEinstellungenLaden = defineUseCase({
  name: 'verwaltung.traeger-einstellungen-laden',
  zugang: 'einstellungen.verwalten',
  input: z.object({}),
  audit: [],
  run: ({ ctx, actor }) => ctx.db.withTenant(tenantScope(actor), async (tx) => presentEinstellungen(await einstellungenRepository.find(tx))),
});
