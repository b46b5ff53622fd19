// The Excel adapter against a recording fake of Office.js: round trips, what is written, rollback, literal text.
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildPlan,
  cellRef,
  INPUT_STYLE,
  ROLE_STYLES,
  STATUS_STYLES,
  TEMPLATE_IDS,
  type FormulaMode,
  type Lang,
  type SheetPlan,
  type TemplateId,
  type TemplateOptionsInput,
} from '../../core/templates/index';
import {
  applyPlanToExcel,
  insertTemplateIntoExcel,
  TemplateOptionsError,
} from '../../excel-addin/apply-plan';
import { excelHostDefaults } from '../../excel-addin/host-defaults';
import { TemplateInsertError } from '../../excel-addin/insert-error';
import type { ExcelSupport } from '../../excel-addin/support';
import {
  asExcelContext,
  emptySheet,
  FakeExcelContext,
  installFakeOffice,
  type FakeApiSets,
  type FakeFailure,
  type FakeSheet,
  type FakeWorkbook,
} from '../support/fake-excel';

const FULL_SUPPORT: ExcelSupport = { screenUpdating: true, rangeAreas: true, notes: true };
const LARGEST: TemplateOptionsInput = { periods: 24, rows: 50, example: true, protect: true };

function plan(id: string, options: TemplateOptionsInput = {}): SheetPlan {
  const result = buildPlan(id, options, {}, { functionPrefix: 'KPI.' });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '));
  return result.plan;
}

/** A workbook the user already has: a sheet with data and a chart, and one named like the template. */
function userWorkbook(...takenNames: string[]): FakeWorkbook {
  const data = emptySheet('Data');
  data.cells.set('A1', {
    content: { kind: 'text', text: 'Mine', quotePrefix: false },
    numberFormat: 'General',
    locked: true,
    format: {},
  });
  data.charts.push({ type: 'Pie', source: 'A1:A3', series: [{ name: 'Mine' }], properties: {} });
  return { sheets: [data, ...takenNames.map(emptySheet)], activeSheet: 'Data' };
}

/** A copy of the sheets that can be compared after the insertion. */
function snapshot(model: FakeWorkbook): FakeSheet[] {
  return structuredClone(model.sheets);
}

async function insert(
  model: FakeWorkbook,
  sheetPlan: SheetPlan,
  failure: FakeFailure = {},
  support: ExcelSupport = FULL_SUPPORT,
  apiSets?: FakeApiSets,
): Promise<{ context: FakeExcelContext; result: Promise<{ sheetName: string }> }> {
  const context = new FakeExcelContext(model, failure, apiSets);
  const result = applyPlanToExcel(asExcelContext(context), sheetPlan, support);
  await result.catch(() => undefined);
  return { context, result };
}

function sheetOf(model: FakeWorkbook, name: string): FakeSheet {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet;
}

/** The plan's cells with their A1 address. */
function planCells(sheetPlan: SheetPlan) {
  return sheetPlan.cells.flatMap((row, r) =>
    row.map((cell, c) => ({ address: cellRef(r, c), cell })),
  );
}

/** Whether A1 address `address` lies in range "B5:D9" or "B5". */
function inRange(address: string, range: string): boolean {
  const toRowCol = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const [first, last = first] = range.split(':') as [string, string?];
  const a = toRowCol(first);
  const b = toRowCol(last!);
  const x = toRowCol(address);
  return x.row >= a.row && x.row <= b.row && x.col >= a.col && x.col <= b.col;
}

/** Excel's "Name (2)" for a base name: the suffix fits in 31 characters by shortening the base. */
function secondName(base: string): string {
  return base.length + 4 <= 31 ? `${base} (2)` : `${base.slice(0, 27).trimEnd()} (2)`;
}

describe('applyPlanToExcel, every template at its largest options', () => {
  const cases: [TemplateId, FormulaMode, Lang][] = TEMPLATE_IDS.flatMap((id) =>
    (['portable', 'functions'] as const).flatMap((mode) =>
      (['en', 'fi'] as const).map((lang): [TemplateId, FormulaMode, Lang] => [id, mode, lang]),
    ),
  );

  it.each(cases)('%s (%s, %s)', async (id, mode, lang) => {
    const sheetPlan = plan(id, { ...LARGEST, mode, lang });
    const model = userWorkbook(sheetPlan.sheetName);
    const before = snapshot(model);
    const { context, result } = await insert(model, sheetPlan);

    const expectedName = secondName(sheetPlan.sheetName);
    await expect(result).resolves.toEqual({ sheetName: expectedName });
    expect(context.syncs).toBeLessThanOrEqual(3);
    expect(context.syncs).toBe(3);
    // Calculation was suspended while writing, so the new formulas must be recalculated.
    expect(context.workbook.application.recalculations).toBe(1);
    expect(model.sheets.slice(0, before.length)).toEqual(before);
    expect(model.sheets).toHaveLength(before.length + 1);
    expect(model.activeSheet).toBe(expectedName);
    expect(context.queued).toContain('Application.suspendApiCalculationUntilNextSync');
    expect(context.queued).toContain('Application.suspendScreenUpdatingUntilNextSync');

    const sheet = sheetOf(model, expectedName);
    for (const { address, cell } of planCells(sheetPlan)) {
      const written = sheet.cells.get(address);
      if (cell?.formula !== undefined)
        expect(written?.content, address).toEqual({ kind: 'formula', formula: cell.formula });
      else if (typeof cell?.value === 'string')
        expect(written?.content, address).toMatchObject({ kind: 'text', text: cell.value });
      else if (typeof cell?.value === 'number')
        expect(written?.content, address).toEqual({ kind: 'number', number: cell.value });
      else if (typeof cell?.value === 'boolean')
        expect(written?.content, address).toEqual({ kind: 'boolean', boolean: cell.value });
      else expect(written?.content, address).toBeUndefined();
      expect(written?.numberFormat ?? 'General', address).toBe(cell?.format ?? 'General');
      if (cell?.input) expect(written?.format['fill.color'], address).toBe(INPUT_STYLE.fill);
      else if (cell?.role && ROLE_STYLES[cell.role].fill)
        expect(written?.format['fill.color'], address).toBe(ROLE_STYLES[cell.role].fill);
      const roleStyle = cell?.role ? ROLE_STYLES[cell.role] : {};
      if (roleStyle.bold) expect(written?.format['font.bold'], address).toBe(true);
      if (roleStyle.borderBottom)
        expect(written?.format['borders.EdgeBottom.color'], address).toBe(roleStyle.borderBottom);
      if (sheetPlan.protection.enabled)
        expect(written?.locked ?? true, address).toBe(
          !sheetPlan.protection.unlockedRanges.some((range) => inRange(address, range)),
        );
    }
    if (mode === 'functions' && sheetPlan.cells.flat().some((c) => c?.calc?.kind === 'call'))
      expect(
        [...sheet.cells.values()].some(
          (c) => c.content?.kind === 'formula' && c.content.formula.includes('KPI.'),
        ),
      ).toBe(true);

    expect(sheet.frozen).toEqual(
      sheetPlan.frozen.rows + sheetPlan.frozen.columns > 0 ? sheetPlan.frozen : undefined,
    );
    expect(sheet.merges).toEqual(sheetPlan.merges);
    sheetPlan.columnWidths.forEach((pixels, col) =>
      expect(sheet.columnWidths.get(col)).toBe((pixels * 3) / 4),
    );

    expect(sheet.validations.map((v) => v.range).sort()).toEqual(
      sheetPlan.validations.map((v) => v.range).sort(),
    );
    for (const validation of sheetPlan.validations) {
      const written = sheet.validations.find((v) => v.range === validation.range)!;
      expect(written.prompt).toMatchObject({ showPrompt: true, message: validation.help });
      expect(written.errorAlert).toMatchObject({ showAlert: true, style: 'Stop' });
      const [type] = Object.keys(written.rule!);
      const expectedType = {
        number:
          validation.rule.type === 'number' && validation.rule.whole ? 'wholeNumber' : 'decimal',
        date: 'date',
        list: 'list',
      }[validation.rule.type];
      expect(type).toBe(expectedType);
    }

    expect(sheet.conditionalFormats).toHaveLength(sheetPlan.conditionalFormats.length);
    sheetPlan.conditionalFormats.forEach((format, i) => {
      expect(sheet.conditionalFormats[i]).toMatchObject({
        range: format.range,
        type: 'CellValue',
        rule: { formula1: `="${format.equals}"`, operator: 'EqualTo' },
        format: {
          'format.fill.color': STATUS_STYLES[format.role].fill,
          'format.font.color': STATUS_STYLES[format.role].fontColor,
        },
      });
    });

    expect(sheet.charts).toHaveLength(sheetPlan.charts.length);
    sheetPlan.charts.forEach((chart, i) => {
      const written = sheet.charts[i]!;
      expect(written.properties['title.text']).toBe(chart.title);
      expect(written.series).toEqual(
        chart.series.map((s) => ({ name: s.name, values: s.values, xValues: chart.categories })),
      );
      expect(written.position).toEqual({ start: chart.anchor, end: undefined });
      expect(written.properties).toMatchObject({
        width: chart.width * 0.75,
        height: chart.height * 0.75,
      });
    });

    expect(sheet.protection.protected).toBe(true);
    expect(sheet.protection.password).toBeUndefined();
  });
});

describe('applyPlanToExcel, batching', () => {
  it('queues the same calls for the largest options as for the smallest, and syncs three times for both', async () => {
    for (const id of TEMPLATE_IDS) {
      const small = await insert(userWorkbook(), plan(id, { periods: 1, rows: 1 }));
      const large = await insert(userWorkbook(), plan(id, LARGEST));
      expect(small.context.syncs).toBe(3);
      expect(large.context.syncs).toBe(3);
      // Styles go in as area lists and widths as column runs, so the calls stay bounded.
      expect(large.context.queued.length, id).toBe(small.context.queued.length);
    }
  });

  it('formats one rectangle at a time on Excel without RangeAreas, with the same result', async () => {
    const sheetPlan = plan('dashboard', LARGEST);
    const withAreas = userWorkbook();
    const withoutAreas = userWorkbook();
    await insert(withAreas, sheetPlan);
    const old = await insert(
      withoutAreas,
      sheetPlan,
      {},
      { screenUpdating: false, rangeAreas: false, notes: false },
      { rangeAreas: false, notes: false },
    );
    await expect(old.result).resolves.toEqual({ sheetName: sheetPlan.sheetName });
    expect(old.context.queued).not.toContain('Worksheet.getRanges');
    expect(old.context.queued).not.toContain('Application.suspendScreenUpdatingUntilNextSync');
    expect(withoutAreas.sheets).toEqual(withAreas.sheets);
  });

  it('adds cell notes where Excel has them and leaves them out, without an error, where not', async () => {
    const sheetPlan = plan('roi');
    const noted = structuredClone(sheetPlan);
    noted.cells[4]![0] = { ...noted.cells[4]![0], value: 'Retainer', note: 'Monthly fee' };
    const modern = userWorkbook();
    await insert(modern, noted);
    expect(sheetOf(modern, sheetPlan.sheetName).notes.get('A5')).toBe('Monthly fee');

    const old = userWorkbook();
    const run = await insert(
      old,
      noted,
      {},
      { screenUpdating: true, rangeAreas: true, notes: false },
      { rangeAreas: true, notes: false },
    );
    await expect(run.result).resolves.toEqual({ sheetName: sheetPlan.sheetName });
    expect(sheetOf(old, sheetPlan.sheetName).notes.size).toBe(0);
  });

  it('leaves the sheet unprotected and every cell locked state untouched when protection is off', async () => {
    const sheetPlan = plan('scorecard', { protect: false });
    const model = userWorkbook();
    await insert(model, sheetPlan);
    const sheet = sheetOf(model, sheetPlan.sheetName);
    expect(sheet.protection.protected).toBe(false);
    expect([...sheet.cells.values()].every((cell) => cell.locked)).toBe(true);
  });

  it('numbers the name past every taken one, ignoring case', async () => {
    const sheetPlan = plan('roi', { lang: 'en' });
    const model = userWorkbook('ROI CALCULATOR', 'ROI calculator (2)');
    await insert(model, sheetPlan);
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Data',
      'ROI CALCULATOR',
      'ROI calculator (2)',
      'ROI calculator (3)',
    ]);
  });
});

describe('applyPlanToExcel, user text stays text', () => {
  const texts = [
    '=SUM(A1)',
    '+358 40',
    '@user',
    '-minus',
    "'quoted",
    '2026-01',
    '1/2',
    'TRUE',
    'Tosi',
    'Rep 7',
    'Plain label',
  ];

  it.each(texts)('%s', async (text) => {
    const sheetPlan = structuredClone(plan('email', { rows: 3 }));
    sheetPlan.cells[5]![0] = { value: text, role: 'label', input: true };
    const model = userWorkbook();
    await insert(model, sheetPlan);
    expect(sheetOf(model, sheetPlan.sheetName).cells.get('A6')?.content).toMatchObject({
      kind: 'text',
      text,
    });
  });

  it('writes ordinary words without an apostrophe, so the formula bar shows them as typed', async () => {
    const sheetPlan = structuredClone(plan('email', { rows: 3 }));
    sheetPlan.cells[5]![0] = { value: 'Plain label', role: 'label' };
    const model = userWorkbook();
    await insert(model, sheetPlan);
    expect(sheetOf(model, sheetPlan.sheetName).cells.get('A6')?.content).toEqual({
      kind: 'text',
      text: 'Plain label',
      quotePrefix: false,
    });
  });
});

describe('applyPlanToExcel, rollback', () => {
  it('keeps the complete sheet when only the closing recalculation fails', async () => {
    const sheetPlan = plan('roi', { lang: 'en' });
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, result } = await insert(model, sheetPlan, { sync: 3 });

    await expect(result).resolves.toEqual({ sheetName: sheetPlan.sheetName });
    expect(context.syncs).toBe(3);
    expect(context.applied).not.toContain('Worksheet.delete');
    expect(model.sheets).toHaveLength(before.length + 1);
  });

  it('removes the new sheet and says what failed when a write fails', async () => {
    const sheetPlan = plan('dashboard', { ...LARGEST, lang: 'en' });
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, result } = await insert(model, sheetPlan, {
      at: /^DataValidation\.rule$/,
      code: 'InvalidArgument',
      message: 'The argument is invalid or missing.',
    });

    const error = await result.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TemplateInsertError);
    const insertError = error as TemplateInsertError;
    expect(insertError.message).toContain('"Monthly KPI dashboard"');
    expect(insertError.message).toContain('setting the input checks');
    expect(insertError.message).toContain('removed');
    expect(insertError.message).toContain('The argument is invalid or missing. [InvalidArgument]');
    expect(insertError).toMatchObject({
      step: 'validation',
      cleanup: 'removed',
      sheetName: 'Monthly KPI dashboard',
    });
    expect(context.syncs).toBe(3);
    expect(context.applied).toContain('Worksheet.delete');
    expect(model.sheets).toEqual(before);
  });

  it.each([
    [/^Range\.formulas$/, 'writing the cells', 'writeCells'],
    [/^ChartCollection\.add$/, 'drawing the chart', 'charts'],
    [/^WorksheetProtection\.protect$/, 'protecting the sheet', 'protection'],
    [/^ConditionalFormatCollection\.add$/, 'colouring the status cells', 'conditionalFormats'],
  ])('rolls back a failure at %s', async (at, words, step) => {
    const sheetPlan = plan('dashboard', LARGEST);
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, result } = await insert(model, sheetPlan, { at });
    await expect(result).rejects.toMatchObject({ step, cleanup: 'removed' });
    await expect(result).rejects.toThrow(words);
    expect(context.syncs).toBeLessThanOrEqual(3);
    expect(model.sheets).toEqual(before);
  });

  it('tells the user the workbook may be protected when Excel refuses to add a sheet', async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, result } = await insert(model, plan('roi'), {
      at: /^Worksheets\.add$/,
      code: 'AccessDenied',
      message: 'You cannot perform the requested operation.',
    });
    await expect(result).rejects.toMatchObject({ step: 'addSheet', cleanup: 'nothingToRemove' });
    await expect(result).rejects.toThrow(
      /adding the new sheet.*No sheet was added.*Protect Workbook.*\[AccessDenied\]/,
    );
    expect(context.syncs).toBe(3);
    expect(model.sheets).toEqual(before);
  });

  it('writes nothing and syncs once when the sheet names cannot be read', async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, result } = await insert(model, plan('roi'), {
      sync: 1,
      code: 'GeneralException',
      message: 'Boom.',
    });
    await expect(result).rejects.toThrow(
      /Could not read the names.*nothing was inserted.*Boom\. \[GeneralException\]/,
    );
    expect(context.syncs).toBe(1);
    expect(model.sheets).toEqual(before);
  });

  it('asks the user to delete the sheet when the rollback fails too', async () => {
    const model = userWorkbook();
    const { context, result } = await insert(model, plan('roi', { lang: 'en' }), {
      at: /^(DataValidation\.rule|Worksheet\.delete)$/,
    });
    await expect(result).rejects.toMatchObject({ cleanup: 'notRemoved' });
    await expect(result).rejects.toThrow('"ROI calculator" could not be removed; please delete it');
    expect(context.syncs).toBe(3);
  });

  it('explains the failure in Finnish for a Finnish plan', async () => {
    const model = userWorkbook();
    const { result } = await insert(model, plan('roi', { lang: 'fi' }), {
      at: /^DataValidation\.rule$/,
    });
    await expect(result).rejects.toThrow(
      /Pohjaa ”ROI-laskuri” ei voitu lisätä: .*syötteiden tarkistuksia.*poistettiin/,
    );
  });
});

describe('insertTemplateIntoExcel', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  it('builds the plan with Excel defaults and inserts it in one Excel.run', async () => {
    const model = userWorkbook();
    const office = installFakeOffice(model, { displayLanguage: 'fi-FI', contentLanguage: 'fi-FI' });
    uninstall = office.uninstall;
    const { sheetName } = await insertTemplateIntoExcel({
      templateId: 'roi',
      options: { mode: 'functions' },
    });
    expect(sheetName).toBe('ROI-laskuri');
    expect(office.contexts).toHaveLength(1);
    expect(office.contexts[0]!.syncs).toBe(3);
    const cells = [...sheetOf(model, sheetName).cells.values()];
    expect(
      cells.some(
        (c) => c.content?.kind === 'formula' && c.content.formula.includes('KPI.SALES_ROI('),
      ),
    ).toBe(true);
  });

  it('refuses bad options before touching the workbook', async () => {
    const model = userWorkbook();
    const office = installFakeOffice(model);
    uninstall = office.uninstall;
    const attempt = insertTemplateIntoExcel({ templateId: 'nope', options: { periods: 99 } });
    await expect(attempt).rejects.toBeInstanceOf(TemplateOptionsError);
    await expect(attempt).rejects.toThrow(/nope/);
    expect(office.contexts).toHaveLength(0);
  });

  it('works on Excel without ExcelApi 1.9 (no screen-updating switch, no RangeAreas)', async () => {
    const model = userWorkbook();
    const office = installFakeOffice(model, { excelApi: '1.8' });
    uninstall = office.uninstall;
    await expect(
      insertTemplateIntoExcel({ templateId: 'satisfaction', options: LARGEST }),
    ).resolves.toHaveProperty('sheetName');
    expect(office.contexts[0]!.queued).not.toContain('Worksheet.getRanges');
  });
});

describe('excelHostDefaults', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());
  const march = new Date(2026, 2, 15);

  it('takes Finnish and the euro from a Finnish Office', () => {
    uninstall = installFakeOffice(userWorkbook(), {
      displayLanguage: 'fi-FI',
      contentLanguage: 'fi-FI',
    }).uninstall;
    expect(excelHostDefaults(march)).toEqual({
      lang: 'fi',
      currency: 'EUR',
      startMonth: '2026-03',
    });
  });

  it('takes English for other languages and the currency of the editing region', () => {
    uninstall = installFakeOffice(userWorkbook(), {
      displayLanguage: 'sv-SE',
      contentLanguage: 'en-US',
    }).uninstall;
    expect(excelHostDefaults(march)).toEqual({
      lang: 'en',
      currency: 'USD',
      startMonth: '2026-03',
    });
  });

  it('gives only the month outside Office', () => {
    expect(excelHostDefaults(march)).toEqual({ startMonth: '2026-03' });
  });
});
