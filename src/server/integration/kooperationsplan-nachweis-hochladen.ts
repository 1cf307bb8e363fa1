import { createHash } from 'node:crypto';
import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { DOKUMENT_MELDUNGEN, pruefeUpload, type DokumentFehlerCode } from '../dokumente/virenscan.ts';
import { istUuid, kalendermonat } from '../schemas/grenzen.ts';
import { pruefeZugriff } from '../portal/zugriff.ts';
import { defineUseCase } from '../use-case.ts';
import { bgsDesBuergers, PLAN } from './kooperationsplan-gemeinsam.ts';

export type NachweisErgebnis = { status: 'sauber' | 'quarantaene'; id: string; dateiId: string } | { status: 'abgelehnt'; dateiId: string; code: DokumentFehlerCode; message: string };

/**
 * The citizen uploads proof of the Eigenbemühungen agreed in the plan in force: the file takes the portal's upload
 * path (content check, clamd scan, quarantine; portal_dateien) and, unless rejected, is recorded as an
 * `eigenbemuehung_nachweise` row for the month. A plan of another BG → 404 (before any scanning).
 */
export const kooperationsplanNachweisHochladen = defineUseCase({
  name: 'integration.kooperationsplan-nachweis-hochladen',
  zugang: 'portal.nutzen',
  input: z.object({
    id: z.string(),
    monat: kalendermonat(),
    anzahl: z.coerce.number({ message: 'Bitte eine Zahl angeben.' }).int('Bitte eine ganze Zahl angeben.').min(0, 'Die Zahl darf nicht negativ sein.').max(99, 'Bitte höchstens 99.'),
    inhalt: z.instanceof(Buffer),
    dateiname: z.string().max(300).optional(),
    abgeschnitten: z.boolean().optional(),
    fuer: z.string().max(40).optional(),
  }),
  audit: ['portal_datei.create', 'kooperationsplan.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const zugang = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const zugriff = await pruefeZugriff(tx, actor, input.fuer || actor.userId, 'handeln', tag);
      if (!istUuid(input.id)) throw notFound(PLAN);
      const plan = await kooperationsplanRepository.findPlan(tx, input.id);
      if (!plan || !(plan.status === 'abgestimmt' || plan.status === 'nicht_zustande_gekommen') || !(await bgsDesBuergers(tx, zugriff.buergerId)).includes(plan.bgId)) throw notFound(PLAN);
      return { zugriff, plan };
    });
    const pruefung = input.abgeschnitten
      ? ({ ergebnis: 'abgelehnt', code: 'datei_zu_gross', message: DOKUMENT_MELDUNGEN.datei_zu_gross } as const)
      : await pruefeUpload(input.inhalt, { socket: ctx.config.clamdSocket });
    const name = (input.dateiname ?? 'nachweis').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'nachweis';
    return ctx.db.withTenant(tenantScope(actor), async (tx): Promise<NachweisErgebnis> => {
      const { zugriff, plan } = zugang;
      const basis = {
        traegerId: actor.traegerId,
        buergerId: zugriff.buergerId,
        bgId: plan.bgId,
        nachweis: 'eigenbemuehungen',
        sha256: createHash('sha256').update(input.inhalt).digest('hex'),
        hochgeladenVon: actor.userId,
      };
      if (pruefung.ergebnis === 'abgelehnt') {
        const d = await portalRepository.insertDatei(tx, {
          ...basis,
          dateiname: name,
          mime: 'application/octet-stream',
          groesse: input.inhalt.length,
          inhalt: Buffer.alloc(0),
          status: 'abgelehnt',
          scanErgebnis: 'signatur' in pruefung && pruefung.signatur ? `${pruefung.code}: ${pruefung.signatur}` : pruefung.code,
          gescanntAm: new Date(),
        });
        await recordAudit(tx, actor, { objectType: 'portal_datei', objectId: d.id, action: 'create', purpose: 'Bürgerportal: Nachweis der Eigenbemühungen hochladen', details: { status: 'abgelehnt', code: pruefung.code } });
        return { status: 'abgelehnt', dateiId: d.id, code: pruefung.code, message: pruefung.message };
      }
      const d = await portalRepository.insertDatei(tx, {
        ...basis,
        dateiname: name.toLowerCase().endsWith(`.${pruefung.endung}`) ? name : `${name.replace(/\.[^.]*$/, '')}.${pruefung.endung}`,
        mime: pruefung.mime,
        groesse: pruefung.groesse,
        inhalt: input.inhalt,
        status: pruefung.ergebnis === 'angenommen' ? 'sauber' : 'quarantaene',
        scanErgebnis: pruefung.ergebnis === 'angenommen' ? 'OK' : pruefung.grund,
        gescanntAm: pruefung.ergebnis === 'angenommen' ? new Date() : null,
      });
      const n = await kooperationsplanRepository.insertNachweis(tx, {
        traegerId: actor.traegerId,
        kooperationsplanId: plan.id,
        personId: plan.personId,
        monat: input.monat,
        anzahl: input.anzahl,
        portalDateiId: d.id,
        eingereichtVon: actor.userId,
      });
      await recordAudit(tx, actor, { objectType: 'portal_datei', objectId: d.id, action: 'create', purpose: 'Bürgerportal: Nachweis der Eigenbemühungen hochladen', details: { status: d.status } });
      await recordAudit(tx, actor, { objectType: 'kooperationsplan', objectId: plan.id, personId: plan.personId, action: 'update', purpose: 'Bürgerportal: Eigenbemühungen nachweisen', details: { nachweis: input.monat, als: zugriff.als } });
      return { status: d.status as 'sauber' | 'quarantaene', id: n.id, dateiId: d.id };
    });
  },
});
