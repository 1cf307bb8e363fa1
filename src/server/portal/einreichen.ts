/**
 * Submission of a draft: the Antrag lands in the staff work queue (Erstantrag: mapped into the Fallakte's
 * Antragsdaten and received by `onlineErstantragEingang`; Weiterbewilligung / Veränderung: an Antrag of that art
 * with the answers as payload), the draft's files are linked to it, and an Eingangsbestätigung with the
 * Antragsdatum goes to the Postfach at once (PDF) and by mail through the outbox. Idempotent: the draft row is
 * locked, and a draft already submitted returns its Antrag — a double submit creates one Antrag.
 */
import { createHash } from 'node:crypto';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { plusTage } from '../../domain/fallakte/index.ts';
import { AbbildungUnvollstaendig, antragZuErstantragDaten } from '../../domain/formular/fallakte-abbildung.ts';
import { kommunenZurPlz } from '../../domain/formular/kommune-plz.ts';
import { benoetigteNachweise, ersterOffenerSchritt, nachweisStand, nachweisText, SPRACHEN, text, type AntragDaten, type Sprache } from '../../domain/formular/index.ts';
import { merkeMailVor, versendeMails } from '../../mail/ausgang.ts';
import type { OutgoingMail } from '../../mail/mailer.ts';
import { recordAudit } from '../audit-trail.ts';
import { konfigurierteBasisUrl } from '../auth/public-url.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { ART_TEXT } from '../fall/texte.ts';
import { heute } from '../clock.ts';
import { MITTEILUNG_PAYLOAD_SCHEMA } from '../fall/mitteilung-vorbereiten.ts';
import { onlineErstantragEingang } from '../fall/online-antrag-eingang.ts';
import { uebernehmePortalDateien } from '../fall/portal-dateien-uebernehmen.ts';
import { eingangsbestaetigungPdf } from './eingangsbestaetigung-pdf.ts';
import { entschluessele, flowVon } from './entwurf-gemeinsam.ts';
import { ladeEntwurfFuer } from './zugriff.ts';

/** Payload schema of Weiterbewilligung / Veränderungsmitteilung (read back by `mitteilungVorbereiten`). */
export const VERAENDERUNG_PAYLOAD_SCHEMA = MITTEILUNG_PAYLOAD_SCHEMA;

export type Einreichung = { antragId: string; neu: boolean; antragsdatum: string };

export async function reicheEin(opts: { ctx: AppContext; actor: Actor; id: string; kommuneId?: string | undefined }): Promise<Einreichung> {
  const { ctx, actor } = opts;
  const ergebnis = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    if (entwurf.antragId) return { antragId: entwurf.antragId, neu: false, antragsdatum: entwurf.antragsdatum ?? heute(ctx.clock.now()), mail: null };
    if (entwurf.status !== 'offen') throw new AppError('entwurf_abgeschlossen', 409, 'Dieser Antrag wurde bereits abgeschickt oder verworfen.');
    const pf = flowVon(entwurf);
    const daten = entschluessele(ctx, entwurf);
    const offen = ersterOffenerSchritt(pf.flow, daten);
    if (offen !== undefined) {
      throw new AppError('antrag_unvollstaendig', 400, 'Der Antrag ist noch nicht vollständig.', [{ path: offen, code: 'schritt_offen', message: 'Dieser Schritt ist noch offen.' }]);
    }
    const antragsdatum = entwurf.antragsdatum ?? heute(ctx.clock.now());
    let antragId: string;
    if (pf.art === 'erstantrag') {
      const kommunen = await portalRepository.kommunen(tx);
      // the Kommune follows from the address's PLZ when exactly one Kommune lists it; else the citizen chose one
      const kommuneId = opts.kommuneId || kommunenZurPlz((daten as AntragDaten).anschrift?.plz, kommunen).eindeutig?.id;
      if (!kommuneId || !kommunen.some((k) => k.id === kommuneId)) {
        throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [{ path: 'kommuneId', code: 'kommune_fehlt', message: 'Bitte wählen Sie Ihre Stadt oder Gemeinde aus.' }]);
      }
      let abgebildet;
      try {
        abgebildet = antragZuErstantragDaten({ ...(daten as AntragDaten), antragsdatum }, { kommuneId });
      } catch (err) {
        if (err instanceof AbbildungUnvollstaendig) {
          throw new AppError('antrag_unvollstaendig', 400, 'Der Antrag ist noch nicht vollständig.', [{ path: err.feld, code: 'pflichtfeld', message: err.message }]);
        }
        throw err;
      }
      const antrag = await onlineErstantragEingang.run({ ctx, actor, tx, input: onlineErstantragEingang.parse(abgebildet) });
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
        faelligAm: plusTage(heute(ctx.clock.now()), 14),
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
      updatedAt: ctx.clock.now(),
      eingereichtAm: ctx.clock.now(),
      einreichungsSchluessel: schluessel,
      antragsdatum,
      zuletztVon: actor.userId,
    });
    const antragRow = await portalRepository.findAntrag(tx, antragId);
    await portalRepository.verknuepfeDateien(tx, entwurf.id, { antragId, bgId: antragRow?.bgId ?? null });
    // Weiterbewilligung / Veränderung belong to a Fallakte already: clean uploads go into its documents now.
    if (antragRow?.bgId) await uebernehmePortalDateien(tx, actor, { id: antragId, bgId: antragRow.bgId });
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
    // what is still missing: a Nachweis with a clean upload is received, one still in the virus scan is "wird geprüft"
    const dateien = await portalRepository.dateienMeta(tx, { entwurfId: entwurf.id });
    const nachweise =
      pf.art === 'veraenderung'
        ? []
        : nachweisStand(benoetigteNachweise(daten as AntragDaten), dateien)
            .filter((s) => s.stand !== 'erhalten')
            .map((s) => (s.stand === 'wird_geprueft' ? `${nachweisText(s.nachweis, 'de')} (hochgeladen, wird geprüft)` : nachweisText(s.nachweis, 'de')));
    const jetzt = ctx.clock.now();
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
      absenderName: traeger?.jobcenterName ?? 'Jobcenter',
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
    // The mail goes into the outbox in this transaction: it exists exactly when the Antrag does, and a mail server
    // that is down delays it (the outbox job retries) — it never fails the submission nor loses the mail.
    const mail = buerger
      ? await merkeMailVor(tx, { secret: ctx.config.secret, traegerId: actor.traegerId, anlass: 'portal_eingangsbestaetigung', mail: eingangsMail(ctx, { to: buerger.email, art: pf.art, sprache: buerger.sprache, antragsdatum }) })
      : null;
    return { antragId, neu: true, antragsdatum, mail };
  });
  if (ergebnis.mail) {
    // after the commit; should even the outbox be unreachable now, the job sends the mail later
    await versendeMails({ ctx, vorgemerkt: [ergebnis.mail] }).catch(() => 0);
  }
  return { antragId: ergebnis.antragId, neu: ergebnis.neu, antragsdatum: ergebnis.antragsdatum };
}

/** The Eingangsbestätigung mail in the account's language; a translation carries the (binding) German text below it. */
function eingangsMail(ctx: AppContext, m: { to: string; art: string; sprache: string; antragsdatum: string }): OutgoingMail {
  const sprache: Sprache = (SPRACHEN as readonly string[]).includes(m.sprache) ? (m.sprache as Sprache) : 'de';
  const params = (s: Sprache) => ({ art: text(`portal.art.${m.art}`, s), datum: m.antragsdatum.split('-').toReversed().join('.'), link: `${konfigurierteBasisUrl(ctx.config)}/portal/postfach` });
  const zeilen = [text('portal.eingang_mail.text', sprache, params(sprache))];
  if (sprache !== 'de') zeilen.push('', '—', text('portal.eingang_mail.text', 'de', params('de')));
  return { to: m.to, subject: text('portal.eingang_mail.betreff', sprache, params(sprache)), text: zeilen.join('\n') };
}
