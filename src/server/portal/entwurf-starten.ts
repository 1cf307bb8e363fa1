import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { starteFlow, type FlowDaten } from '../../domain/formular/index.ts';
import { zustandAm } from '../../domain/fallakte/index.ts';
import { vorbelegungAusFallzustand } from '../../domain/formular/weiterbewilligung-vorbelegung.ts';
import { ergaenzeVorbelegung, vorbelegungAusKonto } from '../../domain/formular/vorbelegung.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { heute } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';
import { notFound } from '../errors.ts';
import { entschluessele, speichere, verschluessele } from './entwurf-gemeinsam.ts';
import { portalFlow } from './flows.ts';
import { pruefeZugriff } from './zugriff.ts';

/**
 * Starts a draft for the flow (or returns the open draft of the same flow: one unfinished application at a time).
 * `vorbelegung` (e.g. the public pre-check's answers) fills a new draft, or only the gaps of an open one — an answer
 * the person already gave is never overwritten. A new Erstantrag also starts with the account's name and e-mail.
 */
export const entwurfStarten = defineUseCase({
  name: 'portal.entwurf-starten',
  zugang: 'angemeldet',
  input: z.object({
    flowId: z.string().max(100),
    fuer: z.string().max(100).optional().describe('Konto der vertretenen Person (Vollmacht); sonst das eigene'),
    vorbelegung: z.record(z.string(), z.unknown()).optional(),
  }),
  audit: ['antrag_entwurf.create', 'antrag_entwurf.update'],
  run: async ({ ctx, actor, input: opts }): Promise<string> => {
  const pf = portalFlow(opts.flowId);
  if (!pf) throw notFound('Das Formular');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { buergerId } = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'handeln', heute(ctx.clock.now()));
    const offen = (await portalRepository.listEntwuerfe(tx, buergerId)).find((e) => e.status === 'offen' && e.flowId === pf.id);
    if (offen) {
      if (opts.vorbelegung) {
        const bisher = entschluessele(ctx, offen);
        const ergaenzt = ergaenzeVorbelegung(pf.flow, bisher, opts.vorbelegung);
        if (JSON.stringify(ergaenzt) !== JSON.stringify(bisher)) await speichere(tx, ctx, actor, offen, ergaenzt, {}, 'Angaben der Anspruchsprüfung ergänzen');
      }
      return offen.id;
    }
    let vorbelegung = opts.vorbelegung ?? (pf.id === 'weiterbewilligung' ? await vorbelegungAusFallakte(tx, buergerId, heute(ctx.clock.now())) : undefined);
    if (pf.id === 'erstantrag') {
      const konto = await userRepository.findById(tx, buergerId);
      if (konto) vorbelegung = ergaenzeVorbelegung(pf.flow, (vorbelegung ?? {}) as FlowDaten, vorbelegungAusKonto(konto));
    }
    const { daten } = starteFlow(pf.flow, vorbelegung);
    const e = await portalRepository.insertEntwurf(tx, {
      updatedAt: ctx.clock.now(),
      traegerId: actor.traegerId,
      buergerId,
      flowId: pf.id,
      art: pf.art,
      datenEnc: verschluessele(ctx, daten),
      aktuellerSchritt: pf.flow.initial,
      zuletztVon: actor.userId,
    });
    await recordAudit(tx, actor, { objectType: 'antrag_entwurf', objectId: e.id, action: 'create', purpose: 'Bürgerportal: Antrag beginnen', details: { flow: pf.id, fuer: buergerId === actor.userId ? 'selbst' : buergerId, ...(opts.vorbelegung ? { vorbelegung: 'anspruchspruefung' } : {}) } });
    return e.id;
  });
  },
});

/** The citizen's current Fallakte state as pre-filled answers (Weiterbewilligung); undefined without a case. */
async function vorbelegungAusFallakte(tx: Tx, buergerId: string, heuteDatum: string): Promise<FlowDaten | undefined> {
  const bgId = (await portalRepository.antraegeVon(tx, buergerId)).find((a) => a.bgId)?.bgId;
  const bg = bgId ? await fallRepository.findBg(tx, bgId) : undefined;
  if (!bg) return undefined;
  const rows = await fallRepository.ladeDaten(tx, bg.id, { bank: true });
  const zustand = zustandAm({ bg: { id: bg.id, fallnummer: bg.fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version }, ...rows }, heuteDatum);
  return vorbelegungAusFallzustand(zustand) as FlowDaten;
}

