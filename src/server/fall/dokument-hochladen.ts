import { createHash } from 'node:crypto';
import { fallRepository } from '../../db/repositories/fall.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { datumText, ladeBgFuer, protokolliere } from './common.ts';
import type { DokumentNeu } from './schemas.ts';

export const DOKUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** Stores a document of the case (bytes in the database for now) with size and SHA-256. */
export async function dokumentHochladen(opts: { ctx: AppContext; actor: Actor; id: string; input: DokumentNeu; inhalt?: Buffer }) {
  const { ctx, actor, id, input } = opts;
  const inhalt = opts.inhalt ?? Buffer.from(input.inhaltBase64, 'base64');
  if (inhalt.length === 0 || inhalt.length > DOKUMENT_MAX_BYTES) {
    throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
      { path: 'inhaltBase64', code: 'dokument_groesse', message: 'Das Dokument ist leer oder größer als 5 MB.' },
    ]);
  }
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
    if (input.personId && !(await fallRepository.istMitglied(tx, bg.id, input.personId))) throw notFound('Die Person');
    const dokument = await fallRepository.insertDokument(tx, {
      traegerId: actor.traegerId,
      bgId: bg.id,
      personId: input.personId ?? null,
      titel: input.titel,
      dateiname: input.dateiname,
      mime: input.mime.toLowerCase(),
      groesse: inhalt.length,
      sha256: createHash('sha256').update(inhalt).digest('hex'),
      inhalt,
      eingegangenAm: input.eingegangenAm,
      createdBy: actor.userId,
    });
    await protokolliere(tx, actor, {
      bgId: bg.id,
      art: 'dokument',
      beschreibung: `Dokument „${input.titel}“ (eingegangen am ${datumText(input.eingegangenAm)}) abgelegt.`,
      personId: input.personId ?? null,
      details: { dokumentId: dokument.id, sha256: dokument.sha256, groesse: dokument.groesse },
      zweck: 'Leistungssachbearbeitung: Dokument ablegen',
    });
    return dokument;
  });
}
