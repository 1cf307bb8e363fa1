import { createHash } from 'node:crypto';
import { z } from 'zod';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { fordernAnhoerungRepository } from '../../db/repositories/fordern-anhoerung.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { pruefeAktion } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, versionConflict } from '../errors.ts';
import { DOKUMENT_MELDUNGEN, pruefeUpload } from '../dokumente/virenscan.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { antwortAnhaengen, antwortMoeglich, datumDe } from './anhoerung-gemeinsam.ts';
import { ladeAnhoerungFuerBuerger } from './portal-anhoerung-gemeinsam.ts';

export const ANTWORT_MAX = 5000;

export const portalAntwortSchema = z.object({
  id: z.string().max(100),
  text: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), text(ANTWORT_MAX).min(1, { error: 'Bitte schreiben Sie Ihre Erklärung.' })),
  inhalt: z.instanceof(Buffer).optional(),
  dateiname: z.string().max(300).optional(),
  abgeschnitten: z.boolean().optional(),
  fuer: z.string().max(40).optional(),
});

const NICHT_MEHR = 'Über diese Sache wurde bereits entschieden; eine Antwort im Bürgerportal ist nicht mehr möglich.';

/**
 * The citizen answers the Anhörung in the portal: a text and optionally one file (PDF/JPG/PNG, the portal's upload
 * path: content check, clamd scan, quarantine; portal_dateien). The first answer moves the procedure to
 * 'entscheidung'; later ones are appended while the decision is open. A rejected file refuses the whole answer
 * (400 at `datei`, nothing saved but the rejected file's record). The caseworker gets a Wiedervorlage due today.
 */
export const portalAnhoerungBeantworten = defineUseCase({
  name: 'portal.anhoerung-beantworten',
  zugang: 'portal.nutzen',
  input: portalAntwortSchema,
  audit: ['minderungsverfahren.update', 'portal_datei.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const vorab = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v, zugriff } = await ladeAnhoerungFuerBuerger(tx, actor, input.id, input.fuer, 'handeln', tag);
      if (!antwortMoeglich(v.status)) throw fehler('verfahren_status', { meldung: NICHT_MEHR });
      return { bgId: v.bgId, buergerId: zugriff.buergerId };
    });
    const hatDatei = !!input.inhalt && (input.inhalt.length > 0 || !!input.dateiname);
    const pruefung = !hatDatei
      ? null
      : input.abgeschnitten
        ? ({ ergebnis: 'abgelehnt', code: 'datei_zu_gross', message: DOKUMENT_MELDUNGEN.datei_zu_gross } as const)
        : await pruefeUpload(input.inhalt!, { socket: ctx.config.clamdSocket });
    const name = (input.dateiname ?? 'nachweis').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'nachweis';
    const basis = { traegerId: actor.traegerId, buergerId: vorab.buergerId, bgId: vorab.bgId, nachweis: 'anhoerung', sha256: createHash('sha256').update(input.inhalt ?? Buffer.alloc(0)).digest('hex'), hochgeladenVon: actor.userId };
    if (pruefung?.ergebnis === 'abgelehnt') {
      await ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const d = await portalRepository.insertDatei(tx, {
          ...basis,
          dateiname: name,
          mime: 'application/octet-stream',
          groesse: input.inhalt!.length,
          inhalt: Buffer.alloc(0),
          status: 'abgelehnt',
          scanErgebnis: 'signatur' in pruefung && pruefung.signatur ? `${pruefung.code}: ${pruefung.signatur}` : pruefung.code,
          gescanntAm: new Date(),
        });
        await recordAudit(tx, actor, { objectType: 'portal_datei', objectId: d.id, action: 'create', purpose: 'Bürgerportal: Nachweis zur Anhörung hochladen', details: { status: 'abgelehnt', code: pruefung.code } });
      });
      throw validationFailed([{ path: 'datei', code: pruefung.code, message: pruefung.message }]);
    }
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v, zugriff } = await ladeAnhoerungFuerBuerger(tx, actor, input.id, input.fuer, 'handeln', tag, true);
      if (!antwortMoeglich(v.status)) throw fehler('verfahren_status', { meldung: NICHT_MEHR });
      if (v.status === 'anhoerung') {
        const ok = pruefeAktion(v.status, 'antwort_erfassen');
        if (!ok.ok) throw fehler('verfahren_status', { meldung: ok.meldung });
      }
      let datei: { id: string; status: string } | null = null;
      if (pruefung) {
        const d = await portalRepository.insertDatei(tx, {
          ...basis,
          dateiname: name.toLowerCase().endsWith(`.${pruefung.endung}`) ? name : `${name.replace(/\.[^.]*$/, '')}.${pruefung.endung}`,
          mime: pruefung.mime,
          groesse: pruefung.groesse,
          inhalt: input.inhalt!,
          status: pruefung.ergebnis === 'angenommen' ? 'sauber' : 'quarantaene',
          scanErgebnis: pruefung.ergebnis === 'angenommen' ? 'OK' : pruefung.grund,
          gescanntAm: pruefung.ergebnis === 'angenommen' ? new Date() : null,
        });
        datei = { id: d.id, status: d.status };
        await recordAudit(tx, actor, { objectType: 'portal_datei', objectId: d.id, action: 'create', purpose: 'Bürgerportal: Nachweis zur Anhörung hochladen', details: { status: d.status } });
      }
      const erste = !v.antwortText;
      const r = await fordernAnhoerungRepository.update(
        tx,
        v.id,
        v.version,
        {
          status: 'entscheidung',
          antwortText: antwortAnhaengen(v.antwortText, input.text, tag, 'portal'),
          antwortDateiIds: datei ? [...v.antwortDateiIds, datei.id] : v.antwortDateiIds,
          ...(erste ? { antwortAm: ctx.clock.now(), antwortKanal: 'portal' as const } : {}),
        },
        { am: ctx.clock.now().toISOString(), art: 'antwort', text: `${erste ? 'Antwort' : 'Weitere Antwort'} im Bürgerportal eingegangen${datei ? ' (mit Datei)' : ''}${zugriff.als === 'vertreter' ? ', von einer bevollmächtigten Person' : ''}.`, von: 'Bürgerportal' },
      );
      if (!r) throw versionConflict();
      // the caseworker learns of the answer in the follow-ups (due today); the answer itself stays in the procedure
      await antraegeRepository.insertWiedervorlage(tx, {
        traegerId: actor.traegerId,
        bgId: v.bgId,
        faelligAm: tag,
        grund: `Antwort auf die Anhörung im Minderungsverfahren ${v.aktenzeichen} im Bürgerportal eingegangen (${datumDe(tag)})`,
        art: 'allgemein',
        personId: v.personId,
        bezugId: v.id,
        zugewiesenAn: v.createdBy,
        createdBy: v.createdBy,
      });
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'update', purpose: 'Bürgerportal: auf die Anhörung antworten', details: { schritt: 'antwort_portal', status: r.status, als: zugriff.als } });
      return { id: v.id, status: r.status, datei };
    });
  },
});
