// The headers that keep the development server's pages to their own code: a Content-Security-Policy
// allowing this origin and Office.js's CDN only, nosniff, and cross-origin reads for Excel on the web alone.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { FUNCTIONS_METADATA, FUNCTIONS_METADATA_FI } from '../../excel-addin/files';

/** Where taskpane.html loads Office.js from (Microsoft requires the CDN copy); nothing else external. */
export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/**
 * The CSP hash sources of a page's inline <script> and <style> elements, so that the page's own
 * inline code runs and nothing injected later does. The browser hashes the element's text after
 * the parser turned CR LF into LF.
 */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const hash = (code: string) =>
    `'sha256-${createHash('sha256').update(code.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes!))
    .map(([, , code]) => hash(code!));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map(([, code]) =>
    hash(code!),
  );
  return { scripts, styles };
}

/**
 * The policy for a response: everything from this origin; scripts also from Office.js's CDN,
 * which loads its host scripts from there, fetches its strings and frames its error page.
 * `html` adds the hashes of that page's own inline code.
 */
export function contentSecurityPolicy(html?: string): string {
  const { scripts, styles } = html === undefined ? { scripts: [], styles: [] } : inlineHashes(html);
  return [
    "default-src 'self'",
    ['script-src', "'self'", OFFICE_JS_ORIGIN, ...scripts].join(' '),
    ['style-src', "'self'", ...styles].join(' '),
    // The preview page's empty favicon is a data: URL.
    "img-src 'self' data:",
    `connect-src 'self' ${OFFICE_JS_ORIGIN}`,
    `frame-src ${OFFICE_JS_ORIGIN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Excel on the web (excel.officeapps.live.com, excel.cloud.microsoft and their kin). */
const OFFICE_ON_THE_WEB = /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|cloud\.microsoft)$/;

/**
 * The cross-origin header for `file` asked for from `origin`: only the functions' metadata, which
 * Excel on the web fetches from its own origin, and only to Office's origins. Every other file
 * and origin gets none, so another site open in the browser cannot read the server's files.
 */
export function crossOriginHeaders(
  file: string,
  origin: string | undefined,
): Record<string, string> {
  if (basename(file) !== FUNCTIONS_METADATA && basename(file) !== FUNCTIONS_METADATA_FI) return {};
  const allowed = origin !== undefined && OFFICE_ON_THE_WEB.test(origin);
  return allowed ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
}
