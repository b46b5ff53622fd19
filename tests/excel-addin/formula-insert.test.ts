// The Excel side of the reference's Insert on the recording fake: check then write in one Excel.run (issue 8, item 3).
import { afterEach, describe, expect, it } from 'vitest';
import type { FormulaRequest, TargetCell } from '../../core/ui/host';
import { insertFormulaIntoExcel } from '../../excel-addin/formula-insert';
import {
  emptySheet,
  installFakeOffice,
  type FakeContent,
  type FakeFailure,
  type FakeWorkbook,
} from '../support/fake-excel';
import { OfficeJsDeclarations } from '../support/office-js-declarations';

const ROI = '=KPI.SALES_ROI(50000, 10000, 0.4)';
const request: FormulaRequest = { formula: ROI, numberFormat: '0.0%' };

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

/** A workbook with Sheet1 and Sales, the user's selection on the active sheet. */
function workbookWith(selection: string, activeSheet = 'Sheet1'): FakeWorkbook {
  return { sheets: [emptySheet('Sheet1'), emptySheet('Sales')], activeSheet, selection };
}

function install(model: FakeWorkbook, failure: FakeFailure = {}) {
  const office = installFakeOffice(model, {}, failure);
  uninstall = office.uninstall;
  return office;
}

function put(model: FakeWorkbook, sheet: string, address: string, content: FakeContent): void {
  model.sheets
    .find((s) => s.name === sheet)!
    .cells.set(address, { content, numberFormat: 'General', locked: true, format: {} });
}

const cellOf = (model: FakeWorkbook, sheet: string, address: string) =>
  model.sheets.find((s) => s.name === sheet)!.cells.get(address);

describe('insertFormulaIntoExcel', () => {
  it('writes into an empty selected cell at once, with the number format, in two round trips', async () => {
    const model = workbookWith('B4');
    const { contexts } = install(model);
    await expect(insertFormulaIntoExcel(request)).resolves.toEqual({
      status: 'written',
      cell: { sheet: 'Sheet1', address: 'B4', content: '' },
    });
    expect(cellOf(model, 'Sheet1', 'B4')).toMatchObject({
      content: { kind: 'formula', formula: ROI },
      numberFormat: '0.0%',
    });
    expect(contexts.map((context) => context.syncs)).toEqual([2]);
  });

  it.each([
    ['a number', { kind: 'number', number: 123 }, '123'],
    ['text', { kind: 'text', text: 'Q1 target', quotePrefix: false }, 'Q1 target'],
    ['a formula', { kind: 'formula', formula: '=SUM(A1:A3)' }, '=SUM(A1:A3)'],
    ['a boolean', { kind: 'boolean', boolean: true }, 'TRUE'],
  ] as const)(
    'leaves a cell holding %s and answers what it holds, without a second round trip',
    async (_, content, shown) => {
      const model = workbookWith('B4');
      put(model, 'Sheet1', 'B4', content);
      const { contexts } = install(model);
      await expect(insertFormulaIntoExcel(request)).resolves.toEqual({
        status: 'refused',
        cell: { sheet: 'Sheet1', address: 'B4', content: shown },
      });
      expect(cellOf(model, 'Sheet1', 'B4')).toMatchObject({ content, numberFormat: 'General' });
      expect(contexts.map((context) => context.syncs)).toEqual([1]);
    },
  );

  it('replaces the cell the user agreed to replace, while it holds what it held', async () => {
    const model = workbookWith('B4');
    put(model, 'Sheet1', 'B4', { kind: 'number', number: 123 });
    install(model);
    const agreed: TargetCell = { sheet: 'Sheet1', address: 'B4', content: '123' };
    await expect(insertFormulaIntoExcel({ ...request, expected: agreed })).resolves.toEqual({
      status: 'written',
      cell: agreed,
    });
    expect(cellOf(model, 'Sheet1', 'B4')?.content).toEqual({ kind: 'formula', formula: ROI });
  });

  it('refuses when the cell changed after the question, answering what it holds now', async () => {
    const model = workbookWith('B4');
    put(model, 'Sheet1', 'B4', { kind: 'number', number: 123 });
    const { contexts } = install(model);
    const agreed: TargetCell = { sheet: 'Sheet1', address: 'B4', content: '123' };
    // Someone typed 456 into B4 while the user read the question.
    put(model, 'Sheet1', 'B4', { kind: 'number', number: 456 });
    await expect(insertFormulaIntoExcel({ ...request, expected: agreed })).resolves.toEqual({
      status: 'refused',
      cell: { ...agreed, content: '456' },
    });
    expect(cellOf(model, 'Sheet1', 'B4')?.content).toEqual({ kind: 'number', number: 456 });
    expect(contexts.map((context) => context.syncs)).toEqual([1]);
  });

  it('refuses the same address on another sheet: it is another cell', async () => {
    const model = workbookWith('B4', 'Sales');
    put(model, 'Sales', 'B4', { kind: 'number', number: 123 });
    install(model);
    const agreed: TargetCell = { sheet: 'Sheet1', address: 'B4', content: '123' };
    await expect(insertFormulaIntoExcel({ ...request, expected: agreed })).resolves.toEqual({
      status: 'refused',
      cell: { ...agreed, sheet: 'Sales' },
    });
  });

  it('puts the formula into the top-left cell of a selected block, naming the block', async () => {
    const model = workbookWith('B4:D9');
    install(model);
    await expect(insertFormulaIntoExcel(request)).resolves.toEqual({
      status: 'written',
      cell: { sheet: 'Sheet1', address: 'B4', selection: 'B4:D9', content: '' },
    });
    expect([...model.sheets[0]!.cells.keys()]).toEqual(['B4']);
  });

  it('answers "noCell" for several separate blocks, which Excel cannot hand over as one range', async () => {
    const model = workbookWith('B4,D6');
    install(model);
    await expect(insertFormulaIntoExcel(request)).resolves.toEqual({ status: 'noCell' });
    expect(model.sheets[0]!.cells.size).toBe(0);
  });

  it('passes on any other failure as is', async () => {
    const model = workbookWith('B4');
    install(model, { sync: 2, code: 'AccessDenied', message: 'The sheet is protected.' });
    await expect(insertFormulaIntoExcel(request)).rejects.toThrow('The sheet is protected.');
  });

  it('uses only declared Office.js members of ExcelApi 1.1, with values their types allow', async () => {
    const { contexts } = install(workbookWith('B4'));
    await insertFormulaIntoExcel(request);
    const uses = contexts[0]!.apiUses;
    const declarations = new OfficeJsDeclarations();
    expect(uses.map((use) => declarations.useProblem(use)).filter(Boolean)).toEqual([]);
    const used = new Set(uses.map((use) => `${use.type}.${use.member}`));
    expect([...used].sort()).toEqual([
      'Excel.Range.columnCount',
      'Excel.Range.columnIndex',
      'Excel.Range.formulas',
      'Excel.Range.getCell',
      'Excel.Range.load',
      'Excel.Range.numberFormat',
      'Excel.Range.rowCount',
      'Excel.Range.rowIndex',
      'Excel.Range.worksheet',
      'Excel.Workbook.getSelectedRange',
      'Excel.Worksheet.load',
      'Excel.Worksheet.name',
    ]);
  });
});
