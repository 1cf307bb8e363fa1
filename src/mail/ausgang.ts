import type PgBoss from 'pg-boss';
import type { Tx } from '../db/client.ts';
import { mailAusgangRepository } from '../db/repositories/mail-ausgang.ts';
import type { AppContext } from '../server/context.ts';
import type { OutgoingMail } from './mailer.ts';

export const MAIL_AUSGANG_JOB = 'mail-ausgang';

/** A mail waiting in the outbox: its key for sending right after the commit. */
export type VorgemerkteMail = { traegerId: string; id: string };

/**
 * Writes a mail into the outbox inside the caller's transaction: it exists exactly when the change it tells about
 * was committed. `anlass` names the purpose for operators (no personal data); `fehlerCode` records a first attempt
 * that already failed.
 */
export async function merkeMailVor(tx: Tx, opts: { traegerId: string; anlass: string; mail: OutgoingMail; fehlerCode?: string }): Promise<VorgemerkteMail> {
  const { mail } = opts;
  const vorgemerkt = await mailAusgangRepository.insert(tx, {
    traegerId: opts.traegerId,
    anlass: opts.anlass,
    empfaenger: mail.to,
    betreff: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    anhaenge: mail.attachments?.map((a) => ({
      filename: a.filename,
      contentBase64: Buffer.from(a.content).toString('base64'),
      ...(a.contentType ? { contentType: a.contentType } : {}),
    })) ?? null,
  });
  // A first attempt that already failed (mail sent after a commit): the job tries again after the back-off.
  if (opts.fehlerCode) await mailAusgangRepository.fehlgeschlagen(tx, vorgemerkt.traegerId, vorgemerkt.id, opts.fehlerCode);
  return vorgemerkt;
}

type Log = { warn: (obj: object, msg: string) => void };

/**
 * Sends outbox mails: the given ones (right after their transaction committed) or, without `ids`, every due one
 * (the job). Each mail is locked while it is sent, deleted once the server took it, and on failure kept with a
 * back-off — a mail server that is down delays mail, it never undoes the change or answers the citizen with an error.
 * Returns the number sent.
 */
export async function versendeMails(opts: { ctx: AppContext; vorgemerkt?: VorgemerkteMail[]; log?: Log; limit?: number }): Promise<number> {
  const { ctx } = opts;
  if (opts.vorgemerkt && opts.vorgemerkt.length === 0) return 0;
  let gesendet = 0;
  for (;;) {
    const runde = await ctx.db.withSystem(async (tx) => {
      const rows = await mailAusgangRepository.sperreFaellige(tx, { ids: opts.vorgemerkt?.map((m) => m.id), limit: opts.limit ?? 50 });
      let ok = 0;
      for (const r of rows) {
        try {
          await ctx.mailer.send({
            to: r.empfaenger,
            subject: r.betreff,
            text: r.text,
            ...(r.html ? { html: r.html } : {}),
            ...(r.anhaenge
              ? { attachments: r.anhaenge.map((a) => ({ filename: a.filename, content: Buffer.from(a.contentBase64, 'base64'), ...(a.contentType ? { contentType: a.contentType } : {}) })) }
              : {}),
          });
          await mailAusgangRepository.loesche(tx, r.traegerId, r.id);
          ok++;
        } catch (err) {
          const code = String((err as { code?: unknown }).code ?? 'EMAIL');
          opts.log?.warn({ code, anlass: r.anlass, versuch: r.versuche + 1 }, 'E-Mail nicht gesendet, neuer Versuch später');
          await mailAusgangRepository.fehlgeschlagen(tx, r.traegerId, r.id, code);
        }
      }
      return { gelesen: rows.length, ok };
    });
    gesendet += runde.ok;
    // the ids given were all tried once; the job goes on while there are due mails and sending works
    if (opts.vorgemerkt || runde.gelesen === 0 || runde.ok === 0) return gesendet;
  }
}

/** Every minute: sends what is due in the outbox (mails whose first attempt failed). */
export async function registriereMailJob(opts: { boss: PgBoss; ctx: AppContext; log?: Log }): Promise<void> {
  await opts.boss.createQueue(MAIL_AUSGANG_JOB);
  await opts.boss.schedule(MAIL_AUSGANG_JOB, '* * * * *', {}, { tz: 'Europe/Berlin' });
  await opts.boss.work(MAIL_AUSGANG_JOB, async () => {
    await versendeMails({ ctx: opts.ctx, ...(opts.log ? { log: opts.log } : {}) });
  });
}
