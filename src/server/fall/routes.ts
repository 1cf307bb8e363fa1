import { eingereichterAntragPdf } from './antrag-pdf.ts';
import { antragZuordnen, antragZuordnenSchema } from './antrag-zuordnen.ts';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { istUuid } from '../schemas/grenzen.ts';
import { datumSchema, erstantragDatenSchema } from '../../domain/fallakte/index.ts';
import { withIssuePrefix } from '../admin/common.ts';
import { apiErrorSchema as errorSchema, apiRoute, type UseCase } from '../use-case.ts';
import type { AppContext } from '../context.ts';
import { requireActor } from '../http.ts';
import { AppError } from '../errors.ts';
import { setHinweis } from '../cookies.ts';
import { authorize } from '../policies.ts';
import { aendereAdresse } from './aendere-adresse.ts';
import { aendereBankverbindung } from './aendere-bankverbindung.ts';
import { aendereEinkommen } from './aendere-einkommen.ts';
import { aenderePerson } from './aendere-person.ts';
import { aendereUnterkunft } from './aendere-unterkunft.ts';
import { aendereVermoegen } from './aendere-vermoegen.ts';
import { bgSchliessen } from './bg-schliessen.ts';
import { antragAnlegen } from './antrag-anlegen.ts';
import { antragStatusSetzen } from './antrag-status-setzen.ts';
import { antragUebernehmen } from './antrag-uebernehmen.ts';
import { antragZuweisen, antragZuweisenSchema } from './antrag-zuweisen.ts';
import { arbeitsvorrat, vorratFilterSchema } from './arbeitsvorrat.ts';
import { DOKUMENT_MAX_BYTES, dokumentHochladen } from './dokument-hochladen.ts';
import { dokumentLaden } from './dokument-laden.ts';
import { erstantragErfassen } from './erfasse-erstantrag.ts';
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
  bankAenderungSchema,
  bgSchliessenSchema,
  dokumentSchema,
  einkommenAenderungFelder,
  personAenderungSchema,
  personAufnahmeSchema,
  personAustrittSchema,
  unterkunftAenderungSchema,
  vermerkSchema,
  vermoegenAenderungFelder,
  wiedervorlageErledigenSchema,
  wiedervorlageNeuSchema,
} from './schemas.ts';
import { sucheFaelle } from './suche-faelle.ts';
import { vermerkAnlegen } from './vermerk-anlegen.ts';
import { wiedervorlageAnlegen } from './wiedervorlage-anlegen.ts';
import { wiedervorlageErledigen } from './wiedervorlage-erledigen.ts';
import { faelligeWiedervorlagenSchema, wiedervorlagenFaellig } from './wiedervorlagen-faellig.ts';

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
      if (personId && !istUuid(personId)) fehler.push('person_ungueltig');
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
        await dokumentHochladen.execute({
          ctx,
          actor,
          input: { id, titel, dateiname: datei!.filename || 'dokument', eingegangenAm: datum, ...(personId ? { personId } : {}), inhalt: datei!.buffer },
        });
      } catch (err) {
        if (err instanceof AppError && err.status === 400 && err.issues.length) return zurueck(err.issues.map((i) => i.code));
        if (err instanceof AppError && err.code === 'scanner_nicht_erreichbar') return zurueck(['scanner_nicht_erreichbar']);
        throw err;
      }
      setHinweis(reply, `Das Dokument „${titel}“ wurde auf Viren geprüft und abgelegt.`);
      return reply.code(303).header('location', `/faelle/${encodeURIComponent(id)}#dokumente`).send();
    });
  });
}

/** The use case names the file `inhalt`; the JSON API sends it as `inhaltBase64`. */
async function dateiFeld<T>(p: Promise<T>, feld: string): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.issues.some((i) => i.path === 'inhalt')) {
      throw new AppError(err.code, err.status, err.message, err.issues.map((i) => (i.path === 'inhalt' ? { ...i, path: feld } : i)), err.extra);
    }
    throw err;
  }
}

const idParams = z.object({ id: z.string().max(100).describe('ID (UUID)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const security = [{ sitzung: [] }];
const versionAntwort = z.object({ id: z.string(), version: z.number().describe('neue Version der Fallakte') });

/** Signed in, nothing more: object routes decide 404 (other Träger/Standort) before 403 (missing right). */
const angemeldet = async (req: FastifyRequest) => {
  requireActor(req);
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

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/faelle',
    useCase: sucheFaelle,
    tags: faelle,
    summary: 'Fallakten suchen (Name, Geburtsdatum, Fallnummer; nur eigene Standorte)',
    querystring: z.object({ name: z.string().max(200).optional(), geburtsdatum: z.string().max(10).optional(), fallnummer: z.string().max(50).optional() }),
    response: z.object({
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
    present: (treffer) => ({ treffer: treffer.map(({ standortId: _s, ...t }) => t) }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle',
    useCase: erstantragErfassen,
    tags: faelle,
    summary: 'Erstantrag erfassen: neue Bedarfsgemeinschaft mit Personen, Anschrift, Bank, Einkommen, Unterkunft (eine Transaktion)',
    body: erstantragDatenSchema,
    status: 201,
    response: z.object({
      bg: z.object({ id: z.string(), fallnummer: z.string(), standortId: z.string(), standortName: z.string(), version: z.number() }),
      antrag: antragSchema,
      personIds: z.record(z.string(), z.string()).describe('ref aus dem Antrag → Personen-ID'),
    }),
    present: (r) => ({
      bg: { id: r.bg.id, fallnummer: r.bg.fallnummer, standortId: r.bg.standortId, standortName: r.standortName, version: r.bg.version },
      antrag: presentAntrag(r.antrag),
      personIds: r.personIds,
    }),
  });

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/faelle/:id',
    useCase: oeffneFallakte,
    tags: faelle,
    summary: 'Fallakte öffnen (Stand am Stichtag, Standard heute; ohne Bankdaten für die Integration)',
    params: idParams,
    querystring: z.object({ stichtag: z.string().max(10).optional() }),
    response: fallakteSchema,
    present: presentFallakte,
  });

  // Changes of the Fallakte "ab" a day: one use case each (src/server/fall/<name>.ts), answer: the new version.
  const aenderungen: [string, string, UseCase<z.ZodType, { id: string; version: number }>, z.ZodType][] = [
    ['adresse', 'Neue Anschrift ab einem Tag (Umzug; zuständiger Standort folgt der Kommune)', aendereAdresse, adresseAenderungSchema.omit({ id: true })],
    ['bankverbindung', 'Bankverbindung ab einem Tag (IBAN geprüft; nur mit Recht auf Bankdaten)', aendereBankverbindung, bankAenderungSchema.omit({ id: true })],
    ['unterkunft', 'Kosten der Unterkunft ab einem Tag', aendereUnterkunft, unterkunftAenderungSchema.omit({ id: true })],
    ['einkommen', 'Einkommen ab einem Tag: neu, geändert oder beendet', aendereEinkommen, einkommenAenderungFelder.omit({ id: true })],
    ['person', 'Stammdaten und Merkmale einer Person ab einem Tag', aenderePerson, personAenderungSchema.omit({ id: true })],
    ['personen', 'Person ab einem Tag in die BG oder den Haushalt aufnehmen (Geburt, Zuzug)', personAufnehmen, personAufnahmeSchema.omit({ id: true })],
    ['austritt', 'Person gehört ab einem Tag nicht mehr dazu (Auszug, Tod)', personAustritt, personAustrittSchema.omit({ id: true })],
    ['vermoegen', 'Vermögen einer Person ab einem Tag: neu, geändert oder beendet', aendereVermoegen, vermoegenAenderungFelder.omit({ id: true })],
    [
      'schliessung',
      'Bedarfsgemeinschaft ab einem Tag schließen (alle Mitgliedschaften enden; 409 bewilligung_laeuft, solange eine erteilte Bewilligung darüber hinaus läuft)',
      bgSchliessen,
      bgSchliessenSchema.omit({ id: true }),
    ],
  ];
  for (const [pfad, summary, useCase, body] of aenderungen) {
    apiRoute(app, ctx, {
      method: 'POST',
      url: `/api/faelle/:id/${pfad}`,
      useCase,
      tags: faelle,
      summary,
      params: idParams,
      body,
      response: versionAntwort,
      present: (bg) => ({ id: bg.id, version: bg.version }),
    });
  }

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle/:id/vermerke',
    useCase: vermerkAnlegen,
    tags: faelle,
    summary: 'Vermerk anlegen',
    params: idParams,
    body: vermerkSchema.omit({ id: true }),
    status: 201,
    response: vermerkAntwort,
    present: presentVermerk,
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle/:id/antraege',
    useCase: antragAnlegen,
    tags: antraege,
    summary: 'Weiterbewilligungsantrag oder Veränderungsmitteilung erfassen',
    params: idParams,
    body: antragNeuSchema.omit({ id: true }),
    status: 201,
    response: antragSchema,
    present: presentAntrag,
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle/:id/wiedervorlagen',
    useCase: wiedervorlageAnlegen,
    tags: antraege,
    summary: 'Wiedervorlage anlegen',
    params: idParams,
    body: wiedervorlageNeuSchema.omit({ id: true }),
    status: 201,
    response: wiedervorlageSchema,
    present: presentWiedervorlage,
  });

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
      const { inhaltBase64, mime: _mime, ...angaben } = req.body;
      const input = { ...angaben, id: req.params.id, inhalt: Buffer.from(inhaltBase64, 'base64') };
      const d = await withIssuePrefix('body', () => dateiFeld(dokumentHochladen.execute({ ctx, actor: req.actor, input }), 'inhaltBase64'));
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
      const d = await dokumentLaden.execute({ ctx, actor: req.actor, input: req.params });
      return reply
        .header('content-type', d.mime)
        .header('content-disposition', `attachment; filename="${d.dateiname.replace(/[^\w.\- ]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(d.inhalt);
    },
  );

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/antraege',
    useCase: arbeitsvorrat,
    tags: antraege,
    summary: 'Arbeitsvorrat: Anträge der eigenen Standorte mit Alter und Frist',
    querystring: vorratFilterSchema,
    response: z.object({
      eintraege: z.array(antragSchema.extend({ fallnummer: z.string().nullable(), antragsteller: z.string().nullable(), standort: z.string(), alterTage: z.number(), ueberfaellig: z.boolean() })),
    }),
    present: (r) => ({
      eintraege: r.eintraege.map((e) => ({ ...presentAntrag(e), fallnummer: e.fallnummer, antragsteller: e.antragsteller, standort: e.standort, alterTage: e.alterTage, ueberfaellig: e.ueberfaellig })),
    }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/antraege/:id/zuweisung',
    useCase: antragZuweisen,
    tags: antraege,
    summary: 'Antrag zuweisen (sich selbst oder einer Kollegin des Standorts); null hebt auf',
    params: idParams,
    body: antragZuweisenSchema.omit({ id: true }),
    response: antragSchema,
    present: presentAntrag,
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/antraege/:id/zuordnung',
    useCase: antragZuordnen,
    tags: antraege,
    summary: 'Online-Erstantrag: der vorhandenen Fallakte der Person zuordnen (gleicher Name und Geburtstag) oder eine neue anlegen',
    params: idParams,
    body: antragZuordnenSchema.omit({ id: true }),
    response: z.object({ neu: z.boolean(), bg: z.object({ id: z.string(), fallnummer: z.string() }) }),
    present: (r) => ({ neu: r.neu, bg: r.bg }),
  });

  api.get(
    '/api/antraege/:id/antrag.pdf',
    { preValidation: angemeldet, schema: { tags: antraege, security, summary: 'Eingereichter Online-Antrag, wie die Person ihn ausgefüllt hat (PDF)', params: idParams } },
    async (req, reply) => {
      const r = await eingereichterAntragPdf.execute({ ctx, actor: req.actor, input: req.params });
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
      // Issues concern the Antrag's stored data, not the request: `payload.<feld>`.
      const r = await withIssuePrefix('payload', () => antragUebernehmen.execute({ ctx, actor: req.actor, input: { ...req.body, id: req.params.id } }));
      return { bg: { id: r.bg.id, fallnummer: r.bg.fallnummer }, antrag: presentAntrag(r.antrag), personIds: r.personIds };
    },
  );

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/antraege/:id/status',
    useCase: antragStatusSetzen,
    tags: antraege,
    summary: 'Status eines Antrags setzen',
    params: idParams,
    body: antragStatusSchema.omit({ id: true }),
    response: antragSchema,
    present: presentAntrag,
  });

  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/wiedervorlagen',
    useCase: wiedervorlagenFaellig,
    tags: antraege,
    summary: 'Fällige Wiedervorlagen der eigenen Standorte (bis zum Tag, Standard heute)',
    querystring: faelligeWiedervorlagenSchema,
    response: z.object({ wiedervorlagen: z.array(wiedervorlageSchema) }),
    present: (w) => ({ wiedervorlagen: w.map(presentWiedervorlage) }),
  });

  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/wiedervorlagen/:id/erledigt',
    useCase: wiedervorlageErledigen,
    tags: antraege,
    summary: 'Wiedervorlage erledigen',
    params: idParams,
    body: wiedervorlageErledigenSchema.omit({ id: true }),
    response: wiedervorlageSchema,
    present: presentWiedervorlage,
  });
}
