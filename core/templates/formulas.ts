// Renders a cell's computation (Calc) as a formula: registry native formulas or KPI function calls.
import { literal } from '../formulas/native';
import { nativeFormula } from '../formulas/natives';
import { getFunction } from '../registry/index';
import type { FunctionSpec, NativeArg } from '../registry/types';
import type { FormulaMode } from './options';
import { DATA_COLUMNS, type DataColumn } from '../import/workbook-types';
import { columnName } from './a1';
import {
  STATUS_TEXTS,
  type Calc,
  type CallArgument,
  type DataCriterion,
  type StatusLabels,
} from './plan';

/** How formulas are written: the mode, and the KPI function prefix for functions mode. */
export interface FormulaStyle {
  mode: FormulaMode;
  /** "KPI." for Excel and .xlsx, "" for Sheets. */
  prefix: string;
}

/** A text literal in formula syntax. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A reference as is; a number or boolean in the registry's literal form (TRUE() works in every
 * engine); a flag read from a yes/no cell as the comparison `J5<>"Yes"`.
 */
function argument(value: Exclude<CallArgument, undefined>): string {
  if (typeof value === 'object') return `${value.ref}<>${textLiteral(value.isNot)}`;
  return typeof value === 'string' ? value : literal(value);
}

/** An argument as a native formula takes it: a reference, a literal it folds, or a flag's comparison. */
function nativeArgument(value: Exclude<CallArgument, undefined>): NativeArg {
  return typeof value === 'object' ? { formula: argument(value) } : value;
}

function registryEntry(name: string): FunctionSpec {
  const spec = getFunction(name);
  // A template naming a function the registry lacks is a programming error, caught by the tests.
  if (!spec) throw new Error(`Template uses unknown KPI function ${name}`);
  return spec;
}

/** The arguments written out; an omitted optional argument before a given one takes its default. */
function callArguments(spec: FunctionSpec, args: readonly CallArgument[]): string[] {
  let last = args.length - 1;
  while (last >= 0 && args[last] === undefined) last--;
  return args.slice(0, last + 1).map((arg, i) => argument(arg ?? spec.params[i]?.default ?? ''));
}

const STATUS_KEYS = Object.keys(STATUS_TEXTS) as (keyof typeof STATUS_TEXTS)[];

/**
 * A native status formula showing the sheet's texts: it writes each identifier as a text
 * literal, which the sheet's own text replaces (a native formula without them is a bug).
 */
function nativeWithLabels(expr: string, labels: StatusLabels): string {
  return STATUS_KEYS.reduce((formula, key) => {
    const id = textLiteral(STATUS_TEXTS[key]);
    if (!formula.includes(id)) throw new Error(`Native status formula lacks ${id}: ${expr}`);
    return formula.split(id).join(textLiteral(labels[key]));
  }, expr);
}

/**
 * A KPI function call whose identifiers are shown in the sheet's language. SUBSTITUTE maps
 * them with one evaluation of the call (an IF per identifier would call the function three
 * times), passes "" and error values through, and works in Excel, Sheets, LibreOffice and
 * HyperFormula alike.
 */
function callWithLabels(call: string, labels: StatusLabels): string {
  return STATUS_KEYS.reduce(
    (inner, key) =>
      `SUBSTITUTE(${inner},${textLiteral(STATUS_TEXTS[key])},${textLiteral(labels[key])})`,
    call,
  );
}

function renderCall(calc: Extract<Calc, { kind: 'call' }>, style: FormulaStyle): string {
  const spec = registryEntry(calc.fn);
  const labels = calc.statusLabels;
  let expr: string;
  if (style.mode === 'portable') {
    const native = nativeFormula(
      spec.name,
      calc.args.map((a) => (a === undefined ? undefined : nativeArgument(a))),
    );
    expr = labels ? nativeWithLabels(native, labels) : native;
  } else {
    const call = `${style.prefix}${spec.name}(${callArguments(spec, calc.args).join(',')})`;
    expr = labels ? callWithLabels(call, labels) : call;
  }
  return calc.guard === undefined ? expr : `IF(COUNT(${calc.guard})=0,"",${expr})`;
}

/**
 * `expr`, unless one of the cells holds an error value, which shows as is (the first one), as
 * the core's evaluation gives it: COUNT and ISNUMBER would otherwise hide it behind "".
 */
function errorsFirst(refs: readonly string[], expr: string): string {
  return refs.reduceRight((inner, ref) => `IF(ISERROR(${ref}),${ref},${inner})`, expr);
}

/** The formula (with its leading "=") computing `calc` in the given style. */
export function renderFormula(calc: Calc, style: FormulaStyle): string {
  return `=${renderExpression(calc, style)}`;
}

function renderExpression(calc: Calc, style: FormulaStyle): string {
  switch (calc.kind) {
    case 'call':
      return renderCall(calc, style);
    case 'ifText':
      return (
        `IF(${calc.ref}=${textLiteral(calc.equals)},${renderExpression(calc.then, style)},` +
        `${renderExpression(calc.otherwise, style)})`
      );
    case 'sum': {
      // SUM passes an error on; COUNT skips it, so only no number and no error leaves "".
      const refs = calc.refs.join(',');
      return `IF(AND(COUNT(${refs})=0,NOT(ISERROR(SUM(${refs})))),"",SUM(${refs}))`;
    }
    case 'product':
      return errorsFirst(
        calc.refs,
        `IF(COUNT(${calc.refs.join(',')})<${calc.refs.length},"",${calc.refs.join('*')})`,
      );
    case 'difference': {
      const difference = `${calc.a}-${calc.b}`;
      const scaled = calc.scale === undefined ? difference : `(${difference})*${calc.scale}`;
      return errorsFirst([calc.a, calc.b], `IF(COUNT(${calc.a},${calc.b})<2,"",${scaled})`);
    }
    case 'count':
      return `IF(COUNT(${calc.range})=0,"",COUNT(${calc.range}))`;
    case 'countFilled':
      return `IF(COUNTA(${calc.range})=0,"",COUNTA(${calc.range}))`;
    case 'countText':
      return `IF(COUNTA(${calc.range})=0,"",COUNTIF(${calc.range},${textLiteral(calc.text)}))`;
    case 'rank':
      return errorsFirst(
        [calc.ref],
        `IF(ISNUMBER(${calc.ref}),COUNTIF(${calc.range},">"&${calc.ref})+1,"")`,
      );
    case 'ahead': {
      const [better, worse] = calc.higherIsBetter ? ['>', '<'] : ['<', '>'];
      const { a, b, even } = calc.labels;
      return errorsFirst(
        [calc.a, calc.b],
        `IF(COUNT(${calc.a},${calc.b})<2,"",IF(${calc.a}${better}${calc.b},${textLiteral(a)},` +
          `IF(${calc.a}${worse}${calc.b},${textLiteral(b)},${textLiteral(even)})))`,
      );
    }
    case 'copy':
      return `IF(${calc.ref}="","",${calc.ref})`;
    case 'dataCount':
      return unlessBlank(
        calc.unlessBlank,
        `COUNTIFS(${criteriaArguments(calc.sheet, calc.criteria)})`,
      );
    case 'dataSum': {
      const criteria = criteriaArguments(calc.sheet, calc.criteria);
      const sum = (column: DataColumn) =>
        `SUMIFS(${dataColumnRef(calc.sheet, column)},${criteria})`;
      const expr = calc.minus ? `${sum(calc.column)}-${sum(calc.minus)}` : sum(calc.column);
      return unlessBlank(calc.unlessBlank, expr);
    }
    case 'unlessZero':
      return `IF(${calc.ref}=0,"",${renderExpression(calc.then, style)})`;
    case 'remainder':
      return errorsFirst(
        [calc.total],
        `IF(COUNT(${calc.total})=0,"",${calc.total}-SUM(${calc.parts.join(',')}))`,
      );
  }
}

/** A sheet name as a formula names it: always quoted, so "Kaupat" and "My deals" read alike. */
function quotedSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A whole column of the data sheet (`'Deals'!$E:$E`): every row, however many an import brings. */
export function dataColumnRef(sheet: string, column: DataColumn): string {
  const letter = columnName(DATA_COLUMNS.indexOf(column));
  return `${quotedSheet(sheet)}!$${letter}:$${letter}`;
}

/**
 * A cell's text as a COUNTIFS criterion matching exactly that text: "=" first, so a name
 * starting with "=", "<" or ">" is no operator, and "~", "*" and "?" escaped, so a source
 * "Partner*" counts only itself (COUNTIFS reads them as wildcards in Excel, Sheets and LibreOffice).
 */
function literalCriterion(ref: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
}

/** One criterion as COUNTIFS takes it: a text, a cell's text, or a comparison joined to a cell or number. */
function criterionText(criterion: DataCriterion): string {
  const { op, ref, months } = criterion;
  if (ref !== undefined) {
    if (op === '=' && months === undefined) return literalCriterion(ref);
    const value = months === undefined ? ref : `EDATE(${ref},${months})`;
    return op === '=' ? value : `"${op}"&${value}`;
  }
  if (criterion.number !== undefined) return `"${op === '=' ? '' : op}${criterion.number}"`;
  return textLiteral(criterion.text ?? '');
}

function criteriaArguments(sheet: string, criteria: readonly DataCriterion[]): string {
  return criteria.map((c) => `${dataColumnRef(sheet, c.column)},${criterionText(c)}`).join(',');
}

/** `expr`, or "" while one of the cells is blank. */
function unlessBlank(refs: readonly string[] | undefined, expr: string): string {
  if (!refs || refs.length === 0) return expr;
  const blank = refs.map((ref) => `${ref}=""`);
  return `IF(${blank.length === 1 ? blank[0] : `OR(${blank.join(',')})`},"",${expr})`;
}
