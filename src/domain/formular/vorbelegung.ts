/**
 * Pre-filling a draft from other sources (the public pre-check, the citizen's account) without ever overwriting an
 * answer the person already gave: a field is filled only where the draft has no value, a list (children, income …)
 * only where the draft has no entry yet. Afterwards the data are pruned along the draft's own answers, so a
 * pre-check's partner or children never appear behind the person's own "no partner" or "no children".
 */
import { bereinige, type Flow, type FlowDaten } from './engine.ts';
import type { AntragDaten } from './flows/erstantrag-daten.ts';

const istObjekt = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Fills the gaps of `vorhanden` from `vorbelegung` (field by field, lists as a whole) and prunes the result. */
export function ergaenzeVorbelegung<D extends FlowDaten>(flow: Flow<D>, vorhanden: D, vorbelegung: FlowDaten): D {
  const ergebnis = structuredClone(vorhanden) as FlowDaten;
  for (const [key, neu] of Object.entries(vorbelegung)) {
    if (neu === undefined || key === 'antragsdatum') continue;
    const alt = ergebnis[key];
    if (alt === undefined || alt === null || (Array.isArray(alt) && alt.length === 0)) {
      ergebnis[key] = structuredClone(neu);
    } else if (istObjekt(alt) && istObjekt(neu)) {
      for (const [feld, wert] of Object.entries(neu)) {
        if (alt[feld] === undefined && wert !== undefined) alt[feld] = structuredClone(wert);
      }
    }
  }
  return bereinige(flow, ergebnis as D);
}

/** Name and e-mail of the account as answers of the Erstantrag ("Erika Maria Beispiel" → Vorname "Erika Maria"). */
export function vorbelegungAusKonto(konto: { name: string; email: string }): AntragDaten {
  const teile = konto.name.trim().split(/\s+/).filter(Boolean);
  const nachname = teile.length ? teile[teile.length - 1]!.slice(0, 100) : undefined;
  const vorname = teile.length > 1 ? teile.slice(0, -1).join(' ').slice(0, 100) : undefined;
  const email = konto.email.trim();
  return {
    ...(nachname ? { antragsteller: { ...(vorname ? { vorname } : {}), nachname } } : {}),
    ...(email && email.length <= 254 ? { kontakt: { email } } : {}),
  };
}
