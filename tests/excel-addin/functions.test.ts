// Loads dist/excel/functions.js as Excel's shared runtime does and calls every function the way Excel does.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../core/errors';
import { FUNCTIONS, callFunction } from '../../core/registry/index';
import { excelArgs, hostCases } from '../support/host-cases';
import { closeTo } from '../support/results';
import { loadSpecFunctions } from '../support/spec';

const SCRIPT = new URL('../../dist/excel/functions.js', import.meta.url);

/** Excel's CustomFunctions.Error: a code from ErrorCode and an optional message. */
class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODE = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

type ExcelFunction = (...args: unknown[]) => unknown;

/** Runs the script in a bare context: no window, no document, no fetch, only CustomFunctions. */
function loadFunctions(): Map<string, ExcelFunction> {
  const associated = new Map<string, ExcelFunction>();
  const CustomFunctions = {
    associate(id: string, fn: ExcelFunction) {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
    Error: ExcelError,
    ErrorCode: ERROR_CODE,
  };
  const context = vm.createContext({ CustomFunctions });
  vm.runInContext(readFileSync(SCRIPT, 'utf8'), context, { filename: 'functions.js' });
  return associated;
}

const associated = loadFunctions();

/** What Excel got: the returned matrix, or the thrown value. */
function callExcel(fn: ExcelFunction, args: unknown[]): { value?: unknown; thrown?: unknown } {
  try {
    return { value: fn(...args) };
  } catch (thrown) {
    return { thrown };
  }
}

/** Checks one element Excel would show against the core's element. */
function expectSameCell(cell: unknown, core: unknown): void {
  expect(cell).not.toBeNull();
  expect(cell).not.toBeUndefined();
  if (isKpiError(core)) {
    expect(cell).toBeInstanceOf(ExcelError);
    expect((cell as ExcelError).code).toBe(core.code);
  } else if (typeof core === 'number') {
    expect(typeof cell).toBe('number');
    expect(closeTo(cell as number, core)).toBe(true);
  } else {
    expect(cell).toBe(core);
  }
}

describe('dist/excel/functions.js in a runtime without DOM', () => {
  it('associates every registry function, and nothing else', () => {
    expect([...associated.keys()].sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });

  it('covers exactly the functions of the spec catalogue', () => {
    expect(FUNCTIONS.map((f) => f.name)).toEqual(loadSpecFunctions().map((f) => f.name));
  });

  it('stays within its 40 KB budget', () => {
    expect(readFileSync(SCRIPT).length).toBeLessThanOrEqual(40 * 1024);
  });
});

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('=KPI.%s', (name, spec) => {
  const fn = associated.get(name)!;

  it.each(hostCases(spec).map((c) => [c.label, c] as const))('%s', (_, hostCase) => {
    const core = callFunction(name, hostCase.args);
    const excel = callExcel(fn, excelArgs(spec, hostCase.args));
    if (!Array.isArray(core) && isKpiError(core)) {
      // A single-value error is thrown; Excel keeps the reason only on #VALUE!.
      expect(excel.thrown).toBeInstanceOf(ExcelError);
      const error = excel.thrown as ExcelError;
      expect(error.code).toBe(core.code);
      if (core.code === '#VALUE!') expect(error.message).toBe(core.message);
      else expect(error.message).toBeUndefined();
    } else {
      expect(excel.thrown).toBeUndefined();
      const matrix = excel.value as unknown[][];
      const coreMatrix = Array.isArray(core) ? core : [[core]];
      expect(matrix.map((row) => row.length)).toEqual(coreMatrix.map((row) => row.length));
      coreMatrix.forEach((row, r) => row.forEach((cell, c) => expectSameCell(matrix[r]![c], cell)));
      if (hostCase.blankRow !== undefined) expect(matrix[hostCase.blankRow]![0]).toBe('');
    }
    if (typeof hostCase.expected === 'number') {
      expect(closeTo((excel.value as number[][])[0]![0]!, hostCase.expected)).toBe(true);
    } else if (hostCase.expected === '#DIV/0!' || hostCase.expected === '#VALUE!') {
      expect((excel.thrown as ExcelError).code).toBe(hostCase.expected);
    } else if (hostCase.expected !== undefined) {
      expect(excel.value).toEqual([[hostCase.expected]]);
    }
  });
});
