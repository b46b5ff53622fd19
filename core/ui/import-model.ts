// The sidebar's CRM import without the DOM: the file read once, the user's column, stage and date answers, and the deals they give.
import { parseDate, type DayOrder } from '../import/dates';
import { decode, type Encoding } from '../import/decode';
import { normaliseHeader } from '../import/headers';
import { proposeMapping, type Mapping, type Proposal } from '../import/mapping';
import { parseAmount, type DecimalMark } from '../import/numbers';
import { outcomeClassifier } from '../import/outcome';
import {
  profileFile,
  profiledDayOrder,
  profiledDecimalMark,
  type ColumnProfile,
} from '../import/profile';
import { importDeals, type ImportedDeals } from '../import/read';
import type { SourceRow } from '../import/table';
import type { FieldKey, Outcome, Result, RowProblem } from '../import/types';
import type { SavedImportSettings } from '../import/workbook-types';

/**
 * A file read once: its bytes (the import reads them again with the settled mapping), headers,
 * first rows and a summary of each column, so any column can be chosen at once. Never its rows:
 * a 100,000-row export would be held twice over.
 */
export interface LoadedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly encoding: Encoding;
  readonly headers: readonly string[];
  /** The first PREVIEW_ROWS data rows. */
  readonly rows: readonly SourceRow[];
  /** Data rows, the totals row not counted. */
  readonly rowCount: number;
  /** The trailing totals row, when the file has one. */
  readonly problems: readonly RowProblem[];
  /** Per column: distinct values with counts, date order and decimal mark evidence. */
  readonly columns: readonly ColumnProfile[];
  readonly proposal: Proposal;
}

/** What the user settled, field by field; starts as the proposal (or the workbook's saved record). */
export interface ImportChoices {
  /** Field → the columns it is read from; empty means the file has no such column. */
  columns: Partial<Record<FieldKey, readonly number[]>>;
  /** Stage (or status) text → outcome, as the user answered or the saved record said. */
  outcomes: Record<string, Outcome>;
  /** The user's day order for date columns where both orders read every value. */
  dayOrders: Record<number, DayOrder>;
}

/** Fields the core cannot import without: outcome or stage, amount, created and close dates. */
export const REQUIRED_FIELDS: readonly FieldKey[] = ['stage', 'amount', 'created', 'closed'];

/** How many rows the mapping shows parsed beside each field. */
export const PREVIEW_ROWS = 3;

/** The most stages asked about; the rarer rest keep their default outcome. */
export const MAX_STAGES_SHOWN = 30;

/** Bytes → a file ready to map, or why it is refused (not text, empty, headers only, too large). */
export function loadFile(fileName: string, bytes: Uint8Array): Result<LoadedFile> {
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  const profile = profileFile(decoded.value.text, PREVIEW_ROWS);
  if (!profile.ok) return profile;
  const { headers, rows, rowCount, problems, columns } = profile.value;
  return {
    ok: true,
    value: {
      fileName,
      bytes,
      encoding: decoded.value.encoding,
      headers,
      rows,
      rowCount,
      problems,
      columns,
      proposal: proposeMapping(headers),
    },
  };
}

/** The column whose header reads as `header` (case and spacing aside), or -1. */
function columnOf(file: LoadedFile, header: string): number {
  const wanted = normaliseHeader(header);
  return file.headers.findIndex((found) => normaliseHeader(found) === wanted);
}

/**
 * The answers to start from: the proposal, overridden by the workbook's saved record where its
 * headers are in this file, so importing a new export of the same CRM asks nothing again. A
 * saved day order is taken only for columns whose dates read both ways.
 */
export function initialChoices(file: LoadedFile, saved: SavedImportSettings | null): ImportChoices {
  const columns: Partial<Record<FieldKey, readonly number[]>> = {
    ...file.proposal.mapping.columns,
  };
  const lists: Partial<Record<FieldKey, readonly string[]>> = { ...saved?.columnLists };
  for (const [field, header] of Object.entries(saved?.columns ?? {}) as [FieldKey, string][])
    lists[field] ??= [header];
  for (const [field, headers] of Object.entries(lists) as [FieldKey, readonly string[]][]) {
    const found = headers.map((header) => columnOf(file, header));
    if (found.length > 0 && found.every((column) => column >= 0)) columns[field] = found;
  }
  const dayOrders: Record<number, DayOrder> = {};
  for (const field of ['created', 'closed'] as const) {
    const order = saved?.dayOrders?.[field];
    if (order)
      for (const column of columns[field] ?? [])
        if (detectedOrder(file, column) === 'ambiguous') dayOrders[column] = order;
  }
  return { columns, outcomes: { ...saved?.stages }, dayOrders };
}

/** The mapping the core reads the deals with; Salesforce's checkboxes stay while their columns are free. */
export function mappingOf(file: LoadedFile, choices: ImportChoices): Mapping {
  const flags = file.proposal.mapping.flags;
  const used = new Set(Object.values(choices.columns).flat());
  const keepFlags = flags && !used.has(flags.won) && !used.has(flags.closed);
  return {
    columns: choices.columns,
    ...(keepFlags ? { flags } : {}),
    dayOrders: choices.dayOrders,
    outcomes: choices.outcomes,
  };
}

/** A select's value for a set of columns ("3" or "3,4"), and back; "" is no column. */
export const columnsValue = (columns: readonly number[] | undefined) => (columns ?? []).join(',');

export function parseColumnsValue(value: string, columnCount: number): number[] | null {
  if (value === '') return [];
  const columns = value.split(',').map(Number);
  return columns.every((c) => Number.isInteger(c) && c >= 0 && c < columnCount) ? columns : null;
}

/** The choices of a field's select: every column by its header, plus the proposed pair where a field reads two. */
export function columnOptions(
  file: LoadedFile,
  field: FieldKey,
  chosen: readonly number[] | undefined,
): { value: string; headers: string[] }[] {
  const options = file.headers.map((header, column) => ({
    value: String(column),
    headers: [header],
  }));
  const pairs = [file.proposal.mapping.columns[field], chosen].filter(
    (columns): columns is readonly number[] => columns !== undefined && columns.length > 1,
  );
  const extra = new Map(pairs.map((columns) => [columnsValue(columns), columns]));
  for (const [value, columns] of extra)
    options.push({ value, headers: columns.map((c) => file.headers[c] ?? '') });
  return options;
}

/** Required fields the choices leave without a column (Salesforce's checkboxes stand in for the stage). */
export function missingRequired(file: LoadedFile, choices: ImportChoices): FieldKey[] {
  const mapping = mappingOf(file, choices);
  const has = (field: FieldKey) => (mapping.columns[field]?.length ?? 0) > 0;
  return REQUIRED_FIELDS.filter((field) =>
    field === 'stage' ? !has('stage') && !has('outcome') && !mapping.flags : !has(field),
  );
}

/** The detected day order of `column`'s slashed dates. */
function detectedOrder(file: LoadedFile, column: number): DayOrder | 'ambiguous' | null {
  const profile = file.columns[column];
  return profile ? profiledDayOrder(profile) : null;
}

/** Date columns of the choices where day-first and month-first both read every value: the user picks. */
export function ambiguousDateColumns(
  file: LoadedFile,
  choices: ImportChoices,
): { column: number; header: string; example: string }[] {
  const columns = new Set([...(choices.columns.created ?? []), ...(choices.columns.closed ?? [])]);
  return [...columns]
    .filter((column) => detectedOrder(file, column) === 'ambiguous')
    .map((column) => ({
      column,
      header: file.headers[column] ?? '',
      example: file.columns[column]?.example ?? '',
    }));
}

/** A parsed cell as the preview shows it: its text, or null when it cannot be read. */
export type PreviewCell = { text: string; read: boolean };

function dateText(serial: number): string {
  return new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
}

/** The first rows of `field` as the import would read them: amounts as numbers, dates as ISO days. */
export function previewCells(
  file: LoadedFile,
  choices: ImportChoices,
  field: FieldKey,
  decimalMark: DecimalMark,
): PreviewCell[] {
  const columns = choices.columns[field] ?? [];
  if (columns.length === 0) return [];
  return file.rows.slice(0, PREVIEW_ROWS).map((row) => {
    const column = columns.find((c) => (row.cells[c] ?? '').trim() !== '') ?? columns[0]!;
    const raw = (row.cells[column] ?? '').trim();
    if (raw === '') return { text: '', read: true };
    if (field === 'amount') {
      const amount = parseAmount(raw, decimalMark);
      return amount === null
        ? { text: raw, read: false }
        : { text: `${amount.amount}${amount.currency ? ` ${amount.currency}` : ''}`, read: true };
    }
    if (field === 'created' || field === 'closed') {
      const detected = detectedOrder(file, column);
      const order = choices.dayOrders[column] ?? (detected === 'mdy' ? 'mdy' : 'dmy');
      const serial = parseDate(raw, order);
      return serial === null ? { text: raw, read: false } : { text: dateText(serial), read: true };
    }
    return { text: raw, read: true };
  });
}

/** The decimal mark of the chosen amount column, as the core will read it. */
export function amountDecimalMark(file: LoadedFile, choices: ImportChoices): DecimalMark {
  const columns = choices.columns.amount ?? [];
  return profiledDecimalMark(
    columns.flatMap((column) => (file.columns[column] ? [file.columns[column]] : [])),
  );
}

export interface StageQuestion {
  stage: string;
  outcome: Outcome;
  count: number;
  /** Neither a CRM default nor an earlier answer: the user has not been asked about it yet. */
  isNew: boolean;
}

/**
 * The stage names to settle, most deals first, at most MAX_STAGES_SHOWN; `more` counts the rest.
 * Read from the status column where one is mapped (it decides), else from the stage column;
 * none when Salesforce's checkboxes decide.
 */
export function stageQuestions(
  file: LoadedFile,
  choices: ImportChoices,
): { questions: StageQuestion[]; more: number } {
  const mapping = mappingOf(file, choices);
  if (mapping.flags) return { questions: [], more: 0 };
  const status = choices.columns.outcome ?? [];
  const deciding = status.length > 0 ? status : (choices.columns.stage ?? []);
  // Where two columns decide, a stage is counted in each: the questions, not the deals, come from here.
  const counts = new Map<string, number>();
  for (const column of deciding)
    for (const [stage, count] of file.columns[column]?.values ?? [])
      counts.set(stage, (counts.get(stage) ?? 0) + count);
  const classify = outcomeClassifier(choices.outcomes);
  const found = [...counts]
    .map(([stage, count]) => {
      const outcome = classify(stage);
      return { stage, outcome: outcome ?? 'open', count, isNew: outcome === null };
    })
    .sort((a, b) => b.count - a.count);
  const questions = found.slice(0, MAX_STAGES_SHOWN);
  return { questions, more: found.length - questions.length };
}

/**
 * The deals of the file read with the user's answers by the core's `importDeals`, in the shape
 * `planImport` takes; or the refusal. Every stage shown counts as answered as shown, so the
 * saved record asks nothing next time.
 */
export function readDeals(file: LoadedFile, choices: ImportChoices): Result<ImportedDeals> {
  const outcomes = { ...choices.outcomes };
  for (const { stage, outcome } of stageQuestions(file, choices).questions)
    outcomes[stage] ??= outcome;
  return importDeals(file.bytes, mappingOf(file, { ...choices, outcomes }));
}

/** How many file rows an import read, and how many of them it left out (each row counted once). */
export function rowCounts(deals: ImportedDeals): { read: number; leftOut: number } {
  const leftOut = new Set(deals.problems.filter((p) => p.leftOut).map((p) => p.row)).size;
  return { read: deals.deals.length + leftOut, leftOut };
}

/** What the tab shows after an import, without holding the deals: counts, currencies, the first reported rows. */
export interface ImportSummary {
  readonly read: number;
  readonly leftOut: number;
  readonly currencies: readonly string[];
  /** The first `shown` reported rows. */
  readonly problems: readonly RowProblem[];
  readonly problemCount: number;
}

export function summariseImport(deals: ImportedDeals, shown: number): ImportSummary {
  return {
    ...rowCounts(deals),
    currencies: deals.currencies,
    problems: deals.problems.slice(0, shown),
    problemCount: deals.problems.length,
  };
}
