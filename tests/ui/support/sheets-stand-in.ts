// Bundled into Sidebar.html before it loads: google.script.run running the real insertFormula server code on the fake spreadsheet.
import { insertFormulaIntoSheets } from '../../../sheets-addon/formula-insert';
import { fakeAppsScript, type FakeCellState } from '../../support/fake-spreadsheet-app';

/** What the test reads back from the page through `window.__sheets`, and how it acts as the user. */
export interface SheetsRecord {
  /** Every insertFormula request, as the server received it. */
  requests: unknown[];
  /** A cell of Sheet1 as the single-cell calls see it. */
  cell: (address: string) => FakeCellState | undefined;
  /** Selects `range` on Sheet1. */
  select: (range: string) => void;
  /** Types `text` into a cell of Sheet1 (shown as typed). */
  enter: (address: string, text: string) => void;
}

const world = fakeAppsScript();
const sheet = world.spreadsheet.sheet('Sheet1')!;
const requests: unknown[] = [];

/** google.script.run sends arguments and answers as JSON-like data, asynchronously. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Handler = ((value: unknown) => void) | undefined;
const runner = (success: Handler, failure: Handler) => ({
  withSuccessHandler: (handler: Handler) => runner(handler, failure),
  withFailureHandler: (handler: Handler) => runner(success, handler),
  insertFormula: (request: unknown) => {
    requests.push(copy(request));
    setTimeout(() => {
      try {
        success?.(copy(insertFormulaIntoSheets(world.spreadsheetApi, copy(request))));
      } catch (error) {
        failure?.(error);
      }
    }, 20);
  },
});

const record: SheetsRecord = {
  requests,
  cell: (address) => sheet.cells.get(address),
  select: (range) => {
    world.spreadsheet.selection = range;
  },
  enter: (address, text) => {
    sheet.cells.set(address, { display: text });
  },
};

Object.assign(window, {
  __sheets: record,
  google: { script: { run: runner(undefined, undefined) } },
});
