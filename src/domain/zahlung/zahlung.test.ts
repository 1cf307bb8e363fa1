import { describe, expect, it } from 'vitest';
import { berechneZeitraum } from '../bewilligung/berechnung.ts';
import { EMPFAENGER_KONTO, TRAEGER_KONTO, familienInputs } from '../bewilligung/testdaten.ts';
import { kostenaufteilung } from '../kosten/index.ts';
import {
  SepaFehler,
  buchungszeilen,
  endToEndId,
  erzeugePain001,
  ibanMaskiert,
  istGueltigeIban,
  leistungsmonatFuer,
  planeZahllauf,
  pruefeIban,
  sepaText,
  type LaufendeBewilligung,
} from './index.ts';

function bewilligung(bgId: string, beginn: string, monate: number, kommune = 'nord', iban = EMPFAENGER_KONTO.iban): LaufendeBewilligung {
  const z = berechneZeitraum(familienInputs(beginn, monate), { erklaerung: false });
  return {
    bewilligungId: `bew-${bgId}`,
    bgId,
    fallnummer: `F-${bgId}`,
    empfaenger: { ...EMPFAENGER_KONTO, iban },
    monate: z.monate.map((m) => ({ monat: m.monat, betragCent: m.auszahlungCent, kosten: kostenaufteilung(m.ergebnis, kommune).anteile })),
  };
}

/** Minimal XML check: one root, every start tag closed in order, no stray text outside. Returns element counts. */
function pruefeXml(xml: string): Map<string, number> {
  const ohneKopf = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stapel: string[] = [];
  const zaehler = new Map<string, number>();
  const re = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<>]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let wurzeln = 0;
  let pos = 0;
  while ((m = re.exec(ohneKopf)) !== null) {
    if (m.index !== pos) throw new Error(`Unerwartetes Zeichen an Position ${pos}`);
    pos = re.lastIndex;
    if (m[5] !== undefined) {
      if (stapel.length === 0 && m[5].trim() !== '') throw new Error('Text außerhalb des Wurzelelements');
      if (/&(?!amp;|lt;|gt;|quot;|apos;)/.test(m[5])) throw new Error('Unmaskiertes &');
      continue;
    }
    const name = m[2] as string;
    if (m[1] === '/') {
      if (stapel.pop() !== name) throw new Error(`Schließendes Tag ${name} passt nicht`);
    } else {
      if (stapel.length === 0) wurzeln++;
      zaehler.set(name, (zaehler.get(name) ?? 0) + 1);
      if (m[4] !== '/') stapel.push(name);
    }
  }
  if (pos !== ohneKopf.length || stapel.length > 0 || wurzeln !== 1) throw new Error('XML nicht wohlgeformt');
  return zaehler;
}

describe('IBAN', () => {
  it('prüft Prüfziffer und SEPA-Raum, normalisiert Leerzeichen', () => {
    expect(pruefeIban('de89 3704 0044 0532 0130 00')).toEqual({ gueltig: true, iban: 'DE89370400440532013000' });
    expect(istGueltigeIban('DE89370400440532013001')).toBe(false);
    expect(pruefeIban('DE89370400440532013001')).toMatchObject({ gueltig: false, code: 'iban_ungueltig' });
    expect(pruefeIban('BR1800360305000010009795493C1')).toMatchObject({ gueltig: false, code: 'iban_nicht_sepa' });
    expect(ibanMaskiert('DE89370400440532013000')).toBe('DE89 **** **** **** **30 00');
  });
});

describe('Zahllauf-Plan (§ 42 Abs. 1 SGB II: monatlich im Voraus)', () => {
  const bews = [bewilligung('bg1', '2024-06', 12, 'nord'), bewilligung('bg2', '2024-07', 12, 'sued'), bewilligung('bg3', '2024-09', 6)];

  it('zahlt im Juni den Juli, dazu nicht bezahlte frühere Monate laufender Bewilligungen', () => {
    expect(leistungsmonatFuer('2024-06')).toBe('2024-07');
    const erledigt = new Set(['bg1:2024-06:laufend']);
    const plan = planeZahllauf({ zahlmonat: '2024-06', bewilligungen: bews, erledigt });
    expect(plan.leistungsmonat).toBe('2024-07');
    expect(plan.norm).toBe('§ 42 Abs. 1 SGB II');
    expect(plan.zahlungen.map((z) => z.schluessel)).toEqual(['bg1:2024-07:laufend', 'bg2:2024-07:laufend']);
    expect(plan.bereitsErledigt).toBe(1);
    expect(plan.summeCent).toBe(plan.zahlungen.reduce((s, z) => s + z.betragCent, 0));
    for (const z of plan.zahlungen) {
      expect(z.kosten.reduce((s, k) => s + k.betragCent, 0)).toBe(z.betragCent);
      expect(z.verwendungszweck).toBe(`Bürgergeld 07/2024 ${z.fallnummer}`);
      expect(buchungszeilen(z).map((b) => b.schluessel)).toContain(`${z.schluessel}:unterkunft:${z.bgId === 'bg1' ? 'nord' : 'sued'}`);
    }
    // bg1's June was not recorded in this variant → paid as well
    const ohne = planeZahllauf({ zahlmonat: '2024-06', bewilligungen: bews, erledigt: new Set() });
    expect(ohne.zahlungen.map((z) => z.schluessel)).toEqual(['bg1:2024-06:laufend', 'bg1:2024-07:laufend', 'bg2:2024-07:laufend']);
  });

  it('ist idempotent: ein zweiter Lauf – auch nach Abbruch mittendrin – zahlt nichts doppelt und nichts fehlt', () => {
    const erster = planeZahllauf({ zahlmonat: '2024-08', bewilligungen: bews, erledigt: new Set() });
    expect(erster.zahlungen.length).toBeGreaterThan(3);
    const alle = new Set(erster.zahlungen.map((z) => z.schluessel));
    expect(planeZahllauf({ zahlmonat: '2024-08', bewilligungen: bews, erledigt: alle }).zahlungen).toEqual([]);
    // crash after recording the first two payments
    const teil = new Set(erster.zahlungen.slice(0, 2).map((z) => z.schluessel));
    const fortsetzung = planeZahllauf({ zahlmonat: '2024-08', bewilligungen: bews, erledigt: teil });
    expect(fortsetzung.zahlungen.map((z) => z.schluessel)).toEqual(erster.zahlungen.slice(2).map((z) => z.schluessel));
    expect(fortsetzung.summeCent + erster.zahlungen.slice(0, 2).reduce((s, z) => s + z.betragCent, 0)).toBe(erster.summeCent);
  });

  it('zahlt Nachzahlungen; Überzahlungen werden Erstattungsforderungen statt negativer Zahlungen', () => {
    const plan = planeZahllauf({
      zahlmonat: '2024-08',
      bewilligungen: [],
      erledigt: new Set(),
      korrekturen: [
        {
          id: 'bescheid-7',
          bgId: 'bg1',
          fallnummer: 'F-bg1',
          empfaenger: EMPFAENGER_KONTO,
          monat: '2024-07',
          betragCent: 1234,
          kosten: [{ kostenart: 'lebensunterhalt', traeger: 'bund', kommuneId: null, betragCent: 1234 }],
        },
        { id: 'bescheid-8', bgId: 'bg2', fallnummer: 'F-bg2', empfaenger: EMPFAENGER_KONTO, monat: '2024-07', betragCent: -5000, personen: [{ id: 'p1', betragCent: 5000 }] },
      ],
    });
    expect(plan.zahlungen).toHaveLength(1);
    expect(plan.zahlungen[0]).toMatchObject({ art: 'nachzahlung', schluessel: 'bg1:2024-07:nachzahlung:bescheid-7', betragCent: 1234, verwendungszweck: 'Nachzahlung Bürgergeld 07/2024 F-bg1' });
    expect(plan.forderungen).toEqual([
      { schluessel: 'bg2:2024-07:erstattung:bescheid-8', bgId: 'bg2', korrekturId: 'bescheid-8', fallnummer: 'F-bg2', leistungsmonat: '2024-07', betragCent: 5000, personen: [{ id: 'p1', betragCent: 5000 }], norm: '§ 50 SGB X' },
    ]);
    expect(plan.zahlungen.every((z) => z.betragCent > 0)).toBe(true);
  });

  it('stellt Zahlungen mit ungültiger IBAN zurück', () => {
    const plan = planeZahllauf({ zahlmonat: '2024-06', bewilligungen: [bewilligung('bgX', '2024-07', 2, 'nord', 'DE89370400440532013001')], erledigt: new Set() });
    expect(plan.zahlungen).toEqual([]);
    expect(plan.zurueckgestellt).toEqual([{ bgId: 'bgX', schluessel: 'bgX:2024-07:laufend', code: 'iban_ungueltig', message: expect.stringContaining('IBAN') }]);
  });
});

describe('SEPA pain.001.001.09', () => {
  const bews = [bewilligung('bg1', '2024-06', 12), bewilligung('bg2', '2024-06', 12, 'sued'), bewilligung('bg3', '2024-07', 3)];
  const plan = planeZahllauf({ zahlmonat: '2024-06', bewilligungen: bews, erledigt: new Set() });
  const datei = { nachrichtId: 'ZL-2024-06-1', erstelltAm: '2024-06-27T09:00:00', ausfuehrungsdatum: '2024-06-28', auftraggeber: TRAEGER_KONTO, zahlungen: plan.zahlungen };

  it('ist wohlgeformt, mit Anzahl und Kontrollsumme aller Zahlungen', () => {
    const xml = erzeugePain001(datei);
    const elemente = pruefeXml(xml);
    expect(elemente.get('CdtTrfTxInf')).toBe(plan.zahlungen.length);
    expect(elemente.get('PmtInf')).toBe(1);
    const nb = [...xml.matchAll(/<NbOfTxs>(\d+)<\/NbOfTxs>/g)].map((m) => Number(m[1]));
    expect(nb).toEqual([plan.zahlungen.length, plan.zahlungen.length]);
    const ctrl = [...xml.matchAll(/<CtrlSum>([\d.]+)<\/CtrlSum>/g)].map((m) => m[1]);
    const summe = plan.zahlungen.reduce((s, z) => s + z.betragCent, 0);
    expect(ctrl).toEqual([`${Math.floor(summe / 100)}.${String(summe % 100).padStart(2, '0')}`, ctrl[0]]);
    const betraege = [...xml.matchAll(/<InstdAmt Ccy="EUR">(\d+)\.(\d\d)<\/InstdAmt>/g)].reduce((s, m) => s + Number(m[1]) * 100 + Number(m[2]), 0);
    expect(betraege).toBe(summe);
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"');
    expect(xml).toContain(`<DbtrAcct><Id><IBAN>${TRAEGER_KONTO.iban}</IBAN></Id></DbtrAcct>`);
    expect(xml).toContain('<ReqdExctnDt><Dt>2024-06-28</Dt></ReqdExctnDt>');
    expect(xml).toContain(`<EndToEndId>${endToEndId('bg1:2024-07:laufend')}</EndToEndId>`);
    expect(xml).toContain('<Ustrd>Bürgergeld 07/2024 F-bg1</Ustrd>');
    expect(erzeugePain001(datei)).toBe(xml);
  });

  it('EndToEndId ist kurz, stabil und je Schlüssel verschieden', () => {
    const ids = plan.zahlungen.map((z) => z.endToEndId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^VO[0-9A-F]{32}$/);
    expect(endToEndId('x')).toBe(endToEndId('x'));
  });

  it('nennt vor 2023 Arbeitslosengeld II im Verwendungszweck', () => {
    const alt = planeZahllauf({ zahlmonat: '2022-05', bewilligungen: [bewilligung('bg9', '2022-06', 6)], erledigt: new Set() });
    expect(alt.zahlungen[0]?.verwendungszweck).toBe('Arbeitslosengeld II 06/2022 F-bg9');
  });

  it('lehnt ungültige IBAN, Beträge und doppelte IDs ab', () => {
    expect(() => erzeugePain001({ ...datei, auftraggeber: { ...TRAEGER_KONTO, iban: 'DE00370400440532013000' } })).toThrow(SepaFehler);
    const z = plan.zahlungen[0]!;
    expect(() => erzeugePain001({ ...datei, zahlungen: [{ ...z, empfaenger: { ...z.empfaenger, iban: 'DE89370400440532013001' } }] })).toThrow(/IBAN ist ungültig/);
    expect(() => erzeugePain001({ ...datei, zahlungen: [{ ...z, betragCent: 0 }] })).toThrow(/nicht überweisbar/);
    expect(() => erzeugePain001({ ...datei, zahlungen: [z, z] })).toThrow(/doppelt/);
    expect(() => erzeugePain001({ ...datei, zahlungen: [] })).toThrow(SepaFehler);
  });

  it('maskiert XML-Sonderzeichen und ersetzt unzulässige Zeichen', () => {
    expect(sepaText('Zoë Ångström & Söhne <GmbH>', 70)).toBe('Zoe Angström & Söhne GmbH');
    const z = { ...plan.zahlungen[0]!, empfaenger: { ...plan.zahlungen[0]!.empfaenger, name: 'Müller & Co' } };
    const xml = erzeugePain001({ ...datei, zahlungen: [z] });
    expect(xml).toContain('<Nm>Müller &amp; Co</Nm>');
    pruefeXml(xml);
  });
});

describe('Förderleistungen (Eingliederungsbudget) in the Zahllauf', () => {
  const f = {
    foerderleistungId: 'f1',
    bgId: 'bg9',
    fallnummer: 'F-2026-0009',
    empfaenger: EMPFAENGER_KONTO,
    bezeichnung: 'Einstiegsgeld',
    traeger: 'bund' as const,
    monate: [
      { monat: '2026-11', betragCent: 14_000, mittelbindungId: 'm26' },
      { monat: '2026-12', betragCent: 28_000, mittelbindungId: 'm26' },
      { monat: '2027-01', betragCent: 28_000, mittelbindungId: 'm27' },
      { monat: '2027-02', betragCent: 28_000, mittelbindungId: 'm27' },
    ],
  };
  it('pays the following month in advance and earlier unpaid months, with the cost type eingliederung, once', () => {
    const plan = planeZahllauf({ zahlmonat: '2026-12', bewilligungen: [], erledigt: new Set(['bg9:2026-11:eingliederung:f1']), foerderleistungen: [f] });
    expect(plan.zahlungen.map((z) => [z.schluessel, z.art, z.betragCent, z.mittelbindungId])).toEqual([
      ['bg9:2026-12:eingliederung:f1', 'eingliederung', 28_000, 'm26'],
      ['bg9:2027-01:eingliederung:f1', 'eingliederung', 28_000, 'm27'],
    ]);
    expect(plan.bereitsErledigt).toBe(1);
    expect(plan.zahlungen[0]!.verwendungszweck).toBe('Einstiegsgeld 12/2026 F-2026-0009');
    expect(buchungszeilen(plan.zahlungen[0]!)).toEqual([{ schluessel: 'bg9:2026-12:eingliederung:f1:eingliederung', kostenart: 'eingliederung', traeger: 'bund', kommuneId: null, betragCent: 28_000 }]);
    expect(plan.summeCent).toBe(56_000);
  });
});
