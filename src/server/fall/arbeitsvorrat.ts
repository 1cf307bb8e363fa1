import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { OFFENE_STATUS, tageZwischen } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize, visibleStandorte } from '../policies.ts';
import { heute, standortSichtbar } from './common.ts';

export type VorratFilterEingabe = {
  standortId?: string;
  /** 'offen' (default), 'alle' or one status. */
  status?: string;
  art?: string;
  /** 'ich', 'niemand' or a user id. */
  bearbeiter?: string;
  /** Only due (Frist today or earlier). */
  faellig?: boolean;
};

/** The work queue of the actor's Standorte: Anträge with age and due date, oldest due first. */
export async function arbeitsvorrat(opts: { ctx: AppContext; actor: Actor; filter?: VorratFilterEingabe; heute?: string }) {
  const { ctx, actor } = opts;
  authorize(actor, 'fall.lesen');
  const f = opts.filter ?? {};
  const tag = opts.heute ?? heute(ctx.clock.now());
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const sichtbar = visibleStandorte(actor, 'fall.lesen');
    const standortId = f.standortId && standortSichtbar(actor, f.standortId) ? f.standortId : undefined;
    const status = !f.status || f.status === 'offen' ? [...OFFENE_STATUS] : f.status === 'alle' ? undefined : [f.status];
    const rows = await antraegeRepository.vorrat(tx, {
      standorte: sichtbar,
      standortId,
      status,
      art: f.art || undefined,
      bearbeiter: f.bearbeiter === 'ich' ? actor.userId : f.bearbeiter || undefined,
      faelligBis: f.faellig ? tag : undefined,
    });
    const standorte = sichtbar === 'alle' ? (await organisationRepository.listStandorte(tx)).map((s) => ({ id: s.standort.id, name: s.standort.name })) : actor.standorte;
    const kollegen = await antraegeRepository.kollegen(tx, standorte.map((s) => s.id));
    // The list shows Antragsteller names: it is a read of personal data.
    if (rows.length) {
      await recordAudit(tx, actor, {
        objectType: 'arbeitsvorrat',
        action: 'read',
        purpose: 'Leistungssachbearbeitung: Arbeitsvorrat ansehen',
        details: { anzahl: rows.length, faelle: [...new Set(rows.map((r) => r.antrag.bgId).filter(Boolean))] },
      });
    }
    return {
      heute: tag,
      standorte,
      kollegen,
      eintraege: rows.map((r) => ({
        ...r.antrag,
        fallnummer: r.fallnummer,
        // an online Antrag without a Fallakte yet: the name as the application states it
        antragsteller: r.antragsteller ?? r.antragstellerLautAntrag,
        nameLautAntrag: !r.antragsteller && !!r.antragstellerLautAntrag,
        standort: r.standort,
        bearbeiterName: r.bearbeiterName,
        alterTage: Math.max(0, tageZwischen(r.antrag.antragsdatum, tag)),
        ueberfaellig: !!r.antrag.faelligAm && r.antrag.faelligAm < tag && (OFFENE_STATUS as readonly string[]).includes(r.antrag.status),
      })),
    };
  });
}

/** Number of open Anträge of the actor's Standorte (start page). */
export async function anzahlOffeneAntraege(opts: { ctx: AppContext; actor: Actor }): Promise<number> {
  authorize(opts.actor, 'fall.lesen');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), (tx) => antraegeRepository.anzahlOffen(tx, visibleStandorte(opts.actor, 'fall.lesen')));
}
