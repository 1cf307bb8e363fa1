import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import type { TeilnahmeStatus } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { authorize, sichtbareStandorte } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { teilnehmerSchema } from './massnahmen-schemas.ts';
import { ladeMassnahme, presentTeilnahme, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

const BEIM_TRAEGER: readonly TeilnahmeStatus[] = ['zugewiesen', 'eingetreten', 'ausgetreten'];

/**
 * The participants list of a Maßnahme for the provider: only persons whose BG belongs to one of the actor's
 * Standorte (integration.lesen reach). Reading (page, JSON) is audited as a search, the CSV download as an export,
 * each with the persons shown.
 */
export const massnahmeTeilnehmer = defineUseCase({
  name: 'integration.massnahme-teilnehmer',
  zugang: 'massnahmen.lesen',
  input: teilnehmerSchema,
  audit: ['teilnahme.search', 'teilnahme.export'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const m = await ladeMassnahme(tx, input.id);
      authorize(actor, 'integration.lesen');
      const csv = input.format === 'csv';
      const alle = await teilnahmenRepository.teilnehmer(tx, m.id, sichtbareStandorte(actor, 'integration.lesen'), input.status ? [input.status] : undefined);
      // the provider only learns of persons assigned to it (not of proposals, the Warteliste or refusals)
      const zeilen = csv ? alle.filter((z) => BEIM_TRAEGER.includes(z.status)) : alle;
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        objectId: m.id,
        action: csv ? 'export' : 'search',
        purpose: zweckTeilnahme(actor, csv ? 'Teilnehmendenliste für den Maßnahmeträger herunterladen' : 'Teilnehmendenliste einer Maßnahme ansehen'),
        details: { massnahmeId: m.id, anzahl: zeilen.length, treffer: [...new Set(zeilen.map((z) => z.personId))], ...(csv ? { format: 'csv' } : {}) },
      });
      return { massnahme: { id: m.id, bezeichnung: m.bezeichnung, anbieter: m.anbieter }, teilnehmer: zeilen.map((z) => ({ ...presentTeilnahme(z), geburtsdatum: z.geburtsdatum })) };
    }),
});

const feld = (s: string | number | null | undefined) => {
  const t = s === null || s === undefined ? '' : String(s);
  // spreadsheet formula injection: a leading =, +, -, @ is neutralised
  const sicher = /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
  return /[";\n\r]/.test(sicher) ? `"${sicher.replace(/"/g, '""')}"` : sicher;
};

/**
 * The list as CSV for the provider (semicolon, UTF-8 with BOM, as German spreadsheets expect). Data minimisation
 * (Art. 5 Abs. 1 lit. c DSGVO, § 67c SGB X): name and date of birth — the provider needs both to recognise the person
 * at the entry (names repeat) — but no internal case number (Fallnummer) of the Jobcenter.
 */
export function teilnehmerCsv(r: Awaited<ReturnType<typeof massnahmeTeilnehmer.run>>): string {
  const kopf = ['Name', 'Geburtsdatum', 'Standort', 'Status', 'Platz', 'Beginn geplant', 'Ende geplant', 'Eintritt', 'Austritt', 'Grund'];
  const zeilen = r.teilnehmer.map((t) => [t.name, t.geburtsdatum, t.standortName, t.statusText, t.platzNr, t.geplantVon, t.geplantBis, t.eintrittAm, t.austrittAm, t.austrittsgrundText].map(feld).join(';'));
  return `\ufeff${[kopf.join(';'), ...zeilen].join('\r\n')}\r\n`;
}
