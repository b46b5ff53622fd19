// Headless Chromium for the sidebar's budgets and browser tests: launch, serve dist/, stand in for the hosts' scripts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../build/options';
import { staticHandler } from '../dev/static-server';

/** Debian's Chromium; the browser tests and the interactivity budget need it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, sandbox-free (root in CI) and silent: this machine has no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
] as const;

/** Why the browser checks cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `${CHROMIUM_PATH} is missing (apt-get install chromium)`;
}

/** Where taskpane.html loads Office.js from: Microsoft's CDN, never reached in tests. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = resolve(ROOT, 'node_modules/@microsoft/office-js/dist');

export interface Browser {
  context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close: () => Promise<void>;
}

/** Headless Chromium with a fresh profile and nothing running in the background. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'kpi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 300, height: 720 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Server {
  /** The server's origin with a trailing "/", e.g. http://127.0.0.1:41234/. */
  url: string;
  close: () => Promise<void>;
}

/** Serves `folder` (dist/ by default) over HTTP on 127.0.0.1 at a free port. */
export async function serveFolder(folder = resolve(ROOT, 'dist')): Promise<Server> {
  const server = createServer(staticHandler([folder]));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Answers the page's Office.js CDN requests from the @microsoft/office-js package. */
export async function routeOfficeJs(page: Page): Promise<void> {
  await page.route(`${OFFICE_CDN}**`, async (route) => {
    const file = resolve(OFFICE_DIST, new URL(route.request().url()).pathname.split('/').pop()!);
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) await route.fulfill({ status: 404 });
    else
      await route.fulfill({
        body: readFileSync(file),
        contentType: 'text/javascript; charset=utf-8',
      });
  });
  // Nothing else may leave the machine: any other outside request fails at once.
  await page.route(
    (url) => url.hostname !== '127.0.0.1' && !url.href.startsWith(OFFICE_CDN),
    (route) => route.abort(),
  );
}

/** How the google.script.run stand-in answers insertTemplate. */
export interface ScriptRunAnswer {
  sheetName: string;
  /** Refuse every request with this message instead. */
  failWith?: string;
  delayMs?: number;
}

/**
 * A script for page.addInitScript({ content }) that installs `google.script.run` before the
 * page's own scripts: every insertTemplate request is recorded in `window.__insertRequests`
 * and answered after `delayMs` with `{ sheetName }`, or refused. Written as source text, since
 * a function compiled by the test runner may call helpers that do not exist in the page.
 */
export function googleScriptRunStandIn({
  sheetName,
  failWith,
  delayMs = 50,
}: ScriptRunAnswer): string {
  return `(() => {
  const answer = ${JSON.stringify({ sheetName, failWith: failWith ?? null, delayMs })};
  const requests = [];
  const runner = (success, failure) => ({
    withSuccessHandler: (handler) => runner(handler, failure),
    withFailureHandler: (handler) => runner(success, handler),
    insertTemplate: (request) => {
      requests.push(JSON.parse(JSON.stringify(request)));
      setTimeout(() => {
        if (answer.failWith !== null) failure && failure(new Error(answer.failWith));
        else success && success({ sheetName: answer.sheetName });
      }, answer.delayMs);
    },
  });
  window.__insertRequests = requests;
  window.google = { script: { get run() { return runner(undefined, undefined); } } };
})();`;
}
