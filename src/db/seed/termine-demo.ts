import type { Tx } from '../client.ts';
import { terminAnliegen, terminRessourcen, terminSprechzeiten } from '../schema/index.ts';

/**
 * Demo consultation hours for "Kreis Musterland": three Anliegen and a bookable desk for Lena Leistung and
 * Ivo Integration at Jobcenter Musterstadt, Monday to Friday 08:00–12:00 (Thursday also 14:00–17:00, video only).
 */
export async function seedTermineDemo(
  tx: Tx,
  opts: { traegerId: string; standortId: string; staff: { userId: string; name: string; roles: readonly string[] }[] },
): Promise<void> {
  await tx.insert(terminAnliegen).values([
    { traegerId: opts.traegerId, schluessel: 'erstgespraech', name: 'Erstgespräch', dauerMinuten: 45, pufferMinuten: 15, rasterMinuten: 60, kanaele: ['vor_ort', 'telefon', 'video'], rollen: ['integration', 'leistung'] },
    { traegerId: opts.traegerId, schluessel: 'leistungsfragen', name: 'Fragen zur Leistung', dauerMinuten: 20, pufferMinuten: 10, rasterMinuten: 30, kanaele: ['vor_ort', 'telefon', 'video'], rollen: ['leistung'] },
    { traegerId: opts.traegerId, schluessel: 'beratung_integration', name: 'Beratung Integration', dauerMinuten: 30, pufferMinuten: 0, rasterMinuten: 30, kanaele: ['vor_ort', 'video'], rollen: ['integration'] },
  ]);
  for (const person of opts.staff) {
    const [r] = await tx
      .insert(terminRessourcen)
      .values({ traegerId: opts.traegerId, standortId: opts.standortId, art: 'person', name: person.name, userId: person.userId, rollen: [...person.roles] })
      .returning();
    const ressourceId = r!.id;
    await tx.insert(terminSprechzeiten).values([
      ...[1, 2, 3, 4, 5].map((wochentag) => ({ traegerId: opts.traegerId, ressourceId, wochentag, von: '08:00', bis: '12:00' })),
      { traegerId: opts.traegerId, ressourceId, wochentag: 4, von: '14:00', bis: '17:00', kanaele: ['video'] },
    ]);
  }
}
