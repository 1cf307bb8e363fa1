import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import {
  abschliessendeFeststellung,
  betraegeVon,
  BewilligungsFehler,
  vergleiche,
  verrechneAbschluss,
  vierAugenErforderlich,
} from '../../domain/bewilligung/index.ts';
import { kostenaufteilung } from '../../domain/kosten/index.ts';
import { abschlussRegelAm } from '../../domain/recht/verfahren.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { z as zod } from 'zod';
import { tenantScope } from '../context.ts';
import { deutschesDatum, haekchen, leerAlsFehlend, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, validationFailed, versionConflict } from '../errors.ts';
import { heute } from '../clock.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { berechneAb, speichereVersion } from './neue-version.ts';
import { ladeBewilligungFuer } from './zugriff.ts';
import { ladeFallakte } from './fallakte-laden.ts';
import { monatVonTag } from './zeitraum-tage.ts';
import { presentBewilligung } from './darstellung.ts';
import { vierAugenRegeln } from './vier-augen-regeln.ts';
import type { AenderungsDaten } from './freigeben.ts';

/**
 * Änderung of an approved Bewilligung after a change in the Fallakte (new job, birth, move …): recomputes the months
 * from `ab` with the Fallakte as it stands, compares them with the decided amounts (vergleiche: Nachzahlung for
 * paid months, Erstattungsforderung for overpaid ones) and stores a new version as draft (`vorgaenger_id`). Months
 * before `ab` are copied unchanged. `abschliessend` turns a vorläufige Bewilligung into the final decision
 * (§ 41a Abs. 3): every month is recomputed from the actual figures recorded in the Fallakte.
 */
export const bewilligungAendernSchema = zod.object({
  id: text(100).describe('ID der Bewilligung'),
  /** from when the circumstances changed (checked by the use case: `ab`, datum_ungueltig); a form's TT.MM.JJJJ is read as a date */
  ab: zod.preprocess(deutschesDatum, leerAlsFehlend(text(10))),
  grund: zod.string().min(1).max(500),
  version: version(),
  abschliessend: haekchen().optional(),
  /**
   * abschließende Feststellung of a period under the old law (begun before 2023): the person asked for a decision
   * on the actual monthly income instead of the average (§ 41a Abs. 4 S. 2 Nr. 3 SGB II a.F.)
   */
  tatsaechlichesEinkommen: haekchen().optional().describe('abschließende Feststellung (BWZ vor 2023): auf Antrag tatsächliches Monatseinkommen, § 41a Abs. 4 S. 2 Nr. 3 SGB II a.F.'),
});

export const bewilligungAendern = defineUseCase({
  name: 'bewilligung.aendern',
  zugang: 'angemeldet',
  input: bewilligungAendernSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { b: alt, bg } = await ladeBewilligungFuer(tx, actor, input.id, 'bewilligung.bearbeiten');
    if (alt.version !== input.version) throw versionConflict();
    if (alt.status !== 'bewilligt') throw new AppError('status_ungueltig', 409, 'Nur eine erteilte Bewilligung kann geändert werden.');
    if (input.abschliessend && alt.art !== 'vorlaeufig') {
      throw new AppError('nicht_vorlaeufig', 409, 'Eine abschließende Feststellung gibt es nur für eine vorläufige Bewilligung.');
    }
    const ab = input.abschliessend ? alt.von : input.ab;
    if (!ab || !istKalenderdatum(ab)) throw validationFailed([{ path: 'ab', code: 'datum_ungueltig', message: 'Bitte geben Sie an, ab wann sich etwas geändert hat (TT.MM.JJJJ).' }]);
    if (ab > alt.bis) throw validationFailed([{ path: 'ab', code: 'ausserhalb', message: 'Das Datum liegt nach dem Ende des Bewilligungszeitraums.' }]);
    const abMonat = ab < alt.von ? monatVonTag(alt.von) : ab.slice(0, 7);
    const daten = await ladeFallakte(tx, bg, false);
    const berechnet = await berechneAb(tx, alt, daten, abMonat);
    const { altMonate, altBetraege } = berechnet;
    let { zeitraum: z, kosten } = berechnet;
    // abschließende Feststellung: which income counts follows the law in force when the period began (§ 41a Abs. 4
    // a.F.: the average of the period, or on the person's request the actual monthly income; from 2023: each month)
    let abschluss: AenderungsDaten['abschluss'];
    if (input.abschliessend) {
      const altesRecht = abschlussRegelAm(alt.von).wert.einkommen === 'durchschnitt';
      if (input.tatsaechlichesEinkommen && !altesRecht) {
        throw validationFailed([
          {
            path: 'tatsaechlichesEinkommen',
            code: 'nur_alte_fassung',
            message: 'Der Antrag auf das tatsächliche Monatseinkommen (§ 41a Abs. 4 S. 2 Nr. 3 SGB II a.F.) gilt nur für Bewilligungszeiträume, die vor dem 01.01.2023 begonnen haben.',
          },
        ]);
      }
      try {
        const f = abschliessendeFeststellung(
          altBetraege,
          z.monate.map((m) => m.input),
          input.tatsaechlichesEinkommen ? { methode: 'monatlich' } : {},
        );
        z = f.zeitraum;
        kosten = new Map(z.monate.map((m) => [m.monat, kostenaufteilung(m.ergebnis, berechnet.kommuneJeMonat.get(m.monat)!).anteile]));
        abschluss = { methode: f.methode, norm: f.norm, begruendung: f.begruendung };
      } catch (err) {
        if (err instanceof BewilligungsFehler) throw new AppError(err.code, 400, err.message);
        throw err;
      }
    }
    const gezahltBis = await bewilligungRepository.gezahltBis(tx, bg.id);
    const monatsVergleich = vergleiche(altBetraege, betraegeVon(z), { gezahltBis, entscheidungsdatum: heute(ctx.clock.now()) });
    // abschließende Feststellung: per person, overpaid and underpaid months of the period are set off and only the
    // remaining overpayment is reclaimed, from the Bagatellgrenze on (§ 41a Abs. 6 SGB II), not month by month
    const vergleich = input.abschliessend ? verrechneAbschluss(monatsVergleich, alt.von) : monatsVergleich;
    if (!vergleich.geaendert && !input.abschliessend) {
      throw new AppError('keine_aenderung', 409, 'Die Neuberechnung ergibt dieselben Beträge; ein Änderungsbescheid ist nicht nötig.');
    }
    const vorgang = input.abschliessend ? 'abschliessende_feststellung' : 'aenderung';
    const regeln = await vierAugenRegeln(tx);
    const pruefung = vierAugenErforderlich(regeln, {
      art: vorgang,
      nachzahlungCent: vergleich.nachzahlung.gesamtCent,
      erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0,
      hoechsterMonatsbetragCent: Math.max(0, ...z.monate.map((m) => m.auszahlungCent)),
    });
    const aenderung: AenderungsDaten = { ab, gruende: [input.grund], vergleich, ...(abschluss ? { abschluss } : {}) };
    const neu = await speichereVersion(tx, { alt, altMonate, abMonat, z, kosten, art: 'endgueltig', vorgang, vierAugenGruende: pruefung.gruende, aenderung, createdBy: actor.userId });
    await protokolliere(tx, actor, {
      bgId: bg.id,
      art: 'bewilligung_geaendert',
      beschreibung: `Bewilligung ab ${ab} neu berechnet (${input.abschliessend ? 'abschließende Feststellung' : 'Änderung'}): ${input.grund}`,
      details: { bewilligungId: neu.id, vorgaengerId: alt.id, nachzahlungCent: vergleich.nachzahlung.gesamtCent, ueberzahlungCent: vergleich.ueberzahlung.gesamtCent },
      zweck: 'Leistungssachbearbeitung: Bewilligung ändern',
    });
    return {
      bewilligung: presentBewilligung(neu, await bewilligungRepository.monate(tx, neu.id)),
      vergleich: {
        nachzahlungCent: vergleich.nachzahlung.gesamtCent,
        ueberzahlungCent: vergleich.ueberzahlung.gesamtCent,
        erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0,
        geaenderteMonate: vergleich.geaenderteMonate.map((m) => ({ monat: m.monat, altCent: m.altCent, neuCent: m.neuCent, differenzCent: m.differenzCent })),
      },
      vierAugen: pruefung,
      abschluss: abschluss ?? null,
    };
  }),
});
