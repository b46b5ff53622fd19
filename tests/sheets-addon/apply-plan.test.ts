// The Sheets adapter against a recording fake of SpreadsheetApp: batched calls, what is written, names, rollback, literal text.
import { describe, expect, it, vi } from 'vitest';
import {
  TEMPLATE_IDS,
  TEMPLATE_SHAPES,
  buildPlan,
  cellRef,
  parseCell,
  parseRange,
  type PlanCell,
  type SheetPlan,
  type StatusRole,
  type StyleRole,
  type TemplateId,
  type TemplateOptionsInput,
} from '../../core/templates/index';
import { applyPlanToSheets } from '../../sheets-addon/apply-plan';
import {
  FakeUser,
  fakeAppsScript,
  type FakeDataValidation,
  type FakeSharing,
  type FakeSheet,
} from '../support/fake-spreadsheet-app';

/** How one cell looks in Sheets, as the aspects the adapter writes. */
interface SheetsLook {
  background: string | null;
  fontColor: string | null;
  fontWeight: 'bold' | 'normal';
  fontStyle: 'italic' | 'normal';
  fontSize: number;
  horizontalAlignment: 'left' | 'center' | 'right' | null;
  verticalAlignment: 'top' | 'middle' | 'bottom' | null;
  wrap: boolean;
  numberFormat: string;
  borderBottom: string | null;
}

/** A cell without a role: Sheets' defaults (null resets a colour or alignment). */
const PLAIN: Omit<SheetsLook, 'numberFormat'> = {
  background: null,
  fontColor: null,
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  horizontalAlignment: null,
  verticalAlignment: null,
  wrap: false,
  borderBottom: null,
};

/** A cell with a role reads from the top of its row, beside a name wrapped onto more lines. */
const ROLE_BASE: Omit<SheetsLook, 'numberFormat'> = { ...PLAIN, verticalAlignment: 'top' };

/**
 * The look each style role must have in Sheets (dark blue headers with white bold text, grey
 * italic notes, …), stated here rather than derived from the theme or the adapter, so a mapping
 * that loses or alters any aspect of any role fails.
 */
const LOOK_BY_ROLE: Record<StyleRole | 'none', Omit<SheetsLook, 'numberFormat'>> = {
  none: PLAIN,
  title: { ...ROLE_BASE, fontColor: '#1F4E79', fontWeight: 'bold', fontSize: 16 },
  purpose: { ...ROLE_BASE, fontColor: '#4B5563', fontStyle: 'italic' },
  example: { ...ROLE_BASE, background: '#FFF2CC', fontColor: '#9C5700', fontWeight: 'bold' },
  section: { ...ROLE_BASE, fontColor: '#1F4E79', fontWeight: 'bold', fontSize: 12 },
  header: {
    ...ROLE_BASE,
    background: '#1F4E79',
    fontColor: '#FFFFFF',
    fontWeight: 'bold',
    horizontalAlignment: 'center',
    wrap: true,
  },
  label: { ...ROLE_BASE, fontColor: '#1F2937' },
  name: { ...ROLE_BASE, fontColor: '#1F2937', wrap: true },
  body: { ...ROLE_BASE, fontColor: '#1F2937' },
  result: { ...ROLE_BASE, background: '#EEF2F7', fontColor: '#1F2937', fontWeight: 'bold' },
  total: { ...ROLE_BASE, fontColor: '#1F2937', fontWeight: 'bold', borderBottom: '#9CA3AF' },
  status: { ...ROLE_BASE, fontWeight: 'bold', horizontalAlignment: 'center' },
  reference: { ...ROLE_BASE, fontColor: '#4B5563', fontStyle: 'italic', wrap: true },
  source: { ...ROLE_BASE, fontColor: '#4B5563', fontStyle: 'italic', fontSize: 9, wrap: true },
  note: { ...ROLE_BASE, fontColor: '#4B5563', fontStyle: 'italic', fontSize: 9 },
};

/** Input cells, whatever their role: pale yellow with blue ink. */
const INPUT_LOOK = { background: '#FFF9E6', fontColor: '#1D4ED8' };

/** Background and font colour of each status's conditional format. */
const STATUS_LOOK: Record<StatusRole, [string, string]> = {
  good: ['#C6EFCE', '#006100'],
  neutral: ['#FFEB9C', '#9C5700'],
  bad: ['#FFC7CE', '#9C0006'],
};

/** The look a plan cell must have; its number format is the plan's, else Automatic ("General"). */
function expectedLook(cell: PlanCell | null): SheetsLook {
  const look = { ...LOOK_BY_ROLE[cell?.role ?? 'none'], ...(cell?.input ? INPUT_LOOK : {}) };
  // Sheets has no locale tags in formats ("[$-40B]"): months follow the spreadsheet's locale.
  const format = cell?.format?.replace(/^\[\$-(409|40B)\]/, '');
  return { ...look, numberFormat: format ?? 'General' };
}

/** The written 2-D array behind each aspect of a look (borders are written per range). */
const LOOK_GRIDS = {
  background: 'backgrounds',
  fontColor: 'fontColors',
  fontWeight: 'fontWeights',
  fontStyle: 'fontStyles',
  fontSize: 'fontSizes',
  horizontalAlignment: 'horizontalAlignments',
  verticalAlignment: 'verticalAlignments',
  wrap: 'wraps',
  numberFormat: 'numberFormats',
} as const;
const LOOK_ASPECTS = Object.keys(LOOK_GRIDS) as (keyof typeof LOOK_GRIDS)[];

/** The bottom-border colour of each bordered cell ("B5" → "#9CA3AF"). */
function bottomBorderColours(sheet: FakeSheet): Map<string, unknown> {
  const colours = new Map<string, unknown>();
  for (const border of sheet.borders)
    for (const range of border.ranges)
      for (const [r, c] of cellsOf(range)) colours.set(cellRef(r, c), border.colour);
  return colours;
}

function planOf(templateId: TemplateId, options: TemplateOptionsInput = {}): SheetPlan {
  const result = buildPlan(templateId, options, {}, { functionPrefix: '' });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.plan;
}

function insert(plan: SheetPlan, sheetNames: readonly string[] = ['Sheet1']) {
  const world = fakeAppsScript({ sheetNames });
  const { sheetName } = applyPlanToSheets(world.spreadsheetApi, plan, world.services);
  const sheet = world.spreadsheet.sheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  return { world, sheetName, sheet };
}

function grid(sheet: FakeSheet, aspect: string): unknown[][] {
  const written = sheet.grids.get(aspect);
  if (!written) throw new Error(`nothing written for ${aspect}`);
  return written.data;
}

/** The A1 references of the plan's cells that satisfy `test`, row by row. */
function cellsWhere(plan: SheetPlan, test: (cell: PlanCell) => boolean): string[] {
  return plan.cells.flatMap((row, r) =>
    row.flatMap((cell, c) => (cell && test(cell) ? [cellRef(r, c)] : [])),
  );
}

/** Every (row, col) of an A1 range, zero-based. */
function cellsOf(range: string): [number, number][] {
  const { row1, col1, row2, col2 } = parseRange(range);
  const cells: [number, number][] = [];
  for (let r = row1; r <= row2; r++) for (let c = col1; c <= col2; c++) cells.push([r, c]);
  return cells;
}

describe('applyPlanToSheets: the number of SpreadsheetApp calls', () => {
  const counts = (plan: SheetPlan) => insert(plan).world.recorder.tally();

  it.each(TEMPLATE_IDS.filter((id) => TEMPLATE_SHAPES[id].periods !== undefined))(
    '%s: identical for 1 and 24 periods',
    (id) => {
      const one = planOf(id, { periods: 1, example: true });
      const many = planOf(id, { periods: 24, example: true });
      expect(many.cells.length).toBeGreaterThan(one.cells.length);
      expect(counts(many)).toEqual(counts(one));
    },
  );

  it.each(TEMPLATE_IDS.filter((id) => TEMPLATE_SHAPES[id].rows !== undefined))(
    '%s: identical for 1 and 50 rows',
    (id) => {
      const one = planOf(id, { rows: 1, example: true });
      const many = planOf(id, { rows: 50, example: true });
      expect(many.cells.length * many.columnWidths.length).toBeGreaterThan(
        one.cells.length * one.columnWidths.length,
      );
      // Widths go as runs of equally wide columns, one call each (the pipeline has more
      // columns with more sources listed); every other call is made as often for 50 rows as for 1.
      const apartFromWidths = (plan: SheetPlan) => {
        const { ['Sheet.setColumnWidths']: widthCalls, ...rest } = counts(plan);
        const runs = plan.columnWidths.filter((w, i) => i === 0 || w !== plan.columnWidths[i - 1]);
        expect(widthCalls, id).toBe(runs.length);
        return rest;
      };
      expect(apartFromWidths(many)).toEqual(apartFromWidths(one));
    },
  );

  it.each(
    TEMPLATE_IDS.filter(
      (id) => TEMPLATE_SHAPES[id].rows === undefined && TEMPLATE_SHAPES[id].periods === undefined,
    ),
  )('%s: identical whatever periods and rows are asked for (the template ignores them)', (id) => {
    expect(counts(planOf(id, { periods: 24, rows: 50 }))).toEqual(
      counts(planOf(id, { periods: 1, rows: 1 })),
    );
  });

  it('fits a plan larger than a new sheet (1000 rows × 26 columns)', () => {
    const tall = planOf('activity', { periods: 24, rows: 50 });
    const wide = planOf('vendor-evaluation', { rows: 50 });
    expect(tall.cells.length).toBeGreaterThan(1000);
    expect(wide.columnWidths.length).toBeGreaterThan(26);
    expect(grid(insert(tall).sheet, 'values')).toHaveLength(tall.cells.length);
    expect(grid(insert(wide).sheet, 'values')[0]).toHaveLength(wide.columnWidths.length);
  });

  it('writes each cell aspect of the grid with one 2-D call', () => {
    const tally = insert(planOf('activity', { periods: 24, rows: 50 })).world.recorder.tally();
    for (const method of [
      'setValues',
      'setNumberFormats',
      'setBackgrounds',
      'setFontColors',
      'setFontWeights',
    ])
      expect(tally[`Range.${method}`], method).toBe(1);
    expect(tally['Range.setFormulas']).toBeUndefined();
    expect(tally['Range.setValue']).toBeUndefined();
  });
});

describe.each(TEMPLATE_IDS)('applyPlanToSheets writes the plan of %s', (id) => {
  const plan = planOf(id, { periods: 3, rows: 2 });
  const { world, sheet, sheetName } = insert(plan);
  const rows = plan.cells.length;
  const columns = plan.columnWidths.length;

  it('into a new sheet with the plan name, made active, the grid from A1', () => {
    expect(sheetName).toBe(plan.sheetName);
    expect(world.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1', plan.sheetName]);
    expect(world.spreadsheet.active).toBe(sheet);
    expect(sheet.grids.get('values')?.a1).toBe(`A1:${plan.lastCell}`);
  });

  it('values and formulas together: formulas as written, numbers as numbers, text behind an apostrophe', () => {
    const values = grid(sheet, 'values');
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const written = values[r]![c];
        if (!cell || (cell.formula === undefined && cell.value === undefined))
          expect(written).toBe('');
        else if (cell.formula !== undefined) expect(written).toBe(cell.formula);
        else if (typeof cell.value === 'string')
          expect(written).toBe(cell.value === '' ? '' : `'${cell.value}`);
        else expect(written).toBe(cell.value);
      }),
    );
    expect(values[0]![0]).toBe(`'${plan.cells[0]![0]!.value as string}`);
  });

  it('every style aspect of every cell: the look stated for its role, input cells on top', () => {
    const aspects = Object.fromEntries(
      LOOK_ASPECTS.map((aspect) => [aspect, grid(sheet, LOOK_GRIDS[aspect])]),
    );
    const borders = bottomBorderColours(sheet);
    const got: unknown[] = [];
    const want: unknown[] = [];
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const where = { cell: cellRef(r, c), role: cell?.role ?? 'none', input: !!cell?.input };
        const look = Object.fromEntries(
          LOOK_ASPECTS.map((aspect) => [aspect, aspects[aspect]![r]![c]]),
        );
        got.push({ ...where, ...look, borderBottom: borders.get(cellRef(r, c)) ?? null });
        want.push({ ...where, ...expectedLook(cell) });
      }),
    );
    expect(got).toEqual(want);
  });

  it('column widths, frozen panes and merges', () => {
    expect([...Array(columns).keys()].map((c) => sheet.columnWidths.get(c + 1))).toEqual(
      plan.columnWidths,
    );
    expect(sheet.frozenRows).toBe(plan.frozen.rows);
    expect(sheet.frozenColumns).toBe(plan.frozen.columns);
    expect(sheet.merges).toEqual(plan.merges);
  });

  // The plan's heights are what a row needs at least (a large title, wrapped labels): set, not
  // forced, so a row still grows where Sheets' own text is taller.
  it('row heights: each set row at its height, growing to fit, every other row left alone', () => {
    expect(plan.rowHeights.length).toBeGreaterThan(0);
    expect(sheet.rowHeights).toEqual(
      new Map(plan.rowHeights.map(({ row, height }) => [row + 1, { height, forced: false }])),
    );
  });

  it('data validation on exactly the validated cells, rejecting invalid input, with help text', () => {
    const validations = (sheet.grids.get('dataValidations')?.data ??
      []) as (FakeDataValidation | null)[][];
    const expected = new Map<string, (typeof plan.validations)[number]>();
    // Custom formula rules go on their whole range at once, so the grid leaves their cells out.
    const custom = plan.validations.filter((v) => v.rule.type === 'custom');
    for (const validation of plan.validations)
      if (validation.rule.type !== 'custom')
        for (const [r, c] of cellsOf(validation.range)) expected.set(`${r},${c}`, validation);
    if (plan.validations.length > 0) expect(validations).toHaveLength(rows);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const want = expected.get(`${r},${c}`);
        const got = validations[r]?.[c] ?? null;
        if (!want) {
          expect(got).toBeNull();
          continue;
        }
        expect(got?.helpText).toBe(want.help);
        expect(got?.allowInvalid).toBe(false);
        const rule = want.rule;
        if (rule.type === 'date') expect(got?.criteria).toBe('DATE_IS_VALID_DATE');
        else if (rule.type === 'list') expect(got?.args[0]).toEqual(rule.items);
        else if (rule.type === 'custom') throw new Error('custom rules are not in the grid');
        else if (rule.min !== undefined && rule.max !== undefined)
          expect([got?.criteria, ...(got?.args ?? [])]).toEqual([
            'NUMBER_BETWEEN',
            rule.min,
            rule.max,
          ]);
        else if (rule.min !== undefined)
          expect([got?.criteria, ...(got?.args ?? [])]).toEqual([
            'NUMBER_GREATER_THAN_OR_EQUAL_TO',
            rule.min,
          ]);
        else expect(got?.criteria).toMatch(/^NUMBER_/);
      }
    expect(sheet.rangeValidations).toEqual(
      custom.map((v) => ({
        a1: v.range,
        rule: {
          criteria: 'CUSTOM_FORMULA',
          args: [v.rule.type === 'custom' && v.rule.formula],
          helpText: v.help,
          allowInvalid: false,
        },
      })),
    );
    const distinct = new Set(
      plan.validations
        .filter((v) => v.rule.type !== 'custom')
        .map((v) => JSON.stringify([v.rule, v.help])),
    );
    expect(world.recorder.tally()['SpreadsheetApp.newDataValidation'] ?? 0).toBe(
      distinct.size + custom.length,
    );
  });

  it('conditional formats colour each status text on its ranges', () => {
    const rules = sheet.conditionalFormatRules;
    for (const format of plan.conditionalFormats) {
      const rule = rules.find(
        (r) => r.textEqualTo === format.equals && r.ranges.includes(format.range),
      );
      expect(rule, `${format.equals} on ${format.range}`).toBeDefined();
      expect([rule?.background, rule?.fontColor]).toEqual(STATUS_LOOK[format.role]);
    }
    expect(rules.flatMap((r) => r.ranges)).toHaveLength(plan.conditionalFormats.length);
  });

  it('protection without password, input ranges left open', () => {
    expect(plan.protection.enabled).toBe(true);
    expect(sheet.protection?.unprotectedRanges).toEqual(plan.protection.unlockedRanges);
    expect(sheet.protection?.warningOnly).toBe(false);
    expect(sheet.protection?.description).toMatch(/\w/);
  });

  it('charts from the plan ranges at the anchor, with title, size and legend names', () => {
    expect(sheet.charts).toHaveLength(plan.charts.length);
    plan.charts.forEach((chart, i) => {
      const written = sheet.charts[i]!;
      const anchor = parseRange(chart.anchor);
      expect(written.chartType).toBe(chart.type.toUpperCase());
      expect(written.ranges).toEqual([chart.categories, ...chart.series.map((s) => s.values)]);
      expect(written.position).toEqual([anchor.row1 + 1, anchor.col1 + 1, 0, 0]);
      expect(written.options).toMatchObject({
        title: chart.title,
        width: chart.width,
        height: chart.height,
      });
      expect(written.options.series).toEqual(
        Object.fromEntries(chart.series.map((s, n) => [n, { labelInLegend: s.name }])),
      );
      const categories = parseRange(chart.categories);
      expect(written.transposed).toBe(
        categories.row1 === categories.row2 && categories.col2 > categories.col1,
      );
    });
  });

  it('bottom borders are thin solid lines, one call per colour', () => {
    for (const border of sheet.borders) {
      expect(border.sides).toEqual({
        top: null,
        left: null,
        bottom: true,
        right: null,
        vertical: null,
        horizontal: null,
      });
      expect(border.style).toBe('SOLID');
    }
    const colours = sheet.borders.map((border) => border.colour);
    expect(new Set(colours).size).toBe(colours.length);
  });
});

it('the templates use every style role of the stated looks, so each look is checked', () => {
  const used = new Set(
    TEMPLATE_IDS.flatMap((id) =>
      planOf(id, { periods: 3, rows: 2 }).cells.flatMap((row) =>
        row.map((cell) => cell?.role ?? 'none'),
      ),
    ),
  );
  expect([...used].sort()).toEqual(Object.keys(LOOK_BY_ROLE).sort());
});

describe('applyPlanToSheets: names and existing sheets', () => {
  it('uses "Name (2)" when the name is taken, comparing case-insensitively', () => {
    const plan = planOf('funnel');
    expect(insert(plan, ['Sheet1', 'Lead funnel']).sheetName).toBe('Lead funnel (2)');
    expect(insert(plan, ['lead FUNNEL', 'Lead funnel (2)']).sheetName).toBe('Lead funnel (3)');
  });

  it('never touches an existing sheet beyond reading its name', () => {
    const { world } = insert(planOf('dashboard'), ['Data', 'Monthly KPI dashboard']);
    for (const name of ['Data', 'Monthly KPI dashboard']) {
      const existing = world.spreadsheet.sheet(name)!;
      expect(world.recorder.callsOn(existing).map((call) => call.method)).toEqual(['getName']);
      expect(existing.grids.size + existing.merges.length + existing.charts.length).toBe(0);
    }
  });

  it('leaves protection off when the plan asks for none', () => {
    const { sheet, world } = insert(planOf('roi', { protect: false }));
    expect(sheet.protection).toBeUndefined();
    expect(world.recorder.tally()['Sheet.protect']).toBeUndefined();
  });
});

describe('applyPlanToSheets: protection keeps other editors off the formulas', () => {
  // A Workspace spreadsheet shared with a colleague, a group and the whole domain for editing.
  const shared = {
    owner: 'owner@example.com',
    editors: ['me@example.com', 'colleague@example.com', 'sales-team@example.com'],
    groups: { 'sales-team@example.com': ['member@example.com'] },
    domain: 'example.com',
    domainCanEdit: true,
  };
  const plan = planOf('roi');
  const formulaCell = cellsWhere(plan, (cell) => cell.formula !== undefined)[0]!;
  const inputCell = cellsWhere(plan, (cell) => cell.input === true)[0]!;

  function insertShared(sharing: Partial<FakeSharing>) {
    const world = fakeAppsScript({ sharing });
    const { sheetName } = applyPlanToSheets(world.spreadsheetApi, plan, world.services);
    return { world, sheet: world.spreadsheet.sheet(sheetName)! };
  }

  it('only the owner and the user who inserted it can change a formula cell; input cells stay open to every editor', () => {
    const { sheet } = insertShared({ ...shared, currentUser: 'me@example.com' });
    const editable = (email: string) => [
      sheet.editableBy(email, formulaCell),
      sheet.editableBy(email, inputCell),
    ];
    expect(editable('owner@example.com')).toEqual([true, true]);
    expect(editable('me@example.com')).toEqual([true, true]);
    expect(editable('colleague@example.com')).toEqual([false, true]);
    expect(editable('member@example.com')).toEqual([false, true]);
    expect(editable('anyone@example.com')).toEqual([false, true]);
    expect(editable('stranger@elsewhere.example')).toEqual([false, false]);
    expect(sheet.protection?.warningOnly).toBe(false);
  });

  it('when the user edits through a group, keeps that group (Sheets refuses to remove it) and removes the others', () => {
    const { world, sheet } = insertShared({ ...shared, currentUser: 'member@example.com' });
    expect(world.spreadsheet.sheets).toHaveLength(2);
    expect(sheet.editableBy('member@example.com', formulaCell)).toBe(true);
    expect(sheet.editableBy('colleague@example.com', formulaCell)).toBe(false);
    expect(sheet.editableBy('me@example.com', formulaCell)).toBe(false);
    expect(sheet.editableBy('anyone@example.com', formulaCell)).toBe(false);
  });

  it('on a gmail.com spreadsheet (no domain) leaves domain edit alone, which Sheets would refuse', () => {
    const { sheet, world } = insertShared({
      owner: 'owner@gmail.com',
      currentUser: 'owner@gmail.com',
      editors: ['friend@gmail.com'],
    });
    expect(sheet.editableBy('friend@gmail.com', formulaCell)).toBe(false);
    expect(sheet.editableBy('friend@gmail.com', inputCell)).toBe(true);
    expect(world.recorder.tally()['Protection.setDomainEdit']).toBeUndefined();
  });

  it("never asks who the user is (Session's users need the userinfo.email scope)", () => {
    const asked: string[] = [];
    const user = (method: string) => () => {
      asked.push(method);
      return new FakeUser('me@example.com');
    };
    vi.stubGlobal('Session', {
      getEffectiveUser: user('getEffectiveUser'),
      getActiveUser: user('getActiveUser'),
    });
    try {
      insertShared({ ...shared, currentUser: 'me@example.com' });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(asked).toEqual([]);
  });
});

describe('applyPlanToSheets: rollback', () => {
  const plan = planOf('dashboard');
  const succeeded = insert(plan).world.recorder.calls;
  const inserted = succeeded.findIndex((call) => call.method === 'insertSheet');
  const before = new Set(succeeded.slice(0, inserted + 1).map((call) => call.method));
  // A refused removeEditors is retried editor by editor (see the protection tests), so it fails
  // the insert only together with removeEditor: tested on its own below.
  const laterMethods = [
    ...new Set(succeeded.slice(inserted + 1).map((call) => call.method)),
  ].filter((method) => !before.has(method) && method !== 'removeEditors');

  it('has write calls to fail', () => {
    expect(laterMethods).toEqual(
      expect.arrayContaining(['setValues', 'setDataValidations', 'protect', 'insertChart']),
    );
  });

  it.each(laterMethods)(
    'when %s fails: the new sheet is deleted and the error says what failed',
    (method) => {
      const world = fakeAppsScript({ sheetNames: ['Data'] });
      world.recorder.failOn(method, 'Service Spreadsheets failed while accessing document.');
      expect(() => applyPlanToSheets(world.spreadsheetApi, plan, world.services)).toThrow(
        "Could not insert 'Monthly KPI dashboard': Service Spreadsheets failed while accessing document. Nothing was changed.",
      );
      expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(['Data']);
      expect(world.recorder.tally()['Spreadsheet.deleteSheet']).toBe(1);
    },
  );

  it('when not one editor can be removed from the protection: the new sheet is deleted and the error says why', () => {
    const world = fakeAppsScript({ sheetNames: ['Data'] });
    world.recorder.failOn('removeEditors', 'Service Spreadsheets failed while accessing document.');
    world.recorder.failOn('removeEditor', 'Service unavailable', Infinity);
    expect(() => applyPlanToSheets(world.spreadsheetApi, plan, world.services)).toThrow(
      "Could not insert 'Monthly KPI dashboard': Service Spreadsheets failed while accessing document. Nothing was changed.",
    );
    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(['Data']);
  });

  it('says it in Finnish for a Finnish plan', () => {
    const world = fakeAppsScript();
    world.recorder.failOn('setValues', 'Timeout');
    const finnish = planOf('funnel', { lang: 'fi' });
    expect(() => applyPlanToSheets(world.spreadsheetApi, finnish, world.services)).toThrow(
      `Taulukon '${finnish.sheetName}' lisääminen epäonnistui: Timeout. Mitään ei muutettu.`,
    );
    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  });

  it('when adding the sheet itself fails, there is nothing to delete', () => {
    const world = fakeAppsScript();
    world.recorder.failOn('insertSheet', 'Too many sheets');
    expect(() => applyPlanToSheets(world.spreadsheetApi, plan, world.services)).toThrow(
      "Could not insert 'Monthly KPI dashboard': Too many sheets. Nothing was changed.",
    );
    expect(world.recorder.tally()['Spreadsheet.deleteSheet']).toBeUndefined();
  });

  it('when the cleanup fails too, the message says the unfinished sheet is left', () => {
    const world = fakeAppsScript();
    world.recorder.failOn('setValues', 'Timeout');
    world.spreadsheet.deleteSheet = () => {
      throw new Error('Offline');
    };
    expect(() => applyPlanToSheets(world.spreadsheetApi, plan, world.services)).toThrow(
      "Could not insert 'Monthly KPI dashboard': Timeout. The unfinished sheet 'Monthly KPI dashboard' could not be removed (Offline); please delete it.",
    );
  });
});

describe('applyPlanToSheets: user text stays text', () => {
  it('text starting with = + - @ (or looking like a number or date) is written behind an apostrophe', () => {
    const plan = planOf('email', { rows: 4 });
    const texts = [
      '=HYPERLINK("http://evil.example","x")',
      '+358 40 123 4567',
      '-5',
      '@channel',
      '2026-01',
      "'quoted",
    ];
    texts.forEach((value, i) => (plan.cells[6 + i]![0] = { value, role: 'label', input: true }));
    const values = grid(insert(plan).sheet, 'values');
    texts.forEach((text, i) => expect(values[6 + i]![0]).toBe(`'${text}`));
  });

  it('numbers, booleans and formulas are not prefixed', () => {
    const plan = planOf('roi');
    plan.cells[5]![1] = { value: -12.5, input: true };
    plan.cells[6]![1] = { value: true, input: true };
    plan.cells[7]![1] = { formula: '=B6*2', calc: { kind: 'sum', refs: ['B6', 'B6'] } };
    const values = grid(insert(plan).sheet, 'values');
    expect([values[5]![1], values[6]![1], values[7]![1]]).toEqual([-12.5, true, '=B6*2']);
  });
});

describe('applyPlanToSheets: month labels', () => {
  // Sheets' format patterns have no locale tag; a month shows in the spreadsheet's locale, so a
  // Finnish funnel reads "tammi 2026" in a Finnish spreadsheet. The cell stays a date.
  it('gives Sheets the Finnish plan’s months as real dates in plain mmm yyyy', () => {
    const plan = planOf('funnel', { lang: 'fi', periods: 2 });
    const { sheet } = insert(plan);
    const months = cellsWhere(plan, (cell) => cell.format?.includes('mmm') ?? false);
    expect(months.length).toBe(2);
    const formats = grid(sheet, 'numberFormats');
    const values = grid(sheet, 'values');
    for (const ref of months) {
      const { row, col } = parseCell(ref);
      expect(formats[row]![col], ref).toBe('mmm yyyy');
      expect(typeof values[row]![col], ref).toBe('number');
    }
  });
});
