import { z } from 'zod';
import { terminRegelnRepository, type TerminRegelnRow } from '../../db/repositories/termin-regeln.ts';
import { STANDARD_REGELN, type TerminRegeln } from '../../domain/termine/index.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { alsRegeln } from './gemeinsam.ts';

/** What the admin page and `GET /api/admin/termin-regeln` show: the rules in force and the version to send back. */
export type TerminRegelnAnsicht = {
  regeln: TerminRegeln;
  standard: TerminRegeln;
  /** null until the Träger first saved its rules (then `STANDARD_REGELN` apply) */
  updatedAt: string | null;
  /** 0 = nothing stored yet (the first save sends 0) */
  version: number;
};

export const regelnAnsicht = (row: TerminRegelnRow | undefined): TerminRegelnAnsicht => ({
  regeln: row ? alsRegeln(row) : { ...STANDARD_REGELN },
  standard: { ...STANDARD_REGELN },
  updatedAt: row ? row.updatedAt.toISOString() : null,
  version: row?.version ?? 0,
});

/** The Träger's Termine rules (admin). */
export const terminRegelnLaden = defineUseCase({
  name: 'termine.termin-regeln-laden',
  zugang: 'einstellungen.verwalten',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) => ctx.db.withTenant(tenantScope(actor), async (tx) => regelnAnsicht(await terminRegelnRepository.find(tx, actor.traegerId))),
});
