import { randomUUID } from 'node:crypto';
import { fallRepository } from '../../db/repositories/fall.ts';
import { einmaligGueltigBis, zustandAm, type FallakteDaten } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { AppError, notFound } from '../errors.ts';
import { aendereSerieAb } from './aendere-ab.ts';
import { einkommenSpalten } from './aendere-einkommen.ts';
import { datumText, ROLLE_TEXT } from './texte.ts';
import { imTenant, sperreVersion } from './fallakte-version.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { personAufnahmeSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * A person joins the BG or its household "ab" a day (a birth, a new partner, a relative moving in). A person
 * who still belongs to another BG on that day is refused by the database (409 person_in_anderer_bg). For a person
 * already known (`personId`) the Stammdaten stay, the person facts change "ab" that day, and the given income and
 * assets are added.
 */
export const personAufnehmen = defineUseCase({
  name: 'fall.person-aufnehmen',
  zugang: 'angemeldet',
  input: personAufnahmeSchema,
  audit: ['fallakte.update', 'person.create', 'person.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    const p = input.person;
    return mitUeberschneidungsFehler(() =>
      imTenant(ctx, actor, opts.tx, async (tx) => {
        const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
        if (bg.status === 'geschlossen') {
          throw new AppError('fall_geschlossen', 409, 'Diese Bedarfsgemeinschaft ist geschlossen; niemand kann mehr aufgenommen werden. Ein neuer Antrag bekommt eine neue Fallakte.');
        }
        const updated = await sperreVersion(tx, bg, input.version);
        const rows = await fallRepository.ladeDaten(tx, bg.id, { bank: false });
        const daten: FallakteDaten = { bg: { id: bg.id, fallnummer: bg.fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version }, ...rows };
        const vorher = zustandAm(daten, input.ab);
        if (p.rolle === 'antragsteller' && vorher.personen.some((x) => x.rolle === 'antragsteller')) {
          throw new AppError('rolle_vergeben', 409, 'Die Bedarfsgemeinschaft hat an diesem Tag schon eine antragstellende Person.');
        }
        if (p.rolle === 'partner' && vorher.personen.some((x) => x.rolle === 'partner')) {
          throw new AppError('rolle_vergeben', 409, 'Die Bedarfsgemeinschaft hat an diesem Tag schon eine Partnerin oder einen Partner.');
        }
        const t = actor.traegerId;
        const personId = input.personId ?? randomUUID();
        if (input.personId && (await fallRepository.serie(tx, 'stammdaten', { personId })).length === 0) throw notFound('Die Person');
        if (!input.personId) {
          await fallRepository.insertPersonen(tx, [{ traegerId: t, id: personId }]);
          await fallRepository.insertPerioden(tx, 'stammdaten', [
            { traegerId: t, personId, gueltigVon: input.ab, gueltigBis: null, vorname: p.vorname, nachname: p.nachname, geburtsdatum: p.geburtsdatum, geschlecht: p.geschlecht ?? null, staatsangehoerigkeit: p.staatsangehoerigkeit },
          ]);
        }
        await fallRepository.insertPerioden(tx, 'mitgliedschaften', [
          { traegerId: t, bgId: bg.id, personId, gueltigVon: input.ab, gueltigBis: null, rolle: p.rolle, inBg: p.inBedarfsgemeinschaft ?? p.rolle !== 'sonstige' },
        ]);
        const merkmale = {
          erwerbsfaehig: p.erwerbsfaehig ?? null,
          schwanger: p.schwanger ?? false,
          mehrbedarfBehinderung: p.mehrbedarf?.behinderung ?? false,
          mehrbedarfErnaehrungCent: p.mehrbedarf?.ernaehrungCent ?? null,
          mehrbedarfUnabweisbarCent: p.mehrbedarf?.unabweisbarCent ?? null,
          mehrbedarfSchulbuecherCent: p.mehrbedarf?.schulbuecherCent ?? null,
          alleinerziehend: p.alleinerziehend ?? null,
          kindergeldberechtigterPersonId: p.kindergeldberechtigterPersonId ?? null,
          ausbildung: p.ausbildung ?? null,
          sgb12: p.sgb12 ?? false,
        };
        // A known person keeps their history: the facts in force end the day before, the new ones start at `ab`.
        await aendereSerieAb(tx, { tabelle: 'merkmale', filter: { personId }, ab: input.ab, traegerId: t, werte: merkmale });
        for (const e of p.einkommen ?? []) {
          const werte = einkommenSpalten(e);
          // a one-off income runs from its Zuflussdatum (docs/fallakte.md, "Einmalige Einnahmen")
          const periode = werte.zuflussDatum ? { gueltigVon: werte.zuflussDatum, gueltigBis: einmaligGueltigBis(werte.zuflussDatum) } : { gueltigVon: input.ab, gueltigBis: null };
          await fallRepository.insertPerioden(tx, 'einkommen', [{ traegerId: t, personId, ...periode, ...werte }]);
        }
        for (const v of p.vermoegen ?? []) {
          await fallRepository.insertPerioden(tx, 'vermoegen', [{ traegerId: t, personId, gueltigVon: input.ab, gueltigBis: null, bezeichnung: v.bezeichnung, wertCent: v.wertCent }]);
        }
        if (p.rolle === 'kind') {
          const eltern = p.elternPersonIds ?? vorher.personen.filter((x) => x.rolle === 'antragsteller' || x.rolle === 'partner').map((x) => x.id);
          for (const elternId of eltern) {
            await fallRepository.insertPerioden(tx, 'beziehungen', [{ traegerId: t, bgId: bg.id, personId: elternId, zuPersonId: personId, art: 'elternteil', gueltigVon: input.ab, gueltigBis: null }]);
          }
        }
        if (p.rolle === 'partner') {
          const as = vorher.personen.find((x) => x.rolle === 'antragsteller');
          if (as) await fallRepository.insertPerioden(tx, 'beziehungen', [{ traegerId: t, bgId: bg.id, personId: as.id, zuPersonId: personId, art: 'partner', gueltigVon: input.ab, gueltigBis: null }]);
        }
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: 'person_aufgenommen',
          beschreibung: `${p.vorname} ${p.nachname} (geboren ${datumText(p.geburtsdatum)}) gehört ab ${datumText(input.ab)} als ${ROLLE_TEXT[p.rolle]} ${(p.inBedarfsgemeinschaft ?? p.rolle !== 'sonstige') ? 'zur Bedarfsgemeinschaft' : 'nur zum Haushalt'}.`,
          personId,
          details: { ab: input.ab, rolle: p.rolle },
        });
        await recordAudit(tx, actor, { objectType: 'person', objectId: personId, personId, action: input.personId ? 'update' : 'create', purpose: 'Leistungssachbearbeitung: Person aufnehmen', details: { bgId: bg.id } });
        return { ...updated, personId };
      }),
    );
  },
});
