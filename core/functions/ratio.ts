// The shared shape of "part / whole" functions: metadata plus math plus native formula.
import type { ParamKind } from '../args/kinds';
import { requiredRefs, whenFilled } from '../formulas/native';
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

/** A registry entry computing numerator / denominator, #DIV/0! on a zero denominator. */
export function ratioFunction(def: RatioDefinition): EachFunctionSpec {
  const compute = def.partOfWhole
    ? (x: readonly number[]) =>
        x[1] === 0 ? DIVIDE_BY_SECOND : x[0]! > x[1]! ? FIRST_EXCEEDS_SECOND : x[0]! / x[1]!
    : (x: readonly number[]) => (x[1] === 0 ? DIVIDE_BY_SECOND : x[0]! / x[1]!);
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
    native: (refs) => {
      const [a, b] = requiredRefs(def.name, refs, 2);
      return whenFilled([a!, b!], `${a}/${b}`);
    },
  };
}
