import { createHash } from 'node:crypto';
import { bescheidRepository } from '../../db/repositories/bescheide.ts';
import { bescheidStammdaten } from '../../db/repositories/bg-stammdaten.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { aufrechnungRepository, erstattungRepository } from '../../db/repositories/erstattungen.ts';
import type { BerechnungErgebnis } from '../../domain/berechnung/schema.ts';
import { erstelleAufrechnungsbescheid } from '../../domain/bescheid/aufrechnung.ts';
import { BescheidFehler } from '../../domain/bescheid/index.ts';
import { istKalenderdatum } from '../../domain/berechnung/datum.ts';
import { istMonat, letzterTag, monatText } from '../../domain/bewilligung/monat.ts';
import { euroText } from '../../domain/berechnung/geld.ts';
import {
  AUFRECHNUNGS_TATBESTAENDE,
  AufrechnungsFehler,
  aufrechnungsregelAm,
  erklaereAufrechnung as erklaere,
  monatlicheAufrechnung,
  regelbedarfIm,
  type AufrechnungsTatbestand,
} from '../../domain/zahlung/index.ts';
import { RechtsstandFehler } from '../../domain/recht/typen.ts';
import { anhoerungBagatelleAm } from '../../domain/recht/verfahren.ts';
import { briefkopf } from '../bescheid/briefkopf.ts';
import { renderBescheidPdf } from '../bescheid/pdf.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { AppError, validationFailed, versionConflict } from '../errors.ts';
import { heute } from '../clock.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { stelleBescheidZu } from '../portal/bescheid-zustellen.ts';
import { deutschesDatum, leerAlsFehlend, leerAlsNull, version } from '../schemas/formular.ts';
import { text, uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { presentAufrechnung } from './forderung-darstellung.ts';
import { ladeForderungFuer } from './forderung-zugriff.ts';

/**
 * The declaration's input. Month and dates are checked by the use case itself (each with its own code, all fields at
 * once), so the schema only bounds their length; a form's TT.MM.JJJJ is read as a date.
 */
export const aufrechnungSchema = z.object({
  id: text(100).describe('ID der Erstattungsforderung'),
  personId: uuid('Die Person'),
  ab: text(7).describe('erster Monat JJJJ-MM'),
  tatbestand: leerAlsFehlend(z.enum(['vorlaeufig', 'einkommen', 'sonstige'])).describe(
    'Herkunft der Forderung; sie bestimmt die Höhe (§ 43 Abs. 2 S. 1 SGB II, Sätze: src/domain/recht/aufrechnung.ts). Ist die Herkunft gespeichert, gilt sie (abweichend → 400 tatbestand_abweichend)',
  ),
  grund: text(2000),
  anhoerungAm: z.preprocess(deutschesDatum, leerAlsNull(text(10))).optional().describe('Tag der Anhörung (§ 24 Abs. 1 SGB X), JJJJ-MM-TT'),
  anhoerungAusnahme: leerAlsNull(z.enum(['nr7'])).optional().describe('statt Anhörung: § 24 Abs. 2 Nr. 7 SGB X (Forderung unter der Bagatellgrenze)'),
  version: version(),
});

/** Exceptions of § 24 Abs. 2 SGB X that fit an Aufrechnung (the amount: src/domain/recht/verfahren.ts, by date). */
export const AUFRECHNUNG_ANHOERUNG_AUSNAHMEN = {
  nr7: { norm: '§ 24 Abs. 2 Nr. 7 SGB X' },
} as const;

/**
 * Declares an Aufrechnung (§ 43 SGB II) of an open Erstattungsforderung against the running benefit of a person who
 * owes it: the share follows the Tatbestand (10 % / 30 % of the Regelbedarf), all Aufrechnungen of the person
 * together stay within 30 %, it ends after at most three years. The declaration is a Verwaltungsakt (§ 43 Abs. 4
 * S. 1): the Aufrechnungsbescheid is created as PDF in the same transaction and delivered like every Bescheid.
 * The Zahllauf deducts the monthly amount from then on.
 */
export const aufrechnungErklaeren = defineUseCase({
  name: 'leistung.aufrechnung-erklaeren',
  // 404 before 403: ladeForderungFuer answers an unknown or foreign Forderung with 404, then checks the permission
  zugang: 'angemeldet',
  input: aufrechnungSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const r = await ladeForderungFuer(tx, actor, input.id);
    if (r.f.version !== input.version) throw versionConflict();
    if (r.f.status !== 'offen') throw new AppError('forderung_nicht_offen', 409, 'Nur gegen eine offene Erstattungsforderung kann aufgerechnet werden.');
    const schuldner = (r.f.personen as { id: string; betragCent: number }[]) ?? [];
    const fehler = [];
    if (!schuldner.some((p) => p.id === input.personId)) {
      fehler.push({ path: 'personId', code: 'person_ungueltig', message: 'Bitte wählen Sie eine Person, die die Forderung schuldet.' });
    }
    if (!istMonat(input.ab ?? '')) fehler.push({ path: 'ab', code: 'monat_ungueltig', message: 'Bitte geben Sie den ersten Monat der Aufrechnung an (MM/JJJJ).' });
    // the rate is fixed by law (§ 43 Abs. 2 S. 1): where the origin of the Forderung is recorded, it decides
    const herkunft = r.f.aufrechnungTatbestand as AufrechnungsTatbestand | null;
    const gewaehlt = (input.tatbestand ?? '').trim() || herkunft || '';
    if (!(gewaehlt in AUFRECHNUNGS_TATBESTAENDE)) fehler.push({ path: 'tatbestand', code: 'tatbestand_ungueltig', message: 'Bitte wählen Sie, worauf die Forderung beruht.' });
    else if (herkunft && gewaehlt !== herkunft) {
      fehler.push({
        path: 'tatbestand',
        code: 'tatbestand_abweichend',
        message: `Die Forderung beruht auf: ${AUFRECHNUNGS_TATBESTAENDE[herkunft].text} (${AUFRECHNUNGS_TATBESTAENDE[herkunft].grundlage}). Die Höhe der Aufrechnung ist dadurch gesetzlich festgelegt (§ 43 Abs. 2 S. 1 SGB II).`,
      });
    }
    // Anhörung (§ 24 Abs. 1 SGB X) or a documented exception (§ 24 Abs. 2 SGB X)
    const anhoerungAm = (input.anhoerungAm ?? '').trim() || null;
    const ausnahme = (input.anhoerungAusnahme ?? '').trim() || null;
    if (anhoerungAm) {
      if (!istKalenderdatum(anhoerungAm)) fehler.push({ path: 'anhoerungAm', code: 'datum_ungueltig', message: 'Bitte geben Sie den Tag der Anhörung als Datum an (TT.MM.JJJJ).' });
      else if (anhoerungAm > heute(ctx.clock.now())) fehler.push({ path: 'anhoerungAm', code: 'datum_zukunft', message: 'Die Anhörung kann nicht in der Zukunft liegen.' });
    } else if (ausnahme) {
      const a = AUFRECHNUNG_ANHOERUNG_AUSNAHMEN[ausnahme as keyof typeof AUFRECHNUNG_ANHOERUNG_AUSNAHMEN];
      if (!a) fehler.push({ path: 'anhoerungAusnahme', code: 'ausnahme_ungueltig', message: 'Bitte wählen Sie eine Ausnahme aus der Liste.' });
      else {
        const { grenzeCent } = anhoerungBagatelleAm(heute(ctx.clock.now())).wert;
        if (r.offenCent >= grenzeCent) {
          fehler.push({ path: 'anhoerungAusnahme', code: 'ausnahme_unzulaessig', message: `Ohne Anhörung nur bei einer Forderung unter ${euroText(grenzeCent)} (${a.norm}); offen sind ${euroText(r.offenCent)}.` });
        }
      }
    } else {
      fehler.push({ path: 'anhoerungAm', code: 'anhoerung_fehlt', message: 'Bitte geben Sie an, wann die Person angehört wurde (§ 24 Abs. 1 SGB X), oder wählen Sie eine zulässige Ausnahme.' });
    }
    const grund = (input.grund ?? '').trim();
    if (!grund) fehler.push({ path: 'grund', code: 'grund_fehlt', message: 'Bitte begründen Sie die Entscheidung (Ermessen, § 43 Abs. 1 SGB II).' });
    if (istMonat(input.ab ?? '')) {
      // an Aufrechnung cannot reach back into months already paid out
      const gezahlt = await aufrechnungRepository.letzterGezahlterMonat(tx, r.f.bgId);
      if (gezahlt && input.ab <= gezahlt) {
        fehler.push({ path: 'ab', code: 'monat_bereits_gezahlt', message: `Die Leistung für ${monatText(gezahlt)} ist bereits gezahlt. Die Aufrechnung kann frühestens ab dem Folgemonat beginnen.` });
      }
    }
    if (fehler.length) throw validationFailed(fehler);
    const tatbestand = gewaehlt as AufrechnungsTatbestand;

    // one declaration per person at a time: the 30 % limit (§ 43 Abs. 2 S. 2) is checked against what runs now
    await aufrechnungRepository.sperrePerson(tx, input.personId);
    const laufende = await aufrechnungRepository.laufendeDerPerson(tx, input.personId, input.ab);
    if (laufende.some((a) => a.forderungId === r.f.id)) {
      throw new AppError('aufrechnung_laeuft', 409, 'Gegen diese Person läuft mit dieser Forderung bereits eine Aufrechnung.');
    }
    // the benefit the Aufrechnung is set against: the person's month in the decided Bewilligung
    const bewilligt = await bewilligungRepository.bewilligteIm(tx, r.f.bgId, `${input.ab}-01`, letzterTag(input.ab));
    const monat = bewilligt[0] ? (await bewilligungRepository.monate(tx, bewilligt[0].id)).find((m) => m.monat === input.ab) : undefined;
    const person = monat ? (monat.ergebnis as BerechnungErgebnis).personen.find((p) => p.id === input.personId) : undefined;
    const zahlung = monat ? (monat.personen as { id: string; auszahlungCent: number }[]).find((p) => p.id === input.personId) : undefined;
    if (!monat || !person || person.regelbedarfsstufe === null) {
      throw new AppError('keine_laufende_leistung', 409, `Für ${monatText(input.ab)} ist dieser Person keine Leistung bewilligt, gegen die aufgerechnet werden könnte.`);
    }
    // only the person's own share of the Forderung may be set off against the person's benefit
    const personRest = await aufrechnungRepository.personRest(tx, r.f.id, input.personId);
    if (personRest <= 0) {
      throw new AppError('anteil_getilgt', 409, 'Der Anteil dieser Person an der Forderung ist bereits getilgt; gegen ihre Leistung kann nicht weiter aufgerechnet werden.');
    }
    const minderungCent = Math.round((person.minderung ?? 0) * 100);
    let erklaerung;
    let erster;
    try {
      erklaerung = erklaere({ tatbestand, abMonat: input.ab, laufendeProzent: laufende.map((a) => a.prozent), offenCent: r.offenCent });
      const { hoechstProzent } = aufrechnungsregelAm(`${input.ab}-01`).wert;
      const hoechst = Math.round((regelbedarfIm(input.ab, person.regelbedarfsstufe).betragCent * hoechstProzent) / 100);
      if (minderungCent >= hoechst) {
        throw new AufrechnungsFehler(
          'aufrechnung_minderung',
          `In ${monatText(input.ab)} ist die Leistung der Person um ${euroText(minderungCent)} gemindert (mindestens ${hoechstProzent} % des Regelbedarfs); daneben ist keine Aufrechnung zulässig (§ 43 Abs. 3 S. 1 SGB II).`,
        );
      }
      erster = monatlicheAufrechnung({
        monat: input.ab,
        prozent: erklaerung.prozent,
        abMonat: erklaerung.abMonat,
        bisMonat: erklaerung.bisMonat,
        stufe: person.regelbedarfsstufe,
        offenCent: r.offenCent,
        auszahlungPersonCent: zahlung?.auszahlungCent ?? 0,
        minderungCent,
        personRestCent: personRest,
      });
    } catch (err) {
      if (err instanceof AufrechnungsFehler) throw new AppError(err.code, 409, err.message);
      if (err instanceof RechtsstandFehler) throw new AppError('datum_ausserhalb_rechtsstand', 400, err.message);
      throw err;
    }
    const gesperrt = await erstattungRepository.update(tx, r.f.id, r.f.version, {});
    if (!gesperrt) throw versionConflict();
    const a = await aufrechnungRepository.insert(tx, {
      traegerId: actor.traegerId,
      forderungId: r.f.id,
      bgId: r.f.bgId,
      personId: input.personId,
      tatbestand,
      prozent: erklaerung.prozent,
      norm: erklaerung.norm,
      abMonat: erklaerung.abMonat,
      bisMonat: erklaerung.bisMonat,
      grund,
      anhoerungAm,
      anhoerungAusnahme: anhoerungAm ? null : ausnahme,
      createdBy: actor.userId,
    });

    // Aufrechnungsbescheid (§ 43 Abs. 4 S. 1 SGB II)
    const datum = heute(ctx.clock.now());
    const stamm = (await bescheidStammdaten(tx, [r.f.bgId], datum, { bank: false })).get(r.f.bgId)!;
    // the Bescheid is addressed to the person whose claim is set off (not the Antragsteller of the BG)
    const betroffen = stamm.personen.find((p) => p.id === input.personId);
    const adr = stamm.adresse;
    const forderungsBescheid = r.f.bescheidId ? await erstattungRepository.bescheidKopf(tx, r.f.bescheidId) : undefined;
    let modell;
    try {
      modell = erstelleAufrechnungsbescheid({
        datum,
        fallnummer: r.fallnummer,
        ...(await briefkopf(tx, r.standortId)),
        empfaenger: {
          name: betroffen?.name ?? 'leistungsberechtigte Person',
          strasse: adr ? `${adr.strasse} ${adr.hausnummer}` : '',
          ...(adr?.zusatz ? { zusatz: adr.zusatz } : {}),
          plz: adr?.plz ?? '',
          ort: adr?.ort ?? '',
        },
        personen: stamm.personen.map((p) => ({ id: p.id, name: p.name })),
        sachbearbeitung: { name: actor.name },
        person: { id: input.personId, name: betroffen?.name ?? 'die leistungsberechtigte Person' },
        forderung: { betragCent: r.f.betragCent, offenCent: r.offenCent, norm: r.f.norm, bescheidVom: forderungsBescheid?.datum ?? null },
        prozent: erklaerung.prozent,
        norm: erklaerung.norm,
        abMonat: erklaerung.abMonat,
        bisMonat: erklaerung.bisMonat,
        ersterBetragCent: erster.betragCent,
        regelbedarfCent: erster.regelbedarfCent,
        begruendung: grund,
      });
    } catch (err) {
      if (err instanceof BescheidFehler) throw new AppError(err.code, 409, err.message);
      throw err;
    }
    const pdf = await renderBescheidPdf(modell);
    const bescheid = await bescheidRepository.insert(tx, {
      traegerId: actor.traegerId,
      bgId: r.f.bgId,
      bewilligungId: null,
      art: 'aufrechnung',
      datum,
      modell,
      sha256: modell.inhaltHash,
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      createdBy: actor.userId,
    });
    await aufrechnungRepository.setBescheid(tx, a.id, bescheid.id);
    const zustellung = await stelleBescheidZu({ tx, actor, bgId: r.f.bgId, titel: modell.titel, pdf, dateiname: `aufrechnungsbescheid-${datum}.pdf` });
    await protokolliere(tx, actor, {
      bgId: r.f.bgId,
      art: 'aufrechnung_erklaert',
      personId: input.personId,
      beschreibung: `Aufrechnung ab ${monatText(erklaerung.abMonat)} erklärt: ${erklaerung.prozent} % des Regelbedarfs (${AUFRECHNUNGS_TATBESTAENDE[tatbestand].text}), längstens bis ${monatText(erklaerung.bisMonat)}; Aufrechnungsbescheid erstellt (${zustellung === 'postfach' ? 'Online-Postfach' : 'Post'}).`,
      details: { forderungId: r.f.id, aufrechnungId: a.id, bescheidId: bescheid.id, prozent: erklaerung.prozent },
      zweck: 'Leistungssachbearbeitung: Aufrechnung erklären',
    });
    return { aufrechnung: presentAufrechnung({ ...a, bescheidId: bescheid.id }), bescheid: { id: bescheid.id, art: 'aufrechnung', datum, zustellung }, ersterBetragCent: erster.betragCent };
  }),
});
