import { termineRepository } from '../../db/repositories/termine.ts';
import {
  checkinStatus,
  CHECKIN_MELDUNG,
  checkinMeldung,
  einladungstext,
  ergebnisErfassen,
  pruefeCheckinToken,
  sprechzeitSchema,
  ausnahmeSchema,
  type EinladungStatus,
  type Kanal,
} from '../../domain/termine/index.ts';
import { MELDEZWECKE, type MeldeErgebnis, type Meldezweck } from '../../domain/recht/meldeaufforderung.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../errors.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { isUuid } from '../fall/common.ts';
import { authorize, can, standortErreichbar, type Permission } from '../policies.ts';
import { bucheTermin, type BuchendePerson } from './buche-termin.ts';
import { alsTerminZeit, darfSehen, regelnFuer, sendeNachCommit, terminNichtGefunden } from './gemeinsam.ts';
import { checkinGeheimnis, empfaenger, terminMail } from './mails.ts';

const TAG = 86_400_000;

function standortErlaubt(actor: Actor, standortId: string, permission: Permission = 'termine.bearbeiten'): boolean {
  return standortErreichbar(actor, permission, standortId);
}

/**
 * Does the actor reach this bookable desk (permission table, `berechtigungen.ts`)? `'pflegen'`: may maintain its
 * Sprechzeiten, Ausnahmen and Abwesenheiten – with `termine.planen` every desk in reach, with
 * `termine.eigenerKalender` only the own desk; `'sehen'`: sees it (appointments of its Standort) but may not change it.
 */
export function ressourcenZugriff(actor: Actor, r: { standortId: string; userId: string | null }): 'pflegen' | 'sehen' | null {
  if (standortErlaubt(actor, r.standortId, 'termine.planen')) return 'pflegen';
  if (can(actor, 'termine.eigenerKalender') && r.userId === actor.userId) return 'pflegen';
  if (standortErlaubt(actor, r.standortId, 'termine.bearbeiten')) return 'sehen';
  return null;
}

/** Bookable desks the actor reaches: of their Standorte (Träger-wide for admin planning), or only their own desk. */
export async function listeRessourcen(opts: { ctx: AppContext; actor: Actor }) {
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const daten = await termineRepository.stammdaten(tx);
    const ressourcen = daten.ressourcen.filter((r) => ressourcenZugriff(opts.actor, r) !== null);
    return ressourcen.map((r) => ({
      ...r,
      /** may the actor maintain this desk's hours, exceptions and absences */
      darfPflegen: ressourcenZugriff(opts.actor, r) === 'pflegen',
      sprechzeiten: daten.sprechzeiten.filter((s) => s.ressourceId === r.id),
      ausnahmen: daten.ausnahmen.filter((a) => a.ressourceId === r.id),
    }));
  });
}

export async function eigeneRessource(opts: { ctx: AppContext; actor: Actor }, tx: Parameters<Parameters<AppContext['db']['withTenant']>[1]>[0], id: string) {
  const r = await termineRepository.findRessource(tx, id);
  // staff maintain their own desk (termine.eigenerKalender); Teamleitung and admin every desk in reach (termine.planen)
  const zugriff = r ? ressourcenZugriff(opts.actor, r) : null;
  if (!r || !zugriff) throw notFound('Die Ressource');
  if (zugriff !== 'pflegen') throw new AppError('forbidden', 403, 'Sie können nur Ihre eigenen Sprechzeiten pflegen.');
  return r;
}

export async function sprechzeitHinzufuegen(opts: { ctx: AppContext; actor: Actor; ressourceId: string; input: unknown }) {
  const parsed = sprechzeitSchema.safeParse(opts.input);
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })));
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const r = await eigeneRessource(opts, tx, opts.ressourceId);
    const s = parsed.data;
    return termineRepository.insertSprechzeit(tx, {
      traegerId: opts.actor.traegerId,
      ressourceId: r.id,
      wochentag: s.wochentag,
      von: s.von,
      bis: s.bis,
      gueltigAb: s.gueltigAb ?? null,
      gueltigBis: s.gueltigBis ?? null,
      kanaele: s.kanaele ?? null,
    });
  });
}

export async function sprechzeitEntfernen(opts: { ctx: AppContext; actor: Actor; ressourceId: string; sprechzeitId: string }) {
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const r = await eigeneRessource(opts, tx, opts.ressourceId);
    if (!/^[0-9a-f-]{36}$/i.test(opts.sprechzeitId) || !(await termineRepository.deleteSprechzeit(tx, r.id, opts.sprechzeitId))) throw notFound('Die Sprechzeit');
  });
}

export async function ausnahmeHinzufuegen(opts: { ctx: AppContext; actor: Actor; ressourceId: string; input: { art: 'zusaetzlich' | 'geschlossen'; datum: string; von?: string | undefined; bis?: string | undefined; grund?: string | undefined } }) {
  // the same rules the free-time search relies on: a real date, HH:MM times with von < bis, times required for `zusaetzlich`
  const parsed = ausnahmeSchema.safeParse(opts.input);
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'art', code: i.code, message: i.message })));
  const a = parsed.data;
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const r = await eigeneRessource(opts, tx, opts.ressourceId);
    return termineRepository.insertAusnahme(tx, { traegerId: opts.actor.traegerId, ressourceId: r.id, art: a.art, datum: a.datum, von: a.von ?? null, bis: a.bis ?? null, grund: (a.art === 'geschlossen' ? a.grund : undefined) ?? opts.input.grund ?? null });
  });
}

export async function abwesenheitHinzufuegen(opts: { ctx: AppContext; actor: Actor; ressourceId: string; input: { von: Date; bis: Date; grund?: string | undefined } }) {
  if (opts.input.bis.getTime() <= opts.input.von.getTime()) throw validationFailed([{ path: 'bis', code: 'too_small', message: 'Das Ende muss nach dem Beginn liegen.' }]);
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const r = await eigeneRessource(opts, tx, opts.ressourceId);
    return termineRepository.insertAbwesenheit(tx, { traegerId: opts.actor.traegerId, ressourceId: r.id, von: opts.input.von, bis: opts.input.bis, grund: opts.input.grund ?? null });
  });
}

/**
 * Calendar of one person (own desk or a given Ressource), a team (Ressourcen with the team label) or a Standort,
 * for one day or a week from `datum`, with status and check-in.
 */
export async function kalender(opts: { ctx: AppContext; actor: Actor; input: { ansicht: 'person' | 'team' | 'standort'; datum: Date; tage: number; ressourceId?: string | undefined; standortId?: string | undefined; team?: string | undefined } }) {
  const { actor, input } = opts;
  return opts.ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const daten = await termineRepository.stammdaten(tx);
    authorize(actor, 'termine.bearbeiten');
    let ressourcen = daten.ressourcen.filter((r) => standortErlaubt(actor, r.standortId));
    if (input.ansicht === 'person') ressourcen = ressourcen.filter((r) => (input.ressourceId ? r.id === input.ressourceId : r.userId === actor.userId));
    if (input.ansicht === 'team') ressourcen = ressourcen.filter((r) => r.team === (input.team ?? null) || (input.team === undefined && r.standortId === input.standortId));
    if (input.ansicht === 'standort') {
      if (!input.standortId || !standortErlaubt(actor, input.standortId)) throw notFound('Der Standort');
      ressourcen = ressourcen.filter((r) => r.standortId === input.standortId);
    }
    const termine = await termineRepository.termineImZeitraum(tx, { von: input.datum, bis: new Date(input.datum.getTime() + input.tage * TAG), ressourceIds: ressourcen.map((r) => r.id) });
    await recordAudit(tx, actor, { objectType: 'terminkalender', action: 'read', purpose: 'Terminkalender ansehen', details: { ansicht: input.ansicht, anzahl: termine.length } });
    return { ressourcen: ressourcen.map((r) => ({ id: r.id, name: r.name, standortId: r.standortId })), termine, anliegen: daten.anliegen };
  });
}

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
    const bg = isUuid(bgId) ? await fallRepository.findBg(tx, bgId) : undefined;
    if (!bg || !can(actor, 'fall.lesen') || !standortErreichbar(actor, 'fall.lesen', bg.standortId)) throw notFound('Die Fallakte');
    if (input.personId && (!isUuid(input.personId) || !(await fallRepository.istMitglied(tx, bg.id, input.personId)))) throw notFound('Die Person');
  });
}

/**
 * Einladung by staff: books the appointment (art 'einladung', guarded by the same exclusion constraint) and stores
 * the Meldeaufforderung text as sent; the citizen gets it by e-mail with the .ics file.
 */
export async function ladeEin(opts: {
  ctx: AppContext;
  actor: Actor;
  input: { anliegenId: string; kanal: Kanal; beginn: Date; standortId?: string | undefined; ressourceId?: string | undefined; buergerUserId?: string | undefined; email?: string | undefined; name: string; personId?: string | undefined; bgId?: string | undefined; zweck: Meldezweck; thema?: string | undefined; mitbringen?: string[] | undefined };
  basisUrl: string;
  jetzt?: Date;
}) {
  const { ctx, actor, input } = opts;
  authorize(actor, 'termine.bearbeiten');
  await pruefeFallakteDerEinladung(ctx, actor, input);
  if (!(input.zweck in MELDEZWECKE)) throw validationFailed([{ path: 'zweck', code: 'invalid', message: 'Bitte wählen Sie den Zweck der Einladung.' }]);
  const person: BuchendePerson = input.buergerUserId ? { userId: input.buergerUserId, name: input.name } : input.email ? { email: input.email, name: input.name } : (() => { throw validationFailed([{ path: 'email', code: 'required', message: 'Bitte geben Sie ein Konto oder eine E-Mail-Adresse an.' }]); })();
  let mail: Awaited<ReturnType<typeof terminMail>>;
  const termin = await bucheTermin({
    ctx,
    traegerId: actor.traegerId,
    actor,
    person,
    input: { anliegenId: input.anliegenId, kanal: input.kanal, beginn: input.beginn, standortId: input.standortId, ressourceId: input.ressourceId },
    basisUrl: opts.basisUrl,
    art: 'einladung',
    ...(opts.jetzt ? { jetzt: opts.jetzt } : {}),
    nachInsert: async (tx, t, verwaltungsToken) => {
      // staff invite only to a Standort they work for (otherwise the appointment would be out of their own reach)
      if (!standortErlaubt(actor, t.standortId)) throw notFound('Der Standort');
      const daten = await termineRepository.stammdaten(tx);
      const standort = daten.standorte.find((s) => s.id === t.standortId);
      const text = einladungstext({
        zweck: input.zweck,
        ...(input.thema ? { thema: input.thema } : {}),
        beginn: t.beginn,
        ende: t.ende,
        kanal: t.kanal as Kanal,
        ort: { standortName: standort?.name ?? '', anschrift: standort ? `${standort.strasse}, ${standort.plz} ${standort.ort}` : '' },
        mitbringen: input.mitbringen ?? [],
        ansprechperson: actor.name,
      });
      const volltext = [text.betreff, '', text.zweck, text.zeit, text.ort, ...(text.mitbringen.length ? ['Bitte bringen Sie mit:', ...text.mitbringen.map((m) => `- ${m}`)] : []), '', text.rechtsgrundlage, '', text.rechtsfolgenbelehrung, '', text.wichtigerGrund].join('\n');
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
      });
      const basis = await terminMail({ ctx, tx, termin: t, art: 'bestaetigung', basisUrl: opts.basisUrl, jetzt: opts.jetzt ?? opts.ctx.clock.now(), verwaltungsToken });
      mail = basis ? { ...basis, subject: text.betreff, text: `${volltext}\n\n${basis.text}` } : undefined;
    },
  });
  await sendeNachCommit(ctx, actor.traegerId, [mail]);
  return termin;
}

export async function einladungLesen(opts: { ctx: AppContext; actor: Actor; id: string }) {
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const e = await termineRepository.findEinladung(tx, opts.id);
    const t = e && (await termineRepository.findTermin(tx, e.terminId));
    if (!e || !t || !darfSehen(opts.actor, t)) throw notFound('Die Einladung');
    await recordAudit(tx, opts.actor, { objectType: 'einladung', objectId: e.id, personId: e.personId, action: 'read', purpose: 'Einladung ansehen' });
    return { einladung: e, termin: t };
  });
}

/** Records the outcome of an invitation (once, from the start of the appointment). */
export async function erfasseErgebnis(opts: { ctx: AppContext; actor: Actor; id: string; input: { ergebnis: MeldeErgebnis; begruendung?: string | undefined; version: number }; jetzt?: Date }) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const e = await termineRepository.findEinladung(tx, opts.id);
    const t = e && (await termineRepository.findTermin(tx, e.terminId));
    if (!e || !t || !darfSehen(opts.actor, t)) throw notFound('Die Einladung');
    if (e.version !== opts.input.version) throw versionConflict();
    const r = ergebnisErfassen(e.status as EinladungStatus, t.beginn, { ergebnis: opts.input.ergebnis, ...(opts.input.begruendung ? { begruendung: opts.input.begruendung } : {}) }, jetzt);
    if (!r.ok) throw new AppError(r.code, r.code === 'grund_fehlt' ? 400 : 409, r.meldung, r.code === 'grund_fehlt' ? [{ path: 'begruendung', code: 'required', message: r.meldung }] : []);
    const neu = await termineRepository.updateEinladung(tx, e.id, e.version, { status: r.status, begruendung: opts.input.begruendung ?? null, ergebnisAm: jetzt, ergebnisVon: opts.actor.userId });
    if (!neu) throw versionConflict();
    await termineRepository.updateTermin(tx, t.id, t.version, { status: r.status === 'wahrgenommen' ? 'wahrgenommen' : 'nicht_erschienen' });
    await recordAudit(tx, opts.actor, { objectType: 'einladung', objectId: e.id, personId: e.personId, action: 'update', purpose: 'Ergebnis einer Einladung erfassen', details: { ergebnis: r.status } });
    return neu;
  });
}

/** Check-in at the front desk: staff of the Standort open the link of the QR code; arrival is recorded. */
export async function checkIn(opts: { ctx: AppContext; actor: Actor; token: string; jetzt?: Date }) {
  const jetzt = opts.jetzt ?? opts.ctx.clock.now();
  const p = pruefeCheckinToken(opts.token, checkinGeheimnis(opts.ctx), jetzt);
  if (!p.ok) throw new AppError(p.code, p.code === 'token_abgelaufen' ? 410 : 400, p.meldung);
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const t = await termineRepository.findTermin(tx, p.terminId);
    if (!t || !darfSehen(opts.actor, t)) throw terminNichtGefunden();
    const regeln = await regelnFuer(tx, t.traegerId);
    const status = checkinStatus(alsTerminZeit(t), jetzt, regeln);
    if (status !== 'moeglich') throw new AppError(`checkin_${status}`, 409, checkinMeldung(status, regeln));
    const neu = t.eingechecktAm ? t : await termineRepository.updateTermin(tx, t.id, t.version, { eingechecktAm: jetzt });
    const person = await empfaenger(tx, t);
    await recordAudit(tx, opts.actor, { objectType: 'termin', objectId: t.id, personId: t.buergerUserId, action: 'update', purpose: 'Ankunft am Standort erfassen (Check-in)' });
    return { termin: neu ?? t, name: person?.name ?? '', meldung: CHECKIN_MELDUNG.moeglich };
  });
}
