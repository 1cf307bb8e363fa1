import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import {
  ablehnungAus,
  bewilligungszeitraum,
  eigeneAblehnungsgruende,
  BewilligungsFehler,
  leistungsbeginnAusAntrag,
  monatPlus,
  vierAugenErforderlich,
  type Vorgangsart,
} from '../../domain/bewilligung/index.ts';
import { bezugszeiten } from '../../domain/fallakte/index.ts';
import { z as zod } from 'zod';
import { tenantScope } from '../context.ts';
import { ganzzahl, leerAlsFehlend } from '../schemas/formular.ts';
import { kalendermonat, text, uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, notFound } from '../errors.ts';
import { ladeBgFuer } from '../fall/zugriff.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { pruefeOffenBis } from '../fall/bg-ende.ts';
import { berechneAusFallakte, monatsZeilen } from './berechnung-aus-fallakte.ts';
import { ladeFallakte } from './fallakte-laden.ts';
import { periodeTage } from './zeitraum-tage.ts';
import { presentBewilligung } from './darstellung.ts';
import { ueberschneidungsFehler } from './ueberschneidung.ts';
import { vierAugenRegeln } from './vier-augen-regeln.ts';

export const bewilligungBerechnenSchema = zod.object({
  /** the BG (Fallakte) */
  id: text(100).describe('ID der Bedarfsgemeinschaft'),
  /** Antrag the decision answers (its Antragsdatum sets the Leistungsbeginn, § 37 Abs. 2 S. 2) */
  antragId: leerAlsFehlend(uuid('Der Antrag')),
  /** first month (default: from the Antrag, else the month after the last approved period) */
  beginn: leerAlsFehlend(kalendermonat()).describe('erster Monat JJJJ-MM'),
  /** length in months (default: the rule) */
  monate: leerAlsFehlend(ganzzahl('Bitte geben Sie die Dauer als ganze Zahl von Monaten an.', 1, 12)),
  /** vorläufige Entscheidung (§ 41a) with its reason */
  vorlaeufigGrund: leerAlsFehlend(text(500)).describe('vorläufige Entscheidung nach § 41a mit Grund'),
  /**
   * Ablehnung for the caseworker's own reasons (besides the engine's): standard reasons (STANDARD_ABLEHNUNGSGRUENDE)
   * and/or a free reason with its norm. Any reason makes the draft an Ablehnung.
   */
  ablehnung: zod
    .object({
      gruende: zod.array(text(50)).max(10).optional().describe('Standardgründe: fehlende_mitwirkung | nicht_erwerbsfaehig | leistungsausschluss | vermoegen'),
      freitext: text(1000).optional().describe('eigener Ablehnungsgrund'),
      norm: text(200).optional().describe('Rechtsgrundlage des eigenen Grunds (Pflicht mit freitext)'),
    })
    .optional()
    .describe('Ablehnung mit eigenen Gründen der Sachbearbeitung (neben denen der Berechnung)'),
});

/**
 * Computes a Bewilligung for a BG month by month from the Fallakte and stores it as `entwurf` with its
 * Rechtsstand and the Vier-Augen reasons that will apply to its approval. A period overlapping an approved one is
 * refused. When no month has an entitlement the draft is an Ablehnung (with the reasons from the engine).
 */
export const bewilligungBerechnen = defineUseCase({
  name: 'bewilligung.berechnen',
  zugang: 'angemeldet',
  input: bewilligungBerechnenSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, input.id, 'bewilligung.bearbeiten');
    let eigene;
    try {
      eigene = eigeneAblehnungsgruende({ codes: input.ablehnung?.gruende, freitext: input.ablehnung?.freitext, norm: input.ablehnung?.norm });
    } catch (err) {
      if (!(err instanceof BewilligungsFehler)) throw err;
      const pfad = err.code === 'norm_fehlt' || err.code === 'norm_ungueltig' ? 'ablehnung.norm' : err.code === 'grund_ungueltig' ? 'ablehnung.gruende' : 'ablehnung.freitext';
      throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [{ path: pfad, code: err.code, message: err.message }]);
    }
    const bisher = await bewilligungRepository.listByBg(tx, bg.id);
    const bewilligte = bisher.filter((b) => b.status === 'bewilligt' || b.status === 'ersetzt');
    let beginn = input.beginn;
    let antragId: string | null = null;
    if (input.antragId) {
      const antrag = await antraegeRepository.find(tx, input.antragId);
      if (!antrag || antrag.bgId !== bg.id) throw notFound('Der Antrag');
      antragId = antrag.id;
      if (!beginn) beginn = leistungsbeginnAusAntrag(antrag.antragsdatum).monat;
    }
    if (!beginn) {
      const letzte = bisher.filter((b) => b.status === 'bewilligt').sort((a, b) => (a.bis < b.bis ? 1 : -1))[0];
      if (letzte) {
        const [j, m] = letzte.bis.slice(0, 7).split('-').map(Number) as [number, number];
        beginn = m === 12 ? `${j + 1}-01` : `${j}-${String(m + 1).padStart(2, '0')}`;
      } else {
        const antraege = (await antraegeRepository.listByBg(tx, bg.id)).map((r) => r.antrag).filter((a) => a.art === 'erstantrag' || a.art === 'weiterbewilligung');
        const erst = antraege.sort((a, b) => (a.antragsdatum < b.antragsdatum ? 1 : -1))[0];
        if (!erst) throw new AppError('beginn_fehlt', 400, 'Bitte geben Sie den Beginn des Bewilligungszeitraums an oder wählen Sie einen Antrag.');
        antragId = erst.id;
        beginn = leistungsbeginnAusAntrag(erst.antragsdatum).monat;
      }
    }
    let zeitraum;
    try {
      zeitraum = bewilligungszeitraum({
        beginn,
        ...(input.vorlaeufigGrund ? { vorlaeufig: true } : {}),
        ...(input.monate !== undefined ? { monate: input.monate } : {}),
      });
    } catch (err) {
      if (err instanceof BewilligungsFehler) throw new AppError(err.code, 400, err.message, [{ path: 'monate', code: err.code, message: err.message }]);
      throw err;
    }
    const tage = periodeTage(zeitraum.beginn, zeitraum.ende);
    await pruefeOffenBis(tx, bg, tage.bis);
    if ((await bewilligungRepository.bewilligteIm(tx, bg.id, tage.von, tage.bis)).length > 0) throw ueberschneidungsFehler();

    const daten = await ladeFallakte(tx, bg, false);
    // the approved periods before this one: the running benefit gives the Leistungsbeginn, periods before a gap the
    // earlier benefit that extends or restarts the Karenzzeit (docs/fallakte.md, "Berechnung")
    const { leistungsbeginn, fruehererBezug } = bezugszeiten(bewilligte, zeitraum.beginn);
    const { zeitraum: z, kosten } = await berechneAusFallakte(tx, daten, zeitraum.monate, {
      leistungsbeginn,
      bewilligungszeitraumBeginn: zeitraum.beginn,
      fruehererBezug,
      // the months before this period were provided by the earlier Bewilligung (§ 11 Abs. 3 S. 3)
      ...(leistungsbeginn < zeitraum.beginn ? { bereitsErbrachtBis: monatPlus(zeitraum.beginn, -1) } : {}),
    });
    const ablehnung = ablehnungAus(z);
    const vorgang: Vorgangsart = ablehnung?.vollstaendig || eigene.length > 0 ? 'ablehnung' : bewilligte.length ? 'weiterbewilligung' : 'erstbewilligung';
    // an Ablehnung pays nothing, whatever the engine computed for the months (kept as a record)
    const hoechster = vorgang === 'ablehnung' ? 0 : Math.max(0, ...z.monate.map((m) => m.auszahlungCent));
    const gruende = [
      ...(ablehnung ? ablehnung.gruende.map((g) => ({ text: g.text, norm: g.norm, monate: g.monate })) : []),
      ...eigene.map((g) => ({ text: g.text, norm: g.norm, code: g.code, eigen: true })),
    ];
    const regeln = await vierAugenRegeln(tx);
    const pruefung = vierAugenErforderlich(regeln, { art: vorgang, hoechsterMonatsbetragCent: hoechster });
    const b = await bewilligungRepository.insert(tx, {
      traegerId: actor.traegerId,
      bgId: bg.id,
      antragId,
      von: tage.von,
      bis: tage.bis,
      art: input.vorlaeufigGrund ? 'vorlaeufig' : 'endgueltig',
      vorgang,
      status: 'entwurf',
      rechtsstand: z.rechtsstand,
      vorlaeufigGrund: input.vorlaeufigGrund ?? null,
      summeCent: vorgang === 'ablehnung' ? 0 : z.summeCent,
      hoechsterMonatCent: hoechster,
      vierAugenGruende: pruefung.gruende,
      ablehnungsgruende: gruende.length ? gruende : null,
      createdBy: actor.userId,
    });
    const zeilen = monatsZeilen(actor.traegerId, b.id, z, kosten);
    await bewilligungRepository.insertMonate(tx, zeilen);
    await protokolliere(tx, actor, {
      bgId: bg.id,
      art: 'bewilligung_berechnet',
      beschreibung: `Bewilligung ${zeitraum.beginn} bis ${zeitraum.ende} berechnet (${vorgang === 'ablehnung' ? 'Ablehnung' : 'Entwurf'}).`,
      details: { bewilligungId: b.id, summeCent: z.summeCent },
      zweck: 'Leistungssachbearbeitung: Bewilligung berechnen',
    });
    const monate = await bewilligungRepository.monate(tx, b.id);
    return { bewilligung: presentBewilligung(b, monate), zeitraumBegruendung: zeitraum.begruendung, vierAugen: pruefung };
  }),
});
