/// <reference types="office-js" />
// Entry of dist/excel/taskpane.js: mounts the sidebar in Excel's task pane with a host backed by Office.js.
import type { SidebarHost } from '../core/ui/host';
import { mountSidebar } from '../core/ui/sidebar';
import { insertTemplateIntoExcel } from './insert-template';
import { insertFormulaIntoExcel } from './formula-insert';
import { excelHostDefaults } from './host-defaults';
import { importDealsIntoExcel, readSheetValuesFromExcel } from './import-deals';
import { FUNCTION_NAMESPACE } from './manifest';

/** Where the sidebar mounts in taskpane.html. */
const ROOT_ID = 'app';

/** Why nothing can be inserted when the page is opened outside Excel (a plain browser tab). */
const OUTSIDE_EXCEL = {
  en: 'This page is open outside Excel, so there is no workbook to insert into. Open the add-in from Excel’s ribbon, or try the templates in the preview that npm start serves.',
  fi: 'Tämä sivu on auki Excelin ulkopuolella, joten lisättävää työkirjaa ei ole. Avaa apuohjelma Excelin valintanauhasta tai kokeile pohjia npm start -komennon esikatselussa.',
} as const;

function displayLanguage(): string {
  try {
    return Office.context.displayLanguage || navigator.language;
  } catch {
    return navigator.language;
  }
}

/** The host inside Excel: templates, formulas and imported deals go into the open workbook. */
function excelHost(): SidebarHost {
  return {
    kind: 'excel',
    functionPrefix: `${FUNCTION_NAMESPACE}.`,
    defaults: () => ({ ...excelHostDefaults(), displayLanguage: displayLanguage() }),
    insertTemplate: (request) => insertTemplateIntoExcel(request),
    insertFormula: insertFormulaIntoExcel,
    readSheetValues: readSheetValuesFromExcel,
    importDeals: importDealsIntoExcel,
  };
}

/** The host outside Excel: the gallery and reference work, inserting explains why it cannot. */
function outsideExcelHost(): SidebarHost {
  const language = navigator.language;
  const outside = () =>
    Promise.reject(new Error(OUTSIDE_EXCEL[language.toLowerCase().startsWith('fi') ? 'fi' : 'en']));
  return {
    kind: 'excel',
    functionPrefix: `${FUNCTION_NAMESPACE}.`,
    defaults: () => ({ ...excelHostDefaults(), displayLanguage: language }),
    insertTemplate: outside,
    importDeals: outside,
  };
}

/**
 * Office.js defines the `Excel` namespace only inside Excel; opened in a browser, onReady reports
 * host null and `Excel` stays undefined. So the Excel API's presence decides the host, which also
 * lets the browser tests install a stand-in `Excel.run` before the page loads and drive the
 * real insertion code. Without Office.js at all (offline), the sidebar still mounts.
 */
function start(): void {
  const root = document.getElementById(ROOT_ID);
  if (!root) return;
  const inExcel = typeof Excel !== 'undefined' && typeof Excel.run === 'function';
  mountSidebar(root, inExcel ? excelHost() : outsideExcelHost());
}

if (typeof Office !== 'undefined') void Office.onReady(start);
else start();
