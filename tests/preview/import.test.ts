// The preview host's CRM import: the data sheet as values, re-import in place under live formulas, all or nothing.
import { describe, expect, it } from 'vitest';
import {
  RECORD_RANGE,
  dataSheetPlan,
  importDeals,
  parseImportRecord,
  type DataSheetPlan,
} from '../../core/import/index';
import { buildPlan, type SheetPlan } from '../../core/templates/index';
import type { SidebarHost } from '../../core/ui/host';
import { previewHost } from '../../preview/host';
import { PreviewWorkbook } from '../../preview/workbook';

const HEADER =
  '"Record ID","Deal Name","Deal Stage","Close Date","Deal owner","Amount","Create Date"';

/** A HubSpot-style export whose user text looks like formulas, numbers and booleans. */
const TRICKY = [
  HEADER,
  '"00123","=1+1","Closed Won","2026-02-10","TRUE","1200","2026-01-05"',
  '"00124","@SUM(A1)","Closed Lost","2026-02-11","+358 40 123","300","2026-01-06"',
  '"00125","Plain deal","Appointment Scheduled","","2026-03-14","450.5","2026-01-07"',
].join('\n');

/** `won` won deals of 100 each and `lost` lost ones of 1 each, created in January 2026. */
function export_(won: number, lost: number): string {
  const rows = [HEADER];
  for (let i = 0; i < won; i++)
    rows.push(`"W${i}","Won ${i}","Closed Won","2026-02-01","Aino","100","2026-01-02"`);
  for (let i = 0; i < lost; i++)
    rows.push(`"L${i}","Lost ${i}","Closed Lost","2026-02-01","Aino","1","2026-01-02"`);
  return rows.join('\n');
}

function planOf(csv: string, fileName = 'deals.csv'): DataSheetPlan {
  const imported = importDeals(csv);
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  return dataSheetPlan(imported.value, { lang: 'en', currency: 'EUR', fileName });
}

/** A template plan (the ROI calculator) stretched to `rows` rows by a note in its last one. */
function tallPlan(rows: number): SheetPlan {
  const built = buildPlan('roi', {}, { lang: 'en' }, { functionPrefix: '' });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const cells = [...built.plan.cells];
  while (cells.length < rows) cells.push([]);
  cells[rows - 1] = [{ value: 'last row', role: 'note' }];
  return { ...built.plan, cells };
}

/** A host on a workbook with a blank, unprotected sheet "Sheet1" to type formulas into. */
function setUp(workbook = new PreviewWorkbook()): { workbook: PreviewWorkbook; host: SidebarHost } {
  workbook.addSheet(
    {
      name: 'Sheet1',
      lang: 'en',
      cells: [],
      rows: 10,
      columns: 5,
      columnWidths: [],
      frozen: { rows: 0, columns: 0 },
      merges: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
      locked: false,
    },
    [],
  );
  return { workbook, host: previewHost(workbook, 'en-US') };
}

/** Types formulas reading the deals by whole column into Sheet1 A1 (won count) and A2 (revenue won). */
function typeTotals(workbook: PreviewWorkbook): void {
  workbook.activate('Sheet1');
  expect(workbook.enter({ row: 0, col: 0 }, `=COUNTIFS('Deals'!$E:$E,"won")`)).toEqual({
    ok: true,
  });
  expect(workbook.enter({ row: 1, col: 0 }, `=SUMIFS('Deals'!$F:$F,'Deals'!$E:$E,"won")`)).toEqual({
    ok: true,
  });
}

const totals = (workbook: PreviewWorkbook) => [
  workbook.value('Sheet1', { row: 0, col: 0 }),
  workbook.value('Sheet1', { row: 1, col: 0 }),
];

describe('previewHost import', () => {
  it('writes the deals as values: user text stays text, amounts and dates are numbers', async () => {
    const { workbook, host } = setUp();
    const result = await host.importDeals!({
      dataSheet: planOf(TRICKY),
      analysis: null,
      replace: false,
    });
    expect(result).toEqual({ dataSheet: 'Deals', analysis: null });
    expect(workbook.sheetNames()).toEqual(['Sheet1', 'Deals']);
    expect(workbook.active!.name).toBe('Deals');
    const values = await host.readSheetValues!('Deals', 'A1:L4');
    // 2026-01-05 is serial 46027 and 2026-02-10 is 46063 (1900 date system; 46023 = 2026-01-01).
    expect(values).toEqual([
      [
        'Row in file',
        'Deal ID',
        'Deal name',
        'Stage',
        'Outcome',
        'Amount',
        'Currency',
        'Created',
        'Closed',
        'Owner',
        'Source',
        'Pipeline',
      ],
      [2, '00123', '=1+1', 'Closed Won', 'won', 1200, 'EUR', 46027, 46063, 'TRUE', '', ''],
      [
        3,
        '00124',
        '@SUM(A1)',
        'Closed Lost',
        'lost',
        300,
        'EUR',
        46028,
        46064,
        '+358 40 123',
        '',
        '',
      ],
      [
        4,
        '00125',
        'Plain deal',
        'Appointment Scheduled',
        'open',
        450.5,
        'EUR',
        46029,
        '',
        '2026-03-14',
        '',
        '',
      ],
    ]);
    for (let row = 0; row < 4; row++)
      for (let col = 0; col < 12; col++)
        expect(workbook.formula('Deals', { row, col }), `row ${row} col ${col}`).toBeUndefined();
    // The owner that reads like a date stays the text typed, not a serial.
    expect(workbook.value('Deals', { row: 3, col: 9 })).toBe('2026-03-14');
    const sheet = workbook.sheet('Deals')!;
    expect(sheet.frozen).toEqual({ rows: 1, columns: 0 });
    expect(sheet.locked).toBe(false);
    expect(sheet.columnFormats![7]).toMatch(/y/);
  });

  it('keeps the import record beside the deals, where a re-import reads its settings back', async () => {
    const { host } = setUp();
    await host.importDeals!({ dataSheet: planOf(TRICKY), analysis: null, replace: false });
    const record = await host.readSheetValues!('deals', RECORD_RANGE);
    expect(record![0]![0]).toBe('Import record');
    const settings = parseImportRecord(record!);
    expect(settings?.columns).toMatchObject({
      id: 'Record ID',
      name: 'Deal Name',
      stage: 'Deal Stage',
      amount: 'Amount',
      created: 'Create Date',
      closed: 'Close Date',
      owner: 'Deal owner',
    });
    expect(settings?.stages).toMatchObject({ 'Closed Won': 'won', 'Closed Lost': 'lost' });
    await expect(host.readSheetValues!('Kaupat', RECORD_RANGE)).resolves.toBeNull();
  });

  it('refuses a second import without replace, with a message, and changes nothing', async () => {
    const { workbook, host } = setUp();
    await host.importDeals!({ dataSheet: planOf(export_(2, 1)), analysis: null, replace: false });
    typeTotals(workbook);
    await expect(
      host.importDeals!({ dataSheet: planOf(export_(5, 0)), analysis: null, replace: false }),
    ).rejects.toThrow('The workbook already has a sheet named “Deals”');
    expect(workbook.sheetNames()).toEqual(['Sheet1', 'Deals']);
    expect(totals(workbook)).toEqual([2, 200]);
  });

  it('replaces the rows in the same sheet: whole-column formulas read the new deals, old rows are gone', async () => {
    const { workbook, host } = setUp();
    await host.importDeals!({ dataSheet: planOf(export_(3, 4)), analysis: null, replace: false });
    await host.insertTemplate({ templateId: 'roi', options: {} });
    typeTotals(workbook);
    expect(totals(workbook)).toEqual([3, 300]);
    const result = await host.importDeals!({
      dataSheet: planOf(export_(1, 1)),
      analysis: null,
      replace: true,
    });
    expect(result).toEqual({ dataSheet: 'Deals', analysis: null });
    // The sheet keeps its place among the tabs, and is shown.
    expect(workbook.sheetNames()).toEqual(['Sheet1', 'Deals', 'ROI calculator']);
    expect(workbook.active!.name).toBe('Deals');
    expect(totals(workbook)).toEqual([1, 100]);
    // Still the formula typed (the engine drops the quotes a plain sheet name does not need).
    expect(workbook.formula('Sheet1', { row: 0, col: 0 })).toMatch(
      /^=COUNTIFS\('?Deals'?!\$E:\$E,"won"\)$/,
    );
    // Row 8 held the last of the seven old deals; the new file has two.
    expect(workbook.value('Deals', { row: 7, col: 1 })).toBeNull();
    expect(workbook.sheet('Deals')!.rows).toBeGreaterThanOrEqual(3);
  });

  it('leaves the workbook as it was when the engine refuses the write part way (a new data sheet)', async () => {
    const { workbook, host } = setUp(new PreviewWorkbook({ maxRows: 50 }));
    const seen: string[] = [];
    workbook.subscribe(() => seen.push(workbook.active!.name));
    await expect(
      host.importDeals!({ dataSheet: planOf(export_(60, 0)), analysis: null, replace: false }),
    ).rejects.toThrow(/^Nothing was imported, and the workbook is as it was: .*limit/i);
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
    expect(workbook.active!.name).toBe('Sheet1');
    expect(seen).toEqual([]);
    await expect(host.readSheetValues!('Deals', 'A1:B2')).resolves.toBeNull();
  });

  it('leaves the old rows and the formulas reading them when a replace fails part way', async () => {
    const { workbook, host } = setUp(new PreviewWorkbook({ maxRows: 50 }));
    await host.importDeals!({ dataSheet: planOf(export_(2, 3)), analysis: null, replace: false });
    typeTotals(workbook);
    const before = await host.readSheetValues!('Deals', 'A1:Q40');
    // The new deals fit; the analysis after them does not, so the rows already written go back.
    const tooLong = tallPlan(51);
    await expect(
      host.importDeals!({ dataSheet: planOf(export_(9, 0)), analysis: tooLong, replace: true }),
    ).rejects.toThrow(/^Nothing was imported/);
    // Too many deals: refused before anything is written.
    await expect(
      host.importDeals!({ dataSheet: planOf(export_(70, 0)), analysis: null, replace: true }),
    ).rejects.toThrow(/^Nothing was imported/);
    expect(workbook.sheetNames()).toEqual(['Sheet1', 'Deals']);
    expect(await host.readSheetValues!('Deals', 'A1:Q40')).toEqual(before);
    expect(totals(workbook)).toEqual([2, 200]);
  });

  it('removes a new data sheet again when its analysis cannot be written', async () => {
    const { workbook, host } = setUp(new PreviewWorkbook({ maxRows: 50 }));
    await expect(
      host.importDeals!({
        dataSheet: planOf(export_(3, 0)),
        analysis: tallPlan(51),
        replace: false,
      }),
    ).rejects.toThrow(/^Nothing was imported/);
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('previewHost pipeline template from the gallery', () => {
  it('writes the example deals first when the workbook has no data sheet, and reads the user’s own after an import', async () => {
    const { workbook, host } = setUp();
    const built = buildPlan('pipeline', {}, host.defaults(), { functionPrefix: '' });
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.dataSheet, 'the plan brings example deals').toBeDefined();
    await expect(host.insertTemplate({ templateId: 'pipeline', options: {} })).resolves.toEqual({
      sheetName: built.plan.sheetName,
    });
    expect(workbook.sheetNames()).toEqual(['Sheet1', 'Deals', built.plan.sheetName]);
    const examples = built.dataSheet!.rows.length;
    expect((await host.readSheetValues!('Deals', `B${examples + 1}:B${examples + 2}`))!).toEqual([
      [built.dataSheet!.rows[examples - 1]![1]],
      [''],
    ]);
    typeTotals(workbook);
    const exampleWon = built.dataSheet!.rows.filter((row) => row[4] === 'won');
    expect(totals(workbook)).toEqual([
      exampleWon.length,
      exampleWon.reduce((sum, row) => sum + (row[5] as number), 0),
    ]);
    // The user's deals replace the examples; a second pipeline reads them and adds no data sheet.
    await host.importDeals!({ dataSheet: planOf(export_(4, 2)), analysis: null, replace: true });
    await host.insertTemplate({ templateId: 'pipeline', options: {} });
    expect(workbook.sheetNames()).toEqual([
      'Sheet1',
      'Deals',
      built.plan.sheetName,
      `${built.plan.sheetName} (2)`,
    ]);
    expect(totals(workbook)).toEqual([4, 400]);
  });
});
