import type { Tx } from '../../db/client.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import type { Bewilligung, BewilligungMonat } from '../../db/schema/index.ts';
import {
  aufhebungsgrund,
  BewilligungsFehler,
  pruefeAufhebungsRecht,
  type AufhebungsRecht,
  letzterTag,
  monatPlus,
  vergleiche,
  vierAugenErforderlich,
  type MonatsBetraege,
  type PersonBetrag,
} from '../../domain/bewilligung/index.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { deutschesDatum, haekchen, leerAlsFehlend, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, validationFailed, versionConflict } from '../errors.ts';
import { heute } from '../clock.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { ladeBewilligungFuer } from './zugriff.ts';
import { monatBis, monatVonTag } from './zeitraum-tage.ts';
import { presentBewilligung } from './darstellung.ts';
import { vierAugenRegeln } from './vier-augen-regeln.ts';
import type { AenderungsDaten } from './freigeben.ts';

/** Dates are checked by the use case (each with its own code); a form's TT.MM.JJJJ is read as a date. */
export const bewilligungAufhebenSchema = z.object({
  id: text(100).describe('ID der Bewilligung'),
  /** first day of the first month no longer granted */
  ab: z.preprocess(deutschesDatum, text(10)).describe('erster Tag des ersten aufgehobenen Monats JJJJ-MM-TT'),
  /** AUFHEBUNGSGRUENDE key */
  grund: text(50),
  /** required for `sonstiger`, otherwise an optional addition */
  grundText: text(1000).optional(),
  tatbestand: leerAlsFehlend(text(10)).describe(
    'nr2 | nr3 | nr4: Tatbestand nach § 48 Abs. 1 S. 2 SGB X; Pflicht, wenn die Aufhebung vor dem Ersten des nächsten Monats wirkt oder eine Erstattung entsteht (tatbestand_fehlt)',
  ),
  anhoerungAm: z.preprocess(deutschesDatum, leerAlsFehlend(text(10))).describe('Datum der Anhörung (§ 24 Abs. 1 SGB X); Pflicht für jede Aufhebung, auch nur für die Zukunft, außer bei einer Ausnahme (anhoerung_fehlt)'),
  anhoerungAusnahme: leerAlsFehlend(text(10)).describe('nr3 | nr5: Ausnahme nach § 24 Abs. 2 SGB X (nr5 nur bei wegfall_hilfebeduerftigkeit), mit anhoerungAusnahmeGrund'),
  anhoerungAusnahmeGrund: text(1000).optional(),
  ganzeBg: haekchen().optional().describe('umzug bei mehreren Personen: die ganze Bedarfsgemeinschaft ist weggezogen (nicht_ganze_bg)'),
  version: version(),
});

/** What an Aufhebung stores besides the comparison (in `aenderung`). */
export type AufhebungsDaten = AenderungsDaten & {
  aufhebung: { code: string; text: string; norm: string; anhoerungAm: string | null; bisherBis: string } & Partial<Omit<AufhebungsRecht, 'anhoerungAm'>> & {
    ganzeBg?: boolean;
  };
};

const betraegeAb = (monate: readonly BewilligungMonat[], abMonat: string): MonatsBetraege[] =>
  monate
    .filter((m) => m.monat >= abMonat)
    .map((m) => ({ monat: m.monat, auszahlungCent: m.auszahlungCent, personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })) }));

/**
 * At the decision on an Aufhebung (freigeben): the comparison is taken again (a Zahllauf may have paid further
 * months, and the decision day may have moved into the month of `ab`), and the lawfulness is checked again with the
 * stored Tatbestand and Anhörung. Refuses with 409 (tatbestand_fehlt, anhoerung_fehlt, erstattung_tod …).
 */
export async function pruefeAufhebungJetzt(tx: Tx, b: Bewilligung, heuteDatum: string): Promise<void> {
  const daten = b.aenderung as AufhebungsDaten | null;
  if (!daten?.aufhebung || !b.vorgaengerId) return;
  const a = daten.aufhebung;
  const abMonat = daten.ab.slice(0, 7);
  const alt = await bewilligungRepository.monate(tx, b.vorgaengerId);
  const vergleich = vergleiche(betraegeAb(alt, abMonat), [], { gezahltBis: await bewilligungRepository.gezahltBis(tx, b.bgId), entscheidungsdatum: heuteDatum });
  const erster = alt.find((m) => m.monat >= abMonat);
  const { fehler } = pruefeAufhebungsRecht({
    grund: a.code,
    ab: daten.ab,
    entscheidungsdatum: heuteDatum,
    erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0,
    tatbestand: a.tatbestand?.code,
    anhoerungAm: a.anhoerungAm,
    anhoerungAusnahme: a.anhoerungAusnahme?.code,
    anhoerungAusnahmeGrund: a.anhoerungAusnahme?.begruendung,
    personen: (erster?.personen as PersonBetrag[] | undefined)?.length ?? 1,
    ganzeBg: a.ganzeBg,
  });
  const f = fehler[0];
  if (f) {
    throw new AppError(f.code, 409, `Die Aufhebung kann so nicht entschieden werden: ${f.message} Bitte berechnen Sie die Aufhebung mit diesen Angaben neu.`);
  }
}

/**
 * Aufhebung of a running, approved Bewilligung from a month on (§ 48 SGB X, § 40 SGB II, § 330 Abs. 3 SGB III):
 * stores a new version (vorgang `aufhebung`) as draft that keeps only the months before `ab`. Months from `ab` on
 * that were already paid become an Erstattungsforderung when it is decided (freigeben → entscheide); later months
 * are no longer paid because the Zahllauf pays only months of an approved version. Vier-Augen per the Träger's rules.
 */
export const bewilligungAufheben = defineUseCase({
  name: 'bewilligung.aufheben',
  zugang: 'angemeldet',
  input: bewilligungAufhebenSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { b: alt, bg } = await ladeBewilligungFuer(tx, actor, input.id, 'bewilligung.bearbeiten');
    if (alt.version !== input.version) throw versionConflict();
    if (alt.status !== 'bewilligt') throw new AppError('status_ungueltig', 409, 'Nur eine erteilte, laufende Bewilligung kann aufgehoben werden.');
    const fehler = [];
    const ab = input.ab.trim();
    if (!istKalenderdatum(ab)) fehler.push({ path: 'ab', code: 'datum_ungueltig', message: 'Bitte geben Sie an, ab wann die Bewilligung aufgehoben wird (TT.MM.JJJJ).' });
    else if (!ab.endsWith('-01')) fehler.push({ path: 'ab', code: 'kein_monatsanfang', message: 'Leistungen werden monatlich bewilligt: Eine Aufhebung wirkt ab dem Ersten eines Monats.' });
    else if (ab < alt.von || ab > alt.bis) fehler.push({ path: 'ab', code: 'ausserhalb', message: 'Das Datum liegt außerhalb des Bewilligungszeitraums.' });
    const anhoerungAm = input.anhoerungAm?.trim() || null;
    if (anhoerungAm && !istKalenderdatum(anhoerungAm)) {
      fehler.push({ path: 'anhoerungAm', code: 'datum_ungueltig', message: 'Bitte geben Sie das Datum der Anhörung als gültiges Datum an (TT.MM.JJJJ).' });
    }
    let grund;
    try {
      grund = aufhebungsgrund(input.grund, input.grundText);
    } catch (err) {
      if (!(err instanceof BewilligungsFehler)) throw err;
      fehler.push({ path: err.code === 'grund_ungueltig' ? 'grund' : 'grundText', code: err.code, message: err.message });
    }
    if (fehler.length || !grund) throw validationFailed(fehler);

    const abMonat = ab.slice(0, 7);
    const altMonate = await bewilligungRepository.monate(tx, alt.id);
    const betraege = betraegeAb(altMonate, abMonat);
    const gezahltBis = await bewilligungRepository.gezahltBis(tx, bg.id);
    const vergleich = vergleiche(betraege, [], { gezahltBis, entscheidungsdatum: heute(ctx.clock.now()) });
    // § 48 Abs. 1 SGB X, § 24 SGB X and the limits of cancelling the whole BG
    const { recht, fehler: rechtsfehler } = pruefeAufhebungsRecht({
      grund: grund.code,
      ab,
      entscheidungsdatum: heute(ctx.clock.now()),
      erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0,
      tatbestand: input.tatbestand,
      anhoerungAm,
      anhoerungAusnahme: input.anhoerungAusnahme,
      anhoerungAusnahmeGrund: input.anhoerungAusnahmeGrund,
      personen: betraege[0]?.personen.length ?? 1,
      ganzeBg: input.ganzeBg,
    });
    if (rechtsfehler.length) throw validationFailed(rechtsfehler);
    const behalten = altMonate.filter((m) => m.monat < abMonat);
    const regeln = await vierAugenRegeln(tx);
    const pruefung = vierAugenErforderlich(regeln, { art: 'aufhebung', erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0 });
    const aenderung: AufhebungsDaten = {
      ab,
      gruende: [grund.text],
      vergleich,
      aufhebung: {
        code: grund.code,
        text: grund.text,
        norm: grund.norm,
        bisherBis: alt.bis,
        ...recht,
        ...(grund.code === 'umzug' && input.ganzeBg ? { ganzeBg: true } : {}),
      },
    };
    const neu = await bewilligungRepository.insert(tx, {
      traegerId: actor.traegerId,
      bgId: bg.id,
      antragId: alt.antragId,
      von: alt.von,
      // the remaining period ends before the Aufhebung, so a later Bewilligung for the same months is possible
      bis: behalten.length ? letzterTag(monatPlus(abMonat, -1)) : alt.bis,
      art: alt.art,
      vorgang: 'aufhebung',
      status: 'entwurf',
      rechtsstand: alt.rechtsstand,
      vorlaeufigGrund: alt.vorlaeufigGrund,
      vorgaengerId: alt.id,
      summeCent: behalten.reduce((s, m) => s + m.auszahlungCent, 0),
      hoechsterMonatCent: Math.max(0, ...behalten.map((m) => m.auszahlungCent)),
      vierAugenGruende: pruefung.gruende,
      aenderung,
      createdBy: actor.userId,
    });
    await bewilligungRepository.kopiereMonate(tx, [{ vonId: alt.id, nachId: neu.id }], abMonat);
    await protokolliere(tx, actor, {
      bgId: bg.id,
      art: 'bewilligung_aufhebung',
      beschreibung: `Aufhebung der Bewilligung ${monatVonTag(alt.von)} bis ${monatBis(alt.bis)} ab ${ab} vorbereitet: ${grund.text}`,
      details: { bewilligungId: neu.id, vorgaengerId: alt.id, ab, grund: grund.code, tatbestand: recht.tatbestand?.code ?? null, anhoerungAm: recht.anhoerungAm, anhoerungAusnahme: recht.anhoerungAusnahme?.code ?? null, erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0 },
      zweck: 'Leistungssachbearbeitung: Bewilligung aufheben',
    });
    return {
      bewilligung: presentBewilligung(neu, await bewilligungRepository.monate(tx, neu.id)),
      erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0,
      ueberzahlungCent: vergleich.ueberzahlung.gesamtCent,
      aufgehobeneMonate: betraege.map((m) => m.monat),
      vierAugen: pruefung,
    };
  }),
});
