import { konfigurierteBasisUrl } from '../auth/public-url.ts';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { text, type Sprache, SPRACHEN } from '../../domain/formular/index.ts';
import { merkeMailVor, versendeMails, type VorgemerkteMail } from '../../mail/ausgang.ts';
import { recordAudit } from '../audit-trail.ts';
import type { AppContext } from '../context.ts';
import { portalFlow } from './flows.ts';

export const ENTWURF_ERINNERUNG_NACH_TAGEN = 3;

/**
 * Reminds citizens by e-mail of a draft they have not touched for `nachTagen` days (once per draft). The Antragsdatum
 * is already secured; the mail says so. The mail goes through the outbox (`mail_ausgang`): it is written in the same
 * transaction that marks the draft as reminded, sent right after the commit, and retried by the outbox job if the
 * mail server is down — a reminder is never lost and never sent twice. Returns how many reminders were queued.
 * Called by the periodic job and by tests.
 */
export async function erinnereAnEntwuerfe(opts: { ctx: AppContext; jetzt?: Date; nachTagen?: number }): Promise<number> {
  const { ctx } = opts;
  const jetzt = opts.jetzt ?? ctx.clock.now();
  const vor = new Date(jetzt.getTime() - (opts.nachTagen ?? ENTWURF_ERINNERUNG_NACH_TAGEN) * 24 * 3600 * 1000);
  const traeger = await ctx.db.withSystem((tx) => directoryRepository.listTraeger(tx));
  // absolute links only: the configured public URL (or this server's own address)
  const basis = konfigurierteBasisUrl(ctx.config);
  const vorgemerkt: VorgemerkteMail[] = [];
  for (const t of traeger) {
    const offen = await ctx.db.withTenant({ traegerId: t.id }, (tx) => portalRepository.entwuerfeZurErinnerung(tx, vor));
    for (const e of offen) {
      const sprache: Sprache = (SPRACHEN as readonly string[]).includes(e.sprache) ? (e.sprache as Sprache) : 'de';
      const titel = text(portalFlow(e.flowId)?.titel ?? 'antrag.antrag.titel', sprache);
      const link = `${basis}/portal/antrag/${e.id}`;
      const zeilen = [text('portal.erinnerung.text', sprache, { titel, link })];
      if (sprache !== 'de') zeilen.push('', '—', text('portal.erinnerung.text', 'de', { titel: text(portalFlow(e.flowId)?.titel ?? 'antrag.antrag.titel', 'de'), link }));
      const mail = await ctx.db.withTenant({ traegerId: t.id }, async (tx) => {
        if (!(await portalRepository.markiereErinnert(tx, e.id))) return null; // another run reminded already
        await recordAudit(tx, { system: 'entwurf-erinnerung', traegerId: t.id }, { objectType: 'antrag_entwurf', objectId: e.id, action: 'update', purpose: 'Bürgerportal: an unfertigen Antrag erinnern' });
        return merkeMailVor(tx, { secret: ctx.config.secret, traegerId: t.id, anlass: 'portal_erinnerung', mail: { to: e.email, subject: text('portal.erinnerung.betreff', sprache), text: zeilen.join('\n') } });
      });
      if (mail) vorgemerkt.push(mail);
    }
  }
  // after the commits; a mail the server does not take stays in the outbox for the job
  await versendeMails({ ctx, vorgemerkt });
  return vorgemerkt.length;
}
