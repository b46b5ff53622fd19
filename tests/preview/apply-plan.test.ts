// applyPlanToPreview and the preview workbook in Node: every template computes as the core does, names stay unique, inputs recompute.
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../core/errors';
import {
  FORMULA_MODES,
  TEMPLATE_IDS,
  buildPlan,
  cellRef,
  evaluatePlan,
  parseCell,
  type FormulaMode,
  type SheetPlan,
  type TemplateId,
} from '../../core/templates/index';
import type { DataSheetPlan } from '../../core/import/index';
import { applyPlanToPreview } from '../../preview/apply-plan';
import { dataSheetOf, insertWithExampleData } from '../../preview/import';
import { PreviewWorkbook } from '../../preview/workbook';

function builtOf(
  id: TemplateId,
  mode: FormulaMode,
  lang: 'en' | 'fi' = 'en',
): { plan: SheetPlan; dataSheet?: DataSheetPlan } {
  const result = buildPlan(id, { mode, lang }, { startMonth: '2026-01' }, { functionPrefix: '' });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function planOf(id: TemplateId, mode: FormulaMode, lang: 'en' | 'fi' = 'en'): SheetPlan {
  return builtOf(id, mode, lang).plan;
}

describe('applyPlanToPreview', () => {
  it.each(TEMPLATE_IDS.flatMap((id) => FORMULA_MODES.map((mode) => [id, mode] as const)))(
    '%s (%s): every formula cell computes what evaluatePlan computes, with no errors',
    (id, mode) => {
      const workbook = new PreviewWorkbook();
      const { plan, dataSheet } = builtOf(id, mode);
      // The pipeline analysis reads its example deals, written first as the gallery does.
      const name = dataSheet
        ? insertWithExampleData(workbook, dataSheet, () => applyPlanToPreview(workbook, plan))
        : applyPlanToPreview(workbook, plan);
      const expected = evaluatePlan(plan, dataSheet);
      plan.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell?.calc) return;
          const got = workbook.value(name, { row: r, col: c });
          const want = expected[r]![c]!;
          const where = `${cellRef(r, c)} ${cell.formula}`;
          expect(isKpiError(want), where).toBe(false);
          if (typeof want === 'number') expect(got, where).toBeCloseTo(want, 9);
          else expect(got ?? '', where).toBe(want ?? '');
        }),
      );
    },
  );

  it('names the second and third insert "Name (2)" and "Name (3)", and shows the newest', () => {
    const workbook = new PreviewWorkbook();
    const plan = planOf('roi', 'portable');
    expect(applyPlanToPreview(workbook, plan)).toBe('ROI calculator');
    expect(applyPlanToPreview(workbook, plan)).toBe('ROI calculator (2)');
    expect(applyPlanToPreview(workbook, plan)).toBe('ROI calculator (3)');
    expect(workbook.sheetNames()).toEqual([
      'ROI calculator',
      'ROI calculator (2)',
      'ROI calculator (3)',
    ]);
    expect(workbook.active?.name).toBe('ROI calculator (3)');
  });

  it('keeps text that looks like a formula as text', () => {
    const workbook = new PreviewWorkbook();
    const plan = planOf('scorecard', 'portable');
    const cells = plan.cells.map((row) => row.slice());
    cells[0]![0] = { ...cells[0]![0], value: '=1+1' };
    const name = applyPlanToPreview(workbook, { ...plan, cells });
    expect(workbook.value(name, { row: 0, col: 0 })).toBe('=1+1');
    expect(workbook.formula(name, { row: 0, col: 0 })).toBeUndefined();
  });

  it('keeps the plan’s look: formats, row heights, merges, frozen panes, validations, status colours, charts, protection', () => {
    const workbook = new PreviewWorkbook();
    const plan = planOf('dashboard', 'functions', 'fi');
    const sheet = workbook.sheet(applyPlanToPreview(workbook, plan))!;
    expect(sheet.lang).toBe('fi');
    expect(sheet.cells).toBe(plan.cells);
    expect(sheet.merges).toEqual(plan.merges);
    expect(sheet.frozen).toEqual(plan.frozen);
    expect(sheet.validations).toEqual(plan.validations);
    expect(sheet.conditionalFormats).toEqual(plan.conditionalFormats);
    expect(sheet.charts).toEqual(plan.charts);
    expect(plan.rowHeights.length).toBeGreaterThan(0);
    expect(sheet.rowHeights).toEqual(plan.rowHeights);
    expect(sheet.locked).toBe(true);
    expect(sheet.rows).toBe(parseCell(plan.lastCell).row + 1);
    expect(sheet.columns).toBe(parseCell(plan.lastCell).col + 1);
  });
});

describe('typing into the preview workbook', () => {
  /** The first input cell of `plan` that holds a number, and the plan row/column of it. */
  function firstNumericInput(plan: SheetPlan): { row: number; col: number } {
    for (const [row, line] of plan.cells.entries())
      for (const [col, cell] of line.entries())
        if (cell?.input && typeof cell.value === 'number') return { row, col };
    throw new Error('no numeric input');
  }

  it('recomputes dependent cells: ROI with a doubled first input matches evaluatePlan of the changed plan', () => {
    const workbook = new PreviewWorkbook();
    const plan = planOf('roi', 'functions');
    const name = applyPlanToPreview(workbook, plan);
    const position = firstNumericInput(plan);
    const doubled = (plan.cells[position.row]![position.col]!.value as number) * 2;
    expect(workbook.enter(position, String(doubled))).toEqual({ ok: true });
    const changed = plan.cells.map((row, r) =>
      row.map((cell, c) =>
        r === position.row && c === position.col ? { ...cell!, value: doubled } : cell,
      ),
    );
    const expected = evaluatePlan({ ...plan, cells: changed });
    let differs = 0;
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.calc || typeof expected[r]![c] !== 'number') return;
        const got = workbook.value(name, { row: r, col: c });
        expect(got, cellRef(r, c)).toBeCloseTo(expected[r]![c] as number, 9);
        if (expected[r]![c] !== evaluatePlan(plan)[r]![c]) differs++;
      }),
    );
    expect(differs).toBeGreaterThan(0);
  });

  it('refuses typing into a locked formula cell of a protected sheet', () => {
    const workbook = new PreviewWorkbook();
    const plan = planOf('roi', 'portable');
    applyPlanToPreview(workbook, plan);
    const row = plan.cells.findIndex((line) => line.some((cell) => cell?.calc));
    const col = plan.cells[row]!.findIndex((cell) => cell?.calc);
    const result = workbook.enter({ row, col }, '5');
    expect(result.ok).toBe(false);
    expect(workbook.formula(workbook.active!.name, { row, col })).toBe(
      plan.cells[row]![col]!.formula,
    );
  });

  it('lets every cell of an unprotected sheet be edited, formulas included', () => {
    const workbook = new PreviewWorkbook();
    const name = applyPlanToPreview(workbook, {
      ...planOf('roi', 'portable'),
      protection: { enabled: false, unlockedRanges: [] },
    });
    expect(workbook.enter({ row: 0, col: 0 }, '=2*21')).toEqual({ ok: true });
    expect(workbook.value(name, { row: 0, col: 0 })).toBe(42);
  });
});

describe('the data sheet in the preview', () => {
  it('takes the record’s width and column widths from the plan, for a record of 200,000 lines', () => {
    const example = builtOf('pipeline', 'portable').dataSheet!;
    // Spreading 200,000 line lengths into Math.max overflowed the stack (RangeError).
    const lines = 200_000;
    const dataSheet: DataSheetPlan = {
      ...example,
      record: Array.from({ length: lines }, (_, i) => [{ value: i + 2 }, { value: 'amount' }]),
      recordColumns: [{ width: 90 }, { width: 210 }],
    };
    const { sheet, content } = dataSheetOf(dataSheet);
    // A–L the deals' widths, M the default gap, N and O the record's.
    expect(sheet.columnWidths).toEqual([
      ...example.columns.map((column) => column.width),
      80,
      90,
      210,
    ]);
    expect(sheet.columns).toBe(15);
    expect(content[lines - 1]?.slice(13)).toEqual([lines + 1, "'amount"]);
  });
});
