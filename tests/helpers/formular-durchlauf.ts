/** Test helper (not a test file): walks a flow test case forward through the engine, asserting every step. */
import { expect } from 'vitest';
import {
  eintragHinzufuegen,
  formwerte,
  istErreichbar,
  starteFlow,
  uebernehmeSchritt,
  validiereSchritt,
  type Flow,
  type FlowDaten,
} from '../../src/domain/formular/engine.ts';
import { erstantragFlow, weiterbewilligungFlow } from '../../src/domain/formular/flows/erstantrag.ts';
import { veraenderungFlows } from '../../src/domain/formular/flows/veraenderung.ts';
import { HEUTE, type Testfall } from './formular-faelle.ts';

export const flows: Record<string, Flow<FlowDaten>> = {
  erstantrag: erstantragFlow as unknown as Flow<FlowDaten>,
  weiterbewilligung: weiterbewilligungFlow as unknown as Flow<FlowDaten>,
  ...(veraenderungFlows as unknown as Record<string, Flow<FlowDaten>>),
};

/** Walks a case forward; returns the final data and the positions visited. */
export function geheVorwaerts(fall: Testfall) {
  const flow = flows[fall.flow]!;
  let { daten, adresse } = starteFlow(flow, fall.vorbelegung as FlowDaten | undefined);
  let aktuell: string | undefined = adresse;
  const besucht: string[] = [];
  for (const schritt of fall.schritte) {
    expect(aktuell, `${fall.name}: erwartet ${schritt.stepId}`).toBe(schritt.stepId);
    expect(istErreichbar(flow, daten, schritt.stepId), `${schritt.stepId} erreichbar`).toBe(true);
    besucht.push(schritt.stepId);
    if ('hinzufuegen' in schritt) {
      const r = eintragHinzufuegen(flow, daten, schritt.hinzufuegen);
      daten = r.daten;
      aktuell = r.adresse;
      continue;
    }
    const eingabe = 'weiter' in schritt ? formwerte(flow, daten, schritt.stepId) : schritt.eingabe;
    const v = validiereSchritt(flow, schritt.stepId, eingabe, { daten });
    expect(v.ok ? [] : v.fehler, `${fall.name}: ${schritt.stepId}`).toEqual([]);
    if (!v.ok) break;
    const u = uebernehmeSchritt(flow, daten, schritt.stepId, v.werte, { heute: HEUTE });
    daten = u.daten;
    aktuell = u.naechster;
  }
  return { flow, daten, besucht, aktuell };
}

