import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { istKalenderdatum, zustandAm, type FallakteDaten, type FallZustand } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { can } from '../policies.ts';
import { heute, ladeBgFuer } from './common.ts';

export type FallakteAnsicht = Awaited<ReturnType<typeof oeffneFallakte>>;

/** Purpose of reading a case, by the reader's task. */
export function lesezweck(actor: Actor): string {
  if (actor.roles.includes('leistung')) return 'Leistungssachbearbeitung: Fallakte einsehen';
  if (actor.roles.includes('teamleitung')) return 'Teamleitung: Fallakte einsehen';
  return 'Integration: Fallakte einsehen (ohne Bankdaten)';
}

/**
 * Opens a Fallakte: all dated facts, the state on `stichtag` (default: today), Anträge, Vermerke, Wiedervorlagen,
 * documents and history. Bank details only with 'fall.bankdaten'. Writes one audit entry per person shown.
 */
export async function oeffneFallakte(opts: { ctx: AppContext; actor: Actor; id: string; stichtag?: string }) {
  const { ctx, actor, id } = opts;
  const stichtag = opts.stichtag || heute(ctx.clock.now());
  if (!istKalenderdatum(stichtag)) {
    throw validationFailed([{ path: 'stichtag', code: 'datum_ungueltig', message: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' }]);
  }
  const bankSichtbar = can(actor, 'fall.bankdaten');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, id, 'fall.lesen');
    const rows = await fallRepository.ladeDaten(tx, bg.id, { bank: bankSichtbar });
    const daten: FallakteDaten = {
      bg: { id: bg.id, fallnummer: bg.fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version },
      ...rows,
    };
    const zustand: FallZustand = zustandAm(daten, stichtag);
    // one transaction = one connection, which runs one query at a time: sequential awaits
    const standort = await organisationRepository.findStandort(tx, bg.standortId);
    const antraege = await antraegeRepository.listByBg(tx, bg.id);
    const vermerke = await fallRepository.listVermerke(tx, bg.id);
    const wiedervorlagen = await antraegeRepository.listWiedervorlagenByBg(tx, bg.id);
    const ereignisse = await fallRepository.listEreignisse(tx, bg.id);
    const dokumente = await fallRepository.listDokumente(tx, bg.id);
    const personIds = [...new Set(rows.mitgliedschaften.map((m) => m.personId))];
    const zweck = lesezweck(actor);
    for (const personId of personIds) {
      await recordAudit(tx, actor, {
        objectType: 'fallakte',
        objectId: bg.id,
        personId,
        action: 'read',
        purpose: zweck,
        details: { stichtag, bankdaten: bankSichtbar },
      });
    }
    return {
      bg: { ...bg, standortName: standort?.name ?? '' },
      stichtag,
      bankSichtbar,
      daten,
      zustand,
      antraege: antraege.map((a) => ({ ...a.antrag, bearbeiterName: a.bearbeiterName })),
      vermerke,
      wiedervorlagen: wiedervorlagen.map((w) => ({ ...w.wiedervorlage, zugewiesenName: w.zugewiesenName })),
      ereignisse,
      dokumente,
    };
  });
}
