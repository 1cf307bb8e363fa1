import * as fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { bundesweiteFeiertage, ostersonntag } from './feiertage.ts';
import { ANNA, BERT, ERSTGESPRAECH, LEISTUNGSFRAGEN, PLAN_ANNA, REGELN_TEST, STANDORT_MITTE, verfuegbarkeit } from './testdaten.ts';
import {
  alternativen,
  freieSlots,
  freieZeiten,
  pruefeBuchung,
  type Buchungswunsch,
  type Sprechstundenplan,
  type Verfuegbarkeit,
} from './verfuegbarkeit.ts';
import { abbilden, lokalIso, wandzeit } from './zeit.ts';

const iso = (d: Date) => d.toISOString();
const jetztFrueh = new Date('2026-01-01T00:00:00Z');

function slotsAm(v: Verfuegbarkeit, datum: string, anliegenId = ERSTGESPRAECH.id, jetzt = jetztFrueh) {
  return freieSlots(v, { anliegenId, von: datum, bis: datum, jetzt, regeln: { vorlaufMinuten: 0, horizontTage: 1000 } });
}

function sonntagsPlan(von: string, bis: string): Sprechstundenplan {
  return { ressourceId: ANNA.id, standortId: STANDORT_MITTE.id, sprechzeiten: [{ wochentag: 7, von, bis }], ausnahmen: [] };
}

describe('Europe/Berlin wall-clock time', () => {
  it('a 09:00 slot is 08:00Z in winter and 07:00Z in summer', () => {
    const winter = slotsAm(verfuegbarkeit(), '2026-01-13');
    const sommer = slotsAm(verfuegbarkeit(), '2026-07-14');
    expect(iso(winter[0]!.beginn)).toBe('2026-01-13T08:00:00.000Z');
    expect(winter[0]!.uhrzeit).toBe('09:00');
    expect(winter[0]!.offsetMinuten).toBe(60);
    expect(iso(sommer[0]!.beginn)).toBe('2026-07-14T07:00:00.000Z');
    expect(sommer[0]!.offsetMinuten).toBe(120);
  });

  it('the same weekly pattern before and after the spring change', () => {
    expect(iso(slotsAm(verfuegbarkeit(), '2026-03-27')[0]!.beginn)).toBe('2026-03-27T08:00:00.000Z');
    expect(iso(slotsAm(verfuegbarkeit(), '2026-03-30')[0]!.beginn)).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(slotsAm(verfuegbarkeit(), '2026-10-23')[0]!.beginn)).toBe('2026-10-23T07:00:00.000Z');
    expect(iso(slotsAm(verfuegbarkeit(), '2026-10-26')[0]!.beginn)).toBe('2026-10-26T08:00:00.000Z');
  });

  it('spring-forward day: a 01:30–03:30 pattern yields only real times', () => {
    const v = verfuegbarkeit({ plaene: [sonntagsPlan('01:30', '03:30')] });
    const slots = slotsAm(v, '2026-03-29');
    expect(slots.map((s) => lokalIso(s.beginn))).toEqual(['2026-03-29T01:30+01:00', '2026-03-29T03:00+02:00']);
    expect(slots.map((s) => iso(s.beginn))).toEqual(['2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z']);
    for (const s of slots) expect(s.uhrzeit.startsWith('02:')).toBe(false);
    expect(abbilden('2026-03-29', 150).art).toBe('luecke');
  });

  it('fall-back day: the doubled hour has each slot once per offset, none missing, none twice', () => {
    const v = verfuegbarkeit({ plaene: [sonntagsPlan('01:30', '03:30')] });
    const slots = slotsAm(v, '2026-10-25');
    expect(slots.map((s) => lokalIso(s.beginn))).toEqual([
      '2026-10-25T01:30+02:00',
      '2026-10-25T02:00+02:00',
      '2026-10-25T02:30+02:00',
      '2026-10-25T02:00+01:00',
      '2026-10-25T02:30+01:00',
      '2026-10-25T03:00+01:00',
    ]);
    const instants = slots.map((s) => s.beginn.getTime());
    expect(new Set(instants).size).toBe(instants.length);
    for (let i = 1; i < instants.length; i++) expect(instants[i]! - instants[i - 1]!).toBe(30 * 60_000);
    expect(iso(slots.at(-1)!.ende)).toBe('2026-10-25T02:30:00.000Z');
  });

  it('an ordinary window on the fall-back day is unaffected', () => {
    const v = verfuegbarkeit({ plaene: [sonntagsPlan('09:00', '10:00')] });
    expect(slotsAm(v, '2026-10-25').map((s) => iso(s.beginn))).toEqual(['2026-10-25T08:00:00.000Z', '2026-10-25T08:30:00.000Z']);
  });

  it('property: every slot of a 09:00–12:00 pattern starts at a real local time on the grid, unique and inside the window', () => {
    const v = verfuegbarkeit();
    const eigenschaft = () =>
      fc.assert(
      fc.property(fc.integer({ min: 0, max: 729 }) /* the Standort knows the holidays of 2026 and 2027 */, (tag) => {
        const datum = new Date(Date.UTC(2026, 0, 1) + tag * 86_400_000).toISOString().slice(0, 10);
        const slots = slotsAm(v, datum, ERSTGESPRAECH.id, new Date('2025-12-31T00:00:00Z'));
        const w = wandzeit(Date.UTC(Number(datum.slice(0, 4)), Number(datum.slice(5, 7)) - 1, Number(datum.slice(8, 10)), 12));
        if (w.wochentag > 5 || bundesweiteFeiertage(Number(datum.slice(0, 4))).some((f) => f.datum === datum)) {
          return slots.length === 0 || (w.wochentag === 2 && slots.every((s) => s.kanaele.join() === 'video'));
        }
        const vormittag = slots.filter((s) => s.uhrzeit < '12:00');
        return (
          vormittag.length === 6 &&
          vormittag.map((s) => s.uhrzeit).join() === '09:00,09:30,10:00,10:30,11:00,11:30' &&
          vormittag.every((s) => s.datum === datum && (s.offsetMinuten === 60 || s.offsetMinuten === 120)) &&
          new Set(slots.map((s) => s.beginn.getTime())).size === slots.length
        );
      }),
      { numRuns: 300 },
    );
    expect(eigenschaft).not.toThrow();
  });
});

describe('results do not depend on the process time zone', () => {
  const vorher = process.env.TZ;
  afterEach(() => {
    process.env.TZ = vorher;
  });

  it('same slots with TZ=UTC, Europe/Berlin, America/Los_Angeles and Pacific/Kiritimati', () => {
    const jetzt = new Date('2026-03-26T10:17:00Z');
    const v = verfuegbarkeit({ plaene: [PLAN_ANNA, sonntagsPlan('01:30', '03:30')] });
    const rechne = () =>
      JSON.stringify(freieSlots(v, { anliegenId: ERSTGESPRAECH.id, von: '2026-03-26', bis: '2026-04-07', jetzt, regeln: REGELN_TEST }));
    const ergebnisse = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      return { tz, offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), json: rechne() };
    });
    // the process really switched zones (otherwise this test could not fail)
    expect(new Set(ergebnisse.map((e) => e.offset)).size).toBe(4);
    for (const e of ergebnisse) expect(e.json).toBe(ergebnisse[0]!.json);
    expect(JSON.parse(ergebnisse[0]!.json).length).toBeGreaterThan(20);
  });
});

describe('hours, holidays, exceptions, absences, bookings', () => {
  it('no hours on a holiday of the Standort; extra hours on that date still apply', () => {
    expect(slotsAm(verfuegbarkeit(), '2026-04-03')).toEqual([]); // Karfreitag
    const plan: Sprechstundenplan = { ...PLAN_ANNA, ausnahmen: [{ art: 'zusaetzlich', datum: '2026-04-03', von: '10:00', bis: '11:00' }] };
    expect(slotsAm(verfuegbarkeit({ plaene: [plan] }), '2026-04-03').map((s) => s.uhrzeit)).toEqual(['10:00', '10:30']);
  });

  it('closed all day or in part', () => {
    const ganz: Sprechstundenplan = { ...PLAN_ANNA, ausnahmen: [{ art: 'geschlossen', datum: '2026-01-13' }] };
    expect(slotsAm(verfuegbarkeit({ plaene: [ganz] }), '2026-01-13')).toEqual([]);
    const teil: Sprechstundenplan = { ...PLAN_ANNA, ausnahmen: [{ art: 'geschlossen', datum: '2026-01-14', von: '10:00', bis: '11:00' }] };
    expect(slotsAm(verfuegbarkeit({ plaene: [teil] }), '2026-01-14').map((s) => s.uhrzeit)).toEqual(['09:00', '09:30', '11:00', '11:30']);
  });

  it('patterns apply only within their validity dates; adjacent windows merge', () => {
    const plan: Sprechstundenplan = {
      ...PLAN_ANNA,
      sprechzeiten: [
        { wochentag: 3, von: '09:00', bis: '09:45', gueltigBis: '2026-01-31' },
        { wochentag: 3, von: '09:45', bis: '10:30', gueltigBis: '2026-01-31' },
        { wochentag: 3, von: '13:00', bis: '14:00', gueltigAb: '2026-02-01' },
      ],
    };
    const v = verfuegbarkeit({ plaene: [plan] });
    expect(slotsAm(v, '2026-01-28').map((s) => s.uhrzeit)).toEqual(['09:00', '09:30', '10:00']);
    expect(slotsAm(v, '2026-02-04').map((s) => s.uhrzeit)).toEqual(['13:00', '13:30']);
  });

  it('channel-restricted windows: Tuesday afternoon is video only', () => {
    const dienstag = slotsAm(verfuegbarkeit(), '2026-01-13');
    expect(dienstag.filter((s) => s.uhrzeit >= '14:00').every((s) => s.kanaele.join() === 'video')).toBe(true);
    const nurTelefon = freieSlots(verfuegbarkeit(), {
      anliegenId: ERSTGESPRAECH.id,
      kanal: 'telefon',
      von: '2026-01-13',
      bis: '2026-01-13',
      jetzt: jetztFrueh,
      regeln: REGELN_TEST,
    });
    expect(nurTelefon.map((s) => s.uhrzeit)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
  });

  it('only Ressourcen with a matching role or named explicitly', () => {
    expect(slotsAm(verfuegbarkeit(), '2026-01-13', LEISTUNGSFRAGEN.id)).toEqual([]);
    const explizit = { ...LEISTUNGSFRAGEN, bearbeitung: { ressourcen: [ANNA.id] } };
    expect(slotsAm(verfuegbarkeit({ anliegen: [explizit] }), '2026-01-13', LEISTUNGSFRAGEN.id).length).toBeGreaterThan(0);
  });

  it('absences remove overlapping slots', () => {
    const anna = { ...ANNA, abwesenheiten: [{ von: new Date('2026-01-13T08:45:00Z'), bis: new Date('2026-01-13T10:00:00Z') }] };
    const slots = slotsAm(verfuegbarkeit({ ressourcen: [anna] }), '2026-01-13').filter((s) => s.uhrzeit < '12:00');
    expect(slots.map((s) => s.uhrzeit)).toEqual(['09:00', '11:00', '11:30']); // absent 09:45–11:00
  });

  it('booked appointments and their buffer block overlapping slots', () => {
    const plan: Sprechstundenplan = { ressourceId: BERT.id, standortId: STANDORT_MITTE.id, sprechzeiten: [{ wochentag: 2, von: '09:00', bis: '10:30' }], ausnahmen: [] };
    const v = verfuegbarkeit({
      ressourcen: [BERT],
      plaene: [plan],
      // 09:15–09:35 local, plus 10 minutes buffer → blocked until 09:45
      belegungen: [{ ressourceId: BERT.id, beginn: new Date('2026-01-13T08:15:00Z'), ende: new Date('2026-01-13T08:35:00Z'), pufferMinuten: 10 }],
    });
    // Leistungsfragen: 20 min + 10 min buffer on a 15-minute grid; 09:00 would run (with buffer) into the booking
    expect(slotsAm(v, '2026-01-13', LEISTUNGSFRAGEN.id).map((s) => s.uhrzeit)).toEqual(['09:45', '10:00']);
  });

  it('past times, the minimum lead time and the booking horizon', () => {
    const jetzt = new Date('2026-01-13T08:30:00Z'); // 09:30 in Berlin
    const v = verfuegbarkeit();
    const heute = freieSlots(v, { anliegenId: ERSTGESPRAECH.id, von: '2026-01-12', bis: '2026-01-13', jetzt, regeln: REGELN_TEST });
    expect(heute.map((s) => s.uhrzeit)).toEqual(['11:30', '14:00', '14:30', '15:00', '15:30']);
    const weit = freieSlots(v, { anliegenId: ERSTGESPRAECH.id, von: '2026-03-13', bis: '2026-03-20', jetzt, regeln: { vorlaufMinuten: 0, horizontTage: 60 } });
    expect(weit.at(-1)!.datum).toBe('2026-03-13'); // 13.1. + 60 days
  });

  it('freieZeiten groups Ressourcen of the same time', () => {
    const planBert: Sprechstundenplan = { ...PLAN_ANNA, ressourceId: BERT.id };
    const zeiten = freieZeiten(slotsAm(verfuegbarkeit({ ressourcen: [ANNA, BERT], plaene: [PLAN_ANNA, planBert] }), '2026-01-14'));
    expect(zeiten[0]!.ressourcen).toEqual([ANNA.id, BERT.id]);
    expect(zeiten).toHaveLength(6);
  });
});

/** Reference for `alternativen`: all free times from the wish to the end of the horizon, then the first `anzahl`. */
function alternativenReferenz(vv: Verfuegbarkeit, w: Buchungswunsch, jetzt: Date, anzahl: number) {
  const ab = Math.max(w.beginn.getTime(), jetzt.getTime());
  const slots = freieSlots(vv, { anliegenId: w.anliegenId, kanal: w.kanal, von: '2026-01-01', bis: '2027-12-31', jetzt, regeln: REGELN_TEST });
  return freieZeiten(slots.filter((s) => s.beginn.getTime() >= ab && s.beginn.getTime() !== w.beginn.getTime())).slice(0, anzahl);
}

describe('pruefeBuchung and alternativen', () => {
  const jetzt = new Date('2026-01-12T07:00:00Z');
  const v = verfuegbarkeit();
  const wunsch: Buchungswunsch = { anliegenId: ERSTGESPRAECH.id, kanal: 'vor_ort', beginn: new Date('2026-01-13T08:00:00Z') };
  const code = (w: Buchungswunsch, vv = v) => {
    const r = pruefeBuchung(vv, w, jetzt, REGELN_TEST);
    return r.ok ? 'ok' : r.fehler.code;
  };

  it('accepts a free slot and names the Ressource', () => {
    const r = pruefeBuchung(v, wunsch, jetzt, REGELN_TEST);
    expect(r.ok && r.slot.ressourceId).toBe(ANNA.id);
  });

  it('refuses with stable codes and German messages', () => {
    expect(code({ ...wunsch, anliegenId: 'gibt-es-nicht' })).toBe('anliegen_unbekannt');
    expect(code({ ...wunsch, beginn: new Date('2026-01-12T06:00:00Z') })).toBe('termin_in_vergangenheit');
    expect(code({ ...wunsch, beginn: new Date('2026-01-12T08:00:00Z') })).toBe('vorlauf_unterschritten');
    expect(code({ ...wunsch, beginn: new Date('2026-06-01T07:00:00Z') })).toBe('ausserhalb_horizont');
    expect(code({ ...wunsch, anliegenId: LEISTUNGSFRAGEN.id, kanal: 'video' })).toBe('kanal_nicht_erlaubt');
    expect(code({ ...wunsch, beginn: new Date('2026-01-13T14:00:00Z') })).toBe('kanal_nicht_erlaubt'); // 15:00, video only
    expect(code({ ...wunsch, kanal: 'video', beginn: new Date('2026-01-13T14:00:00Z') })).toBe('ok');
    expect(code({ ...wunsch, beginn: new Date('2026-01-13T06:00:00Z') })).toBe('ausserhalb_sprechzeiten');
    expect(code({ ...wunsch, beginn: new Date('2026-01-17T08:00:00Z') })).toBe('ausserhalb_sprechzeiten'); // Saturday
    expect(code({ ...wunsch, beginn: new Date('2026-01-13T08:10:00Z') })).toBe('nicht_im_raster');
    const abwesend = verfuegbarkeit({ ressourcen: [{ ...ANNA, abwesenheiten: [{ von: new Date('2026-01-13T00:00:00Z'), bis: new Date('2026-01-14T00:00:00Z') }] }] });
    expect(code(wunsch, abwesend)).toBe('nicht_verfuegbar');
    const belegt = verfuegbarkeit({ belegungen: [{ ressourceId: ANNA.id, beginn: wunsch.beginn, ende: new Date('2026-01-13T08:30:00Z') }] });
    const r = pruefeBuchung(belegt, wunsch, jetzt, REGELN_TEST);
    const fehler = r.ok ? undefined : r.fehler;
    expect(fehler?.code).toBe('slot_belegt');
    expect(fehler?.status).toBe(409);
    expect(fehler?.message).toBe('Dieser Termin ist leider schon vergeben.');
  });

  it('alternativen offers the next free times after the wished one', () => {
    const belegt = verfuegbarkeit({ belegungen: [{ ressourceId: ANNA.id, beginn: wunsch.beginn, ende: new Date('2026-01-13T08:30:00Z') }] });
    expect(alternativen(belegt, wunsch, jetzt, REGELN_TEST).map((z) => lokalIso(z.beginn))).toEqual([
      '2026-01-13T09:30+01:00',
      '2026-01-13T10:00+01:00',
      '2026-01-13T10:30+01:00',
    ]);
    const vergangen = alternativen(v, { ...wunsch, beginn: new Date('2025-12-01T08:00:00Z') }, jetzt, REGELN_TEST, 1);
    expect(lokalIso(vergangen[0]!.beginn)).toBe('2026-01-12T10:00+01:00'); // now 08:00 + 2 h lead time
  });

  it('alternativen (searching a few days first) equals the first times of the whole booking range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 70 * 24 }), // wish: hours after now (partly beyond the horizon)
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 60 * 24 }), { maxLength: 40 }), // occupied half hours
        (stunden, anzahl, belegt) => {
          const w: Buchungswunsch = { anliegenId: ERSTGESPRAECH.id, kanal: 'vor_ort', beginn: new Date(jetzt.getTime() + stunden * 3_600_000) };
          const vv = verfuegbarkeit({
            belegungen: belegt.map((h) => ({ ressourceId: ANNA.id, beginn: new Date(jetzt.getTime() + h * 1_800_000), ende: new Date(jetzt.getTime() + (h + 1) * 1_800_000) })),
          });
          expect(alternativen(vv, w, jetzt, REGELN_TEST, anzahl)).toEqual(alternativenReferenz(vv, w, jetzt, anzahl));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('feiertage', () => {
  it('Easter Sundays', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((j) => ostersonntag(Number(j)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it('nationwide holidays of 2026 with the movable ones', () => {
    expect(bundesweiteFeiertage(2026).map((f) => `${f.datum} ${f.name}`)).toEqual([
      '2026-01-01 Neujahr',
      '2026-04-03 Karfreitag',
      '2026-04-06 Ostermontag',
      '2026-05-01 Tag der Arbeit',
      '2026-05-14 Christi Himmelfahrt',
      '2026-05-25 Pfingstmontag',
      '2026-10-03 Tag der Deutschen Einheit',
      '2026-12-25 1. Weihnachtstag',
      '2026-12-26 2. Weihnachtstag',
    ]);
    expect(bundesweiteFeiertage(2017).some((f) => f.datum === '2017-10-31')).toBe(true);
    expect(bundesweiteFeiertage(2018).some((f) => f.datum === '2018-10-31')).toBe(false);
  });
});

describe('input schemas', () => {
  it('accept valid hours and refuse reversed times, bad dates and empty responsibility', async () => {
    const { sprechzeitSchema, ausnahmeSchema, anliegenSchema } = await import('./verfuegbarkeit.ts');
    expect(sprechzeitSchema.safeParse({ wochentag: 2, von: '08:00', bis: '12:00' }).success).toBe(true);
    expect(sprechzeitSchema.safeParse({ wochentag: 2, von: '12:00', bis: '08:00' }).success).toBe(false);
    expect(sprechzeitSchema.safeParse({ wochentag: 8, von: '08:00', bis: '12:00' }).success).toBe(false);
    expect(ausnahmeSchema.safeParse({ art: 'geschlossen', datum: '2026-02-30' }).success).toBe(false);
    expect(ausnahmeSchema.safeParse({ art: 'geschlossen', datum: '2026-02-27', von: '10:00' }).success).toBe(false);
    expect(anliegenSchema.safeParse({ ...ERSTGESPRAECH, bearbeitung: {} }).success).toBe(false);
    expect(anliegenSchema.safeParse(ERSTGESPRAECH).success).toBe(true);
  });
});
