/** Type and size checks by content, and the reading of clamd's answers (no clamd needed; see tests/integration/virenscan.int.test.ts). */
import { describe, expect, it } from 'vitest';
import { deuteAntwort, pruefeDatei } from './virenscan.ts';
import { heicKopf, jpegKopf, kleinesPdf, kleinesPng, webpKopf } from '../../../tests/helpers/testdateien.ts';

describe('pruefeDatei', () => {
  it.each([
    ['PDF', kleinesPdf(), 'application/pdf'],
    ['PNG', kleinesPng(), 'image/png'],
    ['JPEG', jpegKopf(), 'image/jpeg'],
    ['HEIC', heicKopf(), 'image/heic'],
    ['WebP', webpKopf(), 'image/webp'],
  ])('erkennt %s am Inhalt', async (_, inhalt, mime) => {
    expect(await pruefeDatei(inhalt)).toMatchObject({ ok: true, mime });
  });

  it('lehnt andere Inhalte ab, egal wie die Datei heißt', async () => {
    expect(await pruefeDatei(Buffer.from('MZ\x90\x00 ausführbar', 'latin1'))).toMatchObject({ ok: false, code: 'dateityp_nicht_erlaubt' });
    expect(await pruefeDatei(Buffer.from('<html><script>alert(1)</script></html>'))).toMatchObject({ ok: false, code: 'dateityp_nicht_erlaubt' });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    const r = await pruefeDatei(zip);
    expect(r).toMatchObject({ ok: false, code: 'dateityp_nicht_erlaubt', message: expect.stringMatching(/nicht erlaubt/) });
  });

  it('prüft Leere und Größe vor dem Typ', async () => {
    expect(await pruefeDatei(new Uint8Array())).toMatchObject({ ok: false, code: 'datei_leer' });
    expect(await pruefeDatei(kleinesPdf(), { maxBytes: 100 })).toMatchObject({ ok: false, code: 'datei_zu_gross', message: expect.stringMatching(/10 MB/) });
    expect(await pruefeDatei(Buffer.concat([kleinesPdf(), Buffer.alloc(10 * 1024 * 1024)]))).toMatchObject({ ok: false, code: 'datei_zu_gross' });
  });
});

describe('deuteAntwort', () => {
  it('nur "OK" ist sauber; FOUND ist infiziert; alles andere gilt als nicht geprüft', () => {
    expect(deuteAntwort('stream: OK\0')).toEqual({ status: 'sauber' });
    expect(deuteAntwort('stream: Eicar-Signature FOUND\0')).toMatchObject({ status: 'infiziert', signatur: 'Eicar-Signature' });
    expect(deuteAntwort('INSTREAM size limit exceeded. ERROR\0')).toMatchObject({ status: 'nicht_erreichbar' });
    expect(deuteAntwort('')).toMatchObject({ status: 'nicht_erreichbar', grund: 'keine Antwort' });
  });
});
