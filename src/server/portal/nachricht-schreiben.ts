import { createHash } from 'node:crypto';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { heute } from '../clock.ts';
import { pruefeUpload } from '../dokumente/virenscan.ts';
import { pruefeZugriff } from './zugriff.ts';
import { pruefeText } from './postfach-gemeinsam.ts';

export async function schreibeNachricht(opts: {
  ctx: AppContext;
  actor: Actor;
  fuer?: string | undefined;
  betreff: string;
  text: string;
  anhang?: { inhalt: Buffer; dateiname: string } | undefined;
}) {
  const { ctx, actor } = opts;
  pruefeText(opts.betreff, opts.text);
  await ctx.db.withTenant(tenantScope(actor), (tx) => pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'handeln', heute(ctx.clock.now())));
  const pruefung = opts.anhang ? await pruefeUpload(opts.anhang.inhalt, { socket: ctx.config.clamdSocket }) : undefined;
  if (pruefung?.ergebnis === 'abgelehnt') throw new AppError(pruefung.code, 422, pruefung.message);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const z = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'handeln', heute(ctx.clock.now()));
    const letzter = (await portalRepository.antraegeVon(tx, z.buergerId)).find((a) => a.bgId);
    const n = await portalRepository.insertNachricht(tx, {
      traegerId: actor.traegerId,
      buergerId: z.buergerId,
      bgId: letzter?.bgId ?? null,
      richtung: 'an_jobcenter',
      betreff: opts.betreff.trim(),
      text: opts.text.trim(),
      absenderId: actor.userId,
      absenderName: z.als === 'selbst' ? actor.name : `${actor.name} (bevollmächtigt)`,
    });
    if (opts.anhang && pruefung) {
      await portalRepository.insertDatei(tx, {
        traegerId: actor.traegerId,
        buergerId: z.buergerId,
        nachrichtId: n.id,
        bgId: letzter?.bgId ?? null,
        antragId: letzter?.id ?? null,
        dateiname: opts.anhang.dateiname.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || `anhang.${pruefung.endung}`,
        mime: pruefung.mime,
        groesse: pruefung.groesse,
        sha256: createHash('sha256').update(opts.anhang.inhalt).digest('hex'),
        inhalt: opts.anhang.inhalt,
        status: pruefung.ergebnis === 'angenommen' ? 'sauber' : 'quarantaene',
        scanErgebnis: pruefung.ergebnis === 'angenommen' ? 'OK' : pruefung.grund,
        gescanntAm: pruefung.ergebnis === 'angenommen' ? new Date() : null,
        hochgeladenVon: actor.userId,
      });
    }
    await recordAudit(tx, actor, { objectType: 'postfach_nachricht', objectId: n.id, action: 'create', purpose: 'Bürgerportal: Nachricht an das Jobcenter', details: { als: z.als } });
    return n.id;
  });
}
