// The development server: build outputs only, right content types, security headers, nothing from outside.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveRequest, staticHandler } from '../../../scripts/dev/static-server';

// A dist/ of its own: excel/ served at the root, preview/ under /preview/, a secret outside.
const base = mkdtempSync(join(tmpdir(), 'kpi-serve-'));
const dist = join(base, 'dist');
const excel = join(dist, 'excel');
const preview = join(dist, 'preview');
mkdirSync(join(excel, 'assets'), { recursive: true });
mkdirSync(join(excel, '.git'));
mkdirSync(preview);
const INLINE_STYLE = '\n      body { margin: 0; }\n    ';
const INLINE_SCRIPT = 'window.ready = true;';
writeFileSync(
  join(excel, 'taskpane.html'),
  `<!doctype html><style>${INLINE_STYLE}</style><script src="functions.js"></script><script>${INLINE_SCRIPT}</script>`,
);
writeFileSync(join(excel, 'functions.js'), 'void 0;');
writeFileSync(join(excel, 'functions.js.map'), '{"mappings":""}');
writeFileSync(join(excel, 'functions.json'), '{}');
writeFileSync(join(excel, 'functions-fi.json'), '{}');
writeFileSync(join(excel, 'assets', 'icon-16.png'), 'png');
writeFileSync(join(excel, 'assets', '.hidden.png'), 'hidden');
writeFileSync(join(excel, '.clasp.json'), '{"scriptId":"secret-project"}');
writeFileSync(join(excel, '.git', 'config'), 'secret');
writeFileSync(join(excel, 'notes.txt'), 'not a build output');
writeFileSync(join(preview, 'preview.js'), 'void 0;');
writeFileSync(join(dist, 'manifest.xml'), '<OfficeApp/>');
writeFileSync(join(base, 'secret.js'), 'secret');
symlinkSync(join(base, 'secret.js'), join(excel, 'link.js'));
const roots = [
  { prefix: '/', folder: excel },
  { prefix: '/preview/', folder: preview },
];
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Sends a raw request path (no client-side normalisation of "..") and returns status, headers and body. */
function get(
  server: Server,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

async function listen(handler: ReturnType<typeof staticHandler>): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

const close = (server: Server) => new Promise<void>((done) => server.close(() => done()));

describe('resolveRequest', () => {
  it('serves the add-in at the root and the preview files under /preview/', () => {
    expect(resolveRequest(roots, '/taskpane.html')).toEqual({ file: join(excel, 'taskpane.html') });
    expect(resolveRequest(roots, '/assets/icon-16.png?v=1')).toEqual({
      file: join(excel, 'assets', 'icon-16.png'),
    });
    expect(resolveRequest(roots, '/preview/preview.js')).toEqual({
      file: join(preview, 'preview.js'),
    });
  });

  it.each([
    '/.clasp.json',
    '/%2eclasp.json',
    '/assets/.hidden.png',
    '/.git/config',
    '/functions.js.map',
    '/notes.txt',
    '/manifest.xml',
    '/',
    '/assets/',
    '/preview/',
  ])('does not serve %s, which is no page file the build makes', (path) => {
    expect(resolveRequest(roots, path)).toEqual({ status: 404 });
  });

  it.each([
    '/../secret.js',
    '/..%2fsecret.js',
    '/preview/..%2f..%2fsecret.js',
    '/%2e%2e/secret.js',
    '/link.js',
    '/..\\secret.js',
  ])('refuses %s, which leaves the served folders', (path) => {
    const resolution = resolveRequest(roots, path);
    expect('file' in resolution).toBe(false);
  });

  it('answers 404 for missing files and 400 for malformed paths', () => {
    expect(resolveRequest(roots, '/nope.js')).toEqual({ status: 404 });
    expect(resolveRequest(roots, '/%E0%A4%A')).toEqual({ status: 400 });
    expect(resolveRequest(roots, '/a%00.js')).toEqual({ status: 400 });
  });
});

describe('contentType', () => {
  it.each([
    ['taskpane.html', 'text/html; charset=utf-8'],
    ['functions.js', 'text/javascript; charset=utf-8'],
    ['taskpane.css', 'text/css; charset=utf-8'],
    ['functions.json', 'application/json; charset=utf-8'],
    ['icon-16.PNG', 'image/png'],
    ['functions.js.map', undefined],
    ['manifest.xml', undefined],
    ['unknown.bin', undefined],
  ])('%s is %s', (file, type) => {
    expect(contentType(file)).toBe(type);
  });
});

describe('staticHandler with a front page', () => {
  it('redirects "/" to it and serves everything else as usual', async () => {
    const server = await listen(staticHandler(roots, '/preview.html'));
    try {
      const { port } = server.address() as AddressInfo;
      const home = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe('/preview.html');
      expect((await get(server, '/functions.json')).status).toBe(200);
    } finally {
      await close(server);
    }
  });
});

describe('staticHandler over HTTP', () => {
  let server: Server;
  beforeAll(async () => {
    server = await listen(staticHandler(roots));
  });
  afterAll(() => close(server));

  it('serves a file with its content type, uncached and not to be sniffed', async () => {
    const response = await get(server, '/functions.json');
    expect(response.status).toBe(200);
    expect(response.body).toBe('{}');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never sends a dotfile or a file from outside the served folders', async () => {
    for (const path of [
      '/.clasp.json',
      '/.git/config',
      '/../secret.js',
      '/../../secret.js',
      '/..%2f..%2fsecret.js',
      '/link.js',
    ]) {
      const response = await get(server, path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('secret');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('lets another site read nothing: no CORS header for any file or origin but one', async () => {
    for (const origin of ['https://evil.example', 'null', 'https://excel.officeapps.live.com']) {
      const page = await get(server, '/taskpane.html', { Origin: origin });
      expect(page.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
    for (const origin of [
      'https://evil.example',
      'https://officeapps.live.com.evil.example',
      'http://excel.officeapps.live.com',
    ]) {
      const metadata = await get(server, '/functions.json', { Origin: origin });
      expect(metadata.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
    expect((await get(server, '/functions.json')).headers['access-control-allow-origin']).toBe(
      undefined,
    );
  });

  it("lets Excel on the web, from its own origin, read the functions' metadata", async () => {
    for (const origin of ['https://excel.officeapps.live.com', 'https://excel.cloud.microsoft'])
      for (const file of ['/functions.json', '/functions-fi.json']) {
        const metadata = await get(server, file, { Origin: origin });
        expect(metadata.headers['access-control-allow-origin'], file).toBe(origin);
        expect(metadata.headers.vary).toBe('Origin');
      }
  });

  it("sends a policy allowing this origin, Office.js's CDN and the page's own inline code only", async () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');
    const policy = String((await get(server, '/taskpane.html')).headers['content-security-policy']);
    const directives = new Map(
      policy.split(/;\s*/).map((directive) => {
        const [name, ...sources] = directive.split(' ');
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual([
      "'self'",
      'https://appsforoffice.microsoft.com',
      `'sha256-${sha256(INLINE_SCRIPT)}'`,
    ]);
    expect(directives.get('style-src')).toEqual(["'self'", `'sha256-${sha256(INLINE_STYLE)}'`]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // No wildcard and no other external origin anywhere in the policy.
    const external = [...directives.values()].flat().filter((s) => /^(https?:|\*)/.test(s));
    expect(new Set(external)).toEqual(new Set(['https://appsforoffice.microsoft.com']));
    expect(policy).not.toContain('unsafe-');

    const script = (await get(server, '/functions.js')).headers['content-security-policy'];
    expect(script).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  });
});
