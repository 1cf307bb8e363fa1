import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { einladungstext, instantAus, type Kanal } from '../../domain/termine/index.ts';
import { MELDEZWECKE, type Meldezweck } from '../../domain/recht/meldeaufforderung.ts';
import { publicBaseUrl } from '../auth/public-url.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound, validationFailed } from '../errors.ts';
import { leerAlsFehlend, zeilenListe } from '../schemas/formular.ts';
import { istUuid, kalenderdatum, minutenVon, text, uhrzeit, zeitpunkt } from '../schemas/grenzen.ts';
import { can, standortErreichbar } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { bucheTermin, type BuchendePerson } from './buche-termin.ts';
import { kanalFeld, kennung } from './eingaben.ts';
import { sendeNachCommit } from './gemeinsam.ts';
import { terminMail } from './mails.ts';

const ZWECKE = Object.keys(MELDEZWECKE) as [Meldezweck, ...Meldezweck[]];

/**
 * The input of an Einladung. The start is `beginn` (API: ISO 8601 with zone) or `datum` + `uhrzeit` (form, local
 * time Europe/Berlin); the form's textarea `mitbringen` has one document per line.
 */
export const einladungEingabe = z
  .object({
    anliegenId: z.string().min(1, { error: 'Bitte wählen Sie das Anliegen.' }).max(100),
    kanal: kanalFeld(),
    beginn: leerAlsFehlend(zeitpunkt()),
    datum: leerAlsFehlend(kalenderdatum()),
    uhrzeit: leerAlsFehlend(uhrzeit()),
    standortId: leerAlsFehlend(kennung()),
    ressourceId: leerAlsFehlend(kennung()),
    buergerUserId: leerAlsFehlend(kennung()),
    email: leerAlsFehlend(z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' }).max(254)),
    name: z.string({ error: 'Bitte geben Sie den Namen an.' }).trim().min(1, { error: 'Bitte geben Sie den Namen an.' }).max(200),
    personId: leerAlsFehlend(kennung()),
    bgId: leerAlsFehlend(kennung()),
    zweck: z.enum(ZWECKE, { error: 'Bitte wählen Sie den Zweck der Einladung.' }),
    thema: leerAlsFehlend(text(200)),
    mitbringen: zeilenListe(text(200)).pipe(z.array(z.string()).max(20)).optional(),
  })
  .check((p) => {
    const e = p.value;
    if (e.beginn) return;
    if (!e.datum && !p.issues.some((i) => i.path?.[0] === 'datum')) p.issues.push({ code: 'custom', path: ['datum'], message: 'Bitte geben Sie das Datum an.', input: e });
    if (!e.uhrzeit && !p.issues.some((i) => i.path?.[0] === 'uhrzeit')) p.issues.push({ code: 'custom', path: ['uhrzeit'], message: 'Bitte geben Sie die Uhrzeit im Format HH:MM an.', input: e });
    if (!e.buergerUserId && !e.email && !p.issues.some((i) => i.path?.[0] === 'email')) p.issues.push({ code: 'custom', path: ['email'], message: 'Bitte geben Sie ein Konto oder eine E-Mail-Adresse an.', input: e });
  })
  .transform(({ datum, uhrzeit: zeit, ...e }) => ({ ...e, beginn: e.beginn ?? new Date(instantAus(datum!, minutenVon(zeit!))) }));

/**
 * The Fallakte (and person) an invitation names must be one the inviting person may read (`fall.lesen` at its
 * Standort): an unknown id, one of another Träger or of a Standort out of reach is 404 and nothing is booked; a person
 * is only accepted together with the Fallakte they belong to.
 */
async function pruefeFallakteDerEinladung(ctx: AppContext, actor: Actor, input: { personId?: string | undefined; bgId?: string | undefined }) {
  if (input.personId && !input.bgId) throw validationFailed([{ path: 'bgId', code: 'required', message: 'Bitte geben Sie zur Person auch die Fallakte an.' }]);
  if (!input.bgId) return;
  const bgId = input.bgId;
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = istUuid(bgId) ? await fallRepository.findBg(tx, bgId) : undefined;
    if (!bg || !can(actor, 'fall.lesen') || !standortErreichbar(actor, 'fall.lesen', bg.standortId)) throw notFound('Die Fallakte');
    if (input.personId && (!istUuid(input.personId) || !(await fallRepository.istMitglied(tx, bg.id, input.personId)))) throw notFound('Die Person');
  });
}

/**
 * Einladung by staff: books the appointment (art 'einladung', guarded by the same exclusion constraint) and stores
 * the Meldeaufforderung text as sent; the citizen gets it by e-mail with the .ics file.
 */
export const einladen = defineUseCase({
  name: 'termine.einladen',
  zugang: 'termine.bearbeiten',
  input: einladungEingabe,
  audit: ['termin.create'],
  run: async ({ ctx, actor, input }) => {
    await pruefeFallakteDerEinladung(ctx, actor, input);
    const basisUrl = publicBaseUrl(ctx);
    const jetzt = ctx.clock.now();
    const person: BuchendePerson = input.buergerUserId ? { userId: input.buergerUserId, name: input.name } : { email: input.email!, name: input.name };
    let mail: Awaited<ReturnType<typeof terminMail>>;
    const termin = await bucheTermin({
      ctx,
      traegerId: actor.traegerId,
      actor,
      person,
      input: { anliegenId: input.anliegenId, kanal: input.kanal, beginn: input.beginn, standortId: input.standortId, ressourceId: input.ressourceId },
      basisUrl,
      art: 'einladung',
      nachInsert: async (tx, t, verwaltungsToken) => {
        // staff invite only to a Standort they work for (otherwise the appointment would be out of their own reach)
        if (!standortErreichbar(actor, 'termine.bearbeiten', t.standortId)) throw notFound('Der Standort');
        const daten = await termineRepository.stammdaten(tx);
        const standort = daten.standorte.find((s) => s.id === t.standortId);
        const brief = einladungstext({
          zweck: input.zweck,
          ...(input.thema ? { thema: input.thema } : {}),
          beginn: t.beginn,
          ende: t.ende,
          kanal: t.kanal as Kanal,
          ort: { standortName: standort?.name ?? '', anschrift: standort ? `${standort.strasse}, ${standort.plz} ${standort.ort}` : '' },
          mitbringen: input.mitbringen ?? [],
          ansprechperson: actor.name,
        });
        const volltext = [brief.betreff, '', brief.zweck, brief.zeit, brief.ort, ...(brief.mitbringen.length ? ['Bitte bringen Sie mit:', ...brief.mitbringen.map((m) => `- ${m}`)] : []), '', brief.rechtsgrundlage, '', brief.rechtsfolgenbelehrung, '', brief.wichtigerGrund].join('\n');
        await termineRepository.insertEinladung(tx, {
          traegerId: actor.traegerId,
          terminId: t.id,
          personId: input.personId ?? null,
          bgId: input.bgId ?? null,
          zweck: input.zweck,
          thema: input.thema ?? null,
          unterlagen: input.mitbringen ?? [],
          text: volltext,
          createdBy: actor.userId,
          // the day of the Rechtsfolgenbelehrung (Fordern) is the injected clock's, not the database's
          createdAt: jetzt,
          updatedAt: jetzt,
        });
        const basis = await terminMail({ ctx, tx, termin: t, art: 'bestaetigung', basisUrl, jetzt, verwaltungsToken });
        mail = basis ? { ...basis, subject: brief.betreff, text: `${volltext}\n\n${basis.text}` } : undefined;
      },
    });
    await sendeNachCommit(ctx, actor.traegerId, [mail]);
    return termin;
  },
});
