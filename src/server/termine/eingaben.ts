import { z } from 'zod';
import { istKalenderdatum } from '../../domain/berechnung/datum.ts';
import { KANAELE } from '../../domain/termine/index.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { istUhrzeit, minutenVon, text, uhrzeit } from '../schemas/grenzen.ts';

/**
 * Input pieces shared by the Termine use cases (API and pages parse with the same schemas): ids as they come from
 * URLs and forms, the channel, and the rules of an Ausnahme (one day closed or with extra hours).
 */

/** An id from a URL or a hidden field; malformed ids are answered 404 by the use case (as before), not 400. */
export const kennung = () => z.string().max(100).describe('ID (UUID)');

export const kanalFeld = () => z.enum(KANAELE, { error: 'Bitte wählen Sie die Art des Termins.' });

const DATUM_FEHLER = 'Bitte geben Sie das Datum an (TT.MM.JJJJ).';
/** A calendar date JJJJ-MM-TT (one message for malformed and impossible dates; continuable, so cross-field checks still run). */
export const tagesdatum = (fehler = DATUM_FEHLER) => z.string({ error: fehler }).refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && istKalenderdatum(s), { error: fehler });

/** The fields of an Ausnahme: `art`, `datum`, optional `von`/`bis` (both or none), optional `grund`. */
export const ausnahmeFelder = {
  art: z.enum(['geschlossen', 'zusaetzlich'], { error: 'Bitte wählen Sie, ob geschlossen ist oder zusätzlich geöffnet.' }),
  datum: tagesdatum(),
  von: leerAlsFehlend(uhrzeit().describe('HH:MM, Pflicht bei zusaetzlich')),
  bis: leerAlsFehlend(uhrzeit().describe('HH:MM, nach von')),
  grund: leerAlsFehlend(text(200)),
};

type AusnahmeWerte = { art?: string; von?: string | undefined; bis?: string | undefined };

/** Cross-field rules of an Ausnahme; runs even when a single field failed, so all messages show at once. */
export const ausnahmeRegeln = {
  pruefe(a: AusnahmeWerte, issues: { path: string; message: string }[]) {
    const { von, bis } = a;
    if (!!von !== !!bis) issues.push({ path: von ? 'bis' : 'von', message: 'Bitte geben Sie Beginn und Ende an – oder keines von beiden für den ganzen Tag.' });
    if (von && bis && istUhrzeit(von) && istUhrzeit(bis) && minutenVon(von) >= minutenVon(bis)) issues.push({ path: 'bis', message: 'Das Ende muss nach dem Beginn liegen.' });
    if (a.art === 'zusaetzlich' && !von && !bis) issues.push({ path: 'von', message: 'Für zusätzliche Öffnungszeiten brauchen wir Beginn und Ende.' });
  },
};

/** Adds the Ausnahme's cross-field rules to an object schema holding `ausnahmeFelder`. */
export function mitAusnahmeRegeln<S extends z.ZodObject>(schema: S) {
  return schema.check((p) => {
    const issues: { path: string; message: string }[] = [];
    ausnahmeRegeln.pruefe(p.value as AusnahmeWerte, issues);
    for (const i of issues) p.issues.push({ code: 'custom', path: [i.path], message: i.message, input: p.value });
  });
}
