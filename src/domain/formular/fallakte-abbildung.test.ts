import { describe, expect, it } from 'vitest';
import { erstantragDatenSchema, pruefeErstantrag } from '../fallakte/antragsdaten.ts';
import { AbbildungUnvollstaendig, antragZuErstantragDaten } from './fallakte-abbildung.ts';
import { geheVorwaerts } from './flows/durchlauf.testhilfe.ts';
import { erstantragFaelle, familieMitZweiKindern } from './flows/testfaelle.ts';
import type { AntragDaten } from './flows/erstantrag-daten.ts';

const KOMMUNE = '00000000-0000-4000-8000-000000000001';

describe('antragZuErstantragDaten (portal → Fallakte)', () => {
  it.each(erstantragFaelle.map((f) => [f.name, f] as const))('%s: valid Antragsdaten the Fallakte accepts', (_name, fall) => {
    const daten = geheVorwaerts(fall).daten as AntragDaten;
    const e = antragZuErstantragDaten(daten, { kommuneId: KOMMUNE });
    expect(erstantragDatenSchema.safeParse(e).success).toBe(true);
    expect(pruefeErstantrag(e)).toEqual([]);
    expect(e).toMatchObject({ antragsdatum: daten.antragsdatum, eingangskanal: 'online', adresse: { kommuneId: KOMMUNE, plz: daten.anschrift?.plz } });
  });

  it('family with two children: persons, roles, income, Kindergeld, housing costs', () => {
    const daten = geheVorwaerts(familieMitZweiKindern).daten as AntragDaten;
    const e = antragZuErstantragDaten(daten, { kommuneId: KOMMUNE });
    expect(e.personen.map((p) => p.rolle)).toEqual(['antragsteller', 'partner', 'kind', 'kind']);
    const kinder = e.personen.filter((p) => p.rolle === 'kind');
    for (const k of kinder) expect(k.einkommen).toEqual([{ art: 'kindergeld', betragCent: 25500 }]);
    expect(e.personen[0]!.einkommen?.[0]).toMatchObject({ art: 'erwerbstaetigkeit', bruttoCent: 140000, nettoCent: 110000 });
    expect(e.personen[0]!.schwanger).toBe(true);
    expect(e.unterkunft).toEqual({ grundmieteCent: 65000, nebenkostenCent: 18050, heizkostenCent: 9500 });
  });

  it('refuses an incomplete application with the missing field', () => {
    const daten = geheVorwaerts(familieMitZweiKindern).daten as AntragDaten;
    expect(() => antragZuErstantragDaten({ ...daten, anschrift: undefined }, { kommuneId: KOMMUNE })).toThrow(AbbildungUnvollstaendig);
  });
});
