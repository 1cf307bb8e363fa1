import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { antragsansicht, type AnsichtAbschnitt } from '../../domain/fallakte/antragsansicht.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError } from '../errors.ts';
import { entschluessele, flowVon } from '../portal/entwurf-gemeinsam.ts';
import { ladeAntragFuer } from './zugriff.ts';
import { ART_TEXT, datumText } from './texte.ts';
import { lesezweck } from './oeffne-fallakte.ts';
import { PDF_RAND, textPdf } from '../pdf/dokument.ts';

/**
 * The submitted online application as the citizen filled it in, as PDF: every section and answer on the path the
 * answers led along (labels of the form, German), the declarations, the submission time and the names of the files
 * uploaded with it. Built from the stored submission (the citizen's submitted draft, which no one changes after
 * submission) — never from the Fallakte, so it shows what was sent even after the Fallakte changed.
 * Reading is audited with its purpose. A paper application has no such submission (409 keine_online_einreichung).
 */
export const eingereichterAntragPdf = defineUseCase({
  name: 'fall.eingereichter-antrag-pdf',
  zugang: 'angemeldet',
  /** The Antrag from the URL; an unknown or malformed id answers 404. */
  input: z.object({ id: z.string().max(100).describe('ID (UUID)') }),
  audit: ['antrag.read'],
  run: async ({ ctx, actor, input }): Promise<{ pdf: Buffer; dateiname: string }> => {
    const daten = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const antrag = await ladeAntragFuer(tx, actor, input.id, 'fall.lesen');
      const entwurf = await antraegeRepository.eingereichterEntwurf(tx, antrag.id);
      if (!entwurf) {
        throw new AppError('keine_online_einreichung', 409, 'Zu diesem Antrag gibt es keine Online-Einreichung. Papieranträge liegen bei den Dokumenten der Fallakte.');
      }
      const pf = flowVon(entwurf);
      const abschnitte = antragsansicht(pf.flow, entschluessele(ctx, entwurf), 'de');
      const dateien = await antraegeRepository.hochgeladeneDateien(tx, antrag.id, entwurf.id);
      const traeger = await organisationRepository.traeger(tx);
      await recordAudit(tx, actor, {
        objectType: 'antrag',
        objectId: antrag.id,
        action: 'read',
        purpose: `${lesezweck(actor)}: eingereichten Antrag ansehen (PDF)`,
        details: { bgId: antrag.bgId, entwurf: entwurf.id },
      });
      return {
        jobcenter: traeger?.jobcenterName ?? '',
        art: ART_TEXT[antrag.art] ?? antrag.art,
        antragsdatum: antrag.antragsdatum,
        eingereichtAm: entwurf.eingereichtAm ?? antrag.createdAt,
        vorgang: antrag.id.slice(0, 8).toUpperCase(),
        abschnitte,
        dateien: dateien.map((d) => ({ name: d.dateiname, status: d.status })),
      };
    });
    return { pdf: await antragPdf(daten), dateiname: `antrag-${daten.antragsdatum}-${daten.vorgang.toLowerCase()}.pdf` };
  },
});

export type AntragPdfDaten = {
  jobcenter: string;
  art: string;
  antragsdatum: string;
  eingereichtAm: Date;
  vorgang: string;
  abschnitte: AnsichtAbschnitt[];
  dateien: { name: string; status: string }[];
};

const zeitText = (d: Date) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
const DATEI_STATUS: Record<string, string> = { sauber: 'virengeprüft', quarantaene: 'wird noch auf Viren geprüft', abgelehnt: 'abgelehnt' };

/** Renders the application (pdfkit, A4, Helvetica, tagged, de-DE), in the style of the Eingangsbestätigung. */
export function antragPdf(a: AntragPdfDaten): Promise<Buffer> {
  const { doc, absatz, abschliessen } = textPdf({ Title: `${a.art} vom ${datumText(a.antragsdatum)}`, Author: a.jobcenter || 'vorort', CreationDate: a.eingereichtAm });
  absatz(a.jobcenter.startsWith('Jobcenter') ? a.jobcenter : `Jobcenter ${a.jobcenter}`.trim(), { fett: true });
  absatz(`${a.art} – eingereicht über das Bürgerportal`, { fett: true, groesse: 15, typ: 'H1', abstand: 0.6 });
  absatz(`Antragsdatum: ${datumText(a.antragsdatum)}`);
  absatz(`Abgeschickt am: ${zeitText(a.eingereichtAm)} Uhr`);
  absatz(`Vorgangsnummer: ${a.vorgang}`, { abstand: 0.8 });
  absatz('Diese Ansicht zeigt die Angaben so, wie die antragstellende Person sie im Bürgerportal gemacht hat.', { groesse: 9, abstand: 1 });
  for (const abschnitt of a.abschnitte) {
    if (doc.y > doc.page.height - PDF_RAND.bottom - 60) doc.addPage();
    absatz(abschnitt.titel, { fett: true, groesse: 12, typ: 'H2', abstand: 0.3 });
    for (const zeile of abschnitt.zeilen) {
      absatz(`${zeile.label}: ${zeile.wert}`, { abstand: 0.15 });
    }
    doc.moveDown(0.6);
  }
  absatz('Hochgeladene Unterlagen', { fett: true, groesse: 12, typ: 'H2' });
  if (a.dateien.length === 0) absatz('Keine Dateien hochgeladen.');
  for (const d of a.dateien) absatz(`• ${d.name} (${DATEI_STATUS[d.status] ?? d.status})`, { abstand: 0.15 });
  return abschliessen();
}
