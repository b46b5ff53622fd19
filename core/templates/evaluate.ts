// Computes every formula cell of a plan with the core, for hosts that need values without a formula engine.
import { KpiError, isKpiError } from '../errors';
import { callFunction } from '../registry/index';
import { parseCell, parseRange } from './a1';
import {
  DATA_COLUMNS,
  type DataColumn,
  type DataSheetPlan,
  type DataValue,
} from '../import/workbook-types';
import {
  STATUS_TEXTS,
  type Calc,
  type CallArgument,
  type CellValue,
  type DataCriterion,
  type SheetPlan,
} from './plan';

/** A number a criterion or a cell's text stands for ("120", "+358"); null for other text. */
function numberIn(text: string): number | null {
  const number = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(number) ? number : null;
}

/**
 * Whether a data-sheet value equals a criterion's text or number, as the rendered criterion
 * reads it: a text exactly (a leading "=" or "<>" and the wildcards "*", "?" and "~" are part of
 * the name: see formulas.ts), ignoring case; a number (or numeric text) numbers and text of the
 * same value.
 */
function equalityTest(wanted: ComputedValue): (value: DataValue) => boolean {
  const text = typeof wanted === 'number' ? null : String(wanted ?? '');
  const target = text === null ? (wanted as number) : (numberIn(text) ?? text.toLowerCase());
  return (value) =>
    typeof target === 'number'
      ? value === target || (typeof value === 'string' && numberIn(value) === target)
      : typeof value === 'string' && value.toLowerCase() === target;
}

/** The data-sheet rows meeting a criterion: 1 per row in `mask`, and their indexes in order. */
interface RowSet {
  mask: Uint8Array;
  rows: number[];
}

/** A test of one data-sheet value against a criterion's operator and value. */
function valueTest(op: DataCriterion['op'], wanted: ComputedValue): (value: DataValue) => boolean {
  if (op === '=') return equalityTest(wanted);
  if (typeof wanted !== 'number') return () => false;
  const compare = {
    '>=': (n: number) => n >= wanted,
    '<': (n: number) => n < wanted,
    '>': (n: number) => n > wanted,
  }[op];
  return (value) => typeof value === 'number' && compare(value);
}

/** The serial of the day `months` calendar months after `serial`, as EDATE gives it (the day kept, or the month's last). */
function addMonths(serial: number, months: number): number {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return (Date.UTC(year, month, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

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
 * result holds for it. Counts and sums over a data sheet read `data` (none: an empty sheet).
 */
export function evaluatePlan(plan: SheetPlan, data?: DataSheetPlan): ComputedValue[][] {
  const memo = new Map<string, Raw>();
  // The data sheet as a spreadsheet holds it: the header row, then the deals.
  const dataRows: readonly (readonly DataValue[])[] = data ? [data.header, ...data.rows] : [];
  const rowCount = dataRows.length;
  const columns = new Map<DataColumn, DataValue[]>();
  const columnValues = (column: DataColumn): DataValue[] => {
    let values = columns.get(column);
    if (!values) {
      const at = DATA_COLUMNS.indexOf(column);
      values = dataRows.map((row) => row[at] ?? '');
      columns.set(column, values);
    }
    return values;
  };
  const masks = new Map<string, RowSet>();

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
      case 'dataCount':
      case 'dataSum': {
        const blanks = (calc.unlessBlank ?? []).map(cellValue);
        const error = firstError(blanks);
        if (error) return error;
        if (blanks.some((v) => !isFilled(v))) return '';
        const picked = calc.criteria.map(criterionMask);
        const found = firstError(picked.filter(isKpiError));
        if (found) return found;
        // The rows of the criterion fewest rows meet, checked against the others.
        const sets = (picked as RowSet[]).slice().sort((a, b) => a.rows.length - b.rows.length);
        const [fewest, ...others] = sets;
        const matching: number[] = [];
        for (const i of fewest?.rows ?? [])
          if (others.every((set) => set.mask[i] === 1)) matching.push(i);
        if (calc.kind === 'dataCount') return matching.length;
        const total = (column: DataColumn) => {
          const values = columnValues(column);
          let sum = 0;
          for (const i of matching) {
            const value = values[i];
            if (typeof value === 'number') sum += value;
          }
          return sum;
        };
        return calc.minus ? total(calc.column) - total(calc.minus) : total(calc.column);
      }
      case 'unlessZero': {
        const value = cellValue(calc.ref);
        if (isKpiError(value)) return value;
        return value === 0 || value === null ? '' : compute(calc.then);
      }
      case 'remainder': {
        const total = cellValue(calc.total);
        if (isKpiError(total)) return total;
        if (!isNumber(total)) return '';
        const parts = flat(calc.parts);
        const error = firstError(parts);
        return error ?? total - parts.filter(isNumber).reduce((sum, n) => sum + n, 0);
      }
    }
  }

  /**
   * Which data-sheet rows meet a criterion (1) and which do not (0), as COUNTIFS applies it:
   * texts equal ignoring case, comparisons only with numbers; an error value in its cell
   * instead. Kept per criterion and value: the cells of a table share most of their criteria.
   */
  function criterionMask(criterion: DataCriterion): RowSet | KpiError {
    let wanted: Raw = criterion.text ?? criterion.number ?? null;
    if (criterion.ref !== undefined) {
      wanted = cellValue(criterion.ref);
      if (isKpiError(wanted)) return wanted;
      if (criterion.months !== undefined)
        wanted = isNumber(wanted) ? addMonths(wanted, criterion.months) : null;
    }
    const key = `${criterion.column}|${criterion.op}|${typeof wanted}|${String(wanted)}`;
    let set = masks.get(key);
    if (!set) {
      const test = valueTest(criterion.op, wanted);
      const values = columnValues(criterion.column);
      const mask = new Uint8Array(rowCount);
      const rows: number[] = [];
      for (let i = 0; i < rowCount; i++)
        if (test(values[i]!)) {
          mask[i] = 1;
          rows.push(i);
        }
      set = { mask, rows };
      masks.set(key, set);
    }
    return set;
  }

  return plan.cells.map((line, row) => line.map((_, col) => valueAt(row, col)));
}
