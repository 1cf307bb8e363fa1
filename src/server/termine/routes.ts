import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TerminRow } from '../../db/repositories/termine.ts';
import { KANAELE, REGEL_GRENZEN } from '../../domain/termine/index.ts';
import { apiErrorSchema as errorSchema } from '../use-case.ts';
import { publicBaseUrl } from '../auth/public-url.ts';
import type { AppContext } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { requireActor } from '../http.ts';
import { apiRoute, zodIssues } from '../use-case.ts';
import { authorize, authorizeOneOf } from '../policies.ts';
import { terminAbsagen } from './termin-absagen.ts';
import { terminPerLinkAbsagen } from './termin-per-link-absagen.ts';
import { terminPerLinkAnsehen } from './termin-per-link-ansehen.ts';
import { terminPerLinkVerschieben } from './termin-per-link-verschieben.ts';
import { terminVerschieben } from './termin-verschieben.ts';
import { videoLink } from './mails.ts';
import { abwesenheitHinzufuegen } from './abwesenheit-hinzufuegen.ts';
import { anfrageBestaetigen } from './anfrage-bestaetigen.ts';
import { anfrageEingabe, anfrageStellen } from './anfrage-stellen.ts';
import { terminBuchen } from './termin-buchen.ts';
import { angebotAnnehmen } from './angebot-annehmen.ts';
import { angebotAnsehen } from './angebot-ansehen.ts';
import { anliegenAuflisten } from './anliegen-auflisten.ts';
import { freieZeitenAuflisten } from './freie-zeiten-auflisten.ts';
import { meineWarteliste } from './meine-warteliste.ts';
import { wartelisteEingabe, wartelisteEintragen } from './warteliste-eintragen.ts';
import { wartelisteEintragPerLinkAnsehen } from './warteliste-eintrag-per-link-ansehen.ts';
import { wartelisteEintragPerLinkZurueckziehen } from './warteliste-eintrag-per-link-zurueckziehen.ts';
import { wartelisteEintragZurueckziehen } from './warteliste-eintrag-zurueckziehen.ts';
import { ausnahmeHinzufuegen } from './ausnahme-hinzufuegen.ts';
import { ausnahmeFelder } from './eingaben.ts';
import { einchecken } from './einchecken.ts';
import { einladen } from './einladen.ts';
import { einladungAnsehen } from './einladung-ansehen.ts';
import { ergebnisErfassen } from './ergebnis-erfassen.ts';
import { kalenderAnsehen } from './kalender-ansehen.ts';
import { meineTermine } from './meine-termine.ts';
import { ressourcenAuflisten } from './ressourcen-auflisten.ts';
import { sprechzeitEntfernen } from './sprechzeit-entfernen.ts';
import { sprechzeitHinzufuegen } from './sprechzeit-hinzufuegen.ts';
import { terminAnsehen } from './termin-ansehen.ts';
import { terminRegelnLaden } from './termin-regeln-laden.ts';
import { terminRegelnSpeichern } from './termin-regeln-speichern.ts';

const kanal = z.enum(KANAELE);
const zeitpunkt = z.iso.datetime({ offset: true }).describe('Zeitpunkt (ISO 8601 mit Zeitzone)');
const uuid = z.string().max(100);
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 410: errorSchema, 429: errorSchema };
const tags = ['Termine'];
const tagsPersonal = ['Termine: Personal'];
const security = [{ sitzung: [] }];

const zeitSchema = z.object({ beginn: z.string(), ende: z.string(), standortId: z.string(), kanaele: z.array(z.string()), datum: z.string(), uhrzeit: z.string() });

export const terminSchema = z.object({
  id: z.string(),
  anliegenId: z.string(),
  standortId: z.string(),
  ressourceId: z.string(),
  kanal: z.string(),
  art: z.string(),
  beginn: z.string(),
  ende: z.string(),
  status: z.string(),
  sequenz: z.number(),
  version: z.number(),
  eingechecktAm: z.string().nullable(),
  videoLink: z.string().nullable(),
});

export function presentTermin(t: TerminRow, basisUrl: string) {
  return {
    id: t.id,
    anliegenId: t.anliegenId,
    standortId: t.standortId,
    ressourceId: t.ressourceId,
    kanal: t.kanal,
    art: t.art,
    beginn: t.beginn.toISOString(),
    ende: t.ende.toISOString(),
    status: t.status,
    sequenz: t.sequenz,
    version: t.version,
    eingechecktAm: t.eingechecktAm?.toISOString() ?? null,
    videoLink: t.kanal === 'video' ? videoLink(basisUrl, t.id) : null,
  };
}

const linkParams = z.object({ token: z.string().max(200) });
const eintragSchema = z.object({ id: z.string(), anliegen: z.string(), kanaele: z.array(z.string()), status: z.string(), eingetragenAm: z.string() });
const presentEintrag = (e: { id: string; anliegenName: string; kanaele: string[]; status: string; eingetragenAm: Date }) => ({ id: e.id, anliegen: e.anliegenName, kanaele: e.kanaele, status: e.status, eingetragenAm: e.eingetragenAm.toISOString() });

const personal = async (req: FastifyRequest) => {
  authorize(requireActor(req), 'termine.bearbeiten');
};
/** Desks: Sprechzeiten, Ausnahmen, Abwesenheiten – own desk (termine.eigenerKalender) or all in reach (termine.planen). */
const kalenderPflege = async (req: FastifyRequest) => {
  authorizeOneOf(requireActor(req), ['termine.eigenerKalender', 'termine.planen']);
};

/** The requesting address is the server's to set (rate limit), never the client's. */
const mitIp = (req: FastifyRequest) => ({ ...(req.query as object), ...(req.body as object), ip: req.ip });

/** Input of the desk routes: the body plus the desk's id from the URL. */
const mitRessource = (req: FastifyRequest) => ({ ...(req.body as object), ressourceId: (req.params as { id: string }).id });

/** Query and body, then the URL's ids: an id in the body never replaces the one of the path. */
const pfadZuletzt = (req: FastifyRequest) => ({ ...(req.query as object), ...(req.body as object), ...(req.params as object) });

/** Termine: public free times, booking (signed in or with double opt-in), move, cancel, Warteliste; staff side. */
export function registerTermineRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const basis = (req: FastifyRequest) => publicBaseUrl(ctx, req);

  apiRoute(app, ctx, { method: 'GET', url: '/api/termine/anliegen', useCase: anliegenAuflisten, tags, summary: 'Online buchbare Anliegen und Standorte', querystring: anliegenAuflisten.input, response: z.object({ anliegen: z.array(z.object({}).passthrough()), standorte: z.array(z.object({}).passthrough()) }) });

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/termine/freie-zeiten',
    useCase: freieZeitenAuflisten,
    tags,
    summary: 'Freie Zeiten eines Anliegens (je Standort und Beginn)',
    querystring: freieZeitenAuflisten.input,
    response: z.object({ anliegen: z.object({ id: z.string(), name: z.string() }).passthrough(), zeiten: z.array(zeitSchema.extend({ plaetze: z.number().describe('freie Plätze zu dieser Zeit') })) }).passthrough(),
    present: (r) => ({
      ...r,
      zeiten: r.zeiten.map((zeit) => ({ beginn: zeit.beginn.toISOString(), ende: zeit.ende.toISOString(), standortId: zeit.standortId, kanaele: zeit.kanaele, datum: zeit.datum, uhrzeit: zeit.uhrzeit, plaetze: zeit.ressourcen.length })),
    }),
  });

  const buchungBody = z.object({ anliegenId: z.string().min(1).max(100), kanal, beginn: zeitpunkt, standortId: uuid.optional() });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/termine',
    useCase: terminBuchen,
    tags,
    summary: 'Termin buchen (angemeldete Bürgerin). Belegt → 409 slot_belegt mit alternativen',
    status: 201,
    body: buchungBody,
    response: terminSchema,
    present: (t, req) => presentTermin(t, basis(req)),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/termine/anfrage',
    useCase: anfrageStellen,
    tags,
    summary: 'Termin ohne Konto anfragen: Bestätigungslink per E-Mail (Double-Opt-in); gebucht wird erst mit dem Link',
    status: 202,
    body: anfrageEingabe.omit({ ip: true }),
    input: mitIp,
    response: z.object({ gesendetAn: z.string() }),
  });

  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/bestaetigung', useCase: anfrageBestaetigen, tags, summary: 'Double-Opt-in-Link einlösen und buchen (abgelaufen/verwendet → 410)', status: 201, response: terminSchema, present: (t, req) => presentTermin(t, basis(req)) });

  apiRoute(app, ctx, { method: 'GET', url: '/api/termine/meine', useCase: meineTermine, tags, summary: 'Meine Termine', response: z.object({ termine: z.array(terminSchema) }), present: (termine, req) => ({ termine: termine.map((t) => presentTermin(t, basis(req))) }) });

  apiRoute(app, ctx, { method: 'GET', url: '/api/termine/:id', useCase: terminAnsehen, input: pfadZuletzt, tags, summary: 'Ein Termin (eigener oder des Standorts; sonst 404)', params: z.object({ id: uuid }), response: terminSchema, present: (r, req) => presentTermin(r.termin, basis(req)) });

  const alsTermin = (t: TerminRow, req: FastifyRequest) => presentTermin(t, basis(req));
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/:id/verschieben', useCase: terminVerschieben, tags, summary: 'Termin verschieben (Frist des Trägers; belegt → 409 mit alternativen)', params: z.object({ id: uuid }), body: terminVerschieben.input.omit({ id: true }), input: pfadZuletzt, response: terminSchema, present: alsTermin });
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/:id/absagen', useCase: terminAbsagen, tags, summary: 'Termin absagen (Frist des Trägers); der frei gewordene Termin geht an die Warteliste', params: z.object({ id: uuid }), body: false, input: pfadZuletzt, response: terminSchema, present: alsTermin });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/termine/warteliste',
    useCase: wartelisteEintragen,
    tags,
    summary: 'Auf die Warteliste eines Anliegens (angemeldet oder mit E-Mail-Adresse)',
    status: 201,
    body: wartelisteEingabe.omit({ ip: true }),
    input: mitIp,
    response: z.object({ id: z.string(), status: z.string() }),
    present: (e) => ({ id: e.id, status: e.status }),
  });

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/termine/angebot/:token',
    useCase: angebotAnsehen,
    input: pfadZuletzt,
    tags,
    summary: 'Angebot der Warteliste prüfen (abgelaufen/beantwortet → 410)',
    params: z.object({ token: z.string().max(200) }),
    response: z.object({ beginn: z.string(), ende: z.string(), kanal: z.string(), gueltigBis: z.string() }),
    present: (a) => ({ beginn: a.beginn.toISOString(), ende: a.ende.toISOString(), kanal: a.kanal, gueltigBis: a.gueltigBis.toISOString() }),
  });

  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/angebot/:token/annehmen', useCase: angebotAnnehmen, input: pfadZuletzt, tags, summary: 'Angebot der Warteliste annehmen und buchen', status: 201, params: z.object({ token: z.string().max(200) }), body: false, response: terminSchema, present: (t, req) => presentTermin(t, basis(req)) });

  // ---------- personal links (booking or Warteliste without account) ----------
  apiRoute(app, ctx, { method: 'GET', url: '/api/termine/verwalten/:token', useCase: terminPerLinkAnsehen, input: pfadZuletzt, tags, summary: 'Termin über den persönlichen Link aus der Bestätigung (unbekannt → 404, abgesagt/vorbei → 410)', params: linkParams, response: terminSchema, present: (r, req) => presentTermin(r.termin, basis(req)) });
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/verwalten/:token/verschieben', useCase: terminPerLinkVerschieben, tags, summary: 'Termin über den persönlichen Link verschieben (Frist des Trägers; belegt → 409 mit alternativen)', params: linkParams, body: terminPerLinkVerschieben.input.omit({ token: true }), input: pfadZuletzt, response: terminSchema, present: alsTermin });
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/verwalten/:token/absagen', useCase: terminPerLinkAbsagen, tags, summary: 'Termin über den persönlichen Link absagen; danach gilt der Link nicht mehr (410)', params: linkParams, body: false, input: pfadZuletzt, response: terminSchema, present: alsTermin });
  const eintragStatus = z.object({ id: z.string(), status: z.string() });
  apiRoute(app, ctx, { method: 'GET', url: '/api/termine/warteliste/meine', useCase: meineWarteliste, tags, summary: 'Meine Einträge auf der Warteliste', response: z.object({ eintraege: z.array(eintragSchema) }), present: (eintraege) => ({ eintraege: eintraege.map(presentEintrag) }) });
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/warteliste/:id/zurueckziehen', useCase: wartelisteEintragZurueckziehen, input: pfadZuletzt, tags, summary: 'Eigenen Eintrag auf der Warteliste zurückziehen', params: z.object({ id: uuid }), body: false, response: eintragStatus, present: (e) => ({ id: e.id, status: e.status }) });
  apiRoute(app, ctx, { method: 'GET', url: '/api/termine/warteliste/link/:token', useCase: wartelisteEintragPerLinkAnsehen, input: pfadZuletzt, tags, summary: 'Eintrag auf der Warteliste über den persönlichen Link (unbekannt → 404, zurückgezogen → 410)', params: linkParams, response: eintragSchema, present: presentEintrag });
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/warteliste/link/:token/zurueckziehen', useCase: wartelisteEintragPerLinkZurueckziehen, input: pfadZuletzt, tags, summary: 'Eintrag auf der Warteliste über den persönlichen Link zurückziehen', params: linkParams, body: false, response: eintragStatus, present: (e) => ({ id: e.id, status: e.status }) });

  // ---------- staff ----------
  apiRoute(app, ctx, { method: 'GET', url: '/api/termine/personal/ressourcen', useCase: ressourcenAuflisten, tags: tagsPersonal, summary: 'Buchbare Plätze mit Sprechzeiten', response: z.object({ ressourcen: z.array(z.object({}).passthrough()) }), present: (ressourcen) => ({ ressourcen }) });
  // hand-written: field issues keep the path without `body.` that this route has always answered
  api.post(
    '/api/termine/personal/ressourcen/:id/sprechzeiten',
    { preValidation: kalenderPflege, schema: { tags: tagsPersonal, security, summary: 'Wöchentliche Sprechzeit hinzufügen', params: z.object({ id: uuid }), body: z.object({}).passthrough() } },
    async (req, reply) => reply.code(201).send(await sprechzeitHinzufuegen.execute({ ctx, actor: requireActor(req), input: { ...(req.body as object), ressourceId: req.params.id } })),
  );
  api.delete(
    '/api/termine/personal/ressourcen/:id/sprechzeiten/:sid',
    { preValidation: kalenderPflege, schema: { tags: tagsPersonal, security, summary: 'Sprechzeit entfernen', params: z.object({ id: uuid, sid: uuid }) } },
    async (req, reply) => {
      await sprechzeitEntfernen.execute({ ctx, actor: requireActor(req), input: { ressourceId: req.params.id, sprechzeitId: req.params.sid } });
      return reply.code(204).send();
    },
  );
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/personal/ressourcen/:id/ausnahmen', useCase: ausnahmeHinzufuegen, tags: tagsPersonal, summary: 'Ausnahme (zusätzliche Zeit oder geschlossen)', status: 201, params: z.object({ id: uuid }), body: z.object(ausnahmeFelder), response: z.object({}).passthrough(), input: mitRessource });
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/personal/ressourcen/:id/abwesenheiten', useCase: abwesenheitHinzufuegen, tags: tagsPersonal, summary: 'Abwesenheit eintragen', status: 201, params: z.object({ id: uuid }), body: z.object({ von: zeitpunkt, bis: zeitpunkt, grund: z.string().max(200).optional() }), response: z.object({}).passthrough(), input: mitRessource });
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/termine/personal/kalender',
    useCase: kalenderAnsehen,
    tags: tagsPersonal,
    summary: 'Kalender je Person, Team oder Standort (Tag/Woche)',
    querystring: kalenderAnsehen.input,
    response: z.object({ ressourcen: z.array(z.object({ id: z.string(), name: z.string(), standortId: z.string() })), termine: z.array(terminSchema.extend({ name: z.string().nullable(), anliegen: z.string(), einladungId: z.string().nullable().describe('Einladung zu diesem Termin (art einladung)') })) }),
    present: (r, req) => ({ ressourcen: r.ressourcen, termine: r.termine.map((t) => ({ ...presentTermin(t, basis(req)), name: t.name, anliegen: r.anliegen.find((a) => a.id === t.anliegenId)?.name ?? '', einladungId: t.einladungId })) }),
  });
  // hand-written: input issues carry `body.` (as always), the use case's own refusals (`bgId`) keep their path
  api.post(
    '/api/termine/personal/einladungen',
    { preValidation: personal, schema: { tags: tagsPersonal, security, summary: 'Einladung (Meldeaufforderung) zu einem Termin', body: einladen.input, response: { 201: terminSchema, ...errors } }, validatorCompiler: () => (data) => ({ value: data }) },
    async (req, reply) => {
      const geprueft = einladen.input.safeParse(req.body);
      if (!geprueft.success) throw validationFailed(zodIssues(geprueft.error, 'body'));
      return reply.code(201).send(presentTermin(await einladen.execute({ ctx, actor: requireActor(req), input: req.body }), basis(req)));
    },
  );
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/termine/personal/einladungen/:id',
    useCase: einladungAnsehen,
    input: pfadZuletzt,
    tags: tagsPersonal,
    summary: 'Einladung mit Text und Ergebnis',
    params: z.object({ id: uuid }),
    response: z.object({ einladung: z.object({}).passthrough(), termin: terminSchema }),
    present: (r, req) => ({ einladung: r.einladung, termin: presentTermin(r.termin, basis(req)) }),
  });
  apiRoute(app, ctx, { method: 'POST', url: '/api/termine/personal/einladungen/:id/ergebnis', useCase: ergebnisErfassen, tags: tagsPersonal, summary: 'Ergebnis erfassen (wahrgenommen / nicht erschienen mit oder ohne wichtigen Grund)', params: z.object({ id: uuid }), body: ergebnisErfassen.input.omit({ id: true }), input: pfadZuletzt, response: z.object({}).passthrough() });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/termine/personal/checkin',
    useCase: einchecken,
    tags: tagsPersonal,
    summary: 'Check-in mit dem Token aus dem QR-Code',
    response: z.object({ termin: terminSchema, meldung: z.string() }),
    present: (r, req) => ({ termin: presentTermin(r.termin, basis(req)), meldung: r.meldung }),
  });

  // Termine rules of the Träger (admin). The limits are checked by the use case (German message per rule).
  const regelnObjekt = z.object(Object.fromEntries(Object.keys(REGEL_GRENZEN).map((r) => [r, z.number()])) as Record<keyof typeof REGEL_GRENZEN, z.ZodNumber>);
  const regelnAntwort = z.object({
    regeln: regelnObjekt,
    standard: regelnObjekt,
    updatedAt: z.string().nullable().describe('null, solange der Träger nichts gespeichert hat (dann gelten die Standardregeln)'),
    version: z.number(),
  });
  apiRoute(app, ctx, { method: 'GET', url: '/api/admin/termin-regeln', useCase: terminRegelnLaden, tags: ['Verwaltung'], summary: 'Termin-Regeln des Trägers (Vorlauf, Horizont, Fristen, Erinnerung, Warteliste, Video-Raum, Check-in)', response: regelnAntwort });
  // hand-written: the rule issues keep the path without `body.` (and their codes) that this route has always answered
  api.put(
    '/api/admin/termin-regeln',
    {
      preValidation: async (req) => void requireActor(req),
      validatorCompiler: () => (data) => ({ value: data }),
      schema: {
        tags: ['Verwaltung'],
        security,
        summary: 'Termin-Regeln des Trägers speichern (Version 0 beim ersten Speichern; veraltete Version → 409 version_conflict)',
        body: regelnObjekt.extend({ version: z.number().int() }),
        response: { 200: regelnAntwort, ...errors },
      },
    },
    async (req) => terminRegelnSpeichern.execute({ ctx, actor: requireActor(req), input: req.body }),
  );
}
