import { einstellungenRepository } from '../../db/repositories/traeger-einstellungen.ts';
import { vierAugenRegelnSchema } from '../../domain/bewilligung/index.ts';
import { istGueltigeBic, pruefeIban } from '../../domain/zahlung/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { einstellungenEingabeSchema, presentEinstellungen } from './schemas.ts';

/** Vier-Augen thresholds and the Träger's bank account (version 0 = first save). */
export const traegerEinstellungenSpeichern = defineUseCase({
  name: 'verwaltung.traeger-einstellungen-speichern',
  zugang: 'einstellungen.verwalten',
  input: einstellungenEingabeSchema,
  audit: ['traeger_einstellungen.update'],
  run: async ({ ctx, actor, input }) => {
  const opts = { ctx, actor };
  const issues: FieldIssue[] = [];
  const regeln = vierAugenRegelnSchema.safeParse(input.vierAugenRegeln);
  if (!regeln.success) {
    // one message per rule, tied to its field (vierAugenRegeln.nachzahlungAbCent …)
    for (const i of regeln.error.issues) {
      const feld = i.path.length ? `vierAugenRegeln.${String(i.path[0])}` : 'vierAugenRegeln';
      if (issues.some((x) => x.path === feld)) continue;
      const betrag = i.path.length && String(i.path[0]).endsWith('AbCent');
      issues.push({
        path: feld,
        code: 'regeln_ungueltig',
        message: betrag ? 'Bitte eine Grenze von 0 Euro oder mehr angeben oder das Feld leer lassen.' : 'Die Vier-Augen-Regeln sind ungültig.',
      });
    }
  }
  const iban = pruefeIban(input.iban);
  if (!iban.gueltig) issues.push({ path: 'iban', code: iban.code, message: iban.message });
  const bic = input.bic ? input.bic.replace(/\s+/g, '').toUpperCase() : null;
  if (bic && !istGueltigeBic(bic)) issues.push({ path: 'bic', code: 'bic_ungueltig', message: 'Die BIC ist ungültig.' });
  if (!input.kontoinhaber.trim()) issues.push({ path: 'kontoinhaber', code: 'pflicht', message: 'Bitte den Kontoinhaber angeben.' });
  if (issues.length || !regeln.success || !iban.gueltig) throw validationFailed(issues);
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const werte = { vierAugenRegeln: regeln.data, iban: iban.iban, bic, kontoinhaber: input.kontoinhaber.trim() };
    const bisher = await einstellungenRepository.find(tx);
    let r;
    if (!bisher) {
      if (input.version !== 0) throw versionConflict();
      r = await einstellungenRepository.insert(tx, { traegerId: opts.actor.traegerId, ...werte });
    } else {
      r = await einstellungenRepository.update(tx, input.version, werte);
    }
    if (!r) throw versionConflict();
    await recordAudit(tx, opts.actor, { objectType: 'traeger_einstellungen', objectId: opts.actor.traegerId, action: 'update', purpose: 'Einstellungen des Trägers pflegen' });
    return presentEinstellungen(r);
  });
  },
});
