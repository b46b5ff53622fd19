// Entry of the script inlined in Sidebar.html: mounts the sidebar with a host that calls the Apps Script server.
import { monthOf } from '../core/templates/index';
import type { SidebarHost } from '../core/ui/host';
import { mountSidebar } from '../core/ui/sidebar';
import { currencyOfLocale, langOfLocale } from '../core/i18n/locale';
import type { HostDefaults } from '../core/templates/index';
import { HOST_DEFAULTS_ELEMENT_ID } from './host-defaults';
import {
  callServer,
  formulaOutcomeOf,
  importInChunks,
  sheetNameOf,
  sheetValuesOf,
  type ScriptRun,
} from './script-run';

declare const google: { script: { run: ScriptRun } } | undefined;

/** Where the sidebar mounts in Sidebar.html. */
const ROOT_ID = 'app';

/** The defaults the server put into the page (user language, spreadsheet currency), if any. */
function serverDefaults(): HostDefaults {
  const text = document.getElementById(HOST_DEFAULTS_ELEMENT_ID)?.textContent;
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(
      ['lang', 'currency', 'startMonth']
        .filter((key) => typeof parsed[key] === 'string')
        .map((key) => [key, parsed[key]]),
    ) as HostDefaults;
  } catch {
    return {};
  }
}

/**
 * The Sheets host. The server puts the user's language and the spreadsheet's currency into the
 * page (the sandboxed iframe cannot ask for them); the browser's language stands in for
 * whatever is missing, and the server fills in whatever the request leaves out.
 */
function sheetsHost(runner: () => ScriptRun): SidebarHost {
  const language = navigator.language;
  const fromServer = serverDefaults();
  return {
    kind: 'sheets',
    functionPrefix: '',
    defaults: () => {
      const currency = fromServer.currency ?? currencyOfLocale(language);
      return {
        lang: fromServer.lang ?? langOfLocale(language),
        startMonth: fromServer.startMonth ?? monthOf(new Date()),
        displayLanguage: fromServer.lang ?? language,
        ...(currency !== undefined ? { currency } : {}),
      };
    },
    insertTemplate: (request) =>
      callServer(runner, (run) => run.insertTemplate(request), sheetNameOf),
    insertFormula: (request) =>
      callServer(runner, (run) => run.insertFormula(request), formulaOutcomeOf),
    readSheetValues: (sheetName, range) =>
      callServer(runner, (run) => run.readSheetValues(sheetName, range), sheetValuesOf),
    importDeals: (request) => importInChunks(runner, request),
  };
}

const OUTSIDE_SHEETS = 'This page is not running inside Google Sheets, so nothing can be inserted.';

/** Opened outside Apps Script (no google.script.run) the page says so instead of failing silently. */
function offlineRun(): ScriptRun {
  let fail: (error: unknown) => void = () => undefined;
  const run: ScriptRun = {
    withSuccessHandler: () => run,
    withFailureHandler: (handler) => {
      fail = handler;
      return run;
    },
    insertTemplate: () => fail(new Error(OUTSIDE_SHEETS)),
    insertFormula: () => fail(new Error(OUTSIDE_SHEETS)),
    readSheetValues: () => fail(new Error(OUTSIDE_SHEETS)),
    importDeals: () => fail(new Error(OUTSIDE_SHEETS)),
    appendImportRows: () => fail(new Error(OUTSIDE_SHEETS)),
    discardImportDraft: () => fail(new Error(OUTSIDE_SHEETS)),
  };
  return run;
}

const root = document.getElementById(ROOT_ID);
// A fresh runner per call, so handlers set for one insertion never answer another.
const runner = () => (typeof google !== 'undefined' ? google.script.run : offlineRun());
if (root) mountSidebar(root, sheetsHost(runner));
