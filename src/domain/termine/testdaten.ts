/** Small fixed example data for the Termine tests (not demo seed data). */
import { bundesweiteFeiertage } from './feiertage.ts';
import type { Anliegen, Buchungsfenster, Ressource, Sprechstundenplan, Standort, Verfuegbarkeit } from './verfuegbarkeit.ts';

export const STANDORT_MITTE: Standort = {
  id: 'st-mitte',
  name: 'Jobcenter Musterstadt-Mitte',
  feiertage: [...bundesweiteFeiertage(2026), ...bundesweiteFeiertage(2027)],
};

export const ERSTGESPRAECH: Anliegen = {
  id: 'erstgespraech',
  name: 'Erstgespräch',
  dauerMinuten: 30,
  pufferMinuten: 0,
  kanaele: ['vor_ort', 'telefon', 'video'],
  bearbeitung: { rollen: ['integration'] },
  rasterMinuten: 30,
};

export const LEISTUNGSFRAGEN: Anliegen = {
  id: 'leistungsfragen',
  name: 'Fragen zur Leistung',
  dauerMinuten: 20,
  pufferMinuten: 10,
  kanaele: ['vor_ort', 'telefon'],
  bearbeitung: { rollen: ['leistung'] },
};

export const ANNA: Ressource = { id: 'u-anna', art: 'person', name: 'Anna Beispiel', rollen: ['integration'], abwesenheiten: [] };
export const BERT: Ressource = { id: 'u-bert', art: 'person', name: 'Bert Muster', rollen: ['integration', 'leistung'], abwesenheiten: [] };

/** Mon–Fri 09:00–12:00 for Anna, Tuesday also 14:00–16:00 for video only. */
export const PLAN_ANNA: Sprechstundenplan = {
  ressourceId: ANNA.id,
  standortId: STANDORT_MITTE.id,
  sprechzeiten: [
    ...([1, 2, 3, 4, 5] as const).map((wochentag) => ({ wochentag, von: '09:00', bis: '12:00' })),
    { wochentag: 2, von: '14:00', bis: '16:00', kanaele: ['video'] as const },
  ],
  ausnahmen: [],
};

export const REGELN_TEST: Buchungsfenster = { vorlaufMinuten: 120, horizontTage: 60 };

export function verfuegbarkeit(teil: Partial<Verfuegbarkeit> = {}): Verfuegbarkeit {
  return {
    standorte: [STANDORT_MITTE],
    ressourcen: [ANNA],
    plaene: [PLAN_ANNA],
    anliegen: [ERSTGESPRAECH, LEISTUNGSFRAGEN],
    belegungen: [],
    ...teil,
  };
}
