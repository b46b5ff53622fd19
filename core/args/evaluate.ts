// Shared argument handling driven by the registry: shapes, blanks, coercion, domains, errors.
import { KpiError, divisionError, shorten, valueError } from '../errors';
import type { EachFunctionSpec, FunctionSpec, Problem, SetFunctionSpec } from '../registry/types';
import type { ScalarResult } from '../values';
import { describeValue, isBlank, toNumber } from './coerce';
import { KIND_DOMAINS, domainProblem, type ParamKind } from './kinds';

/** What a host changes in how cells are read and results returned; the core's forms by default. */
export interface HostConventions<E = KpiError> {
  /** An error inside a range result as the host returns it (Excel: its Error object). */
  cellError?: (error: KpiError) => E;
  /** The serial number of a Date cell (Sheets: in the spreadsheet's time zone). */
  dateSerial?: (date: Date) => number;
}

/** A 2-D view of one argument: a scalar, or a range with its shape. */
interface Shaped {
  range: unknown[][] | null;
  scalar: unknown;
  rows: number;
  cols: number;
}

/** Reads an argument as scalar or rectangular range; a 1×1 range counts as a scalar. */
function shape(arg: unknown): Shaped | string {
  if (!Array.isArray(arg)) return { range: null, scalar: arg, rows: 1, cols: 1 };
  // One pass over the rows (a long column does not fit in cache): are they all arrays, and
  // all as long as the first?
  let allArrays = arg.length > 0;
  let rectangular = true;
  for (const row of arg) {
    if (!Array.isArray(row)) {
      allArrays = false;
      break;
    }
    if (row.length !== (arg[0] as unknown[]).length) rectangular = false;
  }
  const rows: unknown[][] = allArrays ? arg : [arg];
  const cols = rows[0]?.length ?? 0;
  if (cols === 0) return 'is an empty range';
  if (allArrays && !rectangular) return 'is not a rectangular range';
  if (rows.length === 1 && cols === 1)
    return { range: null, scalar: rows[0]![0], rows: 1, cols: 1 };
  return { range: rows, scalar: undefined, rows: rows.length, cols };
}

/**
 * An argument's shape read from its first row alone, or null when it is not a range of rows
 * (then `shape` reads it). The caller checks every other row as it reads it and starts over
 * with `shape` if one is not an array as long as the first, so a long column is read once.
 */
function quickShape(arg: unknown): Shaped | null {
  if (!Array.isArray(arg) || arg.length === 0) return null;
  const first: unknown = arg[0];
  if (!Array.isArray(first) || first.length === 0) return null;
  if (arg.length === 1 && first.length === 1)
    return { range: null, scalar: first[0], rows: 1, cols: 1 };
  return { range: arg as unknown[][], scalar: undefined, rows: arg.length, cols: first.length };
}

function problemToError(spec: FunctionSpec, problem: Problem, x: readonly unknown[]): KpiError {
  const p = spec.params;
  switch (problem.problem) {
    case 'divisionByZero':
      return divisionError(`${spec.name}: ${p[problem.param]!.name} ${problem.reason ?? 'is 0'}`);
    case 'exceeds':
      return valueError(
        `${spec.name}: ${p[problem.part]!.name} (${describeValue(x[problem.part])}) cannot exceed ` +
          `${p[problem.whole]!.name} (${describeValue(x[problem.whole])})`,
      );
    case 'invalid':
      return valueError(`${spec.name}: ${p[problem.param]!.name} ${problem.reason}`);
  }
}

function finishNumber(spec: FunctionSpec, value: number): number | KpiError {
  if (Number.isFinite(value)) return value === 0 ? 0 : value;
  return valueError(`${spec.name}: the result is too large to represent`);
}

function tooManyArguments(spec: FunctionSpec, count: number): KpiError | null {
  return count > spec.params.length
    ? valueError(`${spec.name}: takes at most ${spec.params.length} arguments, got ${count}`)
    : null;
}

/** A kind's domain as plain bounds, for the quick test that a number needs no further check. */
interface Bounds {
  min: number;
  max: number;
  integer: boolean;
}

function boundsOf(kind: ParamKind): Bounds {
  const domain = KIND_DOMAINS[kind];
  // MAX_VALUE rather than Infinity, so infinities fail the quick test and get the full checks.
  return {
    min: domain.min ?? -Number.MAX_VALUE,
    max: domain.max ?? Number.MAX_VALUE,
    integer: domain.integer === true,
  };
}

/** True when `value` is a finite number inside the bounds; false also for NaN. */
function inBounds(bounds: Bounds, value: number): boolean {
  return value >= bounds.min && value <= bounds.max && (!bounds.integer || Number.isInteger(value));
}

/** Precomputed per-function facts so the per-element loop does no lookups. */
interface EachPlan {
  spec: EachFunctionSpec;
  optional: boolean[];
  defaults: number[];
  acceptBoolean: boolean[];
  scratch: number[];
  bounds: Bounds[];
}

const eachPlans = new WeakMap<EachFunctionSpec, EachPlan>();

function planFor(spec: EachFunctionSpec): EachPlan {
  let plan = eachPlans.get(spec);
  if (!plan) {
    plan = {
      spec,
      optional: spec.params.map((p) => p.default !== undefined),
      defaults: spec.params.map((p) => (p.default === undefined ? 0 : Number(p.default))),
      acceptBoolean: spec.params.map((p) => p.kind === 'flag'),
      scratch: spec.params.map(() => 0),
      bounds: spec.params.map((p) => boundsOf(p.kind)),
    };
    eachPlans.set(spec, plan);
  }
  return plan;
}

/** The math's result as a cell value: a checked number, a status text, or the math's error. */
function finishElement(spec: EachFunctionSpec, scratch: readonly number[]): ScalarResult {
  const result = spec.compute(scratch);
  if (typeof result === 'number') return finishNumber(spec, result);
  if (typeof result === 'string') return result;
  return problemToError(spec, result, scratch);
}

/** What `evaluateElement` returns when a row it reads is not an array `cols` cells long. */
const MISFIT = null;

/** True when row `r` of every range argument from index `from` on is an array of `cols` cells. */
function rowsFit(
  ranges: readonly (unknown[][] | null)[],
  r: number,
  cols: number,
  from: number,
): boolean {
  for (let i = from; i < ranges.length; i++) {
    const row: unknown = ranges[i]?.[r];
    if (ranges[i] && (!Array.isArray(row) || row.length !== cols)) return false;
  }
  return true;
}

/**
 * Element (r, c) of an "each" call: range arguments give their cell, scalar ones (in `raw`)
 * their value. The quick pass accepts only in-domain numbers, flag booleans and blanks, and
 * hands anything else to `checkElement`, so the checks and their order live in one place.
 * With `cols` (not 0), each row read is first checked to be an array of `cols` cells.
 */
function evaluateElement(
  plan: EachPlan,
  ranges: readonly (unknown[][] | null)[],
  raw: unknown[],
  r: number,
  c: number,
  dateSerial: ((date: Date) => number) | undefined,
  cols: number,
): ScalarResult | typeof MISFIT {
  const scratch = plan.scratch;
  let blank = false;
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    let value: unknown;
    if (range) {
      const row: unknown = range[r];
      if (cols !== 0 && (!Array.isArray(row) || row.length !== cols)) return MISFIT;
      value = (row as unknown[])[c];
    } else value = raw[i];
    if (typeof value === 'number') {
      if (inBounds(plan.bounds[i]!, value)) {
        scratch[i] = value;
        continue;
      }
    } else if (value === null || value === undefined || value === '') {
      if (plan.optional[i]) scratch[i] = plan.defaults[i]!;
      else blank = true;
      continue;
    } else if (typeof value === 'boolean' && plan.acceptBoolean[i]) {
      scratch[i] = value ? 1 : 0;
      continue;
    }
    // The full checks read every argument's cell: the rows not reached yet are checked first.
    if (cols !== 0 && !rowsFit(ranges, r, cols, i + 1)) return MISFIT;
    return checkElement(plan, readElement(ranges, raw, r, c), dateSerial);
  }
  return blank ? '' : finishElement(plan.spec, scratch);
}

/**
 * One element of an "each" function, checks in the spec's order: blank → ""; not a number →
 * #VALUE!; out of domain → #VALUE!; then the math's own #DIV/0! and part-exceeds-whole checks.
 */
function checkElement(
  plan: EachPlan,
  raw: readonly unknown[],
  dateSerial: ((date: Date) => number) | undefined,
): ScalarResult {
  const { spec, scratch } = plan;
  const params = spec.params;
  let blank = false;
  let notNumber = -1;
  let outOfDomain = -1;
  let domainReason: string | null = null;
  for (let i = 0; i < params.length; i++) {
    const value = raw[i];
    if (isBlank(value)) {
      if (plan.optional[i]) scratch[i] = plan.defaults[i]!;
      else blank = true;
      continue;
    }
    const n =
      typeof value === 'number' ? value : toNumber(value, plan.acceptBoolean[i], dateSerial);
    if (!Number.isFinite(n)) {
      if (notNumber < 0) notNumber = i;
      continue;
    }
    scratch[i] = n;
    if (outOfDomain < 0) {
      domainReason = domainProblem(params[i]!.kind, n);
      if (domainReason !== null) outOfDomain = i;
    }
  }
  if (blank) return '';
  if (notNumber >= 0) {
    const value = raw[notNumber];
    const what = typeof value === 'number' ? 'is not a finite number' : 'is not a number';
    return valueError(`${spec.name}: ${params[notNumber]!.name} (${describeValue(value)}) ${what}`);
  }
  if (outOfDomain >= 0) {
    return valueError(
      `${spec.name}: ${params[outOfDomain]!.name} (${describeValue(scratch[outOfDomain])}) ${domainReason}`,
    );
  }
  return finishElement(spec, scratch);
}

/** Copies cell (r, c) of every range argument into `raw`, next to the scalar arguments. */
function readElement(
  ranges: readonly (unknown[][] | null)[],
  raw: unknown[],
  r: number,
  c: number,
): unknown[] {
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (range) raw[i] = range[r]![c];
  }
  return raw;
}

/**
 * An "each" call. With `quick`, shapes are read from first rows and every row is checked as
 * the loop reaches it; anything unexpected (including any shape error) starts the call over
 * without `quick`, which checks all shapes first and reports the error the spec asks for.
 */
function evaluateEach<E>(
  spec: EachFunctionSpec,
  args: readonly unknown[],
  host: HostConventions<E>,
  quick = true,
): ScalarResult | (number | string | E)[][] {
  const plan = planFor(spec);
  const count = spec.params.length;
  const ranges: (unknown[][] | null)[] = [];
  const raw: unknown[] = [];
  let rows = 1;
  let cols = 1;
  let rangeParam = -1;
  for (let i = 0; i < count; i++) {
    const s = (quick ? quickShape(args[i]) : null) ?? shape(args[i]);
    let problem: string | null = null;
    if (typeof s === 'string') problem = `${spec.params[i]!.name} ${s}`;
    else if (s.range && rangeParam < 0) {
      rangeParam = i;
      rows = s.rows;
      cols = s.cols;
    } else if (s.range && (s.rows !== rows || s.cols !== cols)) {
      problem =
        `${spec.params[rangeParam]!.name} (${rows}×${cols}) and ` +
        `${spec.params[i]!.name} (${s.rows}×${s.cols}) must be ranges of the same shape`;
    }
    if (typeof s === 'string' || problem !== null)
      return quick ? evaluateEach(spec, args, host, false) : valueError(`${spec.name}: ${problem}`);
    ranges.push(s.range);
    raw.push(s.scalar);
  }
  const { dateSerial } = host;
  // Without a range there is no row to check: the element is never MISFIT.
  if (rangeParam < 0) return evaluateElement(plan, ranges, raw, 0, 0, dateSerial, 0)!;
  // Errors take the host's form as the rows are built, so the host returns this very matrix
  // instead of copying it.
  const cellError = host.cellError ?? ((error: KpiError) => error as E);
  const out: (number | string | E)[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    // The row is checked as its first cell is read; its other cells need no second check.
    let value = evaluateElement(plan, ranges, raw, r, 0, dateSerial, quick ? cols : 0);
    if (value === MISFIT) return evaluateEach(spec, args, host, false);
    // Rows start as a literal, not `new Array(cols)`: V8 then allocates the million rows of a
    // long column straight into old space instead of copying them through the young one.
    const row = [typeof value === 'object' ? cellError(value) : value];
    for (let c = 1; c < cols; c++) {
      value = evaluateElement(plan, ranges, raw, r, c, dateSerial, 0)!;
      row.push(typeof value === 'object' ? cellError(value) : value);
    }
    out[r] = row;
  }
  return out;
}

/**
 * Arrays for the data sets of "set" calls: per parameter, those of the last two lengths met,
 * most recent first, refilled by the next call of the same length. A fresh array of 100,000
 * cells costs more than checking them (it is allocated outside the young generation, page by
 * page); keeping two lengths serves a sheet that calls a function on ranges of two sizes.
 */
const setBuffers: (number | null)[][][] = [];

/** The array for parameter `i`'s data set of `length` cells. */
function setBuffer(i: number, length: number): (number | null)[] {
  const kept = setBuffers[i] ?? [];
  const buffer = kept.find((b) => b.length === length) ?? new Array<number | null>(length);
  setBuffers[i] = [buffer, ...kept.filter((b) => b !== buffer)].slice(0, 2);
  return buffer;
}

/** A "set" call; `quick` as for `evaluateEach`. */
function evaluateSet(
  spec: SetFunctionSpec,
  args: readonly unknown[],
  dateSerial: ((date: Date) => number) | undefined,
  quick = true,
): ScalarResult {
  const sets: (number | null)[][] = [];
  let length = -1;
  let rows = 0;
  let cols = 0;
  let notNumber: KpiError | null = null;
  let outOfDomain: KpiError | null = null;
  for (let i = 0; i < spec.params.length; i++) {
    const param = spec.params[i]!;
    const s = (quick ? quickShape(args[i]) : null) ?? shape(args[i]);
    if (typeof s === 'string') {
      if (quick) return evaluateSet(spec, args, dateSerial, false);
      return valueError(`${spec.name}: ${param.name} ${s}`);
    }
    const range = s.range ?? [[s.scalar]];
    if (length >= 0 && (s.rows !== rows || s.cols !== cols)) {
      if (quick) return evaluateSet(spec, args, dateSerial, false);
      return valueError(
        `${spec.name}: ${spec.params[0]!.name} (${rows}×${cols}) and ${param.name} ` +
          `(${s.rows}×${s.cols}) must be ranges of the same shape`,
      );
    }
    rows = s.rows;
    cols = s.cols;
    length = rows * cols;
    const set = setBuffer(i, length);
    const bounds = boundsOf(param.kind);
    const acceptBoolean = param.kind === 'flag';
    let j = 0;
    for (let r = 0; r < range.length; r++) {
      const row = range[r]!;
      if (quick && (!Array.isArray(row) || row.length !== cols))
        return evaluateSet(spec, args, dateSerial, false);
      for (let c = 0; c < cols; c++, j++) {
        const value = row[c];
        if (typeof value === 'number' && inBounds(bounds, value)) {
          set[j] = value;
          continue;
        }
        if (isBlank(value)) {
          set[j] = null;
          continue;
        }
        const n = toNumber(value, acceptBoolean, dateSerial);
        if (!Number.isFinite(n)) {
          notNumber ??= valueError(
            `${spec.name}: ${param.name} (${describeValue(value)}) is not a number`,
          );
          set[j] = null;
          continue;
        }
        const reason = domainProblem(param.kind, n);
        if (reason !== null)
          outOfDomain ??= valueError(`${spec.name}: ${param.name} (${describeValue(n)}) ${reason}`);
        set[j] = n;
      }
    }
    sets.push(set);
  }
  if (notNumber) return notNumber;
  if (outOfDomain) return outOfDomain;
  const result = spec.compute(sets);
  if (typeof result === 'number') return finishNumber(spec, result);
  return problemToError(spec, result, []);
}

/**
 * Evaluates a registry function on host arguments. Never throws: every failure is a
 * KpiError value (for a range call, in the element it concerns, in the host's form).
 */
export function evaluate<E = KpiError>(
  spec: FunctionSpec,
  args: readonly unknown[],
  host: HostConventions<E> = {},
): ScalarResult | (number | string | E)[][] {
  try {
    const tooMany = tooManyArguments(spec, args.length);
    if (tooMany) return tooMany;
    return spec.mode === 'each'
      ? evaluateEach(spec, args, host)
      : evaluateSet(spec, args, host.dateSerial);
  } catch (error) {
    // A bug must still surface as a spreadsheet error, never as a host crash.
    return valueError(`${spec.name}: internal error (${shorten(String(error))})`);
  }
}
