// The Excel adapter against a recording fake of Office.js: round trips, what is written, rollback, literal text.
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildPlan,
  cellRef,
  ROLE_STYLES,
  STATUS_STYLES,
  TEMPLATE_IDS,
  type CellStyle,
  type FormulaMode,
  type Lang,
  type SheetPlan,
  type StyleRole,
  type TemplateId,
  type TemplateOptionsInput,
} from '../../core/templates/index';
import { applyPlanToExcel } from '../../excel-addin/apply-plan';
import { excelHostDefaults } from '../../excel-addin/host-defaults';
import { TemplateInsertError } from '../../excel-addin/insert-error';
import { insertTemplateIntoExcel, TemplateOptionsError } from '../../excel-addin/insert-template';
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

const FULL_SUPPORT: ExcelSupport = {
  screenUpdating: true,
  rangeAreas: true,
  notes: true,
  pageLayout: true,
  tableResize: true,
};
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

interface Run {
  failure?: FakeFailure;
  support?: ExcelSupport;
  apiSets?: FakeApiSets;
  /** Edits by someone else, made just before sync number `n` reaches the workbook. */
  beforeSync?: (n: number) => void;
}

function contextFor(model: FakeWorkbook, run: Run): FakeExcelContext {
  const context = new FakeExcelContext(model, run.failure, run.apiSets);
  context.beforeSync = run.beforeSync;
  return context;
}

/** Inserts the plan and expects it to succeed: a failed insertion fails the test. */
async function insert(
  model: FakeWorkbook,
  sheetPlan: SheetPlan,
  run: Run = {},
): Promise<{ context: FakeExcelContext; sheetName: string }> {
  const context = contextFor(model, run);
  const { sheetName } = await applyPlanToExcel(
    asExcelContext(context),
    sheetPlan,
    run.support ?? FULL_SUPPORT,
  );
  return { context, sheetName };
}

/** Inserts the plan and expects it to fail with a TemplateInsertError. */
async function insertFailing(
  model: FakeWorkbook,
  sheetPlan: SheetPlan,
  run: Run = {},
): Promise<{ context: FakeExcelContext; error: TemplateInsertError }> {
  const context = contextFor(model, run);
  const error = await applyPlanToExcel(asExcelContext(context), sheetPlan, FULL_SUPPORT).then(
    () => new Error('The insertion succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TemplateInsertError);
  return { context, error: error as TemplateInsertError };
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

/*
 * What each style role must look like in Excel, stated here from the theme's design (colours,
 * sizes, emphasis) rather than computed by the adapter's own mapping: every format property the
 * fake records on a cell, by its path under Range.format. A cell's recorded format must equal
 * its role's entry exactly (with the input style on top), so a dropped or extra aspect fails.
 */
const ACCENT = '#1F4E79';
const INK = '#1F2937';
const MUTED = '#4B5563';
/** Every role reads from the top of its row, so numbers line up with a wrapped name's first line. */
const TOP = { verticalAlignment: 'Top' };
const EXCEL_FORMAT_OF_ROLE: Record<StyleRole, Record<string, unknown>> = {
  title: { ...TOP, 'font.bold': true, 'font.size': 16, 'font.color': ACCENT },
  purpose: { ...TOP, 'font.italic': true, 'font.color': MUTED },
  example: { ...TOP, 'font.bold': true, 'font.color': '#9C5700', 'fill.color': '#FFF2CC' },
  section: { ...TOP, 'font.bold': true, 'font.size': 12, 'font.color': ACCENT },
  header: {
    ...TOP,
    'font.bold': true,
    'font.color': '#FFFFFF',
    'fill.color': ACCENT,
    wrapText: true,
    horizontalAlignment: 'Center',
  },
  label: { ...TOP, 'font.color': INK },
  name: { ...TOP, 'font.color': INK, wrapText: true },
  body: { ...TOP, 'font.color': INK },
  result: { ...TOP, 'font.bold': true, 'font.color': INK, 'fill.color': '#EEF2F7' },
  total: {
    ...TOP,
    'font.bold': true,
    'font.color': INK,
    'borders.EdgeBottom.style': 'Continuous',
    'borders.EdgeBottom.weight': 'Thin',
    'borders.EdgeBottom.color': '#9CA3AF',
  },
  status: { ...TOP, 'font.bold': true, horizontalAlignment: 'Center' },
  reference: { ...TOP, 'font.italic': true, 'font.color': MUTED, wrapText: true },
  source: { ...TOP, 'font.italic': true, 'font.color': MUTED, 'font.size': 9, wrapText: true },
  note: { ...TOP, 'font.italic': true, 'font.color': MUTED, 'font.size': 9 },
};
/** Input cells: pale yellow with blue ink, over whatever their role gives. */
const EXCEL_FORMAT_OF_INPUT = { 'fill.color': '#FFF9E6', 'font.color': '#1D4ED8' };

/** The Excel format paths each aspect of a theme style is written to. */
const PATHS_OF_ASPECT: Record<keyof CellStyle, string[]> = {
  bold: ['font.bold'],
  italic: ['font.italic'],
  fontSize: ['font.size'],
  fontColor: ['font.color'],
  fill: ['fill.color'],
  wrap: ['wrapText'],
  horizontalAlignment: ['horizontalAlignment'],
  verticalAlignment: ['verticalAlignment'],
  borderBottom: [
    'borders.EdgeBottom.style',
    'borders.EdgeBottom.weight',
    'borders.EdgeBottom.color',
  ],
};

function expectedFormat(cell: SheetPlan['cells'][number][number]): Record<string, unknown> {
  if (!cell) return {};
  const role = cell.role ? EXCEL_FORMAT_OF_ROLE[cell.role] : {};
  return cell.input ? { ...role, ...EXCEL_FORMAT_OF_INPUT } : role;
}

describe('the expected Excel styles', () => {
  it.each(Object.keys(ROLE_STYLES) as StyleRole[])(
    'state every aspect the theme gives role %s, and nothing else',
    (role) => {
      const aspects = Object.keys(ROLE_STYLES[role]) as (keyof CellStyle)[];
      // An aspect the theme gains (say underline) has no entry here until the adapter and this table handle it.
      for (const aspect of aspects) expect(PATHS_OF_ASPECT, aspect).toHaveProperty(aspect);
      expect(Object.keys(EXCEL_FORMAT_OF_ROLE[role]).sort()).toEqual(
        aspects.flatMap((aspect) => PATHS_OF_ASPECT[aspect]).sort(),
      );
    },
  );
});

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
    const { context, sheetName } = await insert(model, sheetPlan);

    const expectedName = secondName(sheetPlan.sheetName);
    expect(sheetName).toBe(expectedName);
    expect(context.syncs).toBe(3);
    expect(model.sheets.slice(0, before.length)).toEqual(before);
    expect(model.sheets.map((s) => s.name)).toEqual([...before.map((s) => s.name), expectedName]);
    expect(model.activeSheet).toBe(expectedName);
    expect(context.queued).toContain('Application.suspendApiCalculationUntilNextSync');
    expect(context.queued).toContain('Application.suspendScreenUpdatingUntilNextSync');

    const sheet = sheetOf(model, expectedName);
    // Calculation was suspended while writing: the new sheet, and only it, is calculated.
    expect(sheet.calculations).toBe(1);
    expect(model.recalculations ?? 0).toBe(0);
    for (const { address, cell } of planCells(sheetPlan)) {
      const written = sheet.cells.get(address);
      if (cell?.formula !== undefined)
        expect(written?.content, address).toEqual({ kind: 'formula', formula: cell.formula });
      // An empty text (a blank input heading) is an empty cell: Excel holds no empty text.
      else if (typeof cell?.value === 'string' && cell.value !== '')
        expect(written?.content, address).toMatchObject({ kind: 'text', text: cell.value });
      else if (typeof cell?.value === 'number')
        expect(written?.content, address).toEqual({ kind: 'number', number: cell.value });
      else if (typeof cell?.value === 'boolean')
        expect(written?.content, address).toEqual({ kind: 'boolean', boolean: cell.value });
      else expect(written?.content, address).toBeUndefined();
      expect(written?.numberFormat ?? 'General', address).toBe(cell?.format ?? 'General');
      expect(written?.format ?? {}, address).toEqual(expectedFormat(cell));
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
      // Every template's help fits Excel's limits, so both show it whole.
      expect(written.prompt).toEqual({ showPrompt: true, title: '', message: validation.help });
      expect(written.errorAlert).toEqual({
        showAlert: true,
        style: 'Stop',
        title: '',
        message: validation.help,
      });
      expect(written.ignoreBlanks).toBe(true);
      const [type] = Object.keys(written.rule!);
      const expectedType = {
        number:
          validation.rule.type === 'number' && validation.rule.whole ? 'wholeNumber' : 'decimal',
        date: 'date',
        list: 'list',
        custom: 'custom',
      }[validation.rule.type];
      expect(type).toBe(expectedType);
      if (validation.rule.type === 'custom')
        expect(written.rule).toEqual({ custom: { formula: validation.rule.formula } });
    }

    expect(sheet.conditionalFormats).toHaveLength(sheetPlan.conditionalFormats.length);
    sheetPlan.conditionalFormats.forEach((format, i) => {
      expect(sheet.conditionalFormats[i]).toEqual({
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

describe('validation messages', () => {
  /** Excel's limits (support.microsoft.com, "Apply data validation to cells"). */
  const PROMPT_LIMIT = 255;
  const ALERT_LIMIT = 225;

  it.each(TEMPLATE_IDS.flatMap((id) => (['en', 'fi'] as const).map((lang) => [id, lang] as const)))(
    "%s (%s): every help text fits Excel's error alert, so nothing is cut",
    (id, lang) => {
      for (const options of [LARGEST, { periods: 1, rows: 1, example: false }])
        for (const validation of plan(id, { ...options, lang }).validations)
          expect(validation.help.length, validation.help).toBeLessThanOrEqual(ALERT_LIMIT);
    },
  );

  it('cuts a help text longer than a limit to fit it, marking the cut', async () => {
    const sheetPlan = structuredClone(plan('roi', { lang: 'en' }));
    const help = `${'Type the monthly retainer in euros. '.repeat(8)}End.`;
    expect(help.length).toBeGreaterThan(PROMPT_LIMIT);
    sheetPlan.validations[0]!.help = help;
    const model = userWorkbook();
    const { sheetName } = await insert(model, sheetPlan);

    const written = sheetOf(model, sheetName).validations.find(
      (v) => v.range === sheetPlan.validations[0]!.range,
    )!;
    const prompt = written.prompt!.message;
    const alert = written.errorAlert!.message;
    expect(prompt.length).toBeLessThanOrEqual(PROMPT_LIMIT);
    expect(alert.length).toBeLessThanOrEqual(ALERT_LIMIT);
    expect(alert.length).toBeGreaterThan(ALERT_LIMIT - 10);
    for (const message of [prompt, alert]) {
      expect(message.endsWith('…')).toBe(true);
      expect(help.startsWith(message.slice(0, -1))).toBe(true);
    }
  });
});

describe('applyPlanToExcel, batching', () => {
  it('queues the same calls for the largest options as for the smallest, and syncs three times for both', async () => {
    for (const id of TEMPLATE_IDS) {
      const small = await insert(userWorkbook(), plan(id, { periods: 1, rows: 1 }));
      const large = await insert(userWorkbook(), plan(id, LARGEST));
      expect(small.context.syncs).toBe(3);
      expect(large.context.syncs).toBe(3);
      // Styles go in as area lists, so the calls stay bounded; widths go as runs of equally wide
      // columns, one call each (the pipeline has more columns with more sources listed).
      const apartFromWidths = (queued: string[]) =>
        queued.filter((location) => location !== 'RangeFormat.columnWidth');
      expect(apartFromWidths(large.context.queued).length, id).toBe(
        apartFromWidths(small.context.queued).length,
      );
      for (const [run, options] of [
        [small, { periods: 1, rows: 1 }],
        [large, LARGEST],
      ] as const) {
        const widths = plan(id, options).columnWidths;
        const runs = widths.filter((width, i) => i === 0 || width !== widths[i - 1]).length;
        expect(run.context.queued.filter((l) => l === 'RangeFormat.columnWidth').length, id).toBe(
          runs,
        );
      }
    }
  });

  it('formats one rectangle at a time on Excel without RangeAreas, with the same result', async () => {
    const sheetPlan = plan('dashboard', LARGEST);
    const withAreas = userWorkbook();
    const withoutAreas = userWorkbook();
    await insert(withAreas, sheetPlan);
    const old = await insert(withoutAreas, sheetPlan, {
      support: {
        screenUpdating: false,
        rangeAreas: false,
        notes: false,
        pageLayout: false,
        tableResize: false,
      },
      apiSets: { rangeAreas: false, notes: false },
    });
    expect(old.sheetName).toBe(sheetPlan.sheetName);
    expect(old.context.queued).not.toContain('Worksheet.getRanges');
    expect(old.context.queued).not.toContain('Application.suspendScreenUpdatingUntilNextSync');
    // Print settings need ExcelApi 1.9 too (tests/excel-addin/print-layout.test.ts), notes 1.18.
    const apartFromPrint = (sheets: FakeSheet[]) =>
      sheets.map((s) => ({ ...s, pageLayout: {}, notes: new Map() }));
    expect(apartFromPrint(withoutAreas.sheets)).toEqual(apartFromPrint(withAreas.sheets));
  });

  it('adds cell notes where Excel has them and leaves them out, without an error, where not', async () => {
    const sheetPlan = plan('roi');
    const noted = structuredClone(sheetPlan);
    noted.cells[4]![0] = { ...noted.cells[4]![0], value: 'Retainer', note: 'Monthly fee' };
    const modern = userWorkbook();
    await insert(modern, noted);
    expect(sheetOf(modern, sheetPlan.sheetName).notes.get('A5')).toBe('Monthly fee');

    const old = userWorkbook();
    const run = await insert(old, noted, {
      support: {
        screenUpdating: true,
        rangeAreas: true,
        notes: false,
        pageLayout: true,
        tableResize: true,
      },
      apiSets: { rangeAreas: true, notes: false },
    });
    expect(run.sheetName).toBe(sheetPlan.sheetName);
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
    const { context, sheetName } = await insert(model, sheetPlan, { failure: { sync: 3 } });

    expect(sheetName).toBe(sheetPlan.sheetName);
    expect(context.syncs).toBe(3);
    expect(context.applied).not.toContain('Worksheet.delete');
    expect(model.sheets).toHaveLength(before.length + 1);
  });

  it('removes the new sheet and says what failed when a write fails', async () => {
    const sheetPlan = plan('dashboard', { ...LARGEST, lang: 'en' });
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, error } = await insertFailing(model, sheetPlan, {
      failure: {
        at: /^DataValidation\.rule$/,
        code: 'InvalidArgument',
        message: 'The argument is invalid or missing.',
      },
    });

    expect(error.message).toContain('"Monthly KPI dashboard"');
    expect(error.message).toContain('setting the input checks');
    expect(error.message).toContain('removed');
    expect(error.message).toContain('The argument is invalid or missing. [InvalidArgument]');
    expect(error).toMatchObject({
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
    [/^RangeFont\.italic$/, 'formatting the cells', 'formatCells'],
    [/^ChartCollection\.add$/, 'drawing the chart', 'charts'],
    [/^WorksheetProtection\.protect$/, 'protecting the sheet', 'protection'],
    [/^ConditionalFormatCollection\.add$/, 'colouring the status cells', 'conditionalFormats'],
    [/^ConditionalRangeFill\.color$/, 'colouring the status cells', 'conditionalFormats'],
  ])('rolls back a failure at %s', async (at, words, step) => {
    const sheetPlan = plan('dashboard', LARGEST);
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, error } = await insertFailing(model, sheetPlan, { failure: { at } });
    expect(error).toMatchObject({ step, cleanup: 'removed' });
    expect(error.message).toContain(words);
    expect(context.syncs).toBe(3);
    expect(model.sheets).toEqual(before);
  });

  it('tells the user the workbook may be protected when Excel refuses to add a sheet', async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, error } = await insertFailing(model, plan('roi'), {
      failure: {
        at: /^WorksheetCollection\.add$/,
        code: 'AccessDenied',
        message: 'You cannot perform the requested operation.',
      },
    });
    expect(error).toMatchObject({ step: 'addSheet', cleanup: 'nothingToRemove' });
    expect(error.message).toMatch(
      /adding the new sheet.*No sheet was added.*Protect Workbook.*\[AccessDenied\]/,
    );
    expect(context.syncs).toBe(3);
    expect(model.sheets).toEqual(before);
  });

  it('writes nothing and syncs once when the sheet names cannot be read', async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const { context, error } = await insertFailing(model, plan('roi'), {
      failure: { sync: 1, code: 'GeneralException', message: 'Boom.' },
    });
    expect(error.message).toMatch(
      /Could not read the names.*nothing was inserted.*Boom\. \[GeneralException\]/,
    );
    expect(context.syncs).toBe(1);
    expect(model.sheets).toEqual(before);
  });

  it('asks the user to delete the sheet, by the name it has, when the rollback fails too', async () => {
    const model = userWorkbook();
    const { context, error } = await insertFailing(model, plan('roi', { lang: 'en' }), {
      failure: { at: /^(DataValidation\.rule|Worksheet\.delete)$/ },
    });
    expect(error).toMatchObject({ cleanup: 'notRemoved' });
    const leftOver = model.sheets.at(-1)!.name;
    expect(leftOver).toMatch(/^~[0-9a-f]{8} ROI calculator$/);
    expect(error.message).toContain(`"${leftOver}" could not be removed; please delete it`);
    expect(context.syncs).toBe(3);
  });

  it('explains the failure in Finnish for a Finnish plan', async () => {
    const model = userWorkbook();
    const { error } = await insertFailing(model, plan('roi', { lang: 'fi' }), {
      failure: { at: /^DataValidation\.rule$/ },
    });
    expect(error.message).toMatch(
      /Pohjaa ”ROI-laskuri” ei voitu lisätä: .*syötteiden tarkistuksia.*poistettiin/,
    );
  });
});

describe('applyPlanToExcel, someone else takes the name meanwhile', () => {
  /** A sheet a co-author made: it has content, so losing it would show. */
  function coAuthorSheet(name: string): FakeSheet {
    const sheet = emptySheet(name);
    sheet.cells.set('A1', {
      content: { kind: 'text', text: 'Theirs', quotePrefix: false },
      numberFormat: 'General',
      locked: true,
      format: {},
    });
    return sheet;
  }

  it("keeps the other person's sheet and removes only its own when the name appears between the syncs", async () => {
    const sheetPlan = plan('roi', { lang: 'en' });
    const model = userWorkbook();
    const theirs = coAuthorSheet(sheetPlan.sheetName);
    const { context, error } = await insertFailing(model, sheetPlan, {
      beforeSync: (n) => {
        if (n === 2) model.sheets.push(theirs);
      },
    });

    expect(context.syncs).toBe(3);
    expect(model.sheets.map((s) => s.name)).toEqual(['Data', 'ROI calculator']);
    expect(model.sheets[1]).toBe(theirs);
    expect(theirs.cells.get('A1')?.content).toMatchObject({ text: 'Theirs' });
    expect(error).toMatchObject({ step: 'nameSheet', cleanup: 'removed' });
    expect(error.message).toMatch(
      /Could not insert "ROI calculator".*removed; your other sheets are unchanged.*A sheet named "ROI calculator" appeared meanwhile.*insert again/,
    );
  });

  it('says so in Finnish too', async () => {
    const sheetPlan = plan('roi', { lang: 'fi' });
    const model = userWorkbook();
    const { error } = await insertFailing(model, sheetPlan, {
      beforeSync: (n) => {
        if (n === 2) model.sheets.push(coAuthorSheet(sheetPlan.sheetName));
      },
    });
    expect(error.message).toContain('Taulukko nimeltä ”ROI-laskuri” ilmestyi');
  });

  it('lets only one of two simultaneous insertions succeed, and that one keeps its sheet', async () => {
    const sheetPlan = plan('roi', { lang: 'en' });
    const model = userWorkbook();
    const contexts = [new FakeExcelContext(model), new FakeExcelContext(model)];
    // Both read the names before either writes: their syncs interleave 1, 1, 2, 2, 3, 3.
    const order: string[] = [];
    contexts.forEach((context, i) => {
      context.beforeSync = (n) => order.push(`${i}:${n}`);
    });
    const results = await Promise.allSettled(
      contexts.map((context) => applyPlanToExcel(asExcelContext(context), sheetPlan, FULL_SUPPORT)),
    );
    expect(order).toEqual(['0:1', '1:1', '0:2', '1:2', '0:3', '1:3']);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(results[0]).toEqual({ status: 'fulfilled', value: { sheetName: 'ROI calculator' } });
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
      step: 'nameSheet',
      cleanup: 'removed',
    });
    expect(model.sheets.map((s) => s.name)).toEqual(['Data', 'ROI calculator']);
    const kept = sheetOf(model, 'ROI calculator');
    expect(kept.calculations).toBe(1);
    expect([...kept.cells.values()].some((c) => c.content?.kind === 'formula')).toBe(true);
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
