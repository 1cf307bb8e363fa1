import { z } from 'zod';
import { minderungsverfahrenRepository, type AnlassZeile } from '../../db/repositories/minderungsverfahren.ts';
import { feststellungsfristEnde } from '../../domain/fordern/fristen.ts';
import { TATBESTAND_INFO, tatbestandZuAnlass } from '../../domain/fordern/tatbestaende.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { sichtbareStandorte } from '../policies.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeElbPerson } from '../integration/betreuung-zugriff.ts';
import { zweckFordern } from './zugriff.ts';

/** The day `monate` calendar months before `tag` (1st of that month: a generous lower bound for the query). */
function monateZurueck(tag: string, monate: number): string {
  const m = Number(tag.slice(0, 4)) * 12 + Number(tag.slice(5, 7)) - 1 - monate;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}

export type Anlass = AnlassZeile & { fristEnde: string; tatbestand: string | null; tatbestandText: string | null };

/**
 * Possible Anlässe of a Minderungsverfahren without one (docs/fordern.md "Verfahren"), in the actor's Standorte, whose
 * Feststellungsfrist has not run out: Einladungen "nicht erschienen ohne wichtigen Grund" (with their Zugang, if
 * recorded), Maßnahmen abgebrochen/Ausschluss and Zuweisungen not started, Pflichten of a Verwaltungsakt (from
 * 1.7.2026) due and to be checked. Nearest Frist first. Whether a procedure is opened stays the caseworker's decision.
 * With `personId`: only that person's, and the person (name, Fallakte) for the form of a manual start.
 */
export const anlaesseAuflisten = defineUseCase({
  name: 'fordern.anlaesse',
  zugang: 'fordern.lesen',
  input: z.object({ personId: leerAlsFehlend(uuid('Die Person')).describe('nur die Anlässe dieser Person') }),
  audit: ['minderungsverfahren.search'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const standorte = sichtbareStandorte(actor, 'fordern.lesen');
    // Frist of six months: the query looks seven months back, the exact rule filters below
    const seit = monateZurueck(tag, 7);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      // with a person: she must be in reach (404 otherwise); her name and Fallakte for the form of a manual start
      const p = input.personId ? await ladeElbPerson(tx, actor, input.personId, 'fordern.lesen', tag) : null;
      const person = p && { id: p.personId, name: `${p.vorname} ${p.nachname}`, bgId: p.bgId, fallnummer: p.fallnummer, elb: p.elb };
      const f = { standorte, seit, heute: tag, personId: input.personId };
      const zeilen = [
        ...(await minderungsverfahrenRepository.meldeversaeumnisseOhneVerfahren(tx, f)),
        ...(await minderungsverfahrenRepository.teilnahmeAnlaesseOhneVerfahren(tx, f)),
        ...(await minderungsverfahrenRepository.kooperationsplanAnlaesseOhneVerfahren(tx, f)),
      ];
      const anlaesse: Anlass[] = zeilen
        .map((zeile) => {
          const t = tatbestandZuAnlass(zeile.anlassArt);
          return { ...zeile, fristEnde: feststellungsfristEnde(zeile.tag), tatbestand: t, tatbestandText: t ? TATBESTAND_INFO[t].titel : null };
        })
        .filter((a) => a.fristEnde >= tag)
        .sort((a, b) => a.fristEnde.localeCompare(b.fristEnde) || a.name.localeCompare(b.name, 'de'));
      if (anlaesse.length) {
        await recordAudit(tx, actor, {
          objectType: 'minderungsverfahren',
          action: 'search',
          ...(input.personId ? { personId: input.personId } : {}),
          purpose: zweckFordern('Anlässe ohne Minderungsverfahren ansehen'),
          details: { schritt: 'anlaesse', anzahl: anlaesse.length, faelle: [...new Set(anlaesse.map((a) => a.bgId))] },
        });
      }
      return { heute: tag, person, anlaesse };
    });
  },
});
