import { z } from 'zod';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { gespraechsvermerkeRepository } from '../../db/repositories/gespraechsvermerke.ts';
import { termineRepository } from '../../db/repositories/termine.ts';
import { GESPRAECHSARTEN } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, validationFailed } from '../errors.ts';
import { leerAlsFehlend, tagesdatum } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { speichereErgebnis } from '../termine/ergebnis-erfassen.ts';
import { darfSehen } from '../termine/gemeinsam.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, ladeElbPerson, verlangeElb, zweckBetreuung } from './betreuung-zugriff.ts';

export const GESPRAECHSART_TEXT: Record<(typeof GESPRAECHSARTEN)[number], string> = {
  erstgespraech: 'Erstgespräch',
  folgegespraech: 'Folgegespräch',
  telefonisch: 'telefonisch',
  video: 'Video',
};

/**
 * A Gesprächsvermerk: dated, typed note of a conversation with the eLb. Linked to a Termin the person was invited
 * to, it records that Termin as wahrgenommen the way the Termine module's "Ergebnis" does (same rule, same audit) —
 * unless an outcome is recorded there already. The person's open contact Wiedervorlagen ('integration_kontakt') are
 * done with it; an agreed next contact becomes a new one for the persönliche Ansprechpartnerin (or the author when
 * nobody is assigned).
 */
export const gespraechsvermerkAnlegen = defineUseCase({
  name: 'integration.gespraechsvermerk-anlegen',
  zugang: 'angemeldet',
  input: z.object({
    personId: z.string().max(100).describe('Person (UUID)'),
    datum: tagesdatum().describe('Tag des Gesprächs'),
    art: z.enum(GESPRAECHSARTEN, { error: 'Bitte wählen Sie die Art des Gesprächs.' }),
    text: text(10_000).refine((t) => t.trim().length > 0, { error: 'Bitte geben Sie den Inhalt des Gesprächs ein.' }),
    terminId: leerAlsFehlend(z.string().max(100)).describe('Termin der Person, zu dem das Gespräch gehört'),
    naechsterKontakt: leerAlsFehlend(tagesdatum()).describe('vereinbarter nächster Kontakt (legt eine Wiedervorlage an)'),
  }),
  audit: ['gespraechsvermerk.create', 'einladung.update'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const tag = heute(jetzt);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeElbPerson(tx, actor, input.personId, 'integration.bearbeiten', tag);
      verlangeElb(person);
      if (input.datum > tag) throw validationFailed([{ path: 'datum', code: 'datum_in_zukunft', message: 'Ein Gespräch kann nicht in der Zukunft liegen.' }]);
      if (input.naechsterKontakt && input.naechsterKontakt < tag) {
        throw validationFailed([{ path: 'naechsterKontakt', code: 'datum_in_vergangenheit', message: 'Der nächste Kontakt muss heute oder später sein.' }]);
      }
      const zweck = zweckBetreuung(actor, `Gesprächsvermerk vom ${datumText(input.datum)} anlegen`);
      let terminErgebnis: string | null = null;
      if (input.terminId) {
        const t = (await gespraechsvermerkeRepository.termineDerPerson(tx, person.personId)).find((x) => x.terminId === input.terminId);
        if (!t) throw validationFailed([{ path: 'terminId', code: 'termin_unbekannt', message: 'Dieser Termin gehört nicht zu der Person.' }]);
        if (t.einladungStatus === 'eingeladen') {
          const einladung = await termineRepository.findEinladung(tx, t.einladungId);
          const termin = await termineRepository.findTermin(tx, t.terminId);
          // the Termine module's own rule: only who may see the appointment records its outcome
          if (!termin || !darfSehen(actor, termin)) throw validationFailed([{ path: 'terminId', code: 'termin_unbekannt', message: 'Diesen Termin können Sie nicht bearbeiten.' }]);
          try {
            await speichereErgebnis(tx, actor, { einladung: einladung!, termin, ergebnis: 'wahrgenommen', jetzt, zweck });
            terminErgebnis = 'wahrgenommen';
          } catch (err) {
            if (err instanceof AppError) throw validationFailed([{ path: 'terminId', code: err.code, message: err.message }]);
            throw err;
          }
        }
      }
      const vermerk = await gespraechsvermerkeRepository.insert(tx, {
        traegerId: actor.traegerId,
        personId: person.personId,
        bgId: person.bgId,
        datum: input.datum,
        art: input.art,
        text: input.text.trim(),
        terminId: input.terminId ?? null,
        naechsterKontakt: input.naechsterKontakt ?? null,
        createdBy: actor.userId,
        createdByName: actor.name,
      });
      // the conversation took place: the contacts agreed before are done (a new one follows below, if agreed)
      const erledigt = await gespraechsvermerkeRepository.erledigeKontaktWiedervorlagen(tx, person.personId, jetzt, actor.userId);
      let wiedervorlageId: string | null = null;
      if (input.naechsterKontakt) {
        const betreuung = (await betreuungRepository.verlauf(tx, person.personId)).find(
          (b) => b.gueltigVon <= input.naechsterKontakt! && (b.gueltigBis === null || b.gueltigBis >= input.naechsterKontakt!),
        );
        const wv = await antraegeRepository.insertWiedervorlage(tx, {
          traegerId: actor.traegerId,
          bgId: person.bgId,
          faelligAm: input.naechsterKontakt,
          grund: `Nächster Kontakt mit ${person.vorname} ${person.nachname} (vereinbart im Gespräch vom ${datumText(input.datum)})`,
          art: 'integration_kontakt',
          personId: person.personId,
          bezugId: vermerk.id,
          zugewiesenAn: betreuung?.fachkraftId ?? actor.userId,
          createdBy: actor.userId,
        });
        wiedervorlageId = wv.id;
      }
      await recordAudit(tx, actor, {
        objectType: 'gespraechsvermerk',
        objectId: vermerk.id,
        personId: person.personId,
        action: 'create',
        purpose: zweck,
        details: { art: input.art, datum: input.datum, terminId: input.terminId ?? null, wiedervorlageId, erledigteWiedervorlagen: erledigt.length },
      });
      return { ...vermerk, wiedervorlageId, terminErgebnis, erledigteWiedervorlagen: erledigt.length };
    });
  },
});
