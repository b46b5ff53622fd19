// The built sales-kpi command, run as users run it (node bin/sales-kpi.js): output, exit codes, files.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build/cli';
import { ROOT } from '../../scripts/build/options';
import { readCells } from './workbook-cells';

const BIN = resolve(ROOT, 'bin', 'sales-kpi.js');

/** Runs the command with a neutral locale, so messages are English unless --lang says otherwise. */
function run(args: readonly string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace line ("    at foo (file.js:1:2)") or an uncaught error's name. */
const STACK = /^\s+at .+:\d+:\d+\)?$|^\w*Error:/m;

let dir = '';

beforeAll(async () => {
  // The command runs the bundle in dist/, so build it from the current sources first.
  await buildCli({ outDir: resolve(ROOT, 'dist'), baseUrl: 'https://localhost:3000/' });
  dir = mkdtempSync(join(tmpdir(), 'kpi-cli-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sales-kpi', () => {
  it('writes the file but says which given options the template does not use', () => {
    const out = join(dir, 'scorecard-ignored.xlsx');
    const { code, stderr } = run([
      'export',
      'scorecard',
      '--out',
      out,
      '--periods',
      '5',
      '--rows',
      '3',
    ]);
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(stderr).toContain('--periods does not apply to template "scorecard"');
    expect(stderr).toContain('--rows does not apply to template "scorecard"');
    const funnel = run([
      'export',
      'funnel',
      '--out',
      join(dir, 'funnel-used.xlsx'),
      '--periods',
      '5',
    ]);
    expect(funnel.stderr).toBe('');
  });

  it('stops quietly when the reader closes the pipe early (sales-kpi list | head -1)', () => {
    const result = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" list | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    });
    expect(result.stdout).toContain('Templates');
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stderr).not.toContain('EPIPE');
  });

  it('prints the usage with --help', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('sales-kpi export <template-id> --out <file.xlsx>');
    expect(stdout).toContain('--no-protect');
  });

  it('lists the twelve templates and the registry functions', () => {
    const { code, stdout } = run(['list']);
    expect(code).toBe(0);
    for (const id of ['scorecard', 'inhouse-vs-outsourced', 'vendor-evaluation', 'dashboard'])
      expect(stdout).toMatch(new RegExp(`^  ${id} +\\S`, 'm'));
    expect(stdout).toMatch(/^ {2}LEAD_CONVERSION +Share of leads/m);
  });

  it('exports a template and refuses to overwrite it without --force', async () => {
    const out = join(dir, 'funnel.xlsx');
    const first = run(['export', 'funnel', '--out', out, '--periods', '3', '--lang', 'fi']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(out);
    const before = readFileSync(out);
    const { cells } = await readCells(out);
    expect([...cells.values()].some((c) => c.formula !== undefined)).toBe(true);

    const again = run(['export', 'funnel', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; nothing was written');
    expect(readFileSync(out).equals(before)).toBe(true);

    const forced = run(['export', 'funnel', '--out', out, '--periods', '5', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).equals(before)).toBe(false);
  });

  it.each([
    [['export', 'nosuch', '--out', 'x.xlsx'], 2, 'nosuch'],
    [['export', 'funnel', '--out', 'x.xlsx', '--periods', '30'], 2, '30'],
    [['export', 'funnel', '--out', 'x.xlsx', '--periods', 'many'], 2, 'many'],
    [['export', 'funnel', '--out', 'x.xlsx', '--mode', 'fancy'], 2, 'fancy'],
    [['export', 'funnel', '--out', 'x.xlsx', '--start-month', '2026-13'], 2, '2026-13'],
    [['export', 'funnel'], 2, '--out'],
    [['export', 'funnel', '--out', 'x.xlsx', '--bogus'], 2, '--bogus'],
    [['frobnicate'], 2, 'frobnicate'],
  ])(
    'refuses %j with exit %i, a message naming %j, no stack trace and no file',
    (args, exit, named) => {
      const { code, stdout, stderr } = run(args, dir);
      expect(code).toBe(exit);
      expect(stderr).toContain(named);
      expect(stderr).toMatch(/^sales-kpi: /);
      expect(stderr).not.toMatch(STACK);
      expect(stdout).toBe('');
      expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    },
  );

  it('refuses an unwritable path with exit 1 and the reason', () => {
    const out = join(dir, 'no', 'such', 'folder', 'f.xlsx');
    const { code, stderr } = run(['export', 'roi', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot write ${out}: the folder does not exist`);
    expect(stderr).not.toMatch(STACK);

    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    const forced = run(['export', 'roi', '--out', folder, '--force']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('it is a folder');
    expect(forced.stderr).not.toMatch(STACK);
  });

  it('speaks Finnish with --lang fi, also when refusing', () => {
    const { code, stderr } = run(
      ['export', 'funnel', '--out', 'x.xlsx', '--lang', 'fi', '--rows', '0'],
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).not.toMatch(STACK);
    const english = run(['export', 'funnel', '--out', 'x.xlsx', '--rows', '0'], dir).stderr;
    expect(english).toContain('rows');
    // The same refusal, naming the same value, but not in English.
    expect(stderr).toContain(' 0');
    expect(stderr).not.toContain('rows');
    expect(run(['export', 'roi', '--lang', 'fi'], dir).stderr).toContain('--out <tiedosto.xlsx>');
  });

  it('tells to build first when the bundle is missing', () => {
    const bare = join(dir, 'bare');
    mkdirSync(join(bare, 'bin'), { recursive: true });
    copyFileSync(BIN, join(bare, 'bin', 'sales-kpi.js'));
    writeFileSync(join(bare, 'package.json'), '{"type":"module"}');
    const result = spawnSync(process.execPath, [join(bare, 'bin', 'sales-kpi.js'), 'list'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run npm run build first');
  });
});
