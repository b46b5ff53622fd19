// What the browser tests share: the built pages, axe-core runs, screenshots, and the Excel and Sheets stand-in bundles.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../../scripts/build/options';

/** Screenshots go here (git-ignored). */
export const ARTIFACTS = resolve(ROOT, 'tests/artifacts');

/** Fails with what to do when the build has not produced `file` (relative to dist/). */
export function requireBuilt(file: string): void {
  if (!existsSync(resolve(ROOT, 'dist', file)))
    throw new Error(`dist/${file} is missing: run npm run build first (npm test does).`);
}

/** Saves a full-page screenshot as tests/artifacts/`name`.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core's violations on the page as it is now, as "rule: target" lines (empty when none). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the served pages' CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const { violations } = await axe.run(document);
    return violations.flatMap((v) =>
      v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} (${v.help})`),
    );
  });
}

/** A stand-in module of tests/ui/support/ as one script for page.addInitScript. */
async function standIn(file: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'tests/ui/support', file)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The Excel stand-in (excel-stand-in.ts): `Excel.run` on the recording fake workbook. */
export const excelStandIn = () => standIn('excel-stand-in.ts');

/** The Sheets stand-in (sheets-stand-in.ts): google.script.run on the fake spreadsheet. */
export const sheetsStandIn = () => standIn('sheets-stand-in.ts');
