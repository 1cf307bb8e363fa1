import type { Database } from '../../db/client.ts';
import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import type { MinderungsVorschlag } from '../../domain/fordern/stufe.ts';
import { briefkopf } from '../bescheid/briefkopf.ts';
import { heute } from '../clock.ts';
import { anhoerungPdf } from './anhoerung-dokument.ts';
import { einschaetzung } from './anhoerung-gemeinsam.ts';
import type { EntscheidungDaten } from './entscheidung-daten.ts';
import { minderungsbescheidPdf } from './minderungsbescheid-dokument.ts';
import { nameDerPerson } from './portal-anhoerung-gemeinsam.ts';

/**
 * The letters of the demo procedures (src/db/seed/fordern-demo.ts, docs/fordern.md "Demodaten"). The seed may not
 * import the PDF renderers of src/server, so right after seeding the composition (src/system.ts; createTestApp with
 * `beispielfaelle`) renders what the demo procedures lack – the written Anhörung, the Minderungsbescheid – with the
 * same renderers the use cases use, dated as in the procedure. Returns how many procedures got letters.
 */
export async function demoSchreibenErzeugen(db: Database, jetzt: Date): Promise<number> {
  const offen = await db.withSystem((tx) => minderungsverfahrenRepository.demoVerfahrenOhneSchreibenSystem(tx));
  for (const { v, standortId, erstelltVon } of offen) {
    await db.withTenant({ traegerId: v.traegerId }, async (tx) => {
      const kopf = await briefkopf(tx, standortId);
      const name = await nameDerPerson(tx, v.personId, heute(jetzt));
      const daten = v.entscheidung as EntscheidungDaten | null;
      const pdf: { anhoerungPdf?: Buffer; bescheidPdf?: Buffer } = {};
      if (v.anhoerungArt === 'schriftlich' && v.anhoerungAm && !v.anhoerungPdf) {
        // the same estimate the procedure page shows (einschaetzung), so letter and page agree
        const e = daten ? null : await einschaetzung(tx, v, v.anhoerungFrist ?? v.anhoerungAm);
        pdf.anhoerungPdf = await anhoerungPdf({
          briefkopf: kopf,
          name,
          anschrift: (await teilnahmenRepository.briefKontext(tx, v.bgId, v.anhoerungAm)).adresse,
          v,
          datum: v.anhoerungAm,
          frist: v.anhoerungFrist ?? v.anhoerungAm,
          persoenlichAm: null,
          vorschlag: (daten?.vorschlag as MinderungsVorschlag | undefined) ?? e?.vorschlag ?? null,
          haertePruefungPflicht: daten?.schutz.haertePruefungPflicht ?? e?.schutz.haertePruefungPflicht ?? false,
          sprache: v.anhoerungSprache ?? 'de',
          erstelltVon,
          erzeugtAm: jetzt,
        });
      }
      if (v.bescheidAm && !v.bescheidPdf && daten?.vorschlag.ergebnis === 'minderung') {
        const anschrift = (await teilnahmenRepository.briefKontext(tx, v.bgId, v.bescheidAm)).adresse;
        pdf.bescheidPdf = await minderungsbescheidPdf({ briefkopf: kopf, name, anschrift, aktenzeichen: v.aktenzeichen, verfahren: v, daten, erstelltVon, freigegebenVon: null, erzeugtAm: jetzt });
      }
      if (pdf.anhoerungPdf || pdf.bescheidPdf) await minderungsverfahrenRepository.demoSchreibenSpeichern(tx, v.id, pdf);
    });
  }
  return offen.length;
}
