import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TerminRow } from '../../db/repositories/termine.ts';
import { KANAELE, REGEL_GRENZEN } from '../../domain/termine/index.ts';
import { MELDE_ERGEBNISSE, MELDEZWECKE, type Meldezweck } from '../../domain/recht/meldeaufforderung.ts';
import { errorSchema } from '../auth/routes.ts';
import { publicBaseUrl } from '../auth/public-url.ts';
import type { AppContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { requireActor } from '../http.ts';
import { kalenderdatum, uhrzeit } from '../schemas/grenzen.ts';
import { authorize, authorizeOneOf } from '../policies.ts';
import { termineRepository } from '../../db/repositories/termine.ts';
import { tenantScope } from '../context.ts';
import { recordAudit } from '../audit-trail.ts';
import { anfrageBestaetigen, anonymeAnfrage } from './anfrage.ts';
import { sageTerminAb, verschiebeTermin } from './aendere-termin.ts';
import { bucheTermin } from './buche-termin.ts';
import { listeAnliegen, listeFreieZeiten } from './freie-zeiten.ts';
import { darfSehen, terminNichtGefunden, traegerFuer } from './gemeinsam.ts';
import { videoLink } from './mails.ts';
import {
  abwesenheitHinzufuegen,
  ausnahmeHinzufuegen,
  checkIn,
  einladungLesen,
  erfasseErgebnis,
  kalender,
  ladeEin,
  listeRessourcen,
  sprechzeitEntfernen,
  sprechzeitHinzufuegen,
} from './personal.ts';
import { angebotAnnehmen, angebotLesen, wartelisteEintragen } from './warteliste.ts';
import { eintragLesen, eintragZurueckziehen, meineWarteliste } from './warteliste-zurueckziehen.ts';
import { linkAufloesen, terminPerLink } from './verwaltung-per-link.ts';
import { ladeTerminRegeln, speichereTerminRegeln } from './regeln.ts';

const kanal = z.enum(KANAELE);
const zeitpunkt = z.iso.datetime({ offset: true }).describe('Zeitpunkt (ISO 8601 mit Zeitzone)');
const uuid = z.string().max(100);
const datum = kalenderdatum();
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

/** The citizen's own appointments and Warteliste entries (permission table: `termine.eigene`). */
const buerger = async (req: FastifyRequest) => {
  const actor = requireActor(req);
  if (actor.art !== 'buerger') throw forbidden();
  authorize(actor, 'termine.eigene');
};
const personal = async (req: FastifyRequest) => {
  authorize(requireActor(req), 'termine.bearbeiten');
};
/** Desks: Sprechzeiten, Ausnahmen, Abwesenheiten – own desk (termine.eigenerKalender) or all in reach (termine.planen). */
const kalenderPflege = async (req: FastifyRequest) => {
  authorizeOneOf(requireActor(req), ['termine.eigenerKalender', 'termine.planen']);
};
const ressourcenSehen = async (req: FastifyRequest) => {
  authorizeOneOf(requireActor(req), ['termine.bearbeiten', 'termine.eigenerKalender', 'termine.planen']);
};

/** Termine: public free times, booking (signed in or with double opt-in), move, cancel, Warteliste; staff side. */
export function registerTermineRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const basis = (req: FastifyRequest) => publicBaseUrl(ctx, req);
  const traegerDes = async (req: FastifyRequest, slug: string | undefined) => (req.actor ? req.actor.traegerId : (await traegerFuer(ctx, slug)).id);

  api.get(
    '/api/termine/anliegen',
    { schema: { tags, summary: 'Online buchbare Anliegen und Standorte', querystring: z.object({ traeger: z.string().max(100).optional() }) } },
    async (req) => listeAnliegen({ ctx, traegerId: await traegerDes(req, req.query.traeger) }),
  );

  api.get(
    '/api/termine/freie-zeiten',
    {
      schema: {
        tags,
        summary: 'Freie Zeiten eines Anliegens (je Standort und Beginn)',
        querystring: z.object({ traeger: z.string().max(100).optional(), anliegen: z.string().min(1).max(100), kanal: kanal.optional(), standortId: uuid.optional(), von: datum.optional(), bis: datum.optional() }),
        response: { 200: z.object({ anliegen: z.object({ id: z.string(), name: z.string() }).passthrough(), zeiten: z.array(zeitSchema.extend({ plaetze: z.number().describe('freie Plätze zu dieser Zeit') })) }).passthrough(), ...errors },
      },
    },
    async (req) => {
      const r = await listeFreieZeiten({ ctx, traegerId: await traegerDes(req, req.query.traeger), input: req.query });
      return {
        ...r,
        zeiten: r.zeiten.map((zeit) => ({ beginn: zeit.beginn.toISOString(), ende: zeit.ende.toISOString(), standortId: zeit.standortId, kanaele: zeit.kanaele, datum: zeit.datum, uhrzeit: zeit.uhrzeit, plaetze: zeit.ressourcen.length })),
      };
    },
  );

  const buchungBody = z.object({ anliegenId: z.string().min(1).max(100), kanal, beginn: zeitpunkt, standortId: uuid.optional() });

  api.post(
    '/api/termine',
    { preValidation: buerger, schema: { tags, security, summary: 'Termin buchen (angemeldete Bürgerin). Belegt → 409 slot_belegt mit alternativen', body: buchungBody, response: { 201: terminSchema, ...errors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const t = await bucheTermin({ ctx, traegerId: actor.traegerId, actor, person: { userId: actor.userId, name: actor.name }, input: { ...req.body, beginn: new Date(req.body.beginn) }, basisUrl: basis(req) });
      return reply.code(201).send(presentTermin(t, basis(req)));
    },
  );

  api.post(
    '/api/termine/anfrage',
    {
      schema: {
        tags,
        summary: 'Termin ohne Konto anfragen: Bestätigungslink per E-Mail (Double-Opt-in); gebucht wird erst mit dem Link',
        body: buchungBody.extend({ traeger: z.string().max(100).optional(), email: z.email().max(254), name: z.string().trim().min(1).max(200) }),
        response: { 202: z.object({ gesendetAn: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const traegerId = (await traegerFuer(ctx, req.body.traeger)).id;
      const r = await anonymeAnfrage({ ctx, traegerId, input: { ...req.body, beginn: new Date(req.body.beginn) }, basisUrl: basis(req), ip: req.ip });
      return reply.code(202).send(r);
    },
  );

  api.post(
    '/api/termine/bestaetigung',
    { schema: { tags, summary: 'Double-Opt-in-Link einlösen und buchen (abgelaufen/verwendet → 410)', body: z.object({ token: z.string().min(10).max(200) }), response: { 201: terminSchema, ...errors } } },
    async (req, reply) => reply.code(201).send(presentTermin(await anfrageBestaetigen({ ctx, token: req.body.token, basisUrl: basis(req) }), basis(req))),
  );

  api.get(
    '/api/termine/meine',
    { preValidation: buerger, schema: { tags, security, summary: 'Meine Termine', response: { 200: z.object({ termine: z.array(terminSchema) }), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const termine = await ctx.db.withTenant(tenantScope(actor), (tx) => termineRepository.termineVonBuerger(tx, actor.userId));
      return { termine: termine.map((t) => presentTermin(t, basis(req))) };
    },
  );

  api.get(
    '/api/termine/:id',
    { schema: { tags, security, summary: 'Ein Termin (eigener oder des Standorts; sonst 404)', params: z.object({ id: uuid }), response: { 200: terminSchema, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const t = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const row = await termineRepository.findTermin(tx, req.params.id);
        if (!row || !darfSehen(actor, row)) throw terminNichtGefunden();
        await recordAudit(tx, actor, { objectType: 'termin', objectId: row.id, personId: row.buergerUserId, action: 'read', purpose: 'Termin ansehen' });
        return row;
      });
      return presentTermin(t, basis(req));
    },
  );

  api.post(
    '/api/termine/:id/verschieben',
    { schema: { tags, security, summary: 'Termin verschieben (Frist des Trägers; belegt → 409 mit alternativen)', params: z.object({ id: uuid }), body: z.object({ beginn: zeitpunkt, version: z.number().int().optional() }), response: { 200: terminSchema, ...errors } } },
    async (req) => presentTermin(await verschiebeTermin({ ctx, actor: requireActor(req), terminId: req.params.id, input: { beginn: new Date(req.body.beginn), version: req.body.version }, basisUrl: basis(req) }), basis(req)),
  );

  api.post(
    '/api/termine/:id/absagen',
    { schema: { tags, security, summary: 'Termin absagen (Frist des Trägers); der frei gewordene Termin geht an die Warteliste', params: z.object({ id: uuid }), response: { 200: terminSchema, ...errors } } },
    async (req) => presentTermin(await sageTerminAb({ ctx, actor: requireActor(req), terminId: req.params.id, basisUrl: basis(req) }), basis(req)),
  );

  api.post(
    '/api/termine/warteliste',
    {
      schema: {
        tags,
        summary: 'Auf die Warteliste eines Anliegens (angemeldet oder mit E-Mail-Adresse)',
        body: z.object({ traeger: z.string().max(100).optional(), anliegen: z.string().min(1).max(100), kanaele: z.array(kanal).min(1), standortIds: z.array(uuid).optional(), wochentage: z.array(z.number().int().min(1).max(7)).optional(), email: z.email().max(254).optional(), name: z.string().max(200).optional() }),
        response: { 201: z.object({ id: z.string(), status: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const e = await wartelisteEintragen({ ctx, traegerId: await traegerDes(req, req.body.traeger), actor: req.actor?.art === 'buerger' ? req.actor : null, input: req.body, ip: req.ip, basisUrl: basis(req) });
      return reply.code(201).send({ id: e.id, status: e.status });
    },
  );

  api.get(
    '/api/termine/angebot/:token',
    { schema: { tags, summary: 'Angebot der Warteliste prüfen (abgelaufen/beantwortet → 410)', params: z.object({ token: z.string().max(200) }), response: { 200: z.object({ beginn: z.string(), ende: z.string(), kanal: z.string(), gueltigBis: z.string() }), ...errors } } },
    async (req) => {
      const a = await angebotLesen({ ctx, token: req.params.token });
      return { beginn: a.beginn.toISOString(), ende: a.ende.toISOString(), kanal: a.kanal, gueltigBis: a.gueltigBis.toISOString() };
    },
  );

  api.post(
    '/api/termine/angebot/:token/annehmen',
    { schema: { tags, summary: 'Angebot der Warteliste annehmen und buchen', params: z.object({ token: z.string().max(200) }), response: { 201: terminSchema, ...errors } } },
    async (req, reply) => reply.code(201).send(presentTermin(await angebotAnnehmen({ ctx, token: req.params.token, basisUrl: basis(req) }), basis(req))),
  );

  // ---------- personal links (booking or Warteliste without account) ----------
  api.get(
    '/api/termine/verwalten/:token',
    { schema: { tags, summary: 'Termin über den persönlichen Link aus der Bestätigung (unbekannt → 404, abgesagt/vorbei → 410)', params: linkParams, response: { 200: terminSchema, ...errors } } },
    async (req) => presentTermin((await terminPerLink({ ctx, token: req.params.token })).termin, basis(req)),
  );
  api.post(
    '/api/termine/verwalten/:token/verschieben',
    { schema: { tags, summary: 'Termin über den persönlichen Link verschieben (Frist des Trägers; belegt → 409 mit alternativen)', params: linkParams, body: z.object({ beginn: zeitpunkt }), response: { 200: terminSchema, ...errors } } },
    async (req) => {
      const l = await linkAufloesen(ctx, req.params.token);
      return presentTermin(await verschiebeTermin({ ctx, verwaltungsToken: req.params.token, terminId: l.terminId, input: { beginn: new Date(req.body.beginn) }, basisUrl: basis(req) }), basis(req));
    },
  );
  api.post(
    '/api/termine/verwalten/:token/absagen',
    { schema: { tags, summary: 'Termin über den persönlichen Link absagen; danach gilt der Link nicht mehr (410)', params: linkParams, response: { 200: terminSchema, ...errors } } },
    async (req) => {
      const l = await linkAufloesen(ctx, req.params.token);
      return presentTermin(await sageTerminAb({ ctx, verwaltungsToken: req.params.token, terminId: l.terminId, basisUrl: basis(req) }), basis(req));
    },
  );
  api.get(
    '/api/termine/warteliste/meine',
    { preValidation: buerger, schema: { tags, security, summary: 'Meine Einträge auf der Warteliste', response: { 200: z.object({ eintraege: z.array(eintragSchema) }), ...errors } } },
    async (req) => ({ eintraege: (await meineWarteliste({ ctx, actor: requireActor(req) })).map(presentEintrag) }),
  );
  api.post(
    '/api/termine/warteliste/:id/zurueckziehen',
    { preValidation: buerger, schema: { tags, security, summary: 'Eigenen Eintrag auf der Warteliste zurückziehen', params: z.object({ id: uuid }), response: { 200: z.object({ id: z.string(), status: z.string() }), ...errors } } },
    async (req) => {
      const e = await eintragZurueckziehen({ ctx, actor: requireActor(req), eintragId: req.params.id, basisUrl: basis(req) });
      return { id: e.id, status: e.status };
    },
  );
  api.get(
    '/api/termine/warteliste/link/:token',
    { schema: { tags, summary: 'Eintrag auf der Warteliste über den persönlichen Link (unbekannt → 404, zurückgezogen → 410)', params: linkParams, response: { 200: eintragSchema, ...errors } } },
    async (req) => presentEintrag(await eintragLesen({ ctx, token: req.params.token })),
  );
  api.post(
    '/api/termine/warteliste/link/:token/zurueckziehen',
    { schema: { tags, summary: 'Eintrag auf der Warteliste über den persönlichen Link zurückziehen', params: linkParams, response: { 200: z.object({ id: z.string(), status: z.string() }), ...errors } } },
    async (req) => {
      const e = await eintragZurueckziehen({ ctx, token: req.params.token, basisUrl: basis(req) });
      return { id: e.id, status: e.status };
    },
  );

  // ---------- staff ----------
  api.get(
    '/api/termine/personal/ressourcen',
    { preValidation: ressourcenSehen, schema: { tags: tagsPersonal, security, summary: 'Buchbare Plätze mit Sprechzeiten' } },
    async (req) => ({ ressourcen: await listeRessourcen({ ctx, actor: requireActor(req) }) }),
  );
  api.post(
    '/api/termine/personal/ressourcen/:id/sprechzeiten',
    { preValidation: kalenderPflege, schema: { tags: tagsPersonal, security, summary: 'Wöchentliche Sprechzeit hinzufügen', params: z.object({ id: uuid }), body: z.object({}).passthrough() } },
    async (req, reply) => reply.code(201).send(await sprechzeitHinzufuegen({ ctx, actor: requireActor(req), ressourceId: req.params.id, input: req.body })),
  );
  api.delete(
    '/api/termine/personal/ressourcen/:id/sprechzeiten/:sid',
    { preValidation: kalenderPflege, schema: { tags: tagsPersonal, security, summary: 'Sprechzeit entfernen', params: z.object({ id: uuid, sid: uuid }) } },
    async (req, reply) => {
      await sprechzeitEntfernen({ ctx, actor: requireActor(req), ressourceId: req.params.id, sprechzeitId: req.params.sid });
      return reply.code(204).send();
    },
  );
  api.post(
    '/api/termine/personal/ressourcen/:id/ausnahmen',
    { preValidation: kalenderPflege, schema: { tags: tagsPersonal, security, summary: 'Ausnahme (zusätzliche Zeit oder geschlossen)', params: z.object({ id: uuid }), body: z.object({ art: z.enum(['zusaetzlich', 'geschlossen']), datum, von: uhrzeit().optional().describe('HH:MM, Pflicht bei zusaetzlich'), bis: uhrzeit().optional().describe('HH:MM, nach von'), grund: z.string().max(200).optional() }) } },
    async (req, reply) => reply.code(201).send(await ausnahmeHinzufuegen({ ctx, actor: requireActor(req), ressourceId: req.params.id, input: req.body })),
  );
  api.post(
    '/api/termine/personal/ressourcen/:id/abwesenheiten',
    { preValidation: kalenderPflege, schema: { tags: tagsPersonal, security, summary: 'Abwesenheit eintragen', params: z.object({ id: uuid }), body: z.object({ von: zeitpunkt, bis: zeitpunkt, grund: z.string().max(200).optional() }) } },
    async (req, reply) => reply.code(201).send(await abwesenheitHinzufuegen({ ctx, actor: requireActor(req), ressourceId: req.params.id, input: { von: new Date(req.body.von), bis: new Date(req.body.bis), grund: req.body.grund } })),
  );
  api.get(
    '/api/termine/personal/kalender',
    {
      preValidation: personal,
      schema: { tags: tagsPersonal, security, summary: 'Kalender je Person, Team oder Standort (Tag/Woche)', querystring: z.object({ ansicht: z.enum(['person', 'team', 'standort']).default('person'), datum, tage: z.coerce.number().int().min(1).max(7).default(1), ressourceId: uuid.optional(), standortId: uuid.optional(), team: z.string().max(100).optional() }) },
    },
    async (req) => {
      const { instantAus } = await import('../../domain/termine/zeit.ts');
      const r = await kalender({ ctx, actor: requireActor(req), input: { ...req.query, datum: new Date(instantAus(req.query.datum, 0)) } });
      return { ressourcen: r.ressourcen, termine: r.termine.map((t) => ({ ...presentTermin(t, basis(req)), name: t.name, anliegen: r.anliegen.find((a) => a.id === t.anliegenId)?.name ?? '' })) };
    },
  );
  api.post(
    '/api/termine/personal/einladungen',
    {
      preValidation: personal,
      schema: {
        tags: tagsPersonal,
        security,
        summary: 'Einladung (Meldeaufforderung) zu einem Termin',
        body: z.object({
          anliegenId: z.string().min(1).max(100),
          kanal,
          beginn: zeitpunkt,
          standortId: uuid.optional(),
          ressourceId: uuid.optional(),
          buergerUserId: uuid.optional(),
          email: z.email().optional(),
          name: z.string().min(1).max(200),
          personId: uuid.optional(),
          bgId: uuid.optional(),
          zweck: z.enum(Object.keys(MELDEZWECKE) as [Meldezweck, ...Meldezweck[]]),
          thema: z.string().max(200).optional(),
          mitbringen: z.array(z.string().max(200)).max(20).optional(),
        }),
        response: { 201: terminSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(presentTermin(await ladeEin({ ctx, actor: requireActor(req), input: { ...req.body, beginn: new Date(req.body.beginn) }, basisUrl: basis(req) }), basis(req))),
  );
  api.get(
    '/api/termine/personal/einladungen/:id',
    { preValidation: personal, schema: { tags: tagsPersonal, security, summary: 'Einladung mit Text und Ergebnis', params: z.object({ id: uuid }) } },
    async (req) => {
      const r = await einladungLesen({ ctx, actor: requireActor(req), id: req.params.id });
      return { einladung: r.einladung, termin: presentTermin(r.termin, basis(req)) };
    },
  );
  api.post(
    '/api/termine/personal/einladungen/:id/ergebnis',
    { preValidation: personal, schema: { tags: tagsPersonal, security, summary: 'Ergebnis erfassen (wahrgenommen / nicht erschienen mit oder ohne wichtigen Grund)', params: z.object({ id: uuid }), body: z.object({ ergebnis: z.enum(MELDE_ERGEBNISSE), begruendung: z.string().max(2000).optional(), version: z.number().int() }) } },
    async (req) => erfasseErgebnis({ ctx, actor: requireActor(req), id: req.params.id, input: req.body }),
  );
  api.post(
    '/api/termine/personal/checkin',
    { preValidation: personal, schema: { tags: tagsPersonal, security, summary: 'Check-in mit dem Token aus dem QR-Code', body: z.object({ token: z.string().min(10).max(400) }) } },
    async (req) => {
      const r = await checkIn({ ctx, actor: requireActor(req), token: req.body.token });
      return { termin: presentTermin(r.termin, basis(req)), meldung: r.meldung };
    },
  );

  // Termine rules of the Träger (admin). The limits are checked by the use case (German message per rule).
  const regelnObjekt = z.object(Object.fromEntries(Object.keys(REGEL_GRENZEN).map((r) => [r, z.number()])) as Record<keyof typeof REGEL_GRENZEN, z.ZodNumber>);
  const regelnAntwort = z.object({
    regeln: regelnObjekt,
    standard: regelnObjekt,
    updatedAt: z.string().nullable().describe('null, solange der Träger nichts gespeichert hat (dann gelten die Standardregeln)'),
    version: z.number(),
  });
  api.get(
    '/api/admin/termin-regeln',
    { preValidation: async (req) => void requireActor(req), schema: { tags: ['Verwaltung'], security, summary: 'Termin-Regeln des Trägers (Vorlauf, Horizont, Fristen, Erinnerung, Warteliste, Video-Raum, Check-in)', response: { 200: regelnAntwort, ...errors } } },
    async (req) => ladeTerminRegeln({ ctx, actor: requireActor(req) }),
  );
  api.put(
    '/api/admin/termin-regeln',
    {
      preValidation: async (req) => void requireActor(req),
      schema: {
        tags: ['Verwaltung'],
        security,
        summary: 'Termin-Regeln des Trägers speichern (Version 0 beim ersten Speichern; veraltete Version → 409 version_conflict)',
        body: regelnObjekt.extend({ version: z.number().int() }),
        response: { 200: regelnAntwort, ...errors },
      },
    },
    async (req) => speichereTerminRegeln({ ctx, actor: requireActor(req), input: req.body }),
  );
}
