// The Excel adapter gives each inserted sheet the plan's print settings where Excel has them (ExcelApi 1.9), within the same three syncs.
import { afterEach, describe, expect, it } from 'vitest';
import { buildPlan, TEMPLATE_IDS, type SheetPlan } from '../../core/templates/index';
import { applyPlanToExcel } from '../../excel-addin/apply-plan';
import { insertTemplateIntoExcel } from '../../excel-addin/insert-template';
import { TemplateInsertError } from '../../excel-addin/insert-error';
import type { ExcelSupport } from '../../excel-addin/support';
import {
  asExcelContext,
  emptySheet,
  FakeExcelContext,
  installFakeOffice,
  type FakeSheet,
  type FakeWorkbook,
} from '../support/fake-excel';

const MODERN: ExcelSupport = {
  screenUpdating: true,
  rangeAreas: true,
  notes: true,
  pageLayout: true,
  tableResize: true,
};
/** ExcelApi 1.8: no RangeAreas, notes or page layout. */
const OLD: ExcelSupport = {
  screenUpdating: false,
  rangeAreas: false,
  notes: false,
  pageLayout: false,
  tableResize: false,
};

function plan(id: string): SheetPlan {
  const built = buildPlan(id, { periods: 24, rows: 50 }, {}, { functionPrefix: 'KPI.' });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join(' '));
  return built.plan;
}

function workbook(): FakeWorkbook {
  return { sheets: [emptySheet('Data')], activeSheet: 'Data' };
}

async function insert(sheetPlan: SheetPlan, support: ExcelSupport) {
  const model = workbook();
  const context = new FakeExcelContext(
    model,
    {},
    {
      rangeAreas: support.rangeAreas,
      notes: support.notes,
      pageLayout: support.pageLayout,
    },
  );
  const { sheetName } = await applyPlanToExcel(asExcelContext(context), sheetPlan, support);
  const sheet = model.sheets.find((s) => s.name === sheetName) as FakeSheet;
  return { context, sheet };
}

describe('print settings through Excel.PageLayout', () => {
  it.each(TEMPLATE_IDS)('%s: set where ExcelApi 1.9 is there, in three syncs', async (id) => {
    const sheetPlan = plan(id);
    const { print } = sheetPlan;
    const { context, sheet } = await insert(sheetPlan, MODERN);
    expect(context.syncs).toBe(3);
    expect(sheet.pageLayout).toEqual({
      orientation: print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: print.fitToHeight },
      setPrintArea: print.printArea,
      setPrintTitleRows: print.titleRows,
      setPrintMargins: {
        unit: 'Inches',
        left: 0.5,
        right: 0.5,
        top: 0.6,
        bottom: 0.6,
        header: 0.3,
        footer: 0.3,
      },
      centerHorizontally: true,
    });
    // The title row: 30 px is 22.5 pt, set after the rows were fitted (Excel ignores merged cells then).
    expect(sheet.rowHeights.get(0)).toBe(22.5);
    const queued = context.queued;
    expect(queued.indexOf('RangeFormat.rowHeight')).toBeGreaterThan(
      queued.indexOf('RangeFormat.autofitRows'),
    );
  });

  it('leaves print settings out on Excel without ExcelApi 1.9, still inserting the sheet in three syncs', async () => {
    const { context, sheet } = await insert(plan('dashboard'), OLD);
    expect(context.syncs).toBe(3);
    expect(context.apiUses.filter((use) => use.type === 'Excel.PageLayout')).toEqual([]);
    expect(sheet.pageLayout).toEqual({});
    // Row heights are ExcelApi 1.1: the title row is whole everywhere.
    expect(sheet.rowHeights.get(0)).toBe(22.5);
    expect(sheet.cells.size).toBeGreaterThan(100);
  });

  it('would fail on such an Excel if the settings were sent anyway, and say what it was doing', async () => {
    const context = new FakeExcelContext(workbook(), {}, { rangeAreas: false, notes: false });
    const attempt = applyPlanToExcel(asExcelContext(context), plan('roi'), {
      ...OLD,
      pageLayout: true,
      tableResize: true,
    });
    await expect(attempt).rejects.toBeInstanceOf(TemplateInsertError);
    await expect(attempt).rejects.toMatchObject({
      step: 'printSettings',
      cleanup: 'removed',
      office: { code: 'ApiNotFound' },
      message: expect.stringContaining('setting up the page for printing'),
    });
  });

  describe('feature detection through Office.context.requirements', () => {
    let uninstall: (() => void) | undefined;
    afterEach(() => uninstall?.());

    it.each([
      ['1.8', false],
      ['1.9', true],
    ] as const)('ExcelApi %s: page layout %s', async (excelApi, used) => {
      const model = workbook();
      const office = installFakeOffice(model, { excelApi });
      uninstall = office.uninstall;
      const { sheetName } = await insertTemplateIntoExcel({ templateId: 'scorecard' });
      const sheet = model.sheets.find((s) => s.name === sheetName)!;
      expect(office.contexts[0]!.syncs).toBe(3);
      expect(Object.keys(sheet.pageLayout).length > 0).toBe(used);
    });
  });
});
