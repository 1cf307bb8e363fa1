import { z } from 'zod';
import { FlowKonfigurationsFehler, uebernehmeSchritt, validiereSchritt, type FeldFehler, type FlowDaten, type FormEingabe, type Sprache } from '../../domain/formular/index.ts';
import { SPRACHEN } from '../../domain/formular/texte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { heute } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';
import { notFound } from '../errors.ts';
import { entschluessele, flowVon, nurOffen, speichere } from './entwurf-gemeinsam.ts';
import { ladeEntwurfFuer } from './zugriff.ts';

export type SchrittErgebnis = { ok: true; naechster: string | undefined; daten: FlowDaten } | { ok: false; fehler: FeldFehler[]; eingabe: FormEingabe };

/** Validates the answers of one step and saves them (every step is saved on the server). */
export const schrittSpeichern = defineUseCase({
  name: 'portal.schritt-speichern',
  zugang: 'angemeldet',
  input: z.object({
    id: z.string(),
    adresse: z.string().max(500),
    /** the raw form fields of the step; the flow engine validates them field by field (with the person's language) */
    eingabe: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.undefined()])),
    sprache: z.enum(SPRACHEN as [Sprache, ...Sprache[]]).default('de'),
  }),
  audit: ['antrag_entwurf.update'],
  run: async ({ ctx, actor, input: opts }): Promise<SchrittErgebnis> => {
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    nurOffen(entwurf);
    const pf = flowVon(entwurf);
    const daten = entschluessele(ctx, entwurf);
    let v;
    try {
      v = validiereSchritt(pf.flow, opts.adresse, opts.eingabe, { sprache: opts.sprache, daten });
    } catch (err) {
      if (err instanceof FlowKonfigurationsFehler) throw notFound('Der Schritt');
      throw err;
    }
    if (!v.ok) return { ok: false, fehler: v.fehler, eingabe: v.eingabe };
    let u;
    try {
      u = uebernehmeSchritt(pf.flow, daten, opts.adresse, v.werte, { heute: heute(ctx.clock.now()) });
    } catch (err) {
      if (err instanceof FlowKonfigurationsFehler) throw notFound('Der Schritt');
      throw err;
    }
    const antragsdatum = typeof u.daten.antragsdatum === 'string' ? u.daten.antragsdatum : entwurf.antragsdatum;
    await speichere(tx, ctx, actor, entwurf, u.daten, { aktuellerSchritt: u.naechster ?? opts.adresse, antragsdatum }, 'Schritt speichern');
    if (u.antragsdatumGesetzt) {
      await recordAudit(tx, actor, { objectType: 'antrag_entwurf', objectId: entwurf.id, action: 'update', purpose: 'Bürgerportal: Antragsdatum festhalten', details: { antragsdatum } });
    }
    return { ok: true, naechster: u.naechster, daten: u.daten };
  });
  },
});
