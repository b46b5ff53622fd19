// The data sheet writer on hand-made data sheet plans: values as typed, formats, frozen header, the table, the record, and 100,000 deals.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { planToXlsx } from '../../cli/xlsx-writer';
import { DATA_COLUMNS, type DataSheetPlan, type DataValue } from '../../core/import/workbook-types';
import { buildPlan } from '../../core/templates/index';
import type { SheetPlan } from '../../core/templates/plan';

/** Any template sheet to go with the data sheet: the writer always writes one. */
function companion(): SheetPlan {
  const built = buildPlan(
    'funnel',
    {},
    { lang: 'en', startMonth: '2026-04' },
    { functionPrefix: 'KPI.' },
  );
  if (!built.ok) throw new Error('funnel refused');
  return built.plan;
}

const FORMATS: Partial<Record<(typeof DATA_COLUMNS)[number], string>> = {
  row: '0',
  amount: '#,##0.00',
  created: 'yyyy-mm-dd',
  closed: 'yyyy-mm-dd',
};

function dataSheet(rows: DataValue[][], record: DataSheetPlan['record'] = []): DataSheetPlan {
  return {
    sheetName: 'Deals',
    lang: 'en',
    tableName: 'KpiDeals',
    header: [
      'Row',
      'ID',
      'Name',
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
    columns: DATA_COLUMNS.map((key) => ({ key, format: FORMATS[key] ?? '', width: 100 })),
    rows,
    recordAnchor: 'N1',
    record,
    recordColumns: Array.from(
      { length: record.reduce((widest, line) => Math.max(widest, line.length), 0) },
      (_, c) => ({ width: 110 + 10 * c }),
    ),
    example: false,
  };
}

/** Excel serial of a calendar day, counted here apart from the code under test. */
function serial(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;
}

/** A cell's value as the file holds it: dates (ExcelJS gives Date objects) back to serials. */
function valueOf(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  return value instanceof Date ? value.getTime() / 86_400_000 + 25569 : value;
}

async function written(data: DataSheetPlan) {
  const xlsx = await planToXlsx(companion(), data);
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings name an older Buffer type than Node 20's.
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const zip = await JSZip.loadAsync(xlsx);
  const tables = await Promise.all(
    Object.keys(zip.files)
      .filter((path) => /^xl\/tables\/table\d+\.xml$/.test(path))
      .map((path) => zip.file(path)!.async('string')),
  );
  return { workbook, sheet: workbook.getWorksheet('Deals')!, tables, zip };
}

const TRICKY = ['=1+1', '@x', '+1', '-2', '=HYPERLINK("http://x")', 'a\nb <&> "q"', ' padded '];

describe('data sheet', () => {
  const rows: DataValue[][] = [
    [
      2,
      '18234001',
      TRICKY[0]!,
      'Closed Won',
      'won',
      1200.5,
      'EUR',
      serial('2026-01-05'),
      serial('2026-01-25'),
      TRICKY[1]!,
      TRICKY[2]!,
      TRICKY[3]!,
    ],
    [
      3,
      '0042',
      TRICKY[4]!,
      'Proposal',
      'open',
      0,
      '',
      serial('2026-02-10'),
      '',
      TRICKY[5]!,
      TRICKY[6]!,
      '',
    ],
    [
      5,
      'x',
      'Gamma',
      'Closed Lost',
      'lost',
      -1000,
      'USD',
      serial('2026-01-12'),
      serial('2026-01-30'),
      'Anna',
      'Web',
      'Sales',
    ],
  ];
  const record: DataSheetPlan['record'] = [
    [{ value: 'Import record', role: 'section' }, null],
    [
      { value: 'File', role: 'label' },
      { value: '=evil.csv', role: 'body' },
    ],
    [
      { value: 'Deals imported', role: 'label' },
      { value: 3, role: 'body', format: '0' },
    ],
    [null, null],
    [{ value: 'Import issues', role: 'section' }, null],
    [
      { value: 7, role: 'body', format: '0' },
      { value: '@Close Date', role: 'body' },
    ],
  ];

  it('comes first, under its own name, with the template sheet opened after it', async () => {
    const { workbook } = await written(dataSheet(rows, record));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Deals', 'Lead funnel']);
    expect(workbook.views[0]?.activeTab).toBe(1);
  });

  it('holds every value as typed: text as text (never a formula), numbers and dates as numbers', async () => {
    const { sheet } = await written(dataSheet(rows, record));
    expect((sheet.getRow(1).values as unknown[]).slice(1, 13)).toEqual(dataSheet([]).header);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = sheet.getCell(r + 2, c + 1);
        if (value === '') expect(cell.type).toBe(ExcelJS.ValueType.Null);
        else {
          expect(valueOf(cell)).toEqual(value);
          expect(cell.type).toBe(
            typeof value === 'string'
              ? ExcelJS.ValueType.String
              : cell.type === ExcelJS.ValueType.Date
                ? ExcelJS.ValueType.Date
                : ExcelJS.ValueType.Number,
          );
          expect(cell.formula).toBeFalsy();
        }
      }),
    );
  });

  it('formats each column as its plan says and freezes the header row', async () => {
    const { sheet } = await written(dataSheet(rows, record));
    expect(sheet.getCell('F2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('F4').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('H3').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('I4').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('A4').numFmt).toBe('0');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // 100 px in Calibri 11 character units: (100 - 5) / 7.
    expect(sheet.getColumn(3).width).toBeCloseTo(95 / 7, 2);
    // The record's columns N and O take its recordColumns (110 and 120 px); M stays unset.
    expect(sheet.getColumn('N').width).toBeCloseTo(105 / 7, 2);
    expect(sheet.getColumn('O').width).toBeCloseTo(115 / 7, 2);
    expect(sheet.getColumn('M').width).toBeUndefined();
  });

  it('lays an Excel table named by the plan over the header and every deal', async () => {
    const { tables } = await written(dataSheet(rows, record));
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatch(/\sname="KpiDeals"/);
    expect(tables[0]).toMatch(/<table\b[^>]*\sref="A1:L4"/);
    expect(tables[0]).toMatch(/<autoFilter\b[^>]*\sref="A1:L4"/);
    expect(tables[0]).toContain('<tableColumn id="1" name="Row"');
    expect(tables[0]).toContain('name="Pipeline"');
  });

  it('writes the record from its anchor, beside the deals and below them, text as text', async () => {
    const { sheet } = await written(dataSheet(rows, record));
    expect(sheet.getCell('N1').value).toBe('Import record');
    expect(sheet.getCell('N1').font?.bold).toBe(true);
    expect(sheet.getCell('O2').value).toBe('=evil.csv');
    expect(sheet.getCell('O2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('O3').value).toBe(3);
    expect(sheet.getCell('N4').value).toBeNull();
    // Row 6 holds no deal, only the record's last line.
    expect(sheet.getCell('N6').value).toBe(7);
    expect(sheet.getCell('O6').value).toBe('@Close Date');
    expect(sheet.getCell('A6').value).toBeNull();
    // The deals of rows 2–4 are all there beside the record.
    expect(sheet.getCell('C4').value).toBe('Gamma');
  });

  it('keeps a table of one empty row when every row of the file was left out', async () => {
    const { sheet, tables } = await written(dataSheet([], [[{ value: 'Import record' }]]));
    expect(tables[0]).toMatch(/<table\b[^>]*\sref="A1:L2"/);
    expect(sheet.getCell('A2').value).toBeNull();
    expect(sheet.getCell('L1').value).toBe('Pipeline');
  });

  it('writes a record of 200,000 lines (every row of the largest file reported)', async () => {
    // Spreading 200,000 line lengths into Math.max overflowed the stack (RangeError).
    const lines = 200_000;
    const record: DataSheetPlan['record'] = Array.from({ length: lines }, (_, i) => [
      { value: i + 2, format: '0' },
    ]);
    const zip = await JSZip.loadAsync(await planToXlsx(companion(), dataSheet([], record)));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toContain(`<dimension ref="A1:N${lines}"/>`);
    expect(sheetXml).toMatch(new RegExp(`<c r="N${lines}"[^>]*><v>${lines + 1}</v></c>`));
  }, 120_000);

  it('writes 100,000 deals, the last of them whole, in seconds', async () => {
    const count = 100_000;
    const many: DataValue[][] = [];
    for (let i = 0; i < count; i++)
      many.push([
        i + 2,
        `D${i}`,
        `Deal ${i}`,
        'Closed Won',
        'won',
        1000 + i,
        'EUR',
        46000 + (i % 700),
        46010 + (i % 700),
        `Owner ${i % 20}`,
        `Source ${i % 7}`,
        'Sales',
      ]);
    const started = performance.now();
    const xlsx = await planToXlsx(companion(), dataSheet(many, [[{ value: 'Import record' }]]));
    const seconds = (performance.now() - started) / 1000;
    // Read back as XML: ExcelJS itself takes most of a minute to load 1.2 million cells.
    const zip = await JSZip.loadAsync(xlsx);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const table = await zip.file('xl/tables/table1.xml')!.async('string');
    expect(table).toMatch(new RegExp(`<table\\b[^>]*\\sref="A1:L${count + 1}"`));
    expect(sheetXml.match(/<row /g)).toHaveLength(count + 1);
    const last = count + 1;
    expect(sheetXml).toContain(`<c r="B${last}" t="inlineStr"><is><t>D${count - 1}</t></is></c>`);
    expect(sheetXml).toMatch(new RegExp(`<c r="F${last}" s="\\d+"><v>${1000 + count - 1}</v></c>`));
    expect(sheetXml).toContain(`<dimension ref="A1:N${last}"/>`);
    // About 4 s here on a shared machine; ExcelJS's cell objects took 20 s and 1.8 GB.
    expect(seconds).toBeLessThan(30);
  }, 120_000);
});
