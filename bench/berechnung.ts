/**
 * Benchmark: recomputes a synthetic national stock of Bedarfsgemeinschaften on all cores.
 *
 *   node --import tsx bench/berechnung.ts [anzahl]        (or BENCH_BG=anzahl; default 2,900,000)
 *   BENCH_MONAT=2025-06 selects the month computed; BENCH_KERNE overrides the number of workers.
 *
 * Each worker thread generates its share of the stock itself (chunks of 10,000 BGs from seeded PRNGs, so the
 * stock does not depend on the number of workers) and computes every BG with the engine's fast core
 * (`berechneValidiert`, explanation texts off; every amount is computed). The time covers generation and
 * computation. The last line of output is one JSON object.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { berechneValidiert } from '../src/domain/berechnung/index.ts';
import { CHUNK, erzeugeBg, prng } from './bestand.ts';

const pct = (x: number, n: number): string => `${((100 * x) / n).toFixed(1)} %`;

type Auftrag = { chunks: number[]; gesamt: number; jahr: number; monat: number };
type Bericht = {
  bg: number;
  personen: number;
  kinder: number;
  mitErwerb: number;
  hilfebeduerftig: number;
  auszahlungCent: number;
};

function rechne(auftrag: Auftrag): Bericht {
  const b: Bericht = { bg: 0, personen: 0, kinder: 0, mitErwerb: 0, hilfebeduerftig: 0, auszahlungCent: 0 };
  for (const c of auftrag.chunks) {
    const rnd = prng(0x5eed0000 + c);
    const bis = Math.min(auftrag.gesamt, (c + 1) * CHUNK);
    for (let i = c * CHUNK; i < bis; i++) {
      const fall = erzeugeBg(rnd, auftrag);
      const r = berechneValidiert(fall, { erklaerung: false });
      b.bg++;
      b.personen += fall.personen.length;
      for (const p of fall.personen) {
        if (p.rolle === 'kind' && Number(p.geburtsdatum.slice(0, 4)) > auftrag.jahr - 18) b.kinder++;
      }
      if (fall.personen.some((p) => p.einkommen?.some((e) => e.art === 'erwerbstaetigkeit'))) b.mitErwerb++;
      if (r.hilfebeduerftig) b.hilfebeduerftig++;
      b.auszahlungCent += Math.round(r.auszahlung * 100);
    }
  }
  return b;
}

if (!isMainThread) {
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- worker_threads port, not window.postMessage
  parentPort?.postMessage(rechne(workerData as Auftrag));
} else {
  const arg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const gesamt = Number(arg ?? process.env.BENCH_BG ?? 2_900_000);
  const [jahr, monat] = (process.env.BENCH_MONAT ?? '2025-06').split('-').map(Number) as [number, number];
  const kerne = Number(process.env.BENCH_KERNE ?? availableParallelism());
  const anzahlChunks = Math.ceil(gesamt / CHUNK);
  const verteilung: number[][] = Array.from({ length: kerne }, () => []);
  for (let c = 0; c < anzahlChunks; c++) (verteilung[c % kerne] as number[]).push(c);

  console.log(`Synthetischer Bestand: ${gesamt.toLocaleString('de-DE')} Bedarfsgemeinschaften, Monat ${jahr}-${String(monat).padStart(2, '0')}, ${kerne} Worker`);
  const start = process.hrtime.bigint();
  const berichte = await Promise.all(
    verteilung.map(
      (chunks) =>
        new Promise<Bericht>((resolve, reject) => {
          const w = new Worker(new URL('./berechnung-worker.mjs', import.meta.url), {
            workerData: { chunks, gesamt, jahr, monat } satisfies Auftrag,
          });
          w.once('message', (m: Bericht) => resolve(m));
          w.once('error', reject);
          w.once('exit', (code) => {
            if (code !== 0) reject(new Error(`Worker endete mit Code ${code}`));
          });
        }),
    ),
  );
  const sekunden = Number(process.hrtime.bigint() - start) / 1e9;
  const summe = berichte.reduce<Bericht>(
    (s, b) => ({
      bg: s.bg + b.bg,
      personen: s.personen + b.personen,
      kinder: s.kinder + b.kinder,
      mitErwerb: s.mitErwerb + b.mitErwerb,
      hilfebeduerftig: s.hilfebeduerftig + b.hilfebeduerftig,
      auszahlungCent: s.auszahlungCent + b.auszahlungCent,
    }),
    { bg: 0, personen: 0, kinder: 0, mitErwerb: 0, hilfebeduerftig: 0, auszahlungCent: 0 },
  );
  console.log(
    `Personen ${summe.personen.toLocaleString('de-DE')} (${(summe.personen / summe.bg).toFixed(2)} je BG), Kinder unter 18 ${pct(summe.kinder, summe.personen)}, BG mit Erwerbseinkommen ${pct(summe.mitErwerb, summe.bg)}, hilfebedürftig ${pct(summe.hilfebeduerftig, summe.bg)}`,
  );
  console.log(`Auszahlung gesamt ${(summe.auszahlungCent / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 })} € (Prüfsumme)`);
  console.log(
    JSON.stringify({
      bedarfsgemeinschaften: summe.bg,
      seconds: Math.round(sekunden * 100) / 100,
      perSecondPerCore: Math.round(summe.bg / sekunden / kerne),
      cores: kerne,
    }),
  );
}
