import { startUebersichtRepository, type Standorte } from '../../db/repositories/start-uebersicht.ts';
import { plusTage } from '../../domain/fallakte/index.ts';
import { instantAus, lokalesDatum } from '../../domain/termine/zeit.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorizeOneOf, can, sichtbareStandorte, type Permission } from '../policies.ts';

/** Permissions that open the staff start page (each shows its own tiles). */
export const START_BERECHTIGUNGEN: readonly Permission[] = [
  'arbeitsplatz.leistung',
  'arbeitsplatz.integration',
  'arbeitsplatz.teamleitung',
  'arbeitsplatz.controlling',
  'organisation.verwalten',
];

/** A count and, for people who may open the list, the link to it. */
export type Kachelzahl = { anzahl: number; link: string | null };

/**
 * The numbers on the staff start page, read from the database for the signed-in person: Bewilligungen waiting for
 * approval (Vier-Augen), today's appointments per Standort, Wiedervorlagen due today and overdue, new online
 * applications and open Anträge. Each number covers the Standorte the matching permission reaches and links to its
 * list. Controlling (aggregate reach) gets the Träger-wide numbers without links. "Today" is the business clock's
 * date in Europe/Berlin. Only counts leave this function, so nothing is written to the Zugriffsprotokoll.
 */
export async function startUebersicht(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  authorizeOneOf(actor, START_BERECHTIGUNGEN);
  const jetzt = ctx.clock.now();
  const heute = lokalesDatum(jetzt);
  const von = new Date(instantAus(heute, 0));
  const bis = new Date(instantAus(plusTage(heute, 1), 0));
  const aggregat = can(actor, 'arbeitsplatz.controlling');
  /** Reach of a tile: the permission's Standorte, or the whole Träger for controlling; null = no such tile. */
  const reichweite = (p: Permission): Standorte | null => (can(actor, p) ? sichtbareStandorte(actor, p) : aggregat ? 'alle' : null);
  const link = (p: Permission, href: string) => (can(actor, p) ? href : null);

  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const rFreigaben = reichweite('bewilligung.freigeben');
    const rTermine = reichweite('termine.bearbeiten');
    const rFall = reichweite('fall.lesen');

    const freigaben: Kachelzahl | null = rFreigaben ? { anzahl: await startUebersichtRepository.freigabenOffen(tx, rFreigaben), link: link('bewilligung.freigeben', '/freigaben') } : null;
    const rMinderung = reichweite('fordern.freigeben');
    const minderungFreigaben: Kachelzahl | null = rMinderung ? { anzahl: await startUebersichtRepository.minderungenZurFreigabe(tx, rMinderung), link: link('fordern.freigeben', '/freigaben#minderungen') } : null;

    let termine: { anzahl: number; jeStandort: { standortId: string; name: string; anzahl: number; link: string | null }[] } | null = null;
    if (rTermine) {
      const zeilen = await startUebersichtRepository.termineJeStandort(tx, { von, bis, standorte: rTermine });
      const anzahl = zeilen.reduce((s, z) => s + z.anzahl, 0);
      // per Standort only for people who work there (controlling sees the total)
      const jeStandort = can(actor, 'termine.bearbeiten')
        ? actor.standorte.map((s) => ({
            standortId: s.id,
            name: s.name,
            anzahl: zeilen.find((z) => z.standortId === s.id)?.anzahl ?? 0,
            link: `/termine/kalender?ansicht=standort&standortId=${encodeURIComponent(s.id)}&datum=${heute}`,
          }))
        : [];
      termine = { anzahl, jeStandort };
    }

    const wiedervorlagen = rFall ? { ...(await startUebersichtRepository.wiedervorlagenFaellig(tx, { heute, standorte: rFall })), link: link('fall.lesen', '/arbeitsvorrat#wv') } : null;
    const onlineAntraege: Kachelzahl | null = rFall ? { anzahl: await startUebersichtRepository.onlineAntraegeNeu(tx, rFall), link: link('fall.lesen', '/online-eingang') } : null;
    const offeneAntraege: Kachelzahl | null = rFall ? { anzahl: await startUebersichtRepository.antraegeOffen(tx, rFall), link: link('fall.lesen', '/arbeitsvorrat') } : null;

    return { heute, aggregat, freigaben, minderungFreigaben, termine, wiedervorlagen, onlineAntraege, offeneAntraege };
  });
}
