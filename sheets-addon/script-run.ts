// The sidebar's calls to the Apps Script server through google.script.run: answers checked, imports sent in chunks.
import type { DataValue, ImportRequest } from '../core/import/workbook-types';
import type { FormulaOutcome, FormulaRequest, InsertRequest, TargetCell } from '../core/ui/host';
import { IMPORT_CHUNK_CHARS, importChunks } from './import-chunks';
import type { RowsChunk } from './import-request';

/** The part of the client-side `google.script.run` API the sidebar uses (no published types exist). */
export interface ScriptRun {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  insertTemplate(request: InsertRequest): void;
  insertFormula(request: FormulaRequest): void;
  readSheetValues(sheetName: string, range: string): void;
  importDeals(
    request: ImportRequest,
    draft: { draft: string; rows: number; record?: { lines: number; width: number } } | null,
  ): void;
  appendImportRows(chunk: RowsChunk): void;
  discardImportDraft(draft: string): void;
}

const unexpected = (result: unknown) =>
  new Error(`Unexpected answer from the server: ${JSON.stringify(result)}`);

/** The server's answer must name the sheet it created; anything else is reported, not shown as success. */
export function sheetNameOf(result: unknown): { sheetName: string } {
  const name = (result as { sheetName?: unknown } | null)?.sheetName;
  if (typeof name !== 'string') throw unexpected(result);
  return { sheetName: name };
}

function isCell(value: unknown): value is TargetCell {
  const cell = value as Partial<Record<keyof TargetCell, unknown>> | null;
  return (
    typeof cell?.sheet === 'string' &&
    typeof cell.address === 'string' &&
    typeof cell.content === 'string' &&
    (cell.selection === undefined || typeof cell.selection === 'string')
  );
}

/** The server's answer to insertFormula, checked, so a malformed one is reported, not acted on. */
export function formulaOutcomeOf(result: unknown): FormulaOutcome {
  const outcome = result as { status?: unknown; cell?: unknown } | null;
  if (outcome?.status === 'noCell') return { status: 'noCell' };
  if ((outcome?.status === 'written' || outcome?.status === 'refused') && isCell(outcome.cell))
    return { status: outcome.status, cell: outcome.cell };
  throw unexpected(result);
}

/** The server's answer to readSheetValues: null, or rows of texts and numbers. */
export function sheetValuesOf(result: unknown): DataValue[][] | null {
  if (result === null) return null;
  const cell = (value: unknown) => typeof value === 'string' || typeof value === 'number';
  if (Array.isArray(result) && result.every((row) => Array.isArray(row) && row.every(cell)))
    return result as DataValue[][];
  throw unexpected(result);
}

export function importedOf(result: unknown): { dataSheet: string; analysis: string | null } {
  const names = result as { dataSheet?: unknown; analysis?: unknown } | null;
  if (
    typeof names?.dataSheet === 'string' &&
    (names.analysis === null || typeof names.analysis === 'string')
  )
    return { dataSheet: names.dataSheet, analysis: names.analysis };
  throw unexpected(result);
}

function draftOf(result: unknown): string {
  const draft = (result as { draft?: unknown } | null)?.draft;
  if (typeof draft !== 'string') throw unexpected(result);
  return draft;
}

/** Room in a call for what a chunk carries beside its rows: names (1,000 characters at most), numbers, keys. */
const CHUNK_WRAPPING = 10_000;

/**
 * Sends an import in one call when it fits one (import-chunks.ts), else chunk by chunk to a
 * draft sheet (the rows, then the import record, which lists every reported row and so can be
 * as long) and then the request without either. Chunks go one after another: the server checks
 * each starts where the last ended. If a chunk or the final call fails, the server has already
 * removed the draft; if the connection fails between calls, the draft is discarded here.
 */
export async function importInChunks(
  runner: () => ScriptRun,
  request: ImportRequest,
): Promise<{ dataSheet: string; analysis: string | null }> {
  const { rows, record, sheetName, lang } = request.dataSheet;
  const bound = IMPORT_CHUNK_CHARS - CHUNK_WRAPPING;
  const rowChunks = importChunks(rows, undefined, bound);
  const recordChunks = importChunks(record, undefined, bound);
  if (
    rowChunks.length <= 1 &&
    recordChunks.length <= 1 &&
    JSON.stringify(request).length <= IMPORT_CHUNK_CHARS
  )
    return callServer(runner, (run) => run.importDeals(request, null), importedOf);
  let draft: string | null = null;
  try {
    const chunks = [
      ...rowChunks.map((chunk) => ({ offset: chunk.offset, rows: chunk.rows })),
      ...recordChunks.map((chunk) => ({
        offset: rows.length,
        rows: [],
        record: { offset: chunk.offset, lines: chunk.rows },
      })),
    ];
    for (const chunk of chunks) {
      const sent: RowsChunk = {
        draft,
        sheetName,
        lang,
        replace: request.replace,
        totalRows: rows.length,
        ...chunk,
      };
      draft = await callServer(runner, (run) => run.appendImportRows(sent), draftOf);
    }
    const width = record.reduce((most, line) => Math.max(most, line.length), 0);
    const ref = {
      draft: draft!,
      rows: rows.length,
      ...(record.length > 0 ? { record: { lines: record.length, width } } : {}),
    };
    const withoutRows = { ...request, dataSheet: { ...request.dataSheet, rows: [], record: [] } };
    return await callServer(runner, (run) => run.importDeals(withoutRows, ref), importedOf);
  } catch (error) {
    const left = draft;
    if (left !== null)
      await callServer(
        runner,
        (run) => run.discardImportDraft(left),
        () => undefined,
      ).catch(() => undefined);
    throw error;
  }
}

/** Calls a server function through `runner`, resolving with its answer as `parse` reads it. */
export function callServer<T>(
  runner: () => ScriptRun,
  call: (run: ScriptRun) => void,
  parse: (result: unknown) => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    call(
      runner()
        .withSuccessHandler((result) => {
          try {
            resolve(parse(result));
          } catch (error) {
            reject(error);
          }
        })
        .withFailureHandler((error) =>
          reject(error instanceof Error ? error : new Error(String(error))),
        ),
    );
  });
}
