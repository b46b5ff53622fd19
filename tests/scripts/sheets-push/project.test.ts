// sheets:push offline: which project each command pushes to, the .clasp.json it writes, and that it never pushes without an id.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushSheets, type PushSteps } from '../../../scripts/sheets-push/project';

// Shaped like Apps Script ids (57 characters of letters, digits, "-" and "_"); made up.
const BOUND_ID = '1BoundTestCopyAbcdefghijklmnopqrstuvwxyz0123456789-_ABCD';
const STANDALONE_ID = '1StandaloneAddOnAbcdefghijklmnopqrstuvwxyz0123456789_-AB';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sheets-push-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Steps that record what ran; the build makes dist/sheets/ as the real one does. */
function recordingSteps() {
  const ran: string[] = [];
  let pushedWith: unknown;
  const steps: PushSteps = {
    build: () => {
      ran.push('build');
      mkdirSync(join(root, 'dist', 'sheets'), { recursive: true });
    },
    push: (projectDir) => {
      ran.push(`push ${projectDir}`);
      pushedWith = JSON.parse(readFileSync(join(projectDir, '.clasp.json'), 'utf8'));
    },
  };
  return { steps, ran, pushed: () => pushedWith };
}

function writeRootFile(name: string, content: unknown): void {
  writeFileSync(join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('npm run sheets:push (the bound test copy)', () => {
  it('builds, then pushes dist/sheets/ with a .clasp.json naming SHEETS_SCRIPT_ID', () => {
    const { steps, ran, pushed } = recordingSteps();
    expect(pushSheets([], { SHEETS_SCRIPT_ID: ` ${BOUND_ID}\n` }, root, steps)).toEqual({
      target: 'bound',
      scriptId: BOUND_ID,
    });
    expect(ran).toEqual(['build', `push ${join(root, 'dist', 'sheets')}`]);
    expect(pushed()).toEqual({ scriptId: BOUND_ID, rootDir: '.' });
  });

  it('takes the id from .clasp.json in the repository root when the variable is not set', () => {
    writeRootFile('.clasp.json', { scriptId: BOUND_ID, rootDir: 'dist/sheets' });
    writeRootFile('.clasp.standalone.json', { scriptId: STANDALONE_ID });
    const { steps, pushed } = recordingSteps();
    pushSheets([], {}, root, steps);
    expect(pushed()).toEqual({ scriptId: BOUND_ID, rootDir: '.' });
  });

  it('prefers the variable to the file', () => {
    writeRootFile('.clasp.json', { scriptId: STANDALONE_ID });
    const { steps, pushed } = recordingSteps();
    pushSheets([], { SHEETS_SCRIPT_ID: BOUND_ID }, root, steps);
    expect(pushed()).toEqual({ scriptId: BOUND_ID, rootDir: '.' });
  });
});

describe('npm run sheets:push -- --standalone (the add-on published from a standalone project)', () => {
  it('pushes to SHEETS_STANDALONE_SCRIPT_ID', () => {
    const { steps, ran, pushed } = recordingSteps();
    const env = { SHEETS_SCRIPT_ID: BOUND_ID, SHEETS_STANDALONE_SCRIPT_ID: STANDALONE_ID };
    expect(pushSheets(['--standalone'], env, root, steps)).toEqual({
      target: 'standalone',
      scriptId: STANDALONE_ID,
    });
    expect(ran).toEqual(['build', `push ${join(root, 'dist', 'sheets')}`]);
    expect(pushed()).toEqual({ scriptId: STANDALONE_ID, rootDir: '.' });
  });

  it('takes the id from .clasp.standalone.json, as clasp create wrote it', () => {
    writeRootFile('.clasp.json', { scriptId: BOUND_ID });
    writeRootFile('.clasp.standalone.json', { scriptId: STANDALONE_ID, rootDir: '/tmp/addon' });
    const { steps, pushed } = recordingSteps();
    pushSheets(['--standalone'], { SHEETS_SCRIPT_ID: BOUND_ID }, root, steps);
    expect(pushed()).toEqual({ scriptId: STANDALONE_ID, rootDir: '.' });
  });
});

describe('sheets:push never pushes without an id of its own target', () => {
  const example = JSON.parse(
    readFileSync(new URL('../../../sheets-addon/.clasp.json.example', import.meta.url), 'utf8'),
  ) as unknown;

  it.each([
    [
      'nothing is configured',
      [],
      {},
      {},
      'No Apps Script project to push to: set SHEETS_SCRIPT_ID',
    ],
    [
      'the standalone id is missing, though the bound one is set',
      ['--standalone'],
      { SHEETS_SCRIPT_ID: BOUND_ID },
      { '.clasp.json': { scriptId: BOUND_ID } },
      'No standalone Apps Script project to push to: set SHEETS_STANDALONE_SCRIPT_ID',
    ],
    [
      'the bound id is missing, though the standalone one is set',
      [],
      { SHEETS_STANDALONE_SCRIPT_ID: STANDALONE_ID },
      { '.clasp.standalone.json': { scriptId: STANDALONE_ID } },
      'No Apps Script project to push to',
    ],
    [
      '.clasp.json still holds the example placeholder',
      [],
      {},
      { '.clasp.json': example },
      '.clasp.json holds no Apps Script id',
    ],
    [
      '.clasp.json is not JSON',
      [],
      {},
      { '.clasp.json': '{ scriptId: ' },
      '.clasp.json is not valid JSON',
    ],
    [
      'the variable is not an id',
      [],
      { SHEETS_SCRIPT_ID: 'https://script.google.com/d/x/edit' },
      {},
      'SHEETS_SCRIPT_ID is not an Apps Script id',
    ],
    [
      'the argument is unknown',
      ['--bound'],
      { SHEETS_SCRIPT_ID: BOUND_ID },
      {},
      'Unknown argument',
    ],
  ])('refuses when %s, before building', (_, argv, env, files, reason) => {
    for (const [name, content] of Object.entries(files)) writeRootFile(name, content);
    const { steps, ran } = recordingSteps();
    expect(() => pushSheets(argv, env, root, steps)).toThrow(reason);
    expect(ran).toEqual([]);
  });

  it('does not push when the build fails', () => {
    const { steps, ran } = recordingSteps();
    steps.build = () => {
      throw new Error('build failed');
    };
    expect(() => pushSheets([], { SHEETS_SCRIPT_ID: BOUND_ID }, root, steps)).toThrow(
      'build failed',
    );
    expect(ran).toEqual([]);
  });
});
