import { describe, expect, it } from 'vitest';
import type { EinkommenPeriode, FallZustand, PersonZustand } from '../fallakte/typen.ts';
import { vorbelegungAusFallzustand } from './weiterbewilligung-vorbelegung.ts';

const ek = (e: Partial<EinkommenPeriode>): EinkommenPeriode =>
  ({ id: 'x', personId: 'p', gueltigVon: '2025-01-01', gueltigBis: null, bezeichnung: null, bruttoCent: null, nettoCent: null, absetzungenCent: null, betragCent: null, art: 'sonstiges', ...e }) as EinkommenPeriode;

const person = (id: string, rolle: string, p: Partial<PersonZustand> = {}): PersonZustand =>
  ({ id, rolle, inBg: true, mitgliedSeit: '2025-01-01', vorname: id, nachname: 'X', geburtsdatum: '2003-01-01', geschlecht: 'w', staatsangehoerigkeit: 'DE', familienstand: null, telefon: null, merkmale: null, einkommen: [], vermoegen: [], ...p }) as PersonZustand;

const zustand = (personen: PersonZustand[]): FallZustand =>
  ({ stichtag: '2025-06-01', bg: {}, personen, beziehungen: [], adresse: null, bank: null, unterkunft: null, unterhaltspflichtige: [] }) as unknown as FallZustand;

describe('vorbelegungAusFallzustand: the answers the new calculation rules need', () => {
  it('Selbstständigkeit with Gewinn and netto → Gewinn and Steuern; old form → Gewinn; one-off payments are not carried over', () => {
    const d = vorbelegungAusFallzustand(
      zustand([
        person('a', 'antragsteller', {
          einkommen: [
            ek({ art: 'selbststaendigkeit', bezeichnung: 'Design', bruttoCent: 40000, nettoCent: 34000 }),
            ek({ art: 'selbststaendigkeit', bezeichnung: 'Alt', betragCent: 20000 }),
            ek({ art: 'einmalig', betragCent: 50000, zuflussDatum: '2025-02-01' }),
          ],
          merkmale: { ausbildung: 'studium' } as PersonZustand['merkmale'],
        }),
      ]),
    );
    expect(d.einkommen).toEqual([
      { id: 'e1', person: 'antragsteller', art: 'selbststaendigkeit', taetigkeit: 'Design', gewinnMonatlichCent: 40000, steuernCent: 6000 },
      { id: 'e2', person: 'antragsteller', art: 'selbststaendigkeit', taetigkeit: 'Alt', gewinnMonatlichCent: 20000 },
    ]);
    expect(d.antragsteller?.ausbildung).toBe('studium');
  });

  it("a child's Unterhalt and Unterhaltsvorschuss are pre-filled on its pages", () => {
    const d = vorbelegungAusFallzustand(
      zustand([
        person('a', 'antragsteller'),
        person('k', 'kind', { einkommen: [ek({ art: 'unterhaltsvorschuss', betragCent: 22700 }), ek({ art: 'kindergeld', betragCent: 25500 })] }),
        person('l', 'kind'),
      ]),
    );
    expect(d.kinder?.map((k) => [k.unterhaltErhalten, k.unterhaltCent, k.unterhaltsvorschussCent, k.kindergeldCent])).toEqual([
      [true, undefined, 22700, 25500],
      [false, undefined, undefined, undefined],
    ]);
  });
});
