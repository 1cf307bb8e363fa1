import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import {
  aufhebungsgrund,
  BewilligungsFehler,
  letzterTag,
  monatPlus,
  vergleiche,
  vierAugenErforderlich,
  type MonatsBetraege,
  type PersonBetrag,
} from '../../domain/bewilligung/index.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, validationFailed, versionConflict } from '../errors.ts';
import { heute, protokolliere } from '../fall/common.ts';
import { ladeBewilligungFuer, monatBis, monatVonTag, presentBewilligung, vierAugenRegeln } from './common.ts';
import type { AenderungsDaten } from './freigeben.ts';

export type AufhebungsEingabe = {
  /** first day of the first month no longer granted 'YYYY-MM-DD' */
  ab: string;
  /** AUFHEBUNGSGRUENDE key */
  grund: string;
  /** required for `sonstiger`, otherwise an optional addition */
  grundText?: string | undefined;
  /** date of the Anhörung (§ 24 SGB X), if one took place */
  anhoerungAm?: string | undefined;
  version: number;
};

/** What an Aufhebung stores besides the comparison (in `aenderung`). */
export type AufhebungsDaten = AenderungsDaten & {
  aufhebung: { code: string; text: string; norm: string; anhoerungAm: string | null; bisherBis: string };
};

/**
 * Aufhebung of a running, approved Bewilligung from a month on (§ 48 SGB X, § 40 SGB II, § 330 Abs. 3 SGB III):
 * stores a new version (vorgang `aufhebung`) as draft that keeps only the months before `ab`. Months from `ab` on
 * that were already paid become an Erstattungsforderung when it is decided (freigeben → entscheide); later months
 * are no longer paid because the Zahllauf pays only months of an approved version. Vier-Augen per the Träger's rules.
 */
export async function hebeBewilligungAuf(opts: { ctx: AppContext; actor: Actor; id: string; input: AufhebungsEingabe }) {
  const { ctx, actor, input } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { b: alt, bg } = await ladeBewilligungFuer(tx, actor, opts.id, 'bewilligung.bearbeiten');
    if (alt.version !== input.version) throw versionConflict();
    if (alt.status !== 'bewilligt') throw new AppError('status_ungueltig', 409, 'Nur eine erteilte, laufende Bewilligung kann aufgehoben werden.');
    const fehler = [];
    const ab = input.ab.trim();
    if (!istKalenderdatum(ab)) fehler.push({ path: 'ab', code: 'datum_ungueltig', message: 'Bitte geben Sie an, ab wann die Bewilligung aufgehoben wird (TT.MM.JJJJ).' });
    else if (!ab.endsWith('-01')) fehler.push({ path: 'ab', code: 'kein_monatsanfang', message: 'Leistungen werden monatlich bewilligt: Eine Aufhebung wirkt ab dem Ersten eines Monats.' });
    else if (ab < alt.von || ab > alt.bis) fehler.push({ path: 'ab', code: 'ausserhalb', message: 'Das Datum liegt außerhalb des Bewilligungszeitraums.' });
    const anhoerungAm = input.anhoerungAm?.trim() || null;
    if (anhoerungAm && (!istKalenderdatum(anhoerungAm) || anhoerungAm > heute())) {
      fehler.push({ path: 'anhoerungAm', code: 'datum_ungueltig', message: 'Das Datum der Anhörung muss ein gültiges Datum sein und darf nicht in der Zukunft liegen.' });
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
    const betraege: MonatsBetraege[] = altMonate
      .filter((m) => m.monat >= abMonat)
      .map((m) => ({ monat: m.monat, auszahlungCent: m.auszahlungCent, personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })) }));
    const gezahltBis = await bewilligungRepository.gezahltBis(tx, bg.id);
    const vergleich = vergleiche(betraege, [], { gezahltBis, entscheidungsdatum: heute() });
    const behalten = altMonate.filter((m) => m.monat < abMonat);
    const regeln = await vierAugenRegeln(tx);
    const pruefung = vierAugenErforderlich(regeln, { art: 'aufhebung', erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0 });
    const aenderung: AufhebungsDaten = {
      ab,
      gruende: [grund.text],
      vergleich,
      aufhebung: { code: grund.code, text: grund.text, norm: grund.norm, anhoerungAm, bisherBis: alt.bis },
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
      details: { bewilligungId: neu.id, vorgaengerId: alt.id, ab, grund: grund.code, erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0 },
      zweck: 'Leistungssachbearbeitung: Bewilligung aufheben',
    });
    return {
      bewilligung: presentBewilligung(neu, await bewilligungRepository.monate(tx, neu.id)),
      erstattungCent: vergleich.erstattungsforderung?.betragCent ?? 0,
      ueberzahlungCent: vergleich.ueberzahlung.gesamtCent,
      aufgehobeneMonate: betraege.map((m) => m.monat),
      vierAugen: pruefung,
    };
  });
}
