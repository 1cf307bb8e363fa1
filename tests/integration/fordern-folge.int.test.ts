import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testClock } from '../helpers/clock.ts';
import { useApiTestbed } from '../helpers/api.ts';
import { verpassteEinladung } from '../helpers/fordern.ts';

/**
 * Fordern (docs/fordern.md "Regeln", "Entscheidung und Bescheid"): an excused Meldeversäumnis stops counting "in
 * Folge" — a wichtiger Grund recognised in the decision, in the Einstellung or in an Aufhebung after a Widerspruch is
 * written back to the Anlass Einladung ('nicht_erschienen_mit_wichtigem_grund', audited); a pending decision whose
 * basis changed cannot be approved (409 entscheidung_veraltet, back to 'entscheidung'); the 2026 safeguards bind (a
 * personal Anhörung where required; the Härte Würdigung on every decision). Law from 1.7.2026, clock 7.12.2026.
 */
const b = useApiTestbed({ clock: testClock('2026-12-07T09:30:00+01:00') });

const einladungStatus = async (id: string) =>
  (await b.t.ctx.db.withSystem((tx) => tx.execute<{ status: string; begruendung: string | null }>(sql`select status, begruendung from einladungen where id = ${id}::uuid`))).rows[0]!;
const zeile = async (id: string) =>
  (await b.t.ctx.db.withSystem((tx) => tx.execute<{ status: string; version: number }>(sql`select status, version from minderungsverfahren where id = ${id}::uuid`))).rows[0]!;

/** An Einladung missed on `tag` (Zugang recorded) and its procedure, made ready for the decision. */
async function versaeumnis(f: { bgId: string; personIds: Record<string, string> }, tag: string, anhoerung: 'schriftlich' | 'persoenlich' = 'schriftlich') {
  const eid = await verpassteEinladung(b.t, { personId: f.personIds.a!, bgId: f.bgId, tag, zugang: { art: 'post', am: `${tag.slice(0, 8)}01` } });
  const neu = await b.api('integration', 'POST', '/api/fordern/verfahren', { anlassArt: 'meldeversaeumnis', anlassId: eid });
  expect(neu.statusCode, neu.body).toBe(201);
  const id = neu.json().id as string;
  await b.t.ctx.db.withSystem((tx) =>
    tx.execute(sql`update minderungsverfahren set status = 'entscheidung', anhoerung_art = ${anhoerung}, anhoerung_am = '2026-11-12', anhoerung_frist = '2026-11-26', version = version + 1 where id = ${id}::uuid`),
  );
  return { eid, id };
}

const entscheidung = (version: number, o: Record<string, unknown> = {}) => ({
  version,
  wichtigerGrund: 'nein',
  wichtigerGrundWuerdigung: 'Ein wichtiger Grund ist nicht ersichtlich.',
  haerte: 'nein',
  haerteWuerdigung: 'Keine Anhaltspunkte für eine außergewöhnliche Härte.',
  ...o,
});

describe('Meldeversäumnisse in Folge: ein entschuldigtes Versäumnis zählt nicht mehr', () => {
  it('erstes Versäumnis später entschuldigt (Entscheidung: wichtiger Grund) → das nächste ist wieder das erste', async () => {
    const f = await b.neuerFall('Entschuldigt');
    const erst = await versaeumnis(f, '2026-09-14');
    const zweit = await versaeumnis(f, '2026-11-10');

    // before: the second one is "wiederholt" → 30 %
    const vorher = await b.api('integration', 'GET', `/api/fordern/verfahren/${zweit.id}/entscheidung`);
    expect(vorher.json().vorschau.vorschlag).toMatchObject({ ergebnis: 'minderung', prozent: 30 });

    const r = await b.api('integration', 'POST', `/api/fordern/verfahren/${erst.id}/entscheidung`, entscheidung((await zeile(erst.id)).version, { wichtigerGrund: 'ja', wichtigerGrundWuerdigung: 'Krankenhausaufenthalt nachgewiesen.' }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('eingestellt');
    const e = await einladungStatus(erst.eid);
    expect(e.status).toBe('nicht_erschienen_mit_wichtigem_grund');
    expect(e.begruendung).toContain('Keine Rückmeldung');
    expect(e.begruendung).toContain('Krankenhausaufenthalt nachgewiesen.');
    const audit = await b.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where object_type = 'einladung' and action = 'update' and object_id = ${erst.eid}`));
    expect(audit.rows[0]!.n).toBe(1);

    const nachher = await b.api('integration', 'GET', `/api/fordern/verfahren/${zweit.id}/entscheidung`);
    expect(nachher.json().vorschau.vorschlag).toMatchObject({ ergebnis: 'keine_minderung' });
    expect(nachher.json().vorschau.meldeversaeumnisseInFolge).toBe(1);
  });

  it('Einstellung mit anerkanntem wichtigem Grund entschuldigt das Versäumnis; ohne das Häkchen bleibt es', async () => {
    const f = await b.neuerFall('Eingestellt');
    const a = await versaeumnis(f, '2026-10-12');
    const c = await versaeumnis(f, '2026-10-19');
    const ein = await b.api('integration', 'POST', `/api/fordern/verfahren/${a.id}/einstellen`, { grund: 'Ärztliche Bescheinigung nachgereicht.', wichtigerGrund: true, version: (await zeile(a.id)).version });
    expect(ein.statusCode, ein.body).toBe(200);
    expect((await einladungStatus(a.eid)).status).toBe('nicht_erschienen_mit_wichtigem_grund');
    const ohne = await b.api('integration', 'POST', `/api/fordern/verfahren/${c.id}/einstellen`, { grund: 'Anlass entfallen.', version: (await zeile(c.id)).version });
    expect(ohne.statusCode, ohne.body).toBe(200);
    expect((await einladungStatus(c.eid)).status).toBe('nicht_erschienen_ohne_wichtigen_grund');
  });

  it('Yilmaz: drei in Folge → Wegfall wartet auf Freigabe; die zweite Minderung wird mit wichtigem Grund aufgehoben → Freigabe abgelehnt (409 entscheidung_veraltet)', async () => {
    const f = await b.neuerFall('Yilmazfolge');
    const v1 = await versaeumnis(f, '2026-08-10');
    const v2 = await versaeumnis(f, '2026-09-10', 'persoenlich');
    const v3 = await versaeumnis(f, '2026-11-10');

    // the first: keine Minderung (2026 law), the procedure ends; the Meldeversäumnis still counts
    const r1 = await b.api('integration', 'POST', `/api/fordern/verfahren/${v1.id}/entscheidung`, entscheidung((await zeile(v1.id)).version));
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().ergebnis).toBe('keine_minderung');
    expect((await einladungStatus(v1.eid)).status).toBe('nicht_erschienen_ohne_wichtigen_grund');
    // the second: 30 %, festgestellt
    const r2 = await b.api('integration', 'POST', `/api/fordern/verfahren/${v2.id}/entscheidung`, entscheidung((await zeile(v2.id)).version));
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json().status).toBe('festgestellt');

    // the third: a § 7b Abs. 4 lapse — described as what lapses, not as "Stufe 3" / "100 % des Regelbedarfs"
    const ansicht = await b.api('integration', 'GET', `/api/fordern/verfahren/${v3.id}/entscheidung`);
    const vorschau = ansicht.json().vorschau;
    expect(vorschau.vorschlag).toMatchObject({ ergebnis: 'minderung', art: 'nichterreichbarkeit' });
    expect(vorschau.wirkung.titel).toContain('Nichterreichbarkeit');
    expect(vorschau.wirkung.titel).not.toContain('Stufe');
    expect(vorschau.wirkung.hoehe.join(' ')).toContain('gesamte Anspruch');
    expect(vorschau.wirkung.hoehe.join(' ')).toContain('Unterkunft und Heizung');
    expect(vorschau.schutz.persoenlicheAnhoerung).toBe(true);

    // safeguards bind: written-only Anhörung → 409; the Härte Würdigung is required on every decision
    const schriftlich = await b.api('integration', 'POST', `/api/fordern/verfahren/${v3.id}/entscheidung`, entscheidung((await zeile(v3.id)).version));
    expect(schriftlich.statusCode, schriftlich.body).toBe(409);
    expect(schriftlich.json().error).toBe('persoenliche_anhoerung_noetig');
    const ohneHaerte = await b.api('integration', 'POST', `/api/fordern/verfahren/${v3.id}/entscheidung`, entscheidung((await zeile(v3.id)).version, { haerteWuerdigung: ' ' }));
    expect(ohneHaerte.statusCode).toBe(400);
    expect(ohneHaerte.json().issues.map((i: { path: string }) => i.path)).toEqual(['body.haerteWuerdigung']);
    await b.t.ctx.db.withSystem((tx) => tx.execute(sql`update minderungsverfahren set anhoerung_art = 'persoenlich' where id = ${v3.id}::uuid`));
    const r3 = await b.api('integration', 'POST', `/api/fordern/verfahren/${v3.id}/entscheidung`, entscheidung((await zeile(v3.id)).version));
    expect(r3.statusCode, r3.body).toBe(200);
    expect(r3.json().status).toBe('freigabe_erforderlich');

    // Widerspruch against the second: wichtiger Grund recognised → lifted, its Einladung excused
    const auf = await b.api('integration', 'POST', `/api/fordern/verfahren/${v2.id}/aufhebung`, {
      version: (await zeile(v2.id)).version,
      anlass: 'widerspruch',
      grund: 'Vorstellungsgespräch am Meldetag nachgewiesen.',
      wichtigerGrundAnerkannt: true,
    });
    expect(auf.statusCode, auf.body).toBe(200);
    expect((await einladungStatus(v2.eid)).status).toBe('nicht_erschienen_mit_wichtigem_grund');

    // the pending lapse rests on three in Folge: no longer → refused, back to the decision
    const frei = await b.api('teamleitung', 'POST', `/api/fordern/verfahren/${v3.id}/freigabe`, { version: (await zeile(v3.id)).version });
    expect(frei.statusCode, frei.body).toBe(409);
    expect(frei.json().error).toBe('entscheidung_veraltet');
    expect((await zeile(v3.id)).status).toBe('entscheidung');
    const minderungen = await b.t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from leistungsminderungen where verfahren_id = ${v3.id}::uuid`));
    expect(minderungen.rows[0]!.n).toBe(0);
    const neu = await b.api('integration', 'GET', `/api/fordern/verfahren/${v3.id}/entscheidung`);
    expect(neu.json().vorschau.vorschlag).toMatchObject({ ergebnis: 'minderung', art: 'minderung', prozent: 30 });
    expect(neu.json().vorschau.meldeversaeumnisseInFolge).toBe(1);
  });
});
