// Entry of the script inlined in Sidebar.html: mounts the sidebar with a host that calls the Apps Script server.
import { monthOf } from '../core/templates/index';
import type {
  FormulaOutcome,
  FormulaRequest,
  InsertRequest,
  SidebarHost,
  TargetCell,
} from '../core/ui/host';
import { mountSidebar } from '../core/ui/sidebar';
import { currencyOfLocale, langOfLocale } from '../core/i18n/locale';
import type { HostDefaults } from '../core/templates/index';
import { HOST_DEFAULTS_ELEMENT_ID } from './host-defaults';

/** The part of the client-side `google.script.run` API the sidebar uses (no published types exist). */
interface ScriptRun {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  insertTemplate(request: InsertRequest): void;
  insertFormula(request: FormulaRequest): void;
}

declare const google: { script: { run: ScriptRun } } | undefined;

/** Where the sidebar mounts in Sidebar.html. */
const ROOT_ID = 'app';

const unexpected = (result: unknown) =>
  new Error(`Unexpected answer from the server: ${JSON.stringify(result)}`);

/** The server's answer must name the sheet it created; anything else is reported, not shown as success. */
function sheetNameOf(result: unknown): { sheetName: string } {
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
function formulaOutcomeOf(result: unknown): FormulaOutcome {
  const outcome = result as { status?: unknown; cell?: unknown } | null;
  if (outcome?.status === 'noCell') return { status: 'noCell' };
  if ((outcome?.status === 'written' || outcome?.status === 'refused') && isCell(outcome.cell))
    return { status: outcome.status, cell: outcome.cell };
  throw unexpected(result);
}

/** Calls a server function through `runner`, resolving with its answer as `parse` reads it. */
function callServer<T>(
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
  };
  return run;
}

const root = document.getElementById(ROOT_ID);
// A fresh runner per call, so handlers set for one insertion never answer another.
const runner = () => (typeof google !== 'undefined' ? google.script.run : offlineRun());
if (root) mountSidebar(root, sheetsHost(runner));
