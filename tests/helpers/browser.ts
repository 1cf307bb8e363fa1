import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests run in Debian's Chromium. Without it they are skipped — unless REQUIRE_BROWSER=1 (as in CI),
 * where a missing browser fails the run.
 */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(`REQUIRE_BROWSER=1, aber Chromium fehlt unter ${CHROMIUM} (apt-get install chromium).`);
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** BITV 2.0 / WCAG 2.1 AA: axe must find nothing. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}


/**
 * No horizontal scrolling (WCAG 1.4.10 Reflow, BITV): the document is never wider than the viewport, e.g. at 390 px.
 * On failure the message names the offending elements, widest first (tag, id, classes, right edge) — elements inside a
 * scroll container that clips them (the table regions) do not count, they do not widen the page.
 */
export async function expectNoHorizontalScroll(page: Page) {
  const r = await page.evaluate(async () => {
    // measure what people see: with the page's own fonts, not the fallback shown while they load
    await document.fonts.ready;
    const breite = window.innerWidth;
    const seite = document.documentElement.scrollWidth;
    // runs in the page: everything it uses must be defined inside this function
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const beschreibe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const klassen = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${klassen}${text ? ` „${text}“` : ''}`;
    };
    /** clipped by an ancestor that scrolls or hides overflow and itself fits */
    const abgeschnitten = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox !== 'visible' && a.getBoundingClientRect().right <= breite + 0.5) return true;
      }
      return false;
    };
    const zuBreit: { was: string; rechts: number; breite: number }[] = [];
    if (seite > breite) {
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const rect = el.getBoundingClientRect();
        if (rect.right > breite + 0.5 && rect.width > 0 && !abgeschnitten(el)) zuBreit.push({ was: beschreibe(el), rechts: Math.round(rect.right), breite: Math.round(rect.width) });
      }
      zuBreit.sort((a, b) => b.rechts - a.rechts || b.breite - a.breite);
    }
    return { breite, seite, zuBreit: zuBreit.slice(0, 5) };
  });
  const liste = r.zuBreit.map((z) => `${z.was} (rechter Rand ${z.rechts} px, ${z.breite} px breit)`).join('; ');
  expect(r.seite, `${page.url()} ist ${r.seite} px breit bei ${r.breite} px Fensterbreite: ${liste || 'kein einzelnes Element gefunden'}`).toBeLessThanOrEqual(r.breite);
}
