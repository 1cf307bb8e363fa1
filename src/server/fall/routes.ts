import { eingereichterAntragPdf } from './antrag-pdf.ts';
import { antragZuordnen, antragZuordnenSchema } from './antrag-zuordnen.ts';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { istUuid, uuid } from '../schemas/grenzen.ts';
import { ANTRAG_ARTEN, ANTRAG_STATUS, datumSchema, erstantragDatenSchema } from '../../domain/fallakte/index.ts';
import { withIssuePrefix } from '../admin/common.ts';
import { errorSchema } from '../auth/routes.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { AppError } from '../errors.ts';
import { HINWEIS_COOKIE } from '../../web/web-context.ts';
import { authorize, type Permission } from '../policies.ts';
import { aendereAdresse } from './aendere-adresse.ts';
import { aendereBankverbindung } from './aendere-bankverbindung.ts';
import { aendereEinkommen } from './aendere-einkommen.ts';
import { aenderePerson } from './aendere-person.ts';
import { aendereUnterkunft } from './aendere-unterkunft.ts';
import { aendereVermoegen } from './aendere-vermoegen.ts';
import { bgSchliessen } from './bg-schliessen.ts';
import { isUuid } from './common.ts';
import { antragAnlegen } from './antrag-anlegen.ts';
import { antragStatusSetzen } from './antrag-status-setzen.ts';
import { antragUebernehmen } from './antrag-uebernehmen.ts';
import { antragZuweisen } from './antrag-zuweisen.ts';
import { arbeitsvorrat } from './arbeitsvorrat.ts';
import { DOKUMENT_MAX_BYTES, dokumentHochladen } from './dokument-hochladen.ts';
import { dokumentLaden } from './dokument-laden.ts';
import { erfasseErstantrag } from './erfasse-erstantrag.ts';
import { oeffneFallakte } from './oeffne-fallakte.ts';
import { personAufnehmen } from './person-aufnehmen.ts';
import { personAustritt } from './person-austritt.ts';
import {
  antragSchema,
  fallakteSchema,
  presentAntrag,
  presentFallakte,
  presentVermerk,
  presentWiedervorlage,
  vermerkSchema as vermerkAntwort,
  wiedervorlageSchema,
} from './present.ts';
import {
  adresseAenderungSchema,
  antragNeuSchema,
  antragStatusSchema,
  antragZuweisenSchema,
  bankAenderungSchema,
  bgSchliessenSchema,
  dokumentSchema,
  einkommenAenderungSchema,
  personAenderungSchema,
  personAufnahmeSchema,
  personAustrittSchema,
  unterkunftAenderungSchema,
  vermerkSchema,
  vermoegenAenderungSchema,
  wiedervorlageErledigenSchema,
  wiedervorlageNeuSchema,
} from './schemas.ts';
import { sucheFaelle } from './suche-faelle.ts';
import { vermerkAnlegen } from './vermerk-anlegen.ts';
import { wiedervorlageAnlegen } from './wiedervorlage-anlegen.ts';
import { wiedervorlageErledigen } from './wiedervorlage-erledigen.ts';
import { wiedervorlagenFaellig } from './wiedervorlagen-faellig.ts';

type Hochgeladen = { buffer: Buffer; filename: string; abgeschnitten: boolean };

/**
 * The Fallakte page's document upload (multipart, works without JavaScript): it needs its own route because the
 * page router only reads url-encoded forms. Success → back to the page with a notice; a refusal → back with
 * `dok_fehler` (codes, see src/web/pages/faelle/akte-dokumente.tsx) and the entered title and date.
 */
function registerDokumentFormular(app: FastifyInstance, ctx: AppContext) {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: DOKUMENT_MAX_BYTES + 1, files: 1, fields: 10, fieldSize: 1000 },
      async onFile(part: MultipartFile) {
        const buffer = await part.toBuffer();
        (part as unknown as { value: Hochgeladen }).value = { buffer, filename: part.filename, abgeschnitten: part.file.truncated };
      },
    });
    scope.post('/faelle/:id/dokumente', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'fall.bearbeiten');
      const id = (req.params as { id: string }).id;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const feld = (n: string) => (typeof body[n] === 'string' ? (body[n] as string).trim() : '');
      const titel = feld('dok_titel');
      const datum = feld('dok_datum');
      const personId = feld('dok_person');
      const datei = body.dok_datei as Hochgeladen | undefined;
      const fehler: string[] = [];
      if (!titel || titel.length > 200) fehler.push('titel_fehlt');
      if (!datumSchema.safeParse(datum).success) fehler.push('datum_ungueltig');
      if (personId && !isUuid(personId)) fehler.push('person_ungueltig');
      if (!datei || !Buffer.isBuffer(datei.buffer) || (datei.buffer.length === 0 && !datei.filename)) fehler.push('keine_datei');
      else if (datei.abgeschnitten) fehler.push('datei_zu_gross');
      const zurueck = (codes: string[]) => {
        const q = new URLSearchParams({ dok_fehler: codes.join(','), dok_titel: titel.slice(0, 200), dok_datum: datum.slice(0, 10), dok_person: personId.slice(0, 36) });
        return reply.code(303).header('location', `/faelle/${encodeURIComponent(id)}?${q.toString()}#dokument-hochladen`).send();
      };
      if (fehler.length) {
        return zurueck(fehler);
      }
      try {
        await dokumentHochladen({
          ctx,
          actor,
          id,
          input: { titel, dateiname: datei!.filename || 'dokument', eingegangenAm: datum, ...(personId ? { personId } : {}) },
          inhalt: datei!.buffer,
        });
      } catch (err) {
        if (err instanceof AppError && err.status === 400 && err.issues.length) return zurueck(err.issues.map((i) => i.code));
        if (err instanceof AppError && err.code === 'scanner_nicht_erreichbar') return zurueck(['scanner_nicht_erreichbar']);
        throw err;
      }
      reply.setCookie(HINWEIS_COOKIE, encodeURIComponent(`Das Dokument „${titel}“ wurde auf Viren geprüft und abgelegt.`), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
      return reply.code(303).header('location', `/faelle/${encodeURIComponent(id)}#dokumente`).send();
    });
  });
}

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const security = [{ sitzung: [] }];
const versionAntwort = z.object({ id: z.string(), version: z.number().describe('neue Version der Fallakte') });

/** Signed in, nothing more: object routes decide 404 (other Träger/Standort) before 403 (missing right). */
const angemeldet = async (req: FastifyRequest) => {
  requireActor(req);
};
const guard = (permission: Permission) => async (req: FastifyRequest) => {
  authorize(requireActor(req), permission);
};

/**
 * Fallakten, Anträge and Wiedervorlagen (issue 4). Rights: 'fall.lesen' (leistung, integration, teamleitung),
 * 'fall.bearbeiten' and 'fall.bankdaten' (leistung, teamleitung). Scoped to the caller's Standorte.
 */
export function registerFallRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const faelle = ['Fallakten'];
  const antraege = ['Anträge und Arbeitsvorrat'];
  registerDokumentFormular(app, ctx);

  api.get(
    '/api/faelle',
    {
      preValidation: guard('fall.lesen'),
      schema: {
        tags: faelle,
        security,
        summary: 'Fallakten suchen (Name, Geburtsdatum, Fallnummer; nur eigene Standorte)',
        querystring: z.object({ name: z.string().max(200).optional(), geburtsdatum: z.string().max(10).optional(), fallnummer: z.string().max(50).optional() }),
        response: {
          200: z.object({
            treffer: z.array(
              z.object({
                bgId: z.string(),
                fallnummer: z.string(),
                standort: z.string(),
                status: z.string(),
                personId: z.string(),
                vorname: z.string(),
                nachname: z.string(),
                geburtsdatum: z.string(),
                rolle: z.string(),
                aktuell: z.boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const treffer = await withIssuePrefix('querystring', () => sucheFaelle({ ctx, actor: requireActor(req), input: req.query }));
      return { treffer: treffer.map(({ standortId: _s, ...t }) => t) };
    },
  );

  api.post(
    '/api/faelle',
    {
      preValidation: guard('fall.bearbeiten'),
      schema: {
        tags: faelle,
        security,
        summary: 'Erstantrag erfassen: neue Bedarfsgemeinschaft mit Personen, Anschrift, Bank, Einkommen, Unterkunft (eine Transaktion)',
        description:
          'Beträge in Cent. Fehler: 400 validation_failed (z. B. issues[].code iban_ungueltig an body.bank.iban), 400 datum_ausserhalb_rechtsstand (Antragsdatum vor 2021), 400 validation_failed mit issues[].code antragsdatum_in_zukunft.',
        body: erstantragDatenSchema,
        response: {
          201: z.object({
            bg: z.object({ id: z.string(), fallnummer: z.string(), standortId: z.string(), standortName: z.string(), version: z.number() }),
            antrag: antragSchema,
            personIds: z.record(z.string(), z.string()).describe('ref aus dem Antrag → Personen-ID'),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const r = await withIssuePrefix('body', () => erfasseErstantrag({ ctx, actor: requireActor(req), input: req.body }));
      return reply.code(201).send({
        bg: { id: r.bg.id, fallnummer: r.bg.fallnummer, standortId: r.bg.standortId, standortName: r.standortName, version: r.bg.version },
        antrag: presentAntrag(r.antrag),
        personIds: r.personIds,
      });
    },
  );

  api.get(
    '/api/faelle/:id',
    {
      preValidation: angemeldet,
      schema: {
        tags: faelle,
        security,
        summary: 'Fallakte öffnen (Stand am Stichtag, Standard heute; ohne Bankdaten für die Integration)',
        params: idParams,
        querystring: z.object({ stichtag: z.string().max(10).optional() }),
        response: { 200: fallakteSchema, ...errors },
      },
    },
    async (req) => presentFallakte(await oeffneFallakte({ ctx, actor: requireActor(req), id: req.params.id, stichtag: req.query.stichtag })),
  );

  const aenderung = <S extends z.ZodType>(
    pfad: string,
    summary: string,
    body: S,
    fn: (o: { ctx: AppContext; actor: ReturnType<typeof requireActor>; id: string; input: z.infer<S> }) => Promise<{ id: string; version: number }>,
  ) =>
    api.post(
      `/api/faelle/:id/${pfad}`,
      {
        preValidation: angemeldet,
        schema: { tags: faelle, security, summary, params: idParams, body, response: { 200: versionAntwort, ...errors } },
      },
      async (req) => {
        const bg = await withIssuePrefix('body', () => fn({ ctx, actor: requireActor(req), id: (req.params as { id: string }).id, input: req.body as z.infer<S> }));
        return { id: bg.id, version: bg.version };
      },
    );
  aenderung('adresse', 'Neue Anschrift ab einem Tag (Umzug; zuständiger Standort folgt der Kommune)', adresseAenderungSchema, aendereAdresse);
  aenderung('bankverbindung', 'Bankverbindung ab einem Tag (IBAN geprüft; nur mit Recht auf Bankdaten)', bankAenderungSchema, aendereBankverbindung);
  aenderung('unterkunft', 'Kosten der Unterkunft ab einem Tag', unterkunftAenderungSchema, aendereUnterkunft);
  aenderung('einkommen', 'Einkommen ab einem Tag: neu, geändert oder beendet', einkommenAenderungSchema, aendereEinkommen);
  aenderung('person', 'Stammdaten und Merkmale einer Person ab einem Tag', personAenderungSchema, aenderePerson);
  aenderung('personen', 'Person ab einem Tag in die BG oder den Haushalt aufnehmen (Geburt, Zuzug)', personAufnahmeSchema, personAufnehmen);
  aenderung('austritt', 'Person gehört ab einem Tag nicht mehr dazu (Auszug, Tod)', personAustrittSchema, personAustritt);
  aenderung('vermoegen', 'Vermögen einer Person ab einem Tag: neu, geändert oder beendet', vermoegenAenderungSchema, aendereVermoegen);
  aenderung(
    'schliessung',
    'Bedarfsgemeinschaft ab einem Tag schließen (alle Mitgliedschaften enden; 409 bewilligung_laeuft, solange eine erteilte Bewilligung darüber hinaus läuft)',
    bgSchliessenSchema,
    bgSchliessen,
  );

  api.post(
    '/api/faelle/:id/vermerke',
    { preValidation: angemeldet, schema: { tags: faelle, security, summary: 'Vermerk anlegen', params: idParams, body: vermerkSchema, response: { 201: vermerkAntwort, ...errors } } },
    async (req, reply) => reply.code(201).send(presentVermerk(await vermerkAnlegen({ ctx, actor: requireActor(req), id: req.params.id, text: req.body.text }))),
  );

  api.post(
    '/api/faelle/:id/antraege',
    {
      preValidation: angemeldet,
      schema: { tags: antraege, security, summary: 'Weiterbewilligungsantrag oder Veränderungsmitteilung erfassen', params: idParams, body: antragNeuSchema, response: { 201: antragSchema, ...errors } },
    },
    async (req, reply) => reply.code(201).send(presentAntrag(await withIssuePrefix('body', () => antragAnlegen({ ctx, actor: requireActor(req), id: req.params.id, input: req.body })))),
  );

  api.post(
    '/api/faelle/:id/wiedervorlagen',
    {
      preValidation: angemeldet,
      schema: { tags: antraege, security, summary: 'Wiedervorlage anlegen', params: idParams, body: wiedervorlageNeuSchema, response: { 201: wiedervorlageSchema, ...errors } },
    },
    async (req, reply) =>
      reply.code(201).send(presentWiedervorlage(await withIssuePrefix('body', () => wiedervorlageAnlegen({ ctx, actor: requireActor(req), id: req.params.id, input: req.body })))),
  );

  api.post(
    '/api/faelle/:id/dokumente',
    {
      preValidation: angemeldet,
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: faelle,
        security,
        summary: 'Dokument ablegen (Base64, höchstens 5 MB; Bild oder PDF, nach Inhalt geprüft und auf Viren gescannt)',
        description:
          'Der Typ wird am Inhalt erkannt (mime wird nicht übernommen). Abgelehnt: 400 validation_failed mit issues[].code datei_leer, datei_zu_gross, dateityp_nicht_erlaubt oder virus_gefunden; 503 scanner_nicht_erreichbar (nichts gespeichert, später erneut versuchen).',
        params: idParams,
        body: dokumentSchema,
        response: { 201: z.object({ id: z.string(), titel: z.string(), mime: z.string(), groesse: z.number(), sha256: z.string() }), ...errors, 503: errorSchema },
      },
    },
    async (req, reply) => {
      const { inhaltBase64, mime: _mime, ...input } = req.body;
      const inhalt = Buffer.from(inhaltBase64, 'base64');
      const d = await withIssuePrefix('body', () => dokumentHochladen({ ctx, actor: requireActor(req), id: req.params.id, input, inhalt, feld: 'inhaltBase64' }));
      return reply.code(201).send({ id: d.id, titel: d.titel, mime: d.mime, groesse: d.groesse, sha256: d.sha256 });
    },
  );

  api.get(
    '/api/faelle/:id/dokumente/:dokumentId',
    {
      preValidation: angemeldet,
      schema: { tags: faelle, security, summary: 'Dokument herunterladen', params: z.object({ id: z.string().max(100), dokumentId: z.string().max(100) }) },
    },
    async (req, reply) => {
      const d = await dokumentLaden({ ctx, actor: requireActor(req), id: req.params.id, dokumentId: req.params.dokumentId });
      return reply
        .header('content-type', d.mime)
        .header('content-disposition', `attachment; filename="${d.dateiname.replace(/[^\w.\- ]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(d.inhalt);
    },
  );

  api.get(
    '/api/antraege',
    {
      preValidation: guard('fall.lesen'),
      schema: {
        tags: antraege,
        security,
        summary: 'Arbeitsvorrat: Anträge der eigenen Standorte mit Alter und Frist',
        querystring: z.object({
          standortId: uuid('Der Standort').optional(),
          status: z.enum(['offen', 'alle', ...ANTRAG_STATUS]).optional().describe('Standard: offen'),
          art: z.enum(ANTRAG_ARTEN).optional(),
          bearbeiter: z
            .string()
            .max(100)
            .refine((b) => b === 'ich' || b === 'niemand' || istUuid(b), { error: 'Bitte „ich“, „niemand“ oder die Kennung (UUID) einer Person angeben.' })
            .optional()
            .describe('"ich", "niemand" oder eine Benutzer-ID'),
          faellig: z.enum(['ja', 'nein']).optional().describe('ja: nur mit Frist bis heute'),
        }),
        response: {
          200: z.object({
            eintraege: z.array(antragSchema.extend({ fallnummer: z.string().nullable(), antragsteller: z.string().nullable(), standort: z.string(), alterTage: z.number(), ueberfaellig: z.boolean() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await arbeitsvorrat({ ctx, actor: requireActor(req), filter: { ...q, faellig: q.faellig === 'ja' } });
      return {
        eintraege: r.eintraege.map((e) => ({ ...presentAntrag(e), fallnummer: e.fallnummer, antragsteller: e.antragsteller, standort: e.standort, alterTage: e.alterTage, ueberfaellig: e.ueberfaellig })),
      };
    },
  );

  api.post(
    '/api/antraege/:id/zuweisung',
    {
      preValidation: angemeldet,
      schema: { tags: antraege, security, summary: 'Antrag zuweisen (sich selbst oder einer Kollegin des Standorts); null hebt auf', params: idParams, body: antragZuweisenSchema, response: { 200: antragSchema, ...errors } },
    },
    async (req) =>
      presentAntrag(await withIssuePrefix('body', () => antragZuweisen({ ctx, actor: requireActor(req), id: req.params.id, bearbeiterId: req.body.bearbeiterId, version: req.body.version }))),
  );

  api.post(
    '/api/antraege/:id/zuordnung',
    {
      preValidation: angemeldet,
      schema: {
        tags: antraege,
        security,
        summary: 'Online-Erstantrag: der vorhandenen Fallakte der Person zuordnen (gleicher Name und Geburtstag) oder eine neue anlegen',
        params: idParams,
        body: antragZuordnenSchema,
        response: { 200: z.object({ neu: z.boolean(), bg: z.object({ id: z.string(), fallnummer: z.string() }) }), ...errors },
      },
    },
    async (req) => {
      const r = await withIssuePrefix('body', () => antragZuordnen({ ctx, actor: requireActor(req), id: req.params.id, input: req.body }));
      return { neu: r.neu, bg: r.bg };
    },
  );

  api.get(
    '/api/antraege/:id/antrag.pdf',
    { preValidation: angemeldet, schema: { tags: antraege, security, summary: 'Eingereichter Online-Antrag, wie die Person ihn ausgefüllt hat (PDF)', params: idParams } },
    async (req, reply) => {
      const r = await eingereichterAntragPdf({ ctx, actor: requireActor(req), id: req.params.id });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${r.dateiname}"`).header('cache-control', 'no-store').send(r.pdf);
    },
  );

  api.post(
    '/api/antraege/:id/uebernahme',
    {
      preValidation: angemeldet,
      schema: {
        tags: antraege,
        security,
        summary: 'Online-Erstantrag ohne Fallakte übernehmen: aus seinen Antragsdaten entsteht die Fallakte (ohne Abtippen)',
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1) }),
        response: { 200: z.object({ bg: z.object({ id: z.string(), fallnummer: z.string() }), antrag: antragSchema, personIds: z.record(z.string(), z.string()) }), ...errors },
      },
    },
    async (req) => {
      const r = await withIssuePrefix('payload', () => antragUebernehmen({ ctx, actor: requireActor(req), id: req.params.id, version: req.body.version }));
      return { bg: { id: r.bg.id, fallnummer: r.bg.fallnummer }, antrag: presentAntrag(r.antrag), personIds: r.personIds };
    },
  );

  api.post(
    '/api/antraege/:id/status',
    { preValidation: angemeldet, schema: { tags: antraege, security, summary: 'Status eines Antrags setzen', params: idParams, body: antragStatusSchema, response: { 200: antragSchema, ...errors } } },
    async (req) => presentAntrag(await antragStatusSetzen({ ctx, actor: requireActor(req), id: req.params.id, status: req.body.status, version: req.body.version })),
  );

  api.get(
    '/api/wiedervorlagen',
    {
      preValidation: guard('fall.lesen'),
      schema: {
        tags: antraege,
        security,
        summary: 'Fällige Wiedervorlagen der eigenen Standorte (bis zum Tag, Standard heute)',
        querystring: z.object({ bis: datumSchema.optional(), meine: z.enum(['ja', 'nein']).optional() }),
        response: { 200: z.object({ wiedervorlagen: z.array(wiedervorlageSchema) }), ...errors },
      },
    },
    async (req) => ({
      wiedervorlagen: (await wiedervorlagenFaellig({ ctx, actor: requireActor(req), bis: req.query.bis, nurMeine: req.query.meine === 'ja' })).map(presentWiedervorlage),
    }),
  );

  api.post(
    '/api/wiedervorlagen/:id/erledigt',
    {
      preValidation: angemeldet,
      schema: { tags: antraege, security, summary: 'Wiedervorlage erledigen', params: idParams, body: wiedervorlageErledigenSchema, response: { 200: wiedervorlageSchema, ...errors } },
    },
    async (req) => presentWiedervorlage(await wiedervorlageErledigen({ ctx, actor: requireActor(req), id: req.params.id, version: req.body.version })),
  );
}
