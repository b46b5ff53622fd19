// Turns a deals export and the command line's overrides (--map, --won, --lost, --day-order) into deals, or a refusal in the user's language.
import {
  decode,
  importDeals,
  mapByHeaders,
  proposeMapping,
  readTable,
  type ImportedDeals,
  type Mapping,
  type RowProblem,
} from '../core/import/index';
import type { FieldKey, ImportError, Result } from '../core/import/types';
import { reasonText } from '../core/import/reasons';
import { refusalText } from '../core/ui/import-texts';
import type { Lang } from '../core/templates/options';
import type { DataOptions } from './args';
import { cliText } from './messages';

export type DealsImport =
  { ok: true; imported: ImportedDeals; notes: string[] } | { ok: false; messages: string[] };

/** Header texts as a list for messages, each quoted so spaces and commas inside stay readable. */
function headerList(headers: readonly string[]): string {
  return headers.map((header) => JSON.stringify(header)).join(', ');
}

/** The field whose columns include `column`, for naming it in --day-order. */
function fieldOfColumn(mapping: Mapping, column: number): FieldKey | undefined {
  const entries = Object.entries(mapping.columns) as [FieldKey, readonly number[]][];
  return entries.find(([, columns]) => columns.includes(column))?.[0];
}

/** The import's own refusal text (shared with the sidebar), naming the file. */
export function fileRefusal(lang: Lang, path: string, error: ImportError): string {
  return cliText(lang, 'refusedFile', { path, reason: refusalText(lang, error) });
}

/** The refusal of a whole file, one message per thing to fix. */
function refusalMessages(
  error: ImportError,
  path: string,
  headers: readonly string[],
  mapping: Mapping | null,
  lang: Lang,
): string[] {
  switch (error.kind) {
    case 'not-text':
    case 'empty':
    case 'headers-only':
    case 'too-large':
      return [fileRefusal(lang, path, error)];
    case 'missing-fields':
      return [
        cliText(lang, 'dataMissingFields', {
          path,
          fields: error.fields.join(', '),
          example: error.fields[0] ?? '',
          headers: headerList(headers),
        }),
      ];
    case 'ambiguous-dates':
      return error.columns.map(({ column, header }) =>
        cliText(lang, 'dataAmbiguousDates', {
          path,
          header,
          field: (mapping && fieldOfColumn(mapping, column)) ?? 'created',
        }),
      );
  }
}

/** The detected mapping with the user's overrides on top; the first header the file lacks refuses it. */
function chosenMapping(
  detected: Mapping,
  headers: readonly string[],
  data: DataOptions,
): { ok: true; mapping: Mapping } | { ok: false; field: FieldKey; header: string } {
  const { mapping, unknown } = mapByHeaders(detected, headers, data.columns);
  const missing = unknown[0];
  if (missing !== undefined) {
    const entries = Object.entries(data.columns) as [FieldKey, string[]][];
    const field = entries.find(([, wanted]) => wanted.includes(missing))?.[0] ?? 'id';
    return { ok: false, field, header: missing };
  }
  const dayOrders: Record<number, 'dmy' | 'mdy'> = { ...mapping.dayOrders };
  for (const [field, order] of Object.entries(data.dayOrders) as [FieldKey, 'dmy' | 'mdy'][])
    for (const column of mapping.columns[field] ?? []) dayOrders[column] = order;
  const outcomes = { ...mapping.outcomes, ...data.stages };
  return { ok: true, mapping: { ...mapping, dayOrders, outcomes } };
}

/** Whether the user gave anything that changes how the file is read. */
function hasOverrides(data: DataOptions): boolean {
  return (
    Object.keys(data.columns).length > 0 ||
    Object.keys(data.stages).length > 0 ||
    Object.keys(data.dayOrders).length > 0
  );
}

/**
 * The file's headers: from a first import when it went through, else read again (only on the
 * way to a refusal or to the user's mapping that fixes it).
 */
function headersOf(bytes: Uint8Array, first: Result<ImportedDeals>): readonly string[] | null {
  if (first.ok) return first.value.table.headers;
  const decoded = decode(bytes);
  const table = decoded.ok ? readTable(decoded.value.text) : null;
  return table?.ok ? table.value.headers : null;
}

/**
 * The deals of the file's `bytes` read with the user's overrides. `path` names the file in
 * messages. Refuses the file (every message in `lang`) when it is no deals export, when an
 * override names a column it lacks, or when a date column's day order is for the user to say.
 * With overrides the file is read twice: first for its headers and the detected mapping.
 */
export function importDealsFile(
  bytes: Uint8Array,
  path: string,
  data: DataOptions,
  lang: Lang,
): DealsImport {
  const first = importDeals(bytes);
  const fixable =
    !first.ok && (first.error.kind === 'missing-fields' || first.error.kind === 'ambiguous-dates');
  let result = first;
  let headers: readonly string[] | null = null;
  let used: Mapping | null = null;
  if (hasOverrides(data) && (first.ok || fixable)) {
    headers = headersOf(bytes, first) ?? [];
    const chosen = chosenMapping(proposeMapping(headers).mapping, headers, data);
    if (!chosen.ok)
      return {
        ok: false,
        messages: [
          cliText(lang, 'dataUnknownHeader', {
            path,
            field: chosen.field,
            header: chosen.header,
            headers: headerList(headers),
          }),
        ],
      };
    used = chosen.mapping;
    result = importDeals(bytes, used);
  }
  if (!result.ok) {
    if (fixable) headers ??= headersOf(bytes, result) ?? [];
    used ??= headers ? proposeMapping(headers).mapping : null;
    return { ok: false, messages: refusalMessages(result.error, path, headers ?? [], used, lang) };
  }
  const imported = result.value;
  const notes: string[] = [];
  if (Object.keys(data.stages).length > 0 && imported.mapping.flags)
    notes.push(cliText(lang, 'stagesByFlags', { path }));
  return { ok: true, imported, notes };
}

/** The row report: a heading, then one line per reported row, in `lang`; empty when nothing was reported. */
export function rowReport(problems: readonly RowProblem[], path: string, lang: Lang): string[] {
  if (problems.length === 0) return [];
  const leftOut = new Set(problems.filter((p) => p.leftOut).map((p) => p.row)).size;
  const reported = new Set(problems.map((p) => p.row)).size;
  const lines = [
    cliText(lang, 'reportHeading', { path, reported, leftOut }),
    ...problems.map((problem) =>
      cliText(lang, 'reportLine', {
        row: problem.row,
        // JSON quoting keeps one problem on one line, whatever the cell holds (line breaks, escapes).
        column: JSON.stringify(problem.column),
        value: JSON.stringify(problem.value),
        reason: reasonText(lang, problem.reason),
        leftOut: problem.leftOut ? cliText(lang, 'reportLeftOut') : '',
      }),
    ),
  ];
  if (problems.some((problem) => problem.reason === 'unknown-outcome'))
    lines.push(cliText(lang, 'reportStagesHint'));
  return lines;
}

/** Whether any row of the file is not among the deals: exit code 3 rather than 0. */
export function rowsLeftOut(problems: readonly RowProblem[]): boolean {
  return problems.some((problem) => problem.leftOut);
}
