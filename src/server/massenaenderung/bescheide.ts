import { createHash } from 'node:crypto';
import { LONG_TRANSACTION } from '../../db/client.ts';
import { bescheidRepository } from '../../db/repositories/bescheide.ts';
import { bescheidStammdaten, bgKoepfe } from '../../db/repositories/bg-stammdaten.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { massenaenderungRepository } from '../../db/repositories/massenaenderungen.ts';
import type { BerechnungInput } from '../../domain/berechnung/schema.ts';
import { erstelleBescheid } from '../../domain/bescheid/index.ts';
import { berechneZeitraum } from '../../domain/bewilligung/index.ts';
import { bescheidEingabe, type Briefkopf } from '../bescheid/eingabe.ts';
import { briefkopf } from '../bescheid/briefkopf.ts';
import { renderBescheidPdf } from '../bescheid/pdf.ts';
import type { AppContext } from '../context.ts';
import { heute } from '../clock.ts';
import type { AenderungsDaten } from '../bewilligung/freigeben.ts';
import { stelleBescheidZu } from '../portal/bescheid-zustellen.ts';

/**
 * Second phase of a Massenänderung: writes the Änderungsbescheide under the ids reserved by the job – model with the
 * explanation (months recomputed with `schritte`), content hash and, unless `pdf: false`, the rendered PDF.
 * Idempotent: a Bescheid whose id exists is skipped (primary key), so a crash never doubles one.
 */
export async function erstelleMassenBescheide(opts: { ctx: AppContext; traegerId: string; id: string; batchGroesse?: number; pdf?: boolean }): Promise<number> {
  const { ctx, traegerId, id } = opts;
  const briefkoepfe = new Map<string, Briefkopf>();
  let n = 0;
  for (;;) {
    const fertig = await ctx.db.withTenant({ traegerId }, async (tx) => {
      const offen = await massenaenderungRepository.offeneBescheide(tx, id, opts.batchGroesse ?? 100);
      if (offen.length === 0) return 0;
      const datum = heute(ctx.clock.now());
      const bgIds = [...new Set(offen.map((f) => f.bgId))];
      const stamm = await bescheidStammdaten(tx, bgIds, datum, { bank: true });
      const koepfe = await bgKoepfe(tx, bgIds);
      const neueIds = offen.map((f) => f.neueBewilligungId!).filter(Boolean);
      const bewilligungen = new Map((await bewilligungRepository.findMany(tx, neueIds)).map((b) => [b.id, b]));
      const monateJe = new Map<string, Awaited<ReturnType<typeof bewilligungRepository.monateVieler>>>();
      for (const m of await bewilligungRepository.monateVieler(tx, neueIds)) {
        const liste = monateJe.get(m.bewilligungId);
        if (liste) liste.push(m);
        else monateJe.set(m.bewilligungId, [m]);
      }
      const zeilen = [];
      for (const f of offen) {
        const b = bewilligungen.get(f.neueBewilligungId!);
        if (!b) continue;
        const aenderung = b.aenderung as AenderungsDaten;
        const abMonat = aenderung.ab.slice(0, 7);
        const eigene = (monateJe.get(b.id) ?? []).filter((m) => m.monat >= abMonat);
        const zeitraum = berechneZeitraum(
          eigene.map((m) => m.input as BerechnungInput),
          { geprueft: true, erklaerung: true },
        );
        const kopf = koepfe.get(f.bgId)!;
        let bk = briefkoepfe.get(kopf.standortId);
        if (!bk) {
          bk = await briefkopf(tx, kopf.standortId);
          briefkoepfe.set(kopf.standortId, bk);
        }
        const modell = erstelleBescheid(bescheidEingabe({ b, fallnummer: kopf.fallnummer, briefkopf: bk, stamm: stamm.get(f.bgId)!, zeitraum, datum }));
        const pdf = opts.pdf === false ? null : await renderBescheidPdf(modell);
        zeilen.push({
          id: f.bescheidId!,
          traegerId,
          bgId: f.bgId,
          bewilligungId: b.id,
          massenaenderungId: id,
          art: modell.art,
          datum,
          modell,
          sha256: modell.inhaltHash,
          pdf,
          pdfSha256: pdf ? createHash('sha256').update(pdf).digest('hex') : null,
          createdBy: b.createdBy,
        });
      }
      await bescheidRepository.insertMany(tx, zeilen);
      // Same transaction: a Bescheid reaches the online Postfach exactly once, and only where the citizen opted in.
      for (const z of zeilen) {
        if (z.pdf) {
          await stelleBescheidZu({ tx, actor: { system: 'massenaenderung', traegerId }, bgId: z.bgId, titel: z.modell.titel, pdf: z.pdf, dateiname: `${z.art}sbescheid-${z.datum}.pdf` });
        }
      }
      return offen.length;
    }, LONG_TRANSACTION);
    if (fertig === 0) return n;
    n += fertig;
    await new Promise((r) => setImmediate(r));
  }
}
