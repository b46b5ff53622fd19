// HyperFormula (GPL) may be bundled only into the development preview, never into the add-in bundles.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '../../dist');
/** Strings every HyperFormula bundle carries: its name and its licence-key check message. */
const MARKERS = [/hyperformula/i, /The license key for HyperFormula/];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('HyperFormula stays out of the shipped bundles', () => {
  it('is found by the markers in dist/preview/preview.js (so the check can see it)', () => {
    const preview = readFileSync(join(DIST, 'preview', 'preview.js'), 'utf8');
    for (const marker of MARKERS) expect(preview).toMatch(marker);
  });

  it.each(['excel', 'sheets', 'cli'])('is in no file of dist/%s/', (target) => {
    const dir = join(DIST, target);
    expect(existsSync(dir), `${dir} exists (npm run build)`).toBe(true);
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const marker of MARKERS) expect(text, file).not.toMatch(marker);
    }
  });
});
