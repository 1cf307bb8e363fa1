import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import { minderungGesperrt } from '../../domain/foerdern/kooperationsplan.ts';
import { feststellungsfristEnde, fristWarnungAm } from '../../domain/fordern/fristen.ts';
import { TATBESTAND_INFO, tatbestandZuAnlass, tatbestandZulaessig } from '../../domain/fordern/tatbestaende.ts';
import { ANLASS_ARTEN, BELEHRUNG_ARTEN, TATBESTAENDE, ZUGANG_ARTEN, type AnlassArt, type BelehrungArt, type Tatbestand, type ZugangArt } from '../../domain/fordern/typen.ts';
import { MELDEZWECKE, type Meldezweck } from '../../domain/recht/meldeaufforderung.ts';
import { lokalesDatum } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, notFound, validationFailed, type FieldIssue } from '../errors.ts';
import { uniqueViolation } from '../admin/common.ts';
import { datumText, ladeElbPerson } from '../integration/betreuung-zugriff.ts';
import { leerAlsFehlend, tagesdatum } from '../schemas/formular.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { zweckFordern } from './zugriff.ts';

/** Anlass kinds that name an object (Einladung, Teilnahme, Kooperationsplan); the others are started by hand. */
const MIT_OBJEKT: readonly AnlassArt[] = ['meldeversaeumnis', 'zuweisung', 'massnahme_abbruch', 'kooperationsplan'];

export const ANLASS_TEXT: Record<AnlassArt, string> = {
  meldeversaeumnis: 'Meldeversäumnis (Einladung)',
  kooperationsplan: 'Kooperationsplan / Verwaltungsakt',
  zuweisung: 'Zuweisung in eine Maßnahme nicht angetreten',
  massnahme_abbruch: 'Maßnahme abgebrochen',
  arbeitsangebot: 'Arbeitsangebot abgelehnt',
  manuell: 'von Hand',
};

export const verfahrenEroeffnenSchema = z
  .object({
    anlassArt: z.enum(ANLASS_ARTEN, { error: 'Bitte wählen Sie den Anlass.' }),
    anlassId: leerAlsFehlend(z.string().max(100)).describe('Einladung, Teilnahme oder Kooperationsplan (UUID); nicht bei arbeitsangebot/manuell'),
    personId: leerAlsFehlend(z.string().max(100)).describe('Person (UUID); nur bei arbeitsangebot/manuell (sonst aus dem Anlass)'),
    tatbestand: leerAlsFehlend(z.enum(TATBESTAENDE, { error: 'Bitte wählen Sie den Tatbestand.' })).describe('Standard: der Tatbestand des Anlasses'),
    pflichtverletzungAm: leerAlsFehlend(tagesdatum()).describe('Tag der Pflichtverletzung; Standard aus dem Anlass (Termin, Austritt, geplanter Beginn)'),
    anlassText: leerAlsFehlend(text(2000)).describe('Was geschehen ist (für die Schreiben); Standard aus dem Anlass'),
    belehrungArt: leerAlsFehlend(z.enum(BELEHRUNG_ARTEN, { error: 'Bitte wählen Sie, wie die Person die Rechtsfolgen kannte.' })),
    belehrungAm: leerAlsFehlend(tagesdatum()).describe('Datum des Schreibens mit der Rechtsfolgenbelehrung / an dem die Kenntnis bestand'),
    belehrungText: leerAlsFehlend(text(10_000)).describe('Die Rechtsfolgenbelehrung, wie sie gegeben wurde (bei Einladungen aus deren Text)'),
    belehrungZugangArt: leerAlsFehlend(z.enum(ZUGANG_ARTEN, { error: 'Bitte wählen Sie, wie das Schreiben die Person erreicht hat.' })),
    belehrungZugangAm: leerAlsFehlend(tagesdatum()),
  })
  .check((p) => {
    const v = p.value;
    const fehlt = (feld: string, message: string) => {
      if (!p.issues.some((i) => i.path?.[0] === feld)) p.issues.push({ code: 'custom', path: [feld], message, input: v });
    };
    if (MIT_OBJEKT.includes(v.anlassArt)) {
      if (!v.anlassId) fehlt('anlassId', 'Bitte geben Sie den Anlass an (Einladung, Teilnahme oder Kooperationsplan).');
    } else {
      if (!v.personId) fehlt('personId', 'Bitte wählen Sie die Person.');
      if (!v.pflichtverletzungAm) fehlt('pflichtverletzungAm', 'Bitte geben Sie den Tag der Pflichtverletzung an.');
      if (!v.anlassText?.trim()) fehlt('anlassText', 'Bitte beschreiben Sie, was geschehen ist.');
      if (v.anlassArt === 'manuell' && !v.tatbestand) fehlt('tatbestand', 'Bitte wählen Sie den Tatbestand.');
      if (!v.belehrungArt) fehlt('belehrungArt', 'Bitte wählen Sie, wie die Person die Rechtsfolgen kannte.');
    }
  });

type Eingabe = z.output<typeof verfahrenEroeffnenSchema>;

/** What the procedure starts from, after loading the Anlass: the person, the day, the text and the Belehrung on record. */
type Anlass = {
  personId: string;
  pflichtverletzungAm: string | undefined;
  text: string;
  /** the Rechtsfolgenbelehrung on record in the Anlass (null: none — the input must supply one) */
  belehrung: { art: BelehrungArt; am: string; text: string; zugangArt: ZugangArt | null; zugangAm: string | null } | null;
  /** Einladung: the Zugang comes from the Einladung (recorded in the Termine module), never from the input */
  zugangAusEinladung: boolean;
};

/** A rule refusal (409 with its code) that concerns one form field: the message is tied to that field too. */
const regelFehler = (code: Parameters<typeof fehler>[0], feld: string, meldung: string) => fehler(code, { meldung, issues: [{ path: feld, code, message: meldung }] });

const anlassFehler = (message: string) => validationFailed([{ path: 'anlassId', code: 'anlass_ungeeignet', message }]);

/** The paragraph of an Einladung's text that holds the Rechtsfolgenbelehrung (§ 32 SGB II), or null. */
export function belehrungAusEinladung(einladungstext: string): string | null {
  const absatz = einladungstext.split(/\n\s*\n/).find((a) => /§ 32 SGB II/.test(a) && /Sie sind verpflichtet/.test(a));
  return absatz?.trim() ?? null;
}

async function ladeAnlass(tx: Tx, input: Eingabe, tag: string): Promise<Anlass> {
  const id = input.anlassId ?? '';
  switch (input.anlassArt) {
    case 'meldeversaeumnis': {
      const e = istUuid(id) ? await minderungsverfahrenRepository.einladungAnlass(tx, id) : undefined;
      if (!e) throw notFound('Der Anlass');
      if (!e.personId || !e.bgId) throw anlassFehler('Die Einladung ist keiner Person einer Fallakte zugeordnet; ein Minderungsverfahren ist nicht möglich.');
      if (e.status !== 'nicht_erschienen_ohne_wichtigen_grund') throw anlassFehler('Zu dieser Einladung ist kein Nichterscheinen ohne wichtigen Grund erfasst.');
      const rfb = belehrungAusEinladung(e.text);
      const zweck = MELDEZWECKE[e.zweck as Meldezweck]?.text ?? e.zweck;
      return {
        personId: e.personId,
        pflichtverletzungAm: e.tag,
        text: `Meldetermin am ${datumText(e.tag)} nicht wahrgenommen (Einladung vom ${datumText(lokalesDatum(e.createdAt))}, Zweck: ${zweck}); kein wichtiger Grund dargelegt oder nachgewiesen${e.begruendung ? `: ${e.begruendung}` : '.'}`,
        belehrung: rfb ? { art: 'schriftlich', am: lokalesDatum(e.createdAt), text: rfb, zugangArt: (e.zugangArt as ZugangArt | null) ?? null, zugangAm: e.zugangAm } : null,
        zugangAusEinladung: true,
      };
    }
    case 'zuweisung':
    case 'massnahme_abbruch': {
      const t = istUuid(id) ? await minderungsverfahrenRepository.teilnahmeAnlass(tx, id) : undefined;
      if (!t) throw notFound('Der Anlass');
      const belehrung = t.mitRechtsfolgenbelehrung && t.zugewiesenAm
        ? {
            art: 'schriftlich' as const,
            am: t.zugewiesenAm,
            text: `Zuweisung in die Maßnahme „${t.massnahme}“ vom ${datumText(t.zugewiesenAm)} mit schriftlicher Rechtsfolgenbelehrung (§ 31 Abs. 1 S. 1 Nr. 3 SGB II).`,
            zugangArt: null,
            zugangAm: null,
          }
        : null;
      if (input.anlassArt === 'zuweisung') {
        if (!t.zugewiesenAm || t.eintrittAm || !['zugewiesen', 'storniert'].includes(t.status)) throw anlassFehler('Diese Teilnahme ist keine Zuweisung, die nicht angetreten wurde.');
        return { personId: t.personId, pflichtverletzungAm: t.geplantVon, text: `Maßnahme „${t.massnahme}“ (Zuweisung vom ${datumText(t.zugewiesenAm)}) zum geplanten Beginn am ${datumText(t.geplantVon)} nicht angetreten.`, belehrung, zugangAusEinladung: false };
      }
      if (t.status !== 'ausgetreten' || !t.austrittAm || (t.austrittsgrund !== 'abbruch' && t.austrittsgrund !== 'ausschluss')) throw anlassFehler('Diese Teilnahme endete nicht durch Abbruch oder Ausschluss.');
      const wie = t.austrittsgrund === 'ausschluss' ? 'wegen eines Ausschlusses beendet' : 'abgebrochen';
      return { personId: t.personId, pflichtverletzungAm: t.austrittAm, text: `Maßnahme „${t.massnahme}“ am ${datumText(t.austrittAm)} ${wie}.`, belehrung, zugangAusEinladung: false };
    }
    case 'kooperationsplan': {
      const k = istUuid(id) ? await minderungsverfahrenRepository.kooperationsplanAnlass(tx, id) : undefined;
      if (!k) throw notFound('Der Anlass');
      const schritte = ((k.inhalt as { schritte?: { was: string; wer: string; bis: string }[] }).schritte ?? []).filter((s) => s.wer === 'person' && s.bis < tag).sort((a, b) => a.bis.localeCompare(b.bis));
      const erster = schritte[0];
      const va = k.art === 'verwaltungsakt';
      return {
        personId: k.personId,
        pflichtverletzungAm: erster?.bis,
        text: erster
          ? `Pflicht aus dem ${va ? 'Verwaltungsakt' : 'Kooperationsplan'} vom ${datumText(k.erstelltAm)} nicht erfüllt: „${erster.was}“ (bis ${datumText(erster.bis)}).`
          : `Pflicht aus dem ${va ? 'Verwaltungsakt' : 'Kooperationsplan'} vom ${datumText(k.erstelltAm)} nicht erfüllt.`,
        belehrung: va
          ? { art: 'schriftlich', am: k.erstelltAm, text: `Verpflichtung durch Verwaltungsakt vom ${datumText(k.erstelltAm)} mit schriftlicher Rechtsfolgenbelehrung (§ 15 Abs. 6 SGB II).`, zugangArt: null, zugangAm: null }
          : null,
        zugangAusEinladung: false,
      };
    }
    default:
      return { personId: input.personId ?? '', pflichtverletzungAm: input.pflichtverletzungAm, text: input.anlassText ?? '', belehrung: null, zugangAusEinladung: false };
  }
}

type Belehrung = { art: BelehrungArt; am: string | null; text: string | null; zugangArt: ZugangArt | null; zugangAm: string | null };

/**
 * The Rechtsfolgenbelehrung the procedure relies on: the one on record in the Anlass (its Zugang from the input,
 * except for an Einladung), else what the caseworker entered; checked against the Tatbestand's need and the day of
 * the Pflichtverletzung (it must have reached the person before).
 */
function bestimmeBelehrung(input: Eingabe, anlass: Anlass, tatbestand: Tatbestand, tag: string): Belehrung {
  const noetig = TATBESTAND_INFO[tatbestand].belehrungNoetig;
  const aufzeichnung = anlass.belehrung;
  let b: Belehrung;
  if (aufzeichnung && (!input.belehrungArt || input.belehrungArt === aufzeichnung.art || anlass.zugangAusEinladung)) {
    b = {
      art: aufzeichnung.art,
      am: aufzeichnung.am,
      text: anlass.zugangAusEinladung ? aufzeichnung.text : (input.belehrungText?.trim() || aufzeichnung.text),
      zugangArt: anlass.zugangAusEinladung ? aufzeichnung.zugangArt : (input.belehrungZugangArt ?? aufzeichnung.zugangArt),
      zugangAm: anlass.zugangAusEinladung ? aufzeichnung.zugangAm : (input.belehrungZugangAm ?? aufzeichnung.zugangAm),
    };
  } else if (anlass.zugangAusEinladung) {
    // an Einladung without a Rechtsfolgenbelehrung in its text: nothing the caseworker enters can replace it
    if (noetig) throw fehler('belehrung_fehlt', { meldung: 'Der Text der Einladung enthält keine Rechtsfolgenbelehrung (§ 32 SGB II); eine Minderung wegen dieses Meldeversäumnisses ist nicht möglich.' });
    b = { art: 'nicht_erforderlich', am: null, text: null, zugangArt: null, zugangAm: null };
  } else {
    const art = input.belehrungArt ?? (noetig ? null : 'nicht_erforderlich');
    if (!art) throw regelFehler('belehrung_fehlt', 'belehrungArt', 'Ohne schriftliche Rechtsfolgenbelehrung, die die Person erhalten hat, oder ihre nachgewiesene Kenntnis der Rechtsfolgen ist keine Minderung möglich (§ 31 Abs. 1, § 32 SGB II). Bitte wählen Sie, wie die Person die Rechtsfolgen kannte.');
    b = { art, am: input.belehrungAm ?? null, text: input.belehrungText?.trim() || null, zugangArt: input.belehrungZugangArt ?? null, zugangAm: input.belehrungZugangAm ?? null };
  }

  if (b.art === 'nicht_erforderlich') {
    if (noetig) throw regelFehler('belehrung_fehlt', 'belehrungArt', `${TATBESTAND_INFO[tatbestand].titel} (${TATBESTAND_INFO[tatbestand].norm}) setzt eine schriftliche Rechtsfolgenbelehrung oder die Kenntnis der Rechtsfolgen voraus.`);
    return { art: b.art, am: b.am, text: b.text, zugangArt: null, zugangAm: null };
  }
  // Einladung: the Zugang must be recorded on the Einladung (Termine module)
  if (anlass.zugangAusEinladung && (!b.zugangArt || !b.zugangAm)) throw fehler('zugang_fehlt');
  const issues: FieldIssue[] = [];
  if (!b.am) issues.push({ path: 'belehrungAm', code: 'required', message: b.art === 'kenntnis' ? 'Bitte geben Sie an, seit wann die Person die Rechtsfolgen kannte.' : 'Bitte geben Sie das Datum des Schreibens mit der Rechtsfolgenbelehrung an.' });
  if (!b.text) issues.push({ path: 'belehrungText', code: 'required', message: b.art === 'kenntnis' ? 'Bitte beschreiben Sie, woraus sich die Kenntnis der Rechtsfolgen ergibt.' : 'Bitte geben Sie die Rechtsfolgenbelehrung an, wie sie gegeben wurde.' });
  if (b.art === 'schriftlich') {
    if (!b.zugangArt) issues.push({ path: 'belehrungZugangArt', code: 'required', message: 'Bitte geben Sie an, wie das Schreiben mit der Rechtsfolgenbelehrung die Person erreicht hat.' });
    if (!b.zugangAm) issues.push({ path: 'belehrungZugangAm', code: 'required', message: 'Bitte geben Sie an, wann das Schreiben die Person erreicht hat.' });
  }
  if (issues.length) throw validationFailed(issues);
  if (b.am! > tag || (b.zugangAm && b.zugangAm > tag)) {
    if (anlass.zugangAusEinladung) throw fehler('zugang_fehlt', { meldung: `Die Einladung hat die Person nach dem Zugangsnachweis erst am ${datumText(b.zugangAm!)} erreicht – nach dem Termin am ${datumText(tag)}. Ein Meldeversäumnis liegt nicht vor.` });
    throw regelFehler('belehrung_fehlt', b.am! > tag ? 'belehrungAm' : 'belehrungZugangAm', `Die Rechtsfolgenbelehrung muss der Person vor der Pflichtverletzung am ${datumText(tag)} bekannt gewesen sein.`);
  }
  return b;
}

/**
 * Opens a Minderungsverfahren from its Anlass (docs/fordern.md "Verfahren"): a missed Meldetermin (Einladung with
 * "nicht erschienen ohne wichtigen Grund"), a Zuweisung not started or a Maßnahme ended by Abbruch/Ausschluss, a
 * Pflicht of a Kooperationsplan/Verwaltungsakt — or by hand with Tatbestand and facts. The Tatbestand defaults to that
 * of the Anlass; the day of the Pflichtverletzung is the day of the appointment / Austritt / planned start and starts
 * the six-month Feststellungsfrist (§ 31b Abs. 1 S. 5 SGB II). Refused with a German message naming the rule: a
 * second procedure for the same Anlass (`verfahren_besteht`), a Tatbestand the law of the day does not know
 * (`minderung_tatbestand_unzulaessig`), an expired Frist (`feststellungsfrist_abgelaufen`), a person who was no eLb
 * of the BG on the day (`minderung_nicht_in_bg`), no Rechtsfolgenbelehrung/knowledge where one is needed
 * (`belehrung_fehlt`), an Einladung without recorded Zugang (`zugang_fehlt`), a Schlichtung on the day
 * (`minderung_gesperrt`). A Wiedervorlage 'minderung_frist' for the creator warns before the Frist runs out.
 */
export const verfahrenEroeffnen = defineUseCase({
  name: 'fordern.verfahren-eroeffnen',
  zugang: 'fordern.bearbeiten',
  input: verfahrenEroeffnenSchema,
  audit: ['minderungsverfahren.create'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const heuteTag = heute(jetzt);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const anlass = await ladeAnlass(tx, input, heuteTag);
      if (input.anlassId && MIT_OBJEKT.includes(input.anlassArt)) {
        const schon = await minderungsverfahrenRepository.findZuAnlass(tx, input.anlassArt, input.anlassId);
        if (schon) throw fehler('verfahren_besteht', { meldung: `Zu diesem Anlass gibt es bereits das Minderungsverfahren ${schon.aktenzeichen}.`, extra: { verfahrenId: schon.id } });
      }
      // the day of the Pflichtverletzung: from the Anlass where it names one (an Einladung always), else entered
      const tag = input.anlassArt === 'meldeversaeumnis' ? anlass.pflichtverletzungAm : (input.pflichtverletzungAm ?? anlass.pflichtverletzungAm);
      if (!tag) throw validationFailed([{ path: 'pflichtverletzungAm', code: 'required', message: 'Bitte geben Sie den Tag der Pflichtverletzung an.' }]);
      if (tag > heuteTag) throw validationFailed([{ path: 'pflichtverletzungAm', code: 'datum_in_zukunft', message: 'Die Pflichtverletzung kann nicht in der Zukunft liegen.' }]);

      // the person of the Anlass, reached through the BG of the day (404 out of reach, 403 without permission)
      const person = await ladeElbPerson(tx, actor, anlass.personId, 'fordern.bearbeiten', tag);

      // a refusal because of the day sits at the day's field (a missed Meldetermin's day comes from the Einladung: no field)
      const tagFehler = (code: Parameters<typeof fehler>[0], meldung: string) => (input.anlassArt === 'meldeversaeumnis' ? fehler(code, { meldung }) : regelFehler(code, 'pflichtverletzungAm', meldung));
      const tatbestand = input.tatbestand ?? tatbestandZuAnlass(input.anlassArt);
      if (!tatbestand) throw validationFailed([{ path: 'tatbestand', code: 'required', message: 'Bitte wählen Sie den Tatbestand.' }]);
      const zulaessig = tatbestandZulaessig(tatbestand, tag);
      if (!zulaessig.ok) throw regelFehler('minderung_tatbestand_unzulaessig', 'tatbestand', `${zulaessig.meldung} (${zulaessig.norm})`);

      const fristEnde = feststellungsfristEnde(tag);
      if (fristEnde < heuteTag) {
        throw tagFehler('feststellungsfrist_abgelaufen', `Die Pflichtverletzung am ${datumText(tag)} kann nur bis zum ${datumText(fristEnde)} festgestellt werden (§ 31b Abs. 1 S. 5 SGB II); diese Frist ist abgelaufen.`);
      }

      if (!person.elb || !(await minderungsverfahrenRepository.inBgAmTag(tx, person.personId, person.bgId, tag))) {
        throw tagFehler('minderung_nicht_in_bg', `${person.vorname} ${person.nachname} gehörte am ${datumText(tag)} nicht als erwerbsfähige leistungsberechtigte Person zur Bedarfsgemeinschaft ${person.fallnummer}; eine Minderung ist nicht möglich (§ 7 Abs. 1, § 31 SGB II).`);
      }

      const belehrung = bestimmeBelehrung(input, anlass, tatbestand, tag);

      const schlichtungen = await kooperationsplanRepository.schlichtungenImZeitraum(tx, person.personId, tag, tag);
      if (minderungGesperrt(schlichtungen, tag)) {
        throw tagFehler('minderung_gesperrt', `Am ${datumText(tag)} lief ein Schlichtungsverfahren zum Kooperationsplan; für Pflichtverletzungen in dieser Zeit darf keine Minderung festgestellt werden (§ 15a Abs. 3 SGB II a.F.).`);
      }

      const aktenzeichen = await minderungsverfahrenRepository.naechstesAktenzeichen(tx, actor.traegerId, heuteTag.slice(0, 4));
      const info = TATBESTAND_INFO[tatbestand];
      const anlassText = input.anlassText?.trim() || anlass.text;
      let neu: { id: string; version: number; aktenzeichen: string };
      try {
        neu = await minderungsverfahrenRepository.insert(tx, {
          traegerId: actor.traegerId,
          personId: person.personId,
          bgId: person.bgId,
          aktenzeichen,
          anlassArt: input.anlassArt,
          anlassId: MIT_OBJEKT.includes(input.anlassArt) ? (input.anlassId ?? null) : null,
          anlassText,
          tatbestand,
          pflichtverletzungAm: tag,
          fristEnde,
          belehrungArt: belehrung.art,
          belehrungAm: belehrung.am,
          belehrungText: belehrung.text,
          belehrungZugangArt: belehrung.zugangArt,
          belehrungZugangAm: belehrung.zugangAm,
          status: 'erfasst',
          verlauf: [{ am: jetzt.toISOString(), art: 'eroeffnet', text: `Verfahren eröffnet – ${ANLASS_TEXT[input.anlassArt]}; Tatbestand: ${info.titel} (${info.norm}); Pflichtverletzung am ${datumText(tag)}.`, von: actor.name }],
          createdBy: actor.userId,
        });
      } catch (err) {
        // the same Anlass opened at the same moment by someone else: the unique index decides
        if (uniqueViolation(err) === 'minderungsverfahren_anlass_unique') throw fehler('verfahren_besteht');
        throw err;
      }
      const wiedervorlageAm = fristWarnungAm(fristEnde, heuteTag);
      const wv = await antraegeRepository.insertWiedervorlage(tx, {
        traegerId: actor.traegerId,
        bgId: person.bgId,
        faelligAm: wiedervorlageAm,
        grund: `Minderungsverfahren ${neu.aktenzeichen}: Feststellungsfrist endet am ${datumText(fristEnde)}`,
        art: 'minderung_frist',
        personId: person.personId,
        bezugId: neu.id,
        zugewiesenAn: actor.userId,
        createdBy: actor.userId,
      });
      const mitWv = await minderungsverfahrenRepository.update(tx, neu.id, neu.version, { wiedervorlageId: wv.id });
      await recordAudit(tx, actor, {
        objectType: 'minderungsverfahren',
        objectId: neu.id,
        personId: person.personId,
        action: 'create',
        purpose: zweckFordern('Minderungsverfahren eröffnen'),
        details: { schritt: 'eroeffnen', tatbestand, anlass: input.anlassArt, bgId: person.bgId },
      });
      return {
        id: neu.id,
        version: mitWv!.version,
        aktenzeichen: neu.aktenzeichen,
        status: 'erfasst' as const,
        personId: person.personId,
        bgId: person.bgId,
        tatbestand,
        pflichtverletzungAm: tag,
        fristEnde,
        belehrungArt: belehrung.art,
        wiedervorlageId: wv.id,
        wiedervorlageAm,
      };
    });
  },
});

