// The repository is self-contained: nothing it runs, tests included, reads a path outside the clone.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The tracked code files of the checkout (scripts, sources, tests, CI). */
function trackedCode(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|js|mjs|cjs|json|html)$/.test(f) || f === '.ci/run');
}

describe('repository', () => {
  it('reads no file from beside the checkout (a user clone has no ../shared)', () => {
    const outside = trackedCode().filter((file) =>
      /\.\.\/(\.\.\/)*shared\//.test(readFileSync(`${root}/${file}`, 'utf8')),
    );
    expect(outside).toEqual([]);
  });

  it('keeps its own copy of the contract', () => {
    for (const name of ['functions.md', 'templates.md', 'import.md', 'benchmarks.md'])
      expect(readFileSync(`${root}/docs/spec/${name}`, 'utf8')).toMatch(/^# /);
  });
});
