import type { Tx } from '../db/client.ts';
import { mailAusgangRepository } from '../db/repositories/mail-ausgang.ts';
import type { AppContext } from '../server/context.ts';
import type { MailAnhang } from '../db/schema/index.ts';
import { decrypt, encrypt } from '../server/security/crypto.ts';
import type { OutgoingMail } from './mailer.ts';

/** A mail waiting in the outbox: its key for sending right after the commit. */
export type VorgemerkteMail = { traegerId: string; id: string };

/** How long an unsent mail may still go out, by purpose (a link inside would have expired later). */
const GUELTIG_STUNDEN: Record<string, number> = { passwort_vergessen: 1, registrierung: 48, registrierung_vorhanden: 48 };
const STANDARD_STUNDEN = 7 * 24;
const ZWECK = 'mail-ausgang';

type Inhalt = { to: string; subject: string; text: string; html?: string; anhaenge?: MailAnhang[] };

/**
 * Writes a mail into the outbox inside the caller's transaction: it exists exactly when the change it tells about
 * was committed. Everything but the purpose is stored encrypted with a key derived from `secret` (VORORT_SECRET).
 * `anlass` names the purpose for operators (no personal data) and sets the default expiry; `verfaelltAm` overrides it
 * (e.g. the start of an appointment); `fehlerCode` records a first attempt that already failed.
 */
export async function merkeMailVor(
  tx: Tx,
  opts: { secret: string; traegerId: string; anlass: string; mail: OutgoingMail; verfaelltAm?: Date; fehlerCode?: string },
): Promise<VorgemerkteMail> {
  const { mail } = opts;
  const inhalt: Inhalt = {
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    ...(mail.attachments?.length
      ? {
          anhaenge: mail.attachments.map((a) => ({
            filename: a.filename,
            contentBase64: Buffer.from(a.content).toString('base64'),
            ...(a.contentType ? { contentType: a.contentType } : {}),
          })),
        }
      : {}),
  };
  const stunden = GUELTIG_STUNDEN[opts.anlass] ?? STANDARD_STUNDEN;
  const vorgemerkt = await mailAusgangRepository.insert(tx, {
    traegerId: opts.traegerId,
    anlass: opts.anlass,
    inhalt: encrypt(opts.secret, ZWECK, JSON.stringify(inhalt)),
    // the outbox's expiry is a security timer (one-time links in the mail): real time, not the business clock
    verfaelltAm: opts.verfaelltAm ?? new Date(Date.now() + stunden * 3_600_000),
  });
  // A first attempt that already failed (mail sent after a commit): the job tries again after the back-off.
  if (opts.fehlerCode) await mailAusgangRepository.fehlgeschlagen(tx, vorgemerkt.traegerId, vorgemerkt.id, opts.fehlerCode);
  return vorgemerkt;
}

/** The mail of an outbox row (decrypted). */
export function mailAusZeile(secret: string, inhalt: string): OutgoingMail {
  const i = JSON.parse(decrypt(secret, ZWECK, inhalt)) as Inhalt;
  return {
    to: i.to,
    subject: i.subject,
    text: i.text,
    ...(i.html ? { html: i.html } : {}),
    ...(i.anhaenge
      ? { attachments: i.anhaenge.map((a) => ({ filename: a.filename, content: Buffer.from(a.contentBase64, 'base64'), ...(a.contentType ? { contentType: a.contentType } : {}) })) }
      : {}),
  };
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
  const runde = async (tx: Tx, ids: string[] | undefined) => {
    const rows = await mailAusgangRepository.sperreFaellige(tx, { ids, limit: opts.limit ?? 50 });
    let ok = 0;
    for (const r of rows) {
      try {
        await ctx.mailer.send(mailAusZeile(ctx.config.secret, r.inhalt));
        await mailAusgangRepository.loesche(tx, r.traegerId, r.id);
        ok++;
      } catch (err) {
        const code = String((err as { code?: unknown }).code ?? 'EMAIL');
        opts.log?.warn({ code, anlass: r.anlass, versuch: r.versuche + 1 }, 'E-Mail nicht gesendet, neuer Versuch später');
        await mailAusgangRepository.fehlgeschlagen(tx, r.traegerId, r.id, code);
      }
    }
    return { gelesen: rows.length, ok };
  };
  if (opts.vorgemerkt) {
    // right after a commit: the Träger is known, so the rows are read under its row-level security
    let gesendet = 0;
    const jeTraeger = new Map<string, string[]>();
    for (const m of opts.vorgemerkt) jeTraeger.set(m.traegerId, [...(jeTraeger.get(m.traegerId) ?? []), m.id]);
    for (const [traegerId, ids] of jeTraeger) gesendet += (await ctx.db.withTenant({ traegerId }, (tx) => runde(tx, ids))).ok;
    return gesendet;
  }
  // the job: every Träger's due mails, as long as there are some and sending works
  let gesendet = 0;
  for (;;) {
    const r = await ctx.db.withSystem((tx) => runde(tx, undefined));
    gesendet += r.ok;
    if (r.gelesen === 0 || r.ok === 0) return gesendet;
  }
}

/** Mails that could not be sent before their expiry are deleted unsent (logged by purpose, no personal data). */
export async function loescheVerfalleneMails(opts: { ctx: AppContext; log?: Log }): Promise<number> {
  const weg = await opts.ctx.db.withSystem((tx) => mailAusgangRepository.loescheVerfallene(tx));
  for (const w of weg) opts.log?.warn({ anlass: w.anlass, versuche: w.versuche }, 'E-Mail verfallen, nicht gesendet und gelöscht');
  return weg.length;
}
