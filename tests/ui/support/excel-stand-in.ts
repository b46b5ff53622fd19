/// <reference types="office-js" />
// Bundled into the task pane page before it loads: an `Excel.run` backed by the recording fake workbook.
import { emptySheet, FakeExcelContext, type FakeWorkbook } from '../../support/fake-excel';

/** What the test reads back from the page through `window.__excel`. */
export interface ExcelRecord {
  sheetNames: string[];
  /** Round trips of each Excel.run. */
  syncs: number[];
  /** Formulas written into the active cell. */
  activeCellFormulas: unknown[];
  /** Formulas of a sheet's cells, by address. */
  formulasOf: (sheetName: string) => Record<string, string>;
}

// A workbook that already has the funnel's sheet, so the insert must pick a unique name.
const model: FakeWorkbook = { sheets: [emptySheet('Sheet1'), emptySheet('Lead funnel')] };
const contexts: FakeExcelContext[] = [];
const activeCellFormulas: unknown[] = [];

/** The fake has no active cell; this records what the sidebar writes there. */
function withActiveCell(context: FakeExcelContext): FakeExcelContext {
  Object.assign(context.workbook, {
    getActiveCell: () => ({
      set formulas(value: unknown) {
        context.enqueue('Range.formulas', () => activeCellFormulas.push(value));
      },
    }),
  });
  return context;
}

const record: ExcelRecord = {
  get sheetNames() {
    return model.sheets.map((sheet) => sheet.name);
  },
  get syncs() {
    return contexts.map((context) => context.syncs);
  },
  activeCellFormulas,
  formulasOf: (sheetName) => {
    const out: Record<string, string> = {};
    const sheet = model.sheets.find((candidate) => candidate.name === sheetName);
    for (const [address, cell] of sheet?.cells ?? [])
      if (cell.content?.kind === 'formula') out[address] = cell.content.formula;
    return out;
  },
};

Object.assign(window, {
  __excel: record,
  Excel: {
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const context = withActiveCell(new FakeExcelContext(model));
      contexts.push(context);
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending) await context.sync();
      return result;
    },
  },
});
