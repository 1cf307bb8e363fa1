import type { Tx } from '../../db/client.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import type { Antrag } from '../../db/schema/index.ts';
import { zustandAm, type FallakteDaten } from '../../domain/fallakte/index.ts';
import { vorschlaegeAusMitteilung, type FallPersonKurz } from '../../domain/formular/mitteilung-vorschlag.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope, type Actor } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, notFound } from '../errors.ts';
import { can, type Permission } from '../policies.ts';
import { ladeAntragFuer, ladeBgFuer } from './zugriff.ts';
import { heute } from '../clock.ts';

/** Payload of a Veränderungsmitteilung sent through the portal (src/server/portal/einreichen.ts). */
export const MITTEILUNG_PAYLOAD_SCHEMA = 'vorort.portal.mitteilung';
export type MitteilungPayload = {
  schema: typeof MITTEILUNG_PAYLOAD_SCHEMA;
  version: 1;
  flow: string;
  veraenderungsart: string | null;
  daten: Record<string, unknown>;
  /** set once the caseworker applied the changes (nothing is applied twice) */
  angewendet?: { am: string; vonId: string; vonName: string; aenderungen: number };
  /**
   * Where an internal notice (channel 'intern') comes from: a job start the Integrationsfachkraft recorded
   * (src/server/integration/integration-erfassen.ts); the portal's notices have none.
   */
  herkunft?: { art: 'integration'; integrationId: string; personId: string; integrationsart: string; beginn: string; wochenstunden: number; erfasstVon: string };
};

/** Notes for the caseworker on an internal notice from the integration side. */
function herkunftsHinweise(h: MitteilungPayload['herkunft']): string[] {
  if (h?.art !== 'integration') return [];
  const hinweise = [
    `Beschäftigungsaufnahme am ${h.beginn.split('-').toReversed().join('.')} (${String(h.wochenstunden).replace('.', ',')} Std./Woche), erfasst von ${h.erfasstVon} (Integration). Das erwartete Einkommen ist ab dem Beginnmonat vorgeschlagen; bitte prüfen Sie den Zufluss (§ 11 Abs. 2 SGB II) und fordern Sie die Lohnabrechnungen an.`,
  ];
  if (h.integrationsart === 'selbststaendigkeit') hinweise.push('Einkommen aus selbständiger Tätigkeit: bitte Art und Betrag prüfen (Anlage EKS, vorläufige Entscheidung nach § 41a SGB II).');
  if (h.integrationsart === 'minijob') hinweise.push('Minijob: Brutto gleich Netto, soweit keine Rentenversicherungspflicht gewählt wurde.');
  return hinweise;
}

export function alsMitteilung(antrag: Antrag): MitteilungPayload | null {
  const p = antrag.payload as Partial<MitteilungPayload> | null;
  if (antrag.art !== 'veraenderung' || p?.schema !== MITTEILUNG_PAYLOAD_SCHEMA || p.version !== 1 || typeof p.daten !== 'object' || p.daten === null) return null;
  return p as MitteilungPayload;
}

const BANK_SCHLUESSEL = /^(bank|iban|bic|kontoinhaber)$/i;

/** The citizen's answers without any account data (at every depth). */
export function ohneBankdaten(daten: unknown): Record<string, unknown> {
  const ohne = (wert: unknown): unknown => {
    if (Array.isArray(wert)) return wert.map(ohne);
    if (wert && typeof wert === 'object') {
      return Object.fromEntries(Object.entries(wert as Record<string, unknown>).filter(([k]) => !BANK_SCHLUESSEL.test(k)).map(([k, v]) => [k, ohne(v)]));
    }
    return wert;
  };
  return ohne(daten) as Record<string, unknown>;
}

/** The Fallakte and the portal Veränderungsmitteilung that belongs to it (404 for anything else). */
export async function ladeMitteilung(tx: Tx, actor: Actor, bgId: string, antragId: string, permission: Permission) {
  const bg = await ladeBgFuer(tx, actor, bgId, permission);
  const antrag = await ladeAntragFuer(tx, actor, antragId, permission);
  if (antrag.bgId !== bg.id) throw notFound('Der Antrag');
  const payload = alsMitteilung(antrag);
  if (!payload) throw new AppError('keine_portal_mitteilung', 409, 'Zu diesem Antrag gibt es keine Angaben aus dem Bürgerportal, die sich übernehmen lassen.');
  return { bg, antrag, payload };
}

/**
 * For the caseworker: a citizen's Veränderungsmitteilung next to prepared Fallakte changes (`vorschlaegeAusMitteilung`)
 * with the case's persons, their running incomes and the Kommunen to choose from. Reads only; applying is
 * `mitteilungAnwenden`.
 */
export const mitteilungVorbereiten = defineUseCase({
  name: 'fall.mitteilung-vorbereiten',
  zugang: 'angemeldet',
  /** The Fallakte and the Antrag from the URL; an unknown or malformed id answers 404. */
  input: z.object({ id: z.string().max(100).describe('Fallakte (UUID)'), antragId: z.string().max(100).describe('Veränderungsmitteilung (Antrag, UUID)') }),
  audit: ['antrag.read'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { bg, antrag, payload } = await ladeMitteilung(tx, actor, input.id, input.antragId, 'fall.lesen');
      const rows = await fallRepository.ladeDaten(tx, bg.id, { bank: false });
      const daten: FallakteDaten = { bg: { id: bg.id, fallnummer: bg.fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version }, ...rows };
      const zustand = zustandAm(daten, heute(ctx.clock.now()));
      const personen: FallPersonKurz[] = zustand.personen.map((p) => ({
        id: p.id,
        vorname: p.vorname,
        nachname: p.nachname,
        rolle: p.rolle,
        staatsangehoerigkeit: p.staatsangehoerigkeit,
        einkommen: p.einkommen.map((e) => ({ id: String(e.id), art: String(e.art), bezeichnung: (e.bezeichnung as string | null | undefined) ?? null })),
      }));
      const kommunen = (await organisationRepository.listKommunen(tx)).filter((k) => k.aktiv).map((k) => ({ id: k.id, name: k.name }));
      const vorbereitet = vorschlaegeAusMitteilung(payload.veraenderungsart, payload.daten, { personen, kommunen, antragsdatum: antrag.antragsdatum });
      const { vorschlaege } = vorbereitet;
      const hinweise = [...herkunftsHinweise(payload.herkunft), ...vorbereitet.hinweise];
      const dateien = (await portalRepository.dateienMeta(tx, { antragId: antrag.id })).filter((d) => d.nachrichtId === null);
      await recordAudit(tx, actor, {
        objectType: 'antrag',
        objectId: antrag.id,
        action: 'read',
        purpose: 'Leistungssachbearbeitung: Veränderungsmitteilung prüfen',
        details: { bgId: bg.id, treffer: personen.map((p) => p.id) },
      });
      // Bank details only for those who may see them (integration may open the case, never the account).
      const bankSichtbar = can(actor, 'fall.bankdaten');
      return {
        bankSichtbar,
        bg: { id: bg.id, fallnummer: bg.fallnummer, version: bg.version },
        antrag: { id: antrag.id, version: antrag.version, antragsdatum: antrag.antragsdatum, status: antrag.status, eingangskanal: antrag.eingangskanal },
        herkunft: payload.herkunft ?? null,
        veraenderungsart: payload.veraenderungsart,
        flow: payload.flow,
        angewendet: payload.angewendet ?? null,
        antworten: bankSichtbar ? payload.daten : ohneBankdaten(payload.daten),
        personen,
        kommunen,
        vorschlaege: bankSichtbar ? vorschlaege : vorschlaege.filter((v) => v.typ !== 'bank'),
        hinweise,
        dateien: dateien.map((d) => ({ id: d.id, dateiname: d.dateiname, status: d.status, fallDokumentId: d.fallDokumentId })),
      };
  }),
});
