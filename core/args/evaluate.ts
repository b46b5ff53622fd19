// Shared argument handling driven by the registry: shapes, blanks, coercion, domains, errors.
import { KpiError, divisionError, shorten, valueError } from '../errors';
import type { EachFunctionSpec, FunctionSpec, Problem, SetFunctionSpec } from '../registry/types';
import type { KpiResult, ScalarResult } from '../values';
import { describeValue, isBlank, toNumber } from './coerce';
import { KIND_DOMAINS, domainProblem, type ParamKind } from './kinds';

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

/**
 * Element (r, c) of an "each" call: range arguments give their cell, scalar ones (in `raw`)
 * their value. The quick pass accepts only in-domain numbers, flag booleans and blanks, and
 * hands anything else to `checkElement`, so the checks and their order live in one place.
 */
function evaluateElement(
  plan: EachPlan,
  ranges: readonly (unknown[][] | null)[],
  raw: unknown[],
  r: number,
  c: number,
): ScalarResult {
  const scratch = plan.scratch;
  let blank = false;
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    const value = range ? range[r]![c] : raw[i];
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
    return checkElement(plan, readElement(ranges, raw, r, c));
  }
  return blank ? '' : finishElement(plan.spec, scratch);
}

/**
 * One element of an "each" function, checks in the spec's order: blank → ""; not a number →
 * #VALUE!; out of domain → #VALUE!; then the math's own #DIV/0! and part-exceeds-whole checks.
 */
function checkElement(plan: EachPlan, raw: readonly unknown[]): ScalarResult {
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
    const n = typeof value === 'number' ? value : toNumber(value, plan.acceptBoolean[i]);
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

function evaluateEach(spec: EachFunctionSpec, args: readonly unknown[]): KpiResult {
  const plan = planFor(spec);
  const count = spec.params.length;
  const shaped: Shaped[] = [];
  let rows = 1;
  let cols = 1;
  let rangeParam = -1;
  for (let i = 0; i < count; i++) {
    const s = shape(args[i]);
    if (typeof s === 'string') return valueError(`${spec.name}: ${spec.params[i]!.name} ${s}`);
    shaped.push(s);
    if (!s.range) continue;
    if (rangeParam < 0) {
      rangeParam = i;
      rows = s.rows;
      cols = s.cols;
    } else if (s.rows !== rows || s.cols !== cols) {
      return valueError(
        `${spec.name}: ${spec.params[rangeParam]!.name} (${rows}×${cols}) and ` +
          `${spec.params[i]!.name} (${s.rows}×${s.cols}) must be ranges of the same shape`,
      );
    }
  }
  const raw: unknown[] = shaped.map((s) => s.scalar);
  const ranges = shaped.map((s) => s.range);
  if (rangeParam < 0) return evaluateElement(plan, ranges, raw, 0, 0);
  const out: ScalarResult[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    // Rows start as a literal, not `new Array(cols)`: V8 then allocates the million rows of a
    // long column straight into old space instead of copying them through the young one.
    const row: ScalarResult[] = [evaluateElement(plan, ranges, raw, r, 0)];
    for (let c = 1; c < cols; c++) row.push(evaluateElement(plan, ranges, raw, r, c));
    out[r] = row;
  }
  return out;
}

function evaluateSet(spec: SetFunctionSpec, args: readonly unknown[]): ScalarResult {
  const sets: (number | null)[][] = [];
  let length = -1;
  let rows = 0;
  let cols = 0;
  let notNumber: KpiError | null = null;
  let outOfDomain: KpiError | null = null;
  for (let i = 0; i < spec.params.length; i++) {
    const param = spec.params[i]!;
    const s = shape(args[i]);
    if (typeof s === 'string') return valueError(`${spec.name}: ${param.name} ${s}`);
    const range = s.range ?? [[s.scalar]];
    if (length >= 0 && (s.rows !== rows || s.cols !== cols)) {
      return valueError(
        `${spec.name}: ${spec.params[0]!.name} (${rows}×${cols}) and ${param.name} ` +
          `(${s.rows}×${s.cols}) must be ranges of the same shape`,
      );
    }
    rows = s.rows;
    cols = s.cols;
    length = rows * cols;
    const set: (number | null)[] = new Array(length);
    const bounds = boundsOf(param.kind);
    const acceptBoolean = param.kind === 'flag';
    let j = 0;
    for (const row of range) {
      for (let c = 0; c < row.length; c++, j++) {
        const value = row[c];
        if (typeof value === 'number' && inBounds(bounds, value)) {
          set[j] = value;
          continue;
        }
        if (isBlank(value)) {
          set[j] = null;
          continue;
        }
        const n = toNumber(value, acceptBoolean);
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
 * KpiError value (for a range call, in the element it concerns).
 */
export function evaluate(spec: FunctionSpec, args: readonly unknown[]): KpiResult {
  try {
    const tooMany = tooManyArguments(spec, args.length);
    if (tooMany) return tooMany;
    return spec.mode === 'each' ? evaluateEach(spec, args) : evaluateSet(spec, args);
  } catch (error) {
    // A bug must still surface as a spreadsheet error, never as a host crash.
    return valueError(`${spec.name}: internal error (${shorten(String(error))})`);
  }
}
