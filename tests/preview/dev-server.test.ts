// `npm start` serves the preview at /preview.html and its files under /preview/, and nothing outside dist/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devRoots, resolveRequest } from '../../scripts/dev/static-server';

function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'preview-dist-'));
  for (const folder of ['excel', 'preview']) mkdirSync(join(dist, folder));
  writeFileSync(join(dist, 'excel', 'taskpane.html'), 'task pane');
  writeFileSync(join(dist, 'preview', 'preview.html'), 'page');
  writeFileSync(join(dist, 'preview', 'preview.js'), 'script');
  return dist;
}

describe('devRoots', () => {
  const dist = fakeDist();
  const roots = devRoots(dist);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('serves /preview.html and /preview/* from dist/preview/, the add-in from dist/excel/', () => {
    expect(resolveRequest(roots, '/preview.html')).toEqual({
      file: join(dist, 'preview', 'preview.html'),
    });
    expect(resolveRequest(roots, '/preview/preview.js')).toEqual({
      file: join(dist, 'preview', 'preview.js'),
    });
    expect(resolveRequest(roots, '/taskpane.html')).toEqual({
      file: join(dist, 'excel', 'taskpane.html'),
    });
  });

  it('still refuses paths that leave dist/', () => {
    expect(resolveRequest(roots, '/preview/../../etc/passwd')).toHaveProperty('status');
    expect(resolveRequest(roots, '/%2e%2e/%2e%2e/etc/passwd')).toHaveProperty('status');
    expect(resolveRequest(roots, '/preview/%2e%2e%2f%2e%2e%2fsecret')).toHaveProperty('status');
  });
});
