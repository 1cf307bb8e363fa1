import { z } from 'zod';
import { briefkopf } from '../bescheid/briefkopf.ts';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { fordernAnhoerungRepository } from '../../db/repositories/fordern-anhoerung.ts';
import { defineUseCase } from '../use-case.ts';
import { adresseVon } from './anhoerung-dokument.ts';
import { einschaetzung } from './anhoerung-gemeinsam.ts';
import { kurzansicht, ladeAnhoerungFuerBuerger } from './portal-anhoerung-gemeinsam.ts';

/**
 * Bürgerportal: one Anhörung with what happened, the Belehrung relied on, the Minderung considered, the deadline, how
 * to answer and the answers given so far (with the files' names). The page shows it in the portal language
 * (dictionary keys `anh.*`); the caseworker's own words stay German. Another BG's procedure → 404.
 */
export const portalAnhoerungAnsehen = defineUseCase({
  name: 'portal.anhoerung-ansehen',
  zugang: 'portal.nutzen',
  input: z.object({ id: z.string().max(100), fuer: z.string().max(40).optional() }),
  audit: ['minderungsverfahren.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v, zugriff } = await ladeAnhoerungFuerBuerger(tx, actor, input.id, input.fuer, 'lesen', tag);
      const person = await betreuungRepository.personKontext(tx, v.personId, tag);
      const e = await einschaetzung(tx, v, v.anhoerungFrist ?? tag);
      const persoenlichAm = v.anhoerungTerminId ? ((await fordernAnhoerungRepository.terminTag(tx, v.anhoerungTerminId)) ?? null) : null;
      const dateien = [];
      for (const id of v.antwortDateiIds) {
        const d = await portalRepository.findDatei(tx, id);
        if (d) dateien.push({ id: d.id, dateiname: d.dateiname, status: d.status });
      }
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'read', purpose: 'Bürgerportal: Anhörung ansehen', details: { schritt: 'anhoerung_ansehen', als: zugriff.als } });
      return {
        ...kurzansicht(v, `${person?.vorname ?? ''} ${person?.nachname ?? ''}`.trim()),
        buergerId: zugriff.buergerId,
        als: zugriff.als,
        anlassText: v.anlassText,
        belehrungArt: v.belehrungArt,
        belehrungAm: v.belehrungAm,
        vorschlag: e.vorschlag,
        persoenlichAm,
        adresse: person ? adresseVon(await briefkopf(tx, person.standortId)) : '',
        hatPdf: v.hatAnhoerungPdf,
        antwortText: v.antwortText,
        antwortAm: v.antwortAm?.toISOString() ?? null,
        dateien,
      };
    });
  },
});

/** The citizen's copy of the Anhörungsschreiben. */
export const portalAnhoerungPdf = defineUseCase({
  name: 'portal.anhoerung-pdf',
  zugang: 'portal.nutzen',
  input: z.object({ id: z.string().max(100), fuer: z.string().max(40).optional() }),
  audit: ['minderungsverfahren.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v, zugriff } = await ladeAnhoerungFuerBuerger(tx, actor, input.id, input.fuer, 'lesen', tag);
      const pdf = await fordernAnhoerungRepository.pdf(tx, v.id);
      if (!pdf) throw notFound('Das Schreiben');
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'read', purpose: 'Bürgerportal: Anhörungsschreiben öffnen', details: { schritt: 'anhoerung_pdf', als: zugriff.als } });
      return { pdf, dateiname: `anhoerung-${v.aktenzeichen}.pdf` };
    });
  },
});
