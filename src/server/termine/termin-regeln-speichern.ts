import { z } from 'zod';
import { terminRegelnRepository, type TerminRegelnRow } from '../../db/repositories/termin-regeln.ts';
import { REGEL_GRENZEN, STANDARD_REGELN, terminRegelnSchema, type RegelName } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { version } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { alsRegeln } from './gemeinsam.ts';
import { regelnAnsicht, type TerminRegelnAnsicht } from './termin-regeln-laden.ts';

const grenzenText = (regel: RegelName) => `Erlaubt: ${REGEL_GRENZEN[regel].min} bis ${REGEL_GRENZEN[regel].max}.`;

/**
 * The rules as sent: numbers (API) or the form's digits ("45"). Every rule is checked against its limits
 * (`terminRegelnSchema`), one German message per field with the stable codes `regel_ungueltig` / `regel_unbekannt`.
 */
function pruefeRegeln(werte: Record<string, unknown>) {
  const issues: FieldIssue[] = [];
  const zahlen: Record<string, unknown> = {};
  for (const [feld, wert] of Object.entries(werte)) {
    if (!(feld in REGEL_GRENZEN)) {
      issues.push({ path: feld, code: 'regel_unbekannt', message: `Unbekannte Regel: ${feld}.` });
      continue;
    }
    if (typeof wert === 'string' && !/^\s*\d{1,6}\s*$/.test(wert)) {
      issues.push({ path: feld, code: 'regel_ungueltig', message: `Bitte eine ganze Zahl angeben. ${grenzenText(feld as RegelName)}` });
      continue;
    }
    zahlen[feld] = typeof wert === 'string' ? Number(wert) : wert;
  }
  const geprueft = terminRegelnSchema.safeParse(zahlen);
  if (!geprueft.success) {
    for (const i of geprueft.error.issues) {
      const feld = String(i.path[0] ?? '');
      if (issues.some((x) => x.path === feld)) continue;
      const bekannt = feld in REGEL_GRENZEN;
      issues.push({ path: feld, code: bekannt ? 'regel_ungueltig' : 'regel_unbekannt', message: bekannt ? i.message : `Unbekannte Regel: ${feld}.` });
    }
  }
  if (issues.length || !geprueft.success) throw validationFailed(issues);
  return geprueft.data;
}

/**
 * Saves the Träger's Termine rules (admin). `version` is the one read (0 before the first save) – a stale version →
 * 409 version_conflict. Takes effect with the next request: free times, bookings, deadlines, reminders, offers, video
 * room and check-in. Appointments already booked keep their time; their deadlines follow the new rules.
 */
export const terminRegelnSpeichern = defineUseCase({
  name: 'termine.termin-regeln-speichern',
  zugang: 'einstellungen.verwalten',
  input: z.looseObject({ version: version() }),
  audit: ['termin_regeln.update'],
  run: async ({ ctx, actor, input }): Promise<TerminRegelnAnsicht> => {
    const { version: gelesen, ...werte } = input;
    const regeln = pruefeRegeln(werte);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const traegerId = actor.traegerId;
      const bisher = await terminRegelnRepository.find(tx, traegerId);
      let row: TerminRegelnRow | undefined;
      if (!bisher) {
        if (gelesen !== 0) throw versionConflict();
        row = await terminRegelnRepository.insert(tx, traegerId, regeln);
      } else {
        row = await terminRegelnRepository.update(tx, traegerId, gelesen, regeln);
      }
      if (!row) throw versionConflict();
      const vorher = bisher ? alsRegeln(bisher) : STANDARD_REGELN;
      const geaendert = (Object.keys(REGEL_GRENZEN) as RegelName[]).filter((r) => vorher[r] !== regeln[r]);
      await recordAudit(tx, actor, {
        objectType: 'termin_regeln',
        objectId: traegerId,
        action: 'update',
        purpose: 'Termin-Regeln des Trägers pflegen',
        details: { geaendert: Object.fromEntries(geaendert.map((r) => [r, { vorher: vorher[r], nachher: regeln[r] }])) },
      });
      return regelnAnsicht(row);
    });
  },
});
