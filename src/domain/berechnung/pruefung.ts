/**
 * Checks of facts that the schema cannot express. Each impossible or contradictory fact raises a
 * BerechnungsFehler naming it; nothing is silently corrected.
 */
import { ALTERSGRENZEN, AUSLEGUNG, RECHT_AB, parameterAm } from '../recht/index.ts';
import { alterImMonat, datumLang, parseTag, vergleiche } from './datum.ts';
import { BerechnungsFehler } from './fehler.ts';
import { berechneKern, zeitraumAus } from './kern.ts';
import type { BerechnungInput } from './schema.ts';

export function pruefeFakten(input: BerechnungInput): void {
  // period
  if (typeof input.zeitraum === 'object') {
    const { von, bis } = input.zeitraum;
    if (von > bis) throw new BerechnungsFehler('zeitraum_ungueltig', 'zeitraum.bis', 'zeitraum: "bis" liegt vor "von".');
    if (von.slice(0, 7) !== bis.slice(0, 7)) {
      throw new BerechnungsFehler('zeitraum_ungueltig', 'zeitraum.bis', 'zeitraum: "von" und "bis" müssen im selben Kalendermonat liegen (ein Monat wird einzeln berechnet).');
    }
  }
  const zr = zeitraumAus(input.zeitraum);
  // Before the first day of stored law there is nothing to compute with. After the last known day the law is
  // carried forward (recht/index.ts, parameterAm) and the result says so — never refused.
  if (zr.vonIso < RECHT_AB) {
    throw new BerechnungsFehler(
      'zeitraum_ausserhalb_rechtsstand',
      'zeitraum',
      `Der Zeitraum ${zr.vonIso} bis ${zr.bisIso} liegt vor dem hinterlegten Recht (ab ${RECHT_AB}).`,
    );
  }
  const monat = zr.vonIso.slice(0, 7);
  if (input.leistungsbeginn && input.leistungsbeginn > monat) {
    throw new BerechnungsFehler('leistungsbeginn_nach_zeitraum', 'leistungsbeginn', `leistungsbeginn ${input.leistungsbeginn} liegt nach dem berechneten Monat ${monat}.`);
  }
  if (input.bewilligungszeitraumBeginn) {
    if (input.bewilligungszeitraumBeginn > monat) {
      throw new BerechnungsFehler('bewilligungszeitraum_ungueltig', 'bewilligungszeitraumBeginn', `bewilligungszeitraumBeginn ${input.bewilligungszeitraumBeginn} liegt nach dem berechneten Monat ${monat}.`);
    }
    if (input.leistungsbeginn && input.bewilligungszeitraumBeginn < input.leistungsbeginn) {
      throw new BerechnungsFehler('bewilligungszeitraum_ungueltig', 'bewilligungszeitraumBeginn', `bewilligungszeitraumBeginn ${input.bewilligungszeitraumBeginn} liegt vor dem leistungsbeginn ${input.leistungsbeginn}.`);
    }
  }

  // persons
  const ids = new Map<string, number>();
  let antragsteller = -1;
  let partner = -1;
  input.personen.forEach((p, i) => {
    if (ids.has(p.id)) throw new BerechnungsFehler('id_doppelt', `personen[${i}].id`, `Die id "${p.id}" kommt mehrfach vor.`);
    ids.set(p.id, i);
    if (p.rolle === 'antragsteller') {
      if (antragsteller >= 0) throw new BerechnungsFehler('antragsteller_mehrfach', `personen[${i}].rolle`, 'Es darf nur eine Person die Rolle "antragsteller" haben.');
      antragsteller = i;
    }
    if (p.rolle === 'partner') {
      if (partner >= 0) throw new BerechnungsFehler('partner_mehrfach', `personen[${i}].rolle`, 'Es darf nur eine Person die Rolle "partner" haben.');
      partner = i;
    }
  });
  if (antragsteller < 0) throw new BerechnungsFehler('antragsteller_fehlt', 'personen', 'Eine Person muss die Rolle "antragsteller" haben.');

  const par = parameterAm(zr.vonIso);
  const eltern = input.personen.filter((p) => p.rolle === 'antragsteller' || p.rolle === 'partner');
  const minderjaehrigeKinder = input.personen.filter(
    (p) => p.rolle === 'kind' && alterImMonat(parseTag(p.geburtsdatum), zr.jahr, zr.monat) < ALTERSGRENZEN.volljaehrig,
  );
  let inBg = 0;
  let erwerbsfaehigInBg = 0;
  input.personen.forEach((p, i) => {
    const geburt = parseTag(p.geburtsdatum);
    if (vergleiche(geburt, zr.bis) > 0) {
      throw new BerechnungsFehler('geburtsdatum_nach_zeitraum', `personen[${i}].geburtsdatum`, `Person "${p.id}" ist erst am ${p.geburtsdatum} geboren, nach dem Ende des Zeitraums ${zr.bisIso}.`);
    }
    const alter = alterImMonat(geburt, zr.jahr, zr.monat);
    if (p.rolle === 'kind') {
      if (alter >= ALTERSGRENZEN.kindBisUnter) {
        throw new BerechnungsFehler('kind_25_oder_aelter', `personen[${i}].geburtsdatum`, `Person "${p.id}" ist in diesem Monat ${alter} Jahre alt; als "kind" gehört nur ein Kind unter 25 zur Bedarfsgemeinschaft der Eltern (§ 7 Abs. 3 Nr. 4 SGB II).`);
      }
      if (eltern.length > 0 && !eltern.some((e) => e.geburtsdatum < p.geburtsdatum)) {
        throw new BerechnungsFehler('kind_aelter_als_elternteil', `personen[${i}].geburtsdatum`, `Kind "${p.id}" (geboren ${p.geburtsdatum}) ist nicht jünger als Antragsteller oder Partner.`);
      }
    }
    if (p.kindergeldberechtigter !== undefined) {
      if (p.rolle !== 'kind') {
        throw new BerechnungsFehler('kindergeldberechtigter_ungueltig', `personen[${i}].kindergeldberechtigter`, 'kindergeldberechtigter ist nur bei einer Person mit der Rolle "kind" anzugeben.');
      }
      const ziel = ids.get(p.kindergeldberechtigter);
      if (ziel === undefined) {
        throw new BerechnungsFehler('unbekannte_person', `personen[${i}].kindergeldberechtigter`, `Es gibt keine Person mit der id "${p.kindergeldberechtigter}".`);
      }
      const rolle = input.personen[ziel]?.rolle;
      if (rolle !== 'antragsteller' && rolle !== 'partner') {
        throw new BerechnungsFehler('kindergeldberechtigter_ungueltig', `personen[${i}].kindergeldberechtigter`, 'Das Kindergeld muss der Antragsteller oder der Partner erhalten.');
      }
    }
    const erwerbsfaehig = p.erwerbsfaehig ?? alter >= ALTERSGRENZEN.erwerbsfaehigAb;
    if (p.erwerbsfaehig === true && alter < ALTERSGRENZEN.erwerbsfaehigAb) {
      throw new BerechnungsFehler('erwerbsfaehig_unter_15', `personen[${i}].erwerbsfaehig`, `Person "${p.id}" ist ${alter} Jahre alt; erwerbsfähig ist man erst ab 15 Jahren (§ 7 Abs. 1 Nr. 1 SGB II).`);
    }
    if (p.sgb12 === true) {
      const grund =
        p.rolle !== 'partner'
          ? 'nur eine Person mit der Rolle "partner" kann nach dem SGB XII leistungsberechtigt sein (gemischte Bedarfsgemeinschaft)'
          : p.inBedarfsgemeinschaft === true
            ? 'eine Partnerin oder ein Partner nach dem SGB XII gehört nicht zur Bedarfsgemeinschaft (inBedarfsgemeinschaft: true widerspricht sgb12)'
            : p.nichtErreichbar === true || (p.minderungProzent ?? 0) > 0
              ? 'Minderung und Nichterreichbarkeit betreffen nur Leistungsberechtigte nach dem SGB II'
              : null;
      if (grund) throw new BerechnungsFehler('sgb12_unzulaessig', `personen[${i}].sgb12`, `Person "${p.id}": ${grund}.`);
    }
    const drin = p.sgb12 === true ? false : (p.inBedarfsgemeinschaft ?? p.rolle !== 'sonstige');
    if (drin) {
      inBg++;
      if (erwerbsfaehig) erwerbsfaehigInBg++;
    }
    if (p.alleinerziehend === true && !minderjaehrigeKinder.some((k) => k !== p)) {
      throw new BerechnungsFehler('alleinerziehend_ohne_kind', `personen[${i}].alleinerziehend`, `Person "${p.id}" ist als alleinerziehend angegeben, im Haushalt lebt aber kein minderjähriges Kind (§ 21 Abs. 3 SGB II).`);
    }
    if (p.mehrbedarf?.behinderung === true && alter < ALTERSGRENZEN.erwerbsfaehigAb) {
      throw new BerechnungsFehler('mehrbedarf_behinderung_unter_15', `personen[${i}].mehrbedarf.behinderung`, `Der Mehrbedarf wegen Behinderung setzt ein Alter ab 15 Jahren voraus (§ 21 Abs. 4, § 23 Nr. 2 SGB II); Person "${p.id}" ist ${alter}.`);
    }
    p.einkommen?.forEach((ek, j) => {
      const pfad = `personen[${i}].einkommen[${j}]`;
      if (ek.art === 'erwerbstaetigkeit' && ek.netto > ek.brutto) {
        throw new BerechnungsFehler('netto_groesser_brutto', `${pfad}.netto`, `Das Nettoeinkommen (${ek.netto} €) ist höher als das Bruttoeinkommen (${ek.brutto} €).`);
      }
      if (ek.art === 'erwerbstaetigkeit' && ek.ferienjob === true && (p.ausbildung !== 'schule' || alter >= ALTERSGRENZEN.kindBisUnter)) {
        throw new BerechnungsFehler('ferienjob_unzulaessig', `${pfad}.ferienjob`, `Ein Ferienjob ist nur bei einer Schülerin oder einem Schüler unter 25 Jahren anrechnungsfrei (§ 11a Abs. 7 SGB II); Person "${p.id}" ist ${alter} Jahre alt${p.ausbildung === 'schule' ? '' : ' und nicht als Schülerin oder Schüler angegeben (ausbildung: "schule")'}.`);
      }
      if (ek.art === 'selbststaendigkeit') {
        const neu = ek.brutto !== undefined || ek.netto !== undefined || ek.absetzungen !== undefined;
        if (neu && ek.betrag !== undefined) {
          throw new BerechnungsFehler('selbststaendigkeit_ungueltig', `${pfad}.betrag`, 'Selbständigkeit: entweder "betrag" (alte Form) oder "brutto" (Gewinn) und "netto" angeben, nicht beides.');
        }
        if (!neu && ek.betrag === undefined) {
          throw new BerechnungsFehler('selbststaendigkeit_ungueltig', `${pfad}.brutto`, 'Selbständigkeit: "brutto" (Gewinn: Betriebseinnahmen minus notwendige Betriebsausgaben) und "netto" (nach Steuern und Pflichtbeiträgen) fehlen.');
        }
        if (neu && (ek.brutto === undefined || ek.netto === undefined)) {
          const fehlt = ek.brutto === undefined ? 'brutto' : 'netto';
          throw new BerechnungsFehler('selbststaendigkeit_ungueltig', `${pfad}.${fehlt}`, `Selbständigkeit: "${fehlt}" fehlt; "brutto" (Gewinn) und "netto" gehören zusammen.`);
        }
        if (ek.brutto !== undefined && ek.netto !== undefined && ek.netto > ek.brutto) {
          throw new BerechnungsFehler('netto_groesser_brutto', `${pfad}.netto`, `Der Gewinn nach Steuern und Pflichtbeiträgen (${ek.netto} €) ist höher als der Gewinn (${ek.brutto} €).`);
        }
      }
      if (ek.art === 'einmalig' && ek.zufluss > zr.bisIso) {
        throw new BerechnungsFehler('zufluss_nach_zeitraum', `${pfad}.zufluss`, `Die einmalige Einnahme fließt erst am ${datumLang(ek.zufluss)} zu, nach dem Ende des Zeitraums (${datumLang(zr.bisIso)}); sie ist erst ab ihrem Zuflussmonat anzugeben.`);
      }
    });
    const prozent = p.minderungProzent ?? 0;
    if (prozent > 0) {
      const r = par.minderung.wert;
      const erlaubt = prozent <= r.hoechstProzent || (prozent === 100 && r.vollerWegfall);
      if (!erlaubt || !erwerbsfaehig) {
        throw new BerechnungsFehler(
          'minderung_unzulaessig',
          `personen[${i}].minderungProzent`,
          !erwerbsfaehig
            ? `Eine Leistungsminderung trifft nur erwerbsfähige Leistungsberechtigte; Person "${p.id}" ist nicht erwerbsfähig.`
            : `Eine Minderung von ${prozent} % ist am ${zr.vonIso} nicht zulässig (höchstens ${r.hoechstProzent} %${r.vollerWegfall ? ' oder 100 % bei Wegfall des Regelbedarfs' : ''}; ${par.minderung.norm}).`,
        );
      }
    }
    if (p.nichtErreichbar === true) {
      // § 7b Abs. 4 SGB II exists from the 2026 reform (AUSLEGUNG.minderungNeuesRechtAb, § 65a Abs. 2)
      if (zr.vonIso < AUSLEGUNG.minderungNeuesRechtAb) {
        throw new BerechnungsFehler(
          'nicht_erreichbar_unzulaessig',
          `personen[${i}].nichtErreichbar`,
          `Der Wegfall des Anspruchs wegen Nichterreichbarkeit (§ 7b Abs. 4 SGB II) gilt erst ab dem ${datumLang(AUSLEGUNG.minderungNeuesRechtAb)}; der Zeitraum beginnt am ${datumLang(zr.vonIso)}.`,
        );
      }
      if (!drin || !erwerbsfaehig) {
        throw new BerechnungsFehler(
          'nicht_erreichbar_unzulaessig',
          `personen[${i}].nichtErreichbar`,
          !drin
            ? `Person "${p.id}" gehört nicht zur Bedarfsgemeinschaft; nach § 7b Abs. 4 SGB II entfällt nur der Anspruch eines Mitglieds.`
            : `Nach § 7b Abs. 4 SGB II kann nur eine erwerbsfähige leistungsberechtigte Person als nicht erreichbar gelten; Person "${p.id}" ist nicht erwerbsfähig.`,
        );
      }
    }
  });
  if (inBg === 0) throw new BerechnungsFehler('keine_person_in_bg', 'personen', 'Keine Person gehört zur Bedarfsgemeinschaft.');
  if (erwerbsfaehigInBg === 0) {
    throw new BerechnungsFehler('keine_erwerbsfaehige_person', 'personen', 'Zur Bedarfsgemeinschaft gehört keine erwerbsfähige Person; dann gilt nicht das SGB II (§ 7 Abs. 1, § 19 Abs. 1 SGB II).');
  }
  pruefeFruehererBezug(input, monat);
  pruefeKinderAusserhalb(input);
}

/** § 12 Abs. 3, § 22 Abs. 1: earlier benefit periods lie before the running benefit and need its first month. */
function pruefeFruehererBezug(input: BerechnungInput, monat: string): void {
  input.fruehererBezug?.forEach((z, i) => {
    const pfad = `fruehererBezug[${i}]`;
    if (z.von > z.bis) throw new BerechnungsFehler('frueherer_bezug_ungueltig', `${pfad}.bis`, `fruehererBezug: "bis" (${z.bis}) liegt vor "von" (${z.von}).`);
    if (!input.leistungsbeginn) {
      throw new BerechnungsFehler('frueherer_bezug_ungueltig', 'leistungsbeginn', 'Frühere Bezugszeiträume setzen den leistungsbeginn des laufenden Bezugs voraus.');
    }
    if (z.bis >= input.leistungsbeginn || z.bis > monat) {
      throw new BerechnungsFehler('frueherer_bezug_ungueltig', `${pfad}.bis`, `Ein früherer Bezugszeitraum muss vor dem leistungsbeginn ${input.leistungsbeginn} enden (bis: ${z.bis}).`);
    }
  });
}

/**
 * A child the input places outside the BG must be able to live on its own income (§ 7 Abs. 3 Nr. 4 SGB II); the
 * engine decides this itself when the flag is left out. Computed once more without the flag: if the child then stays
 * in the BG, the input contradicts the figures. (A child outside the BG for another reason — married, with its own
 * child — is entered with the role "sonstige".)
 */
function pruefeKinderAusserhalb(input: BerechnungInput): void {
  input.personen.forEach((p, i) => {
    if (p.rolle !== 'kind' || p.inBedarfsgemeinschaft !== false) return;
    const { inBedarfsgemeinschaft: _, ...ohneAngabe } = p;
    const probe = { ...input, personen: input.personen.map((x) => (x === p ? ohneAngabe : x)) };
    const ergebnis = berechneKern(probe, { erklaerung: false });
    const kind = ergebnis.personen[i];
    if (kind?.inBedarfsgemeinschaft) {
      throw new BerechnungsFehler(
        'kind_ausserhalb_bg_ungedeckt',
        `personen[${i}].inBedarfsgemeinschaft`,
        `Kind "${p.id}" ist als außerhalb der Bedarfsgemeinschaft angegeben, sein eigenes Einkommen (${euroZahl(kind.einkommen)} €) deckt aber seinen Bedarf (${euroZahl(kind.bedarf)} €) nicht (§ 7 Abs. 3 Nr. 4 SGB II). Lassen Sie die Angabe weg – die Berechnung entscheidet es selbst – oder geben Sie ein Kind, das aus einem anderen Grund nicht dazugehört, mit der Rolle "sonstige" an.`,
      );
    }
  });
}

const euroZahl = (n: number): string => n.toFixed(2).replace('.', ',');
