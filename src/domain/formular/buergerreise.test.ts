/** The citizen journey's pure parts (issue 10): progress, review, pre-filling without overwriting, nationality. */
import { describe, expect, it } from 'vitest';
import {
  bildschirme,
  eintragHinzufuegen,
  fortschrittFuer,
  starteFlow,
  uebernehmeSchritt,
  validiereSchritt,
  type Flow,
  type FlowDaten,
} from './engine.ts';
import { erstantragFlow } from './flows/erstantrag.ts';
import { alleinerziehendSelbststaendig, alleinstehend, familieMitZweiKindern, HEUTE, type Testfall } from '../../../tests/helpers/formular-faelle.ts';
import { landAusEingabe, landName } from './laender.ts';
import { eintragsName, pruefung } from './pruefung.ts';
import { ergaenzeVorbelegung, vorbelegungAusKonto } from './vorbelegung.ts';
import { vorbelegungAusVorpruefung, vorpruefungLesen } from './vorpruefung.ts';

const flow = erstantragFlow as unknown as Flow<FlowDaten>;

/** Walks a case and records the progress the person sees on each screen (with the data of that moment). */
function gehe(fall: Testfall) {
  let { daten } = starteFlow(flow, undefined);
  const gesehen: Array<{ adresse: string; schritt: number; gesamt: number }> = [];
  for (const s of fall.schritte) {
    const f = fortschrittFuer(flow, daten, s.stepId);
    gesehen.push({ adresse: s.stepId, schritt: f.schritt, gesamt: f.gesamt });
    if ('hinzufuegen' in s) {
      daten = eintragHinzufuegen(flow, daten, s.hinzufuegen).daten;
      continue;
    }
    const v = validiereSchritt(flow, s.stepId, 'eingabe' in s ? s.eingabe : {}, { daten });
    if (!v.ok) throw new Error(`${s.stepId}: ${JSON.stringify(v.fehler)}`);
    daten = uebernehmeSchritt(flow, daten, s.stepId, v.werte, { heute: HEUTE }).daten;
  }
  return { daten, gesehen };
}

describe('progress counts the screens the person sees', () => {
  it.each([alleinstehend, familieMitZweiKindern, alleinerziehendSelbststaendig])('$name: never jumps, never goes back, ends at 100 %', (fall) => {
    const { daten, gesehen } = gehe(fall);
    for (let i = 1; i < gesehen.length; i++) {
      const schritt = gesehen[i]!.schritt - gesehen[i - 1]!.schritt;
      expect(schritt, `${gesehen[i - 1]!.adresse} → ${gesehen[i]!.adresse}`).toBeGreaterThanOrEqual(0);
      expect(schritt, `${gesehen[i - 1]!.adresse} → ${gesehen[i]!.adresse}`).toBeLessThanOrEqual(1);
    }
    // the closing page is the last screen of the final count
    const letzte = gesehen.at(-1)!;
    expect(letzte.adresse).toBe('zusammenfassung');
    expect(letzte.schritt).toBe(bildschirme(flow, daten).length);
    expect(fortschrittFuer(flow, daten, 'zusammenfassung').prozent).toBe(100);
  });

  it('a single person sees one screen per page, counted 1 … n without gaps', () => {
    const { gesehen } = gehe(alleinstehend);
    expect(gesehen.map((g) => g.schritt)).toEqual(gesehen.map((_, i) => i + 1));
    expect(gesehen[0]!.gesamt).toBeGreaterThanOrEqual(gesehen.length - 1);
  });

  it('sub-pages of a list entry move the counter (it does not stand still across a child’s pages)', () => {
    const { gesehen } = gehe(familieMitZweiKindern);
    const kind = gesehen.filter((g) => g.adresse.startsWith('kinder/k1/'));
    expect(kind.map((g) => g.schritt)).toEqual(kind.map((_, i) => kind[0]!.schritt + i));
  });
});

describe('review before submitting', () => {
  it('lists every answer by section with the step to change it; the declarations are not part of it', () => {
    const { daten } = gehe(familieMitZweiKindern);
    const p = pruefung(flow, daten, 'de');
    expect(p.vollstaendig).toBe(true);
    expect(p.fehlend).toEqual([]);
    const ids = p.abschnitte.map((a) => a.id);
    expect(ids).toContain('person');
    expect(ids).toContain('kinder/k1');
    expect(ids).not.toContain('antrag');
    expect(ids).not.toContain('zusammenfassung');
    const person = p.abschnitte.find((a) => a.id === 'person')!.seiten[0]!;
    expect(person.adresse).toBe('person');
    expect(person.zeilen.find((z) => z.feld === 'antragsteller.staatsangehoerigkeit')!.wert).toBe('Deutschland');
    expect(person.zeilen.find((z) => z.feld === 'antragsteller.geburtsdatum')!.wert).toBe('12.05.1988');
    const kind = p.abschnitte.find((a) => a.id === 'kinder/k1')!;
    expect(kind.titel).toContain('Clara Beispiel');
    expect(kind.seiten.map((s) => s.adresse)).toEqual(['kinder/k1/kind-person', 'kinder/k1/kind-schule', 'kinder/k1/kind-kindergeld', 'kinder/k1/kind-kindergeld-betrag']);
    const kosten = p.abschnitte.find((a) => a.id === 'wohnkosten')!.seiten[0]!.zeilen;
    expect(kosten.find((z) => z.feld === 'unterkunft.nebenkostenCent')!.wert).toMatch(/^180,50\s€$/);
  });

  it('names list entries meaningfully: income by Tätigkeit/Arbeitgeber and person, a one-off payment by kind and amount', () => {
    const { daten } = gehe(alleinerziehendSelbststaendig);
    const [einkommen] = daten.einkommen as Array<Record<string, unknown>>;
    const [zahlung] = daten.einmalzahlungen as Array<Record<string, unknown>>;
    expect(eintragsName('einkommen', einkommen!, daten, 'de')).toBe('Grafikdesign, Anna Beispiel');
    expect(eintragsName('einmalzahlungen', zahlung!, daten, 'de')).toMatch(/^Steuererstattung, 640,00\s€$/);
    expect(eintragsName('einmalzahlungen', zahlung!, daten, 'en')).toMatch(/^Tax refund, 640,00\s€$/);
    const p = pruefung(flow, daten, 'de');
    const abschnitt = p.abschnitte.find((a) => a.id === 'einmalzahlungen/z1')!;
    expect(abschnitt.eintrag).toMatch(/^Steuererstattung, 640,00\s€$/);
    expect(abschnitt.titel).toMatch(/^Einmalige Zahlungen 1: Steuererstattung, 640,00\s€$/);
    // not yet named: empty (the page falls back to "<list> <n>")
    expect(eintragsName('einmalzahlungen', { id: 'z2' }, daten, 'de')).toBe('');
    expect(eintragsName('einkommen', { id: 'e2', person: 'k1', art: 'kindergeld' }, daten, 'de')).toBe('Kindergeld, Emil Beispiel');
  });

  it('an incomplete draft says what is missing and where', () => {
    const { daten } = gehe({ ...alleinstehend, schritte: alleinstehend.schritte.slice(0, 3) });
    const p = pruefung(flow, daten, 'de');
    expect(p.vollstaendig).toBe(false);
    expect(p.fehlend[0]).toEqual({ adresse: 'anschrift', titel: 'Ihre Anschrift' });
    const anschrift = p.abschnitte.find((a) => a.id === 'anschrift')!.seiten[0]!;
    expect(anschrift.zeilen.find((z) => z.feld === 'anschrift.plz')).toMatchObject({ fehlt: true, wert: 'fehlt noch' });
  });
});

function vorpruefung() {
  const v = vorpruefungLesen((n) => ({ geburtsdatum: '1990-05-05', partner: 'ja', partnerGeburtsdatum: '1991-01-01', kind1: '2019-03-03', grundmiete: '500', nebenkosten: '100', heizkosten: '80' })[n], HEUTE);
  expect(v.fehler).toEqual([]);
  return vorbelegungAusVorpruefung(v.daten);
}

describe('pre-filling never overwrites what the person entered', () => {
  it('fills only the gaps; answers given stay, branches they closed stay closed', () => {
    const vorhanden: FlowDaten = {
      antrag: { beantragt: true },
      antragsdatum: '2025-03-01',
      antragsteller: { vorname: 'Erika', nachname: 'Beispiel', geburtsdatum: '1980-01-01' },
      haushalt: { partner: false, kinder: false, weiterePersonen: false },
    };
    const r = ergaenzeVorbelegung(flow, vorhanden, vorpruefung());
    expect(r.antragsteller).toEqual({ vorname: 'Erika', nachname: 'Beispiel', geburtsdatum: '1980-01-01' });
    expect(r.haushalt).toEqual({ partner: false, kinder: false, weiterePersonen: false });
    expect(r.antragsdatum).toBe('2025-03-01');
    expect(r.partner).toBeUndefined(); // "no partner" prunes the pre-check's partner
    expect(r.kinder).toBeUndefined();
    expect(r.unterkunft).toMatchObject({ wohnform: 'miete', grundmieteCent: 50000, nebenkostenCent: 10000, heizkostenCent: 8000 });
  });

  it('a list with entries is kept as it is', () => {
    const vorhanden: FlowDaten = { haushalt: { partner: false, kinder: true, weiterePersonen: false }, kinder: [{ id: 'k1', vorname: 'Lena', geburtsdatum: '2018-06-01' }] };
    const r = ergaenzeVorbelegung(flow, vorhanden, vorpruefung());
    expect(r.kinder).toEqual([{ id: 'k1', vorname: 'Lena', geburtsdatum: '2018-06-01' }]);
  });

  it('account name and e-mail become the applicant’s name and contact', () => {
    expect(vorbelegungAusKonto({ name: 'Erika Maria Beispiel', email: 'erika@example.org' })).toEqual({
      antragsteller: { vorname: 'Erika Maria', nachname: 'Beispiel' },
      kontakt: { email: 'erika@example.org' },
    });
    expect(vorbelegungAusKonto({ name: 'Beispiel', email: '' })).toEqual({ antragsteller: { nachname: 'Beispiel' } });
    const r = ergaenzeVorbelegung(flow, { antragsteller: { vorname: 'Eri', nachname: 'B.' } }, vorbelegungAusKonto({ name: 'Erika Beispiel', email: 'e@example.org' }));
    expect(r.antragsteller).toEqual({ vorname: 'Eri', nachname: 'B.' });
  });
});

describe('nationality', () => {
  it.each([
    ['deutsch', 'DE'],
    ['Deutsche', 'DE'],
    ['deutscher', 'DE'],
    ['de', 'DE'],
    ['Deutschland', 'DE'],
    ['ukrainisch', 'UA'],
    ['Syrien', 'SY'],
    ['türkisch', 'TR'],
    ['Kosovo', 'XK'],
    ['staatenlos', 'XX'],
    ['XX', 'XX'],
  ])('"%s" → %s', (eingabe, code) => {
    expect(landAusEingabe(eingabe)).toBe(code);
  });

  it('rejects what is no country', () => {
    expect(landAusEingabe('Quatsch')).toBeUndefined();
    expect(landAusEingabe('QQ')).toBeUndefined();
  });

  it('the person step stores the code the Fallakte expects, from the list or typed', () => {
    for (const [eingabe, code] of [['DE', 'DE'], ['deutsch', 'DE'], ['Ukraine', 'UA']] as const) {
      const v = validiereSchritt(flow, 'person', { vorname: 'A', nachname: 'B', geburtsdatum: '1990-01-01', geschlecht: 'w', staatsangehoerigkeit: eingabe });
      expect(v.ok && v.werte.staatsangehoerigkeit).toBe(code);
    }
    const falsch = validiereSchritt(flow, 'person', { vorname: 'A', nachname: 'B', geburtsdatum: '1990-01-01', geschlecht: 'w', staatsangehoerigkeit: 'Quatsch' });
    expect(falsch.ok ? [] : falsch.fehler.map((f) => f.code)).toEqual(['land_ungueltig']);
    expect(landName('DE')).toBe('Deutschland');
  });

  it('the Unterhalt step offers "anderer Elternteil des Kindes"', () => {
    const daten: FlowDaten = { haushalt: { partner: false, kinder: true, weiterePersonen: false }, kinder: [{ id: 'k1' }] };
    const v = validiereSchritt(flow, 'unterhaltspflichtige/u1/unterhaltspflichtiger', { name: 'Gustav', verhaeltnis: 'anderer_elternteil', fuerPerson: 'k1', zahlt: 'ja', titel: 'nein' }, { daten });
    expect(v.ok).toBe(true);
  });
});

describe('Eingangsbestätigung: documents', () => {
  it('a file still in the virus scan is "wird geprüft", a clean one received, a rejected one still missing', async () => {
    const { benoetigteNachweise, nachweisStand } = await import('./nachweise.ts');
    const { daten } = gehe(familieMitZweiKindern);
    const noetig = benoetigteNachweise(daten);
    const arten = noetig.map((n) => n.art);
    expect(arten).toContain('mietvertrag');
    expect(arten).toContain('lohnabrechnungen');
    expect(arten).toContain('kontoauszuege');
    const stand = nachweisStand(noetig, [
      { nachweis: 'mietvertrag', status: 'quarantaene' },
      { nachweis: 'lohnabrechnungen', status: 'sauber' },
      { nachweis: 'kontoauszuege', status: 'abgelehnt' },
    ]);
    const von = (art: string) => stand.find((s) => s.nachweis.art === art)!.stand;
    expect(von('mietvertrag')).toBe('wird_geprueft');
    expect(von('lohnabrechnungen')).toBe('erhalten');
    expect(von('kontoauszuege')).toBe('offen');
  });
});
