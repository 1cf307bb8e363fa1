/** Mehrbedarfe (§ 21 SGB II) per member of the BG, as monthly amounts; capped at the Regelbedarf (§ 21 Abs. 8). */
import { ALTERSGRENZEN, NORM_MEHRBEDARF } from '../../recht/index.ts';
import { cent, euroText, prozentVon } from '../geld.ts';
import type { Kontext } from './kontext.ts';

export const pct = (bp: number): string => `${String(bp / 100).replace('.', ',')} %`;

export function mehrbedarf(k: Kontext): void {
  const { erklaerung, personen, partner, minderjaehrigeKinder } = k;
  const rbs = k.par.regelbedarf.wert;
  const mbs = k.par.mehrbedarf.wert;
  const warmwasser = k.input.unterkunft?.warmwasserDezentral === true;
  for (const p of personen) {
    if (!p.inBg || p.stufe === null) continue;
    const mb = p.mb;
    const m = p.e.mehrbedarf;
    let gedeckelt = 0;
    if (p.e.schwanger) {
      const b = prozentVon(p.rbMonat, mbs.schwangerschaft);
      gedeckelt += b;
      mb.push({ art: 'schwangerschaft', monat: b, betrag: 0, norm: NORM_MEHRBEDARF.schwangerschaft, text: erklaerung ? `${pct(mbs.schwangerschaft)} von ${euroText(p.rbMonat)}` : '' });
    }
    const ae = p.e.alleinerziehend ?? (p.rolle === 'antragsteller' && partner === undefined && minderjaehrigeKinder > 0);
    if (ae) {
      let n = 0;
      let u7 = 0;
      let u16 = 0;
      for (const kind of personen) {
        if (kind === p || kind.rolle !== 'kind' || kind.alter >= ALTERSGRENZEN.volljaehrig) continue;
        n++;
        if (kind.alter < mbs.alleinerziehendKindUnter) u7++;
        if (kind.alter < mbs.alleinerziehendZweiDreiKinderUnter) u16++;
      }
      const hoch = u7 >= 1 || u16 === 2 || u16 === 3 ? mbs.alleinerziehendHoch : 0;
      const satz = Math.min(mbs.alleinerziehendHoechstens, Math.max(hoch, mbs.alleinerziehendJeKind * n));
      if (satz > 0) {
        const b = prozentVon(rbs[1], satz);
        gedeckelt += b;
        mb.push({ art: 'alleinerziehend', monat: b, betrag: 0, norm: NORM_MEHRBEDARF.alleinerziehend, text: erklaerung ? `${pct(satz)} von ${euroText(rbs[1])} (Regelbedarfsstufe 1) für ${n} minderjährige${n === 1 ? 's Kind' : ' Kinder'}` : '' });
      }
    }
    if (m?.behinderung) {
      const b = prozentVon(p.rbMonat, mbs.behinderung);
      gedeckelt += b;
      mb.push({ art: 'behinderung', monat: b, betrag: 0, norm: NORM_MEHRBEDARF.behinderung, text: erklaerung ? `${pct(mbs.behinderung)} von ${euroText(p.rbMonat)}` : '' });
    }
    if (m?.ernaehrung) {
      const b = cent(m.ernaehrung);
      gedeckelt += b;
      mb.push({ art: 'ernaehrung', monat: b, betrag: 0, norm: NORM_MEHRBEDARF.ernaehrung, text: '' });
    }
    if (gedeckelt > p.rbMonat) {
      mb.push({ art: 'kappung', monat: p.rbMonat - gedeckelt, betrag: 0, norm: NORM_MEHRBEDARF.kappung, text: erklaerung ? `höchstens ${euroText(p.rbMonat)}` : '' });
    }
    if (m?.unabweisbar) mb.push({ art: 'unabweisbar', monat: cent(m.unabweisbar), betrag: 0, norm: NORM_MEHRBEDARF.unabweisbar, text: '' });
    if (m?.schulbuecher) mb.push({ art: 'schulbuecher', monat: cent(m.schulbuecher), betrag: 0, norm: NORM_MEHRBEDARF.schulbuecher, text: '' });
    if (warmwasser) {
      const satz = mbs.warmwasser[p.stufe];
      mb.push({ art: 'warmwasser', monat: prozentVon(p.rbMonat, satz), betrag: 0, norm: NORM_MEHRBEDARF.warmwasser, text: erklaerung ? `${pct(satz)} von ${euroText(p.rbMonat)}` : '' });
    }
  }
}
