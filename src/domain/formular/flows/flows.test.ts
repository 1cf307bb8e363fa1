/** Table-driven: every test case of every flow is walked forward (validating each form post) and back again. */
import { describe, expect, it } from 'vitest';
import {
  ANTRAGSDATUM,
  istAbgeschlossen,
  naechsterSchritt,
  position,
  uebernehmeSchritt,
  validiereSchritt,
  vorherigerSchritt,
  type Flow,
  type FlowDaten,
} from '../engine.ts';
import { geheVorwaerts } from '../../../../tests/helpers/formular-durchlauf.ts';
import { erstantragFaelle, veraenderungen, weiterbewilligung } from '../../../../tests/helpers/formular-faelle.ts';
import { erstantragFlow } from './erstantrag.ts';

const alleFaelle = [...erstantragFaelle, weiterbewilligung, ...veraenderungen];

describe.each(alleFaelle)('$flow: $name', (fall) => {
  it('vorwärts erreicht die erwarteten Schritte und endet vollständig', () => {
    const { flow, daten, aktuell } = geheVorwaerts(fall);
    expect(aktuell).toBeUndefined();
    expect(fall.schritte.at(-1)!.stepId).toBe(fall.ende);
    expect(istAbgeschlossen(flow, daten)).toBe(true);
  });

  it('rückwärts vom Ende zeichnet denselben Weg nach', () => {
    const { flow, daten, besucht } = geheVorwaerts(fall);
    // main path: the main steps visited, each once, in order
    const haupt = besucht.filter((s, i) => position(flow, s)?.art === 'schritt' && besucht.indexOf(s) === i);
    const zurueck: string[] = [fall.ende];
    let s: string | undefined = fall.ende;
    while ((s = vorherigerSchritt(flow, daten, s))) zurueck.push(s);
    expect(zurueck.toReversed()).toEqual(haupt);
    // every list entry: back from its last step retraces its steps to the overview
    const eintraege = new Map<string, string[]>();
    for (const b of besucht) {
      const pos = position(flow, b);
      if (pos?.art === 'eintrag') {
        const key = `${pos.liste}/${pos.eintragId}`;
        eintraege.set(key, [...(eintraege.get(key) ?? []), b]);
      }
    }
    for (const [, schritte] of eintraege) {
      const uebersicht = (position(flow, schritte[0]!) as { konfiguration: { uebersicht: string } }).konfiguration.uebersicht;
      const rueck: string[] = [];
      let t: string | undefined = schritte.at(-1);
      while (t && t !== uebersicht) {
        rueck.push(t);
        t = vorherigerSchritt(flow, daten, t);
      }
      expect(t).toBe(uebersicht);
      expect(rueck.toReversed()).toEqual(schritte);
      expect(naechsterSchritt(flow, daten, schritte.at(-1)!)).toBe(uebersicht);
    }
  });
});

describe('Antragsdatum', () => {
  it('wird mit dem ersten Schritt festgehalten, auch wenn danach nichts mehr kommt, und später nicht verändert', () => {
    const flow = erstantragFlow as unknown as Flow<FlowDaten>;
    expect(erstantragFlow.antragsdatumSchritt).toBe('antrag');
    const v = validiereSchritt(flow, 'antrag', { beantragt: 'on' });
    if (!v.ok) throw new Error('ungültig');
    const u = uebernehmeSchritt(flow, {} as FlowDaten, 'antrag', v.werte, { heute: '2025-03-04' });
    expect(u.antragsdatumGesetzt).toBe(true);
    expect(u.daten[ANTRAGSDATUM]).toBe('2025-03-04');
    expect(u.naechster).toBe('person');
    const nochmal = uebernehmeSchritt(flow, u.daten, 'antrag', v.werte, { heute: '2025-04-01' });
    expect(nochmal.daten[ANTRAGSDATUM]).toBe('2025-03-04');
    expect(nochmal.antragsdatumGesetzt).toBe(false);
  });

  it('ohne Bestätigung kein Antrag', () => {
    const v = validiereSchritt(erstantragFlow, 'antrag', {});
    expect(v).toMatchObject({ ok: false, fehler: [{ feld: 'beantragt', code: 'bestaetigung_fehlt' }] });
  });
});
