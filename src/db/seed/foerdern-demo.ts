import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  antraege,
  arbeitsmarktstatus,
  betreuungen,
  eingliederungsbudgets,
  foerderleistungen,
  gespraechsvermerke,
  handlungsbedarfKatalog,
  integrationen,
  kooperationsplaene,
  massnahmeKontingente,
  massnahmen,
  massnahmeTeilnahmen,
  mittelAuszahlungen,
  mittelbindungen,
  personStammdaten,
  potenzialanalyseGesundheit,
  potenzialanalysen,
  wiedervorlagen,
} from '../schema/index.ts';
import { anteileJeMonat, FOERDERLEISTUNG_INSTRUMENT, foerderleistungMonate, jeJahr, kostenJeJahr } from '../../domain/foerdern/budget.ts';
import { zaehltAlsMassnahme } from '../../domain/foerdern/instrumente.ts';
import { einkommenAb, nachhaltigkeitFaelligAm } from '../../domain/foerdern/integration.ts';
import { planInhaltSchema, rechtsstandName, spaetesteUeberpruefung, type PlanInhalt } from '../../domain/foerdern/kooperationsplan.ts';
import { potenzialanalyseEingabeSchema, STANDARD_HANDLUNGSBEDARFE, trenneGesundheit } from '../../domain/foerdern/potenzialanalyse.ts';
import { folgeIntegration, folgeMassnahmeAustritt, folgeMassnahmeEintritt, type StatusPeriode, type StatusPlan } from '../../domain/foerdern/status.ts';
import type { BudgetTitel, Instrument, Integrationsart, KostenartPlatz, TeilnahmeStatus, Austrittsgrund } from '../../domain/foerdern/typen.ts';
import { plusMonate, plusTage, type DemoFaelle, type DemoKontext } from './faelle-demo.ts';

/**
 * Demo data of the integration side (Fördern, docs/foerdern.md) for "Kreis Musterland", all invented:
 * the Handlungsbedarf catalogue, the Kreis's Maßnahmen programme with places per Standort, the Eingliederungsbudget
 * of this and next Haushaltsjahr, Betreuung of the eLb at Jobcenter Musterstadt by Ivo Integration, Arbeitsmarktstatus
 * periods (arbeitslos, in Maßnahme, erwerbstätig, nicht arbeitsuchend wegen Kind unter 3), a Potenzialanalyse and an
 * agreed Kooperationsplan for the demo citizen Max Mustermann, Teilnahmen in every state with their Mittelbindungen,
 * and two job starts (svB Teilzeit with its 6-month follow-up, a Minijob). The status periods are derived with the
 * same domain rules the use cases apply (src/domain/foerdern/status.ts), so the demo shows what the app would record.
 */

type Massnahme = {
  key: string;
  bezeichnung: string;
  instrument: Instrument;
  anbieter: string;
  beschreibung: string;
  regeldauerTage: number;
  kostenJePlatzCent: number;
  kostenart: KostenartPlatz;
  titel: BudgetTitel;
  /** places per Standort this year: Musterstadt, Beispieldorf, Seeheim */
  plaetze: [number, number, number];
};

const PROGRAMM: Massnahme[] = [
  {
    key: 'aktivierung',
    bezeichnung: 'Aktivierungscenter Musterstadt',
    instrument: 'sgb3_45_mat',
    anbieter: 'Bildungswerk Musterland gGmbH',
    beschreibung: 'Ganzheitliche Aktivierung mit Tagesstruktur, Bewerbungscoaching und Praktikumsakquise; 25 Stunden in der Woche, Einstieg jeden Montag.',
    regeldauerTage: 91,
    kostenJePlatzCent: 52_000,
    kostenart: 'monatlich',
    titel: 'egt_bund',
    plaetze: [12, 6, 4],
  },
  {
    key: 'bewerbung',
    bezeichnung: 'Bewerbungstraining Digital',
    instrument: 'sgb3_45_mat',
    anbieter: 'Digitalakademie Seeheim GmbH',
    beschreibung: 'Sechs Wochen: Online-Bewerbung, Lebenslauf, Jobportale, Vorstellungsgespräch per Video; eigener Laptop wird gestellt.',
    regeldauerTage: 42,
    kostenJePlatzCent: 89_000,
    kostenart: 'pauschal',
    titel: 'egt_bund',
    plaetze: [10, 4, 4],
  },
  {
    key: 'coaching',
    bezeichnung: 'Coaching für Alleinerziehende',
    instrument: 'sgb2_16k_coaching',
    anbieter: 'Familienwerkstatt Musterland e. V.',
    beschreibung: 'Ganzheitliche Betreuung nach § 16k SGB II: Kinderbetreuung organisieren, Arbeitszeiten planen, Wiedereinstieg begleiten; aufsuchend möglich.',
    regeldauerTage: 182,
    kostenJePlatzCent: 35_000,
    kostenart: 'monatlich',
    titel: 'egt_bund',
    plaetze: [8, 4, 3],
  },
  {
    key: 'agh',
    bezeichnung: 'Arbeitsgelegenheit Grünpflege',
    instrument: 'sgb2_16d_agh',
    anbieter: 'Grünwerk Musterland gGmbH',
    beschreibung: 'Pflege von Grünanlagen, Friedhöfen und Wanderwegen des Kreises (zusätzlich, im öffentlichen Interesse, wettbewerbsneutral); 25 Stunden in der Woche, Mehraufwandsentschädigung 2,00 € je Stunde.',
    regeldauerTage: 182,
    kostenJePlatzCent: 25_000,
    kostenart: 'monatlich',
    titel: 'egt_bund',
    plaetze: [10, 6, 6],
  },
  {
    key: 'schulden',
    bezeichnung: 'Schuldnerberatung',
    instrument: 'sgb2_16a_schuldnerberatung',
    anbieter: 'Diakonie Musterland – Schuldner- und Insolvenzberatung',
    beschreibung: 'Kommunale Eingliederungsleistung nach § 16a Nr. 2 SGB II: Bestandsaufnahme, Haushaltsplan, Verhandlung mit Gläubigern, Vorbereitung der Verbraucherinsolvenz.',
    regeldauerTage: 120,
    kostenJePlatzCent: 60_000,
    kostenart: 'pauschal',
    titel: 'kommunal_16a',
    plaetze: [15, 8, 6],
  },
  {
    key: 'psychosozial',
    bezeichnung: 'Psychosoziale Beratung „Neustart“',
    instrument: 'sgb2_16a_psychosozial',
    anbieter: 'Caritasverband für den Kreis Musterland e. V.',
    beschreibung: 'Kommunale Eingliederungsleistung nach § 16a Nr. 3 SGB II: Beratung in Krisen, Stabilisierung, Vermittlung in weitere Hilfen.',
    regeldauerTage: 90,
    kostenJePlatzCent: 45_000,
    kostenart: 'pauschal',
    titel: 'kommunal_16a',
    plaetze: [8, 4, 4],
  },
  {
    key: 'teilhabe',
    bezeichnung: 'Teilhabe am Arbeitsmarkt – Kreisbauhof',
    instrument: 'sgb2_16i_teilhabe',
    anbieter: 'Kreisbauhof Musterland (Eigenbetrieb)',
    beschreibung: 'Sozialversicherungspflichtige Beschäftigung nach § 16i SGB II im Kreisbauhof mit ganzheitlicher beschäftigungsbegleitender Betreuung; Lohnkostenzuschuss nach Stufen.',
    regeldauerTage: 730,
    kostenJePlatzCent: 210_000,
    kostenart: 'monatlich',
    titel: 'egt_bund',
    plaetze: [3, 2, 1],
  },
  {
    key: 'sprache',
    bezeichnung: 'Deutsch im Beruf – Sprachförderung am Arbeitsplatz',
    instrument: 'sgb3_45_mat',
    anbieter: 'Sprachschule Lingua Musterstadt',
    beschreibung: 'Ergänzt den Berufssprachkurs (BAMF, § 45a AufenthG; Vorrang nach § 15 Abs. 2 SGB II): Fachsprache Pflege, Logistik und Handwerk, Praxistage im Betrieb.',
    regeldauerTage: 120,
    kostenJePlatzCent: 39_000,
    kostenart: 'monatlich',
    titel: 'egt_bund',
    plaetze: [8, 4, 2],
  },
];

/** Budget per Haushaltsjahr (Soll) of a small Kreis: EGT (Bundesmittel) and kommunale Mittel for § 16a. */
const BUDGET_SOLL: Record<BudgetTitel, [number, number]> = {
  egt_bund: [2_350_000_00, 2_410_000_00],
  kommunal_16a: [180_000_00, 185_000_00],
};

export async function seedFoerdernDemo(tx: Tx, k: DemoKontext, f: DemoFaelle): Promise<void> {
  const t = k.traegerId;
  const h = k.heute;
  const jahr = Number(h.slice(0, 4));
  const ivo = k.users.integration;
  const tara = k.users.teamleitung;
  const st = k.standorte;
  const person = (bg: string, ref: string) => {
    const d = f[bg]!;
    return { personId: d.personIds[ref]!, bgId: d.bg.id, standortId: d.bg.standortId, seit: d.antragsdatum };
  };

  // ------------------------------------------------------------------------------------------ catalogue, budget
  await tx.insert(handlungsbedarfKatalog).values(STANDARD_HANDLUNGSBEDARFE.map((e) => ({ traegerId: t, ...e })));
  await tx.insert(eingliederungsbudgets).values(
    (Object.entries(BUDGET_SOLL) as [BudgetTitel, [number, number]][]).flatMap(([titel, [dieses, naechstes]]) => [
      { traegerId: t, haushaltsjahr: jahr, titel, sollCent: dieses, bemerkung: titel === 'egt_bund' ? 'Zuteilung des Bundes (Eingliederungsmittel-Verordnung), Demo' : 'Kreishaushalt, Produkt 31.20, Demo' },
      { traegerId: t, haushaltsjahr: jahr + 1, titel, sollCent: naechstes, bemerkung: 'Planansatz (vorläufig), Demo' },
    ]),
  );

  // ------------------------------------------------------------------------------------------ programme
  const mIds = new Map<string, { id: string; m: Massnahme }>();
  for (const m of PROGRAMM) {
    const [row] = await tx
      .insert(massnahmen)
      .values({ traegerId: t, bezeichnung: m.bezeichnung, instrument: m.instrument, anbieter: m.anbieter, beschreibung: m.beschreibung, regeldauerTage: m.regeldauerTage, kostenJePlatzCent: m.kostenJePlatzCent, kostenart: m.kostenart, titel: m.titel })
      .returning({ id: massnahmen.id });
    mIds.set(m.key, { id: row!.id, m });
  }
  /** Kontingent of a Maßnahme at a Standort for a calendar year (this year's made for every Standort up front). */
  const kontingente = new Map<string, string>();
  const kontingent = async (key: string, standortId: string, j: number) => {
    const schluessel = `${key}|${standortId}|${j}`;
    const vorhanden = kontingente.get(schluessel);
    if (vorhanden) return vorhanden;
    const { id, m } = mIds.get(key)!;
    const i = standortId === st.musterstadt.id ? 0 : standortId === st.beispieldorf.id ? 1 : 2;
    const [row] = await tx
      .insert(massnahmeKontingente)
      .values({ traegerId: t, massnahmeId: id, standortId, gueltigVon: `${j}-01-01`, gueltigBis: `${j}-12-31`, plaetze: m.plaetze[i] })
      .returning({ id: massnahmeKontingente.id });
    kontingente.set(schluessel, row!.id);
    return row!.id;
  };
  // this year's and next year's places, so that a Zuweisung in December can run into January
  for (const j of [jahr, jahr + 1]) for (const m of PROGRAMM) for (const s of [st.musterstadt, st.beispieldorf, st.seeheim]) await kontingent(m.key, s.id, j);

  // ------------------------------------------------------------------------------------------ Betreuung, status
  const statusJePerson = new Map<string, StatusPeriode[]>();
  const perioden = (personId: string) => statusJePerson.get(personId) ?? (statusJePerson.set(personId, []), statusJePerson.get(personId)!);
  const wende = (personId: string, plan: StatusPlan) => {
    let liste = perioden(personId).filter((p) => !plan.entfernen.includes(p.id));
    liste = liste.map((p) => {
      const s = plan.schliessen.find((x) => x.id === p.id);
      return s ? { ...p, gueltigBis: s.gueltigBis } : p;
    });
    for (const n of plan.oeffnen) liste.push({ ...n, id: randomUUID() });
    statusJePerson.set(personId, liste);
  };
  const erfasse = (personId: string, p: Omit<StatusPeriode, 'id' | 'quelle' | 'quelleId'>) => perioden(personId).push({ ...p, id: randomUUID(), quelle: 'erfasst', quelleId: null });

  const betreut = [
    ['mustermann', 'max'],
    ['yilmaz', 'mehmet'],
    ['yilmaz', 'aysel'],
    ['schneider', 'sabine'],
    ['weber', 'jonas'],
    ['klein', 'petra'],
    ['nowak', 'andrzej'],
  ] as const;
  for (const [bg, ref] of betreut) {
    const p = person(bg, ref);
    await tx.insert(betreuungen).values({ traegerId: t, personId: p.personId, bgId: p.bgId, fachkraftId: ivo.id, gueltigVon: plusTage(p.seit, 7), grund: 'Neuzugang', zugewiesenVon: tara.id });
  }
  const max = person('mustermann', 'max');
  const mehmet = person('yilmaz', 'mehmet');
  const aysel = person('yilmaz', 'aysel');
  const sabine = person('schneider', 'sabine');
  const jonas = person('weber', 'jonas');
  const petra = person('klein', 'petra');
  const andrzej = person('nowak', 'andrzej');
  // Max has been arbeitslos for longer than a year (Arbeitslosengeld first): langzeitarbeitslos.
  erfasse(max.personId, { gueltigVon: plusTage(h, -430), gueltigBis: null, status: 'arbeitslos', grund: null });
  erfasse(mehmet.personId, { gueltigVon: mehmet.seit, gueltigBis: null, status: 'arbeitslos', grund: null });
  // Aysel cares for Can (under 3): not required to seek work until the day before his third birthday (§ 10 Abs. 1 Nr. 3 SGB II).
  const canGeburt = (await geburtstag(tx, f.yilmaz!.personIds.can!))!;
  erfasse(aysel.personId, { gueltigVon: aysel.seit, gueltigBis: plusTage(plusMonate(canGeburt, 36), -1), status: 'nicht_arbeitsuchend', grund: 'kind_unter_3' });
  erfasse(sabine.personId, { gueltigVon: sabine.seit, gueltigBis: null, status: 'arbeitslos', grund: null });
  erfasse(jonas.personId, { gueltigVon: plusTage(jonas.seit, -60), gueltigBis: null, status: 'arbeitslos', grund: null });
  erfasse(petra.personId, { gueltigVon: petra.seit, gueltigBis: null, status: 'arbeitslos', grund: null });
  erfasse(andrzej.personId, { gueltigVon: andrzej.seit, gueltigBis: null, status: 'arbeitslos', grund: null });

  await tx.insert(gespraechsvermerke).values([
    { traegerId: t, personId: max.personId, bgId: max.bgId, datum: plusTage(max.seit, 14), art: 'erstgespraech', text: 'Erstgespräch: Lagerlogistik, Staplerschein vorhanden; sucht Vollzeit im Raum Musterstadt. Bewerbungsunterlagen veraltet.', createdBy: ivo.id, createdByName: ivo.name },
    { traegerId: t, personId: max.personId, bgId: max.bgId, datum: plusTage(h, -20), art: 'folgegespraech', text: 'Potenzialanalyse besprochen, Kooperationsplan gemeinsam erstellt; Bewerbungstraining Digital vereinbart.', naechsterKontakt: plusTage(h, 21), createdBy: ivo.id, createdByName: ivo.name },
    { traegerId: t, personId: sabine.personId, bgId: sabine.bgId, datum: plusTage(h, -52), art: 'video', text: 'Videogespräch: Kinderbetreuung nachmittags ungeklärt; Coaching für Alleinerziehende angeboten und angenommen.', naechsterKontakt: plusTage(h, 9), createdBy: ivo.id, createdByName: ivo.name },
    { traegerId: t, personId: mehmet.personId, bgId: mehmet.bgId, datum: plusTage(h, -10), art: 'telefonisch', text: 'Telefonat: Mahnungen mehrerer Versandhändler; Schuldnerberatung vorgeschlagen, Termin beim Träger folgt.', naechsterKontakt: plusTage(h, -2), createdBy: ivo.id, createdByName: ivo.name },
  ]);
  // next contacts as Wiedervorlagen (one overdue)
  await tx.insert(wiedervorlagen).values([
    { traegerId: t, bgId: mehmet.bgId, personId: mehmet.personId, art: 'integration_kontakt', faelligAm: plusTage(h, -2), grund: 'Rückruf: Termin bei der Schuldnerberatung vereinbart?', zugewiesenAn: ivo.id, createdBy: ivo.id },
    { traegerId: t, bgId: sabine.bgId, personId: sabine.personId, art: 'integration_kontakt', faelligAm: plusTage(h, 9), grund: 'Folgegespräch: Zwischenstand Coaching', zugewiesenAn: ivo.id, createdBy: ivo.id },
    { traegerId: t, bgId: max.bgId, personId: max.personId, art: 'integration_kontakt', faelligAm: plusTage(h, 21), grund: 'Folgegespräch: Bewerbungen nach dem Bewerbungstraining', zugewiesenAn: ivo.id, createdBy: ivo.id },
  ]);

  // ------------------------------------------------------------------------------------------ Potenzialanalyse (Max)
  const eingabe = potenzialanalyseEingabeSchema.parse({
    staerken: ['zuverlässig und pünktlich', 'körperlich belastbar im Wechsel', 'arbeitet gern im Team'],
    qualifikation: { schulabschluss: 'hauptschule', berufsabschluss: 'betrieblich', berufsabschlussBezeichnung: 'Fachlagerist', qualifikationen: ['Gabelstaplerschein', 'Erste-Hilfe-Kurs'] },
    berufserfahrung: [
      { taetigkeit: 'Fachlagerist, Möbelhaus Nord', von: jahr - 12, bis: jahr - 4 },
      { taetigkeit: 'Kommissionierer (Zeitarbeit)', von: jahr - 4, bis: jahr - 2 },
    ],
    sprache: { deutsch: 'muttersprache', weitere: [{ sprache: 'Englisch', niveau: 'A2' }] },
    mobilitaet: { fuehrerschein: ['B'], fahrzeug: false, oepnv: true, maxPendelzeitMinuten: 60 },
    arbeitszeit: { wochenstunden: 40, fruehestens: '06:00', spaetestens: '22:00', einschraenkungen: null },
    berufswuensche: ['Fachlagerist', 'Fachkraft für Lagerlogistik'],
    handlungsbedarfe: [
      { code: 'digitale_kompetenzen', bemerkung: 'Online-Bewerbung und Jobportale' },
      { code: 'berufserfahrung_veraltet', bemerkung: 'zwei Jahre ohne Beschäftigung' },
      { code: 'koerperliche_einschraenkung', bemerkung: 'kein dauerhaftes Heben über 20 kg' },
    ],
    gesundheitlicheEinschraenkungen: 'Schwere Hebetätigkeiten meiden (ärztliche Stellungnahme liegt vor).',
  });
  const katalog = STANDARD_HANDLUNGSBEDARFE.map((e) => ({ ...e, aktiv: true }));
  const getrennt = trenneGesundheit(eingabe, katalog);
  const [pa] = await tx
    .insert(potenzialanalysen)
    .values({ traegerId: t, personId: max.personId, bgId: max.bgId, fassung: 1, erstelltAm: plusTage(h, -20), daten: getrennt.daten, createdBy: ivo.id, createdByName: ivo.name })
    .returning({ id: potenzialanalysen.id });
  if (getrennt.gesundheit) await tx.insert(potenzialanalyseGesundheit).values({ traegerId: t, potenzialanalyseId: pa!.id, personId: max.personId, daten: getrennt.gesundheit });

  // ------------------------------------------------------------------------------------------ Kooperationsplan (Max)
  const planAm = plusTage(h, -20);
  const inhalt: PlanInhalt = planInhaltSchema.parse({
    schritte: [
      { was: 'Teilnahme am Bewerbungstraining Digital (Digitalakademie Seeheim)', wer: 'person', bis: plusTage(h, 60) },
      { was: 'Bewerbungsunterlagen (Lebenslauf, Anschreiben) überarbeiten und an das Jobcenter senden', wer: 'person', bis: plusTage(h, 30) },
      { was: 'Passende Stellenangebote in der Lagerlogistik übermitteln (mindestens zwei im Monat)', wer: 'jobcenter', bis: plusTage(h, 90) },
      { was: 'Prüfen, ob die Kosten der Auffrischung des Staplerscheins aus dem Vermittlungsbudget übernommen werden', wer: 'jobcenter', bis: plusTage(h, 14) },
    ],
    eigenbemuehungen: { anzahlJeMonat: 4, nachweis: 'Kopie der Bewerbung oder Eingangsbestätigung, monatlich im Bürgerportal hochladen' },
    sprachfoerderung: 'keine',
    rehaBedarf: false,
    eingliederungsleistungen: ['Bewerbungstraining Digital (§ 16 Abs. 1 SGB II i.V.m. § 45 SGB III)', 'Vermittlungsbudget für Bewerbungskosten (§ 44 SGB III)'],
    taetigkeitsbereiche: ['Lager und Logistik', 'Kommissionierung', 'Warenannahme'],
  });
  const ueberpruefung = spaetesteUeberpruefung(planAm);
  const planId = randomUUID();
  const [wvPlan] = await tx
    .insert(wiedervorlagen)
    .values({ traegerId: t, bgId: max.bgId, personId: max.personId, art: 'kooperationsplan_ueberpruefung', bezugId: planId, faelligAm: ueberpruefung, grund: 'Kooperationsplan gemeinsam überprüfen und fortschreiben (§ 15 Abs. 3 SGB II)', zugewiesenAn: ivo.id, createdBy: ivo.id })
    .returning({ id: wiedervorlagen.id });
  await tx.insert(kooperationsplaene).values({
    id: planId,
    traegerId: t,
    personId: max.personId,
    bgId: max.bgId,
    fassung: 1,
    art: 'plan',
    status: 'abgestimmt',
    rechtsstand: rechtsstandName(planAm),
    erstelltAm: planAm,
    abgestimmtAm: planAm,
    eingliederungsziel: 'Aufnahme einer sozialversicherungspflichtigen Vollzeitbeschäftigung als Fachlagerist im Raum Musterstadt innerhalb von sechs Monaten.',
    inhalt,
    naechsteUeberpruefung: ueberpruefung,
    sprache: 'de',
    wiedervorlageId: wvPlan!.id,
    createdBy: ivo.id,
    createdByName: ivo.name,
  });

  // ------------------------------------------------------------------------------------------ Teilnahmen
  type T = {
    massnahme: string;
    p: ReturnType<typeof person>;
    status: TeilnahmeStatus;
    von: string;
    vorgeschlagen: string;
    eintritt?: string;
    austritt?: { am: string; grund: Austrittsgrund };
    platzNr?: number;
  };
  const teilnehmen = async (x: T) => {
    const { id: massnahmeId, m } = mIds.get(x.massnahme)!;
    const bis = plusTage(x.von, m.regeldauerTage - 1);
    const kontingentId = await kontingent(x.massnahme, x.p.standortId, Number(x.von.slice(0, 4)));
    const kosten = kostenJeJahr({ kostenJePlatzCent: m.kostenJePlatzCent, kostenart: m.kostenart, von: x.von, bis });
    const bindet = x.status === 'zugewiesen' || x.status === 'eingetreten' || x.status === 'ausgetreten';
    const gesamt = kosten.reduce((s, x2) => s + x2.betragCent, 0);
    const [row] = await tx
      .insert(massnahmeTeilnahmen)
      .values({
        traegerId: t,
        massnahmeId,
        kontingentId,
        personId: x.p.personId,
        bgId: x.p.bgId,
        status: x.status,
        platzNr: x.status === 'zugewiesen' || x.status === 'eingetreten' ? (x.platzNr ?? 1) : null,
        geplantVon: x.von,
        geplantBis: bis,
        vorgeschlagenAm: x.vorgeschlagen,
        zugewiesenAm: bindet ? plusTage(x.vorgeschlagen, 3) : null,
        eintrittAm: x.eintritt ?? null,
        austrittAm: x.austritt?.am ?? null,
        austrittsgrund: x.austritt?.grund ?? null,
        teilnahmebescheinigungAm: x.austritt ? plusTage(x.austritt.am, 5) : null,
        erwarteteKostenCent: gesamt,
        createdBy: ivo.id,
      })
      .returning({ id: massnahmeTeilnahmen.id });
    const teilnahmeId = row!.id;
    if (bindet) {
      for (const k2 of kosten) {
        const [b] = await tx
          .insert(mittelbindungen)
          .values({ traegerId: t, haushaltsjahr: k2.haushaltsjahr, titel: m.titel, instrument: m.instrument, standortId: x.p.standortId, teilnahmeId, betragCent: k2.betragCent })
          .returning({ id: mittelbindungen.id });
        // the provider's invoices so far: pauschal after the Austritt, monatlich for each finished month
        if (x.eintritt) {
          // monatlich: invoiced up to the end of last month (or the Austritt)
          const rechnungBis = x.austritt?.am ?? plusTage(`${h.slice(0, 7)}-01`, -1);
          const bezahlt =
            m.kostenart === 'pauschal'
              ? x.austritt
                ? k2.betragCent
                : 0
              : rechnungBis < x.eintritt
                ? 0
                : (jeJahr(anteileJeMonat({ betragJeMonatCent: m.kostenJePlatzCent, von: x.eintritt, bis: rechnungBis })).find((j) => j.haushaltsjahr === k2.haushaltsjahr)?.betragCent ?? 0);
          const betrag = Math.min(bezahlt, k2.betragCent);
          if (betrag > 0) await tx.insert(mittelAuszahlungen).values({ traegerId: t, mittelbindungId: b!.id, datum: x.austritt ? plusTage(x.austritt.am, 14) : `${h.slice(0, 7)}-05`, betragCent: betrag, beleg: `RE-${x.massnahme.toUpperCase()}-${String(k2.haushaltsjahr)}-${teilnahmeId.slice(0, 6)}` });
          // an early Austritt releases what will not be needed any more
          if (x.austritt && m.kostenart === 'monatlich' && betrag < k2.betragCent) await tx.update(mittelbindungen).set({ aufgeloestCent: k2.betragCent - betrag }).where(eq(mittelbindungen.id, b!.id));
        }
      }
    }
    // the status follows the facts as the use cases would apply them
    if (x.eintritt) {
      wende(x.p.personId, folgeMassnahmeEintritt(perioden(x.p.personId), { teilnahmeId, von: x.eintritt, bis, zaehltAlsMassnahme: zaehltAlsMassnahme(m.instrument, x.eintritt).zaehlt }));
    }
    if (x.austritt) wende(x.p.personId, folgeMassnahmeAustritt(perioden(x.p.personId), { teilnahmeId, am: x.austritt.am }));
    return teilnahmeId;
  };

  // Jonas is in the Aktivierungscenter (no longer arbeitslos for its duration)
  await teilnehmen({ massnahme: 'aktivierung', p: jonas, status: 'eingetreten', vorgeschlagen: plusTage(h, -40), von: plusTage(h, -35), eintritt: plusTage(h, -35), platzNr: 1 });
  // Petra works in the Arbeitsgelegenheit, with Mehraufwandsentschädigung paid monthly through the Zahllauf
  const aghVon = plusTage(h, -63);
  const agh = await teilnehmen({ massnahme: 'agh', p: petra, status: 'eingetreten', vorgeschlagen: plusTage(h, -75), von: aghVon, eintritt: aghVon, platzNr: 1 });
  const maeBis = plusTage(aghVon, 181);
  const [mae] = await tx
    .insert(foerderleistungen)
    .values({ traegerId: t, personId: petra.personId, bgId: petra.bgId, art: 'mehraufwand_16d', teilnahmeId: agh, gueltigVon: aghVon, gueltigBis: maeBis, betragCent: 21_600, einmalig: false, bewilligtVon: ivo.id })
    .returning({ id: foerderleistungen.id });
  const mi = FOERDERLEISTUNG_INSTRUMENT.mehraufwand_16d;
  for (const k2 of jeJahr(foerderleistungMonate({ betragCent: 21_600, einmalig: false, gueltigVon: aghVon, gueltigBis: maeBis }))) {
    await tx.insert(mittelbindungen).values({ traegerId: t, haushaltsjahr: k2.haushaltsjahr, titel: mi.titel, instrument: mi.instrument, standortId: petra.standortId, foerderleistungId: mae!.id, betragCent: k2.betragCent });
  }
  // Sabine takes part in the § 16k coaching (not a Maßnahme der aktiven Arbeitsförderung: she stays arbeitslos)
  await teilnehmen({ massnahme: 'coaching', p: sabine, status: 'eingetreten', vorgeschlagen: plusTage(h, -50), von: plusTage(h, -45), eintritt: plusTage(h, -45), platzNr: 1 });
  // Max is assigned to the Bewerbungstraining starting in two weeks (agreed in his Kooperationsplan)
  await teilnehmen({ massnahme: 'bewerbung', p: max, status: 'zugewiesen', vorgeschlagen: plusTage(h, -20), von: plusTage(h, 14), platzNr: 1 });
  // Mehmet: Schuldnerberatung (kommunale Leistung § 16a) assigned, starts next week
  await teilnehmen({ massnahme: 'schulden', p: mehmet, status: 'zugewiesen', vorgeschlagen: plusTage(h, -10), von: plusTage(h, 7), platzNr: 1 });
  // Sabine: the psychosocial counselling is proposed, not yet decided
  await teilnehmen({ massnahme: 'psychosozial', p: sabine, status: 'vorschlag', vorgeschlagen: plusTage(h, -3), von: plusTage(h, 14) });
  // Andrzej left the Bewerbungstraining early for a job (Arbeitsaufnahme)
  const nowakVon = plusTage(h, -110);
  const austrittAm = plusTage(h, -80);
  const nowakTeilnahme = await teilnehmen({ massnahme: 'bewerbung', p: andrzej, status: 'ausgetreten', vorgeschlagen: plusTage(h, -120), von: nowakVon, eintritt: nowakVon, austritt: { am: austrittAm, grund: 'arbeitsaufnahme' } });

  // ------------------------------------------------------------------------------------------ Integrationen
  const integration = async (o: {
    p: ReturnType<typeof person>;
    name: string;
    art: Integrationsart;
    beginn: string;
    arbeitgeber: string;
    stunden: number;
    brutto: number;
    netto: number;
    teilnahmeId?: string;
    bemerkung?: string;
    /** the day the job start was recorded: its expected income goes to the Leistung side as a change proposal */
    vorschlagAm?: string;
  }) => {
    const id = randomUUID();
    let antragId: string | null = null;
    if (o.vorschlagAm) {
      // shaped like the portal's "neue Arbeit" notice (MitteilungPayload of src/server/fall/mitteilung-vorbereiten.ts),
      // so the Leistung side reviews and applies it on the existing page — as integration-erfassen does
      const [a] = await tx
        .insert(antraege)
        .values({
          traegerId: t,
          bgId: o.p.bgId,
          art: 'veraenderung',
          antragsdatum: o.vorschlagAm,
          eingangskanal: 'intern',
          standortId: o.p.standortId,
          faelligAm: plusTage(o.vorschlagAm, 14),
          payload: {
            schema: 'vorort.portal.mitteilung',
            version: 1,
            flow: 'veraenderung-arbeit',
            veraenderungsart: 'arbeit',
            daten: { mitteilung: { person: o.name, aenderung: 'neue_arbeit', ab: einkommenAb(o.beginn), arbeitgeber: o.arbeitgeber, bruttoCent: o.brutto, nettoCent: o.netto } },
            herkunft: { art: 'integration', integrationId: id, personId: o.p.personId, integrationsart: o.art, beginn: o.beginn, wochenstunden: o.stunden, erfasstVon: ivo.name },
          },
        })
        .returning({ id: antraege.id });
      antragId = a!.id;
    }
    let wvId: string | null = null;
    if (o.art !== 'minijob') {
      const [wv] = await tx
        .insert(wiedervorlagen)
        .values({ traegerId: t, bgId: o.p.bgId, personId: o.p.personId, art: 'integration_nachhaltigkeit', bezugId: id, faelligAm: nachhaltigkeitFaelligAm(o.beginn), grund: `Nachhaltigkeit prüfen: noch sozialversicherungspflichtig beschäftigt bei ${o.arbeitgeber}?`, zugewiesenAn: ivo.id, createdBy: ivo.id })
        .returning({ id: wiedervorlagen.id });
      wvId = wv!.id;
    }
    await tx.insert(integrationen).values({
      id,
      traegerId: t,
      personId: o.p.personId,
      bgId: o.p.bgId,
      art: o.art,
      beginn: o.beginn,
      arbeitgeber: o.arbeitgeber,
      wochenstunden: String(o.stunden),
      erwartetesBruttoCent: o.brutto,
      erwartetesNettoCent: o.netto,
      teilnahmeId: o.teilnahmeId ?? null,
      antragId,
      wiedervorlageId: wvId,
      bemerkung: o.bemerkung ?? null,
      createdBy: ivo.id,
      createdByName: ivo.name,
    });
    wende(o.p.personId, folgeIntegration(perioden(o.p.personId), { integrationId: id, beginn: o.beginn, wochenstunden: o.stunden, integrationsart: o.art }));
  };
  await integration({ p: andrzej, name: 'Andrzej Nowak', vorschlagAm: plusTage(h, -3), art: 'svb_teilzeit', beginn: plusTage(austrittAm, 1), arbeitgeber: 'Logistik Nord GmbH, Musterstadt', stunden: 25, brutto: 165_000, netto: 129_000, teilnahmeId: nowakTeilnahme, bemerkung: 'Lagerhelfer, unbefristet; Aufstockung durch Bürgergeld' });
  await integration({ p: mehmet, name: 'Mehmet Yilmaz', art: 'minijob', beginn: plusTage(mehmet.seit, -20), arbeitgeber: 'Getränkemarkt Quelle, Musterstadt', stunden: 9, brutto: 52_000, netto: 52_000, bemerkung: 'bei Antragstellung bereits ausgeübt' });

  // ------------------------------------------------------------------------------------------ status rows
  const rows = [...statusJePerson].flatMap(([personId, liste]) =>
    liste.map((p) => ({ traegerId: t, id: p.id, personId, gueltigVon: p.gueltigVon, gueltigBis: p.gueltigBis, status: p.status, grund: p.grund, quelle: p.quelle, quelleId: p.quelleId, createdBy: ivo.id })),
  );
  if (rows.length) await tx.insert(arbeitsmarktstatus).values(rows);
}

async function geburtstag(tx: Tx, personId: string): Promise<string | undefined> {
  const [r] = await tx.select({ g: personStammdaten.geburtsdatum }).from(personStammdaten).where(eq(personStammdaten.personId, personId));
  return r?.g;
}
