import { describe, expect, it } from 'vitest';
import { KOOPERATIONSPLAN_AUSLEGUNG } from '../recht/foerdern-kooperationsplan.ts';
import {
  darfUebergehen,
  folgeschrittOhnePlan,
  minderungGesperrt,
  planSchema,
  plusMonate,
  pruefeNeuerPlan,
  pruefePlan,
  pruefeSchlichtungsbeginn,
  pruefeVerwaltungsakt,
  rechtsstandName,
  regimeAm,
  schlichtungsEnde,
  spaetesteUeberpruefung,
} from './kooperationsplan.ts';

const plan = (bis: string[]) =>
  planSchema.parse({
    eingliederungsziel: 'Aufnahme einer Beschäftigung als Lagerfachkraft',
    inhalt: {
      schritte: bis.map((b, i) => ({ was: `Schritt ${i + 1}`, wer: 'person', bis: b })),
      eigenbemuehungen: { anzahlJeMonat: 4, nachweis: 'Liste mit Kopien der Bewerbungen' },
      sprachfoerderung: 'keine',
      rehaBedarf: false,
      eingliederungsleistungen: ['Vermittlungsbudget (§ 44 SGB III)'],
      taetigkeitsbereiche: ['Lager und Logistik'],
    },
  });

describe('Kooperationsplan nach Datum (Tabellentest)', () => {
  it.each([
    ['2023-06-30', 'eingliederungsvereinbarung', false, false, false, 'keiner'],
    ['2023-07-01', 'kooperationsplan', true, true, false, 'schlichtung'],
    ['2025-02-14', 'kooperationsplan', true, true, false, 'schlichtung'],
    ['2026-06-30', 'kooperationsplan', true, true, false, 'schlichtung'],
    ['2026-07-01', 'kooperationsplan', true, false, true, 'verwaltungsakt'],
    ['2026-12-07', 'kooperationsplan', true, false, true, 'verwaltungsakt'],
  ] as const)('%s: %s, neu %s, Schlichtung %s, VA %s → %s', (tag, art, neu, schlichtung, va, folge) => {
    const r = regimeAm(tag).wert;
    expect(r).toMatchObject({ art, neueErlaubt: neu, schlichtung, verwaltungsakt: va, ueberpruefungMonate: 6 });
    expect(folgeschrittOhnePlan(tag)).toBe(folge);
    expect(pruefeNeuerPlan(tag)?.code ?? null).toBe(neu ? null : 'eingliederungsvereinbarung_nur_lesbar');
    expect(pruefeSchlichtungsbeginn(tag)?.code ?? null).toBe(schlichtung ? null : 'schlichtung_nicht_mehr_moeglich');
    expect(pruefeVerwaltungsakt(tag)?.code ?? null).toBe(va ? null : 'verwaltungsakt_noch_nicht_moeglich');
  });

  it('names the rule a record was made under', () => {
    expect(rechtsstandName('2024-03-01')).toBe('kooperationsplan-2023-07-01');
    expect(rechtsstandName('2026-07-01')).toBe('kooperationsplan-2026-07-01');
    expect(rechtsstandName('2022-01-10')).toBe('eingliederungsvereinbarung-2021-01-01');
  });

  it('refuses a Schlichtung after 30.6.2026 with a message about the abolition', () => {
    expect(pruefeSchlichtungsbeginn('2026-07-01')?.meldung).toContain('abgeschafft');
  });
});

describe('Inhalt und Prüfung', () => {
  it('a step due before the plan date is refused at its field', () => {
    expect(pruefePlan(plan(['2026-12-31', '2026-12-06']), '2026-12-07')).toEqual([expect.objectContaining({ path: 'inhalt.schritte.1.bis', code: 'schritt_in_vergangenheit' })]);
    expect(pruefePlan(plan(['2026-12-07']), '2026-12-07')).toEqual([]);
  });

  it('needs at least one step and a valid date', () => {
    expect(planSchema.safeParse({ eingliederungsziel: 'x', inhalt: { ...plan(['2027-01-01']).inhalt, schritte: [] } }).success).toBe(false);
    const inhalt = plan(['2027-01-01']).inhalt;
    expect(planSchema.safeParse({ eingliederungsziel: 'x', inhalt: { ...inhalt, schritte: [{ was: 'a', wer: 'person', bis: '2027-02-30' }] } }).success).toBe(false);
  });
});

describe('Fristen', () => {
  it.each([
    ['2026-12-07', '2027-06-07'],
    ['2026-08-31', '2027-02-28'],
    ['2027-08-31', '2028-02-29'],
    ['2026-01-15', '2026-07-15'],
  ])('Überprüfung spätestens: %s + 6 Monate = %s', (ab, bis) => {
    expect(spaetesteUeberpruefung(ab)).toBe(bis);
  });

  it('plusMonate crosses years', () => {
    expect(plusMonate('2026-11-30', 3)).toBe('2027-02-28');
  });

  it.each([
    ['2025-03-03', '2025-03-31'],
    ['2026-06-30', '2026-07-28'],
  ])('Schlichtung ab %s endet am %s (4 Wochen)', (beginn, ende) => {
    expect(schlichtungsEnde(beginn)).toBe(ende);
  });
});

describe('minderungGesperrt', () => {
  const s = [{ beginn: '2025-03-03', ende: '2025-03-31', ergebnis: 'laufend' as const }];
  it.each([
    ['2025-03-02', false],
    ['2025-03-03', true],
    ['2025-03-31', true],
    ['2025-04-01', false],
  ])('%s → %s', (tag, gesperrt) => {
    expect(minderungGesperrt(s, tag)).toBe(gesperrt);
  });

  it('an early agreement ends the block on its day', () => {
    expect(minderungGesperrt([{ beginn: '2025-03-03', ende: '2025-03-10', ergebnis: 'einigung' }], '2025-03-11')).toBe(false);
  });

  it('a Schlichtung running on 1.7.2026 blocks until its regular end (setting: bis_zum_ende)', () => {
    expect(KOOPERATIONSPLAN_AUSLEGUNG.laufendeSchlichtungAmStichtag).toBe('bis_zum_ende');
    expect(minderungGesperrt([{ beginn: '2026-06-20', ende: '2026-07-18', ergebnis: 'laufend' }], '2026-07-10')).toBe(true);
  });

  it('no Schlichtung, no block', () => {
    expect(minderungGesperrt([], '2025-03-10')).toBe(false);
  });
});

describe('Zustandsübergänge', () => {
  it.each([
    ['entwurf', 'abgestimmt', true],
    ['entwurf', 'nicht_zustande_gekommen', true],
    ['abgestimmt', 'fortgeschrieben', true],
    ['nicht_zustande_gekommen', 'fortgeschrieben', true],
    ['abgestimmt', 'entwurf', false],
    ['fortgeschrieben', 'abgestimmt', false],
    ['entwurf', 'fortgeschrieben', false],
  ] as const)('%s → %s: %s', (von, nach, ok) => {
    expect(darfUebergehen(von, nach)).toBe(ok);
  });
});
