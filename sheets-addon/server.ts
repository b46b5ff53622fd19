/// <reference types="google-apps-script" />
// The Apps Script server functions: the add-on menu, the sidebar, insertTemplate and insertFormula for google.script.run.
import { buildPlan, type HostDefaults } from '../core/templates/index';
import type { FormulaOutcome } from '../core/ui/host';
import { applyPlanToSheets } from './apply-plan';
import { insertFormulaIntoSheets } from './formula-insert';
import { sheetsHostDefaults, withHostDefaults } from './host-defaults';
import { readInsertRequest } from './insert-request';

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
  return applyPlanToSheets(spreadsheet, result.plan, {
    spreadsheetApp: SpreadsheetApp,
    charts: Charts,
  });
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

/** The functions Code.js declares at top level, each handing over to this bundle. */
export const SERVER_FUNCTIONS = { onOpen, onInstall, showSidebar, insertTemplate, insertFormula };
