// Serves the built files for development: dist/excel/ at the root, the rest of dist/ behind it, nothing outside.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The content type of a file, by its extension. */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The folders `npm start` serves, looked up in order: the add-in at the root, then the preview
 * page (/preview.html, a development tool kept out of dist/excel/), then the rest of dist/
 * (so /preview/* is dist/preview/*).
 */
export function devRoots(dist: string): string[] {
  return [resolve(dist, 'excel'), resolve(dist, 'preview'), dist];
}

export type Resolution = { file: string } | { status: 400 | 403 | 404 };

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a request path names: looked up in each root in turn ("/" → index.html), and
 * refused when it would leave the roots (.., encoded separators, symbolic links).
 */
export function resolveRequest(roots: readonly string[], requestPath: string): Resolution {
  let path: string;
  try {
    path = decodeURIComponent(requestPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return { status: 400 };
  }
  if (!path.startsWith('/') || path.includes('\0')) return { status: 400 };
  if (path.endsWith('/')) path += 'index.html';
  for (const root of roots) {
    const realRoot = realpathSync(root);
    const candidate = resolve(realRoot, `.${path}`);
    if (!isInside(realRoot, candidate)) return { status: 403 };
    if (!isFile(candidate)) continue;
    if (!isInside(realRoot, realpathSync(candidate))) return { status: 403 };
    return { file: candidate };
  }
  return { status: 404 };
}

/**
 * A request handler serving `roots` without caching, readable by Office's other origins.
 * With `home`, a request for "/" is redirected there (the dev server's front page).
 */
export function staticHandler(roots: readonly string[], home?: string) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (home !== undefined && (request.url ?? '/').split(/[?#]/)[0] === '/') {
      response.writeHead(302, { Location: home }).end();
      return;
    }
    const resolution = resolveRequest(roots, request.url ?? '/');
    if ('status' in resolution) {
      response
        .writeHead(resolution.status, { 'Content-Type': 'text/plain' })
        .end(`${resolution.status}\n`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': contentType(resolution.file),
      'Cache-Control': 'no-store',
      // Excel on the web fetches functions.json and the icons from its own origin.
      'Access-Control-Allow-Origin': '*',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(resolution.file).pipe(response);
  };
}
