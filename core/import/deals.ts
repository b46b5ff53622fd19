// Columns of a file and a mapping → typed deals and one problem line per cell that could not be read.
import { shorten } from '../errors';
import { detectDayOrder, parseDate, type DayOrder } from './dates';
import { missingFields, type Mapping } from './mapping';
import { detectDecimalMark, parseAmount, type DecimalMark } from './numbers';
import { outcomeClassifier, readFlag } from './outcome';
import { tableColumns, type ColumnTable, type RawTable } from './table';
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
const NO_CELLS: readonly string[] = [];

/** Every column `mapping` reads: the columns of its fields and the checkbox columns. */
export function mappedColumns(mapping: Mapping): number[] {
  const columns = new Set<number>();
  for (const field of FIELD_KEYS)
    for (const column of mapping.columns[field] ?? []) columns.add(column);
  if (mapping.flags) columns.add(mapping.flags.won).add(mapping.flags.closed);
  return [...columns];
}

/** The cells of the columns `columns` names, a column the table does not hold read as blank. */
function columnCells(
  table: ColumnTable,
  columns: readonly number[],
): readonly (readonly string[])[] {
  return columns.map((column) => table.columns[column] ?? NO_CELLS);
}

/** The first of `cells` filled in row `i`, or the first of them (-1 when none) when all are blank. */
function filledIndex(cells: readonly (readonly string[])[], i: number): number {
  for (let k = 0; k < cells.length; k++) if ((cells[k] as readonly string[])[i]) return k;
  return cells.length > 0 ? 0 : -1;
}

/** Per row, the text of the first filled of several columns (Pipedrive's won / lost times). */
function filledTexts(table: ColumnTable, columns: readonly number[]): readonly string[] {
  const cells = columnCells(table, columns);
  if (cells.length === 1) return cells[0] as readonly string[];
  return table.rowNumbers.map((_, i) => {
    const k = filledIndex(cells, i);
    return k < 0 ? '' : ((cells[k] as readonly string[])[i] ?? '');
  });
}

/** The day order of each date column: detected, or the user's choice where detection cannot tell. */
function dayOrders(table: ColumnTable, mapping: Mapping): Result<Map<number, DayOrder>> {
  const orders = new Map<number, DayOrder>();
  const ambiguous: { column: number; header: string }[] = [];
  const dateColumns = [
    ...(mapping.columns.created ?? NO_COLUMNS),
    ...(mapping.columns.closed ?? NO_COLUMNS),
  ];
  for (const column of new Set(dateColumns)) {
    const chosen = mapping.dayOrders?.[column];
    const detected = chosen ? null : detectDayOrder(table.columns[column] ?? NO_CELLS);
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
  return readDeals(tableColumns(table, mappedColumns(mapping)), mapping);
}

/** `applyMapping` over the columns an import kept. */
export function readDeals(table: ColumnTable, mapping: Mapping): Result<DealTable> {
  const missing = missingFields(mapping);
  if (missing.length > 0) return fail({ kind: 'missing-fields', fields: missing });
  const orders = dayOrders(table, mapping);
  if (!orders.ok) return orders;
  const reader = new RowReader(table, mapping, orders.value);
  const deals: Deal[] = [];
  const problems: RowProblem[] = [];
  const currencies = new Set<string>();
  const rows = table.rowNumbers.length;
  for (let i = 0; i < rows; i++) {
    const deal = reader.read(i, problems);
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

/** A field's columns and their cells, read row by row: the first filled column wins. */
class FieldCells {
  private readonly cells: readonly (readonly string[])[];

  constructor(
    table: ColumnTable,
    readonly columns: readonly number[],
  ) {
    this.cells = columnCells(table, columns);
  }

  /** The column filled in row `i` (the first column when all are blank; -1 when none is mapped). */
  column(i: number): number {
    const k = filledIndex(this.cells, i);
    return k < 0 ? -1 : (this.columns[k] as number);
  }

  text(i: number): string {
    const k = filledIndex(this.cells, i);
    return k < 0 ? '' : ((this.cells[k] as readonly string[])[i] ?? '');
  }
}

/** Reads one row at a time with what was settled for the whole file: columns, decimal mark, day orders. */
class RowReader {
  readonly decimalMark: DecimalMark;
  private readonly classify: (text: string) => Outcome | null;
  private readonly fields: Readonly<Record<FieldKey, FieldCells>>;
  private readonly flags: { readonly won: FieldCells; readonly closed: FieldCells } | null;
  private leftOut = false;

  constructor(
    private readonly table: ColumnTable,
    mapping: Mapping,
    private readonly orders: ReadonlyMap<number, DayOrder>,
  ) {
    const fields = {} as Record<FieldKey, FieldCells>;
    for (const field of FIELD_KEYS)
      fields[field] = new FieldCells(table, mapping.columns[field] ?? NO_COLUMNS);
    this.fields = fields;
    const flags = mapping.flags;
    this.flags = flags
      ? {
          won: new FieldCells(table, [flags.won]),
          closed: new FieldCells(table, [flags.closed]),
        }
      : null;
    this.classify = outcomeClassifier(mapping.outcomes);
    this.decimalMark = detectDecimalMark(filledTexts(table, fields.amount.columns));
  }

  /** The deal of data row `i`, or null when it is left out; its problems go to `problems`. */
  read(i: number, problems: RowProblem[]): Deal | null {
    this.leftOut = false;
    const fields = this.fields;
    const outcome = this.outcome(i, problems);
    const amountText = fields.amount.text(i);
    const amount = amountText === '' ? BLANK_AMOUNT : parseAmount(amountText, this.decimalMark);
    if (amountText === '')
      this.report(i, fields.amount.column(i), amountText, 'blank-amount', problems, false);
    else if (amount === null)
      this.report(i, fields.amount.column(i), amountText, 'bad-number', problems);
    const created = this.date(i, fields.created, 'blank-created', problems);
    const closed =
      outcome === 'won' || outcome === 'lost'
        ? this.date(i, fields.closed, 'blank-closed', problems)
        : null;
    if (this.leftOut || outcome === null || amount === null || created === null) return null;
    return {
      row: this.table.rowNumbers[i] as number,
      id: fields.id.text(i),
      name: fields.name.text(i),
      stage: fields.stage.text(i),
      outcome,
      amount: amount.amount,
      currency: fields.currency.text(i).toUpperCase() || amount.currency,
      created,
      closed,
      owner: fields.owner.text(i),
      source: fields.source.text(i),
      pipeline: fields.pipeline.text(i),
    };
  }

  private report(
    i: number,
    column: number,
    value: string,
    reason: ProblemReason,
    problems: RowProblem[],
    leftOut = true,
  ): void {
    if (leftOut) this.leftOut = true;
    problems.push({
      row: this.table.rowNumbers[i] as number,
      column: this.table.headers[column] ?? '',
      value: shorten(value),
      reason,
      leftOut,
    });
  }

  private date(
    i: number,
    field: FieldCells,
    blank: ProblemReason,
    problems: RowProblem[],
  ): number | null {
    const value = field.text(i);
    const column = field.column(i);
    if (value === '') {
      this.report(i, column, value, blank, problems);
      return null;
    }
    const serial = parseDate(value, this.orders.get(column) ?? 'dmy');
    if (serial === null) this.report(i, column, value, 'bad-date', problems);
    return serial;
  }

  /** Salesforce's checkboxes when mapped, else the status, else the stage (a stage no one classified is open). */
  private outcome(i: number, problems: RowProblem[]): Outcome | null {
    const flags = this.flags;
    if (flags) {
      const won = readFlag(flags.won.text(i));
      const closed = readFlag(flags.closed.text(i));
      if (won === null || closed === null) {
        const flag = won === null ? flags.won : flags.closed;
        this.report(i, flag.column(i), flag.text(i), 'unknown-outcome', problems);
        return null;
      }
      return won ? 'won' : closed ? 'lost' : 'open';
    }
    const status = this.fields.outcome.text(i);
    const statusColumn = this.fields.outcome.column(i);
    if (status !== '') {
      const outcome = this.classify(status);
      if (outcome === null) this.report(i, statusColumn, status, 'unknown-outcome', problems);
      return outcome;
    }
    const stage = this.fields.stage.text(i);
    if (stage === '') {
      const stageColumn = this.fields.stage.column(i);
      const column = stageColumn >= 0 ? stageColumn : statusColumn;
      this.report(i, column, stage, 'unknown-outcome', problems);
      return null;
    }
    return this.classify(stage) ?? 'open';
  }
}

const BLANK_AMOUNT = { amount: 0, currency: '' } as const;

/** A stage of the file, how it is classified now, and how many deals carry it: what the user is asked once. */
export interface StageCount {
  readonly stage: string;
  readonly outcome: Outcome;
  readonly known: boolean;
  readonly count: number;
}

/** The stages of the file's stage column, in order of first appearance. */
export function stageOutcomes(table: RawTable, mapping: Mapping): StageCount[] {
  return countStages(tableColumns(table, mapping.columns.stage ?? NO_COLUMNS), mapping);
}

/** `stageOutcomes` over the columns an import kept. */
export function countStages(table: ColumnTable, mapping: Mapping): StageCount[] {
  const classify = outcomeClassifier(mapping.outcomes);
  const stages = filledTexts(table, mapping.columns.stage ?? NO_COLUMNS);
  const counts = new Map<string, number>();
  for (const stage of stages) if (stage !== '') counts.set(stage, (counts.get(stage) ?? 0) + 1);
  return [...counts].map(([stage, count]) => {
    const outcome = classify(stage);
    return { stage, outcome: outcome ?? 'open', known: outcome !== null, count };
  });
}
