import { sql } from 'drizzle-orm';
import { meldeBelehrungAm } from '../../src/domain/recht/meldeaufforderung.ts';
import type { TestApp } from './app.ts';

let slot = 0;

/**
 * Fordern: a Meldetermin at Ivo Integration's desk (Jobcenter Musterstadt) that the person missed — the appointment
 * (nicht_erschienen) and its Einladung with the Rechtsfolgenbelehrung of the day in its text, outcome
 * `status` (default nicht_erschienen_ohne_wichtigen_grund), with or without a recorded Zugang. Returns the Einladung's id.
 */
export async function verpassteEinladung(t: TestApp, o: { personId: string; bgId: string; tag: string; zugang?: { art: string; am: string } | null; status?: string }): Promise<string> {
  const beginn = new Date(Date.parse(`${o.tag}T16:00:00Z`) + slot++ * 15 * 60_000);
  const ende = new Date(beginn.getTime() + 10 * 60_000);
  const belehrung = meldeBelehrungAm(o.tag).wert;
  const text = ['Einladung zu einem Termin', '', 'Vermittlung in Ausbildung oder Arbeit', '', '§ 59 SGB II i.V.m. § 309 SGB III', '', belehrung.rechtsfolgen, '', belehrung.wichtigerGrund].join('\n');
  return t.ctx.db.withSystem(async (tx) => {
    const basis = await tx.execute<{ traeger_id: string; ressource_id: string; anliegen_id: string; standort_id: string; user_id: string }>(sql`
      select r.traeger_id, r.id as ressource_id, a.id as anliegen_id, s.id as standort_id, u.id as user_id
      from termin_ressourcen r join users u on u.id = r.user_id
      join termin_anliegen a on a.traeger_id = r.traeger_id and a.schluessel = 'beratung_integration'
      join standorte s on s.traeger_id = r.traeger_id and s.name = 'Jobcenter Musterstadt'
      where u.email = 'integration@musterland.example'`);
    const x = basis.rows[0]!;
    const termin = await tx.execute<{ id: string }>(sql`
      insert into termine (traeger_id, ressource_id, anliegen_id, standort_id, kanal, art, beginn, ende, blockiert_bis, email, name, status, created_by)
      values (${x.traeger_id}, ${x.ressource_id}, ${x.anliegen_id}, ${x.standort_id}, 'vor_ort', 'einladung', ${beginn.toISOString()}, ${ende.toISOString()}, ${ende.toISOString()}, 'test@example.org', 'Test', 'nicht_erschienen', ${x.user_id})
      returning id`);
    const e = await tx.execute<{ id: string }>(sql`
      insert into einladungen (traeger_id, termin_id, person_id, bg_id, zweck, text, status, begruendung, ergebnis_am, ergebnis_von, zugang_art, zugang_am, created_by, created_at)
      values (${x.traeger_id}, ${termin.rows[0]!.id}, ${o.personId}, ${o.bgId}, 'vermittlung', ${text}, ${o.status ?? 'nicht_erschienen_ohne_wichtigen_grund'}, 'Keine Rückmeldung', ${ende.toISOString()}, ${x.user_id},
        ${o.zugang?.art ?? null}, ${o.zugang?.am ?? null}, ${x.user_id}, ${new Date(beginn.getTime() - 14 * 86_400_000).toISOString()})
      returning id`);
    return e.rows[0]!.id;
  });
}
