// The Excel import against the recording fake: what the data sheet holds, request sizes and syncs, refusal, and rollback.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importDeals, planImport, RECORD_RANGE } from '../../core/import/index';
import {
  DATA_COLUMNS,
  type DataSheetPlan,
  type DataValue,
  type ImportRequest,
} from '../../core/import/workbook-types';
import { buildPlan, type Lang, type SheetPlan } from '../../core/templates/index';
import { insertTemplateIntoExcel } from '../../excel-addin/insert-template';
import { writeImport, readSheetValues } from '../../excel-addin/import-deals';
import { DealsImportError } from '../../excel-addin/import-messages';
import type { ExcelSupport } from '../../excel-addin/support';
import {
  asExcelContext,
  emptySheet,
  FakeExcelContext,
  installFakeOffice,
  WEB_PAYLOAD_LIMIT,
  type FakeApiSets,
  type FakeContent,
  type FakeFailure,
  type FakeSheet,
  type FakeWorkbook,
} from '../support/fake-excel';

const FULL: ExcelSupport = {
  screenUpdating: true,
  rangeAreas: true,
  notes: true,
  pageLayout: true,
  tableResize: true,
};
/** Excel before ExcelApi 1.13: tables, but no Table.resize. */
const NO_RESIZE: ExcelSupport = { ...FULL, tableResize: false };

const HEADER = [
  'Row',
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
];
const FORMATS: Partial<Record<(typeof DATA_COLUMNS)[number], string>> = {
  amount: '#,##0.00',
  created: 'yyyy-mm-dd',
  closed: 'yyyy-mm-dd',
};

/** Deal `i` as a data row; `name` replaces its name (long names make heavy rows). */
function deal(i: number, name = `Deal ${i}`): DataValue[] {
  return [
    i + 2,
    `D-${i}`,
    name,
    'Closed won',
    'won',
    1000 + i,
    'EUR',
    46023 + (i % 365),
    46400,
    'Anna',
    'Partner',
    'Default',
  ];
}

/** A data sheet plan written by hand, as core/import's dataSheetPlan would hand it over. */
function dataPlan(rows: DataValue[][], lang: Lang = 'en'): DataSheetPlan {
  return {
    sheetName: lang === 'fi' ? 'Kaupat' : 'Deals',
    lang,
    tableName: 'KpiDeals',
    header: HEADER,
    columns: DATA_COLUMNS.map((key, i) => ({
      key,
      format: FORMATS[key] ?? '',
      width: 60 + 10 * i,
    })),
    rows,
    recordAnchor: 'N1',
    record: [
      [{ value: 'Import', role: 'section' }],
      [{ value: 'File' }, { value: 'deals.csv' }],
      [{ value: 'Imported' }, { value: 46400, format: 'yyyy-mm-dd' }],
      [{ value: 'Import issues', role: 'section' }],
      [
        { value: 'Row', role: 'header' },
        { value: 'Column', role: 'header' },
        { value: 'Value', role: 'header' },
        { value: 'Reason', role: 'header' },
      ],
      [
        { value: 9 },
        { value: 'amount' },
        { value: '=HYPERLINK("http://x")' },
        { value: 'not a number' },
      ],
    ],
    recordColumns: [{ width: 70 }, { width: 100 }, { width: 160 }, { width: 200 }],
    example: false,
  };
}

function analysisPlan(id = 'funnel', lang: Lang = 'en'): SheetPlan {
  const result = buildPlan(id, { lang }, {}, { functionPrefix: 'KPI.' });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '));
  return result.plan;
}

function request(
  rows: DataValue[][],
  options: Partial<ImportRequest> & { lang?: Lang } = {},
): ImportRequest {
  return {
    dataSheet: dataPlan(rows, options.lang),
    analysis:
      options.analysis === undefined ? analysisPlan('funnel', options.lang) : options.analysis,
    replace: options.replace ?? false,
  };
}

function text(value: string): FakeContent {
  return { kind: 'text', text: value, quotePrefix: false };
}

/** A workbook the user has: a sheet of their own with a value and a chart. */
function userWorkbook(): FakeWorkbook {
  const data = emptySheet('Data');
  data.cells.set('A1', {
    content: text('Mine'),
    numberFormat: 'General',
    locked: true,
    format: {},
  });
  data.charts.push({ type: 'Pie', source: 'A1:A3', series: [], properties: {} });
  return { sheets: [data], activeSheet: 'Data' };
}

interface Run {
  failure?: FakeFailure;
  support?: ExcelSupport;
  apiSets?: FakeApiSets;
  requestLimit?: number;
  responseLimit?: number;
}

function contextFor(model: FakeWorkbook, run: Run): FakeExcelContext {
  const support = run.support ?? FULL;
  const context = new FakeExcelContext(
    model,
    run.failure,
    run.apiSets ?? { rangeAreas: true, notes: true, tableResize: support.tableResize },
  );
  context.requestLimit = run.requestLimit ?? WEB_PAYLOAD_LIMIT;
  context.responseLimit = run.responseLimit ?? WEB_PAYLOAD_LIMIT;
  return context;
}

async function importInto(model: FakeWorkbook, importRequest: ImportRequest, run: Run = {}) {
  const context = contextFor(model, run);
  const written = await writeImport(asExcelContext(context), importRequest, run.support ?? FULL);
  return { context, written };
}

async function importFailing(model: FakeWorkbook, importRequest: ImportRequest, run: Run = {}) {
  const context = contextFor(model, run);
  const error = await writeImport(asExcelContext(context), importRequest, run.support ?? FULL).then(
    () => new Error('The import succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DealsImportError);
  return { context, error: error as DealsImportError };
}

function sheetOf(model: FakeWorkbook, name: string): FakeSheet {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet ${name} in ${model.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** Every sheet's name, cell contents and tables: what "the workbook as it was" means here. */
function contents(model: FakeWorkbook) {
  return model.sheets.map((sheet) => ({
    name: sheet.name,
    cells: Object.fromEntries(
      [...sheet.cells]
        .filter(([, cell]) => cell.content !== undefined)
        .map(([a, cell]) => [a, cell.content]),
    ),
    tables: structuredClone(sheet.tables),
    charts: sheet.charts.length,
  }));
}

/** What a cell holds, as the user would see it typed back: text, a number or a formula. */
function shown(sheet: FakeSheet, address: string): string | number | boolean | undefined {
  const content = sheet.cells.get(address)?.content;
  if (!content) return undefined;
  if (content.kind === 'text') return content.text;
  if (content.kind === 'number') return content.number;
  return content.kind === 'boolean' ? content.boolean : content.formula;
}

/** Deal rows as the sheet holds them from row 2, read cell by cell. */
function rowsOf(sheet: FakeSheet, count: number): unknown[][] {
  return Array.from({ length: count }, (_, r) =>
    HEADER.map((_, c) => shown(sheet, `${String.fromCharCode(65 + c)}${r + 2}`)),
  );
}

describe('a new import into Excel', () => {
  it('writes the header, the rows as values, formats, widths, the frozen header, the record and the table', async () => {
    const model = userWorkbook();
    const rows = [deal(0), deal(1), deal(2)];
    const { written } = await importInto(model, request(rows));
    expect(written).toEqual({ dataSheet: 'Deals', analysis: 'Lead funnel' });
    expect(model.sheets.map((s) => s.name)).toEqual(['Data', 'Deals', 'Lead funnel']);
    const sheet = sheetOf(model, 'Deals');
    expect(HEADER.map((_, c) => shown(sheet, `${String.fromCharCode(65 + c)}1`))).toEqual(HEADER);
    expect(rowsOf(sheet, 3)).toEqual(rows);
    expect(sheet.cells.get('F2')?.numberFormat).toBe('#,##0.00');
    expect(sheet.cells.get('H4')?.numberFormat).toBe('yyyy-mm-dd');
    expect(sheet.cells.get('I3')?.numberFormat).toBe('yyyy-mm-dd');
    expect(sheet.cells.get('E2')?.numberFormat).toBe('General');
    // Widths are pixels in the plan, points in Excel (× 0.75).
    expect(sheet.columnWidths.get(0)).toBe(45);
    expect(sheet.columnWidths.get(11)).toBe(127.5);
    // The record's columns N–Q take the plan's recordColumns; the gap column M keeps Excel's.
    expect([13, 14, 15, 16].map((c) => sheet.columnWidths.get(c))).toEqual([52.5, 75, 120, 150]);
    expect(sheet.columnWidths.has(12)).toBe(false);
    expect(sheet.frozen).toEqual({ rows: 1, columns: 0 });
    expect(sheet.tables).toEqual([{ name: 'KpiDeals', address: 'A1:L4' }]);
    expect(shown(sheet, 'N1')).toBe('Import');
    expect(shown(sheet, 'O2')).toBe('deals.csv');
    expect(shown(sheet, 'O3')).toBe(46400);
    expect(sheet.cells.get('O3')?.numberFormat).toBe('yyyy-mm-dd');
    expect(sheet.cells.get('N1')?.format['font.bold']).toBe(true);
    expect(sheet.cells.get('Q5')?.format['font.bold']).toBe(true);
    expect(shown(sheet, 'P6')).toBe('=HYPERLINK("http://x")');
    expect(sheet.cells.get('P6')?.content?.kind).toBe('text');
    // The user's sheet is untouched.
    expect(shown(sheetOf(model, 'Data'), 'A1')).toBe('Mine');
    expect(sheetOf(model, 'Data').charts).toHaveLength(1);
  });

  it('keeps text that Excel would read as a formula, a number, a date or a boolean as that very text', async () => {
    const tricky = ['=1+1', '+x', '@x', '-3', '2026-01', '1/2', 'TRUE', "'quoted", '=SUM(A:A)'];
    const rows = tricky.map((name, i) => {
      const row = deal(i, name);
      row[9] = name; // owner
      return row;
    });
    const model = userWorkbook();
    await importInto(model, request(rows));
    const sheet = sheetOf(model, 'Deals');
    tricky.forEach((name, i) => {
      for (const column of ['C', 'J']) {
        const content = sheet.cells.get(`${column}${i + 2}`)?.content;
        expect(content, `${column}${i + 2}`).toMatchObject({ kind: 'text', text: name });
      }
    });
    // Numbers stay numbers.
    expect(sheet.cells.get('F2')?.content).toEqual({ kind: 'number', number: 1000 });
  });

  it('gives the table a free name when another sheet already has a table of its name', async () => {
    const model = userWorkbook();
    sheetOf(model, 'Data').tables.push({ name: 'KpiDeals', address: 'A1:B3' });
    await importInto(model, request([deal(0)]));
    expect(sheetOf(model, 'Deals').tables).toEqual([{ name: 'KpiDeals2', address: 'A1:L2' }]);
    expect(sheetOf(model, 'Data').tables).toEqual([{ name: 'KpiDeals', address: 'A1:B3' }]);
  });
});

describe('request size and round trips', () => {
  /** The UTF-8 JSON size of the rows' values and their number formats: what the chunks must carry. */
  function dataBytes(rows: DataValue[][]): number {
    const json = JSON.stringify(rows);
    const formats = rows.length * 3 * (JSON.stringify(['yyyy-mm-dd']).length + 1);
    return new TextEncoder().encode(json).length + formats;
  }

  it('writes 100,000 deals in requests under 5 MB, the syncs growing only with the data ÷ half the limit', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      deal(i, `Renewal of contract ${i} – Nordic région`),
    );
    const bytes = dataBytes(rows);
    expect(bytes).toBeGreaterThan(2 * WEB_PAYLOAD_LIMIT);
    const model = userWorkbook();
    const { context } = await importInto(model, request(rows, { analysis: null }));
    expect(Math.max(...context.requestSizes)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    // One read, one sheet set-up, one record, one table-and-name batch; the rest are chunks of
    // ≤ half the limit (one more where rows do not divide evenly).
    const chunks = Math.ceil(bytes / (WEB_PAYLOAD_LIMIT / 2));
    expect(context.syncs).toBeLessThanOrEqual(chunks + 1 + 4);
    expect(context.syncs).toBeGreaterThanOrEqual(Math.ceil(bytes / WEB_PAYLOAD_LIMIT) + 4);
    const sheet = sheetOf(model, 'Deals');
    expect(shown(sheet, 'C100001')).toBe('Renewal of contract 99999 – Nordic région');
    expect(shown(sheet, 'F100001')).toBe(100_999);
    expect(sheet.cells.get('H100001')?.numberFormat).toBe('yyyy-mm-dd');
    expect(sheet.tables).toEqual([{ name: 'KpiDeals', address: 'A1:L100001' }]);
  }, 120_000);

  it('would be refused by Excel on the web if the rows went in one request', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => deal(i, 'x'.repeat(2000)));
    expect(dataBytes(rows)).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    const context = contextFor({ sheets: [emptySheet('Deals')] }, {});
    const sheet = asExcelContext(context).workbook.worksheets.getItem('Deals');
    sheet.getRange('A2:L3001').values = rows;
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });

    const model = userWorkbook();
    const { context: chunked } = await importInto(model, request(rows, { analysis: null }));
    expect(chunked.syncs).toBe(1 + 1 + 1 + 3 + 1);
    expect(rowsOf(sheetOf(model, 'Deals'), 3000)).toEqual(rows);
  });

  it('writes a record as long as the most deals a file holds (200,000 rows reported) in chunks too', async () => {
    const reason =
      'the amount is not a number in any style this column uses (1,234.50 or 1 234,50)';
    const importRequest = request([deal(0)], { analysis: null });
    // Spreading 200,000 line lengths into Math.max overflowed the stack (RangeError).
    const issues = Array.from({ length: 200_000 }, (_, i) => [
      { value: i + 2 },
      { value: 'amount' },
      { value: `=${i}+1` },
      { value: reason },
    ]);
    importRequest.dataSheet.record = [...importRequest.dataSheet.record, ...issues];
    const model = userWorkbook();
    const { context } = await importInto(model, importRequest);
    expect(Math.max(...context.requestSizes)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    const sheet = sheetOf(model, 'Deals');
    const last = importRequest.dataSheet.record.length;
    expect(sheet.cells.get(`P${last}`)?.content).toEqual({
      kind: 'text',
      text: '=199999+1',
      quotePrefix: true,
    });
    expect(shown(sheet, `Q${last}`)).toBe(reason);
  });
});

describe('an existing data sheet', () => {
  it('is refused without replace, in English and Finnish, with one read and nothing written', async () => {
    for (const [lang, message] of [
      // The sheet as the workbook names it (Excel's sheet names ignore case).
      ['en', 'The workbook already has a sheet named "DEALS", so nothing was imported.'],
      ['fi', 'Työkirjassa on jo taulukko nimeltä ”kaupat”, joten mitään ei tuotu.'],
    ] as const) {
      const model = userWorkbook();
      model.sheets.push(emptySheet(lang === 'fi' ? 'kaupat' : 'DEALS'));
      const before = structuredClone(model);
      const { context, error } = await importFailing(model, request([deal(0)], { lang }));
      expect(error.message).toContain(message);
      expect(error.cleanup).toBe('nothingWritten');
      expect(context.syncs).toBe(1);
      expect(context.queued).toEqual([]);
      expect(model).toEqual(before);
    }
  });

  it('says nothing was imported when the sheet names cannot be read', async () => {
    for (const [lang, message] of [
      ['en', "Could not read the workbook's sheets, so nothing was imported."],
      ['fi', 'Työkirjan taulukoita ei voitu lukea, joten mitään ei tuotu.'],
    ] as const) {
      const model = userWorkbook();
      const before = structuredClone(model);
      const { context, error } = await importFailing(model, request([deal(0)], { lang }), {
        failure: { sync: 1 },
      });
      expect(error.message).toMatch(new RegExp(`^${message}`));
      expect(error.cleanup).toBe('nothingWritten');
      expect(context.syncs).toBe(1);
      expect(model).toEqual(before);
    }
  });

  /** A workbook after a first import of `count` deals, with an analysis sheet whose formulas read the data sheet's columns. */
  async function importedWorkbook(count: number): Promise<FakeWorkbook> {
    const model = userWorkbook();
    await importInto(
      model,
      request(
        Array.from({ length: count }, (_, i) => deal(i)),
        { analysis: null },
      ),
    );
    const pipeline = emptySheet('Pipeline');
    pipeline.cells.set('B2', {
      content: { kind: 'formula', formula: `=COUNTIFS('Deals'!$E:$E,"won")` },
      numberFormat: 'General',
      locked: true,
      format: {},
    });
    model.sheets.push(pipeline);
    return model;
  }

  for (const support of [FULL, NO_RESIZE])
    it(`is replaced in place with replace${support.tableResize ? '' : ' (Excel without Table.resize)'}: the same sheet, new rows, old ones gone, the table over the new rows`, async () => {
      const model = await importedWorkbook(50);
      const dataSheet = sheetOf(model, 'Deals');
      const pipelineFormula = sheetOf(model, 'Pipeline').cells.get('B2')?.content;
      const rows = Array.from({ length: 20 }, (_, i) => deal(i + 500));
      const { written } = await importInto(
        model,
        request(rows, { replace: true, analysis: null }),
        { support },
      );
      expect(written).toEqual({ dataSheet: 'Deals', analysis: null });
      expect(model.sheets.map((s) => s.name)).toEqual(['Data', 'Deals', 'Pipeline']);
      // The very sheet object: never deleted and added again, so references to it hold.
      expect(sheetOf(model, 'Deals')).toBe(dataSheet);
      expect(rowsOf(dataSheet, 21)).toEqual([...rows, HEADER.map(() => undefined)]);
      expect(shown(dataSheet, 'A51')).toBeUndefined();
      expect(dataSheet.tables).toEqual([{ name: 'KpiDeals', address: 'A1:L21' }]);
      expect(shown(dataSheet, 'O2')).toBe('deals.csv');
      expect(sheetOf(model, 'Pipeline').cells.get('B2')?.content).toEqual(pipelineFormula);
    });

  it('lets Excel recalculate at most once per sync while the rows are replaced, the syncs unchanged', async () => {
    const model = await importedWorkbook(50);
    // 3,000 deals with 2,000-character names: three chunks, as when the rows go in a new sheet.
    const rows = Array.from({ length: 3000 }, (_, i) => deal(i, 'x'.repeat(2000)));
    const { context } = await importInto(model, request(rows, { replace: true, analysis: null }));
    // One read of names, one of the old rows' place, one of their values, the clearing batch,
    // the record, three chunks and the table: the whole-column COUNTIFS on 'Pipeline' is
    // recalculated once per writing batch, never once per cleared range or chunk column.
    expect(context.syncs).toBe(1 + 1 + 1 + 1 + 1 + 3 + 1);
    expect(Math.max(...context.calculationPasses)).toBe(1);
    expect(context.calculationPasses.filter((passes) => passes === 1)).toHaveLength(5);
  });

  it('keeps a column the user added beside the deals', async () => {
    const model = await importedWorkbook(5);
    sheetOf(model, 'Deals').cells.set('M2', {
      content: text('my note'),
      numberFormat: 'General',
      locked: true,
      format: {},
    });
    await importInto(model, request([deal(7)], { replace: true, analysis: null }));
    expect(shown(sheetOf(model, 'Deals'), 'M2')).toBe('my note');
  });

  it('is written into a new sheet when replace is asked but there is none', async () => {
    const model = userWorkbook();
    const { written } = await importInto(
      model,
      request([deal(0)], { replace: true, analysis: null }),
    );
    expect(written.dataSheet).toBe('Deals');
    expect(sheetOf(model, 'Deals').tables).toEqual([{ name: 'KpiDeals', address: 'A1:L2' }]);
  });

  it('reads the old values back in smaller pieces when a response would be too large', async () => {
    const model = await importedWorkbook(400);
    const before = contents(model);
    const rows = Array.from({ length: 400 }, (_, i) => deal(i + 1000));
    // Fail the last batch, so the old values must be put back from what was read.
    const { context, error } = await importFailing(
      model,
      request(rows, { replace: true, analysis: null }),
      {
        responseLimit: 8_000,
        failure: { at: /^Table\.resize$/, once: true },
      },
    );
    expect(error.cleanup).toBe('restored');
    expect(contents(model)).toEqual(before);
    expect(context.syncs).toBeGreaterThan(10);
  });
});

describe('a failure part way leaves the workbook as it was', () => {
  /** Rows heavy enough for three chunks: 3,000 deals with 2,000-character names (≈ 6 MB). */
  const heavy = () => Array.from({ length: 3000 }, (_, i) => deal(i, `${i} ${'n'.repeat(2000)}`));

  for (const failing of [2, 3, 4, 5, 6, 7])
    it(`new import: sync ${failing} fails (set-up, a chunk, the table and name), the draft sheet is deleted`, async () => {
      const model = userWorkbook();
      const before = contents(model);
      const { error } = await importFailing(model, request(heavy()), {
        failure: { sync: failing },
      });
      expect(error.message).toContain('Could not import the deals into "Deals"');
      // The fake fails a whole sync before applying any of it: sync 2 never added the sheet.
      if (failing === 2) {
        expect(error.cleanup).toBe('nothingWritten');
        expect(error.message).toContain('Nothing was written; your workbook is unchanged.');
      } else {
        expect(error.cleanup).toBe('removed');
        expect(error.message).toContain(
          'The partly written sheet was removed; your workbook is unchanged.',
        );
      }
      expect(contents(model)).toEqual(before);
    });

  it('new import: says in Finnish when the partly written sheet could not be removed', async () => {
    const model = userWorkbook();
    const { error } = await importFailing(model, request([deal(0)], { lang: 'fi' }), {
      failure: { sync: [3, 4] },
    });
    expect(error.cleanup).toBe('notRemoved');
    expect(error.message).toMatch(/^Kauppoja ei voitu tuoda taulukkoon ”Kaupat”/);
    expect(error.message).toMatch(/Keskeneräistä taulukkoa ”~[0-9a-f]{8} Kaupat” ei voitu poistaa/);
  });

  for (const [label, support, failure] of [
    // Syncs: 1 names, 2 used range and tables, 3 old values, 4 clearing, 5 record, 6–8 chunks, 9 table.
    // The header is written after the old rows were cleared in the same batch.
    ['the clearing batch', FULL, { at: /^Range\.values$/, once: true }],
    ['the record', FULL, { sync: 5 }],
    ['the first chunk', FULL, { sync: 6 }],
    ['a later chunk', FULL, { sync: 8 }],
    ['the table resize', FULL, { at: /^Table\.resize$/, once: true }],
    ['the new table (no Table.resize)', NO_RESIZE, { at: /^TableCollection\.add$/, once: true }],
  ] as const)
    it(`replace: ${label} fails, the old rows, record and table come back`, async () => {
      const model = userWorkbook();
      await importInto(
        model,
        request(
          Array.from({ length: 100 }, (_, i) => deal(i)),
          { analysis: null },
        ),
      );
      const before = contents(model);
      const { error } = await importFailing(
        model,
        request(heavy(), { replace: true, analysis: null }),
        {
          support,
          failure,
        },
      );
      expect(error.cleanup).toBe('restored');
      expect(error.message).toContain(
        'The rows "Deals" held before were put back; your workbook is unchanged.',
      );
      expect(contents(model)).toEqual(before);
    });

  it('replace: says so in Finnish when putting the old rows back fails too', async () => {
    const model = userWorkbook();
    await importInto(model, request([deal(0)], { lang: 'fi', analysis: null }));
    const { error } = await importFailing(model, request(heavy(), { lang: 'fi', replace: true }), {
      failure: { sync: [4, 5, 6, 7, 8, 9, 10] },
    });
    expect(error.cleanup).toBe('notRestored');
    expect(error.message).toContain(
      'Taulukon ”Kaupat” aiempien rivien palauttaminen epäonnistui myös',
    );
  });

  it('the analysis fails: its sheet and the new data sheet are both removed', async () => {
    const model = userWorkbook();
    const before = contents(model);
    const { error } = await importFailing(
      model,
      request([deal(0)], { analysis: analysisPlan('dashboard') }),
      {
        failure: { at: /^DataValidation\.rule$/ },
      },
    );
    expect(error.cleanup).toBe('removed');
    expect(error.message).toContain('The imported sheet "Deals" was removed too.');
    expect(contents(model)).toEqual(before);
  });

  it('the analysis fails after a replace: the old rows come back', async () => {
    const model = userWorkbook();
    await importInto(model, request([deal(0), deal(1)], { analysis: null }));
    const before = contents(model);
    const { error } = await importFailing(
      model,
      request([deal(5)], { replace: true, analysis: analysisPlan('dashboard') }),
      { failure: { at: /^DataValidation\.rule$/ } },
    );
    expect(error.cleanup).toBe('restored');
    expect(contents(model)).toEqual(before);
  });
});

describe('a template with example data', () => {
  it('writes the example sheet when the workbook has none, else only the analysis', async () => {
    const example = { ...request([deal(0)]), dataSheet: { ...dataPlan([deal(0)]), example: true } };
    const fresh = userWorkbook();
    const context = contextFor(fresh, {});
    await writeImport(asExcelContext(context), example, FULL, { existing: 'keep' });
    expect(fresh.sheets.map((s) => s.name)).toEqual(['Data', 'Deals', 'Lead funnel']);

    const own = userWorkbook();
    await importInto(own, request([deal(3), deal(4)], { analysis: null }));
    const deals = contents(own).find((s) => s.name === 'Deals');
    const again = contextFor(own, {});
    const written = await writeImport(asExcelContext(again), example, FULL, { existing: 'keep' });
    expect(written).toEqual({ dataSheet: 'Deals', analysis: 'Lead funnel' });
    expect(contents(own).find((s) => s.name === 'Deals')).toEqual(deals);
  });
});

describe('reading a sheet back', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  it('gives the values of a range, "" for blanks, and null for a sheet that is not there', async () => {
    const model = userWorkbook();
    await importInto(model, request([deal(0)], { analysis: null }));
    const context = contextFor(model, {});
    expect(await readSheetValues(asExcelContext(context), 'deals', 'N1:P3')).toEqual([
      ['Import', '', ''],
      ['File', 'deals.csv', ''],
      ['Imported', 46400, ''],
    ]);
    expect(
      await readSheetValues(asExcelContext(contextFor(model, {})), 'Kaupat', 'N1:P3'),
    ).toBeNull();
  });

  it('goes through Excel.run in the task pane', async () => {
    const model = userWorkbook();
    const fake = installFakeOffice(model);
    uninstall = fake.uninstall;
    const { importDealsIntoExcel, readSheetValuesFromExcel } =
      await import('../../excel-addin/import-deals');
    await importDealsIntoExcel(request([deal(0)], { analysis: null }));
    expect(await readSheetValuesFromExcel('Deals', 'A2:C2')).toEqual([[2, 'D-0', 'Deal 0']]);
  });
});

describe('with the core: a CRM export imported, imported again, and the gallery pipeline', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  function hubspotRequest(replace: boolean, withAnalysis: boolean): ImportRequest {
    const file = new Uint8Array(
      readFileSync(new URL('../fixtures/crm/hubspot-deals.csv', import.meta.url)),
    );
    const read = importDeals(file);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const planned = planImport(
      read.value,
      { options: { lang: 'en' }, fileName: 'hubspot-deals.csv', replace, withAnalysis },
      {},
      { functionPrefix: 'KPI.' },
    );
    if (!planned.ok) throw new Error(planned.errors.map((e) => e.message).join(' '));
    return planned.request;
  }

  it('writes the deals and an analysis whose formulas name the data sheet, then replaces the rows in place', async () => {
    const model = userWorkbook();
    const first = hubspotRequest(false, true);
    const { written } = await importInto(model, first);
    expect(written.dataSheet).toBe('Deals');
    const deals = sheetOf(model, 'Deals');
    const count = first.dataSheet.rows.length;
    expect(count).toBeGreaterThan(5);
    expect(rowsOf(deals, count)).toEqual(
      first.dataSheet.rows.map((row) => row.map((v) => (v === '' ? undefined : v))),
    );
    const analysis = sheetOf(model, written.analysis!);
    const formulas = [...analysis.cells.values()].flatMap((cell) =>
      cell.content?.kind === 'formula' ? [cell.content.formula] : [],
    );
    expect(formulas.some((formula) => formula.includes("'Deals'!$E:$E"))).toBe(true);
    const analysisBefore = contents(model).find((s) => s.name === written.analysis);

    // The record reads back through readSheetValues as the sidebar does before a re-import.
    const record = await readSheetValues(
      asExcelContext(contextFor(model, {})),
      'Deals',
      RECORD_RANGE,
    );
    expect(record?.[1]).toContain('hubspot-deals.csv');

    const again = hubspotRequest(true, false);
    again.dataSheet.rows = again.dataSheet.rows.slice(0, 3);
    await importInto(model, again);
    expect(sheetOf(model, 'Deals')).toBe(deals);
    expect(deals.tables).toEqual([{ name: 'KpiDeals', address: 'A1:L4' }]);
    expect(shown(deals, `A${count + 1}`)).toBeUndefined();
    expect(contents(model).find((s) => s.name === written.analysis)).toEqual(analysisBefore);
  });

  it('inserts the gallery pipeline with its example deals into a workbook without a data sheet, and only the analysis beside one', async () => {
    const model = userWorkbook();
    const fake = installFakeOffice(model, { displayLanguage: 'en-US' });
    uninstall = fake.uninstall;
    const first = await insertTemplateIntoExcel({
      templateId: 'pipeline',
      options: { example: true },
    });
    expect(model.sheets.map((s) => s.name)).toEqual(['Data', 'Deals', first.sheetName]);
    const deals = contents(model).find((s) => s.name === 'Deals');
    expect(Object.keys(deals!.cells).length).toBeGreaterThan(50);

    const second = await insertTemplateIntoExcel({
      templateId: 'pipeline',
      options: { example: true },
    });
    expect(second.sheetName).not.toBe(first.sheetName);
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Data',
      'Deals',
      first.sheetName,
      second.sheetName,
    ]);
    expect(contents(model).find((s) => s.name === 'Deals')).toEqual(deals);
  });
});
