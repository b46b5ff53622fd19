/// <reference types="office-js" />
// Bundled into the task pane page before it loads: an `Excel.run` backed by the recording fake workbook.
import {
  emptySheet,
  FakeExcelContext,
  type FakeContent,
  type FakeWorkbook,
} from '../../support/fake-excel';

/** What the test reads back from the page through `window.__excel`, and how it acts as the user. */
export interface ExcelRecord {
  sheetNames: string[];
  /** Round trips of each Excel.run. */
  syncs: number[];
  /** Formulas of a sheet's cells, by address. */
  formulasOf: (sheetName: string) => Record<string, string>;
  /** A cell's content and number format, as Excel holds them. */
  cell: (sheetName: string, address: string) => { content?: FakeContent; numberFormat: string };
  /** Shows `sheetName` and selects `range` on it. */
  select: (sheetName: string, range: string) => void;
  /** Types the number `value` into a cell. */
  enter: (sheetName: string, address: string, value: number) => void;
}

// A workbook that already has the funnel's sheet, so the insert must pick a unique name.
const model: FakeWorkbook = { sheets: [emptySheet('Sheet1'), emptySheet('Lead funnel')] };
const contexts: FakeExcelContext[] = [];
const sheetNamed = (name: string) => model.sheets.find((sheet) => sheet.name === name)!;

const record: ExcelRecord = {
  get sheetNames() {
    return model.sheets.map((sheet) => sheet.name);
  },
  get syncs() {
    return contexts.map((context) => context.syncs);
  },
  formulasOf: (sheetName) => {
    const out: Record<string, string> = {};
    for (const [address, cell] of sheetNamed(sheetName)?.cells ?? [])
      if (cell.content?.kind === 'formula') out[address] = cell.content.formula;
    return out;
  },
  cell: (sheetName, address) => {
    const cell = sheetNamed(sheetName).cells.get(address);
    return { content: cell?.content, numberFormat: cell?.numberFormat ?? 'General' };
  },
  select: (sheetName, range) => {
    model.activeSheet = sheetName;
    model.selection = range;
  },
  enter: (sheetName, address, value) => {
    sheetNamed(sheetName).cells.set(address, {
      content: { kind: 'number', number: value },
      numberFormat: 'General',
      locked: true,
      format: {},
    });
  },
};

Object.assign(window, {
  __excel: record,
  Excel: {
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const context = new FakeExcelContext(model);
      contexts.push(context);
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending) await context.sync();
      return result;
    },
  },
});
