// A raw table and a mapping → typed deals and one problem line per cell that could not be read.
import { shorten } from '../errors';
import { detectDayOrder, parseDate, type DayOrder } from './dates';
import { missingFields, type Mapping } from './mapping';
import { detectDecimalMark, parseAmount, type DecimalMark } from './numbers';
import { classifyOutcome, readFlag } from './outcome';
import type { RawTable, SourceRow } from './table';
import {
  fail,
  ok,
  type Deal,
  type FieldKey,
  type Outcome,
  type ProblemReason,
  type Result,
  type RowProblem,
} from './types';

export interface DealTable {
  readonly deals: readonly Deal[];
  /** Every row reported, in row order: left out, or kept with a note (a blank amount read as 0). */
  readonly problems: readonly RowProblem[];
  /** The currencies the deals are in; more than one means amounts must never be added together. */
  readonly currencies: readonly string[];
  readonly decimalMark: DecimalMark;
}

const NO_COLUMNS: readonly number[] = [];

/** The first filled cell of `columns` in a row, with its column; "" and -1 when none is filled. */
function firstFilled(cells: readonly string[], columns: readonly number[]): [string, number] {
  for (const column of columns) {
    const value = (cells[column] ?? '').trim();
    if (value !== '') return [value, column];
  }
  return ['', columns[0] ?? -1];
}

/** The day order of each date column: detected, or the user's choice where detection cannot tell. */
function dayOrders(table: RawTable, mapping: Mapping): Result<Map<number, DayOrder>> {
  const orders = new Map<number, DayOrder>();
  const ambiguous: { column: number; header: string }[] = [];
  const dateColumns = [
    ...(mapping.columns.created ?? NO_COLUMNS),
    ...(mapping.columns.closed ?? NO_COLUMNS),
  ];
  for (const column of new Set(dateColumns)) {
    const chosen = mapping.dayOrders?.[column];
    const detected = detectDayOrder(table.rows.map((row) => row.cells[column] ?? ''));
    if (chosen) orders.set(column, chosen);
    else if (detected === 'ambiguous')
      ambiguous.push({ column, header: table.headers[column] ?? '' });
    else orders.set(column, detected ?? 'dmy');
  }
  return ambiguous.length > 0 ? fail({ kind: 'ambiguous-dates', columns: ambiguous }) : ok(orders);
}

/**
 * The deals of `table` read through `mapping`. Refuses a mapping without the required fields
 * and date columns whose day order only the user can tell; every other fault is a row problem.
 */
export function applyMapping(table: RawTable, mapping: Mapping): Result<DealTable> {
  const missing = missingFields(mapping);
  if (missing.length > 0) return fail({ kind: 'missing-fields', fields: missing });
  const orders = dayOrders(table, mapping);
  if (!orders.ok) return orders;
  const columnsOf = (field: FieldKey) => mapping.columns[field] ?? NO_COLUMNS;
  const amountColumns = columnsOf('amount');
  const decimalMark = detectDecimalMark(
    table.rows.map((row) => firstFilled(row.cells, amountColumns)[0]),
  );

  const deals: Deal[] = [];
  const problems: RowProblem[] = [];
  const currencies = new Set<string>();
  for (const source of table.rows) {
    const rowProblems: RowProblem[] = [];
    const report = (column: number, value: string, reason: ProblemReason, leftOut = true) =>
      rowProblems.push({
        row: source.row,
        column: table.headers[column] ?? '',
        value: shorten(value),
        reason,
        leftOut,
      });
    const text = (field: FieldKey) => firstFilled(source.cells, columnsOf(field))[0];
    const date = (field: FieldKey, blank: ProblemReason): number | null => {
      const [value, column] = firstFilled(source.cells, columnsOf(field));
      if (value === '') return (report(column, value, blank), null);
      const serial = parseDate(value, orders.value.get(column) ?? 'dmy');
      if (serial === null) report(column, value, 'bad-date');
      return serial;
    };

    const outcome = readOutcome(source, mapping, report);
    const [amountText, amountColumn] = firstFilled(source.cells, amountColumns);
    const amount =
      amountText === '' ? { amount: 0, currency: '' } : parseAmount(amountText, decimalMark);
    if (amountText === '') report(amountColumn, amountText, 'blank-amount', false);
    else if (amount === null) report(amountColumn, amountText, 'bad-number');
    const created = date('created', 'blank-created');
    const closed = outcome === 'won' || outcome === 'lost' ? date('closed', 'blank-closed') : null;

    problems.push(...rowProblems);
    if (
      rowProblems.some((problem) => problem.leftOut) ||
      outcome === null ||
      amount === null ||
      created === null
    )
      continue;
    const currency = text('currency').toUpperCase() || amount.currency;
    currencies.add(currency);
    deals.push({
      row: source.row,
      id: text('id'),
      name: text('name'),
      stage: text('stage'),
      outcome,
      amount: amount.amount,
      currency,
      created,
      closed,
      owner: text('owner'),
      source: text('source'),
      pipeline: text('pipeline'),
    });
  }
  const named = [...currencies].filter((currency) => currency !== '').sort();
  // The totals row is last in the file, so appending it keeps the report in row order.
  return ok({ deals, problems: [...problems, ...table.problems], currencies: named, decimalMark });
}

/** A row's outcome from Salesforce's checkboxes, else its status, else its stage (unknown stages are open). */
function readOutcome(
  source: SourceRow,
  mapping: Mapping,
  report: (column: number, value: string, reason: ProblemReason) => void,
): Outcome | null {
  if (mapping.flags) {
    const won = readFlag(source.cells[mapping.flags.won] ?? '');
    const closed = readFlag(source.cells[mapping.flags.closed] ?? '');
    if (won === null)
      return (
        report(mapping.flags.won, source.cells[mapping.flags.won] ?? '', 'unknown-outcome'),
        null
      );
    if (closed === null)
      return (
        report(mapping.flags.closed, source.cells[mapping.flags.closed] ?? '', 'unknown-outcome'),
        null
      );
    return won ? 'won' : closed ? 'lost' : 'open';
  }
  const [status, statusColumn] = firstFilled(source.cells, mapping.columns.outcome ?? NO_COLUMNS);
  if (status !== '') {
    const outcome = classifyOutcome(status, mapping.outcomes);
    if (outcome === null) report(statusColumn, status, 'unknown-outcome');
    return outcome;
  }
  const [stage, stageColumn] = firstFilled(source.cells, mapping.columns.stage ?? NO_COLUMNS);
  if (stage === '') return (report(stageColumn, stage, 'unknown-outcome'), null);
  return classifyOutcome(stage, mapping.outcomes) ?? 'open';
}

/** The stages of the file, how each is classified now, and how many deals carry it: what the user is asked once. */
export function stageOutcomes(
  table: RawTable,
  mapping: Mapping,
): {
  readonly stage: string;
  readonly outcome: Outcome;
  readonly known: boolean;
  readonly count: number;
}[] {
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const stage = firstFilled(row.cells, mapping.columns.stage ?? NO_COLUMNS)[0];
    if (stage !== '') counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return [...counts].map(([stage, count]) => {
    const outcome = classifyOutcome(stage, mapping.outcomes);
    return { stage, outcome: outcome ?? 'open', known: outcome !== null, count };
  });
}
