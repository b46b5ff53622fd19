// Loads the built Apps Script project as Apps Script V8 does (all files, one global scope) and calls every function the way Sheets does.
import { readFileSync, readdirSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../core/errors';
import { FUNCTIONS, callFunction } from '../../core/registry/index';
import type { FunctionSpec } from '../../core/registry/types';
import { hostCases, sheetsArgs } from '../support/host-cases';
import { closeTo } from '../support/results';

const DIR = new URL('../../dist/sheets/', import.meta.url);
const scripts = readdirSync(DIR)
  .filter((file) => file.endsWith('.js'))
  .sort();

/** The Apps Script services a project may touch while loading; custom functions may use none. */
function appsScriptGlobals(): Record<string, unknown> {
  const unavailable = (service: string) =>
    new Proxy(
      {},
      {
        get: (_, property) => {
          throw new Error(`${service}.${String(property)} is not available to custom functions`);
        },
      },
    );
  return {
    SpreadsheetApp: unavailable('SpreadsheetApp'),
    HtmlService: unavailable('HtmlService'),
    PropertiesService: unavailable('PropertiesService'),
    ScriptApp: unavailable('ScriptApp'),
    Session: unavailable('Session'),
    Utilities: unavailable('Utilities'),
    Logger: { log: () => undefined },
    console,
  };
}

/** All .js files in one context, in name order (Code.js before Core.js: no load-order dependency). */
function loadProject(): vm.Context {
  const context = vm.createContext(appsScriptGlobals());
  for (const file of scripts) {
    vm.runInContext(readFileSync(new URL(file, DIR), 'utf8'), context, { filename: file });
  }
  return context;
}

const context = loadProject();
type SheetsFunction = (...args: unknown[]) => unknown;
const sheetsFunction = (name: string) => context[name] as SheetsFunction;

function callSheets(name: string, args: unknown[]): { value?: unknown; thrown?: unknown } {
  try {
    return { value: sheetsFunction(name)(...args) };
  } catch (thrown) {
    return { thrown };
  }
}

function expectSameCell(cell: unknown, core: unknown): void {
  if (isKpiError(core)) expect(cell).toBe(core.code);
  else if (typeof core === 'number') expect(closeTo(cell as number, core)).toBe(true);
  else expect(cell).toBe(core);
}

describe('the Apps Script project in dist/sheets/', () => {
  it('holds Code.js and Core.js', () => {
    expect(scripts).toEqual(['Code.js', 'Core.js']);
  });

  it('defines every registry function as a global function, and no other upper-case global', () => {
    for (const spec of FUNCTIONS) expect(typeof context[spec.name], spec.name).toBe('function');
    const upperCaseGlobals = Object.keys(context).filter((key) => /^[A-Z][A-Z0-9_]*$/.test(key));
    expect(upperCaseGlobals.sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });

  it('keeps Code.js within its 80 KB budget and the whole project within 192 KB', () => {
    // Code.js is the budget. The core bundle beside it also carries the twelve templates
    // and the function help in two languages (about 100 KB of the total), so the project as a
    // whole gets its own cap, far below anything Apps Script limits.
    const sizes = scripts.map((file) => readFileSync(new URL(file, DIR)).length);
    expect(readFileSync(new URL('Code.js', DIR)).length).toBeLessThanOrEqual(80 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(192 * 1024);
  });
});

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('=%s', (name, spec) => {
  it.each(hostCases(spec).map((c) => [c.label, c] as const))('%s', (_, hostCase) => {
    const core = callFunction(name, hostCase.args);
    const sheets = callSheets(name, sheetsArgs(spec, hostCase.args, context));
    if (!Array.isArray(core) && isKpiError(core)) {
      // Thrown as "#CODE reason": the cell shows #ERROR! with that text on hover.
      expect(sheets.thrown).toBeInstanceOf(vm.runInContext('Error', context) as ErrorConstructor);
      const message = (sheets.thrown as Error).message;
      expect(message.startsWith(`${core.code} `)).toBe(true);
      expect(message).toBe(`${core.code} ${core.message}`);
    } else {
      expect(sheets.thrown).toBeUndefined();
      if (Array.isArray(core)) {
        const matrix = sheets.value as unknown[][];
        expect(matrix.map((row) => row.length)).toEqual(core.map((row) => row.length));
        core.forEach((row, r) => row.forEach((cell, c) => expectSameCell(matrix[r]![c], cell)));
        if (hostCase.blankRow !== undefined) expect(matrix[hostCase.blankRow]![0]).toBe('');
      } else {
        expectSameCell(sheets.value, core);
      }
    }
    if (typeof hostCase.expected === 'number') {
      expect(closeTo(sheets.value as number, hostCase.expected)).toBe(true);
    } else if (hostCase.expected === '#DIV/0!' || hostCase.expected === '#VALUE!') {
      expect((sheets.thrown as Error).message.startsWith(hostCase.expected)).toBe(true);
    } else if (hostCase.expected !== undefined) {
      expect(sheets.value).toBe(hostCase.expected);
    }
  });
});

describe('dates as Sheets passes them (Date objects of the script realm, TZ=Europe/Helsinki)', () => {
  const dateFunctions = FUNCTIONS.filter((spec) => spec.params.some((p) => p.kind === 'date'));

  it('has date functions to check', () => {
    expect(dateFunctions.length).toBeGreaterThan(0);
  });

  it.each(dateFunctions.map((spec) => [spec.name, spec] as const))(
    '%s counts whole days across the spring DST change',
    (name, spec) => {
      // 2026-03-28 → 2026-03-30 spans Helsinki's change to summer time: still 2 days.
      const open = vm.runInContext('new Date(2026, 2, 28)', context) as Date;
      const close = vm.runInContext('new Date(2026, 2, 30)', context) as Date;
      const args = spec.params.map((p) =>
        p.kind === 'date' ? [[p === spec.params[0] ? open : close]] : [[1]],
      );
      const core = callFunction(
        name,
        spec.params.map((p) =>
          p.kind === 'date' ? [[p === spec.params[0] ? 46109 : 46111]] : [[1]],
        ),
      );
      expectSameCell(callSheets(name, args).value, core);
    },
  );
});

/** A range of `rows` rows repeating the first example without an error, as Sheets passes it. */
function largeArgs(spec: FunctionSpec, rows: number): unknown[] | null {
  const example = spec.examples.find(
    (e) => typeof e.result !== 'string' || !e.result.startsWith('#'),
  );
  if (!example) return null;
  const args = sheetsArgs(spec, example.args, context);
  return args.map((arg) => {
    const source = Array.isArray(arg) ? (arg as unknown[][]) : [[arg]];
    return Array.from({ length: rows }, (_, r) => source[r % source.length]!);
  });
}

describe('100,000 rows come back well inside Sheets’ 30-second limit', () => {
  it.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
    const args = largeArgs(spec, 100_000);
    expect(args).not.toBeNull();
    const started = performance.now();
    const result = sheetsFunction(name)(...args!);
    const seconds = (performance.now() - started) / 1000;
    if (spec.mode === 'each') expect((result as unknown[][]).length).toBe(100_000);
    expect(seconds).toBeLessThan(5);
  });
});
