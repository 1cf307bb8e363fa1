import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanneQuarantaene } from '../../src/server/portal/dokumente.ts';
import { createTestApp, csrfFor, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';
import { clamdFehlt, EICAR, startClamd, type TestClamd } from '../helpers/clamd.ts';
import { kleinesPdf, kleinesPng } from '../helpers/testdateien.ts';

/** Uploads in the Bürgerportal: type and size by content, real clamd scan, EICAR rejected, quarantine and release. */
const fehlt = clamdFehlt();
if (fehlt) console.warn(fehlt);

let t: TestApp;
let clamd: TestClamd;
let buerger: CookieJar;
let zweite: CookieJar;
let entwurfId: string;

function multipart(felder: Record<string, string>, datei?: { name: string; type: string; inhalt: Buffer }) {
  const grenze = `----vorort${Math.random().toString(16).slice(2)}`;
  const teile: Buffer[] = [];
  for (const [k, v] of Object.entries(felder)) teile.push(Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (datei) {
    teile.push(Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="datei"; filename="${datei.name}"\r\nContent-Type: ${datei.type}\r\n\r\n`), datei.inhalt, Buffer.from('\r\n'));
  }
  teile.push(Buffer.from(`--${grenze}--\r\n`));
  return { body: Buffer.concat(teile), type: `multipart/form-data; boundary=${grenze}` };
}

async function hochladen(jar: CookieJar, id: string, datei: { name: string; type: string; inhalt: Buffer }, nachweis = 'lohnabrechnungen') {
  const token = await csrfFor(t.app, jar, '/portal');
  const m = multipart({ _csrf: token, nachweis }, datei);
  return jar.store(await t.app.inject({ method: 'POST', url: `/portal/antrag/${id}/dokumente`, headers: { cookie: jar.header(), 'content-type': m.type }, payload: m.body }));
}

const status = async (id: string) =>
  (await t.ctx.db.withSystem((tx) => tx.execute<{ status: string; scan_ergebnis: string | null; laenge: number }>(sql`select status, scan_ergebnis, length(inhalt) as laenge from portal_dateien where id = ${id}`))).rows[0]!;

const letzteDatei = async () =>
  (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from portal_dateien order by created_at desc limit 1`))).rows[0]!.id;

describe.skipIf(fehlt !== undefined)('Upload im Bürgerportal', () => {
  beforeAll(async () => {
    clamd = await startClamd();
    t = await createTestApp({ seed: true, config: { clamdSocket: clamd.socket } });
    await t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
        select traeger_id, 'buerger', 'zweite@musterland.example', 'Zweite', password_hash, now(), roles from users where email = 'buerger@musterland.example'`),
    );
    buerger = await signIn(t.app, 'buerger@musterland.example');
    zweite = await signIn(t.app, 'zweite@musterland.example');
    const res = await postForm(t.app, buerger, '/portal/antrag/neu', { flow: 'erstantrag' });
    entwurfId = String(res.headers.location).split('/')[3]!;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await clamd?.stop();
  });

  it('accepts a phone photo (PNG) and a PDF after a clean scan, checked by content', async () => {
    const res = await hochladen(buerger, entwurfId, { name: 'lohn.png', type: 'image/png', inhalt: kleinesPng() });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('hochgeladen=sauber');
    const id = await letzteDatei();
    expect(await status(id)).toMatchObject({ status: 'sauber', scan_ergebnis: 'OK' });
    const pdf = await hochladen(buerger, entwurfId, { name: 'scan.bin', type: 'application/octet-stream', inhalt: kleinesPdf() });
    expect(pdf.headers.location).toContain('hochgeladen=sauber');
    const seite = await t.app.inject({ url: `/portal/antrag/${entwurfId}/absenden?hochgeladen=sauber`, headers: { cookie: buerger.header() } });
    // not complete yet → redirected to the open step; the file list is shown on the submission page of complete drafts
    expect([200, 302]).toContain(seite.statusCode);
    // the owner may open it, another citizen not
    expect((await t.app.inject({ url: `/portal/dateien/${id}`, headers: { cookie: buerger.header() } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/portal/dateien/${id}`, headers: { cookie: zweite.header() } })).statusCode).toBe(404);
  });

  it('rejects a file whose content is not an image or PDF, whatever its name says', async () => {
    const res = await hochladen(buerger, entwurfId, { name: 'foto.jpg', type: 'image/jpeg', inhalt: Buffer.from('MZ this is not a picture') });
    expect(res.headers.location).toContain('hochgeladen=dateityp_nicht_erlaubt');
    const id = await letzteDatei();
    expect(await status(id)).toMatchObject({ status: 'abgelehnt', laenge: 0 });
  });

  it('rejects an oversize file', async () => {
    const gross = Buffer.concat([kleinesPdf(), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const res = await hochladen(buerger, entwurfId, { name: 'gross.pdf', type: 'application/pdf', inhalt: gross });
    expect(res.headers.location).toContain('hochgeladen=datei_zu_gross');
  });

  it('rejects EICAR with a clear message and keeps no bytes', async () => {
    const res = await hochladen(buerger, entwurfId, { name: 'eicar.pdf', type: 'application/pdf', inhalt: kleinesPdf('Lohn', EICAR) });
    expect(res.headers.location).toContain('hochgeladen=virus_gefunden');
    const id = await letzteDatei();
    const s = await status(id);
    expect(s.status).toBe('abgelehnt');
    expect(s.scan_ergebnis).toContain('virus_gefunden');
    expect(s.laenge).toBe(0);
    const page = await t.app.inject({ url: `/portal/dateien/${id}`, headers: { cookie: buerger.header() } });
    expect(page.statusCode).toBe(409);
  });

  it('keeps files in quarantine while clamd is unreachable and releases them after a rescan', async () => {
    const socket = t.ctx.config.clamdSocket;
    t.ctx.config.clamdSocket = '/nonexistent/clamd.ctl';
    try {
      const res = await hochladen(buerger, entwurfId, { name: 'spaeter.png', type: 'image/png', inhalt: kleinesPng() });
      expect(res.headers.location).toContain('hochgeladen=quarantaene');
      const eicar = await hochladen(buerger, entwurfId, { name: 'boese.pdf', type: 'application/pdf', inhalt: kleinesPdf('x', EICAR) });
      expect(eicar.headers.location).toContain('hochgeladen=quarantaene');
    } finally {
      t.ctx.config.clamdSocket = socket;
    }
    const ids = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; dateiname: string }>(sql`select id, dateiname from portal_dateien where status = 'quarantaene'`))).rows;
    expect(ids).toHaveLength(2);
    const quarantaeneId = ids.find((r) => r.dateiname.endsWith('.png'))!.id;
    // nobody can open it while in quarantine
    expect((await t.app.inject({ url: `/portal/dateien/${quarantaeneId}`, headers: { cookie: buerger.header() } })).statusCode).toBe(409);
    // still unreachable: nothing changes
    t.ctx.config.clamdSocket = '/nonexistent/clamd.ctl';
    expect(await scanneQuarantaene({ ctx: t.ctx })).toEqual({ freigegeben: 0, abgelehnt: 0, offen: 2 });
    t.ctx.config.clamdSocket = socket;
    expect(await scanneQuarantaene({ ctx: t.ctx })).toEqual({ freigegeben: 1, abgelehnt: 1, offen: 0 });
    expect((await status(quarantaeneId)).status).toBe('sauber');
    expect((await t.app.inject({ url: `/portal/dateien/${quarantaeneId}`, headers: { cookie: buerger.header() } })).statusCode).toBe(200);
  });

  it('refuses uploads to another citizen’s draft (404) and without CSRF token (403)', async () => {
    const res = await hochladen(zweite, entwurfId, { name: 'x.png', type: 'image/png', inhalt: kleinesPng() });
    expect(res.statusCode).toBe(404);
    const m = multipart({}, { name: 'x.png', type: 'image/png', inhalt: kleinesPng() });
    const ohne = await t.app.inject({ method: 'POST', url: `/portal/antrag/${entwurfId}/dokumente`, headers: { cookie: buerger.header(), 'content-type': m.type }, payload: m.body });
    expect(ohne.statusCode).toBe(403);
  });
});
