// The shared shape of "part / whole" functions: metadata plus math plus native formula.
import type { ParamKind } from '../args/kinds';
import {
  compare,
  constant,
  over,
  type Check,
  type NativeDefinition,
  type Term,
} from '../formulas/native';
import type { Category, EachFunctionSpec, Example, Problem, ResultKind } from '../registry/types';

const DIVIDE_BY_SECOND: Problem = { problem: 'divisionByZero', param: 1 };
const FIRST_EXCEEDS_SECOND: Problem = { problem: 'exceeds', part: 0, whole: 1 };

export interface RatioDefinition {
  name: string;
  category: Category;
  description: string;
  numerator: { name: string; description: string; kind: ParamKind };
  denominator: { name: string; description: string; kind: ParamKind };
  result: ResultKind;
  /** The numerator is a part of the denominator, so it may not exceed it. */
  partOfWhole: boolean;
  source: string;
  examples: Example[];
}

/** The checks of part / whole in the spec's order: #DIV/0! for a zero whole, then #VALUE! for a part above it. */
function partOfWholeChecks(part: Term, whole: Term): Check[] {
  return [
    { when: compare(whole, '=', constant(0)), error: '#DIV/0!' },
    { when: compare(part, '>', whole), error: '#VALUE!' },
  ];
}

/** A registry entry computing numerator / denominator, #DIV/0! on a zero denominator. */
export function ratioFunction(def: RatioDefinition): EachFunctionSpec {
  const compute = def.partOfWhole
    ? (x: readonly number[]) =>
        x[1] === 0 ? DIVIDE_BY_SECOND : x[0]! > x[1]! ? FIRST_EXCEEDS_SECOND : x[0]! / x[1]!
    : (x: readonly number[]) => (x[1] === 0 ? DIVIDE_BY_SECOND : x[0]! / x[1]!);
  RATIOS.add(def.name);
  return {
    mode: 'each',
    name: def.name,
    category: def.category,
    description: def.description,
    params: [def.numerator, def.denominator],
    result: def.result,
    source: def.source,
    examples: def.examples,
    compute,
    ...(def.partOfWhole ? { partOfWhole: { part: 0, whole: 1 } } : {}),
  };
}

/** The names of the functions made by `ratioFunction`, which share one native formula. */
const RATIOS = new Set<string>();

/** Whether `name` is a numerator / denominator function made by `ratioFunction`. */
export function isRatioFunction(name: string): boolean {
  return RATIOS.has(name);
}

/** The native formula of every ratio: part / whole, after the zero and part-above-whole checks. */
export const ratioNative: NativeDefinition = {
  each: ([part, whole], spec) => ({
    checks: spec.partOfWhole ? partOfWholeChecks(part!.number, whole!.number) : [],
    result: over(part!.value, whole!.value),
  }),
};
