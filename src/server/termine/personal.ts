import { termineRepository } from '../../db/repositories/termine.ts';
import {
  checkinStatus,
  CHECKIN_MELDUNG,
  checkinMeldung,
  einladungstext,
  ergebnisErfassen,
  pruefeCheckinToken,
  sprechzeitSchema,
  type EinladungStatus,
  type Kanal,
} from '../../domain/termine/index.ts';
import { MELDEZWECKE, type MeldeErgebnis, type Meldezweck } from '../../domain/recht/meldeaufforderung.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../errors.ts';
import { visibleStandorte } from '../policies.ts';
import { bucheTermin, type BuchendePerson } from './buche-termin.ts';
import { alsTerminZeit, darfSehen, regelnFuer, sendeNachCommit, terminNichtGefunden } from './gemeinsam.ts';
import { checkinGeheimnis, empfaenger, terminMail } from './mails.ts';

const TAG = 86_400_000;

function standortErlaubt(actor: Actor, standortId: string): boolean {
  const sichtbar = visibleStandorte(actor);
  return sichtbar === 'alle' || sichtbar.includes(standortId);
}

/** Bookable desks of the actor's Standorte (all for Träger-wide roles). */
export async function listeRessourcen(opts: { ctx: AppContext; actor: Actor }) {
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const daten = await termineRepository.stammdaten(tx);
    const ressourcen = daten.ressourcen.filter((r) => standortErlaubt(opts.actor, r.standortId));
    return ressourcen.map((r) => ({
      ...r,
      sprechzeiten: daten.sprechzeiten.filter((s) => s.ressourceId === r.id),
      ausnahmen: daten.ausnahmen.filter((a) => a.ressourceId === r.id),
    }));
  });
}

export async function eigeneRessource(opts: { ctx: AppContext; actor: Actor }, tx: Parameters<Parameters<AppContext['db']['withTenant']>[1]>[0], id: string) {
  const r = await termineRepository.findRessource(tx, id);
  if (!r || !standortErlaubt(opts.actor, r.standortId)) throw notFound('Die Ressource');
  // staff maintain their own hours; team leads and admins every desk of their Standorte
  const leitung = opts.actor.roles.includes('teamleitung') || opts.actor.roles.includes('admin');
  if (!leitung && r.userId !== opts.actor.userId) throw new AppError('forbidden', 403, 'Sie können nur Ihre eigenen Sprechzeiten pflegen.');
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
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const r = await eigeneRessource(opts, tx, opts.ressourceId);
    return termineRepository.insertAusnahme(tx, { traegerId: opts.actor.traegerId, ressourceId: r.id, art: opts.input.art, datum: opts.input.datum, von: opts.input.von ?? null, bis: opts.input.bis ?? null, grund: opts.input.grund ?? null });
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
      const basis = await terminMail({ ctx, tx, termin: t, art: 'bestaetigung', basisUrl: opts.basisUrl, jetzt: opts.jetzt ?? new Date(), verwaltungsToken });
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
  const jetzt = opts.jetzt ?? new Date();
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
  const jetzt = opts.jetzt ?? new Date();
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
