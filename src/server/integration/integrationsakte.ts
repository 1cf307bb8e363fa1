import { z } from 'zod';
import { arbeitsmarktstatusRepository } from '../../db/repositories/arbeitsmarktstatus.ts';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { gespraechsvermerkeRepository } from '../../db/repositories/gespraechsvermerke.ts';
import {
  arbeitslosSeit,
  GRUND_TEXT,
  langzeitarbeitslosSeit,
  QUELLE_TEXT,
  STATUS_TEXT,
  statusAm,
  wiederherstellenAngebot,
} from '../../domain/foerdern/status.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeElbPerson, zweckBetreuung } from './betreuung-zugriff.ts';
import { GESPRAECHSART_TEXT } from './gespraechsvermerk-anlegen.ts';
import { alsDomaene } from './status-folgen.ts';
import { integrationenKurz } from './integrationen-kurz.ts';
import { kooperationsplanKurz } from './kooperationsplan-gemeinsam.ts';
import { potenzialanalyseKurz } from './potenzialanalyse-kurz.ts';
import { teilnahmenKurz } from './teilnahmen-kurz.ts';

export type Integrationsakte = Awaited<ReturnType<typeof integrationsakteLesen.run>>;

/**
 * The Integrationsakte of one person: Betreuung with history, Arbeitsmarktstatus as of `stichtag` with history and
 * source (staff or an automatic consequence), Langzeitarbeitslosigkeit derived, Gesprächsvermerke. Every read is
 * audited with purpose (one entry per kind of data). The text of Gesprächsvermerke is for the integration side only:
 * `leistung` sees date, kind and author (need to know, § 67c SGB X).
 */
export const integrationsakteLesen = defineUseCase({
  name: 'integration.akte-lesen',
  zugang: 'angemeldet',
  input: z.object({
    personId: z.string().max(100).describe('Person (UUID)'),
    stichtag: leerAlsFehlend(z.string().max(10).refine(istKalenderdatum, { error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' })).describe('Standard: heute'),
  }),
  audit: ['betreuung.read', 'arbeitsmarktstatus.read', 'gespraechsvermerk.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const stichtag = input.stichtag ?? tag;
    const darfBearbeiten = can(actor, 'integration.bearbeiten');
    const darfZuweisen = can(actor, 'betreuung.zuweisen');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeElbPerson(tx, actor, input.personId, 'integration.lesen', tag);
      const betreuungen = await betreuungRepository.verlauf(tx, person.personId);
      const zeilen = await arbeitsmarktstatusRepository.perioden(tx, person.personId);
      const perioden = zeilen.map(alsDomaene);
      const vermerke = await gespraechsvermerkeRepository.liste(tx, person.personId);
      const termine = darfBearbeiten ? await gespraechsvermerkeRepository.termineDerPerson(tx, person.personId) : [];
      const fachkraefte = darfBearbeiten || darfZuweisen ? await betreuungRepository.fachkraefte(tx, [person.standortId]) : [];
      // the other parts of the Integrationsakte in brief (their pages show and audit the details)
      const uebersicht = {
        potenzialanalyse: await potenzialanalyseKurz(tx, person.personId),
        kooperationsplan: await kooperationsplanKurz(tx, person.personId, stichtag),
        massnahmen: await teilnahmenKurz(tx, person.personId),
        integrationen: await integrationenKurz(tx, person.personId, stichtag),
      };
      const zweck = zweckBetreuung(actor, 'Integrationsakte einsehen');
      await recordAudit(tx, actor, { objectType: 'betreuung', objectId: person.personId, personId: person.personId, action: 'read', purpose: zweck, details: { anzahl: betreuungen.length } });
      await recordAudit(tx, actor, { objectType: 'arbeitsmarktstatus', objectId: person.personId, personId: person.personId, action: 'read', purpose: zweck });
      await recordAudit(tx, actor, { objectType: 'gespraechsvermerk', objectId: person.personId, personId: person.personId, action: 'read', purpose: zweck });
      const aktuelleBetreuung = betreuungen.find((b) => b.gueltigVon <= stichtag && (b.gueltigBis === null || b.gueltigBis >= stichtag)) ?? null;
      const aktuell = statusAm(perioden, stichtag);
      return {
        heute: tag,
        stichtag,
        darfBearbeiten,
        darfZuweisen,
        person: {
          id: person.personId,
          vorname: person.vorname,
          nachname: person.nachname,
          geburtsdatum: person.geburtsdatum,
          bgId: person.bgId,
          fallnummer: person.fallnummer,
          standortId: person.standortId,
          elb: person.elb,
        },
        betreuung: {
          aktuell: aktuelleBetreuung && { id: aktuelleBetreuung.id, fachkraftId: aktuelleBetreuung.fachkraftId, fachkraftName: aktuelleBetreuung.fachkraftName, seit: aktuelleBetreuung.gueltigVon },
          verlauf: betreuungen.map((b) => ({ id: b.id, fachkraftId: b.fachkraftId, fachkraftName: b.fachkraftName, gueltigVon: b.gueltigVon, gueltigBis: b.gueltigBis, grund: b.grund })),
        },
        status: {
          aktuell: aktuell && { id: aktuell.id, status: aktuell.status, grund: aktuell.grund, text: STATUS_TEXT[aktuell.status], grundText: aktuell.grund ? GRUND_TEXT[aktuell.grund] : null },
          arbeitslosSeit: arbeitslosSeit(perioden, stichtag),
          langzeitarbeitslosSeit: langzeitarbeitslosSeit(perioden, stichtag),
          angebotArbeitslosAb: darfBearbeiten ? wiederherstellenAngebot(perioden, tag) : null,
          perioden: zeilen.toReversed().map((p) => ({
            id: p.id,
            gueltigVon: p.gueltigVon,
            gueltigBis: p.gueltigBis,
            status: p.status,
            text: STATUS_TEXT[p.status],
            grund: p.grund,
            grundText: p.grund ? GRUND_TEXT[p.grund] : null,
            quelle: p.quelle,
            quelleText: `${QUELLE_TEXT[p.quelle]}${p.massnahmeTitel ? ` „${p.massnahmeTitel}“` : ''}`,
            bemerkung: p.bemerkung,
          })),
        },
        gespraechsvermerke: vermerke.map((v) => ({
          id: v.id,
          datum: v.datum,
          art: v.art,
          artText: GESPRAECHSART_TEXT[v.art],
          text: darfBearbeiten ? v.text : null,
          terminId: v.terminId,
          naechsterKontakt: v.naechsterKontakt,
          von: v.createdByName,
        })),
        termine: termine.map((t) => ({ terminId: t.terminId, beginn: t.beginn.toISOString(), kanal: t.kanal, status: t.terminStatus, einladungStatus: t.einladungStatus })),
        fachkraefte,
        uebersicht,
      };
    });
  },
});
