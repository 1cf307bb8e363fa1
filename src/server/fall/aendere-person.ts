import { fallRepository } from '../../db/repositories/fall.ts';
import { geltendeAm } from '../../domain/fallakte/index.ts';
import { notFound, validationFailed } from '../errors.ts';
import { aendereSerieAb } from './aendere-ab.ts';
import { datumText } from './texte.ts';
import { imTenant, sperreVersion } from './fallakte-version.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { personAenderungSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

export const AUSBILDUNG_TEXT: Record<string, string> = { schule: 'Schule', ausbildung: 'Ausbildung', studium: 'Studium' };

/** The new value if given, else the value in force, else the default. */
const pick = <T>(neu: T | undefined, alt: unknown, leer: T): T => (neu !== undefined ? neu : ((alt as T) ?? leer));

/**
 * Stammdaten (e.g. a new name after marriage, a new nationality) and/or person facts (Erwerbsfähigkeit,
 * Schwangerschaft, Mehrbedarfe, …) "ab" a day. Missing fields keep the value in force on that day.
 * The old periods stay: the Stammdaten history is kept.
 */
export const aenderePerson = defineUseCase({
  name: 'fall.aendere-person',
  zugang: 'angemeldet',
  input: personAenderungSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    if (!input.stammdaten && !input.merkmale) {
      throw validationFailed([{ path: 'stammdaten', code: 'fehlt', message: 'Bitte geben Sie die Änderung an.' }]);
    }
    return mitUeberschneidungsFehler(() =>
      imTenant(ctx, actor, opts.tx, async (tx) => {
        const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
        if (!(await fallRepository.istMitglied(tx, bg.id, input.personId))) throw notFound('Die Person');
        const updated = await sperreVersion(tx, bg, input.version);
        const teile: string[] = [];
        if (input.stammdaten) {
          const s = input.stammdaten;
          // Familienstand and contact not sent stay as they were (a name change must not erase them).
          const bisher = geltendeAm((await fallRepository.serie(tx, 'stammdaten', { personId: input.personId })) as unknown as (Record<string, unknown> & { gueltigVon: string; gueltigBis: string | null })[], input.ab);
          await aendereSerieAb(tx, {
            tabelle: 'stammdaten',
            filter: { personId: input.personId },
            ab: input.ab,
            traegerId: actor.traegerId,
            werte: {
              vorname: s.vorname,
              nachname: s.nachname,
              geburtsdatum: s.geburtsdatum,
              geschlecht: s.geschlecht ?? null,
              staatsangehoerigkeit: s.staatsangehoerigkeit,
              familienstand: pick(s.familienstand, bisher?.familienstand, null),
              telefon: pick(s.telefon === '' ? null : s.telefon, bisher?.telefon, null),
              email: pick(s.email === '' ? null : s.email, bisher?.email, null),
            },
          });
          teile.push(`Stammdaten: ${s.vorname} ${s.nachname}, geboren ${datumText(s.geburtsdatum)}, Staatsangehörigkeit ${s.staatsangehoerigkeit}`);
        }
        if (input.merkmale) {
          const serie = (await fallRepository.serie(tx, 'merkmale', { personId: input.personId })) as unknown as Record<string, unknown>[];
          const bisher = (geltendeAm(serie as never[], input.ab) ?? {}) as Record<string, unknown>;
          const m = input.merkmale;
          const werte = {
            erwerbsfaehig: pick(m.erwerbsfaehig, bisher.erwerbsfaehig, null),
            schwanger: pick(m.schwanger, bisher.schwanger, false),
            mehrbedarfBehinderung: pick(m.mehrbedarf?.behinderung, bisher.mehrbedarfBehinderung, false),
            mehrbedarfErnaehrungCent: pick(m.mehrbedarf?.ernaehrungCent, bisher.mehrbedarfErnaehrungCent, null),
            mehrbedarfUnabweisbarCent: pick(m.mehrbedarf?.unabweisbarCent, bisher.mehrbedarfUnabweisbarCent, null),
            mehrbedarfSchulbuecherCent: pick(m.mehrbedarf?.schulbuecherCent, bisher.mehrbedarfSchulbuecherCent, null),
            alleinerziehend: pick(m.alleinerziehend, bisher.alleinerziehend, null),
            kindergeldberechtigterPersonId: pick(m.kindergeldberechtigterPersonId, bisher.kindergeldberechtigterPersonId, null),
            ausbildung: pick(m.ausbildung, bisher.ausbildung, null),
            sgb12: pick(m.sgb12, bisher.sgb12, false),
          };
          await aendereSerieAb(tx, { tabelle: 'merkmale', filter: { personId: input.personId }, ab: input.ab, traegerId: actor.traegerId, werte });
          const t: string[] = [];
          if (werte.erwerbsfaehig !== null) t.push(werte.erwerbsfaehig ? 'erwerbsfähig' : 'nicht erwerbsfähig');
          if (werte.schwanger) t.push('schwanger');
          if (werte.mehrbedarfBehinderung) t.push('Mehrbedarf Behinderung');
          if (werte.mehrbedarfErnaehrungCent) t.push('Mehrbedarf Ernährung');
          if (werte.mehrbedarfUnabweisbarCent) t.push('unabweisbarer Mehrbedarf');
          if (werte.mehrbedarfSchulbuecherCent) t.push('Mehrbedarf Schulbücher');
          if (werte.alleinerziehend !== null) t.push(werte.alleinerziehend ? 'alleinerziehend' : 'nicht alleinerziehend');
          if (werte.ausbildung) t.push(AUSBILDUNG_TEXT[werte.ausbildung] ?? werte.ausbildung);
          if (werte.sgb12) t.push('bezieht Altersrente oder Leistungen nach SGB XII');
          teile.push(`Merkmale: ${t.length ? t.join(', ') : 'keine besonderen'}`);
        }
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: 'person_geaendert',
          beschreibung: `Angaben zur Person ab ${datumText(input.ab)} geändert – ${teile.join('; ')}.`,
          personId: input.personId,
          details: { ab: input.ab, stammdaten: !!input.stammdaten, merkmale: !!input.merkmale },
        });
        return updated;
      }),
    );
  },
});
