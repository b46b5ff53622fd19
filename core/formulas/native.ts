// Building blocks for the registry's native ("portable") formulas: the spec's checks in order, literals folded.
import { KIND_DOMAINS, domainProblem, type ParamKind } from '../args/kinds';
import type { EachFunctionSpec, NativeArg, NativeArgs, ParamSpec } from '../registry/types';

/*
 * A native formula answers like its function for every input (spec rule 5 and templates.md,
 * "Same answer includes bad input"):
 *
 *   IF(<a required cell is blank>,"",
 *   IF(<a cell is TRUE/FALSE, text that is not a number, or out of its domain>,#VALUE!,
 *   IF(<the function's own checks, in order>,#DIV/0! or #VALUE!, … <the arithmetic>)))
 *
 * Numbers typed as text ("120", "25%") count as numbers, as in the functions: arithmetic reads
 * them by itself, and comparisons read them through VALUE(). A TRUE/FALSE cell is caught by
 * ISLOGICAL, since VALUE(TRUE) is 1 in some spreadsheets (LibreOffice). A literal argument needs no
 * check and is folded into the arithmetic when the formula is generated, so the sheet shows
 * `B5*0.9`, not `B5*(1-IF(FALSE()="",0.1,0.1))`.
 */

/** How tightly a piece of formula binds, so operators add brackets only where they are needed. */
const Binds = { Comparison: 1, Sum: 2, Product: 3, Power: 4, Atom: 5 } as const;
type Binds = (typeof Binds)[keyof typeof Binds];

/** A piece of formula, and its value when it is known when the formula is generated. */
export interface Term {
  text: string;
  binds: Binds;
  value?: number | boolean;
}

/** A reference, a function call or anything else that needs no brackets. */
function atom(text: string): Term {
  return { text, binds: Binds.Atom };
}

/** Numbers are written with at most 15 significant digits, as spreadsheets keep them (1 − 0.7 is 0.3). */
function shown(value: number): number {
  return Number(value.toPrecision(15));
}

/**
 * A literal in invariant formula syntax. Booleans are written TRUE()/FALSE(), which every
 * engine accepts (HyperFormula does not know the bare constants).
 */
export function literal(value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE()' : 'FALSE()';
  return String(shown(value));
}

/** A literal as a term; a negative number binds like a sum, so `B5*(-2)` keeps its brackets. */
export function constant(value: number | boolean): Term {
  const folded = typeof value === 'number' ? shown(value) : value;
  const negative = typeof folded === 'number' && folded < 0;
  return { text: literal(folded), binds: negative ? Binds.Sum : Binds.Atom, value: folded };
}

const EMPTY: Term = { text: '""', binds: Binds.Atom };
const VALUE_ERROR: Term = { text: '#VALUE!', binds: Binds.Atom };
const DIV_ERROR: Term = { text: '#DIV/0!', binds: Binds.Atom };

/** The error values a check gives, as formula literals (valid in Excel, Sheets, LibreOffice, HyperFormula). */
export type ErrorCode = '#VALUE!' | '#DIV/0!';

function bracketed(term: Term, atLeast: Binds): string {
  return term.binds >= atLeast ? term.text : `(${term.text})`;
}

function isNumber(term: Term): term is Term & { value: number } {
  return typeof term.value === 'number';
}

/** a + b, folded when both are known; + 0 left out. */
export function plus(a: Term, b: Term): Term {
  if (isNumber(a) && isNumber(b)) return constant(a.value + b.value);
  if (b.value === 0) return a;
  if (a.value === 0) return b;
  return { text: `${bracketed(a, Binds.Sum)}+${bracketed(b, Binds.Sum)}`, binds: Binds.Sum };
}

/** a − b, folded when both are known; − 0 left out. */
export function minus(a: Term, b: Term): Term {
  if (isNumber(a) && isNumber(b)) return constant(a.value - b.value);
  if (b.value === 0) return a;
  return { text: `${bracketed(a, Binds.Sum)}-${bracketed(b, Binds.Product)}`, binds: Binds.Sum };
}

/**
 * a × b, folded when both are known; × 1 left out, and × 0 is 0 (the formula reaches its
 * arithmetic only once every argument has passed its checks, so nothing is hidden by it).
 */
export function times(a: Term, b: Term): Term {
  if (isNumber(a) && isNumber(b)) return constant(a.value * b.value);
  if (a.value === 0 || b.value === 0) return constant(0);
  if (b.value === 1) return a;
  if (a.value === 1) return b;
  return {
    text: `${bracketed(a, Binds.Product)}*${bracketed(b, Binds.Product)}`,
    binds: Binds.Product,
  };
}

/** a ÷ b; ÷ 1 left out. A known zero divisor is kept, so the sheet gives #DIV/0! as it should. */
export function over(a: Term, b: Term): Term {
  if (isNumber(a) && isNumber(b) && b.value !== 0) return constant(a.value / b.value);
  if (b.value === 1) return a;
  return {
    text: `${bracketed(a, Binds.Product)}/${bracketed(b, Binds.Power)}`,
    binds: Binds.Product,
  };
}

/** a ^ b. */
export function power(a: Term, b: Term): Term {
  if (isNumber(a) && isNumber(b)) return constant(a.value ** b.value);
  return { text: `${bracketed(a, Binds.Atom)}^${bracketed(b, Binds.Atom)}`, binds: Binds.Power };
}

/** −a, written in brackets so that it never meets ^ unbracketed. */
export function negative(a: Term): Term {
  if (isNumber(a)) return constant(-a.value);
  return { text: `(-${bracketed(a, Binds.Power)})`, binds: Binds.Atom };
}

type Comparison = '=' | '<>' | '<' | '<=' | '>' | '>=';

const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<>': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** A comparison, evaluated when both sides are known. */
export function compare(a: Term, op: Comparison, b: Term): Term {
  if (isNumber(a) && isNumber(b)) return constant(COMPARE[op](a.value, b.value));
  return {
    text: `${bracketed(a, Binds.Sum)}${op}${bracketed(b, Binds.Sum)}`,
    binds: Binds.Comparison,
  };
}

/** OR of conditions: known ones are evaluated, a single one is written alone. */
function anyOf(conditions: readonly Term[]): Term {
  if (conditions.some((c) => c.value === true)) return constant(true);
  const open = conditions.filter((c) => c.value !== false);
  if (open.length === 0) return constant(false);
  if (open.length === 1) return open[0]!;
  return atom(`OR(${open.map((c) => c.text).join(',')})`);
}

/** IF(condition, then, otherwise), or just the branch a known condition picks. */
export function ifThen(condition: Term, then: Term, otherwise: Term): Term {
  if (condition.value === true) return then;
  if (condition.value === false) return otherwise;
  return atom(`IF(${condition.text},${then.text},${otherwise.text})`);
}

/** A text literal. */
export function text(value: string): Term {
  return atom(`"${value.replace(/"/g, '""')}"`);
}

/** One argument as a formula's arithmetic and comparisons read it, after its checks passed. */
export interface Operand {
  /** In arithmetic: the reference itself (numeric text works there), a blank optional cell reading as its default. */
  value: Term;
  /** In a comparison: `VALUE(B5)`, since comparing text with a number never reads the text as one. */
  number: Term;
}

/** A check of the function's own, after blank, number and domain ones: when it holds, the error. */
export interface Check {
  when: Term;
  error: ErrorCode;
}

function isReference(arg: NativeArg): arg is string {
  return typeof arg === 'string';
}

/** The conditions under which a filled reference is not a valid value of `kind` (spec rule 5). */
function invalidTerms(ref: string, kind: ParamKind): Term[] {
  const domain = KIND_DOMAINS[kind];
  // --B5 reads TRUE/FALSE and numeric text as numbers and fails on other text.
  if (domain.isFlag) return [atom(`ISERROR(--${ref})`)];
  const number = atom(`VALUE(${ref})`);
  const terms: Term[] = [atom(`ISLOGICAL(${ref})`)];
  if (domain.min !== undefined) terms.push(compare(number, '<', constant(domain.min)));
  if (domain.max !== undefined) terms.push(compare(number, '>', constant(domain.max)));
  if (domain.integer) terms.push(compare(number, '<>', atom(`INT(${number.text})`)));
  // Without a bound to compare, VALUE() failing is what catches text that is not a number.
  if (terms.length === 1) terms.push(atom(`ISERROR(${number.text})`));
  return terms;
}

/** Whether a literal argument is outside its parameter's domain (a template passing a bad one). */
function literalIsInvalid(param: ParamSpec, value: number | boolean): boolean {
  if (typeof value === 'boolean') return param.kind !== 'flag';
  return param.kind !== 'flag' && domainProblem(param.kind, value) !== null;
}

interface Prepared {
  operand: Operand;
  /** The reference whose blank makes the result "" (required references only). */
  blank?: string;
  /** Conditions under which this argument is not valid for its parameter (any one suffices). */
  invalid: Term[];
}

function prepare(
  name: string,
  param: ParamSpec,
  arg: NativeArg | undefined,
  index: number,
): Prepared {
  const optional = param.default !== undefined;
  if (arg === undefined) {
    if (!optional) throw new Error(`${name}: native formula needs an argument ${index + 1}`);
    const fallback = constant(param.default!);
    return { operand: { value: fallback, number: fallback }, invalid: [] };
  }
  if (!isReference(arg)) {
    const term =
      typeof arg === 'object' ? { text: arg.formula, binds: Binds.Comparison } : constant(arg);
    const invalid = typeof arg === 'object' ? false : literalIsInvalid(param, arg);
    return { operand: { value: term, number: term }, invalid: [constant(invalid)] };
  }
  const flag = KIND_DOMAINS[param.kind].isFlag === true;
  const invalid = invalidTerms(arg, param.kind);
  if (!optional) {
    const number: Term = flag
      ? { text: `--${arg}<>0`, binds: Binds.Comparison }
      : atom(`VALUE(${arg})`);
    return { operand: { value: flag ? number : atom(arg), number }, blank: arg, invalid };
  }
  // A blank optional cell takes the parameter's default and needs no check.
  const fallback = literal(param.default!);
  const read = flag ? `--${arg}<>0` : arg;
  return {
    operand: {
      value: atom(`IF(${arg}="",${fallback},${read})`),
      number: atom(`IF(${arg}="",${fallback},${flag ? read : `VALUE(${arg})`})`),
    },
    invalid: [atom(`IF(${arg}="",FALSE(),${anyOf(invalid).text})`)],
  };
}

/** What a function's formula computes once every argument has passed: its own checks, then its result. */
export interface NativeBody {
  checks?: readonly Check[];
  result: Term;
}

/**
 * The native formula of an "each" function: "" while a required cell is blank; #VALUE! for an
 * argument that is not a number or is outside its domain; then the function's own checks in
 * order; then its result. Literal arguments fold away with the checks they make unnecessary.
 */
export function checkedFormula(
  spec: { name: string; params: readonly ParamSpec[] },
  args: NativeArgs,
  body: (operands: Operand[]) => NativeBody,
): string {
  const prepared = spec.params.map((param, i) => prepare(spec.name, param, args[i], i));
  const { checks = [], result } = body(prepared.map((p) => p.operand));
  // A result that is an argument itself, untouched by arithmetic, is shown as a number even
  // when the cell holds it as text.
  let formula = prepared.find((p) => p.operand.value === result)?.operand.number ?? result;
  for (const check of [...checks].reverse())
    formula = ifThen(check.when, check.error === '#DIV/0!' ? DIV_ERROR : VALUE_ERROR, formula);
  formula = ifThen(anyOf(prepared.flatMap((p) => p.invalid)), VALUE_ERROR, formula);
  return ifThen(
    anyBlank(prepared.flatMap((p) => (p.blank === undefined ? [] : [p.blank]))),
    EMPTY,
    formula,
  ).text;
}

/**
 * "One of the cells is blank", which passes on the first error value a cell holds, as the
 * functions do: (B5="")+(C5="")>0 rather than OR(B5="",C5=""), because LibreOffice gives the
 * last of two errors in an OR when the IF around it goes on to a nested function.
 */
function anyBlank(refs: readonly string[]): Term {
  if (refs.length === 0) return constant(false);
  if (refs.length === 1) return { text: `${refs[0]}=""`, binds: Binds.Comparison };
  return { text: `${refs.map((ref) => `(${ref}="")`).join('+')}>0`, binds: Binds.Comparison };
}

/** A range as array arithmetic reads it: every cell as a number (numeric text too; a blank is 0). */
export function rangeNumbers(range: string): string {
  return `${range}*1`;
}

/**
 * The array conditions under which a cell of a "set" range is not a valid value of `kind`,
 * summed in SUMPRODUCT: TRUE/FALSE, or a number outside the domain. Text that is not a number
 * makes the arithmetic fail, which gives #VALUE! by itself.
 */
function rangeInvalidTerms(range: string, kind: ParamKind): string[] {
  const domain = KIND_DOMAINS[kind];
  const numbers = rangeNumbers(range);
  const terms = [`ISLOGICAL(${range})`];
  if (domain.min !== undefined) terms.push(`(${numbers}<${literal(domain.min)})`);
  if (domain.max !== undefined) terms.push(`(${numbers}>${literal(domain.max)})`);
  if (domain.integer) terms.push(`(${numbers}<>INT(${numbers}))`);
  return terms;
}

/**
 * The native formula of a "set" function: #VALUE! when a filled cell of a range is not a valid
 * value of its parameter, else `result` (which divides by zero by itself when there is no data).
 */
export function checkedSetFormula(
  spec: { name: string; params: readonly ParamSpec[] },
  args: NativeArgs,
  result: (ranges: string[]) => string,
): string {
  const ranges = spec.params.map((param, i) => {
    const arg = args[i];
    if (!isReference(arg!))
      throw new Error(`${spec.name}: native formula needs a range for ${param.name}`);
    return arg;
  });
  const invalid = spec.params.flatMap((param, i) => rangeInvalidTerms(ranges[i]!, param.kind));
  return `IF(SUMPRODUCT(${invalid.join('+')})>0,#VALUE!,${result(ranges)})`;
}

/**
 * How a function's native formula is built: for an "each" function, the body `checkedFormula`
 * wraps, given the checked operands and the registry entry; for a "set" function, the result
 * `checkedSetFormula` wraps, given the ranges.
 */
export type NativeDefinition =
  | { each: (operands: Operand[], spec: EachFunctionSpec) => NativeBody }
  | { set: (ranges: string[]) => string };
