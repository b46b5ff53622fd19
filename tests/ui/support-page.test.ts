// Browser test of the built support page (dist/excel/support.html): accessible in light and dark mode, loads nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumMissing,
  launchChromium,
  serveFolder,
  type Browser,
  type Server,
} from '../../scripts/bench/browser';
import { axeViolations, requireBuilt, screenshot } from './support/page';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping the support page browser test: ${missing}`);

describe.skipIf(missing !== undefined)('built support.html in headless Chromium', () => {
  let browser: Browser;
  let server: Server;

  beforeAll(async () => {
    requireBuilt('excel/support.html');
    [browser, server] = await Promise.all([launchChromium(), serveFolder()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violations in %s mode and requests nothing but itself',
    async (colorScheme) => {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => {
        // The browser's own favicon probe is no request of the page.
        if (!request.url().endsWith('/favicon.ico')) requests.push(request.url());
      });
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}excel/support.html`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('support');
      await page.getByRole('link', { name: 'Privacy' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#privacy');
      expect(await axeViolations(page)).toEqual([]);
      expect(requests).toEqual([`${server.url}excel/support.html`]);
      await screenshot(page, `support-page-${colorScheme}`);
      await page.close();
    },
  );
});
