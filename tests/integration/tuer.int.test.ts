import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/**
 * One door per use case (issue 12): for every use case that has both a form and an API route, the same invalid
 * input goes through both. The API must answer 400 with an issue at the field, the page 400 with the message tied
 * to the same field (the field's error paragraph `…-fehler`) — never 500, and the message must be the same text.
 *
 * Add a row when a use case gets a form or an API route. `vorbereiten` may create what the row needs (through the
 * API) and returns ids for the URLs.
 */

type Ids = Record<string, string>;
type Tuer = {
  name: string;
  /** demo account (local part before @musterland.example) */
  wer: string;
  vorbereiten?: (h: Hilfen) => Promise<Ids>;
  api: { method: 'POST' | 'PUT' | 'PATCH'; url: (ids: Ids) => string; body: (ids: Ids) => Record<string, unknown> };
  seite: { url: (ids: Ids) => string; felder: (ids: Ids) => Record<string, string | string[]> };
  /** the field the error must be tied to: `api` the issue path after `body.`, `seite` the form field's name */
  feld: { api: string; seite: string };
};

type Hilfen = {
  api: (wer: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => Promise<{ status: number; json: any }>;
};

const TUEREN: Tuer[] = [
  {
    name: 'Verwaltung: Kommune anlegen (Postleitzahl mit 4 Ziffern)',
    wer: 'admin',
    api: { method: 'POST', url: () => '/api/admin/kommunen', body: () => ({ name: 'Tür-Test', postleitzahlen: ['1234'] }) },
    seite: { url: () => '/verwaltung/kommunen/neu', felder: () => ({ name: 'Tür-Test', ags: '', postleitzahlen: '1234' }) },
    feld: { api: 'postleitzahlen', seite: 'postleitzahlen' },
  },
];

let t: TestApp;
const jars: Record<string, CookieJar> = {};
const jar = async (wer: string) => (jars[wer] ??= await signIn(t.app, `${wer}@musterland.example`));
const hilfen: Hilfen = {
  async api(wer, method, url, payload) {
    const j = await jar(wer);
    const res = await t.app.inject({ method, url, headers: { cookie: j.header() }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, json: res.headers['content-type']?.toString().includes('json') ? res.json() : null };
  },
};

beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the same invalid input through form and API', () => {
  it.each(TUEREN.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const ids = (await row.vorbereiten?.(hilfen)) ?? {};

    const api = await hilfen.api(row.wer, row.api.method, row.api.url(ids), row.api.body(ids));
    expect(api.status, JSON.stringify(api.json)).toBe(400);
    const issue = (api.json.issues as { path: string; message: string }[]).find((i) => i.path === `body.${row.feld.api}` || i.path.startsWith(`body.${row.feld.api}.`));
    expect(issue, JSON.stringify(api.json.issues)).toBeTruthy();

    const seite = await postForm(t.app, await jar(row.wer), row.seite.url(ids), row.seite.felder(ids));
    expect(seite.statusCode).toBe(400);
    // The message stands in the field's error paragraph (id "<field id>-fehler", referenced by aria-describedby).
    const feldFehler = new RegExp(`<p class="kern-error" id="[^"]*${row.feld.seite}[^"]*-fehler"[^>]*>([\\s\\S]*?)</p>`).exec(seite.body);
    expect(feldFehler, `kein Fehler am Feld ${row.feld.seite}`).toBeTruthy();
    expect(decode(feldFehler![1]!.replace(/<[^>]+>/g, ''))).toContain(issue!.message);
  });
});
