import { createHash } from 'node:crypto';
import { fallRepository } from '../../db/repositories/fall.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, notFound } from '../errors.ts';
import { pruefeUpload } from '../dokumente/virenscan.ts';
import { datumText } from './texte.ts';
import { ladeBgFuer } from './zugriff.ts';
import { protokolliere } from './protokolliere.ts';
import { dokumentHochladenSchema } from './schemas.ts';

export const DOKUMENT_MAX_BYTES = 5 * 1024 * 1024;

const dateiFehler = (feld: string, code: string, message: string) =>
  new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [{ path: feld, code, message }]);

/**
 * Stores a document of the case (bytes in the database for now) with size and SHA-256. Like uploads in the
 * Bürgerportal it is checked first (src/server/dokumente/virenscan.ts): type by content (images, PDF), at most
 * 5 MB, and a clean clamd scan. A rejected file is not stored (400, issue code at `inhalt`); when clamd cannot be
 * reached nothing is stored either (503 scanner_nicht_erreichbar: please try again later).
 */
export const dokumentHochladen = defineUseCase({
  name: 'fall.dokument-hochladen',
  zugang: 'angemeldet',
  input: dokumentHochladenSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) => {
    const { id, inhalt } = input;
    const feld = 'inhalt';
    if (inhalt.length === 0) throw dateiFehler(feld, 'datei_leer', 'Die Datei ist leer. Bitte wählen Sie eine andere Datei.');
    if (inhalt.length > DOKUMENT_MAX_BYTES) throw dateiFehler(feld, 'datei_zu_gross', 'Die Datei ist größer als 5 MB. Bitte verkleinern Sie sie oder teilen Sie das Dokument auf.');
    // Access first: no scanning of files for a case the actor may not change.
    await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
      if (input.personId && !(await fallRepository.istMitglied(tx, bg.id, input.personId))) throw notFound('Die Person');
    });
    const pruefung = await pruefeUpload(inhalt, { socket: ctx.config.clamdSocket, maxBytes: DOKUMENT_MAX_BYTES });
    if (pruefung.ergebnis === 'abgelehnt') throw dateiFehler(feld, pruefung.code, pruefung.message);
    if (pruefung.ergebnis === 'quarantaene') {
      throw new AppError('scanner_nicht_erreichbar', 503, 'Die Datei konnte gerade nicht auf Viren geprüft werden und wurde nicht gespeichert. Bitte versuchen Sie es in einigen Minuten erneut.');
    }
    const basis = input.dateiname.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'dokument';
    const dateiname = basis.toLowerCase().endsWith(`.${pruefung.endung}`) ? basis : `${basis.replace(/\.[^.]*$/, '')}.${pruefung.endung}`;
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
      const dokument = await fallRepository.insertDokument(tx, {
        traegerId: actor.traegerId,
        bgId: bg.id,
        personId: input.personId ?? null,
        titel: input.titel,
        dateiname,
        mime: pruefung.mime,
        groesse: inhalt.length,
        sha256: createHash('sha256').update(inhalt).digest('hex'),
        inhalt,
        eingegangenAm: input.eingegangenAm,
        createdBy: actor.userId,
      });
      await protokolliere(tx, actor, {
        bgId: bg.id,
        art: 'dokument',
        beschreibung: `Dokument „${input.titel}“ (eingegangen am ${datumText(input.eingegangenAm)}) abgelegt, auf Viren geprüft.`,
        personId: input.personId ?? null,
        details: { dokumentId: dokument.id, sha256: dokument.sha256, groesse: dokument.groesse, mime: dokument.mime },
        zweck: 'Leistungssachbearbeitung: Dokument ablegen',
      });
      return dokument;
    });
  },
});
