import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Antrag, Bedarfsgemeinschaft } from '../../db/schema/index.ts';
import {
  ERSTANTRAG_PAYLOAD_SCHEMA,
  erstantragDatenSchema,
  faktenAusErstantrag,
  leistungsbeginn,
  plusTage,
  pruefeErstantrag,
  type AntragPayload,
  type ErstantragDaten,
} from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor } from '../context.ts';
import { AppError, validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { BETRAG_FEHLER, euroTextInCent } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, KANAL_TEXT } from './texte.ts';
import { heute } from '../clock.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { pruefeIban } from './iban.ts';
import { standortSichtbar } from './zugriff.ts';

export type ErstantragErgebnis = { bg: Bedarfsgemeinschaft; antrag: Antrag; personIds: Record<string, string>; standortName: string };

/**
 * Amounts of the Antragsdaten (`…Cent`): the API sends integer cents, a form euro text ("1.234,56"), which becomes
 * cents here; an empty form field counts as missing. Text that is no amount → 400 at its field.
 */
function centTexteInCent(v: unknown, ctx: { addIssue(i: { code: 'custom'; message: string; path: (string | number)[]; input: unknown }): void }, pfad: (string | number)[] = []): unknown {
  if (Array.isArray(v)) return v.map((x, i) => centTexteInCent(x, ctx, [...pfad, i]));
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.endsWith('Cent') && typeof x === 'string') {
      const cent = euroTextInCent(x);
      if (cent === undefined) ctx.addIssue({ code: 'custom', message: BETRAG_FEHLER, path: [...pfad, k], input: x });
      if (cent !== null) out[k] = cent ?? x;
    } else out[k] = centTexteInCent(x, ctx, [...pfad, k]);
  }
  return out;
}

/** The Erstantrag as the API (cents) or the form (euro text) sends it. */
export const erstantragEingabeSchema = z.preprocess((v, ctx) => centTexteInCent(v, ctx), erstantragDatenSchema);

/**
 * Records an Erstantrag for a new Bedarfsgemeinschaft in ONE transaction: the BG with its Fallnummer, persons,
 * membership, relationships, person facts, income, assets, address, bank account, housing costs, the Antrag in
 * the work queue (with the data as received in its payload), the history and the audit trail.
 * Every fact is valid from the Leistungsbeginn (first of the month of the Antragsdatum).
 */
export const erstantragErfassen = defineUseCase({
  name: 'fall.erstantrag-erfassen',
  zugang: 'fall.bearbeiten',
  input: erstantragEingabeSchema,
  audit: ['fallakte.create', 'person.create'],
  /** `sichtbar`: whether the recording person may open the new Fallakte (else it went to another Standort). */
  run: async ({ ctx, actor, input }): Promise<ErstantragErgebnis & { sichtbar: boolean }> => {
    const { iban } = pruefeAntragsdaten(input, heute(ctx.clock.now()));
    const r = await mitUeberschneidungsFehler(() => ctx.db.withTenant(tenantScope(actor), (tx) => legeFallakteAn(tx, actor, input, iban, null, heute(ctx.clock.now()))));
    return { ...r, sichtbar: standortSichtbar(actor, r.bg.standortId) };
  },
});

/** Findings of the Fachprüfung as a 400; a date outside the legal tables keeps its own code. */
const fachlichUngueltig = (issues: FieldIssue[]) => {
  const rechtsstand = issues.find((i) => i.code === 'datum_ausserhalb_rechtsstand');
  if (rechtsstand) return new AppError('datum_ausserhalb_rechtsstand', 400, rechtsstand.message, issues);
  return validationFailed(issues);
};

/** Checks Antragsdaten beyond the schema; returns the IBAN in electronic form (400 iban_ungueltig otherwise). */
export function pruefeAntragsdaten(input: ErstantragDaten, heuteTag?: string): { iban: string | null } {
  const probleme = pruefeErstantrag(input, heuteTag);
  if (probleme.length) throw fachlichUngueltig(probleme);
  return { iban: input.bank ? pruefeIban(input.bank.iban, 'bank.iban') : null };
}

/** The Standort responsible for an address: the chosen one (must be visible to staff) or the Kommune's. */
export async function zustaendigerStandort(tx: Tx, actor: Actor, input: Pick<ErstantragDaten, 'adresse' | 'standortId'>) {
  const kommune = await organisationRepository.findKommune(tx, input.adresse.kommuneId);
  if (!kommune) {
    throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
      { path: 'adresse.kommuneId', code: 'kommune_unbekannt', message: 'Diese Kommune gibt es beim Träger nicht.' },
    ]);
  }
  if (input.standortId && actor.art === 'staff') {
    const standort = await organisationRepository.findStandort(tx, input.standortId);
    if (!standort || !standortSichtbar(actor, standort.id)) {
      throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
        { path: 'standortId', code: 'standort_ungueltig', message: 'Bitte wählen Sie einen Ihrer Standorte.' },
      ]);
    }
    return standort;
  }
  const standort = await fallRepository.standortFuerKommune(tx, kommune.id);
  if (!standort) {
    throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
      { path: 'standortId', code: 'standort_fehlt', message: `Für ${kommune.name} ist kein Standort zuständig. Bitte wählen Sie den Standort aus.` },
    ]);
  }
  return standort;
}

/**
 * Creates the Fallakte from Antragsdaten inside the caller's transaction. Without `vorhandenerAntrag` the Erstantrag
 * is added to the work queue; with it (an online application taken over) that Antrag is linked to the new BG.
 */
export async function legeFallakteAn(tx: Tx, actor: Actor, input: ErstantragDaten, iban: string | null, vorhandenerAntrag: Antrag | null, heuteDatum: string): Promise<ErstantragErgebnis> {
  const standort = vorhandenerAntrag
    ? ((await organisationRepository.findStandort(tx, vorhandenerAntrag.standortId)) ?? (await zustaendigerStandort(tx, actor, input)))
    : await zustaendigerStandort(tx, actor, input);
  const fallnummer = await fallRepository.naechsteFallnummer(tx, actor.traegerId);
  const bg = await fallRepository.insertBg(tx, { traegerId: actor.traegerId, fallnummer, standortId: standort.id });
  const { daten, personIds } = faktenAusErstantrag(input, {
    bg: { id: bg.id, fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version },
    neueId: randomUUID,
    bank: iban ? { iban } : undefined,
  });
  const t = actor.traegerId;
  await fallRepository.insertPersonen(tx, Object.values(personIds).map((id) => ({ traegerId: t, id })));
  const mitT = <R extends object>(rows: R[]) => rows.map((r) => ({ ...r, traegerId: t }));
  await fallRepository.insertPerioden(tx, 'stammdaten', mitT(daten.stammdaten));
  await fallRepository.insertPerioden(tx, 'mitgliedschaften', mitT(daten.mitgliedschaften));
  await fallRepository.insertPerioden(tx, 'merkmale', mitT(daten.merkmale));
  await fallRepository.insertPerioden(tx, 'beziehungen', mitT(daten.beziehungen.map((b) => ({ ...b, bgId: bg.id }))));
  await fallRepository.insertPerioden(tx, 'einkommen', mitT(daten.einkommen));
  await fallRepository.insertPerioden(tx, 'vermoegen', mitT(daten.vermoegen));
  await fallRepository.insertPerioden(tx, 'adressen', mitT(daten.adressen.map((a) => ({ ...a, bgId: bg.id }))));
  await fallRepository.insertPerioden(tx, 'bankverbindungen', mitT(daten.bankverbindungen.map((b) => ({ ...b, bgId: bg.id }))));
  await fallRepository.insertPerioden(tx, 'unterkunft', mitT(daten.unterkunft.map((u) => ({ ...u, bgId: bg.id }))));
  await fallRepository.insertPerioden(tx, 'unterhaltspflichtige', mitT((daten.unterhaltspflichtige ?? []).map((u) => ({ ...u, bgId: bg.id }))));

  let antrag: Antrag;
  if (vorhandenerAntrag) {
    const linked = await antraegeRepository.update(tx, vorhandenerAntrag.id, vorhandenerAntrag.version, {
      bgId: bg.id,
      standortId: standort.id,
      bearbeiterId: actor.userId,
      status: vorhandenerAntrag.status === 'eingegangen' ? 'in_bearbeitung' : vorhandenerAntrag.status,
    });
    if (!linked) throw versionConflict();
    antrag = linked;
  } else {
    antrag = await antraegeRepository.insert(tx, {
      traegerId: t,
      bgId: bg.id,
      art: 'erstantrag',
      antragsdatum: input.antragsdatum,
      eingangskanal: input.eingangskanal,
      standortId: standort.id,
      faelligAm: input.faelligAm ?? plusTage(heuteDatum, 14),
      payload: antragPayload(input, iban),
    });
  }

  const namen = input.personen.map((p) => `${p.vorname} ${p.nachname}`).join(', ');
  await protokolliere(tx, actor, {
    bgId: bg.id,
    art: 'fall_angelegt',
    beschreibung: `Fallakte ${fallnummer} aus dem Erstantrag vom ${datumText(input.antragsdatum)} (${KANAL_TEXT[input.eingangskanal]}) angelegt, Leistungsbeginn ${datumText(leistungsbeginn(input.antragsdatum))}. Personen: ${namen}.`,
    details: { antragId: antrag.id, personen: Object.values(personIds), standortId: standort.id },
    zweck: 'Leistungssachbearbeitung: Erstantrag erfassen',
  });
  for (const [ref, personId] of Object.entries(personIds)) {
    await recordAudit(tx, actor, {
      objectType: 'person',
      objectId: personId,
      personId,
      action: 'create',
      purpose: 'Leistungssachbearbeitung: Erstantrag erfassen',
      details: { bgId: bg.id, ref },
    });
  }
  return { bg, antrag, personIds, standortName: standort.name };
}

/** The payload an Erstantrag keeps: the data as received (IBAN normalised). */
export function antragPayload(input: ErstantragDaten, iban: string | null): AntragPayload {
  return { schema: ERSTANTRAG_PAYLOAD_SCHEMA, version: 1, daten: { ...input, ...(input.bank && iban ? { bank: { ...input.bank, iban } } : {}) } };
}
