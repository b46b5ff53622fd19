// `npm start` serves the add-in and the preview page, nothing else of dist/, and the built pages work under its CSP.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumMissing,
  launchChromium,
  routeOfficeJs,
  type Browser,
} from '../../scripts/bench/browser';
import { ROOT } from '../../scripts/build/options';
import { OFFICE_JS_ORIGIN } from '../../scripts/dev/security-headers';
import { devRoots, resolveRequest, staticHandler } from '../../scripts/dev/static-server';
import { requireBuilt } from '../ui/support/page';

function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'preview-dist-'));
  for (const folder of ['excel', 'preview', 'sheets', 'cli']) mkdirSync(join(dist, folder));
  writeFileSync(join(dist, 'excel', 'taskpane.html'), 'task pane');
  writeFileSync(join(dist, 'preview', 'preview.html'), 'page');
  writeFileSync(join(dist, 'preview', 'preview.js'), 'script');
  writeFileSync(join(dist, 'sheets', 'Code.js'), 'apps script');
  writeFileSync(join(dist, 'sheets', '.clasp.json'), '{"scriptId":"project id"}');
  writeFileSync(join(dist, 'cli', 'sales-kpi.js'), 'cli');
  writeFileSync(join(dist, 'manifest.xml'), '<OfficeApp/>');
  return dist;
}

describe('devRoots', () => {
  const dist = fakeDist();
  const roots = devRoots(dist);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('serves /preview.html and /preview/* from dist/preview/, the add-in from dist/excel/', () => {
    expect(resolveRequest(roots, '/preview.html')).toEqual({
      file: join(dist, 'preview', 'preview.html'),
    });
    expect(resolveRequest(roots, '/preview/preview.js')).toEqual({
      file: join(dist, 'preview', 'preview.js'),
    });
    expect(resolveRequest(roots, '/taskpane.html')).toEqual({
      file: join(dist, 'excel', 'taskpane.html'),
    });
  });

  it.each([
    '/sheets/.clasp.json',
    '/sheets/Code.js',
    '/cli/sales-kpi.js',
    '/manifest.xml',
    '/excel/taskpane.html',
  ])('does not serve %s, which neither the add-in nor the preview loads', (path) => {
    expect(resolveRequest(roots, path)).toEqual({ status: 404 });
  });

  it('still refuses paths that leave dist/', () => {
    expect(resolveRequest(roots, '/preview/../../etc/passwd')).toHaveProperty('status');
    expect(resolveRequest(roots, '/%2e%2e/%2e%2e/etc/passwd')).toHaveProperty('status');
    expect(resolveRequest(roots, '/preview/%2e%2e%2f%2e%2e%2fsecret')).toHaveProperty('status');
  });
});

const missing = chromiumMissing();
if (missing) console.warn(`Skipping the dev server's CSP browser test: ${missing}`);

/** What the page's CSP refused, as "directive blocked-URI" lines, recorded from before its first script. */
const RECORD_VIOLATIONS = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));`;

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe.skipIf(missing !== undefined)('the built pages under the dev server', () => {
  let browser: Browser;
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    for (const file of ['excel/taskpane.html', 'excel/taskpane.js', 'preview/preview.html'])
      requireBuilt(file);
    server = createServer(staticHandler(devRoots(resolve(ROOT, 'dist')), '/preview.html'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  async function open(path: string, ready: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ content: RECORD_VIOLATIONS });
    await routeOfficeJs(page);
    const response = await page.goto(`${origin}${path}`);
    expect(response?.headers()['content-security-policy']).toContain(
      `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    );
    await page.waitForSelector(ready);
    return { page, errors };
  }

  it('runs the task pane, Office.js from its CDN included, with nothing refused', async () => {
    const { page, errors } = await open('/taskpane.html', '#app[data-ready]');
    await page.getByRole('button', { name: 'Lead funnel' }).click();
    await page.getByRole('tab', { name: 'Functions' }).click();
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
      'object',
    );
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the preview page: inserts a template and lays out its grid, with nothing refused', async () => {
    const { page, errors } = await open('/preview.html', '#sidebar[data-ready="true"]');
    await page.click('button[data-template="dashboard"]');
    await page.click('.kpi-insert button[type="submit"]');
    await page.locator('.kpi-success').waitFor();
    // Column widths are set through the style property, which the policy allows.
    expect(await page.locator('#sheet-panel table.grid').evaluate((t) => t.style.width)).toMatch(
      /^\d+px$/,
    );
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses scripts, styles and requests from any other origin, and injected inline code', async () => {
    const { page } = await open('/taskpane.html', '#app[data-ready]');
    await page.evaluate(async () => {
      const script = document.createElement('script');
      script.src = 'https://cdn.example.com/evil.js';
      document.head.append(script);
      const inline = document.createElement('script');
      inline.textContent = 'window.__injected = true;';
      document.head.append(inline);
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = 'https://cdn.example.com/evil.css';
      document.head.append(link);
      await fetch('https://api.example.com/collect').catch(() => undefined);
      await new Promise((done) => setTimeout(done, 200));
    });
    expect(await page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(false);
    expect(new Set(await violations(page))).toEqual(
      new Set([
        'script-src-elem https://cdn.example.com/evil.js',
        'script-src-elem inline',
        'style-src-elem https://cdn.example.com/evil.css',
        'connect-src https://api.example.com/collect',
      ]),
    );
    await page.close();
  });
});
