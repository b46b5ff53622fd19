// The data sheet ("Deals"/"Kaupat") an import writes: deals as values, and the import record a re-import reads back.
import { t, type MessageKey } from '../i18n/index';
import { DATE_FORMAT } from '../i18n/number-format';
import {
  fitWidths,
  linesAllowed,
  shownNumber,
  widthToFit,
  type ColumnNeeds,
} from '../templates/measure';
import { styleOf } from '../templates/theme';
import { LANGS, type Lang } from '../templates/options';
import type { DayOrder } from './dates';
import type { ImportedDeals } from './read';
import { reasonText } from './reasons';
import { FIELD_KEYS, type Deal, type FieldKey, type Outcome, type RowProblem } from './types';
import {
  DATA_COLUMNS,
  type DataColumn,
  type DataSheetPlan,
  type DataValue,
  type RecordCell,
  type SavedImportSettings,
} from './workbook-types';

/** The Excel table / Sheets named range over the deals: one name in every language. */
export const DATA_TABLE_NAME = 'KpiDeals';
/** Where the import record starts: column N, a blank column after the deals' A–L. */
export const RECORD_ANCHOR = 'N1';
/**
 * The cells a host reads back before a re-import: the record's facts, columns and stages (the
 * issues come last and are not needed). Four columns, N to Q.
 */
export const RECORD_RANGE = 'N1:Q400';
const RECORD_WIDTH = 4;
/** The record's columns are at least this wide (the preview's default column)… */
const RECORD_MIN_WIDTH = 80;
/** …and at most this: a long file name or cell value shows cut rather than push the sheet wide. */
const RECORD_MAX_WIDTH = 400;

const OUTCOMES: readonly Outcome[] = ['won', 'lost', 'open'];

/** "Deals" / "Kaupat": not made unique, as the pipeline's formulas name it. */
export function dataSheetName(lang: Lang): string {
  return t(lang, 'dataSheet.name');
}

/** How the data sheet writes an outcome: won / lost / open, voitettu / hävitty / avoin. */
export function outcomeLabel(lang: Lang, outcome: Outcome): string {
  return t(lang, `dataSheet.outcome.${outcome}`);
}

const COLUMN_LOOK: Record<DataColumn, { format: string; width: number }> = {
  row: { format: '0', width: 70 },
  id: { format: '', width: 100 },
  name: { format: '', width: 220 },
  stage: { format: '', width: 150 },
  outcome: { format: '', width: 80 },
  amount: { format: '#,##0.00', width: 100 },
  currency: { format: '', width: 70 },
  created: { format: DATE_FORMAT, width: 90 },
  closed: { format: DATE_FORMAT, width: 90 },
  owner: { format: '', width: 140 },
  source: { format: '', width: 140 },
  pipeline: { format: '', width: 130 },
};

/** What a data sheet is built from: the deals and what the record says about where they came from. */
export interface DataSheetContent {
  lang: Lang;
  /** Fills the currency cell of deals whose file gave none. */
  currency: string;
  deals: readonly Deal[];
  problems: readonly RowProblem[];
  /** The file's name, or the example label. */
  fileName: string;
  /** Field → the file's headers it was read from, in order. */
  columns: Partial<Record<FieldKey, readonly string[]>>;
  flags?: { won: string; closed: string };
  /** Date field → the day order the user chose for it (only where both orders read every date). */
  dayOrders?: Partial<Record<FieldKey, DayOrder>>;
  /** Stage → outcome, every stage of the file. */
  stages: readonly { stage: string; outcome: Outcome }[];
  example: boolean;
}

function dealRow(deal: Deal, lang: Lang, currency: string): DataValue[] {
  return [
    deal.row,
    deal.id,
    deal.name,
    deal.stage,
    outcomeLabel(lang, deal.outcome),
    deal.amount,
    deal.currency || currency,
    deal.created,
    deal.closed ?? '',
    deal.owner,
    deal.source,
    deal.pipeline,
  ];
}

/** The record block: facts, columns, stages, then one line per reported row, four cells wide. */
function recordOf(content: DataSheetContent): (RecordCell | null)[][] {
  const tr = (key: MessageKey) => t(content.lang, key);
  const lines: (RecordCell | null)[][] = [];
  const line = (...cells: (RecordCell | null)[]) =>
    lines.push([...cells, ...Array<null>(RECORD_WIDTH - cells.length).fill(null)]);
  const label = (key: MessageKey): RecordCell => ({ value: tr(key), role: 'label' });
  const section = (key: MessageKey) => line({ value: tr(key), role: 'section' });
  const headers = (...keys: MessageKey[]) =>
    line(...keys.map((key): RecordCell => ({ value: tr(key), role: 'header' })));
  const text = (value: DataValue): RecordCell => ({ value, role: 'body' });

  section('dataSheet.record.title');
  line(label('dataSheet.record.file'), text(content.fileName));
  line(label('dataSheet.record.deals'), { value: content.deals.length, role: 'body', format: '0' });
  line(label('dataSheet.record.reported'), {
    value: content.problems.length,
    role: 'body',
    format: '0',
  });
  line(label('dataSheet.record.currency'), text(content.currency));
  line();
  section('dataSheet.record.columns');
  const orders = content.dayOrders ?? {};
  const anyOrder = Object.keys(orders).length > 0;
  headers(
    'dataSheet.record.field',
    'dataSheet.record.header',
    ...(anyOrder ? (['dataSheet.record.dayOrder'] as const) : []),
  );
  for (const field of FIELD_KEYS) {
    const order = orders[field];
    for (const header of content.columns[field] ?? [])
      line(
        label(`dataSheet.col.${field}`),
        text(header),
        order ? text(tr(`dataSheet.dayOrder.${order}`)) : null,
      );
  }
  if (content.flags) {
    line(label('dataSheet.flag.won'), text(content.flags.won));
    line(label('dataSheet.flag.closed'), text(content.flags.closed));
  }
  line();
  section('dataSheet.record.stages');
  headers('dataSheet.col.stage', 'dataSheet.col.outcome');
  for (const { stage, outcome } of content.stages)
    line(text(stage), text(outcomeLabel(content.lang, outcome)));
  line();
  section('dataSheet.record.issues');
  headers(
    'dataSheet.record.row',
    'dataSheet.record.column',
    'dataSheet.record.value',
    'dataSheet.record.reason',
  );
  if (content.problems.length === 0) line({ value: tr('dataSheet.record.noIssues'), role: 'note' });
  for (const problem of content.problems)
    line(
      { value: problem.row, role: 'body', format: '0' },
      text(problem.column),
      text(problem.value),
      text(reasonText(content.lang, problem.reason)),
    );
  return lines;
}

/**
 * What the record's cells need, as `columnNeeds` measures a template's (a text with nothing to
 * its right runs on over the empty columns), in one lean pass: the record can be 200,000 lines.
 */
function recordNeeds(record: readonly (readonly (RecordCell | null)[])[]): ColumnNeeds {
  const columns = Array<number>(RECORD_WIDTH).fill(0);
  const runs = Array<number>(RECORD_WIDTH).fill(0);
  for (const line of record) {
    let last = line.length - 1;
    while (last >= 0 && !line[last]) last--;
    for (let col = 0; col <= last; col++) {
      const cell = line[col];
      if (!cell) continue;
      const style = styleOf(cell);
      const text =
        typeof cell.value === 'string' ? cell.value : shownNumber(cell.value, cell.format);
      const width = widthToFit(text, style, linesAllowed(cell.role));
      if (col === last && typeof cell.value === 'string' && !style.wrap)
        runs[col] = Math.max(runs[col]!, width);
      else columns[col] = Math.max(columns[col]!, width);
    }
  }
  return {
    columns,
    runs: runs.flatMap((width, col) => (width > 0 ? [{ col, last: RECORD_WIDTH - 1, width }] : [])),
  };
}

/**
 * The record's column widths: each fits its cells in this record and the same record's labels
 * and reasons in the other languages (user texts and numbers read the same in every language, so
 * those records keep one problem per reason), within the minimum and maximum.
 */
function recordColumnsOf(
  content: DataSheetContent,
  record: readonly (readonly (RecordCell | null)[])[],
): { width: number }[] {
  const needs = [
    recordNeeds(record),
    ...LANGS.filter((lang) => lang !== content.lang).map((lang) => {
      const oneEach = new Map(content.problems.map((problem) => [problem.reason, problem]));
      const other = recordOf({ ...content, lang, problems: [...oneEach.values()] });
      return recordNeeds(other);
    }),
  ];
  return fitWidths(Array<number>(RECORD_WIDTH).fill(RECORD_MIN_WIDTH), needs).map((width) => ({
    width: Math.min(width, RECORD_MAX_WIDTH),
  }));
}

/** The data sheet of `content`: header, one row per deal, the record beside them. */
export function buildDataSheet(content: DataSheetContent): DataSheetPlan {
  const { lang, currency } = content;
  const record = recordOf(content);
  return {
    sheetName: dataSheetName(lang),
    lang,
    tableName: DATA_TABLE_NAME,
    header: DATA_COLUMNS.map((key) => t(lang, `dataSheet.col.${key}`)),
    columns: DATA_COLUMNS.map((key) => ({ key, ...COLUMN_LOOK[key] })),
    rows: content.deals.map((deal) => dealRow(deal, lang, currency)),
    recordAnchor: RECORD_ANCHOR,
    record,
    recordColumns: recordColumnsOf(content, record),
    example: content.example,
  };
}

/**
 * The data sheet of an import: its deals as values (user text stays text, dates as serials,
 * the outcome as a label of the sheet's language, `currency` where the file gave none) and the
 * record of how they were read, with every reported row.
 */
export function dataSheetPlan(
  imported: ImportedDeals,
  opts: { lang: Lang; currency: string; fileName: string },
): DataSheetPlan {
  const { mapping, table } = imported;
  const headerOf = (column: number) => table.headers[column] ?? '';
  const columns: Partial<Record<FieldKey, readonly string[]>> = {};
  for (const field of FIELD_KEYS) {
    const indexes = mapping.columns[field];
    if (indexes && indexes.length > 0) columns[field] = indexes.map(headerOf);
  }
  const inFile = new Set(imported.stages.map(({ stage }) => stage));
  const flags = mapping.flags
    ? { won: headerOf(mapping.flags.won), closed: headerOf(mapping.flags.closed) }
    : undefined;
  // The user's answers, kept by field so a new export with the columns in other places finds them.
  const dayOrders: Partial<Record<FieldKey, DayOrder>> = {};
  for (const field of ['created', 'closed'] as const) {
    const answered = (mapping.columns[field] ?? []).find((c) => mapping.dayOrders?.[c]);
    if (answered !== undefined) dayOrders[field] = mapping.dayOrders?.[answered];
  }
  return buildDataSheet({
    lang: opts.lang,
    currency: opts.currency.toUpperCase(),
    deals: imported.deals,
    problems: imported.problems,
    fileName: opts.fileName,
    columns,
    ...(flags ? { flags } : {}),
    dayOrders,
    stages: [
      ...imported.stages.map(({ stage, outcome }) => ({ stage, outcome })),
      // The user's answers for stages this file does not hold stay settled for the next one.
      ...Object.entries(mapping.outcomes ?? {})
        .filter(([stage]) => !inFile.has(stage))
        .map(([stage, outcome]) => ({ stage, outcome })),
    ],
    example: false,
  });
}

/** A text as the record's labels are compared: trimmed, case and inner spaces ignored. */
function normal(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Label → what it names, in both languages: a sheet imported in Finnish re-imports in English. */
function labelsOf<T>(entries: readonly [T, (lang: Lang) => string][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const lang of ['en', 'fi'] as const)
    for (const [item, text] of entries) map.set(normal(text(lang)), item);
  return map;
}

type Section = 'columns' | 'stages' | 'issues';

/**
 * The column and stage mappings a data sheet's record holds (`RECORD_RANGE` as a host reads
 * it: blanks as "" or null), or null when the cells hold no record. Labels of either language
 * are read, and cells are only ever read as text.
 */
export function parseImportRecord(
  cells: readonly (readonly unknown[])[],
): SavedImportSettings | null {
  const sections = labelsOf<Section>([
    ['columns', (lang) => t(lang, 'dataSheet.record.columns')],
    ['stages', (lang) => t(lang, 'dataSheet.record.stages')],
    ['issues', (lang) => t(lang, 'dataSheet.record.issues')],
  ]);
  const fields = labelsOf<FieldKey | 'flag.won' | 'flag.closed'>([
    ...FIELD_KEYS.map((field): [FieldKey, (lang: Lang) => string] => [
      field,
      (lang) => t(lang, `dataSheet.col.${field}`),
    ]),
    ['flag.won', (lang) => t(lang, 'dataSheet.flag.won')],
    ['flag.closed', (lang) => t(lang, 'dataSheet.flag.closed')],
  ]);
  const orders = labelsOf<DayOrder>(
    (['dmy', 'mdy'] as const).map((order): [DayOrder, (lang: Lang) => string] => [
      order,
      (lang) => t(lang, `dataSheet.dayOrder.${order}`),
    ]),
  );
  const outcomes = labelsOf<Outcome>(
    OUTCOMES.map((outcome): [Outcome, (lang: Lang) => string] => [
      outcome,
      (lang) => outcomeLabel(lang, outcome),
    ]),
  );
  const columnLists: Partial<Record<FieldKey, string[]>> = {};
  const stages: Record<string, Outcome> = {};
  const flags: { won?: string; closed?: string } = {};
  const dayOrders: Partial<Record<FieldKey, DayOrder>> = {};
  let section: Section | null = null;
  let found = false;
  let headerRow = false;
  for (const row of cells) {
    const first = String(row[0] ?? '').trim();
    const second = String(row[1] ?? '').trim();
    if (first === '' && second === '') {
      section = null;
      continue;
    }
    const named = second === '' ? sections.get(normal(first)) : undefined;
    if (named) {
      if (named === 'issues') break;
      section = named;
      found = true;
      headerRow = true;
      continue;
    }
    if (headerRow) {
      headerRow = false;
      continue;
    }
    if (section === 'columns') {
      const field = fields.get(normal(first));
      if (field === 'flag.won') flags.won = second;
      else if (field === 'flag.closed') flags.closed = second;
      else if (field && second !== '') {
        (columnLists[field] ??= []).push(second);
        const order = orders.get(normal(row[2]));
        if (order) dayOrders[field] ??= order;
      }
    } else if (section === 'stages') {
      const outcome = outcomes.get(normal(second));
      if (outcome && first !== '') stages[first] = outcome;
    }
  }
  if (!found) return null;
  const columns: Partial<Record<FieldKey, string>> = {};
  for (const [field, headers] of Object.entries(columnLists) as [FieldKey, string[]][])
    columns[field] = headers[0]!;
  return {
    columns,
    columnLists,
    stages,
    ...(flags.won !== undefined && flags.closed !== undefined
      ? { flags: { won: flags.won, closed: flags.closed } }
      : {}),
    ...(Object.keys(dayOrders).length > 0 ? { dayOrders } : {}),
  };
}
