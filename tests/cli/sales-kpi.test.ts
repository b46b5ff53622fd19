// The built sales-kpi command, run as users run it (node bin/sales-kpi.js): output, exit codes, files.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
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
    // A funnel counts leads, not money; the ROI calculator is all money.
    const moneyless = run(['export', 'funnel', '--out', join(dir, 'f.xlsx'), '--currency', 'USD']);
    expect(moneyless.stderr).toContain('--currency does not apply to template "funnel"');
    const roi = run(['export', 'roi', '--out', join(dir, 'roi.xlsx'), '--currency', 'USD']);
    expect(roi.stderr).toBe('');
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

  const hasDevFull = existsSync('/dev/full');
  if (!hasDevFull) console.warn('Skipping the full-disk output test: /dev/full is missing here.');

  it.skipIf(!hasDevFull)(
    'says in one line that it could not write its output to a full disk (> /dev/full)',
    () => {
      for (const [args, message] of [
        [['list'], 'Could not write the output: ENOSPC'],
        [['--help', '--lang', 'fi'], 'Tulostetta ei voitu kirjoittaa: ENOSPC'],
      ] as const) {
        const full = openSync('/dev/full', 'w');
        try {
          const result = spawnSync(process.execPath, [BIN, ...args], {
            cwd: ROOT,
            encoding: 'utf8',
            stdio: ['ignore', full, 'pipe'],
            env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
          });
          expect(result.status).toBe(1);
          expect(result.stderr).not.toMatch(STACK);
          expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(result.stderr).toMatch(new RegExp(`^sales-kpi: ${message}`));
        } finally {
          closeSync(full);
        }
      }
    },
  );

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
    [['export', 'funnel', '--out', 'x.xlsx', '--periods', '0x0c'], 2, '0x0c'],
    [['export', 'funnel', '--out', 'x.xlsx', '--periods', '0b11'], 2, '0b11'],
    [['export', 'activity', '--out', 'x.xlsx', '--rows', '1e1'], 2, '1e1'],
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

  it('--force does not replace a symbolic link, nor write where it points', () => {
    const target = join(dir, 'target.xlsx');
    const link = join(dir, 'link.xlsx');
    writeFileSync(target, 'keep me');
    symlinkSync(target, link);
    const { code, stderr } = run(['export', 'roi', '--out', link, '--force']);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot write ${link}: it is a symbolic link`);
    expect(stderr).not.toMatch(STACK);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('--force does not replace a read-only file', () => {
    const out = join(dir, 'read-only.xlsx');
    writeFileSync(out, 'keep me');
    chmodSync(out, 0o444);
    const { code, stderr } = run(['export', 'roi', '--out', out, '--force']);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot write ${out}: the file is read-only`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('--force keeps the permissions of the file it replaces', () => {
    const out = join(dir, 'private.xlsx');
    writeFileSync(out, 'old', { mode: 0o600 });
    chmodSync(out, 0o600);
    expect(run(['export', 'roi', '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  // Only root can give a file to another user; other users skip this with the reason.
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) console.warn("Skipping the other user's file test: it needs root to chown a file.");

  it.skipIf(!isRoot)("--force does not replace another user's file, even a writable one", () => {
    const out = join(dir, 'someone-else.xlsx');
    writeFileSync(out, 'keep me', { mode: 0o666 });
    chmodSync(out, 0o666);
    chownSync(out, 65534, 65534);
    const { code, stderr } = run(['export', 'roi', '--out', out, '--force']);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot write ${out}: the file belongs to another user`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(statSync(out).uid).toBe(65534);
  });

  it('exits 3 with the row report on standard error when rows of --data were left out', () => {
    const out = join(dir, 'messy-pipeline.xlsx');
    const data = resolve(ROOT, 'tests', 'fixtures', 'crm', 'messy-deals.csv');
    const { code, stdout, stderr } = run(['export', 'pipeline', '--data', data, '--out', out]);
    expect(code).toBe(3);
    expect(existsSync(out)).toBe(true);
    expect(stdout).toContain('Read 7 deals');
    expect(stderr).toContain('6 rows reported, 5 of them left out:');
    expect(stderr).toContain('  row 9, column "Amount", value "n/a": not a number; left out');
    expect(stderr).not.toMatch(STACK);
  });

  it('speaks Finnish with --lang fi, also when refusing', () => {
    const { code, stderr } = run(
      ['export', 'funnel', '--out', 'x.xlsx', '--lang', 'fi', '--rows', '0'],
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).not.toMatch(STACK);
    const english = run(['export', 'funnel', '--out', 'x.xlsx', '--rows', '0'], dir).stderr;
    expect(english).toMatch(/rows/i);
    // The same refusal, naming the same value, but not in English.
    expect(stderr).toContain(' 0');
    expect(stderr).not.toMatch(/rows/i);
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
