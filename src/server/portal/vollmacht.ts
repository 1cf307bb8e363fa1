/**
 * Bevollmächtigungen: a citizen lets another account (counsellor, relative — identified by the e-mail address of
 * their own account) read ('lesen') or read and act ('handeln') in their matters, until an end date or revocation.
 * The representative signs in with their own account; everything they do is recorded in the audit trail as theirs
 * (actor = representative, details.fuer = the citizen).
 */
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound, validationFailed } from '../errors.ts';
import { heute } from '../clock.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { authorize } from '../policies.ts';

export async function vollmachten(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  authorize(actor, 'portal.nutzen');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const erteilt = (await portalRepository.vollmachtenVon(tx, actor.userId)).map((r) => ({
      id: r.v.id,
      name: r.name,
      email: r.email,
      umfang: r.v.umfang,
      gueltigBis: r.v.gueltigBis,
      widerrufenAm: r.v.widerrufenAm?.toISOString() ?? null,
      aktiv: !r.v.widerrufenAm && (!r.v.gueltigBis || r.v.gueltigBis >= heute(ctx.clock.now())),
    }));
    const erhalten = (await portalRepository.vollmachtenFuer(tx, actor.userId, heute(ctx.clock.now()))).map((r) => ({ id: r.v.id, buergerId: r.v.vollmachtgeberId, name: r.name, umfang: r.v.umfang, gueltigBis: r.v.gueltigBis }));
    await recordAudit(tx, actor, { objectType: 'bevollmaechtigung', objectId: actor.userId, action: 'read', purpose: 'Bürgerportal: Vollmachten ansehen' });
    return { erteilt, erhalten };
  });
}

export async function erteileVollmacht(opts: { ctx: AppContext; actor: Actor; email: string; umfang: string; gueltigBis?: string | undefined }) {
  const { ctx, actor } = opts;
  authorize(actor, 'portal.nutzen');
  const issues = [];
  const email = opts.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) issues.push({ path: 'email', code: 'email_ungueltig', message: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' });
  if (opts.umfang !== 'lesen' && opts.umfang !== 'handeln') issues.push({ path: 'umfang', code: 'auswahl_fehlt', message: 'Bitte wählen Sie aus, was die Person darf.' });
  const bis = opts.gueltigBis?.trim() || undefined;
  if (bis && (!/^\d{4}-\d{2}-\d{2}$/.test(bis) || bis < heute(ctx.clock.now()))) issues.push({ path: 'gueltigBis', code: 'datum_ungueltig', message: 'Bitte geben Sie ein Datum ab heute an.' });
  if (issues.length) throw validationFailed(issues);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const person = await portalRepository.findBuergerByEmail(tx, email);
    // The same answer whether the address is unknown, a staff account or oneself: nothing about other accounts leaks.
    if (!person || person.art !== 'buerger' || !person.aktiv || person.id === actor.userId) {
      throw validationFailed([{ path: 'email', code: 'konto_unbekannt', message: 'Mit dieser E-Mail-Adresse gibt es kein Konto im Bürgerportal, für das Sie eine Vollmacht erteilen können. Die Person muss sich zuerst selbst registrieren.' }]);
    }
    const v = await portalRepository.insertVollmacht(tx, {
      traegerId: actor.traegerId,
      vollmachtgeberId: actor.userId,
      bevollmaechtigterId: person.id,
      umfang: opts.umfang,
      gueltigBis: bis ?? null,
    });
    await recordAudit(tx, actor, { objectType: 'bevollmaechtigung', objectId: v.id, action: 'create', purpose: 'Bürgerportal: Vollmacht erteilen', details: { umfang: opts.umfang, gueltigBis: bis ?? null } });
    return v.id;
  });
}

export async function widerrufeVollmacht(opts: { ctx: AppContext; actor: Actor; id: string }) {
  const { ctx, actor } = opts;
  authorize(actor, 'portal.nutzen');
  if (!istUuid(opts.id)) throw notFound('Die Vollmacht');
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const v = await portalRepository.findVollmacht(tx, opts.id);
    if (!v || v.vollmachtgeberId !== actor.userId) throw notFound('Die Vollmacht');
    await portalRepository.widerrufeVollmacht(tx, v.id);
    await recordAudit(tx, actor, { objectType: 'bevollmaechtigung', objectId: v.id, action: 'update', purpose: 'Bürgerportal: Vollmacht widerrufen' });
  });
}
