/** Regelbedarf (§ 20 SGB II, § 23 Nr. 1 SGB II): the Stufe of each member of the BG and its monthly amount. */
import { ALTERSGRENZEN, type Stufe } from '../../recht/index.ts';
import type { Kontext } from './kontext.ts';

function stufeNachAlter(alter: number): Stufe {
  if (alter >= ALTERSGRENZEN.volljaehrig) return 3;
  if (alter > ALTERSGRENZEN.stufe5BisAlter) return 4;
  if (alter > ALTERSGRENZEN.stufe6BisAlter) return 5;
  return 6;
}

export function regelbedarf(k: Kontext): void {
  const rbs = k.par.regelbedarf.wert;
  const { antragsteller, partner } = k;
  for (const p of k.personen) {
    if (!p.inBg) continue;
    let stufe: Stufe;
    if (p.rolle === 'antragsteller' || p.rolle === 'partner') {
      const anderer = p.rolle === 'antragsteller' ? partner : antragsteller;
      const volljaehrig = p.alter >= ALTERSGRENZEN.volljaehrig;
      if (anderer && (p.rolle === 'partner' || partner)) {
        const andererVolljaehrig = anderer.alter >= ALTERSGRENZEN.volljaehrig;
        stufe = volljaehrig ? (andererVolljaehrig ? 2 : 1) : andererVolljaehrig ? stufeNachAlter(p.alter) : 1;
      } else {
        stufe = 1;
      }
    } else {
      stufe = stufeNachAlter(p.alter);
    }
    p.stufe = stufe;
    p.rbMonat = rbs[stufe];
    p.eigenstaendig = p.rolle === 'kind' || p.rolle === 'sonstige';
    p.ohneElterneinkommen = p.rolle === 'kind' && p.e.schwanger === true;
  }
}
