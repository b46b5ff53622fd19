/// <reference types="google-apps-script" />
// The Apps Script server functions: the add-on menu, the sidebar, and the sidebar's google.script.run calls (insert, import).
import type { DataValue } from '../core/import/workbook-types';
import { buildPlan, type HostDefaults, type Lang } from '../core/templates/index';
import type { FormulaOutcome } from '../core/ui/host';
import { applyPlanToSheets, type SheetsServices } from './apply-plan';
import { insertFormulaIntoSheets } from './formula-insert';
import { sheetsHostDefaults, withHostDefaults } from './host-defaults';
import {
  appendImportRows as appendRows,
  commitImport,
  discardImportDraft as discardDraft,
  readSheetValues as readValues,
} from './import-deals';
import { readDraftRef, readImportRequest, readRowsChunk, readSheetRange } from './import-request';
import { readInsertRequest } from './insert-request';
import { SHEETS_MESSAGES } from './messages';
import { ShapeError, text } from './shape';

/** The sidebar page in the Apps Script project (built with its JS and CSS inlined). */
const SIDEBAR_FILE = 'Sidebar';
const SIDEBAR_TITLE = 'KPI Templates';

/**
 * Adds Extensions › (add-on name) › Open sidebar. Runs in every authorization mode, including
 * AuthMode.NONE before the user has authorized the add-on, so it creates the menu and nothing else.
 */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
}

/** Right after installation onOpen has not run for the open spreadsheet, so the menu is added here. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

function activeDefaults(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): HostDefaults {
  return sheetsHostDefaults(Session.getActiveUserLocale(), spreadsheet.getSpreadsheetLocale());
}

const services = (): SheetsServices => ({ spreadsheetApp: SpreadsheetApp, charts: Charts });

/** Reads a call's arguments with `read`; a malformed part is refused in the user's language. */
function readArguments<T>(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    const lang: Lang = activeDefaults(spreadsheet).lang ?? 'en';
    throw new Error(SHEETS_MESSAGES[lang].importUnreadable(error.path), { cause: error });
  }
}

/** Opens the sidebar (menu item "Open sidebar") in the user's language and the sheet's currency. */
export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE);
  const defaults = activeDefaults(SpreadsheetApp.getActiveSpreadsheet());
  page.setContent(withHostDefaults(page.getContent(), defaults)).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

/**
 * Inserts template `request.templateId` with `request.options` (templates.md, "Entry points":
 * `{ templateId, options }`) into the active spreadsheet and returns the new sheet's name.
 * Any client may call it, so the request is read as untrusted data (insert-request.ts). Options
 * the request leaves out default to the user's language, the spreadsheet locale's currency and
 * the current month. Throws an Error whose message lists every refusal (one per line, in the
 * request's language) without touching the spreadsheet, or says what failed during the insert
 * after removing the partly built sheet; google.script.run hands that message to the sidebar.
 */
export function insertTemplate(request: unknown): { sheetName: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const defaults = activeDefaults(spreadsheet);
  const { templateId, options, refusals } = readInsertRequest(request, defaults.lang ?? 'en');
  const result = buildPlan(templateId, options, defaults, { functionPrefix: '' });
  if (refusals.length > 0 || !result.ok)
    throw new Error(
      [...refusals, ...(result.ok ? [] : result.errors.map((error) => error.message))].join('\n'),
    );
  // A template that reads a data sheet (pipeline) brings example deals: written first when the
  // spreadsheet has no data sheet yet, else the analysis reads the user's own deals.
  const { dataSheet } = result;
  const named = dataSheet?.sheetName.toLowerCase();
  if (
    dataSheet &&
    !spreadsheet.getSheets().some((sheet) => sheet.getName().toLowerCase() === named)
  )
    return {
      sheetName: commitImport(
        spreadsheet,
        { dataSheet, analysis: result.plan, replace: false },
        null,
        services(),
      ).analysis!,
    };
  return applyPlanToSheets(spreadsheet, result.plan, services());
}

/**
 * Puts a function reference example formula, `request.formula`, into the active cell (the
 * top-left cell of the active range) with `request.numberFormat`: at once into an empty cell,
 * else only when `request.expected` describes what the cell still holds. Returns what happened
 * (FormulaOutcome) to the sidebar through google.script.run.
 */
export function insertFormula(request: unknown): FormulaOutcome {
  return insertFormulaIntoSheets(SpreadsheetApp.getActiveSpreadsheet(), request);
}

/**
 * The values of `range` ("N1:Q400") on the sheet named `sheetName`, or null when the spreadsheet
 * has none: how the sidebar finds an earlier import's data sheet and its saved settings.
 */
export function readSheetValues(sheetName: unknown, range: unknown): DataValue[][] | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const args = readArguments(spreadsheet, () => readSheetRange(sheetName, range));
  return readValues(spreadsheet, args.sheetName, args.range);
}

/**
 * Writes an import (core/import/workbook-types.ts, ImportRequest): the data sheet, its named
 * range, then the analysis sheet. The rows come in `request.dataSheet.rows`, or, for an import
 * larger than one call takes (import-chunks.ts), were sent before with appendImportRows to the
 * draft `draft` names, and `request.dataSheet.rows` is empty (and so is its record when
 * `draft.record` says it went there too). Returns the sheet names used;
 * throws an Error whose message the sidebar shows, having left the spreadsheet as it was.
 */
export function importDeals(
  request: unknown,
  draft?: unknown,
): { dataSheet: string; analysis: string | null } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { read, ref } = readArguments(spreadsheet, () => {
    const read = readImportRequest(request, 'request');
    const ref = draft === undefined || draft === null ? null : readDraftRef(draft, 'draft');
    if (ref && read.dataSheet.rows.length > 0) throw new ShapeError('request.dataSheet.rows');
    if (ref?.record && read.dataSheet.record.length > 0)
      throw new ShapeError('request.dataSheet.record');
    return { read, ref };
  });
  return commitImport(spreadsheet, read, ref, services());
}

/**
 * One chunk of rows of an import too large for one call, appended to a hidden draft sheet (the
 * first chunk creates it); returns the draft's name for the next chunk and for importDeals.
 */
export function appendImportRows(chunk: unknown): { draft: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return appendRows(
    spreadsheet,
    readArguments(spreadsheet, () => readRowsChunk(chunk, 'chunk')),
  );
}

/** Deletes the draft sheet of an import the sidebar could not finish. */
export function discardImportDraft(draft: unknown): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  discardDraft(
    spreadsheet,
    readArguments(spreadsheet, () => text(1_000)(draft, 'draft')),
  );
}

/** The functions Code.js declares at top level, each handing over to this bundle. */
export const SERVER_FUNCTIONS = {
  onOpen,
  onInstall,
  showSidebar,
  insertTemplate,
  insertFormula,
  readSheetValues,
  importDeals,
  appendImportRows,
  discardImportDraft,
};
