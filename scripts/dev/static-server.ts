// Serves the built pages for development: only build outputs (no dotfiles, no listings, nothing
// outside the served folders), each with the security headers of security-headers.ts.
import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy, crossOriginHeaders } from './security-headers';

/**
 * The kinds of file the build writes for the pages and the add-in, by extension. Nothing else is
 * served: not source maps, manifests, Apps Script files or whatever else lands in dist/.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

/** The content type of a file the server may send, by its extension; undefined for any other. */
export function contentType(file: string): string | undefined {
  return CONTENT_TYPES[extname(file).toLowerCase()];
}

/** A folder served under a URL path prefix that starts and ends with "/". */
export interface Mount {
  prefix: string;
  folder: string;
}

/** Something to serve: a mount, or a folder served at "/". */
export type Root = Mount | string;

/**
 * What `npm start` serves, looked up in order: the add-in (dist/excel/) at the root, the
 * preview page at /preview.html with its files under /preview/ (dist/preview/). Nothing else
 * of dist/: the Apps Script project, the CLI and a deployment manifest are not served.
 */
export function devRoots(dist: string): Mount[] {
  const preview = resolve(dist, 'preview');
  return [
    { prefix: '/', folder: resolve(dist, 'excel') },
    { prefix: '/', folder: preview },
    { prefix: '/preview/', folder: preview },
  ];
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
 * The file a request path names, looked up in each root in turn. Refused: malformed paths (400),
 * any segment starting with "." (dotfiles, "..", encoded or not), folders and file types the
 * build does not serve (404), and symbolic links leading out of their folder (403).
 */
export function resolveRequest(roots: readonly Root[], requestPath: string): Resolution {
  let path: string;
  try {
    path = decodeURIComponent(requestPath.split(/[?#]/)[0]!);
  } catch {
    return { status: 400 };
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return { status: 400 };
  const segments = path.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return { status: 404 };
  if (contentType(path) === undefined) return { status: 404 };
  for (const root of roots) {
    const { prefix, folder } = typeof root === 'string' ? { prefix: '/', folder: root } : root;
    if (!path.startsWith(prefix)) continue;
    const realFolder = realpathSync(folder);
    const candidate = resolve(realFolder, path.slice(prefix.length));
    if (!isInside(realFolder, candidate)) return { status: 403 };
    if (!isFile(candidate)) continue;
    if (!isInside(realFolder, realpathSync(candidate))) return { status: 403 };
    return { file: candidate };
  }
  return { status: 404 };
}

/**
 * A request handler serving `roots` without caching. With `home`, a request for "/" is
 * redirected there (the dev server's front page).
 */
export function staticHandler(roots: readonly Root[], home?: string) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
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
        .writeHead(resolution.status, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy(),
        })
        .end(`${resolution.status}\n`);
      return;
    }
    const { file } = resolution;
    const type = contentType(file)!;
    // A page's policy names the hashes of its inline code, so pages are read whole.
    const page = type.startsWith('text/html') ? readFileSync(file) : undefined;
    response.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'Content-Security-Policy': contentSecurityPolicy(page?.toString('utf8')),
      ...crossOriginHeaders(file, request.headers.origin),
    });
    if (request.method === 'HEAD') response.end();
    else if (page) response.end(page);
    else createReadStream(file).pipe(response);
  };
}
