import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  bewilligungen,
  einladungen,
  fallEreignisse,
  leistungsminderungen,
  minderungsverfahren,
  terminAnliegen,
  terminRessourcen,
  termine,
  wiedervorlagen,
} from '../schema/index.ts';
import { bewilligungRepository } from '../repositories/bewilligung.ts';
import { fordernEntscheidungRepository } from '../repositories/fordern-entscheidung.ts';
import { berechneZeitraum, betraegeVon, vergleiche, type MonatsBetraege, type PersonBetrag } from '../../domain/bewilligung/index.ts';
import type { BerechnungInput } from '../../domain/berechnung/index.ts';
import { anhoerungsfristEnde, bekanntgabeAm, feststellungsfristEnde, fristWarnungAm } from '../../domain/fordern/fristen.ts';
import { inputMitMinderungen, type MinderungFakt } from '../../domain/fordern/monat.ts';
import { regelbedarfGrundlage } from '../../domain/fordern/regelbedarf.ts';
import { bestimmeMinderung, fruehereMeldeversaeumnisse, meldeversaeumnisseInFolge, schutzpflichten, type FruehereMinderung, type MinderungsVorschlag } from '../../domain/fordern/stufe.ts';
import type { AnhoerungArt, AntwortKanal, MinderungArt, VerfahrenEreignis, VerfahrenStatus, ZugangArt } from '../../domain/fordern/typen.ts';
import { kostenaufteilung, type Kostenanteil } from '../../domain/kosten/index.ts';
import { einladungstext, instantAus, type Kanal } from '../../domain/termine/index.ts';
import type { Meldezweck } from '../../domain/recht/meldeaufforderung.ts';
import { plusTage, type DemoFaelle, type DemoKontext } from './faelle-demo.ts';

/**
 * Demo data of the Fordern side (docs/fordern.md) for "Kreis Musterland", all invented: missed Meldetermine
 * (Einladungen "nicht erschienen ohne wichtigen Grund" with their Zugangsnachweis) and Minderungsverfahren in every
 * state of the procedure, on the demo Fallakten of faelle-demo.ts:
 * - Petra Klein: a missed appointment, procedure just opened (erfasst)
 * - Max Mustermann (the demo citizen): an earlier missed appointment he answered through the portal (entscheidung),
 *   and a second one whose written Anhörung is running (anhoerung) – the portal shows it to him
 * - Sabine Schneider: child ill on the day, proven by the Kinderkrankenschein (eingestellt: wichtiger Grund)
 * - Mehmet Yilmaz: three missed appointments in a row – the first without consequence (2026 law), the second
 *   festgestellt (with its Leistungsminderung and the recomputed Bewilligung), the third decided as a lapse and waiting
 *   for the second approval (freigabe_erforderlich)
 * - Jonas Weber: an old Minderung lifted after his Widerspruch (aufgehoben), and a fresh missed appointment without a
 *   procedure yet (an Anlass on the list)
 * Stufe, Prozent, Fristen and Bekanntgabe come from the domain (src/domain/fordern), decided on the dates of the
 * demo, so what the seed stores is what the use cases would have stored on those days.
 */

type Person = { personId: string; bgId: string; standortId: string; name: string; email: string | null; buergerUserId: string | null };

/** Weekday on or before `t` (Meldetermine are not on weekends). */
function werktag(t: string): string {
  const wt = new Date(`${t}T12:00:00Z`).getUTCDay();
  return wt === 6 ? plusTage(t, -1) : wt === 0 ? plusTage(t, -2) : t;
}
const datumText = (t: string) => `${t.slice(8, 10)}.${t.slice(5, 7)}.${t.slice(0, 4)}`;
/** A time stamp on a day (Europe/Berlin local time). */
const um = (t: string, stunde: number, minute = 0) => new Date(instantAus(t, stunde * 60 + minute));
const monatNach = (monat: string, n: number) => {
  const [j, m] = monat.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(j, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

export async function seedFordernDemo(tx: Tx, k: DemoKontext, f: DemoFaelle): Promise<void> {
  const t = k.traegerId;
  const h = k.heute;
  const ivo = k.users.integration;
  const tara = k.users.teamleitung;
  const standort = k.standorte.musterstadt;
  const person = (bg: string, ref: string, name: string, email: string | null, buergerUserId: string | null = null): Person => {
    const d = f[bg]!;
    return { personId: d.personIds[ref]!, bgId: d.bg.id, standortId: d.bg.standortId, name, email, buergerUserId };
  };
  const max = person('mustermann', 'max', 'Max Mustermann', null, k.users.buerger.id);
  const mehmet = person('yilmaz', 'mehmet', 'Mehmet Yilmaz', 'mehmet.yilmaz@post.example');
  const sabine = person('schneider', 'sabine', 'Sabine Schneider', 'sabine.schneider@post.example');
  const jonas = person('weber', 'jonas', 'Jonas Weber', 'jonas.weber@post.example');
  const petra = person('klein', 'petra', 'Petra Klein', 'petra.klein@post.example');

  // Ivo Integration's desk at Jobcenter Musterstadt (termine-demo.ts) and the Anliegen of his invitations
  const [ressource] = await tx.select({ id: terminRessourcen.id }).from(terminRessourcen).where(and(eq(terminRessourcen.traegerId, t), eq(terminRessourcen.userId, ivo.id)));
  const [anliegen] = await tx.select({ id: terminAnliegen.id, dauer: terminAnliegen.dauerMinuten }).from(terminAnliegen).where(and(eq(terminAnliegen.traegerId, t), eq(terminAnliegen.schluessel, 'beratung_integration')));
  if (!ressource || !anliegen) throw new Error('Fordern-Demo: Ressource oder Anliegen der Termine-Demo fehlt.');

  // ------------------------------------------------------------------------------------------ Einladungen
  type Einladung = { id: string; tag: string; versandAm: string; zugangArt: ZugangArt; zugangAm: string; belehrung: string; p: Person; ergebnis: 'nicht_erschienen_ohne_wichtigen_grund' };
  const alleEinladungen: Einladung[] = [];
  let slot = 0;
  /**
   * A Meldetermin at Ivo's desk the person did not come to: the appointment (status nicht_erschienen), the Einladung
   * with the Meldeaufforderung and Rechtsfolgenbelehrung as sent (text of the law on that day), its Zugangsnachweis
   * and the outcome Ivo recorded that day.
   */
  const verpasst = async (o: { p: Person; tag: string; versandVorTagen: number; zugang: ZugangArt; zweck: Meldezweck; thema: string; mitbringen?: string[]; begruendung: string }) => {
    const tag = werktag(o.tag);
    const minuten = 8 * 60 + 30 * (slot++ % 8);
    const beginn = new Date(instantAus(tag, minuten));
    const ende = new Date(beginn.getTime() + anliegen.dauer * 60_000);
    const versandAm = plusTage(tag, -o.versandVorTagen);
    const brief = einladungstext({
      zweck: o.zweck,
      thema: o.thema,
      beginn,
      ende,
      kanal: 'vor_ort' as Kanal,
      ort: { standortName: standort.name, anschrift: `${standort.strasse}, ${standort.plz} ${standort.ort}` },
      mitbringen: o.mitbringen ?? [],
      ansprechperson: ivo.name,
    });
    const volltext = [brief.betreff, '', brief.zweck, brief.zeit, brief.ort, ...(brief.mitbringen.length ? ['Bitte bringen Sie mit:', ...brief.mitbringen.map((m) => `- ${m}`)] : []), '', brief.rechtsgrundlage, '', brief.rechtsfolgenbelehrung, '', brief.wichtigerGrund].join('\n');
    const [termin] = await tx
      .insert(termine)
      .values({
        traegerId: t,
        ressourceId: ressource.id,
        anliegenId: anliegen.id,
        standortId: standort.id,
        kanal: 'vor_ort',
        art: 'einladung',
        beginn,
        ende,
        blockiertBis: ende,
        buergerUserId: o.p.buergerUserId,
        email: o.p.buergerUserId ? null : o.p.email,
        name: o.p.name,
        status: 'nicht_erschienen',
        createdBy: ivo.id,
        createdAt: um(versandAm, 10),
        updatedAt: um(tag, 11),
      })
      .returning({ id: termine.id });
    const zugangAm = o.zugang === 'persoenlich' ? versandAm : bekanntgabeAm(versandAm);
    const nachweis: Record<ZugangArt, string> = {
      post: `Versand mit einfacher Post am ${datumText(versandAm)} (Absendevermerk in der Akte); Bekanntgabe nach § 37 Abs. 2 SGB X am ${datumText(zugangAm)}. Kein Rücklauf.`,
      persoenlich: `Im Gespräch am ${datumText(versandAm)} persönlich ausgehändigt; Empfang mit Unterschrift bestätigt.`,
      postfach: `Im Postfach des Bürgerportals bereitgestellt am ${datumText(versandAm)}; gelesen am ${datumText(zugangAm)}.`,
      zustellungsurkunde: `Zustellung mit Postzustellungsurkunde am ${datumText(zugangAm)} (Urkunde in der Akte).`,
    };
    const [e] = await tx
      .insert(einladungen)
      .values({
        traegerId: t,
        terminId: termin!.id,
        personId: o.p.personId,
        bgId: o.p.bgId,
        zweck: o.zweck,
        thema: o.thema,
        unterlagen: o.mitbringen ?? [],
        text: volltext,
        status: 'nicht_erschienen_ohne_wichtigen_grund',
        begruendung: o.begruendung,
        ergebnisAm: um(tag, 11),
        ergebnisVon: ivo.id,
        zugangArt: o.zugang,
        zugangAm,
        zugangNachweis: nachweis[o.zugang],
        createdBy: ivo.id,
        createdAt: um(versandAm, 10),
        updatedAt: um(tag, 11),
      })
      .returning({ id: einladungen.id });
    const einladung: Einladung = { id: e!.id, tag, versandAm, zugangArt: o.zugang, zugangAm, belehrung: brief.rechtsfolgenbelehrung, p: o.p, ergebnis: 'nicht_erschienen_ohne_wichtigen_grund' };
    alleEinladungen.push(einladung);
    return einladung;
  };

  const kein = 'Nicht erschienen, keine Nachricht und kein Nachweis eingegangen.';
  const maxE1 = await verpasst({ p: max, tag: plusTage(h, -40), versandVorTagen: 14, zugang: 'post', zweck: 'vermittlung', thema: 'Stellenangebote in der Lagerlogistik', mitbringen: ['Lebenslauf', 'Staplerschein'], begruendung: kein });
  const maxE2 = await verpasst({ p: max, tag: plusTage(h, -12), versandVorTagen: 8, zugang: 'persoenlich', zweck: 'eingliederung', thema: 'Vorbereitung Bewerbungstraining Digital', begruendung: 'Nicht erschienen; telefonisch nicht erreichbar.' });
  const petraE = await verpasst({ p: petra, tag: plusTage(h, -6), versandVorTagen: 14, zugang: 'post', zweck: 'berufsberatung', thema: 'Zwischenstand Arbeitsgelegenheit', begruendung: kein });
  const sabineE = await verpasst({ p: sabine, tag: plusTage(h, -45), versandVorTagen: 14, zugang: 'post', zweck: 'eingliederung', thema: 'Kinderbetreuung und Arbeitszeiten', begruendung: 'Nicht erschienen, nicht abgesagt. Nachweis wird angefordert.' });
  const mehmetE1 = await verpasst({ p: mehmet, tag: plusTage(h, -110), versandVorTagen: 14, zugang: 'post', zweck: 'berufsberatung', thema: 'Berufliche Perspektive neben dem Minijob', begruendung: kein });
  const mehmetE2 = await verpasst({ p: mehmet, tag: plusTage(h, -70), versandVorTagen: 14, zugang: 'zustellungsurkunde', zweck: 'vermittlung', thema: 'Vollzeitstelle Getränkelogistik', begruendung: kein });
  const mehmetE3 = await verpasst({ p: mehmet, tag: plusTage(h, -24), versandVorTagen: 14, zugang: 'zustellungsurkunde', zweck: 'eingliederung', thema: 'Schuldnerberatung und Arbeitsuche', begruendung: kein });
  const jonasE1 = await verpasst({ p: jonas, tag: plusTage(h, -180), versandVorTagen: 14, zugang: 'post', zweck: 'vermittlung', thema: 'Stellenangebote Einzelhandel', begruendung: kein });
  // the newest missed appointment: recorded, no procedure yet (it appears among the Anlässe of /fordern)
  await verpasst({ p: jonas, tag: plusTage(h, -2), versandVorTagen: 14, zugang: 'post', zweck: 'eingliederung', thema: 'Zwischenstand Aktivierungscenter', begruendung: kein });

  // ------------------------------------------------------------------------------------------ procedures
  const nummern = new Map<string, number>();
  const minderungsFakten: (MinderungFakt & { bgId: string; festgestelltAm: string; pflichtverletzungAm: string; tatbestand: '32' })[] = [];
  /** earlier Feststellungen of a person, as the domain reads them for the Stufe */
  const fruehere = (personId: string): FruehereMinderung[] =>
    minderungsFakten
      .filter((m) => m.personId === personId)
      .map((m) => ({ tatbestand: m.tatbestand, art: m.art, prozent: m.prozent, vonMonat: m.vonMonat, bisMonat: m.bisMonat, beendetAbMonat: m.beendetAbMonat, aufgehoben: m.aufgehobenAm !== null, festgestelltAm: m.festgestelltAm, pflichtverletzungAm: m.pflichtverletzungAm }));
  /** as src/server/fordern/grundlagen.ts: Meldeversäumnisse in Folge (this one included) and the days of earlier ones */
  const meldeGrundlagen = (p: Person, bisTag: string) => {
    const einl = alleEinladungen.filter((e) => e.p.personId === p.personId && e.tag <= bisTag).map((e) => ({ tag: e.tag, ergebnis: e.ergebnis }));
    return { folge: Math.max(1, meldeversaeumnisseInFolge(einl, bisTag)), fruehereMeldeversaeumnisseAm: fruehereMeldeversaeumnisse(einl, bisTag) };
  };
  /**
   * The maßgebender Regelbedarf of the first month, as the decision takes it (src/server/fordern/entscheidung-gemeinsam.ts
   * `regelbedarfImMonat`): the person's Regelbedarfsstufe from the approved Bewilligung, the amount of the law of the month
   * (parameterAm: carried forward, like the engine does, when the month is beyond the last known Regelbedarfe).
   */
  const regelbedarf = async (p: Person, monat: string) => regelbedarfGrundlage(await fordernEntscheidungRepository.regelbedarfsstufe(tx, p.bgId, p.personId, monat), monat);

  type Ablauf = {
    e: Einladung;
    eroeffnetAm: string;
    status: VerfahrenStatus;
    anlassText: string;
    anhoerung?: { art: AnhoerungArt; am: string };
    antwort?: { kanal: AntwortKanal; am: string; text: string };
    wuerdigung?: { wichtigerGrund: boolean; wichtigerGrundText: string; haerte: boolean; haerteText: string; am: string };
    /** decided: the Bescheid's date (festgestellt, aufgehoben) */
    bescheidAm?: string;
    freigabeAm?: string;
    einstellung?: { am: string; grund: string };
    aufhebung?: { am: string; grund: string };
  };

  /** an office day for a step of the procedure: the next weekday, but never after today */
  const amtstag = (tag: string) => {
    const wt = new Date(`${tag}T12:00:00Z`).getUTCDay();
    const vor = wt === 6 ? plusTage(tag, 2) : wt === 0 ? plusTage(tag, 1) : tag;
    return vor <= h ? vor : werktag(tag);
  };
  const verfahren = async (roh: Ablauf) => {
    const a: Ablauf = {
      ...roh,
      eroeffnetAm: amtstag(roh.eroeffnetAm),
      ...(roh.anhoerung ? { anhoerung: { ...roh.anhoerung, am: amtstag(roh.anhoerung.am) } } : {}),
      ...(roh.wuerdigung ? { wuerdigung: { ...roh.wuerdigung, am: amtstag(roh.wuerdigung.am) } } : {}),
      ...(roh.bescheidAm ? { bescheidAm: amtstag(roh.bescheidAm) } : {}),
      ...(roh.freigabeAm ? { freigabeAm: amtstag(roh.freigabeAm) } : {}),
      ...(roh.einstellung ? { einstellung: { ...roh.einstellung, am: amtstag(roh.einstellung.am) } } : {}),
      ...(roh.aufhebung ? { aufhebung: { ...roh.aufhebung, am: amtstag(roh.aufhebung.am) } } : {}),
    };
    const p = a.e.p;
    const pflichtverletzungAm = a.e.tag;
    const fristEnde = feststellungsfristEnde(pflichtverletzungAm);
    const id = randomUUID();
    // the running number per Träger and year, as the use case gives it ("M-2026-000012")
    const jahr = a.eroeffnetAm.slice(0, 4);
    nummern.set(jahr, (nummern.get(jahr) ?? 0) + 1);
    const aktenzeichen = `M-${jahr}-${String(nummern.get(jahr)).padStart(6, '0')}`;
    const verlauf: VerfahrenEreignis[] = [
      { am: um(a.eroeffnetAm, 9).toISOString(), art: 'eroeffnet', text: `Verfahren eröffnet: Meldeversäumnis am ${datumText(pflichtverletzungAm)} (§ 32 SGB II). Zugang der Einladung: ${datumText(a.e.zugangAm)}.`, von: ivo.name },
    ];
    let anhoerungFrist: string | null = null;
    if (a.anhoerung) {
      anhoerungFrist = a.anhoerung.art === 'schriftlich' ? anhoerungsfristEnde(a.anhoerung.am) : a.anhoerung.am;
      verlauf.push(
        a.anhoerung.art === 'schriftlich'
          ? { am: um(a.anhoerung.am, 10).toISOString(), art: 'anhoerung_versandt', text: `Schriftliche Anhörung per Post versandt; Frist zur Äußerung bis ${datumText(anhoerungFrist!)}.`, von: ivo.name }
          : { am: um(a.anhoerung.am, 10).toISOString(), art: 'anhoerung_persoenlich', text: `Persönliche Anhörung am ${datumText(a.anhoerung.am)} im Jobcenter Musterstadt.`, von: ivo.name },
      );
    }
    if (a.antwort) {
      const kanalText: Record<AntwortKanal, string> = { portal: 'über das Bürgerportal', post: 'per Post', persoenlich: 'persönlich', telefon: 'telefonisch' };
      verlauf.push({ am: um(a.antwort.am, 14).toISOString(), art: 'antwort', text: `Äußerung ${kanalText[a.antwort.kanal]} eingegangen.`, von: a.antwort.kanal === 'portal' ? 'Bürgerportal' : ivo.name });
    }
    // the decision as the domain takes it on the day of the Würdigung (stored like EntscheidungDaten of slice D)
    let vorschlag: MinderungsVorschlag | null = null;
    let daten: Record<string, unknown> | null = null;
    if (a.wuerdigung && !a.wuerdigung.wichtigerGrund && !a.wuerdigung.haerte) {
      const bescheidAm = a.bescheidAm ?? a.wuerdigung.am;
      const bekanntgabe = bekanntgabeAm(bescheidAm);
      const { folge, fruehereMeldeversaeumnisseAm } = meldeGrundlagen(p, pflichtverletzungAm);
      const frueher = fruehere(p.personId);
      const rb = await regelbedarf(p, monatNach(bekanntgabe.slice(0, 7), 1));
      vorschlag = bestimmeMinderung({ tatbestand: '32', pflichtverletzungAm, bekanntgabeAm: bekanntgabe, regelbedarfCent: rb.cent, fruehere: frueher, meldeversaeumnisseInFolge: folge, fruehereMeldeversaeumnisseAm });
      daten = {
        bescheidAm,
        bekanntgabeAm: bekanntgabe,
        vorschlag,
        regelbedarf: rb,
        meldeversaeumnisseInFolge: folge,
        schutz: schutzpflichten({ tatbestand: '32', pflichtverletzungAm, fruehere: frueher, meldeversaeumnisseInFolge: folge, fruehereMeldeversaeumnisseAm }),
        fruehere: minderungsFakten
          .filter((m) => m.personId === p.personId && m.aufgehobenAm === null)
          .map((m) => ({ festgestelltAm: m.festgestelltAm, vonMonat: m.vonMonat, bisMonat: m.bisMonat, prozent: m.prozent, tatbestand: m.tatbestand })),
        vierAugen: a.status === 'freigabe_erforderlich',
      };
    }
    if (a.wuerdigung) {
      verlauf.push({
        am: um(a.wuerdigung.am, 11).toISOString(),
        art: 'entschieden',
        text: a.wuerdigung.wichtigerGrund
          ? 'Wichtiger Grund anerkannt – keine Minderung.'
          : vorschlag?.ergebnis === 'minderung'
            ? `Entschieden: kein wichtiger Grund, keine außergewöhnliche Härte; ${vorschlag.art === 'minderung' ? `Minderung um ${vorschlag.prozent} % für ${vorschlag.monate} Monat(e)` : vorschlag.art === 'nichterreichbarkeit' ? 'Wegfall des Anspruchs wegen Nichterreichbarkeit (§ 7b Abs. 4 SGB II)' : 'Wegfall des Regelbedarfs'}.`
            : `Keine Minderung: ${vorschlag?.ergebnis === 'keine_minderung' ? vorschlag.grund : 'außergewöhnliche Härte'}.`,
        von: ivo.name,
      });
    }
    // a decided Minderung: festgestellt (or waiting for the second approval)
    let status = a.status;
    let einstellung = a.einstellung;
    if ((status === 'festgestellt' || status === 'freigabe_erforderlich' || status === 'aufgehoben') && vorschlag?.ergebnis !== 'minderung') {
      // the law of the demo's dates gives no Minderung here (e.g. a first Meldeversäumnis from 1.7.2026)
      status = 'eingestellt';
      einstellung = { am: a.wuerdigung!.am, grund: vorschlag?.ergebnis === 'keine_minderung' ? `${vorschlag.grund} (${vorschlag.norm})` : 'Keine Minderung.' };
    }
    if (status === 'freigabe_erforderlich') {
      verlauf.push({ am: um(a.wuerdigung!.am, 11, 30).toISOString(), art: 'zur_freigabe', text: 'Zur Freigabe vorgelegt (Vier-Augen-Prinzip: Wegfall des Anspruchs).', von: ivo.name });
    }
    const entschieden = status === 'festgestellt' || status === 'aufgehoben';
    const bescheidAm = entschieden ? (a.bescheidAm ?? a.wuerdigung!.am) : null;
    const bekanntgabe = bescheidAm ? bekanntgabeAm(bescheidAm) : null;
    if (entschieden) {
      if (a.freigabeAm) verlauf.push({ am: um(a.freigabeAm, 9).toISOString(), art: 'freigegeben', text: 'Freigegeben.', von: tara.name });
      verlauf.push({ am: um(bescheidAm!, 12).toISOString(), art: 'bescheid', text: `Minderungsbescheid vom ${datumText(bescheidAm!)} per Post versandt; Bekanntgabe am ${datumText(bekanntgabe!)}.`, von: ivo.name });
    }
    if (einstellung) verlauf.push({ am: um(einstellung.am, 12).toISOString(), art: 'eingestellt', text: `Verfahren eingestellt: ${einstellung.grund}`, von: ivo.name });
    if (a.aufhebung && status === 'aufgehoben') verlauf.push({ am: um(a.aufhebung.am, 10).toISOString(), art: 'aufgehoben', text: `Minderung aufgehoben: ${a.aufhebung.grund}`, von: ivo.name });

    // the Wiedervorlage before the Feststellungsfrist runs out (open procedures only)
    const offen = status === 'erfasst' || status === 'anhoerung' || status === 'entscheidung' || status === 'freigabe_erforderlich';
    let wiedervorlageId: string | null = null;
    if (offen) {
      const [wv] = await tx
        .insert(wiedervorlagen)
        .values({ traegerId: t, bgId: p.bgId, personId: p.personId, art: 'minderung_frist', bezugId: id, faelligAm: fristWarnungAm(fristEnde, a.eroeffnetAm), grund: `Minderungsverfahren ${aktenzeichen}: Feststellungsfrist endet am ${datumText(fristEnde)} (§ 31b Abs. 1 S. 5 SGB II).`, zugewiesenAn: ivo.id, createdBy: ivo.id })
        .returning({ id: wiedervorlagen.id });
      wiedervorlageId = wv!.id;
    }
    const w = a.wuerdigung;
    await tx.insert(minderungsverfahren).values({
      id,
      traegerId: t,
      personId: p.personId,
      bgId: p.bgId,
      aktenzeichen,
      anlassArt: 'meldeversaeumnis',
      anlassId: a.e.id,
      anlassText: a.anlassText,
      tatbestand: '32',
      pflichtverletzungAm,
      fristEnde,
      belehrungArt: 'schriftlich',
      belehrungAm: a.e.versandAm,
      belehrungText: a.e.belehrung,
      belehrungZugangArt: a.e.zugangArt,
      belehrungZugangAm: a.e.zugangAm,
      status,
      anhoerungArt: a.anhoerung?.art ?? null,
      anhoerungAm: a.anhoerung?.am ?? null,
      anhoerungFrist,
      anhoerungSprache: a.anhoerung ? 'de' : null,
      antwortText: a.antwort?.text ?? null,
      antwortAm: a.antwort ? um(a.antwort.am, 14) : null,
      antwortKanal: a.antwort?.kanal ?? null,
      wichtigerGrund: w?.wichtigerGrund ?? null,
      wichtigerGrundWuerdigung: w?.wichtigerGrundText ?? null,
      haerte: w ? w.haerte : null,
      haerteWuerdigung: w?.haerteText ?? null,
      entscheidung: daten,
      entschiedenAm: w && status !== 'eingestellt' ? w.am : null,
      entschiedenVon: w && status !== 'eingestellt' ? ivo.id : null,
      freigegebenVon: entschieden && a.freigabeAm ? tara.id : null,
      freigegebenAm: entschieden && a.freigabeAm ? um(a.freigabeAm, 9) : null,
      bescheidAm,
      bekanntgabeAm: bekanntgabe,
      einstellungsgrund: einstellung?.grund ?? (status === 'aufgehoben' ? a.aufhebung!.grund : null),
      wiedervorlageId,
      verlauf,
      createdBy: ivo.id,
      createdAt: um(a.eroeffnetAm, 9),
      updatedAt: um(a.aufhebung?.am ?? einstellung?.am ?? bescheidAm ?? w?.am ?? a.antwort?.am ?? a.anhoerung?.am ?? a.eroeffnetAm, 12),
    });
    if (entschieden && vorschlag?.ergebnis === 'minderung') {
      const fakt = {
        personId: p.personId,
        bgId: p.bgId,
        art: vorschlag.art as MinderungArt,
        prozent: vorschlag.prozent,
        vonMonat: vorschlag.vonMonat,
        bisMonat: vorschlag.bisMonat,
        beendetAbMonat: null,
        aufgehobenAm: status === 'aufgehoben' ? a.aufhebung!.am : null,
        festgestelltAm: bescheidAm!,
        pflichtverletzungAm,
        tatbestand: '32' as const,
      };
      await tx.insert(leistungsminderungen).values({
        traegerId: t,
        verfahrenId: id,
        personId: p.personId,
        bgId: p.bgId,
        tatbestand: '32',
        art: fakt.art,
        stufe: vorschlag.stufe,
        prozent: vorschlag.prozent,
        betragCent: vorschlag.betragCent,
        vonMonat: vorschlag.vonMonat,
        bisMonat: vorschlag.bisMonat,
        festgestelltAm: bescheidAm!,
        pflichtverletzungAm,
        aufgehobenAm: fakt.aufgehobenAm,
        aufhebungGrund: status === 'aufgehoben' ? a.aufhebung!.grund : null,
        createdAt: um(bescheidAm!, 12),
      });
      minderungsFakten.push(fakt);
      // a lifted Minderung leaves the amounts as they were; a running one goes into the Bewilligung
      if (status === 'festgestellt') await wendeMinderungAn(tx, k, { bgId: p.bgId, fakten: minderungsFakten.filter((m) => m.bgId === p.bgId), abMonat: vorschlag.vonMonat, heute: bescheidAm!, grund: `Minderung nach § 32 SGB II festgestellt (${aktenzeichen}, Bescheid vom ${datumText(bescheidAm!)})` });
    }
    return { id, status };
  };

  // Jonas Weber: a Minderung (old law) lifted after his Widerspruch – he proved a job interview on the day
  await verfahren({
    e: jonasE1,
    eroeffnetAm: plusTage(jonasE1.tag, 3),
    status: 'aufgehoben',
    anlassText: `Herr Weber ist zum Meldetermin am ${datumText(jonasE1.tag)} (Stellenangebote Einzelhandel) nicht erschienen und hat sich nicht gemeldet.`,
    anhoerung: { art: 'schriftlich', am: plusTage(jonasE1.tag, 4) },
    wuerdigung: { am: plusTage(jonasE1.tag, 30), wichtigerGrund: false, wichtigerGrundText: 'Keine Äußerung innerhalb der Anhörungsfrist; ein wichtiger Grund ist nicht ersichtlich.', haerte: false, haerteText: 'Keine Anhaltspunkte für eine außergewöhnliche Härte (Einpersonenhaushalt, keine Schulden oder gesundheitlichen Einschränkungen bekannt).' },
    aufhebung: { am: plusTage(jonasE1.tag, 80), grund: 'Widerspruch stattgegeben: Herr Weber hat nachgewiesen, dass er am Meldetag ein Vorstellungsgespräch beim Modehaus Lindner hatte (Bestätigung des Arbeitgebers). Wichtiger Grund anerkannt; der Minderungsbetrag wird nachgezahlt.' },
  });
  // Mehmet Yilmaz: three missed appointments in a row
  await verfahren({
    e: mehmetE1,
    eroeffnetAm: plusTage(mehmetE1.tag, 2),
    status: 'festgestellt',
    anlassText: `Herr Yilmaz ist zum Meldetermin am ${datumText(mehmetE1.tag)} (Berufliche Perspektive) nicht erschienen.`,
    anhoerung: { art: 'schriftlich', am: plusTage(mehmetE1.tag, 3) },
    wuerdigung: { am: plusTage(mehmetE1.tag, 28), wichtigerGrund: false, wichtigerGrundText: 'Keine Äußerung innerhalb der Anhörungsfrist.', haerte: false, haerteText: 'Keine Anhaltspunkte für eine außergewöhnliche Härte.' },
  });
  await verfahren({
    e: mehmetE2,
    eroeffnetAm: plusTage(mehmetE2.tag, 1),
    status: 'festgestellt',
    anlassText: `Herr Yilmaz ist zum Meldetermin am ${datumText(mehmetE2.tag)} (Vollzeitstelle Getränkelogistik) erneut nicht erschienen. Die Einladung wurde mit Postzustellungsurkunde zugestellt.`,
    // a repeated Meldeversäumnis: the Anhörung is held in person (§ 31a Abs. 2 S. 2 SGB II)
    anhoerung: { art: 'persoenlich', am: plusTage(mehmetE2.tag, 2) },
    antwort: { kanal: 'telefon', am: plusTage(mehmetE2.tag, 9), text: 'Herr Yilmaz teilt am Telefon mit, er habe den Termin vergessen, weil er an dem Vormittag eine Schicht im Getränkemarkt übernommen habe. Einen Nachweis hat er nicht vorgelegt.' },
    // decided this month, so the Minderung runs in the month the next Zahllauf pays
    bescheidAm: Number(h.slice(8, 10)) >= 10 ? plusTage(h, -6) : plusTage(h, -1),
    wuerdigung: {
      am: Number(h.slice(8, 10)) >= 10 ? plusTage(h, -6) : plusTage(h, -1),
      wichtigerGrund: false,
      wichtigerGrundText: 'Eine kurzfristig übernommene Schicht im Minijob ist kein wichtiger Grund: Der Termin war zwei Wochen vorher bekannt, eine Verlegung hätte erbeten werden können. Ein Nachweis liegt nicht vor.',
      haerte: false,
      haerteText: 'Keine außergewöhnliche Härte: Die Kosten für Unterkunft und Heizung bleiben unberührt; die Minderung betrifft nur den Regelbedarf von Herrn Yilmaz.',
    },
  });
  // Sabine Schneider: child ill on the day – wichtiger Grund, procedure ended
  await verfahren({
    e: sabineE,
    eroeffnetAm: plusTage(sabineE.tag, 2),
    status: 'eingestellt',
    anlassText: `Frau Schneider ist zum Termin am ${datumText(sabineE.tag)} (Kinderbetreuung und Arbeitszeiten) nicht erschienen und hat nicht abgesagt.`,
    anhoerung: { art: 'schriftlich', am: plusTage(sabineE.tag, 3) },
    antwort: { kanal: 'post', am: plusTage(sabineE.tag, 10), text: 'Frau Schneider schreibt, ihr Sohn Tim habe am Morgen des Termins hohes Fieber gehabt; sie habe ihn nicht allein lassen können und in der Aufregung vergessen anzurufen. Die ärztliche Bescheinigung zur Betreuung des erkrankten Kindes liegt bei.' },
    wuerdigung: { am: plusTage(sabineE.tag, 14), wichtigerGrund: true, wichtigerGrundText: 'Die Betreuung des erkrankten Kindes (ärztliche Bescheinigung vom Meldetag) ist ein wichtiger Grund.', haerte: false, haerteText: '' },
    einstellung: { am: plusTage(sabineE.tag, 14), grund: 'Wichtiger Grund dargelegt und nachgewiesen (Erkrankung des Kindes, ärztliche Bescheinigung).' },
  });
  // Max Mustermann: the first missed appointment answered through the portal, waiting for the decision
  await verfahren({
    e: maxE1,
    eroeffnetAm: plusTage(maxE1.tag, 2),
    status: 'entscheidung',
    anlassText: `Herr Mustermann ist zum Meldetermin am ${datumText(maxE1.tag)} (Stellenangebote in der Lagerlogistik) nicht erschienen.`,
    anhoerung: { art: 'schriftlich', am: plusTage(maxE1.tag, 3) },
    antwort: { kanal: 'portal', am: plusTage(maxE1.tag, 9), text: 'Am Vormittag des Termins hatte ich ein Vorstellungsgespräch bei der Lagerlogistik Süd GmbH in Seeheim, das kurzfristig angesetzt wurde. Ich habe versucht, im Jobcenter anzurufen, bin aber nicht durchgekommen. Die E-Mail mit der Einladung des Arbeitgebers kann ich nachreichen.' },
  });
  // Mehmet Yilmaz, the third missed appointment in a row: a lapse under § 7b Abs. 4, waiting for the second approval
  const mehmetV3Folge = meldeGrundlagen(mehmet, mehmetE3.tag).folge;
  await verfahren({
    e: mehmetE3,
    eroeffnetAm: plusTage(mehmetE3.tag, 1),
    status: 'freigabe_erforderlich',
    anlassText: `Herr Yilmaz ist zum Meldetermin am ${datumText(mehmetE3.tag)} (Schuldnerberatung und Arbeitsuche) nicht erschienen – das ${mehmetV3Folge}. Meldeversäumnis in Folge.`,
    anhoerung: { art: 'persoenlich', am: plusTage(mehmetE3.tag, 10) },
    antwort: { kanal: 'persoenlich', am: plusTage(mehmetE3.tag, 10), text: 'Herr Yilmaz erklärt in der persönlichen Anhörung, er habe die Briefe wegen der vielen Mahnungen nicht mehr geöffnet. Er sei aber weiter an Arbeit interessiert. Gesundheitliche oder psychische Probleme verneint er.' },
    wuerdigung: {
      am: plusTage(h, -2),
      wichtigerGrund: false,
      wichtigerGrundText: 'Ungeöffnete Post ist kein wichtiger Grund; die Einladung wurde mit Postzustellungsurkunde zugestellt.',
      haerte: false,
      haerteText: 'Härteprüfung (drittes Meldeversäumnis in Folge): Die Wohnung der Familie ist nicht gefährdet – der Anteil von Herrn Yilmaz an den Kosten der Unterkunft wird auf die übrigen Mitglieder der Bedarfsgemeinschaft verteilt und die Miete direkt an den Vermieter gezahlt. Keine Hinweise auf eine psychische Erkrankung.',
    },
  });
  // … and the second one: the written Anhörung is running (the portal shows it)
  await verfahren({
    e: maxE2,
    eroeffnetAm: plusTage(maxE2.tag, 2),
    status: 'anhoerung',
    anlassText: `Herr Mustermann ist zum Termin am ${datumText(maxE2.tag)} (Vorbereitung Bewerbungstraining Digital) nicht erschienen. Die Einladung wurde ihm im Gespräch persönlich übergeben.`,
    anhoerung: { art: 'schriftlich', am: plusTage(h, -3) },
  });
  // Petra Klein: just recorded
  await verfahren({
    e: petraE,
    eroeffnetAm: plusTage(h, -1) > petraE.tag ? plusTage(h, -1) : h,
    status: 'erfasst',
    anlassText: `Frau Klein ist zum Termin am ${datumText(petraE.tag)} (Zwischenstand Arbeitsgelegenheit) nicht erschienen.`,
  });
  // a wichtiger Grund recognised later (Einstellung, Widerspruch) is recorded at the Einladung, as the use cases do:
  // these missed appointments no longer count as Meldeversäumnisse in Folge
  for (const [e, grund] of [
    [sabineE, 'Wichtiger Grund nachträglich anerkannt (Erkrankung des Kindes, ärztliche Bescheinigung).'],
    [jonasE1, 'Wichtiger Grund im Widerspruchsverfahren anerkannt (Vorstellungsgespräch, Bestätigung des Arbeitgebers).'],
  ] as const) {
    await tx.update(einladungen).set({ status: 'nicht_erschienen_mit_wichtigem_grund', begruendung: grund }).where(and(eq(einladungen.traegerId, t), eq(einladungen.id, e.id)));
  }
}

/**
 * The Bewilligung with the decided Minderungen, as slice M1's use case does it (src/server/fordern/minderung-anwenden.ts
 * `wendeMinderungenAn`, which src/db may not import): every approved version with a month from `abMonat` is
 * recomputed by the engine from that month on, from its stored monthly inputs with the person's Minderung of each
 * month (inputMitMinderungen: summed and capped), and replaced by a new version, vorgang 'minderung', status
 * 'bewilligt' (the Minderungsbescheid is the decision). The demo has no payments yet, so there are no Korrekturen.
 */
async function wendeMinderungAn(tx: Tx, k: DemoKontext, o: { bgId: string; fakten: readonly MinderungFakt[]; abMonat: string; heute: string; grund: string }) {
  const t = k.traegerId;
  const ivo = k.users.integration;
  const am = new Date(instantAus(o.heute, 12 * 60 + 5));
  const bewilligte = await tx.select().from(bewilligungen).where(and(eq(bewilligungen.traegerId, t), eq(bewilligungen.bgId, o.bgId), eq(bewilligungen.status, 'bewilligt')));
  for (const alt of bewilligte.filter((b) => b.bis.slice(0, 7) >= o.abMonat)) {
    const abMonat = alt.von.slice(0, 7) > o.abMonat ? alt.von.slice(0, 7) : o.abMonat;
    const altMonate = await bewilligungRepository.monate(tx, alt.id);
    const betroffen = altMonate.filter((m) => m.monat >= abMonat);
    if (betroffen.length === 0) continue;
    const z = berechneZeitraum(betroffen.map((m) => inputMitMinderungen(m.input as BerechnungInput, o.fakten)), { erklaerung: true });
    const altBetraege: MonatsBetraege[] = betroffen.map((m) => ({ monat: m.monat, auszahlungCent: m.auszahlungCent, personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })) }));
    const vergleich = vergleiche(altBetraege, betraegeVon(z), { gezahltBis: null, entscheidungsdatum: o.heute });
    if (!vergleich.geaendert) continue;
    const kommune = new Map(betroffen.map((m) => [m.monat, (m.kosten as Kostenanteil[]).find((x) => x.kommuneId)?.kommuneId ?? k.kommunen.musterstadt]));
    const alle = [...altMonate.filter((m) => m.monat < abMonat).map((m) => m.auszahlungCent), ...z.monate.map((m) => m.auszahlungCent)];
    await bewilligungRepository.update(tx, alt.id, alt.version, { status: 'ersetzt' });
    const neu = await bewilligungRepository.insert(tx, {
      traegerId: t,
      bgId: o.bgId,
      antragId: alt.antragId,
      von: alt.von,
      bis: alt.bis,
      art: alt.art,
      vorlaeufigGrund: alt.art === 'vorlaeufig' ? alt.vorlaeufigGrund : null,
      vorgang: 'minderung',
      status: 'bewilligt',
      rechtsstand: z.rechtsstand > alt.rechtsstand ? z.rechtsstand : alt.rechtsstand,
      vorgaengerId: alt.id,
      summeCent: alle.reduce((s, x) => s + x, 0),
      hoechsterMonatCent: Math.max(0, ...alle),
      vierAugenGruende: [],
      aenderung: { ab: `${abMonat}-01`, gruende: [o.grund], vergleich },
      computedAt: am,
      createdBy: ivo.id,
      approvedBy: ivo.id,
      approvedAt: am,
    });
    await bewilligungRepository.kopiereMonate(tx, [{ vonId: alt.id, nachId: neu.id }], abMonat);
    await bewilligungRepository.insertMonate(
      tx,
      z.monate.map((m) => ({ traegerId: t, bewilligungId: neu.id, monat: m.monat, input: m.input, ergebnis: m.ergebnis, personen: m.personen, kosten: kostenaufteilung(m.ergebnis, kommune.get(m.monat)!).anteile, auszahlungCent: m.auszahlungCent })),
    );
    const geaendert = vergleich.geaenderteMonate.map((m) => ({ monat: m.monat, altCent: m.altCent, neuCent: m.neuCent }));
    await tx.insert(fallEreignisse).values({
      traegerId: t,
      bgId: o.bgId,
      at: am,
      actorUserId: ivo.id,
      actorName: ivo.name,
      art: 'bewilligung_minderung',
      beschreibung: `Bewilligung ab ${abMonat} wegen Leistungsminderung neu berechnet: ${o.grund}`,
      details: { bewilligungId: neu.id, vorgaengerId: alt.id, nachzahlungCent: vergleich.nachzahlung.gesamtCent, ueberzahlungCent: vergleich.ueberzahlung.gesamtCent, monate: geaendert },
    });
  }
}
