import { createHash } from 'node:crypto';
import { bescheideOhnePdfDesJobs, bescheidRepository } from '../../db/repositories/bescheide.ts';
import { laufendeMassenaenderungenAllerTraeger } from '../../db/repositories/massenaenderungen.ts';
import type { Bescheid } from '../../domain/bescheid/index.ts';
import { renderBescheidPdf } from '../bescheid/pdf.ts';
import type { AppContext } from '../context.ts';
import { erstelleMassenBescheide } from './bescheide.ts';
import { verarbeiteMassenaenderung } from './verarbeite.ts';

/**
 * In-process runner of Massenänderungen: one worker per job, started when a job is started or resumed and, at
 * server start, for every job still marked `laufend` (after a crash). Progress lives in the database, so a
 * restart continues where the last committed batch ended. After the cases, the Bescheide's PDFs are rendered.
 * Deliberately not a pg-boss job like those in src/jobs/ (state lives in the table, runs without pg-boss, no
 * re-delivery of a long run): docs/adr/0013-geschlossene-typen.md.
 */
const aktiv = new Map<string, Promise<void>>();

export function starteWorker(ctx: AppContext, traegerId: string, id: string): Promise<void> {
  const laufend = aktiv.get(id);
  if (laufend) return laufend;
  const p = (async () => {
    const r = await verarbeiteMassenaenderung({ ctx, traegerId, id, parallel: 2 });
    if (r.status === 'fertig') {
      await erstelleMassenBescheide({ ctx, traegerId, id });
      await renderePdfs(ctx, traegerId, id);
    }
  })()
    .catch((err: unknown) => {
      // no personal data in the log: only the job id and the error class
      console.error(`Massenänderung ${id} unterbrochen: ${err instanceof Error ? err.name : 'Fehler'}`);
    })
    .finally(() => aktiv.delete(id));
  aktiv.set(id, p);
  return p;
}

/** Renders the PDFs of the job's Bescheide (stored model first, so the job itself finishes fast). */
export async function renderePdfs(ctx: AppContext, traegerId: string, id: string): Promise<number> {
  let n = 0;
  for (;;) {
    const offen = await ctx.db.withTenant({ traegerId }, (tx) => bescheideOhnePdfDesJobs(tx, id, 50));
    if (offen.length === 0) return n;
    const fertig: { id: string; pdf: Buffer }[] = [];
    for (const b of offen) fertig.push({ id: b.id, pdf: await renderBescheidPdf(b.modell as Bescheid) });
    await ctx.db.withTenant({ traegerId }, async (tx) => {
      for (const f of fertig) await bescheidRepository.setPdf(tx, f.id, f.pdf, createHash('sha256').update(f.pdf).digest('hex'));
    });
    n += fertig.length;
    await new Promise((r) => setImmediate(r));
  }
}

/** At server start: continue every job that was running. */
export async function setzeLaufendeFort(ctx: AppContext): Promise<void> {
  const jobs = await laufendeMassenaenderungenAllerTraeger(ctx.db);
  for (const j of jobs) void starteWorker(ctx, j.traegerId, j.id);
}

/** Waits for the workers (server shutdown, tests). */
export async function warteAufWorker(): Promise<void> {
  await Promise.all(aktiv.values());
}
