/**
 * The Minderungsverfahren as a small state machine (docs/fordern.md, "Verfahren"):
 *
 *   erfasst ──anhoerung_versenden──> anhoerung ──antwort_erfassen──> entscheidung
 *   anhoerung / entscheidung ──entscheiden──> festgestellt | freigabe_erforderlich | eingestellt (keine Minderung)
 *   freigabe_erforderlich ──freigeben──> festgestellt        (entscheiden again: corrected decision)
 *   erfasst / anhoerung / entscheidung ──einstellen──> eingestellt
 *   festgestellt ──vorzeitig_beenden──> festgestellt;  festgestellt ──aufheben──> aufgehoben
 */
import { FORDERN_AUSLEGUNG } from '../recht/fordern.ts';
import { bekanntgabeAm } from './fristen.ts';
import type { AnhoerungArt, MinderungArt, MinderungVierAugen, VerfahrenStatus } from './typen.ts';

export type VerfahrenAktion = 'anhoerung_versenden' | 'antwort_erfassen' | 'entscheiden' | 'freigeben' | 'einstellen' | 'aufheben' | 'vorzeitig_beenden';

export const STATUS_TEXT: Record<VerfahrenStatus, string> = {
  erfasst: 'Erfasst – Anhörung noch nicht versandt',
  anhoerung: 'Anhörung läuft',
  entscheidung: 'Bereit zur Entscheidung',
  freigabe_erforderlich: 'Freigabe nötig (Vier-Augen-Prinzip)',
  festgestellt: 'Minderung festgestellt',
  eingestellt: 'Eingestellt – keine Minderung',
  aufgehoben: 'Minderung aufgehoben',
};

export const AKTION_TEXT: Record<VerfahrenAktion, string> = {
  anhoerung_versenden: 'Anhörung versenden',
  antwort_erfassen: 'Antwort erfassen',
  entscheiden: 'Entscheiden',
  freigeben: 'Freigeben',
  einstellen: 'Verfahren einstellen',
  aufheben: 'Minderung aufheben',
  vorzeitig_beenden: 'Minderung vorzeitig beenden',
};

const ERLAUBT: Record<VerfahrenStatus, readonly VerfahrenAktion[]> = {
  erfasst: ['anhoerung_versenden', 'einstellen'],
  anhoerung: ['anhoerung_versenden', 'antwort_erfassen', 'entscheiden', 'einstellen'],
  entscheidung: ['antwort_erfassen', 'entscheiden', 'einstellen'],
  freigabe_erforderlich: ['freigeben', 'entscheiden'],
  festgestellt: ['vorzeitig_beenden', 'aufheben'],
  eingestellt: [],
  aufgehoben: [],
};

export function erlaubteAktionen(status: VerfahrenStatus): VerfahrenAktion[] {
  return [...ERLAUBT[status]];
}

export function pruefeAktion(status: VerfahrenStatus, aktion: VerfahrenAktion): { ok: true } | { ok: false; meldung: string } {
  if (ERLAUBT[status].includes(aktion)) return { ok: true };
  return { ok: false, meldung: `„${AKTION_TEXT[aktion]}“ ist im Status „${STATUS_TEXT[status]}“ nicht möglich.` };
}

/**
 * The status after an action. `entscheiden`: 'eingestellt' when the decision is keine Minderung, else
 * 'freigabe_erforderlich' when a second person must approve, else 'festgestellt'.
 */
export function statusNach(aktion: VerfahrenAktion, o: { status: VerfahrenStatus; keineMinderung?: boolean; freigabeNoetig?: boolean }): VerfahrenStatus {
  switch (aktion) {
    case 'anhoerung_versenden':
      return 'anhoerung';
    case 'antwort_erfassen':
      return 'entscheidung';
    case 'entscheiden':
      return o.keineMinderung ? 'eingestellt' : o.freigabeNoetig ? 'freigabe_erforderlich' : 'festgestellt';
    case 'freigeben':
      return 'festgestellt';
    case 'einstellen':
      return 'eingestellt';
    case 'aufheben':
      return 'aufgehoben';
    case 'vorzeitig_beenden':
      return o.status;
  }
}

/** Träger rule minderung_vier_augen: does this decision need a second person's approval? */
export function freigabeNoetig(regel: MinderungVierAugen, art: MinderungArt): boolean {
  if (regel === 'immer') return true;
  if (regel === 'nie') return false;
  return art !== 'minderung';
}

const datumText = (tag: string) => `${tag.slice(8, 10)}.${tag.slice(5, 7)}.${tag.slice(0, 4)}`;

/** may the decision be taken on `heute`? (answer received or Anhörungsfrist over; frist not run out) */
export function entscheidungMoeglich(
  v: { status: VerfahrenStatus; anhoerungFrist: string | null; antwortAm: string | null; fristEnde: string; anhoerungArt: AnhoerungArt | null },
  heute: string,
): { ok: true } | { ok: false; code: 'anhoerung_offen' | 'feststellungsfrist_abgelaufen' | 'verfahren_status'; meldung: string } {
  const s = pruefeAktion(v.status, 'entscheiden');
  if (!s.ok) return { ok: false, code: 'verfahren_status', meldung: s.meldung };
  if (heute > v.fristEnde) {
    return {
      ok: false,
      code: 'feststellungsfrist_abgelaufen',
      meldung: `Die Feststellungsfrist ist am ${datumText(v.fristEnde)} abgelaufen (sechs Monate nach der Pflichtverletzung, § 31b Abs. 1 S. 5 SGB II). Eine Minderung ist nicht mehr möglich.`,
    };
  }
  if (FORDERN_AUSLEGUNG.feststellungsfristGewahrtDurch === 'bekanntgabe' && bekanntgabeAm(heute) > v.fristEnde) {
    return {
      ok: false,
      code: 'feststellungsfrist_abgelaufen',
      meldung: `Ein heute versandter Bescheid gälte erst am ${datumText(bekanntgabeAm(heute))} als bekannt gegeben – nach dem Ende der Feststellungsfrist am ${datumText(v.fristEnde)} (§ 31b Abs. 1 S. 5 SGB II, § 37 Abs. 2 SGB X).`,
    };
  }
  if (v.antwortAm !== null) return { ok: true };
  if (v.anhoerungArt === null) {
    return { ok: false, code: 'anhoerung_offen', meldung: 'Vor der Entscheidung ist die Person anzuhören (§ 24 SGB X); die Anhörung wurde noch nicht durchgeführt.' };
  }
  if (v.anhoerungFrist === null) {
    return { ok: false, code: 'anhoerung_offen', meldung: 'Die Anhörung hat keine Frist und noch keine Antwort; erfassen Sie die Antwort oder setzen Sie eine Frist.' };
  }
  if (heute <= v.anhoerungFrist) {
    return {
      ok: false,
      code: 'anhoerung_offen',
      meldung: `Die Frist zur Stellungnahme läuft bis ${datumText(v.anhoerungFrist)}; vorher kann ohne Antwort nicht entschieden werden.`,
    };
  }
  return { ok: true };
}
