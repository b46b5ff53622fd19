// A build leaves dist/ holding only its own outputs: stale files, dotfiles and leftovers are gone.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/build/options';
import { pruneOutDir } from '../../../scripts/build/prune';

const base = mkdtempSync(join(tmpdir(), 'kpi-prune-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('pruneOutDir', () => {
  it('removes every file and folder the build did not write, and nothing it wrote', async () => {
    const out = join(base, 'dist');
    const outside = join(base, 'outside.txt');
    writeFileSync(outside, 'keep me');
    for (const folder of ['excel/assets', 'sheets', 'old/deeper'])
      mkdirSync(join(out, folder), { recursive: true });
    const written = ['excel/taskpane.html', 'excel/assets/icon-16.png', 'sheets/Code.js'].map((f) =>
      join(out, f),
    );
    for (const file of written) writeFileSync(file, 'new');
    for (const stale of ['sheets/.clasp.json', 'excel/functions.js.map', 'old/deeper/x.js'])
      writeFileSync(join(out, stale), 'stale');
    symlinkSync(outside, join(out, 'excel', 'link.txt'));

    const removed = await pruneOutDir(out, [...written, join(base, 'manifest.xml')]);

    expect(filesUnder(out)).toEqual([
      'excel/assets/icon-16.png',
      'excel/taskpane.html',
      'sheets/Code.js',
    ]);
    expect(existsSync(join(out, 'old'))).toBe(false);
    expect(removed.map((file) => relative(out, file))).toEqual([
      'excel/functions.js.map',
      'excel/link.txt',
      'old/deeper/x.js',
      'sheets/.clasp.json',
    ]);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
  });

  it('leaves a missing or already clean folder alone', async () => {
    const out = join(base, 'clean');
    mkdirSync(out);
    writeFileSync(join(out, 'a.js'), 'a');
    expect(await pruneOutDir(out, [join(out, 'a.js')])).toEqual([]);
    expect(filesUnder(out)).toEqual(['a.js']);
  });
});

describe('npm run build', () => {
  it('ends with dist/ holding only what it wrote: a stale dist/sheets/.clasp.json is gone', () => {
    // A copy of the working tree, so the build does not touch the dist/ other tests are reading.
    const copy = join(base, 'repo');
    const skip = new Set([
      'node_modules',
      'dist',
      '.git',
      'tests/artifacts',
      'coverage',
      '.clasp.json',
      '.clasp.standalone.json',
    ]);
    cpSync(ROOT, copy, {
      recursive: true,
      filter: (source) => !skip.has(relative(ROOT, source)),
    });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    mkdirSync(join(copy, 'dist', 'sheets'), { recursive: true });
    writeFileSync(join(copy, 'dist', 'sheets', '.clasp.json'), '{"scriptId":"old"}');
    writeFileSync(join(copy, 'dist', 'stale.js'), 'stale');

    const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: copy,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(copy, 'dist', 'sheets', '.clasp.json'))).toBe(false);
    expect(existsSync(join(copy, 'dist', 'stale.js'))).toBe(false);
    expect(build.stdout).toContain('removed dist/stale.js');
    expect(lstatSync(join(copy, 'dist', 'excel', 'taskpane.html')).isFile()).toBe(true);
    expect(
      filesUnder(join(copy, 'dist')).every(
        (file) => !file.split(/[\\/]/).some((s) => s.startsWith('.')),
      ),
    ).toBe(true);
  }, 120_000);
});
