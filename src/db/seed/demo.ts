import type { Database } from '../client.ts';
import { directoryRepository } from '../repositories/directory.ts';
import { STANDARD_VIER_AUGEN_REGELN } from '../../domain/bewilligung/index.ts';
import { kommunen, standorte, traeger, traegerEinstellungen, userStandorte, users } from '../schema/index.ts';
import { seedFaelleDemo } from './faelle-demo.ts';
import { seedFoerdernDemo } from './foerdern-demo.ts';
import { seedFordernDemo } from './fordern-demo.ts';
import { seedTermineDemo } from './termine-demo.ts';

export const DEMO_PASSWORD = 'vorort-demo';

/**
 * The demo Träger's own account (debtor of the SEPA file), so the first Zahllauf works without an admin step.
 * Invented: Bankleitzahl 12345678 and account 123456, with a correct check number (ISO 13616) so it passes validation.
 */
export const DEMO_TRAEGER_KONTO = { iban: 'DE40123456780000123456', bic: null, kontoinhaber: 'Kreis Musterland – Jobcenter' } as const;

export const DEMO_ACCOUNTS = [
  { email: 'admin@musterland.example', roles: ['admin'], name: 'Anna Admin', traeger: 'musterland' },
  { email: 'leistung@musterland.example', roles: ['leistung'], name: 'Lena Leistung', traeger: 'musterland' },
  { email: 'integration@musterland.example', roles: ['integration'], name: 'Ivo Integration', traeger: 'musterland' },
  { email: 'teamleitung@musterland.example', roles: ['teamleitung'], name: 'Tara Teamleitung', traeger: 'musterland' },
  { email: 'controlling@musterland.example', roles: ['controlling'], name: 'Carl Controlling', traeger: 'musterland' },
  { email: 'admin@beispielstadt.example', roles: ['admin'], name: 'Bea Beispiel', traeger: 'beispielstadt' },
  { email: 'buerger@musterland.example', roles: ['buerger'], name: 'Max Mustermann', traeger: 'musterland' },
] as const;

/**
 * Demo data (only outside production, only into an empty database): "Kreis Musterland" with 3 Kommunen and
 * 3 Standorte, "Stadt Beispielstadt" with 1 Standort to show that Träger are kept apart. All names, addresses,
 * Postleitzahlen and phone numbers are invented (.example domains, 0xx-555 numbers, 12345/54321-style PLZ).
 * Kreis Musterland gets its own (invented) bank account, so the first Zahllauf runs (DEMO_TRAEGER_KONTO).
 *
 * With `beispielfaelle` (default on; the test helper turns it off unless a test asks for it) Kreis Musterland also
 * gets Fallakten, Anträge, Bewilligungen and Bescheide (faelle-demo.ts), the integration side's data (foerdern-demo.ts)
 * and Minderungsverfahren in every state (fordern-demo.ts):
 * see "Demodaten" in README.md. Their dates are derived from `heute` (the calendar day in Germany of the start, or
 * of the test clock), so the demo looks current whenever it is started.
 */
export async function seedDemoData(
  db: Database,
  hashPassword: (p: string) => Promise<string>,
  opts: { traegerKonto?: boolean; beispielfaelle?: boolean; heute?: string } = {},
): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.withSystem(async (tx) => {
    // Serialise concurrent first starts.
    await tx.execute('SELECT pg_advisory_xact_lock(7261002)');
    if (!(await directoryRepository.isEmpty(tx))) return false;
    const [musterland] = await tx
      .insert(traeger)
      .values({ slug: 'musterland', name: 'Kreis Musterland', art: 'kreis', jobcenterName: 'Jobcenter Kreis Musterland', anschrift: 'Kreishausplatz 1, 12345 Musterstadt' })
      .returning();
    const [beispielstadt] = await tx
      .insert(traeger)
      .values({ slug: 'beispielstadt', name: 'Stadt Beispielstadt', art: 'kreisfreie_stadt', jobcenterName: 'Jobcenter Stadt Beispielstadt', anschrift: 'Rathausmarkt 1, 54321 Beispielstadt' })
      .returning();
    const m = musterland!.id;
    const b = beispielstadt!.id;
    // Beispielstadt keeps no account on purpose: its Zahlung page shows how an admin adds one. Tests that enter their
    // own settings from scratch (version 0) seed without it (`traegerKonto: false`).
    if (opts.traegerKonto ?? true) await tx.insert(traegerEinstellungen).values({ traegerId: m, vierAugenRegeln: STANDARD_VIER_AUGEN_REGELN, ...DEMO_TRAEGER_KONTO });
    const ks = await tx
      .insert(kommunen)
      .values([
        // Postleitzahlen: the portal derives the Kommune of an address from them (one PLZ per Kommune here, so the
        // demo never asks; a city has several). Invented like the rest: 12345 / 54321 style, matching the Standorte.
        { traegerId: m, name: 'Musterstadt', ags: '09999001', postleitzahlen: ['12345'] },
        { traegerId: m, name: 'Beispieldorf', ags: '09999002', postleitzahlen: ['12346'] },
        { traegerId: m, name: 'Seeheim am Muster', ags: '09999003', postleitzahlen: ['12347'] },
        { traegerId: b, name: 'Beispielstadt', ags: '09998000', postleitzahlen: ['54321', '54322', '54323'] },
      ])
      .returning();
    const kommune = (name: string) => ks.find((k) => k.name === name)!.id;
    const hours = 'Mo, Di, Do, Fr 8:00–12:00\nDo 14:00–17:30\nTermine auch außerhalb der Öffnungszeiten nach Vereinbarung';
    const st = await tx
      .insert(standorte)
      .values([
        { traegerId: m, kommuneId: kommune('Musterstadt'), name: 'Jobcenter Musterstadt', strasse: 'Bahnhofstraße 12', plz: '12345', ort: 'Musterstadt', telefon: '0123 555-100', email: 'musterstadt@jobcenter.musterland.example', oeffnungszeiten: hours },
        { traegerId: m, kommuneId: kommune('Beispieldorf'), name: 'Jobcenter Beispieldorf', strasse: 'Marktplatz 3', plz: '12346', ort: 'Beispieldorf', telefon: '0123 555-200', email: 'beispieldorf@jobcenter.musterland.example', oeffnungszeiten: 'Mo–Fr 8:00–12:00\nDi 14:00–16:00' },
        { traegerId: m, kommuneId: kommune('Seeheim am Muster'), name: 'Jobcenter Seeheim', strasse: 'Uferweg 7', plz: '12347', ort: 'Seeheim am Muster', telefon: '0123 555-300', email: 'seeheim@jobcenter.musterland.example', oeffnungszeiten: 'Mo, Mi, Fr 8:30–12:30' },
        { traegerId: b, kommuneId: kommune('Beispielstadt'), name: 'Jobcenter Beispielstadt Mitte', strasse: 'Rathausmarkt 5', plz: '54321', ort: 'Beispielstadt', telefon: '0543 555-0', email: 'mitte@jobcenter.beispielstadt.example', oeffnungszeiten: 'Mo–Fr 7:30–12:30\nDo 14:00–18:00' },
      ])
      .returning();
    const standort = (name: string) => st.find((s) => s.name === name)!;
    const termineStaff: { userId: string; name: string; roles: readonly string[] }[] = [];
    const konten = new Map<string, { id: string; name: string }>();
    for (const account of DEMO_ACCOUNTS) {
      const traegerId = account.traeger === 'musterland' ? m : b;
      const [u] = await tx
        .insert(users)
        .values({
          traegerId,
          art: account.roles[0] === 'buerger' ? 'buerger' : 'staff',
          email: account.email,
          name: account.name,
          passwordHash,
          emailVerifiedAt: new Date(),
          roles: [...account.roles],
        })
        .returning();
      konten.set(account.email, { id: u!.id, name: account.name });
      if (account.roles[0] !== 'buerger') {
        const own = account.traeger === 'musterland' ? [standort('Jobcenter Musterstadt'), ...(account.roles[0] === 'teamleitung' ? [standort('Jobcenter Beispieldorf')] : [])] : [standort('Jobcenter Beispielstadt Mitte')];
        await tx.insert(userStandorte).values(own.map((s) => ({ traegerId, userId: u!.id, standortId: s.id })));
      }
      if (account.email === 'leistung@musterland.example' || account.email === 'integration@musterland.example') {
        termineStaff.push({ userId: u!.id, name: account.name, roles: account.roles });
      }
    }
    await seedTermineDemo(tx, { traegerId: m, standortId: standort('Jobcenter Musterstadt').id, staff: termineStaff });
    if (opts.beispielfaelle ?? true) {
      const konto = (email: string) => konten.get(email)!;
      const kontext = {
        traegerId: m,
        heute: opts.heute ?? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date()),
        traeger: { name: musterland!.name, jobcenterName: musterland!.jobcenterName },
        standorte: { musterstadt: standort('Jobcenter Musterstadt'), beispieldorf: standort('Jobcenter Beispieldorf'), seeheim: standort('Jobcenter Seeheim') },
        kommunen: { musterstadt: kommune('Musterstadt'), beispieldorf: kommune('Beispieldorf'), seeheim: kommune('Seeheim am Muster') },
        users: {
          leistung: konto('leistung@musterland.example'),
          integration: konto('integration@musterland.example'),
          teamleitung: konto('teamleitung@musterland.example'),
          buerger: konto('buerger@musterland.example'),
        },
      };
      const faelle = await seedFaelleDemo(tx, kontext);
      await seedFoerdernDemo(tx, kontext, faelle);
      await seedFordernDemo(tx, kontext, faelle);
    }
    return true;
  });
}
