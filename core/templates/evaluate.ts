// Computes every formula cell of a plan with the core, for hosts that need values without a formula engine.
import { KpiError, isKpiError } from '../errors';
import { callFunction } from '../registry/index';
import { parseCell, parseRange } from './a1';
import { STATUS_TEXTS, type Calc, type CallArgument, type CellValue, type SheetPlan } from './plan';

/** A computed cell: a value, an error value, or null for an empty cell. */
export type ComputedValue = CellValue | KpiError | null;

type Raw = ComputedValue;

const isNumber = (v: Raw): v is number => typeof v === 'number';
const isFilled = (v: Raw) => v !== null && v !== '';
/** Whether a cell holds `text`, as a spreadsheet's = compares text: ignoring case. */
const holdsText = (v: Raw, text: string) =>
  typeof v === 'string' && v.toLowerCase() === text.toLowerCase();

/** KPI_STATUS's identifiers, by the text they stand for. */
const STATUS_KEY_OF = new Map<string, keyof typeof STATUS_TEXTS>(
  Object.entries(STATUS_TEXTS).map(([key, id]) => [id, key as keyof typeof STATUS_TEXTS]),
);

/**
 * The value of every cell of the plan, same shape as `plan.cells`: literals as written, formula
 * cells computed from their `calc` through the registry (`callFunction`), exactly as the rendered
 * formulas compute them in a spreadsheet. A formula that reads an error cell gives that error.
 * A cell a spilling formula fills has its own `calc`, so it gets the value that formula's
 * result holds for it.
 */
export function evaluatePlan(plan: SheetPlan): ComputedValue[][] {
  const memo = new Map<string, Raw>();

  const valueAt = (row: number, col: number): Raw => {
    const cell = plan.cells[row]?.[col];
    if (!cell) return null;
    if (!cell.calc) return cell.value ?? null;
    const key = `${row},${col}`;
    if (!memo.has(key)) memo.set(key, compute(cell.calc));
    return memo.get(key)!;
  };
  const cellValue = (ref: string): Raw => {
    const { row, col } = parseCell(ref);
    return valueAt(row, col);
  };
  const rangeValues = (ref: string): Raw[][] => {
    const { row1, col1, row2, col2 } = parseRange(ref);
    const rows: Raw[][] = [];
    for (let r = row1; r <= row2; r++) {
      const line: Raw[] = [];
      for (let c = col1; c <= col2; c++) line.push(valueAt(r, c));
      rows.push(line);
    }
    return rows;
  };
  const flat = (refs: readonly string[]) => refs.flatMap((ref) => rangeValues(ref).flat());
  const firstError = (values: readonly Raw[]) => values.find(isKpiError) as KpiError | undefined;

  /** An argument's value: a cell, a range's values, a literal, or a flag read from a yes/no cell. */
  const argumentValue = (arg: CallArgument): Raw | Raw[][] | undefined => {
    if (typeof arg === 'object') {
      const value = cellValue(arg.ref);
      return isKpiError(value) ? value : !holdsText(value, arg.isNot);
    }
    if (typeof arg !== 'string') return arg;
    return arg.includes(':') ? rangeValues(arg) : cellValue(arg);
  };

  function compute(calc: Calc): Raw {
    switch (calc.kind) {
      case 'call': {
        if (calc.guard !== undefined && !flat([calc.guard]).some(isNumber)) return '';
        const args = calc.args.map(argumentValue);
        const error = firstError(args.flatMap((a) => (Array.isArray(a) ? a.flat() : [a as Raw])));
        if (error) return error;
        const called = callFunction(calc.fn, args);
        const result = Array.isArray(called) ? (called[0]?.[0] ?? null) : called;
        const status = typeof result === 'string' ? STATUS_KEY_OF.get(result) : undefined;
        return calc.statusLabels && status ? calc.statusLabels[status] : result;
      }
      case 'ifText': {
        const value = cellValue(calc.ref);
        if (isKpiError(value)) return value;
        return compute(holdsText(value, calc.equals) ? calc.then : calc.otherwise);
      }
      case 'sum': {
        const values = flat(calc.refs);
        const numbers = values.filter(isNumber);
        return (
          firstError(values) ?? (numbers.length === 0 ? '' : numbers.reduce((s, n) => s + n, 0))
        );
      }
      case 'product': {
        const values = calc.refs.map(cellValue);
        if (firstError(values)) return firstError(values)!;
        return values.every(isNumber) ? values.reduce((p, n) => p * n, 1) : '';
      }
      case 'difference': {
        const a = cellValue(calc.a);
        const b = cellValue(calc.b);
        const scale = calc.scale ?? 1;
        return firstError([a, b]) ?? (isNumber(a) && isNumber(b) ? (a - b) * scale : '');
      }
      case 'count': {
        const count = flat([calc.range]).filter(isNumber).length;
        return count === 0 ? '' : count;
      }
      case 'countFilled': {
        const count = flat([calc.range]).filter(isFilled).length;
        return count === 0 ? '' : count;
      }
      case 'countText': {
        const values = flat([calc.range]);
        if (!values.some(isFilled)) return '';
        const wanted = calc.text.toLowerCase();
        return values.filter((v) => typeof v === 'string' && v.toLowerCase() === wanted).length;
      }
      case 'rank': {
        const value = cellValue(calc.ref);
        if (isKpiError(value)) return value;
        if (!isNumber(value)) return '';
        return flat([calc.range]).filter((v) => isNumber(v) && v > value).length + 1;
      }
      case 'ahead': {
        const a = cellValue(calc.a);
        const b = cellValue(calc.b);
        if (firstError([a, b])) return firstError([a, b])!;
        if (!isNumber(a) || !isNumber(b)) return '';
        const aWins = calc.higherIsBetter ? a > b : a < b;
        const bWins = calc.higherIsBetter ? a < b : a > b;
        return aWins ? calc.labels.a : bWins ? calc.labels.b : calc.labels.even;
      }
      case 'copy': {
        const value = cellValue(calc.ref);
        return value ?? '';
      }
    }
  }

  return plan.cells.map((line, row) => line.map((_, col) => valueAt(row, col)));
}
