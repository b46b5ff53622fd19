// A raw table and a mapping → typed deals and one problem line per cell that could not be read.
import { shorten } from '../errors';
import { detectDayOrder, parseDate, type DayOrder } from './dates';
import { missingFields, type Mapping } from './mapping';
import { detectDecimalMark, parseAmount, type DecimalMark } from './numbers';
import { outcomeClassifier, readFlag } from './outcome';
import type { RawTable, SourceRow } from './table';
import {
  FIELD_KEYS,
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

/** The first of `columns` filled in a row, or the first of them (-1 when none) when all are blank. */
function filledColumn(cells: readonly string[], columns: readonly number[]): number {
  for (const column of columns) if ((cells[column] ?? '').trim() !== '') return column;
  return columns[0] ?? -1;
}

function cellText(cells: readonly string[], column: number): string {
  return (cells[column] ?? '').trim();
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
  const reader = new RowReader(table, mapping, orders.value);
  const deals: Deal[] = [];
  const problems: RowProblem[] = [];
  const currencies = new Set<string>();
  for (const source of table.rows) {
    const deal = reader.read(source, problems);
    if (deal === null) continue;
    currencies.add(deal.currency);
    deals.push(deal);
  }
  const named = [...currencies].filter((currency) => currency !== '').sort();
  // The totals row is last in the file, so appending it keeps the report in row order.
  return ok({
    deals,
    problems: [...problems, ...table.problems],
    currencies: named,
    decimalMark: reader.decimalMark,
  });
}

/** Reads one row at a time with what was settled for the whole file: columns, decimal mark, day orders. */
class RowReader {
  readonly decimalMark: DecimalMark;
  private readonly classify: (text: string) => Outcome | null;
  private readonly columns: Readonly<Record<FieldKey, readonly number[]>>;
  private leftOut = false;

  constructor(
    private readonly table: RawTable,
    private readonly mapping: Mapping,
    private readonly orders: ReadonlyMap<number, DayOrder>,
  ) {
    const columns = {} as Record<FieldKey, readonly number[]>;
    for (const field of FIELD_KEYS) columns[field] = mapping.columns[field] ?? NO_COLUMNS;
    this.columns = columns;
    this.classify = outcomeClassifier(mapping.outcomes);
    this.decimalMark = detectDecimalMark(
      table.rows.map((row) => cellText(row.cells, filledColumn(row.cells, columns.amount))),
    );
  }

  /** The deal of one row, or null when it is left out; its problems go to `problems`. */
  read(source: SourceRow, problems: RowProblem[]): Deal | null {
    this.leftOut = false;
    const cells = source.cells;
    const outcome = this.outcome(source, problems);
    const amountColumn = filledColumn(cells, this.columns.amount);
    const amountText = cellText(cells, amountColumn);
    const amount = amountText === '' ? BLANK_AMOUNT : parseAmount(amountText, this.decimalMark);
    if (amountText === '')
      this.report(source, amountColumn, amountText, 'blank-amount', problems, false);
    else if (amount === null) this.report(source, amountColumn, amountText, 'bad-number', problems);
    const created = this.date(source, this.columns.created, 'blank-created', problems);
    const closed =
      outcome === 'won' || outcome === 'lost'
        ? this.date(source, this.columns.closed, 'blank-closed', problems)
        : null;
    if (this.leftOut || outcome === null || amount === null || created === null) return null;
    const text = (field: FieldKey) => cellText(cells, filledColumn(cells, this.columns[field]));
    return {
      row: source.row,
      id: text('id'),
      name: text('name'),
      stage: text('stage'),
      outcome,
      amount: amount.amount,
      currency: text('currency').toUpperCase() || amount.currency,
      created,
      closed,
      owner: text('owner'),
      source: text('source'),
      pipeline: text('pipeline'),
    };
  }

  private report(
    source: SourceRow,
    column: number,
    value: string,
    reason: ProblemReason,
    problems: RowProblem[],
    leftOut = true,
  ): void {
    if (leftOut) this.leftOut = true;
    const header = this.table.headers[column] ?? '';
    problems.push({ row: source.row, column: header, value: shorten(value), reason, leftOut });
  }

  private date(
    source: SourceRow,
    columns: readonly number[],
    blank: ProblemReason,
    problems: RowProblem[],
  ): number | null {
    const column = filledColumn(source.cells, columns);
    const value = cellText(source.cells, column);
    if (value === '') {
      this.report(source, column, value, blank, problems);
      return null;
    }
    const serial = parseDate(value, this.orders.get(column) ?? 'dmy');
    if (serial === null) this.report(source, column, value, 'bad-date', problems);
    return serial;
  }

  /** Salesforce's checkboxes when mapped, else the status, else the stage (a stage no one classified is open). */
  private outcome(source: SourceRow, problems: RowProblem[]): Outcome | null {
    const cells = source.cells;
    const flags = this.mapping.flags;
    if (flags) {
      const won = readFlag(cells[flags.won] ?? '');
      const closed = readFlag(cells[flags.closed] ?? '');
      if (won === null || closed === null) {
        const column = won === null ? flags.won : flags.closed;
        this.report(source, column, cells[column] ?? '', 'unknown-outcome', problems);
        return null;
      }
      return won ? 'won' : closed ? 'lost' : 'open';
    }
    const statusColumn = filledColumn(cells, this.columns.outcome);
    const status = cellText(cells, statusColumn);
    if (status !== '') {
      const outcome = this.classify(status);
      if (outcome === null) this.report(source, statusColumn, status, 'unknown-outcome', problems);
      return outcome;
    }
    const stageColumn = filledColumn(cells, this.columns.stage);
    const stage = cellText(cells, stageColumn);
    if (stage === '') {
      const column = stageColumn >= 0 ? stageColumn : statusColumn;
      this.report(source, column, stage, 'unknown-outcome', problems);
      return null;
    }
    return this.classify(stage) ?? 'open';
  }
}

const BLANK_AMOUNT = { amount: 0, currency: '' } as const;

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
  const classify = outcomeClassifier(mapping.outcomes);
  const columns = mapping.columns.stage ?? NO_COLUMNS;
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const stage = cellText(row.cells, filledColumn(row.cells, columns));
    if (stage !== '') counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return [...counts].map(([stage, count]) => {
    const outcome = classify(stage);
    return { stage, outcome: outcome ?? 'open', known: outcome !== null, count };
  });
}
