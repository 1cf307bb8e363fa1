import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { datumSchema, EINKOMMEN_ARTEN, ROLLEN } from '../../domain/fallakte/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, versionConflict, type FieldIssue } from '../errors.ts';
import { euroCentOderNull, ganzzahl, haekchen, leerAlsNull } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { aendereAdresse } from './aendere-adresse.ts';
import { aendereBankverbindung } from './aendere-bankverbindung.ts';
import { aendereEinkommen } from './aendere-einkommen.ts';
import { aendereUnterkunft } from './aendere-unterkunft.ts';
import { datumText } from './texte.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { ladeMitteilung } from './mitteilung-vorbereiten.ts';
import { personAufnehmen } from './person-aufnehmen.ts';
import { personAustritt } from './person-austritt.ts';
import { uebernehmePortalDateien } from './portal-dateien-uebernehmen.ts';

/** Amounts: cents from the API, euro text ("1.234,56") from the page; empty → null. */
const cent = euroCentOderNull();
const pflicht = (max: number) => z.string().trim().min(1).max(max);
/** A choice the page sends as text; an empty field is "none" (null). */
const waehlbar = <S extends z.ZodType>(s: S) => leerAlsNull(s);
const laendercode = z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.string().regex(/^[A-Z]{2}$/));

/** One prepared change as the caseworker confirmed (and perhaps corrected) it. */
export const aenderungSchema = z.discriminatedUnion('typ', [
  z.strictObject({
    typ: z.literal('einkommen'),
    ab: datumSchema,
    personId: z.uuid(),
    einkommenId: waehlbar(z.uuid()),
    ende: haekchen(),
    // a one-off income needs its Zuflussdatum: it is recorded in the Fallakte itself
    art: z.enum(EINKOMMEN_ARTEN).exclude(['einmalig']),
    bezeichnung: z.string().trim().max(200),
    bruttoCent: cent,
    nettoCent: cent,
    betragCent: cent,
  }),
  z.strictObject({
    typ: z.literal('adresse'),
    ab: datumSchema,
    strasse: pflicht(200),
    hausnummer: pflicht(20),
    zusatz: z.string().trim().max(200),
    plz: z.string().regex(/^\d{5}$/),
    ort: pflicht(200),
    kommuneId: z.uuid(),
  }),
  z.strictObject({
    typ: z.literal('unterkunft'),
    ab: datumSchema,
    keine: haekchen(),
    grundmieteCent: cent,
    nebenkostenCent: cent,
    heizkostenCent: cent,
    warmwasserDezentral: haekchen(),
  }),
  z.strictObject({ typ: z.literal('bank'), ab: datumSchema, iban: pflicht(50), kontoinhaber: pflicht(200) }),
  z.strictObject({
    typ: z.literal('person_aufnehmen'),
    ab: datumSchema,
    vorname: pflicht(100),
    nachname: pflicht(100),
    geburtsdatum: datumSchema,
    geschlecht: waehlbar(z.enum(['w', 'm', 'd'])),
    staatsangehoerigkeit: laendercode,
    rolle: z.enum(ROLLEN).exclude(['antragsteller']),
    einkommenArt: waehlbar(z.enum(EINKOMMEN_ARTEN).exclude(['einmalig'])),
    bruttoCent: cent,
    nettoCent: cent,
    betragCent: cent,
  }),
  z.strictObject({ typ: z.literal('person_austritt'), ab: datumSchema, personId: z.uuid() }),
]);
export type Aenderung = z.infer<typeof aenderungSchema>;

const MELDUNG: Record<string, string> = {
  personId: 'Bitte wählen Sie die Person aus.',
  kommuneId: 'Bitte wählen Sie die Kommune aus.',
  plz: 'Bitte eine fünfstellige Postleitzahl angeben.',
  staatsangehoerigkeit: 'Bitte den zweistelligen Ländercode angeben, z. B. DE (XX = staatenlos oder ungeklärt).',
  ab: 'Bitte ein gültiges Datum angeben.',
  geburtsdatum: 'Bitte ein gültiges Datum angeben.',
};

/** Amounts a change needs besides its shape (income: brutto/netto for work, else the amount). */
function fachlichePruefung(a: Aenderung, i: number): FieldIssue[] {
  const fehlt = (feld: string, message = 'Bitte geben Sie den Betrag an.') => ({ path: `aenderungen.${i}.${feld}`, code: 'pflichtfeld', message });
  const issues: FieldIssue[] = [];
  const betraege = (art: string | null, b: { bruttoCent: number | null; nettoCent: number | null; betragCent: number | null }) => {
    if (art === 'erwerbstaetigkeit') {
      if (b.bruttoCent === null) issues.push(fehlt('bruttoCent'));
      if (b.nettoCent === null) issues.push(fehlt('nettoCent'));
      if (b.bruttoCent !== null && b.nettoCent !== null && b.nettoCent > b.bruttoCent) issues.push({ path: `aenderungen.${i}.nettoCent`, code: 'netto_ueber_brutto', message: 'Das Netto kann nicht höher sein als das Brutto.' });
    } else if (art !== null && b.betragCent === null) issues.push(fehlt('betragCent'));
  };
  if (a.typ === 'einkommen') {
    if (a.ende && !a.einkommenId) issues.push({ path: `aenderungen.${i}.einkommenId`, code: 'pflichtfeld', message: 'Bitte wählen Sie das Einkommen aus, das endet.' });
    if (!a.ende) betraege(a.art, a);
  }
  if (a.typ === 'person_aufnehmen') betraege(a.einkommenArt, a);
  if (a.typ === 'unterkunft' && !a.keine) {
    for (const f of ['grundmieteCent', 'nebenkostenCent', 'heizkostenCent'] as const) if (a[f] === null) issues.push(fehlt(f));
  }
  return issues;
}

/** An error of one change, its field paths prefixed with the change's number so the page shows it there. */
function fuerAenderung(err: unknown, i: number): unknown {
  if (!(err instanceof AppError)) return err;
  const issues = err.issues.map((x) => ({ ...x, path: `aenderungen.${i}.${x.path.split('.').pop() ?? x.path}` }));
  return new AppError(err.code, err.status, `Änderung ${i + 1}: ${err.message}`, issues, err.extra);
}

async function wende(ctx: AppContext, actor: Actor, tx: Tx, bgId: string, version: number, a: Aenderung): Promise<number> {
  const base = { ctx, actor, tx };
  switch (a.typ) {
    case 'einkommen': {
      const einkommen = a.ende
        ? null
        : a.art === 'erwerbstaetigkeit'
          ? { art: a.art, bruttoCent: a.bruttoCent!, nettoCent: a.nettoCent!, ...(a.bezeichnung ? { bezeichnung: a.bezeichnung } : {}) }
          : { art: a.art, betragCent: a.betragCent!, ...(a.bezeichnung ? { bezeichnung: a.bezeichnung } : {}) };
      return (await aendereEinkommen.run({ ...base, input: { id: bgId, version, ab: a.ab, personId: a.personId, ...(a.einkommenId ? { einkommenId: a.einkommenId } : {}), einkommen } })).version;
    }
    case 'adresse':
      return (
        await aendereAdresse.run({
          ...base,
          input: { id: bgId, version, ab: a.ab, adresse: { strasse: a.strasse, hausnummer: a.hausnummer, zusatz: a.zusatz || null, plz: a.plz, ort: a.ort, kommuneId: a.kommuneId } },
        })
      ).version;
    case 'unterkunft':
      return (
        await aendereUnterkunft.run({
          ...base,
          input: {
            id: bgId,
            version,
            ab: a.ab,
            unterkunft: a.keine ? null : { grundmieteCent: a.grundmieteCent!, nebenkostenCent: a.nebenkostenCent!, heizkostenCent: a.heizkostenCent!, warmwasserDezentral: a.warmwasserDezentral },
          },
        })
      ).version;
    case 'bank':
      return (await aendereBankverbindung.run({ ...base, input: { id: bgId, version, ab: a.ab, bank: { iban: a.iban, kontoinhaber: a.kontoinhaber } } })).version;
    case 'person_aufnehmen': {
      const einkommen =
        a.einkommenArt === null
          ? []
          : [a.einkommenArt === 'erwerbstaetigkeit' ? { art: a.einkommenArt, bruttoCent: a.bruttoCent!, nettoCent: a.nettoCent! } : { art: a.einkommenArt, betragCent: a.betragCent! }];
      const person = {
        vorname: a.vorname,
        nachname: a.nachname,
        geburtsdatum: a.geburtsdatum,
        geschlecht: a.geschlecht,
        staatsangehoerigkeit: a.staatsangehoerigkeit,
        rolle: a.rolle,
        ...(einkommen.length ? { einkommen } : {}),
      };
      return (await personAufnehmen.run({ ...base, input: { id: bgId, version, ab: a.ab, person } })).version;
    }
    case 'person_austritt':
      return (await personAustritt.run({ ...base, input: { id: bgId, version, ab: a.ab, personId: a.personId } })).version;
  }
}

/**
 * Applies a citizen's Veränderungsmitteilung to the Fallakte after the caseworker checked (and perhaps corrected)
 * the prepared changes: all changes in ONE transaction through the Fallakte's own use cases (each writes its history
 * line and audit entry), the Antrag marked as applied (never twice; optimistic locking on Fallakte and Antrag), the
 * notice's clean uploads copied into the documents. An empty list closes a notice that changes nothing (absence).
 */
/** Each change checked on its own: its issues at `aenderungen.<Nr>.<Feld>` with a message for people. */
const aenderungenSchema = z
  .array(z.unknown())
  .max(20)
  .transform((liste, ctx) => {
    const aenderungen: Aenderung[] = [];
    liste.forEach((roh, i) => {
      const r = aenderungSchema.safeParse(roh);
      if (!r.success) {
        for (const x of r.error.issues) {
          const feld = String(x.path[0] ?? 'typ');
          const message = MELDUNG[feld] ?? (feld.endsWith('Cent') ? x.message : x.code === 'too_small' || x.code === 'invalid_type' ? 'Bitte ausfüllen.' : 'Bitte prüfen Sie diese Angabe.');
          ctx.addIssue({ code: 'custom', path: [i, feld], message, input: roh });
        }
        return;
      }
      for (const x of fachlichePruefung(r.data, i)) ctx.addIssue({ code: 'custom', path: x.path.split('.').slice(1), message: x.message, input: roh });
      aenderungen.push(r.data);
    });
    return aenderungen;
  });

export const mitteilungAnwendenSchema = z.strictObject({
  /** The Fallakte and the Antrag from the URL; an unknown or malformed id answers 404. */
  id: z.string().max(100).describe('Fallakte (UUID)'),
  antragId: z.string().max(100).describe('Veränderungsmitteilung (Antrag, UUID)'),
  version: ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 1, 2_147_483_647).describe('gelesene Version der Fallakte'),
  antragVersion: ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 1, 2_147_483_647).describe('gelesene Version des Antrags'),
  aenderungen: aenderungenSchema,
});

/**
 * Applies a citizen's Veränderungsmitteilung to the Fallakte after the caseworker checked (and perhaps corrected)
 * the prepared changes: all changes in ONE transaction through the Fallakte's own use cases (each writes its history
 * line and audit entry), the Antrag marked as applied (never twice; optimistic locking on Fallakte and Antrag), the
 * notice's clean uploads copied into the documents. An empty list closes a notice that changes nothing (absence).
 */
export const mitteilungAnwenden = defineUseCase({
  name: 'fall.mitteilung-anwenden',
  zugang: 'angemeldet',
  input: mitteilungAnwendenSchema,
  audit: ['fallakte.update', 'person.create'],
  run: async ({ ctx, actor, input: opts }) => {
    const { aenderungen } = opts;
    return mitUeberschneidungsFehler(() =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const { bg, antrag, payload } = await ladeMitteilung(tx, actor, opts.id, opts.antragId, 'fall.bearbeiten');
        if (payload.angewendet) throw new AppError('schon_angewendet', 409, `Diese Veränderungsmitteilung wurde am ${datumText(payload.angewendet.am.slice(0, 10))} von ${payload.angewendet.vonName} übernommen.`);
        if (antrag.version !== opts.antragVersion || bg.version !== opts.version) throw versionConflict();
        let version = opts.version;
        for (const [i, a] of aenderungen.entries()) {
          try {
            version = await wende(ctx, actor, tx, bg.id, version, a);
          } catch (err) {
            throw fuerAenderung(err, i);
          }
        }
        const angewendet = { am: ctx.clock.now().toISOString(), vonId: actor.userId, vonName: actor.name, aenderungen: aenderungen.length };
        const aktualisiert = await antraegeRepository.update(tx, antrag.id, antrag.version, {
          payload: { ...payload, angewendet },
          // the Integration's proposal (channel 'intern') has nothing left to decide once applied: it closes; a
          // citizen's notice stays in Bearbeitung (the caseworker closes it, e.g. with the Änderungsbescheid)
          ...(antrag.eingangskanal === 'intern'
            ? { status: 'entschieden' as const, erledigtAm: ctx.clock.now() }
            : antrag.status === 'eingegangen'
              ? { status: 'in_bearbeitung' as const }
              : {}),
        });
        if (!aktualisiert) throw versionConflict();
        const dokumente = await uebernehmePortalDateien(tx, actor, { id: antrag.id, bgId: bg.id });
        const woher = antrag.eingangskanal === 'intern' ? 'von der Integration' : 'aus dem Bürgerportal';
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: 'mitteilung_uebernommen',
          beschreibung:
            aenderungen.length === 0
              ? `Veränderungsmitteilung vom ${datumText(antrag.antragsdatum)} ${woher} geprüft: keine Änderung der Fallakte.`
              : `Veränderungsmitteilung vom ${datumText(antrag.antragsdatum)} ${woher} geprüft und übernommen (${aenderungen.length} Änderung${aenderungen.length === 1 ? '' : 'en'}).`,
          details: { antragId: antrag.id, typen: aenderungen.map((a) => a.typ) },
          zweck: 'Leistungssachbearbeitung: Veränderungsmitteilung übernehmen',
        });
        return { version, aenderungen: aenderungen.length, dokumente };
      }),
    );
  },
});
