// The Excel fake is held to Office.js: it offers only declared members, and the adapter passes only declared values.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, TEMPLATE_IDS, type SheetPlan } from '../../core/templates/index';
import { DATA_COLUMNS, type DataSheetPlan } from '../../core/import/workbook-types';
import { applyPlanToExcel } from '../../excel-addin/apply-plan';
import { readSheetValues, writeImport } from '../../excel-addin/import-deals';
import type { ExcelSupport } from '../../excel-addin/support';
import {
  asExcelContext,
  emptySheet,
  FakeExcelContext,
  FakeOfficeError,
  NotInOfficeJs,
  OFFERED_MEMBERS,
  type ApiUse,
  type FakeFailure,
} from '../support/fake-excel';
import { OfficeJsDeclarations } from '../support/office-js-declarations';

function dataSheetContext(): { context: FakeExcelContext; excel: Excel.RequestContext } {
  const context = new FakeExcelContext({ sheets: [emptySheet('Data')] });
  return { context, excel: asExcelContext(context) };
}

/** A proxy seen as the loose object a typo in untyped (or cast) code would reach. */
function loose(proxy: object): Record<string, unknown> {
  return proxy as Record<string, unknown>;
}

describe('the Excel fake', () => {
  it('throws on a misspelt property, a made-up method and a write to a read-only member', () => {
    const { excel } = dataSheetContext();
    const range = excel.workbook.worksheets.getItem('Data').getRange('A1');
    expect(() => {
      loose(range.format.font).italics = true;
    }).toThrow(NotInOfficeJs);
    expect(() => loose(range.format).autofitRow).toThrow(NotInOfficeJs);
    expect(() => {
      loose(range).format = {};
    }).toThrow(/Excel\.Range\.format is read-only/);
    expect(() => {
      loose(excel.workbook.application).calculationMode = 'Manual';
    }).toThrow(/Excel\.Application has no member "calculationMode"/);
  });

  it('refuses sheet names Excel refuses, and a second sheet of a name in any case', async () => {
    for (const name of ['', 'a'.repeat(32), 'a/b', 'History', "'quoted'"]) {
      const { context, excel } = dataSheetContext();
      excel.workbook.worksheets.add(name);
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    const { context, excel } = dataSheetContext();
    excel.workbook.worksheets.add('DATA');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    const added = excel.workbook.worksheets.add('Mine');
    await context.sync();
    added.name = 'data';
    await expect(context.sync()).rejects.toMatchObject({
      code: 'ItemAlreadyExists',
      debugInfo: { errorLocation: 'Worksheet.name' },
    });
  });

  it('makes a sheet added in a failed batch unusable afterwards, as Office.js does', async () => {
    const { context, excel } = dataSheetContext();
    const added = excel.workbook.worksheets.add('Mine');
    added.getRange('A1').formulas = [['x', 'too wide']];
    await expect(context.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    expect(() => added.delete()).toThrow(/isn't working/);

    const kept = excel.workbook.worksheets.add('Kept');
    await context.sync();
    kept.calculate(true);
    await context.sync();
    expect(context.model.sheets.find((s) => s.name === 'Kept')?.calculations).toBe(1);
  });
});

describe('the Excel fake and the adapter against @types/office-js', () => {
  let declarations: OfficeJsDeclarations;
  const uses: ApiUse[] = [];

  const FULL: ExcelSupport = {
    screenUpdating: true,
    rangeAreas: true,
    notes: true,
    pageLayout: true,
    tableResize: true,
  };
  const OLD: ExcelSupport = {
    screenUpdating: false,
    rangeAreas: false,
    notes: false,
    pageLayout: false,
    tableResize: false,
  };

  function plan(id: string): SheetPlan {
    const result = buildPlan(
      id,
      { periods: 24, rows: 50, example: true, protect: true, mode: 'functions' },
      {},
      { functionPrefix: 'KPI.' },
    );
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '));
    const sheetPlan = structuredClone(result.plan);
    // A note, so the note calls are checked too.
    sheetPlan.cells[0]![0] = { ...sheetPlan.cells[0]![0], note: 'Read me' };
    return sheetPlan;
  }

  async function run(sheetPlan: SheetPlan, support: ExcelSupport, failure?: FakeFailure) {
    const context = new FakeExcelContext({ sheets: [emptySheet('Data')] }, failure, {
      rangeAreas: support.rangeAreas,
      notes: support.notes,
    });
    await applyPlanToExcel(asExcelContext(context), sheetPlan, support).catch(() => undefined);
    uses.push(...context.apiUses);
  }

  /** A small data sheet plan: two deals, a record with a styled heading and a dated cell. */
  function dataSheet(): DataSheetPlan {
    return {
      sheetName: 'Deals',
      lang: 'en',
      tableName: 'KpiDeals',
      header: [...DATA_COLUMNS],
      columns: DATA_COLUMNS.map((key) => ({
        key,
        format: key === 'created' ? 'yyyy-mm-dd' : '',
        width: 80,
      })),
      rows: [0, 1].map((i) => DATA_COLUMNS.map((key, c) => (c === 0 ? i + 2 : `${key} ${i}`))),
      recordAnchor: 'N1',
      record: [
        [{ value: 'Import', role: 'section' }],
        [{ value: 'Imported' }, { value: 46400, format: 'yyyy-mm-dd' }],
      ],
      recordColumns: [{ width: 120 }, { width: 90 }],
      example: false,
    };
  }

  /** A new import, a replacing one, and a replacing one that fails and puts the old rows back. */
  async function runImports(support: ExcelSupport): Promise<void> {
    const model = { sheets: [emptySheet('Data')] };
    const apiSets = {
      rangeAreas: support.rangeAreas,
      notes: support.notes,
      tableResize: support.tableResize,
    };
    const analysis = plan('funnel');
    for (const [replace, failure] of [
      [false, {}],
      [true, {}],
      [true, { at: /^Range\.values$/, once: true }],
    ] as const) {
      const context = new FakeExcelContext(model, failure, apiSets);
      const request = { dataSheet: dataSheet(), analysis: replace ? null : analysis, replace };
      await writeImport(asExcelContext(context), request, support).catch(() => undefined);
      uses.push(...context.apiUses);
    }
    const context = new FakeExcelContext(model);
    await readSheetValues(asExcelContext(context), 'Deals', 'N1:O2');
    uses.push(...context.apiUses);
  }

  beforeAll(async () => {
    declarations = new OfficeJsDeclarations();
    // Every template, one on Excel without RangeAreas, and a failed write with its rollback.
    for (const id of TEMPLATE_IDS) await run(plan(id), FULL);
    await run(plan('dashboard'), OLD);
    await run(plan('dashboard'), FULL, { at: /^DataValidation\.rule$/ });
    // Imports on current Excel and on Excel without Table.resize and RangeAreas.
    await runImports(FULL);
    await runImports(OLD);
  });

  it('offers only members Office.js declares, settable only where Office.js lets them be set', () => {
    const problems = [...OFFERED_MEMBERS].flatMap(([type, members]) =>
      [...members].map(([name, kind]) => declarations.offeredProblem(type, name, kind)),
    );
    expect(OFFERED_MEMBERS.size).toBeGreaterThan(20);
    expect(problems.filter(Boolean)).toEqual([]);
  });

  it('sees the adapter use only declared members, with values their declared types allow', () => {
    expect(uses.length).toBeGreaterThan(1000);
    const problems = new Set(uses.map((use) => declarations.useProblem(use)).filter(Boolean));
    expect([...problems]).toEqual([]);
    // The imports reached their table and used-range calls, so those were checked too.
    const members = new Set(uses.map((use) => `${use.type}.${use.member}`));
    for (const member of [
      'Excel.Table.resize',
      'Excel.Table.convertToRange',
      'Excel.TableCollection.add',
      'Excel.Worksheet.getUsedRange',
      'Excel.Range.clear',
    ])
      expect(members).toContain(member);
  });

  it('would notice an undeclared member, a read-only write, and a value outside a declared union', () => {
    expect(declarations.offeredProblem('Excel.RangeFont', 'italics', 'writable')).toMatch(
      /not declared/,
    );
    expect(declarations.offeredProblem('Excel.Range', 'address', 'writable')).toMatch(/read-only/);
    expect(declarations.offeredProblem('Excel.Range', 'merge', 'writable')).toMatch(/method/);
    const set = (type: string, member: string, value: unknown): ApiUse => ({
      type,
      member,
      access: 'set',
      values: [value],
    });
    expect(
      declarations.useProblem(set('Excel.RangeFormat', 'horizontalAlignment', 'center')),
    ).toMatch(/is not/);
    expect(declarations.useProblem(set('Excel.RangeFont', 'bold', 'yes'))).toMatch(/is not/);
    expect(
      declarations.useProblem(
        set('Excel.DataValidation', 'prompt', { showPrompt: true, title: '', mesage: 'typo' }),
      ),
    ).toMatch(/has no field "mesage"/);
    expect(
      declarations.useProblem({
        type: 'Excel.ChartCollection',
        member: 'add',
        access: 'call',
        values: ['Lines', 'A1:B2'],
      }),
    ).toMatch(/fit no overload/);
  });
});
