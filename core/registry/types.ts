// The shape of one function's entry in the registry: metadata, math and native formula.
import type { ParamKind } from '../args/kinds';
import type { CellInput } from '../values';

export type Category =
  | 'Funnel and conversion'
  | 'Cycle and activity'
  | 'Customers'
  | 'Cost and return'
  | 'Growth and goals'
  | 'People, vendors and status';

/** What a result means, which decides how it is displayed. */
export type ResultKind =
  'rate' | 'money' | 'moneyPerDay' | 'days' | 'months' | 'number' | 'nps' | 'status';

export interface ParamSpec {
  name: string;
  description: string;
  kind: ParamKind;
  /** Present for optional parameters: the value a blank or omitted argument takes. */
  default?: number | boolean;
}

/** A worked example: arguments as a user would type them and the expected result. */
export interface Example {
  args: (CellInput | CellInput[][])[];
  /** The expected value, or an error code. */
  result: number | string;
  /** What the example shows, for the docs. */
  note?: string;
}

/**
 * Why a computation fails, as the math states it; the evaluator turns it into a message
 * that names the function, the parameters and their values. A division's `reason` replaces
 * "is 0" where the denominator is a count of data rather than an argument's value.
 */
export type Problem =
  | { problem: 'divisionByZero'; param: number; reason?: string }
  | { problem: 'exceeds'; part: number; whole: number }
  | { problem: 'invalid'; param: number; reason: string };

/**
 * One argument of a native formula: an A1 reference or range (a string), a literal the formula
 * folds when it is generated, or a formula that always yields a valid value for its parameter
 * (a flag read from a yes/no cell, `J5<>"Yes"`), which needs no checks.
 */
export type NativeArg = string | number | boolean | { formula: string };

/**
 * The arguments of a native formula (core/formulas/natives.ts), one per parameter; undefined
 * for an omitted optional one.
 */
export type NativeArgs = readonly (NativeArg | undefined)[];

interface BaseSpec {
  name: string;
  category: Category;
  description: string;
  params: ParamSpec[];
  result: ResultKind;
  /**
   * Where the definition comes from, as a reader finds it: "standard industry definition", or a
   * published work by author, title and publication (core/functions/sources.ts).
   */
  source: string;
  examples: Example[];
}

/** A function computed element by element over scalar-or-range ("each") parameters. */
export interface EachFunctionSpec extends BaseSpec {
  mode: 'each';
  /** The math on checked numbers, one element; the arguments array is reused between calls. */
  compute: (x: readonly number[]) => number | string | Problem;
  /** For a *part ≤ whole* function: the parameters holding the part and its whole. */
  partOfWhole?: { part: number; whole: number };
}

/** A function over whole data sets ("set" parameters), returning one value. */
export interface SetFunctionSpec extends BaseSpec {
  mode: 'set';
  /** The math on checked data sets, aligned cell by cell; null marks a blank cell. */
  compute: (sets: readonly (readonly (number | null)[])[]) => number | Problem;
}

export type FunctionSpec = EachFunctionSpec | SetFunctionSpec;
