/**
 * Submission of a draft: the Antrag lands in the staff work queue (Erstantrag: mapped into the Fallakte's
 * Antragsdaten and received by `onlineErstantragEingang`; Weiterbewilligung / Veränderung: an Antrag of that art
 * with the answers as payload), the draft's files are linked to it, and an Eingangsbestätigung with the
 * Antragsdatum goes to the Postfach at once (PDF). Idempotent: the draft row is locked, and a draft already submitted
 * returns its Antrag — a double submit creates one Antrag.
 */
import { createHash } from 'node:crypto';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { plusTage } from '../../domain/fallakte/index.ts';
import { AbbildungUnvollstaendig, antragZuErstantragDaten } from '../../domain/formular/fallakte-abbildung.ts';
import { benoetigteNachweise, ersterOffenerSchritt, nachweisText, type AntragDaten } from '../../domain/formular/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { ART_TEXT, heute } from '../fall/common.ts';
import { onlineErstantragEingang } from '../fall/online-antrag-eingang.ts';
import { eingangsbestaetigungPdf } from './eingangsbestaetigung-pdf.ts';
import { entschluessele, flowVon } from './entwuerfe.ts';
import { ladeEntwurfFuer } from './zugriff.ts';

export const VERAENDERUNG_PAYLOAD_SCHEMA = 'vorort.portal.mitteilung';

export type Einreichung = { antragId: string; neu: boolean; antragsdatum: string };

export async function reicheEin(opts: { ctx: AppContext; actor: Actor; id: string; kommuneId?: string | undefined }): Promise<Einreichung> {
  const { ctx, actor } = opts;
  const ergebnis = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', true);
    if (entwurf.antragId) return { antragId: entwurf.antragId, neu: false, antragsdatum: entwurf.antragsdatum ?? heute(), mail: null };
    if (entwurf.status !== 'offen') throw new AppError('entwurf_abgeschlossen', 409, 'Dieser Antrag wurde bereits abgeschickt oder verworfen.');
    const pf = flowVon(entwurf);
    const daten = entschluessele(ctx, entwurf);
    const offen = ersterOffenerSchritt(pf.flow, daten);
    if (offen !== undefined) {
      throw new AppError('antrag_unvollstaendig', 400, 'Der Antrag ist noch nicht vollständig.', [{ path: offen, code: 'schritt_offen', message: 'Dieser Schritt ist noch offen.' }]);
    }
    const antragsdatum = entwurf.antragsdatum ?? heute();
    let antragId: string;
    if (pf.art === 'erstantrag') {
      const kommunen = await portalRepository.kommunen(tx);
      if (!opts.kommuneId || !kommunen.some((k) => k.id === opts.kommuneId)) {
        throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [{ path: 'kommuneId', code: 'kommune_fehlt', message: 'Bitte wählen Sie Ihre Stadt oder Gemeinde aus.' }]);
      }
      let abgebildet;
      try {
        abgebildet = antragZuErstantragDaten({ ...(daten as AntragDaten), antragsdatum }, { kommuneId: opts.kommuneId });
      } catch (err) {
        if (err instanceof AbbildungUnvollstaendig) {
          throw new AppError('antrag_unvollstaendig', 400, 'Der Antrag ist noch nicht vollständig.', [{ path: err.feld, code: 'pflichtfeld', message: err.message }]);
        }
        throw err;
      }
      const antrag = await onlineErstantragEingang({ ctx, actor, daten: abgebildet, tx });
      antragId = antrag.id;
    } else {
      // Weiterbewilligung and Veränderungsmitteilung belong to the citizen's case: the latest Antrag that has one.
      const frueher = (await portalRepository.antraegeVon(tx, entwurf.buergerId)).find((a) => a.bgId);
      const letzter = frueher ? await portalRepository.findAntrag(tx, frueher.id) : undefined;
      if (!letzter) {
        throw new AppError('kein_fall', 409, 'Für Ihr Konto ist noch keine Fallakte angelegt. Bitte stellen Sie zuerst einen Antrag oder wenden Sie sich an Ihr Jobcenter.');
      }
      const antrag = await antraegeRepository.insert(tx, {
        traegerId: actor.traegerId,
        bgId: letzter.bgId,
        art: pf.art,
        antragsdatum,
        eingangskanal: 'online',
        standortId: letzter.standortId,
        faelligAm: plusTage(heute(), 14),
        eingereichtVon: entwurf.buergerId,
        payload: { schema: VERAENDERUNG_PAYLOAD_SCHEMA, version: 1, flow: pf.id, veraenderungsart: pf.veraenderungsart ?? null, daten },
      });
      antragId = antrag.id;
    }
    if (entwurf.buergerId !== actor.userId) await portalRepository.setzeEingereichtVon(tx, antragId, entwurf.buergerId);
    const schluessel = createHash('sha256').update(`${entwurf.id}:${entwurf.version}`).digest('hex');
    await portalRepository.updateEntwurf(tx, entwurf.id, entwurf.version, {
      status: 'eingereicht',
      antragId,
      eingereichtAm: new Date(),
      einreichungsSchluessel: schluessel,
      antragsdatum,
      zuletztVon: actor.userId,
    });
    const antragRow = await portalRepository.findAntrag(tx, antragId);
    await portalRepository.verknuepfeDateien(tx, entwurf.id, { antragId, bgId: antragRow?.bgId ?? null });
    await recordAudit(tx, actor, {
      objectType: 'antrag',
      objectId: antragId,
      action: 'create',
      purpose: `Bürgerportal: ${ART_TEXT[pf.art]} absenden`,
      details: { entwurf: entwurf.id, fuer: entwurf.buergerId === actor.userId ? 'selbst' : entwurf.buergerId },
    });

    // Eingangsbestätigung: PDF in the Postfach, right away.
    const traeger = await organisationRepository.traeger(tx);
    const buerger = await portalRepository.findUser(tx, entwurf.buergerId);
    const nachweise = pf.art === 'veraenderung' ? [] : benoetigteNachweise(daten as AntragDaten).map((n) => nachweisText(n, 'de'));
    const jetzt = new Date();
    const pdf = await eingangsbestaetigungPdf({
      jobcenter: traeger?.jobcenterName ?? 'vorort',
      empfaenger: buerger?.name ?? '',
      art: ART_TEXT[pf.art] ?? pf.art,
      antragsdatum,
      eingegangenAm: jetzt,
      aktenzeichen: antragId.slice(0, 8).toUpperCase(),
      nachweise,
    });
    const nachricht = await portalRepository.insertNachricht(tx, {
      traegerId: actor.traegerId,
      buergerId: entwurf.buergerId,
      bgId: antragRow?.bgId ?? null,
      antragId,
      richtung: 'an_buerger',
      art: 'eingangsbestaetigung',
      betreff: `Eingangsbestätigung: ${ART_TEXT[pf.art]} vom ${antragsdatum.split('-').toReversed().join('.')}`,
      text: `Ihr ${ART_TEXT[pf.art]} ist bei uns eingegangen. Antragsdatum: ${antragsdatum.split('-').toReversed().join('.')}. Die Bestätigung finden Sie im Anhang.`,
      absenderName: `Jobcenter ${traeger?.jobcenterName ?? ''}`.trim(),
    });
    await portalRepository.insertDatei(tx, {
      traegerId: actor.traegerId,
      buergerId: entwurf.buergerId,
      antragId,
      nachrichtId: nachricht.id,
      dateiname: `eingangsbestaetigung-${antragsdatum}.pdf`,
      mime: 'application/pdf',
      groesse: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      inhalt: pdf,
      status: 'sauber',
      scanErgebnis: 'vom Jobcenter erzeugt',
      gescanntAm: jetzt,
    });
    return { antragId, neu: true, antragsdatum, mail: buerger ? { to: buerger.email, art: ART_TEXT[pf.art] ?? pf.art } : null };
  });
  if (ergebnis.mail) {
    const base = ctx.config.publicUrl ?? '';
    await ctx.mailer
      .send({
        to: ergebnis.mail.to,
        subject: `Eingangsbestätigung: ${ergebnis.mail.art}`,
        text: `Guten Tag,\n\nIhr ${ergebnis.mail.art} ist bei uns eingegangen. Antragsdatum: ${ergebnis.antragsdatum.split('-').toReversed().join('.')}.\nDie Eingangsbestätigung liegt in Ihrem Postfach: ${base}/portal/postfach\n\nIhr Jobcenter`,
      })
      .catch(() => undefined);
  }
  return { antragId: ergebnis.antragId, neu: ergebnis.neu, antragsdatum: ergebnis.antragsdatum };
}
