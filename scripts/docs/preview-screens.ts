// Drives the built preview page at 1280×800 to picture templates and the function reference (test artifacts, README images).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Lang, TemplateId } from '../../core/templates/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../bench/browser';
import { ROOT } from '../build/options';
import { devRoots, staticHandler } from '../dev/static-server';

/** A laptop screen: what a reader of the README and a reviewer of the layout see. */
export const SCREEN = { width: 1280, height: 800 } as const;

/** The browser language per sheet language: the preview takes its page texts and currency from it. */
const LOCALES: Record<Lang, string> = { en: 'en-US', fi: 'fi-FI' };

export interface PreviewSession {
  browser: Browser;
  /** The preview page's address. */
  url: string;
  close: () => Promise<void>;
}

/** Serves dist/ as `npm start` does and launches headless Chromium; fails when the build is missing. */
export async function startPreview(): Promise<PreviewSession> {
  const dist = resolve(ROOT, 'dist');
  if (!existsSync(resolve(dist, 'preview/preview.html')))
    throw new Error('dist/preview/ is missing: run `npm run build` first (npm test does).');
  const server = createServer(staticHandler(devRoots(dist)));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  return {
    browser,
    url: `http://127.0.0.1:${port}/preview.html`,
    close: async () => {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** A fresh preview page at 1280×800 in a browser speaking `lang`; `errors` collects uncaught page errors. */
export async function openPreview(
  session: PreviewSession,
  lang: Lang,
): Promise<{ page: Page; errors: string[] }> {
  const context = await session.browser.newContext({ locale: LOCALES[lang], viewport: SCREEN });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.url);
  await page.waitForSelector('#sidebar[data-ready="true"]');
  return { page, errors };
}

/** Inserts template `id` from the sidebar's gallery with its default options and the sheet in `lang`. */
export async function insertTemplate(page: Page, id: TemplateId, lang: Lang): Promise<void> {
  await page.locator('#sidebar [data-action="tab"][data-tab="templates"]').click();
  const back = page.locator('#sidebar [data-action="back"]');
  if (await back.count()) await back.click();
  const langButton = page.locator(`#sidebar button[data-action="lang"][data-lang="${lang}"]`);
  if ((await langButton.getAttribute('aria-pressed')) !== 'true') await langButton.click();
  await page.click(`#sidebar button[data-template="${id}"]`);
  await page.selectOption('#sidebar select[data-field="lang"]', lang);
  await page.click('#sidebar .kpi-insert button[type="submit"]');
  await page.locator('#sidebar .kpi-success').waitFor({ timeout: 10_000 });
}

/** Where the sheet panel is scrolled to, and whether the active tab lies wholly inside the tab strip. */
export function sheetView(
  page: Page,
): Promise<{ scrollTop: number; scrollLeft: number; tabInView: boolean; tab: string }> {
  return page.evaluate(() => {
    const panel = document.getElementById('sheet-panel')!;
    const strip = document.querySelector('.workbook [role="tablist"]')!.getBoundingClientRect();
    const tab = document.querySelector('.workbook [role="tab"][aria-selected="true"]')!;
    const box = tab.getBoundingClientRect();
    return {
      scrollTop: panel.scrollTop,
      scrollLeft: panel.scrollLeft,
      tabInView: box.left >= strip.left - 0.5 && box.right <= strip.right + 0.5,
      tab: tab.textContent ?? '',
    };
  });
}

/** Opens the sidebar's function reference, showing its first entries. */
export async function showFunctionReference(page: Page): Promise<void> {
  await page.locator('#sidebar [data-action="tab"][data-tab="functions"]').click();
  await page.locator('#sidebar .kpi-fn').first().waitFor();
}

/** Saves what the 1280×800 screen shows as a PNG at `path`. */
export async function saveScreen(page: Page, path: string): Promise<void> {
  // Let the charts and the grid settle after the insert's re-render.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  await page.screenshot({ path, fullPage: false });
}
