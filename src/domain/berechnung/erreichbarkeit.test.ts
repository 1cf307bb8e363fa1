/** § 7b Abs. 4 SGB II (2026): a person deemed not erreichbar – claim lapses, KdU head share redistributed. */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berechne, type BerechnungErgebnis, type BerechnungInput, type PersonInput } from './index.ts';
import { erwerb, fall, person, summeCent } from '../../../tests/helpers/berechnung-faelle.ts';

const KDU = { grundmiete: 600, nebenkosten: 150, heizkosten: 90 };
const pers = (r: BerechnungErgebnis, id: string) => {
  const p = r.personen.find((x) => x.id === id);
  if (!p) throw new Error(`keine Person ${id}`);
  return p;
};
function pruefeSummen(r: BerechnungErgebnis): void {
  expect(summeCent(r.schritte.map((s) => s.betrag))).toBe(Math.round(r.auszahlung * 100));
  expect(summeCent(r.personen.map((p) => p.anspruch))).toBe(Math.round(r.anspruch * 100));
}
const kduSumme = (r: BerechnungErgebnis): number => summeCent(r.personen.map((p) => p.unterkunft));
const kduSonstige = (r: BerechnungErgebnis): number | null => r.personen.find((p) => p.id === 's')?.unterkunft ?? null;
/** the KdU recognised for the members of the BG (all but the household member 's' outside it) */
const kduDerBg = (r: BerechnungErgebnis): number => summeCent(r.personen.filter((p) => p.id !== 's').map((p) => p.unterkunft));

describe('Nichterreichbarkeit (§ 7b Abs. 4 SGB II)', () => {
  it('Alleinstehende: der gesamte Anspruch entfällt, auch die Unterkunft', () => {
    const mit = berechne(fall('2026-08', [person('a', '1985-01-01', 'antragsteller', { nichtErreichbar: true })], { unterkunft: KDU }));
    expect(mit.anspruch).toBe(0);
    expect(mit.auszahlung).toBe(0);
    expect(mit.hilfebeduerftig).toBe(false);
    expect(mit.ablehnungsgrund).toBe('nicht_erreichbar');
    expect(pers(mit, 'a')).toMatchObject({ inBedarfsgemeinschaft: true, regelbedarf: 0, mehrbedarfe: [], unterkunft: 0, bedarf: 0, anspruch: 0, minderung: 0 });
    const s = mit.schritte.find((x) => x.norm === '§ 7b Abs. 4 SGB II');
    expect(s?.text).toContain('a gilt als nicht erreichbar');
    expect(s?.text).toContain('563,00 €');
    expect(mit.schritte.some((x) => x.text.includes('entfällt; zur Bedarfsgemeinschaft gehört kein weiteres Mitglied'))).toBe(true);
    pruefeSummen(mit);
    // without the lapse: 563 + 840
    expect(berechne(fall('2026-08', [person('a', '1985-01-01', 'antragsteller')], { unterkunft: KDU })).anspruch).toBe(1403);
  });

  it('Paar: der Kopfteil des nicht erreichbaren Partners geht an die Partnerin, die Unterkunft bleibt voll anerkannt', () => {
    const r = berechne(
      fall('2026-08', [person('a', '1985-01-01', 'antragsteller', { nichtErreichbar: true }), person('b', '1986-01-01', 'partner')], { unterkunft: KDU }),
    );
    expect(pers(r, 'a')).toMatchObject({ regelbedarfsstufe: 2, regelbedarf: 0, unterkunft: 0, anspruch: 0 });
    expect(pers(r, 'b')).toMatchObject({ regelbedarfsstufe: 2, regelbedarf: 506, unterkunft: 840, bedarf: 1346, anspruch: 1346 });
    expect(r.anspruch).toBe(1346);
    expect(r.gesamtbedarf).toBe(1346);
    expect(kduSumme(r)).toBe(84000);
    const kdu = r.schritte.find((s) => s.person === 'b' && s.text.startsWith('Anteil an Unterkunft'));
    expect(kdu?.text).toBe('Anteil an Unterkunft und Heizung für b (1/2, dazu 420,00 € aus dem Kopfteil nicht erreichbarer Mitglieder)');
    expect(kdu?.norm).toMatch(/^§ 7b Abs\. 4, § 22 Abs\. 1 SGB II/);
    pruefeSummen(r);
  });

  it('Paar mit Kind: Kopfteil zu gleichen Teilen an Partnerin und Kind, Kindergeld bleibt beim Kind', () => {
    const r = berechne(
      fall(
        '2026-08',
        [
          person('a', '1985-01-01', 'antragsteller', { nichtErreichbar: true }),
          person('b', '1986-01-01', 'partner'),
          person('k', '2016-05-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 259 }] }),
        ],
        { unterkunft: KDU },
      ),
    );
    // 840 / 3 = 280 each; a's 280 → 140 + 140
    expect(pers(r, 'b')).toMatchObject({ regelbedarf: 506, unterkunft: 420, bedarf: 926, anspruch: 926 });
    expect(pers(r, 'k')).toMatchObject({ regelbedarf: 390, unterkunft: 420, bedarf: 810, einkommen: 259, anspruch: 551, sofortzuschlag: 25 });
    expect(pers(r, 'a').anspruch).toBe(0);
    expect(r.anspruch).toBe(1477);
    expect(r.auszahlung).toBe(1502);
    expect(kduSumme(r)).toBe(84000);
    expect(r.schritte.some((s) => s.text.includes('geht zu gleichen Teilen an die übrigen Mitglieder der Bedarfsgemeinschaft: b 140,00 €, k 140,00 €'))).toBe(true);
    pruefeSummen(r);
  });

  it('Rest-Cent des umverteilten Kopfteils an die ersten übrigen Personen (AUSLEGUNG.kopfteilRest)', () => {
    const u = { grundmiete: 1000, nebenkosten: 0, heizkosten: 0 };
    const r = berechne(
      fall('2026-09', [person('a', '1985-01-01', 'antragsteller'), person('b', '1986-01-01', 'partner', { nichtErreichbar: true }), person('k', '2016-05-01', 'kind')], { unterkunft: u }),
    );
    // 333,34 / 333,33 / 333,33; b's 333,33 → a 166,67, k 166,66
    expect(pers(r, 'a').unterkunft).toBe(500.01);
    expect(pers(r, 'k').unterkunft).toBe(499.99);
    expect(pers(r, 'b').unterkunft).toBe(0);
    expect(kduSumme(r)).toBe(100000);
    pruefeSummen(r);
  });

  it('Haushaltsmitglieder außerhalb der BG behalten ihren Kopfteil und erhalten nichts dazu', () => {
    const r = berechne(
      fall('2026-08', [person('a', '1985-01-01', 'antragsteller', { nichtErreichbar: true }), person('b', '1986-01-01', 'partner'), person('s', '1950-01-01', 'sonstige')], {
        unterkunft: { grundmiete: 900, nebenkosten: 0, heizkosten: 0 },
      }),
    );
    expect(pers(r, 'b').unterkunft).toBe(600);
    expect(pers(r, 's').unterkunft).toBe(0);
    expect(r.anspruch).toBe(1106);
    pruefeSummen(r);
  });

  it('Einkommen der nicht erreichbaren Person deckt zuerst den eigenen entfallenen Bedarf (Lesart), wahlweise voll', () => {
    // 1.500 brutto / 1.100 netto: 1.100 − 100 − (84 + 144 + 20) = 752 bereinigt
    const input = fall(
      '2026-08',
      [person('a', '1985-01-01', 'antragsteller', { nichtErreichbar: true, einkommen: [erwerb(1500, 1100)] }), person('b', '1986-01-01', 'partner')],
      { unterkunft: KDU },
    );
    const r = berechne(input);
    expect(pers(r, 'a').einkommen).toBe(246); // 752 − 506
    expect(r.einkommen).toBe(246);
    expect(pers(r, 'b').anspruch).toBe(1100); // 506 + 840 − 246
    expect(r.schritte.find((s) => s.betrag === 506 && s.person === 'a')?.text).toContain('deckt zuerst den entfallenen eigenen Regel- und Mehrbedarf');
    pruefeSummen(r);
    const voll = berechne(input, { auslegung: { einkommenNichtErreichbar: 'voll' } });
    expect(voll.einkommen).toBe(752);
    expect(voll.anspruch).toBe(594);
    pruefeSummen(voll);
  });

  it('nicht erreichbares Kind (15–24): kein Anspruch, nicht benötigtes Kindergeld geht an den Elternteil', () => {
    const r = berechne(
      fall(
        '2026-08',
        [person('a', '1975-01-01', 'antragsteller'), person('k', '2005-03-01', 'kind', { nichtErreichbar: true, einkommen: [{ art: 'kindergeld', betrag: 259 }, erwerb(600, 600)] })],
        { unterkunft: KDU },
      ),
    );
    const k = pers(r, 'k');
    expect(k).toMatchObject({ inBedarfsgemeinschaft: true, anspruch: 0, unterkunft: 0, sofortzuschlag: 0, einkommen: 0 });
    expect(pers(r, 'a').unterkunft).toBe(840);
    // k: 600 − 100 − 84 − 24 = 392 + 259 Kindergeld = 651 (no Pauschale beside Erwerbseinkommen); own need 451 → 200 surplus, all of it Kindergeld → a
    expect(r.schritte.find((s) => s.text === 'Nicht benötigtes Kindergeld von k wird Einkommen von a')?.betrag).toBe(-200);
    pruefeSummen(r);
  });

  it('Minderung und Nichterreichbarkeit zugleich: es bleibt bei 0 (keine Minderung neben § 7b Abs. 4, § 32 Abs. 3)', () => {
    const r = berechne(fall('2026-08', [person('a', '1985-01-01', 'antragsteller', { nichtErreichbar: true, minderungProzent: 30 }), person('b', '1986-01-01', 'partner')], { unterkunft: KDU }));
    expect(pers(r, 'a')).toMatchObject({ anspruch: 0, minderung: 0 });
    expect(r.anspruch).toBe(1346);
  });

  it.each([
    ['vor dem 1. Juli 2026', fall('2026-06', [person('a', '1985-01-01', 'antragsteller', { nichtErreichbar: true })]), 'personen[0].nichtErreichbar', 'gilt erst ab dem 1. Juli 2026'],
    [
      'nicht erwerbsfähig',
      fall('2026-08', [person('a', '1985-01-01', 'antragsteller'), person('b', '1986-01-01', 'partner', { erwerbsfaehig: false, nichtErreichbar: true })]),
      'personen[1].nichtErreichbar',
      'nicht erwerbsfähig',
    ],
    [
      'außerhalb der BG',
      fall('2026-08', [person('a', '1985-01-01', 'antragsteller'), person('s', '1960-01-01', 'sonstige', { nichtErreichbar: true })]),
      'personen[1].nichtErreichbar',
      'gehört nicht zur Bedarfsgemeinschaft',
    ],
    ['Kind unter 15', fall('2026-08', [person('a', '1985-01-01', 'antragsteller'), person('k', '2016-01-01', 'kind', { nichtErreichbar: true })]), 'personen[1].nichtErreichbar', 'nicht erwerbsfähig'],
  ])('unzulässig: %s', (_name, input, pfad, text) => {
    expect(() => berechne(input)).toThrow(expect.objectContaining({ code: 'nicht_erreichbar_unzulaessig', pfad, message: expect.stringContaining(text) }));
  });

  it('nichtErreichbar: false ändert nichts', () => {
    const ohne = berechne(fall('2026-08', [person('a', '1985-01-01', 'antragsteller')], { unterkunft: KDU }));
    const falsch = berechne(fall('2026-08', [person('a', '1985-01-01', 'antragsteller', { nichtErreichbar: false })], { unterkunft: KDU }));
    expect(falsch).toEqual(ohne);
  });
});

const pad = (n: number) => String(n).padStart(2, '0');
const betrag = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);

/** Mehrpersonen-BG from July 2026, whole months, with one or two adults and up to four children (none born in the month). */
const mehrpersonenArb: fc.Arbitrary<{ input: BerechnungInput; wer: number }> = fc
  .record({
    monat: fc.integer({ min: 7, max: 12 }),
    partner: fc.boolean(),
    kinder: fc.array(fc.record({ alter: fc.integer({ min: 1, max: 24 }), kg: fc.boolean() }), { maxLength: 4 }),
    sonstige: fc.boolean(),
    ek: fc.array(fc.option(fc.integer({ min: 0, max: 300000 }), { freq: 2 }), { minLength: 6, maxLength: 6 }),
    miete: fc.record({ grundmiete: betrag(1500), nebenkosten: betrag(400), heizkosten: betrag(300) }),
    angemessen: fc.option(fc.record({ bruttokaltmiete: betrag(1200), heizkosten: betrag(200) })),
    wer: fc.nat(),
    minderung: fc.constantFrom(0, 0, 30),
  })
  .filter((r) => r.partner || r.kinder.length > 0)
  .map((r) => {
    const personen: PersonInput[] = [person('a', '1980-01-15', 'antragsteller')];
    if (r.partner) personen.push(person('b', '1982-01-15', 'partner'));
    r.kinder.forEach((k, i) => {
      const p = person(`k${i}`, `${2026 - k.alter}-01-15`, 'kind');
      if (k.kg) p.einkommen = [{ art: 'kindergeld', betrag: 259 }];
      personen.push(p);
    });
    if (r.sonstige) personen.push(person('s', '1950-01-15', 'sonstige'));
    personen.forEach((p, i) => {
      const c = r.ek[i];
      if (c !== null && c !== undefined) p.einkommen = [...(p.einkommen ?? []), erwerb(c / 100, Math.floor(c * 0.8) / 100)];
    });
    // who is not erreichbar: an erwerbsfähige member of the BG (adults, children from 15)
    const kandidaten = personen.map((p, i) => ({ p, i })).filter(({ p }) => p.rolle !== 'sonstige' && p.geburtsdatum <= '2011-01-15');
    const wer = (kandidaten[r.wer % kandidaten.length] as { i: number }).i;
    if (r.minderung > 0) (personen[wer] as PersonInput).minderungProzent = r.minderung;
    const input = fall(`2026-${pad(r.monat)}`, personen, { unterkunft: { ...r.miete, ...(r.angemessen ? { angemessen: r.angemessen } : {}) }, leistungsbeginn: '2024-01' });
    return { input, wer };
  });

describe('Eigenschaft: § 7b Abs. 4 in der Mehrpersonen-BG', () => {
  it('die für die BG anerkannten Unterkunftskosten bleiben gleich; die Person erhält nichts; Schritte = Auszahlung', () => {
    fc.assert(
      fc.property(mehrpersonenArb, ({ input, wer }) => {
        const ohne = berechne(input);
        const personen = input.personen.map((p, i) => (i === wer ? { ...p, nichtErreichbar: true } : p));
        const mit = berechne({ ...input, personen });
        expect(kduDerBg(mit)).toBe(kduDerBg(ohne));
        expect(pers(mit, (input.personen[wer] as PersonInput).id)).toMatchObject({ anspruch: 0, unterkunft: 0, regelbedarf: 0, sofortzuschlag: 0 });
        // a household member outside the BG keeps exactly its own share
        expect(kduSonstige(mit)).toBe(kduSonstige(ohne));
        for (const p of mit.personen) expect(p.anspruch).toBeGreaterThanOrEqual(0);
        pruefeSummen(mit);
      }),
      { numRuns: 400 },
    );
  });
});
