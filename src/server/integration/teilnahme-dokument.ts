import { organisationRepository } from '../../db/repositories/organisation.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { fehler } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { dokumentSchema } from './massnahmen-schemas.ts';
import { ladeMassnahme, ladeTeilnahme, zuweisungsschreiben, zweckTeilnahme } from './teilnahme-gemeinsam.ts';
import { teilnahmebescheinigungPdf } from './teilnahme-pdf.ts';

const HATTE_ZUWEISUNG = ['zugewiesen', 'eingetreten', 'ausgetreten', 'storniert'];

/** The Zuweisung letter (as stored at the Zuweisung; rendered and stored on first download when missing) or the Teilnahmebescheinigung as PDF; reading is audited. */
export const teilnahmeDokument = defineUseCase({
  name: 'integration.teilnahme-dokument',
  zugang: 'integration.lesen',
  input: dokumentSchema,
  audit: ['teilnahme.read'],
  run: async ({ ctx, actor, input }): Promise<{ pdf: Buffer; dateiname: string }> =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await ladeTeilnahme(tx, actor, input.id, 'integration.lesen');
      let pdf: Buffer | null = null;
      let erzeugt = false;
      if (input.art === 'zuweisung') {
        pdf = await teilnahmenRepository.zuweisungsschreiben(tx, t.id);
        if (!pdf) {
          // Assigned without a stored letter (e.g. demo data or an import): render it now as of the Zuweisung and keep it.
          if (!t.zugewiesenAm || !HATTE_ZUWEISUNG.includes(t.status)) throw fehler('status_ungueltig', { meldung: 'Zu dieser Teilnahme gibt es noch kein Zuweisungsschreiben.' });
          const m = await ladeMassnahme(tx, t.massnahmeId);
          const traeger = await organisationRepository.traeger(tx);
          pdf = await zuweisungsschreiben(tx, { t, massnahme: m, datum: t.zugewiesenAm, mitRechtsfolgenbelehrung: t.mitRechtsfolgenbelehrung, jobcenter: traeger?.jobcenterName ?? '' });
          await teilnahmenRepository.speichereZuweisungsschreiben(tx, t.id, pdf);
          erzeugt = true;
        }
      } else {
        if (!t.teilnahmebescheinigungAm || !t.eintrittAm || !t.austrittAm || !t.austrittsgrund) throw fehler('status_ungueltig', { meldung: 'Die Teilnahmebescheinigung ist noch nicht ausgestellt.' });
        const traeger = await organisationRepository.traeger(tx);
        pdf = await teilnahmebescheinigungPdf({
          jobcenter: traeger?.jobcenterName ?? '',
          name: t.name,
          geburtsdatum: t.geburtsdatum,
          am: t.teilnahmebescheinigungAm,
          massnahme: t.massnahme,
          anbieter: t.anbieter,
          instrument: t.instrument,
          eintrittAm: t.eintrittAm,
          austrittAm: t.austrittAm,
          grund: t.austrittsgrund,
        });
      }
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        objectId: t.id,
        personId: t.personId,
        action: 'read',
        purpose: zweckTeilnahme(actor, input.art === 'zuweisung' ? 'Zuweisungsschreiben ansehen (PDF)' : 'Teilnahmebescheinigung ansehen (PDF)'),
        details: { massnahmeId: t.massnahmeId, dokument: input.art, ...(erzeugt ? { nachtraeglichErstellt: true } : {}) },
      });
      return { pdf, dateiname: `${input.art === 'zuweisung' ? 'zuweisung' : 'teilnahmebescheinigung'}-${t.id.slice(0, 8)}.pdf` };
    }),
});
