import { z } from 'zod';
import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import { feststellungsfristEnde } from '../../domain/fordern/fristen.ts';
import { TATBESTAND_INFO } from '../../domain/fordern/tatbestaende.ts';
import { erlaubteAktionen, STATUS_TEXT } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { ANLASS_TEXT } from './verfahren-eroeffnen.ts';
import { ladeVerfahrenFuer, zweckFordern } from './zugriff.ts';

export type VerfahrenAnsicht = Awaited<ReturnType<typeof verfahrenAnsehen.run>>;

/** Where the Anlass of a procedure is shown (the page links there when the reader may open it). */
function anlassLink(v: { anlassArt: string; anlassId: string | null; personId: string }): { href: string; text: string; berechtigung: 'termine.bearbeiten' | 'integration.lesen' } | null {
  if (!v.anlassId) return null;
  if (v.anlassArt === 'meldeversaeumnis') return { href: `/termine/einladungen/${v.anlassId}`, text: 'Einladung und Ergebnis ansehen', berechtigung: 'termine.bearbeiten' };
  if (v.anlassArt === 'zuweisung' || v.anlassArt === 'massnahme_abbruch') return { href: `/integration/personen/${v.personId}/massnahmen`, text: 'Maßnahmen der Person ansehen', berechtigung: 'integration.lesen' };
  if (v.anlassArt === 'kooperationsplan') return { href: `/integration/personen/${v.personId}/kooperationsplan`, text: 'Kooperationsplan ansehen', berechtigung: 'integration.lesen' };
  return null;
}

/**
 * Everything the procedure page needs (docs/fordern.md "Verfahren"): the procedure with its history, the person's
 * name and the BG's Fallnummer, the Tatbestand with norm, the Fristen, the person's earlier procedures and decided
 * Minderungen, the actions the state machine allows (src/domain/fordern/verfahren.ts) and the reader's rights.
 * Unknown id, another Träger or a Standort out of reach → 404. The read is audited (purpose, step 'ansehen').
 */
export const verfahrenAnsehen = defineUseCase({
  name: 'fordern.verfahren-ansehen',
  zugang: 'fordern.lesen',
  input: z.object({ id: z.string().max(100).describe('Minderungsverfahren (UUID)') }),
  audit: ['minderungsverfahren.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const v = await ladeVerfahrenFuer(tx, actor, input.id, 'fordern.lesen');
      const minderungen = await minderungsverfahrenRepository.minderungenDerPerson(tx, v.personId);
      const verfahrenDerPerson = await minderungsverfahrenRepository.derPerson(tx, v.personId);
      await recordAudit(tx, actor, {
        objectType: 'minderungsverfahren',
        objectId: v.id,
        personId: v.personId,
        action: 'read',
        purpose: zweckFordern('Minderungsverfahren ansehen'),
        details: { schritt: 'ansehen', status: v.status, bgId: v.bgId },
      });
      const info = TATBESTAND_INFO[v.tatbestand];
      const link = anlassLink(v);
      const offen = ['erfasst', 'anhoerung', 'entscheidung', 'freigabe_erforderlich'].includes(v.status);
      return {
        heute: tag,
        verfahren: {
          ...v,
          statusText: STATUS_TEXT[v.status],
          anlassArtText: ANLASS_TEXT[v.anlassArt],
          tatbestandText: info.titel,
          tatbestandKurz: info.kurz,
          norm: info.norm,
          belehrungNoetig: info.belehrungNoetig,
          offen,
          feststellungsfristAbgelaufen: offen && v.fristEnde < tag,
        },
        person: { id: v.personId, name: v.name, bgId: v.bgId, fallnummer: v.fallnummer },
        anlassLink: link && (can(actor, link.berechtigung) ? { href: link.href, text: link.text } : null),
        /** the Minderung decided in this procedure (null until festgestellt) */
        minderung: minderungen.find((m) => m.verfahrenId === v.id) ?? null,
        /** the person's other decided Minderungen, newest first */
        /** only the earlier ones: festgestellt before this procedure's Pflichtverletzung */
        fruehereMinderungen: minderungen.filter((m) => m.verfahrenId !== v.id && String(m.festgestelltAm).slice(0, 10) < v.pflichtverletzungAm),
        /** the person's other procedures, newest Pflichtverletzung first */
        weitereVerfahren: verfahrenDerPerson
          .filter((x) => x.id !== v.id)
          .map((x) => ({ ...x, statusText: STATUS_TEXT[x.status], tatbestandText: TATBESTAND_INFO[x.tatbestand].titel, fristEnde: feststellungsfristEnde(x.pflichtverletzungAm) })),
        /** actions the state allows now; the pages show the ones the reader's rights cover */
        aktionen: erlaubteAktionen(v.status),
        rechte: { bearbeiten: can(actor, 'fordern.bearbeiten'), entscheiden: can(actor, 'fordern.entscheiden'), freigeben: can(actor, 'fordern.freigeben') },
      };
    });
  },
});
