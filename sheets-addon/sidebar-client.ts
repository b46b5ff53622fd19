// Entry of the script inlined in Sidebar.html: mounts the sidebar with a host that calls the Apps Script server.
import { monthOf } from '../core/templates/index';
import type { InsertRequest, SidebarHost } from '../core/ui/host';
import { mountSidebar } from '../core/ui/sidebar';
import { currencyOfLocale, langOfLocale } from '../core/i18n/locale';
import type { HostDefaults } from '../core/templates/index';
import { HOST_DEFAULTS_ELEMENT_ID } from './host-defaults';

/** The part of the client-side `google.script.run` API the sidebar uses (no published types exist). */
interface ScriptRun {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  insertTemplate(request: InsertRequest): void;
}

declare const google: { script: { run: ScriptRun } } | undefined;

/** Where the sidebar mounts in Sidebar.html. */
const ROOT_ID = 'app';

/** The server's answer must name the sheet it created; anything else is reported, not shown as success. */
function sheetNameOf(result: unknown): string {
  const name = (result as { sheetName?: unknown } | null)?.sheetName;
  if (typeof name !== 'string')
    throw new Error(`Unexpected answer from the server: ${JSON.stringify(result)}`);
  return name;
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
      new Promise((resolve, reject) => {
        runner()
          .withSuccessHandler((result) => {
            try {
              resolve({ sheetName: sheetNameOf(result) });
            } catch (error) {
              reject(error);
            }
          })
          .withFailureHandler((error) =>
            reject(error instanceof Error ? error : new Error(String(error))),
          )
          .insertTemplate(request);
      }),
  };
}

/** Opened outside Apps Script (no google.script.run) the page says so instead of failing silently. */
function offlineRun(): ScriptRun {
  let fail: (error: unknown) => void = () => undefined;
  const run: ScriptRun = {
    withSuccessHandler: () => run,
    withFailureHandler: (handler) => {
      fail = handler;
      return run;
    },
    insertTemplate: () =>
      fail(new Error('This page is not running inside Google Sheets, so nothing can be inserted.')),
  };
  return run;
}

const root = document.getElementById(ROOT_ID);
// A fresh runner per call, so handlers set for one insertion never answer another.
const runner = () => (typeof google !== 'undefined' ? google.script.run : offlineRun());
if (root) mountSidebar(root, sheetsHost(runner));
