// The development server: files from dist/excel/ then dist/, right content types, nothing from outside.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveRequest, staticHandler } from '../../../scripts/dev/static-server';

// A dist/ of its own: excel/ served at the root, a preview page beside it, a secret outside.
const base = mkdtempSync(join(tmpdir(), 'kpi-serve-'));
const dist = join(base, 'dist');
const excel = join(dist, 'excel');
mkdirSync(join(excel, 'assets'), { recursive: true });
mkdirSync(join(dist, 'preview'), { recursive: true });
writeFileSync(join(excel, 'taskpane.html'), '<!doctype html>');
writeFileSync(join(excel, 'functions.js'), 'void 0;');
writeFileSync(join(excel, 'functions.json'), '{}');
writeFileSync(join(excel, 'assets', 'icon-16.png'), 'png');
writeFileSync(join(dist, 'preview', 'index.html'), '<!doctype html>');
writeFileSync(join(dist, 'manifest.xml'), '<OfficeApp/>');
writeFileSync(join(base, 'secret.txt'), 'secret');
symlinkSync(join(base, 'secret.txt'), join(excel, 'link.txt'));
const roots = [excel, dist];
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Sends a raw request path (no client-side normalisation of "..") and returns status and headers. */
function get(
  server: Server,
  path: string,
): Promise<{ status: number; type?: string; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        done({ status: res.statusCode!, type: res.headers['content-type'], body }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('resolveRequest', () => {
  it('serves dist/excel/ at the root and the rest of dist/ behind it', () => {
    expect(resolveRequest(roots, '/taskpane.html')).toEqual({ file: join(excel, 'taskpane.html') });
    expect(resolveRequest(roots, '/assets/icon-16.png?v=1')).toEqual({
      file: join(excel, 'assets', 'icon-16.png'),
    });
    expect(resolveRequest(roots, '/preview/')).toEqual({
      file: join(dist, 'preview', 'index.html'),
    });
    expect(resolveRequest(roots, '/manifest.xml')).toEqual({ file: join(dist, 'manifest.xml') });
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/preview/..%2f..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/link.txt',
  ])('refuses %s, which leaves dist/', (path) => {
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
    ['functions.json', 'application/json; charset=utf-8'],
    ['manifest.xml', 'application/xml; charset=utf-8'],
    ['icon-16.PNG', 'image/png'],
    ['book.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['unknown.bin', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentType(file)).toBe(type);
  });
});

describe('staticHandler with a front page', () => {
  it('redirects "/" to it and serves everything else as usual', async () => {
    const server = createServer(staticHandler(roots, '/preview.html'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const home = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe('/preview.html');
      expect((await get(server, '/functions.json')).status).toBe(200);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});

describe('staticHandler over HTTP', () => {
  let server: Server;
  beforeAll(async () => {
    server = createServer(staticHandler(roots));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('serves a file with its content type', async () => {
    const response = await get(server, '/functions.json');
    expect(response).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: '{}' });
  });

  it('never sends a file from outside dist/', async () => {
    for (const path of [
      '/../secret.txt',
      '/../../secret.txt',
      '/..%2f..%2fsecret.txt',
      '/link.txt',
    ]) {
      const response = await get(server, path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('secret');
    }
  });
});
