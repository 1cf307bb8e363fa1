import { createHash } from 'node:crypto';
import { z } from 'zod';
import { bescheidRepository } from '../../db/repositories/bescheide.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { erstattungRepository } from '../../db/repositories/erstattungen.ts';
import type { Bewilligung } from '../../db/schema/index.ts';
import { tenantScope } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { heute } from '../clock.ts';
import { ladeBgFuer } from '../fall/zugriff.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { can } from '../policies.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { text, uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { bescheidModell } from './modell.ts';
import { renderBescheidPdf } from './pdf.ts';
import { stelleBescheidZu } from '../portal/bescheid-zustellen.ts';

const ENTSCHIEDEN = new Set(['bewilligt', 'abgelehnt', 'ersetzt', 'aufgehoben']);

/**
 * Creates the Bescheid for a decided Bewilligung of the BG (default: the latest decided one): model, PDF
 * (renderBescheidPdf), content hash – stored immutably. A BG without a decided Bewilligung gets a clear 409.
 */
export const bescheidErstellen = defineUseCase({
  name: 'bescheid.erstellen',
  zugang: 'angemeldet',
  input: z.object({ id: text(100).describe('ID der Bedarfsgemeinschaft'), bewilligungId: leerAlsFehlend(uuid('Die Bewilligung')) }),
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input: opts }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, opts.id, 'bewilligung.bearbeiten');
    const alle = await bewilligungRepository.listByBg(tx, bg.id);
    let b: Bewilligung | undefined;
    if (opts.bewilligungId) {
      b = alle.find((x) => x.id === opts.bewilligungId);
      if (!b) throw notFound('Die Bewilligung');
    } else {
      b = alle.filter((x) => x.status === 'bewilligt' || x.status === 'abgelehnt' || x.status === 'aufgehoben').sort((x, y) => (x.computedAt < y.computedAt ? 1 : -1))[0];
      // a version recomputed only for a Minderung has no Bescheid of its own: the decision before it is the one to print
      while (b && b.vorgang === 'minderung') b = alle.find((x) => x.id === b!.vorgaengerId);
    }
    if (b && b.vorgang === 'minderung') {
      throw new AppError('status_ungueltig', 409, 'Diese Fassung setzt nur eine festgestellte Minderung um. Ihr Bescheid ist der Minderungsbescheid im Minderungsverfahren.');
    }
    if (!b) {
      throw new AppError(
        'keine_bewilligung',
        409,
        alle.length
          ? 'Für diese Bedarfsgemeinschaft ist noch keine Bewilligung entschieden. Bitte lassen Sie die berechnete Bewilligung zuerst freigeben.'
          : 'Für diese Bedarfsgemeinschaft ist noch keine Bewilligung berechnet. Ein Bescheid kann erst nach Berechnung und Freigabe erstellt werden.',
      );
    }
    if (!ENTSCHIEDEN.has(b.status)) {
      throw new AppError('keine_bewilligung', 409, 'Diese Bewilligung ist noch nicht entschieden. Ein Bescheid kann erst nach der Freigabe erstellt werden.');
    }
    const modell = await bescheidModell(tx, bg, b, { datum: heute(ctx.clock.now()), sachbearbeitung: { name: actor.name } });
    const pdf = await renderBescheidPdf(modell);
    const row = await bescheidRepository.insert(tx, {
      traegerId: actor.traegerId,
      bgId: bg.id,
      bewilligungId: b.id,
      art: modell.art,
      datum: modell.datum,
      modell,
      sha256: modell.inhaltHash,
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      createdBy: actor.userId,
    });
    // the Erstattungsforderung of this decision is owed under this Bescheid (§ 50 Abs. 3 SGB X: set by Verwaltungsakt)
    await erstattungRepository.verknuepfeBescheid(tx, b.id, row.id);
    // Online delivery only where the citizen chose it (separate from using uploads and messages); otherwise by post.
    // A Bescheid to the heirs (Aufhebung for the death of the only person) never goes to the deceased's Postfach.
    const anErben = b.vorgang === 'aufhebung' && (b.aenderung as { aufhebung?: { code?: string } } | null)?.aufhebung?.code === 'tod';
    const zustellung = anErben ? 'post' : await stelleBescheidZu({ tx, actor, bgId: bg.id, titel: modell.titel, pdf, dateiname: `${modell.art}sbescheid-${modell.datum}.pdf` });
    await protokolliere(tx, actor, {
      bgId: bg.id,
      art: 'bescheid_erstellt',
      beschreibung: `${modell.titel} vom ${modell.datumText} erstellt (${zustellung === 'postfach' ? 'in das Online-Postfach zugestellt' : 'Versand per Post'}).`,
      details: { bescheidId: row.id, art: modell.art, sha256: modell.inhaltHash },
      zweck: 'Leistungssachbearbeitung: Bescheid erstellen',
    });
    return { id: row.id, art: modell.art, titel: modell.titel, datum: modell.datum, sha256: modell.inhaltHash, bewilligungId: b.id, zustellung, bankSichtbar: can(actor, 'fall.bankdaten') };
  }),
});
