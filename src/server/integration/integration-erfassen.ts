import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { integrationenRepository } from '../../db/repositories/integrationen.ts';
import { plusTage } from '../../domain/fallakte/index.ts';
import { einkommenAb, INTEGRATIONSART_TEXT, nachhaltigkeitFaelligAm, pruefeIntegration } from '../../domain/foerdern/integration.ts';
import { INTEGRATIONSARTEN } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, type FieldIssue } from '../errors.ts';
import { MITTEILUNG_PAYLOAD_SCHEMA, type MitteilungPayload } from '../fall/mitteilung-vorbereiten.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { datumText } from '../fall/texte.ts';
import { euroCentOderNull, leerAlsNull } from '../schemas/formular.ts';
import { tagesdatum } from '../schemas/formular.ts';
import { text, uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { gezaehlt, ladeIntegrationsPerson, presentIntegration, zweckIntegration } from './integrationen-gemeinsam.ts';
import { wendeStatusFolgeAn } from './status-folgen.ts';

const STUNDEN_FEHLER = 'Bitte geben Sie die Wochenstunden als Zahl an, z. B. 19,5.';

/** Weekly hours: a number from the API, text from a form ("19,5"); at most one decimal place. */
export const wochenstunden = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (/^\s*\d{1,3}([.,]\d)?\s*$/.test(v) ? Number(v.trim().replace(',', '.')) : v.trim() === '' ? undefined : v) : v),
    z
      .number({ error: STUNDEN_FEHLER })
      .refine((n) => Number.isFinite(n) && Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, { error: STUNDEN_FEHLER })
      .refine((n) => n >= 0 && n <= 999, { error: STUNDEN_FEHLER }),
  );

export const integrationErfassenSchema = z.object({
  personId: z.string().max(100).describe('Person (UUID)'),
  art: z.enum(INTEGRATIONSARTEN, { error: 'Bitte wählen Sie die Art der Beschäftigung.' }),
  beginn: tagesdatum(),
  arbeitgeber: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), text(200).min(1, { error: 'Bitte geben Sie den Arbeitgeber an (bei Selbständigkeit: die Tätigkeit).' })),
  wochenstunden: wochenstunden(),
  erwartetesBruttoCent: euroCentOderNull().optional().transform((v) => v ?? null),
  erwartetesNettoCent: euroCentOderNull().optional().transform((v) => v ?? null),
  /** The Teilnahme whose Austritt (reason Arbeitsaufnahme) led here. */
  teilnahmeId: leerAlsNull(uuid('Die Teilnahme')).optional().transform((v) => v ?? null),
  bemerkung: leerAlsNull(text(2000)).optional().transform((v) => v ?? null),
});

/**
 * Records a job start (Beschäftigungsaufnahme) in ONE transaction: (a) the Integration with its
 * Beschäftigungsperiode, (b) the Arbeitsmarktstatus change it implies (slice A's `wendeStatusFolgeAn`), (c) the
 * expected income as a change proposal for the Leistung side — an Antrag of art 'veraenderung', channel 'intern',
 * whose payload has the shape of the portal's Veränderungsmitteilung "neue Arbeit", so the Leistung caseworker
 * checks and applies it on /faelle/:id/mitteilungen/:antragId (nothing typed twice) — and (d) the Wiedervorlage
 * of the 6-month follow-up (integration_nachhaltigkeit), for the person's Fachkraft or else the actor.
 */
export const integrationErfassen = defineUseCase({
  name: 'integration.integration-erfassen',
  zugang: 'angemeldet',
  input: integrationErfassenSchema,
  audit: ['integration.create', 'antrag.create', 'fallakte.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const tag = heute(ctx.clock.now());
      const { person, bg } = await ladeIntegrationsPerson(tx, actor, input.personId, 'integration.bearbeiten', input.beginn);
      const issues: FieldIssue[] = pruefeIntegration(input, { mitgliedschaften: person.mitgliedschaften, heute: tag }).map((h) => ({ path: h.feld, code: h.code, message: h.meldung }));
      if (input.teilnahmeId) {
        const teilnahme = await integrationenRepository.teilnahme(tx, input.teilnahmeId);
        if (!teilnahme || teilnahme.personId !== person.id) issues.push({ path: 'teilnahmeId', code: 'teilnahme_unbekannt', message: 'Diese Maßnahme-Teilnahme gehört nicht zu der Person.' });
      }
      if (issues.length) throw validationFailed(issues);
      // the same job start twice (a double submit, two colleagues at once) is refused, not counted twice
      await integrationenRepository.sperrePerson(tx, person.id);
      const gleich = (await integrationenRepository.vonPerson(tx, person.id)).find(
        (i) => i.art === input.art && i.beginn === input.beginn && i.arbeitgeber.trim().toLowerCase() === input.arbeitgeber.toLowerCase(),
      );
      if (gleich) throw fehler('already_exists', { meldung: `Diese Beschäftigungsaufnahme (${input.arbeitgeber}, Beginn ${datumText(input.beginn)}) ist schon erfasst.` });

      const id = randomUUID();
      const name = `${person.vorname} ${person.nachname}`.trim();
      const artText = INTEGRATIONSART_TEXT[input.art];

      // (c) the change proposal for the Leistung side, shaped like the portal's "neue Arbeit" notice
      const payload: MitteilungPayload = {
        schema: MITTEILUNG_PAYLOAD_SCHEMA,
        version: 1,
        flow: 'veraenderung-arbeit',
        veraenderungsart: 'arbeit',
        daten: {
          mitteilung: {
            person: name,
            aenderung: 'neue_arbeit',
            ab: einkommenAb(input.beginn),
            arbeitgeber: input.arbeitgeber,
            ...(input.erwartetesBruttoCent !== null ? { bruttoCent: input.erwartetesBruttoCent } : {}),
            ...(input.erwartetesNettoCent !== null ? { nettoCent: input.erwartetesNettoCent } : {}),
          },
        },
        herkunft: { art: 'integration', integrationId: id, personId: person.id, integrationsart: input.art, beginn: input.beginn, wochenstunden: input.wochenstunden, erfasstVon: actor.name },
      };
      const antrag = await antraegeRepository.insert(tx, {
        traegerId: actor.traegerId,
        bgId: bg.id,
        art: 'veraenderung',
        antragsdatum: tag,
        eingangskanal: 'intern',
        standortId: bg.standortId,
        faelligAm: plusTage(tag, 14),
        payload,
      });
      await recordAudit(tx, actor, {
        objectType: 'antrag',
        objectId: antrag.id,
        personId: person.id,
        action: 'create',
        purpose: zweckIntegration(actor, 'Beschäftigungsaufnahme als Veränderung an die Leistungssachbearbeitung geben'),
        details: { bgId: bg.id },
      });

      // (d) the 6-month follow-up, for the person's Fachkraft (else the one who records it)
      const fachkraft = await integrationenRepository.fachkraftAm(tx, person.id, tag);
      const faelligAm = nachhaltigkeitFaelligAm(input.beginn);
      const wv = await antraegeRepository.insertWiedervorlage(tx, {
        traegerId: actor.traegerId,
        bgId: bg.id,
        faelligAm,
        grund: `Nachhaltigkeit prüfen: Ist ${name} noch bei ${input.arbeitgeber} beschäftigt (Beginn ${datumText(input.beginn)}, ${artText})?`,
        art: 'integration_nachhaltigkeit',
        personId: person.id,
        bezugId: id,
        zugewiesenAn: fachkraft?.id ?? actor.userId,
        createdBy: actor.userId,
      });

      // (a) the Integration and its Beschäftigungsperiode
      const integration = await integrationenRepository.insert(tx, {
        id,
        traegerId: actor.traegerId,
        personId: person.id,
        bgId: bg.id,
        art: input.art,
        beginn: input.beginn,
        arbeitgeber: input.arbeitgeber,
        wochenstunden: String(input.wochenstunden),
        erwartetesBruttoCent: input.erwartetesBruttoCent,
        erwartetesNettoCent: input.erwartetesNettoCent,
        teilnahmeId: input.teilnahmeId,
        antragId: antrag.id,
        wiedervorlageId: wv.id,
        bemerkung: input.bemerkung,
        createdBy: actor.userId,
        createdByName: actor.name,
      });

      // (b) what the job start means for the Arbeitsmarktstatus (slice A)
      const statusHinweis = await wendeStatusFolgeAn(tx, actor, {
        personId: person.id,
        folge: { art: 'integration', integrationId: id, beginn: input.beginn, wochenstunden: input.wochenstunden, integrationsart: input.art },
      });

      await protokolliere(tx, actor, {
        bgId: bg.id,
        art: 'integration',
        personId: person.id,
        beschreibung: `Beschäftigungsaufnahme von ${name} am ${datumText(input.beginn)} (${artText}, ${String(input.wochenstunden).replace('.', ',')} Std./Woche) von der Integration erfasst; das erwartete Einkommen liegt als Veränderungsmitteilung zur Prüfung vor.`,
        details: { integrationId: id, antragId: antrag.id },
        zweck: zweckIntegration(actor, 'Beschäftigungsaufnahme in der Fallakte vermerken'),
      });
      await recordAudit(tx, actor, {
        objectType: 'integration',
        objectId: id,
        personId: person.id,
        action: 'create',
        purpose: zweckIntegration(actor, 'Beschäftigungsaufnahme erfassen'),
        details: { art: input.art, beginn: input.beginn, bgId: bg.id, antragId: antrag.id, wiedervorlageId: wv.id, teilnahmeId: input.teilnahmeId },
      });

      const alle = await integrationenRepository.vonPerson(tx, person.id);
      return {
        integration: presentIntegration(integration, gezaehlt(alle), tag),
        antrag: { id: antrag.id, bgId: bg.id },
        wiedervorlage: { id: wv.id, faelligAm, zugewiesenAn: fachkraft?.name ?? actor.name },
        statusHinweis,
      };
    }),
});
