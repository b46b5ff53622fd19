// The built Apps Script project's import calls against the fake SpreadsheetApp: calls per chunk, chunking, refusals, rollback, literal text, named range.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DATA_COLUMNS,
  type DataSheetPlan,
  type DataValue,
  type ImportRequest,
} from '../../core/import/workbook-types';
import { importDeals as readDeals, planImport } from '../../core/import/index';
import { TEMPLATE_IDS, buildPlan, type SheetPlan } from '../../core/templates/index';
import { sheetsHostDefaults } from '../../sheets-addon/host-defaults';
import {
  IMPORT_CHUNK_CHARS,
  IMPORT_CHUNK_ROWS,
  importChunks,
} from '../../sheets-addon/import-chunks';
import { readImportRequest } from '../../sheets-addon/import-request';
import { importInChunks, type ScriptRun } from '../../sheets-addon/script-run';
import {
  fakeAppsScript,
  type FakeAppsScriptOptions,
  type FakeSheet,
} from '../support/fake-spreadsheet-app';

let world: ReturnType<typeof fakeAppsScript>;
let project: vm.Context;

/** Every .js file of dist/sheets/ in one V8 context with the fake services, as Apps Script loads a project. */
function useWorld(options: FakeAppsScriptOptions = {}): void {
  world = fakeAppsScript(options);
  const dir = new URL('../../dist/sheets/', import.meta.url);
  project = vm.createContext({ ...world.globals });
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort())
    vm.runInContext(readFileSync(new URL(file, dir), 'utf8'), project, { filename: file });
}

beforeEach(() => useWorld());
afterEach(() => vi.unstubAllGlobals());

type ServerFunction = (...args: unknown[]) => unknown;
const server = (name: string) => project[name] as ServerFunction;

/** What a server call threw (a plain Error of any realm), or fails the test when it returned. */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

/** Names that Sheets' "as typed" parsing would turn into formulas, numbers, dates or booleans. */
const TRICKY_NAMES = [
  '=1+1',
  '+x',
  '-y',
  '@z',
  '2026-01',
  'TRUE',
  '25%',
  "'quoted",
  '=HYPERLINK("x")',
];

/** Deal `i` as a data sheet row (A–L), worked by hand from the column list in workbook-types.ts. */
function dealRow(i: number, name = `Deal ${i}`): DataValue[] {
  const won = i % 3 === 0;
  return [
    i + 2,
    `D-${i}`,
    name,
    won ? 'Closed won' : 'Qualified',
    won ? 'won' : 'open',
    1000 + i,
    'EUR',
    46000 + (i % 400),
    won ? 46030 + (i % 400) : '',
    `Owner ${i % 7}`,
    i % 2 ? 'Partner' : 'Inbound',
    'Sales',
  ];
}

const FORMATS: Record<(typeof DATA_COLUMNS)[number], string> = {
  row: '0',
  id: '',
  name: '',
  stage: '',
  outcome: '',
  amount: '#,##0.00',
  currency: '',
  created: 'yyyy-mm-dd',
  closed: 'yyyy-mm-dd',
  owner: '',
  source: '',
  pipeline: '',
};

/** A data sheet plan built by hand, as core/import's dataSheetPlan hands one to hosts. */
function dataSheet(rows: DataValue[][], lang: 'en' | 'fi' = 'en'): DataSheetPlan {
  return {
    sheetName: lang === 'en' ? 'Deals' : 'Kaupat',
    lang,
    tableName: 'KpiDeals',
    header: DATA_COLUMNS.map((key) => `${key} (${lang})`),
    columns: DATA_COLUMNS.map((key) => ({ key, format: FORMATS[key], width: 90 })),
    rows,
    recordAnchor: 'N1',
    record: [
      [{ value: 'Import', role: 'section' }, null, null, null],
      [{ value: 'File' }, { value: 'deals.csv' }, null, null],
      [{ value: 'Rows' }, { value: rows.length, format: '0' }, null, null],
      [{ value: '=not a formula' }, { value: '+1 stays text' }, null, null],
    ],
    recordColumns: [{ width: 120 }, { width: 150 }, { width: 150 }, { width: 200 }],
    example: false,
  };
}

function analysisPlan(): SheetPlan {
  const built = buildPlan('funnel', { periods: 2 }, {}, { functionPrefix: '' });
  if (!built.ok) throw new Error('plan refused');
  return built.plan;
}

function request(rows: DataValue[][], replace = false, lang: 'en' | 'fi' = 'en'): ImportRequest {
  return { dataSheet: dataSheet(rows, lang), analysis: analysisPlan(), replace };
}

const deals = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => dealRow(from + i));

const sheetNames = () => world.spreadsheet.sheets.map((sheet) => sheet.name);

/** Rows 2… of the data sheet as getValues would read them (the fake computes no formulas). */
function dataRows(sheet: FakeSheet, count: number): unknown[][] {
  return Array.from({ length: count }, (_, r) => sheet.rowValues(r + 2, DATA_COLUMNS.length));
}

function namedRange(name: string): string | undefined {
  const named = world.spreadsheet.namedRanges.find((range) => range.name === name);
  return named && `${named.range.sheet.name}!${named.range.getA1Notation()}`;
}

describe('importDeals in one call', () => {
  it('writes the data sheet, its record, the named range and the analysis', () => {
    const rows = deals(50);
    const answer = server('importDeals')(request(rows), null);
    expect(answer).toEqual({ dataSheet: 'Deals', analysis: 'Lead funnel' });
    expect(sheetNames()).toEqual(['Sheet1', 'Deals', 'Lead funnel']);
    const sheet = world.spreadsheet.sheet('Deals')!;
    expect(sheet.hidden).toBe(false);
    expect(sheet.rowValues(1, 12)).toEqual(DATA_COLUMNS.map((key) => `${key} (en)`));
    expect(dataRows(sheet, 50)).toEqual(rows);
    expect(sheet.getLastRow()).toBe(51);
    expect(namedRange('KpiDeals')).toBe('Deals!A1:L51');
    expect(sheet.frozenRows).toBe(1);
    // A–L the deals' widths, N–Q the record's (recordColumns); M keeps the default.
    expect([...sheet.columnWidths.entries()]).toEqual([
      ...DATA_COLUMNS.map((_, c) => [c + 1, 90]),
      [14, 120],
      [15, 150],
      [16, 150],
      [17, 200],
    ]);
    // One call per distinct format, over the rows only (the header stays text).
    expect(sheet.numberFormatRanges).toEqual(
      expect.arrayContaining([
        { ranges: ['A2:A51'], format: '0' },
        { ranges: ['F2:F51'], format: '#,##0.00' },
        { ranges: ['H2:H51', 'I2:I51'], format: 'yyyy-mm-dd' },
      ]),
    );
    expect(sheet.numberFormatRanges).toHaveLength(4);
    // The record from N1, as literal text and numbers.
    expect(sheet.rowValues(1, 17).slice(13)).toEqual(['Import', '', '', '']);
    expect(sheet.content(3, 15)).toEqual({ kind: 'number', value: 50 });
    expect(sheet.content(4, 14)).toEqual({ kind: 'text', value: '=not a formula' });
    expect(sheet.content(4, 15)).toEqual({ kind: 'text', value: '+1 stays text' });
  });

  it('writes a record listing 200,000 reported rows in one call', () => {
    const plan = request(deals(10));
    const issues = Array.from({ length: 200_000 }, (_, i) => [
      { value: i + 12 },
      { value: 'amount' },
      { value: `=bad ${i}` },
      { value: 'Not a number' },
    ]);
    plan.dataSheet.record = plan.dataSheet.record.concat(issues);
    server('importDeals')(plan, null);
    const sheet = world.spreadsheet.sheet('Deals')!;
    expect(sheet.getLastRow()).toBe(200_004);
    expect(sheet.rowValues(200_004, 17).slice(13)).toEqual([
      200_011,
      'amount',
      '=bad 199999',
      'Not a number',
    ]);
    expect(world.recorder.tally()['Range.setValues']).toBe(4);
  });

  it('keeps user text as text: nothing becomes a formula, number, date or boolean', () => {
    const rows = TRICKY_NAMES.map((name, i) => dealRow(i, name));
    server('importDeals')(request(rows), null);
    const sheet = world.spreadsheet.sheet('Deals')!;
    TRICKY_NAMES.forEach((name, i) =>
      expect(sheet.content(i + 2, 3), name).toEqual({ kind: 'text', value: name }),
    );
    const kinds = new Set(sheet.contents.flat().map((content) => content?.kind));
    expect(kinds.has('formula')).toBe(false);
  });

  it('makes the same service calls for 1,000 rows as for 20,000', () => {
    server('importDeals')(request(deals(1_000)), null);
    const small = world.recorder.tally();
    useWorld();
    server('importDeals')(request(deals(20_000)), null);
    const large = world.recorder.tally();
    expect(large).toEqual(small);
    // One setValues for all rows, one each for the header, the record and the analysis sheet.
    expect(large['Range.setValues']).toBe(4);
    expect(world.spreadsheet.sheet('Deals')!.getLastRow()).toBe(20_001);
  });
});

describe('an existing data sheet', () => {
  /** An earlier import's sheet, and a user formula in its record block (to be kept on rollback). */
  function earlierImport(rows: DataValue[][], lang: 'en' | 'fi' = 'en'): FakeSheet {
    server('importDeals')(request(rows, false, lang), null);
    world.spreadsheet.sheet(lang === 'en' ? 'Deals' : 'Kaupat')!.setContent(6, 14, {
      kind: 'formula',
      value: '=COUNTA(A:A)',
    });
    world.recorder.calls.length = 0;
    return world.spreadsheet.sheet(lang === 'en' ? 'Deals' : 'Kaupat')!;
  }

  it.each([
    [
      'en',
      "The spreadsheet already has a sheet 'Deals'. Import again and agree to replace its rows, or rename that sheet. Nothing was changed.",
    ],
    [
      'fi',
      "Laskentataulukossa on jo taulukko 'Kaupat'. Tuo tiedosto uudelleen ja hyväksy sen rivien korvaaminen, tai nimeä taulukko uudelleen. Mitään ei muutettu.",
    ],
  ] as const)('without replace is refused in %s, nothing written', (lang, message) => {
    const sheet = earlierImport(
      TRICKY_NAMES.map((name, i) => dealRow(i, name)),
      lang,
    );
    const before = structuredClone(sheet.filledCells());
    const names = sheetNames();
    expect(thrown(() => server('importDeals')(request(deals(5), false, lang), null)).message).toBe(
      message,
    );
    const chunk = {
      draft: null,
      sheetName: sheet.name,
      lang,
      replace: false,
      totalRows: 5,
      offset: 0,
      rows: deals(5),
    };
    expect(thrown(() => server('appendImportRows')(chunk)).message).toBe(message);
    expect(sheetNames()).toEqual(names);
    expect(sheet.filledCells()).toEqual(before);
    const tally = world.recorder.tally();
    expect(tally['Spreadsheet.insertSheet']).toBeUndefined();
    expect(tally['Range.setValues']).toBeUndefined();
  });

  it('with replace keeps the sheet (its name and place), rewrites its rows and moves the named range', () => {
    const sheet = earlierImport(deals(30));
    const names = sheetNames();
    const rows = deals(12, 100);
    const request2: ImportRequest = { ...request(rows, true), analysis: null };
    expect(server('importDeals')(request2, null)).toEqual({ dataSheet: 'Deals', analysis: null });
    expect(sheetNames()).toEqual(names);
    expect(world.spreadsheet.sheet('Deals')).toBe(sheet);
    expect(dataRows(sheet, 12)).toEqual(rows);
    // The 18 old rows beyond the new ones are gone, as is the old record's extra cell.
    expect(sheet.getLastRow()).toBe(13);
    expect(sheet.content(6, 14)).toBeUndefined();
    expect(world.spreadsheet.namedRanges).toHaveLength(1);
    expect(namedRange('KpiDeals')).toBe('Deals!A1:L13');
    expect(world.recorder.tally()['Sheet.setName']).toBeUndefined();
  });

  it('with replace restores the old values, formulas and named range when a step fails part way', () => {
    const sheet = earlierImport(TRICKY_NAMES.map((name, i) => dealRow(i, name)));
    const before = structuredClone(sheet.filledCells());
    const names = sheetNames();
    // After the old rows were cleared and the new ones copied in.
    world.recorder.failOn('setFrozenRows', 'Service Spreadsheets timed out');
    expect(thrown(() => server('importDeals')(request(deals(40), true), null)).message).toBe(
      "Could not import into 'Deals': Service Spreadsheets timed out. Nothing was changed.",
    );
    expect(world.recorder.tally()['Range.copyTo']).toBe(1);
    expect(sheet.filledCells()).toEqual(before);
    expect(sheet.content(6, 14)).toEqual({ kind: 'formula', value: '=COUNTA(A:A)' });
    expect(sheet.content(2, 3)).toEqual({ kind: 'text', value: '=1+1' });
    expect(sheetNames()).toEqual(names);
    expect(namedRange('KpiDeals')).toBe(`Deals!A1:L${TRICKY_NAMES.length + 1}`);
  });

  it('with replace restores the named range when the analysis fails', () => {
    const sheet = earlierImport(deals(3));
    const before = structuredClone(sheet.filledCells());
    world.recorder.failOn('insertChart', 'Chart refused');
    const error = thrown(() => server('importDeals')(request(deals(8), true), null));
    expect(error.message).toBe(
      "Could not import into 'Deals': Chart refused. Nothing was changed.",
    );
    expect(sheetNames()).toEqual(['Sheet1', 'Deals', 'Lead funnel']);
    expect(sheet.filledCells()).toEqual(before);
    expect(namedRange('KpiDeals')).toBe('Deals!A1:L4');
  });
});

describe('a new import that fails part way', () => {
  it.each(['setNumberFormat', 'setName', 'setNamedRange', 'insertChart'])(
    'leaves no sheet and no name behind when %s fails',
    (method) => {
      world.recorder.failOn(method, 'Service error');
      expect(thrown(() => server('importDeals')(request(deals(20)), null)).message).toBe(
        "Could not import into 'Deals': Service error. Nothing was changed.",
      );
      expect(sheetNames()).toEqual(['Sheet1']);
      expect(world.spreadsheet.namedRanges).toEqual([]);
    },
  );
});

/** google.script.run as Apps Script gives it: arguments copied as data, each call answered later. */
function scriptRun(payloads: number[]): () => ScriptRun {
  return () => {
    let onSuccess: (result: unknown) => void = () => undefined;
    let onFailure: (error: unknown) => void = () => undefined;
    const call =
      (name: string) =>
      (...args: unknown[]) => {
        const json = JSON.stringify(args);
        payloads.push(json.length);
        setTimeout(() => {
          try {
            onSuccess(server(name)(...(JSON.parse(json) as unknown[])));
          } catch (error) {
            onFailure(error);
          }
        });
      };
    const run = {
      withSuccessHandler: (handler: (result: unknown) => void) => ((onSuccess = handler), run),
      withFailureHandler: (handler: (error: unknown) => void) => ((onFailure = handler), run),
      insertTemplate: call('insertTemplate'),
      insertFormula: call('insertFormula'),
      readSheetValues: call('readSheetValues'),
      importDeals: call('importDeals'),
      appendImportRows: call('appendImportRows'),
      discardImportDraft: call('discardImportDraft'),
    } as ScriptRun;
    return run;
  };
}

describe('imports larger than one call', () => {
  it('splits rows by count and by size, in order, every row once', () => {
    // Short rows (about 40 characters): 20,000 of them stay far below the size bound.
    const rows = Array.from({ length: 45_000 }, (_, i) => [
      i,
      'x',
      '',
      '',
      'open',
      1,
      '',
      46000,
      '',
      '',
      '',
      '',
    ]);
    const byRows = importChunks(rows);
    expect(byRows.map((chunk) => [chunk.offset, chunk.rows.length])).toEqual([
      [0, 20_000],
      [20_000, 20_000],
      [40_000, 5_000],
    ]);
    // Rows of 1,000-character names: about 1,100 characters each, so about 1,800 per chunk.
    const wide = Array.from({ length: 5_000 }, (_, i) => dealRow(i, 'x'.repeat(1_000)));
    const bySize = importChunks(wide);
    for (const chunk of bySize)
      expect(JSON.stringify(chunk.rows).length).toBeLessThanOrEqual(IMPORT_CHUNK_CHARS);
    expect(bySize.length).toBe(Math.ceil(JSON.stringify(wide).length / IMPORT_CHUNK_CHARS));
    expect(bySize.flatMap((chunk) => chunk.rows)).toEqual(wide);
    expect(bySize.map((chunk) => chunk.offset)).toEqual(
      bySize.map((_, i) => bySize.slice(0, i).reduce((n, chunk) => n + chunk.rows.length, 0)),
    );
  });

  it('sends chunks to a draft sheet, then commits: every row once, no call above the bounds', async () => {
    const payloads: number[] = [];
    const rows = deals(45_000);
    const answer = await importInChunks(scriptRun(payloads), request(rows));
    expect(answer).toEqual({ dataSheet: 'Deals', analysis: 'Lead funnel' });
    // Three chunks of rows, one of the record, the final call.
    expect(payloads).toHaveLength(5);
    for (const size of payloads) expect(size).toBeLessThanOrEqual(IMPORT_CHUNK_CHARS);
    const sheet = world.spreadsheet.sheet('Deals')!;
    expect(sheet.getLastRow()).toBe(45_001);
    expect(dataRows(sheet, 45_000)).toEqual(rows);
    expect(namedRange('KpiDeals')).toBe('Deals!A1:L45001');
    expect(sheetNames()).toEqual(['Sheet1', 'Deals', 'Lead funnel']);
  });

  it('makes the same service calls for a chunk of 1,000 rows as for one of 20,000', () => {
    const chunk = (rows: number) => ({
      draft: null,
      sheetName: 'Deals',
      lang: 'en',
      replace: false,
      totalRows: 40_000,
      offset: 0,
      rows: deals(rows),
    });
    const { draft } = server('appendImportRows')(chunk(1_000)) as { draft: string };
    expect(draft).toBe('Import draft Deals');
    expect(world.spreadsheet.sheet(draft)!.hidden).toBe(true);
    // Sheets holds 10 million cells per spreadsheet: the draft has columns A–L only.
    expect(world.spreadsheet.sheet(draft)!.maxColumns).toBe(12);
    expect(world.spreadsheet.sheet(draft)!.maxRows).toBe(40_001);
    const small = world.recorder.tally();
    useWorld();
    server('appendImportRows')(chunk(IMPORT_CHUNK_ROWS));
    expect(world.recorder.tally()).toEqual(small);
    // A later chunk: find the draft, check where it ends, write.
    world.recorder.calls.length = 0;
    server('appendImportRows')({ ...chunk(1_000), draft, offset: IMPORT_CHUNK_ROWS });
    const next = world.recorder.tally();
    world.recorder.calls.length = 0;
    server('appendImportRows')({ ...chunk(19_000), draft, offset: IMPORT_CHUNK_ROWS + 1_000 });
    expect(world.recorder.tally()).toEqual(next);
    expect(next['Range.setValues']).toBe(1);
  });

  it('deletes a draft an earlier import left behind (its sidebar closed part way)', () => {
    const first = {
      draft: null,
      sheetName: 'Deals',
      lang: 'en',
      replace: false,
      totalRows: 30,
      offset: 0,
      rows: deals(10),
    };
    server('appendImportRows')(first);
    expect(sheetNames()).toEqual(['Sheet1', 'Import draft Deals']);
    const { draft } = server('appendImportRows')(first) as { draft: string };
    expect(draft).toBe('Import draft Deals');
    expect(sheetNames()).toEqual(['Sheet1', 'Import draft Deals']);
    expect(world.spreadsheet.sheet(draft)!.getLastRow()).toBe(11);
  });

  it('refuses a chunk that does not start where the last ended, and deletes the draft', () => {
    const first = {
      draft: null,
      sheetName: 'Kaupat',
      lang: 'fi',
      replace: false,
      totalRows: 30,
      offset: 0,
      rows: deals(10),
    };
    const { draft } = server('appendImportRows')(first) as { draft: string };
    expect(thrown(() => server('appendImportRows')({ ...first, draft, offset: 20 })).message).toBe(
      'Kaikki tuonnin rivit eivät tulleet perille. Mitään ei muutettu; tuo tiedosto uudelleen.',
    );
    expect(sheetNames()).toEqual(['Sheet1']);
  });

  /** A request with `count` reported rows in its record (as a badly read file gives), a blank line among them. */
  function withIssues(rows: DataValue[][], count: number, replace = false): ImportRequest {
    const plan = request(rows, replace);
    const issues = Array.from({ length: count }, (_, i) =>
      i === 500
        ? [null, null, null, null]
        : [
            { value: i + 2, role: 'body' as const, format: '0' },
            { value: 'amount', role: 'body' as const },
            { value: `=bad ${i}` },
            { value: 'Not a number' },
          ],
    );
    plan.dataSheet.record = plan.dataSheet.record.concat(issues);
    return plan;
  }

  /** The record's lines from N1 as getValues reads them, and as they were planned. */
  const recordOnSheet = (sheet: FakeSheet, lines: number) =>
    Array.from({ length: lines }, (_, r) => sheet.rowValues(r + 1, 17).slice(13));
  const planned = (plan: ImportRequest) =>
    plan.dataSheet.record.map((line) => Array.from({ length: 4 }, (_, c) => line[c]?.value ?? ''));

  it('sends a record of 100,000 reported rows in chunks too: no call above the bound, the record whole', async () => {
    const payloads: number[] = [];
    const rows = deals(10);
    const plan = withIssues(rows, 100_000);
    expect(JSON.stringify(plan).length).toBeGreaterThan(3 * IMPORT_CHUNK_CHARS);
    const answer = await importInChunks(scriptRun(payloads), plan);
    expect(answer).toEqual({ dataSheet: 'Deals', analysis: 'Lead funnel' });
    // The rows, at least three chunks of the record, the final call; each within the bound.
    expect(payloads.length).toBeGreaterThanOrEqual(5);
    for (const size of payloads) expect(size).toBeLessThanOrEqual(IMPORT_CHUNK_CHARS);
    expect(sheetNames()).toEqual(['Sheet1', 'Deals', 'Lead funnel']);
    const sheet = world.spreadsheet.sheet('Deals')!;
    expect(dataRows(sheet, 10)).toEqual(rows);
    expect(recordOnSheet(sheet, 100_004)).toEqual(planned(plan));
    // Nothing left where the record waited (A–L below the rows), no rows kept for it alone.
    expect(sheet.getLastRow()).toBe(100_004);
    expect(sheet.rowValues(12, 12)).toEqual(Array(12).fill(''));
    expect(sheet.maxRows).toBe(100_004);
    expect(sheet.content(200, 15)).toEqual({ kind: 'text', value: 'amount' });
    expect(sheet.content(200, 16)).toEqual({ kind: 'text', value: '=bad 195' });
    expect(namedRange('KpiDeals')).toBe('Deals!A1:L11');
  });

  it('replaces an earlier import with one whose record came in chunks, the old record gone', async () => {
    server('importDeals')(request(deals(30)), null);
    const plan = withIssues(deals(20, 100), 60_000, true);
    const payloads: number[] = [];
    const answer = await importInChunks(scriptRun(payloads), plan);
    for (const size of payloads) expect(size).toBeLessThanOrEqual(IMPORT_CHUNK_CHARS);
    expect(sheetNames()).toEqual(['Sheet1', 'Deals', 'Lead funnel', answer.analysis]);
    const sheet = world.spreadsheet.sheet('Deals')!;
    expect(dataRows(sheet, 21)).toEqual([...deals(20, 100), Array(12).fill('')]);
    expect(recordOnSheet(sheet, 60_005)).toEqual([...planned(plan), ['', '', '', '']]);
  });

  it('makes the same service calls for a record chunk of 1,000 lines as for one of 20,000', () => {
    const rows = {
      draft: null,
      sheetName: 'Deals',
      lang: 'en',
      replace: false,
      totalRows: 10,
      offset: 0,
      rows: deals(10),
    };
    const lines = (count: number) => withIssues([], count).dataSheet.record.slice(4);
    const tallyOf = (count: number) => {
      useWorld();
      const { draft } = server('appendImportRows')(rows) as { draft: string };
      world.recorder.calls.length = 0;
      server('appendImportRows')({
        ...rows,
        draft,
        offset: 10,
        rows: [],
        record: { offset: 0, lines: lines(count) },
      });
      return world.recorder.tally();
    };
    expect(tallyOf(IMPORT_CHUNK_ROWS)).toEqual(tallyOf(1_000));
  });

  it('refuses a record chunk that does not start where the last ended, and deletes the draft', () => {
    const rows = {
      draft: null,
      sheetName: 'Deals',
      lang: 'en',
      replace: false,
      totalRows: 10,
      offset: 0,
      rows: deals(10),
    };
    const { draft } = server('appendImportRows')(rows) as { draft: string };
    const lines = withIssues([], 100).dataSheet.record;
    server('appendImportRows')({ ...rows, draft, rows: [], record: { offset: 0, lines } });
    expect(
      thrown(() =>
        server('appendImportRows')({ ...rows, draft, rows: [], record: { offset: 50, lines } }),
      ).message,
    ).toBe(
      'Not all rows of the import arrived. Nothing was changed; please import the file again.',
    );
    expect(sheetNames()).toEqual(['Sheet1']);
  });

  it('deletes the draft when a record chunk fails', async () => {
    world.recorder.failOn('setFontStyles', 'Service error');
    await expect(importInChunks(scriptRun([]), withIssues(deals(10), 100_000))).rejects.toThrow(
      "Could not import into 'Deals': Service error. Nothing was changed.",
    );
    expect(sheetNames()).toEqual(['Sheet1']);
  });

  it('deletes the draft when the final call fails, and when the connection drops between calls', async () => {
    world.recorder.failOn('setFrozenRows', 'Service error');
    await expect(importInChunks(scriptRun([]), request(deals(25_000)))).rejects.toThrow(
      "Could not import into 'Deals': Service error. Nothing was changed.",
    );
    expect(sheetNames()).toEqual(['Sheet1']);
    // The second chunk never arrives: the client discards the draft itself.
    let calls = 0;
    const flaky = scriptRun([]);
    const dropping = () => {
      const run = flaky();
      const append = run.appendImportRows.bind(run);
      let fail: (error: unknown) => void = () => undefined;
      const failing = run.withFailureHandler.bind(run);
      run.withFailureHandler = (handler) => ((fail = handler), failing(handler));
      run.appendImportRows = (chunk) =>
        ++calls === 2 ? setTimeout(() => fail(new Error('NetworkError'))) : append(chunk);
      return run;
    };
    await expect(importInChunks(dropping, request(deals(25_000)))).rejects.toThrow('NetworkError');
    expect(sheetNames()).toEqual(['Sheet1']);
  });
});

describe('the request reader', () => {
  it('refuses a data sheet without record widths, or with a record line wider than they say', () => {
    const { recordColumns, ...without } = request(deals(2)).dataSheet;
    expect(recordColumns).toHaveLength(4);
    const plain = (dataSheet: unknown) =>
      JSON.parse(JSON.stringify({ dataSheet, analysis: null, replace: false })) as unknown;
    expect(() => readImportRequest(plain(without), 'request')).toThrow('request.dataSheet');
    const narrow = { ...without, recordColumns: recordColumns.slice(0, 1) };
    expect(() => readImportRequest(plain(narrow), 'request')).toThrow(
      'request.dataSheet.record[0]',
    );
  });

  it.each(TEMPLATE_IDS)(
    '%s: every plan (both modes, languages, the largest options) reads back as Sheets writes it',
    (id) => {
      for (const mode of ['portable', 'functions'])
        for (const lang of ['en', 'fi'] as const)
          for (const extra of [{}, { rows: 50, periods: 24, protect: true }]) {
            const built = buildPlan(id, { mode, lang, ...extra }, {}, { functionPrefix: '' });
            if (!built.ok) throw new Error(`${id} refused`);
            const sent = JSON.parse(
              JSON.stringify({
                dataSheet: dataSheet([], lang),
                analysis: built.plan,
                replace: false,
              }),
            ) as unknown;
            const { analysis } = readImportRequest(sent, 'request');
            // As google.script.run delivers it: undefined properties left out.
            const plan = JSON.parse(JSON.stringify(built.plan)) as SheetPlan;
            expect(analysis).toMatchObject({
              sheetName: plan.sheetName,
              columnWidths: plan.columnWidths,
              merges: plan.merges,
              validations: plan.validations,
              conditionalFormats: plan.conditionalFormats,
              protection: plan.protection,
              charts: plan.charts,
              frozen: plan.frozen,
            });
            analysis!.cells.forEach((row, r) =>
              row.forEach((cell, c) => {
                const { value, formula, format, role, input, note } = plan.cells[r]![c] ?? {};
                if (plan.cells[r]![c] === null) expect(cell).toBeNull();
                else
                  expect(cell).toEqual(
                    JSON.parse(JSON.stringify({ value, formula, format, role, input, note })),
                  );
              }),
            );
          }
    },
  );
});

describe('requests of the wrong shape', () => {
  const getter = () => {
    throw new Error('getter ran');
  };
  const badRequests: [string, (base: ImportRequest) => unknown, string][] = [
    [
      'a cell holding an object',
      (r) => ((r.dataSheet.rows[1]![2] = { toString: getter } as never), r),
      'request.dataSheet.rows[1][2]',
    ],
    ['a row of 13 cells', (r) => (r.dataSheet.rows[0]!.push('x'), r), 'request.dataSheet.rows[0]'],
    [
      'rows above one call',
      (r) => ((r.dataSheet.rows = deals(IMPORT_CHUNK_ROWS + 1)), r),
      'request.dataSheet.rows',
    ],
    [
      'a getter for the rows',
      (r) => (Object.defineProperty(r.dataSheet, 'rows', { get: getter, enumerable: true }), r),
      'request.dataSheet.rows',
    ],
    [
      'a sheet name Sheets refuses',
      (r) => ((r.dataSheet.sheetName = 'Deals[1]'), r),
      'request.dataSheet.sheetName',
    ],
    [
      'a named range like a cell',
      (r) => ((r.dataSheet.tableName = 'AB12'), r),
      'request.dataSheet.tableName',
    ],
    [
      'columns out of order',
      (r) => (r.dataSheet.columns.reverse(), r),
      'request.dataSheet.columns[0].key',
    ],
    [
      'a formula without "="',
      (r) => ((r.analysis!.cells[0]![0] = { formula: 'SUM(A1)' }), r),
      'request.analysis.cells[0][0].formula',
    ],
    ['not an object', () => 'Deals', 'request'],
  ];

  it.each(badRequests)('%s: refused in the user language, nothing written', (_, spoil, where) => {
    useWorld({ userLocale: 'fi' });
    expect(thrown(() => server('importDeals')(spoil(request(deals(3))), null)).message).toBe(
      `Tuontia ei voitu lukea (${where} ei ole odotetussa muodossa). Mitään ei muutettu.`,
    );
    expect(sheetNames()).toEqual(['Sheet1']);
    expect(world.recorder.tally()['Spreadsheet.insertSheet']).toBeUndefined();
  });

  it('refuses a draft that is not an import draft, leaving that sheet alone', () => {
    const withoutRows = request([]);
    expect(
      thrown(() => server('importDeals')(withoutRows, { draft: 'Sheet1', rows: 1 })).message,
    ).toBe(
      'Not all rows of the import arrived. Nothing was changed; please import the file again.',
    );
    server('discardImportDraft')('Sheet1');
    expect(sheetNames()).toEqual(['Sheet1']);
  });
});

describe('readSheetValues', () => {
  it('reads the record of an earlier import; null without the sheet; clipped to the sheet', () => {
    expect(server('readSheetValues')('Deals', 'N1:Q400')).toBeNull();
    server('importDeals')(request(deals(5)), null);
    const record = server('readSheetValues')('Deals', 'N1:Q400') as DataValue[][];
    expect(record).toHaveLength(400);
    expect(record.slice(0, 4)).toEqual([
      ['Import', '', '', ''],
      ['File', 'deals.csv', '', ''],
      ['Rows', 5, '', ''],
      ['=not a formula', '+1 stays text', '', ''],
    ]);
    // A sheet of 50 rows: the rows beyond it are not there to read.
    world.spreadsheet.sheet('Deals')!.maxRows = 50;
    expect(server('readSheetValues')('Deals', 'N1:Q400')).toHaveLength(50);
    expect(thrown(() => server('readSheetValues')('Deals', 'A1:Z100000')).message).toMatch(
      /^The import could not be read \(range /,
    );
  });
});

describe('a real import, planned by the core', () => {
  it.each([
    ['hubspot-deals.csv', 'en', 'Deals'],
    ['pipedrive-fi.csv', 'fi', 'Kaupat'],
    ['messy-deals.csv', 'en', 'Deals'],
  ] as const)(
    '%s: the request the sidebar sends is accepted and written whole',
    (file, lang, sheet) => {
      const fixture = readFileSync(join(import.meta.dirname, '../fixtures/crm', file));
      const imported = readDeals(new Uint8Array(fixture));
      if (!imported.ok) throw new Error(`fixture refused: ${JSON.stringify(imported.error)}`);
      const planned = planImport(
        imported.value,
        { options: { lang }, fileName: file, replace: false, withAnalysis: true },
        { lang },
        { functionPrefix: '' },
      );
      if (!planned.ok) throw new Error(planned.errors.map((e) => e.message).join('\n'));
      const { dataSheet } = planned.request;
      // Through JSON, as google.script.run copies arguments.
      const answer = server('importDeals')(JSON.parse(JSON.stringify(planned.request)), null) as {
        dataSheet: string;
        analysis: string;
      };
      expect(answer.dataSheet).toBe(sheet);
      const written = world.spreadsheet.sheet(sheet)!;
      expect(dataRows(written, dataSheet.rows.length)).toEqual(dataSheet.rows);
      expect(written.getLastRow()).toBeGreaterThanOrEqual(dataSheet.rows.length + 1);
      expect(namedRange(dataSheet.tableName)).toBe(`${sheet}!A1:L${dataSheet.rows.length + 1}`);
      const analysis = world.spreadsheet.sheet(answer.analysis)!;
      expect(analysis.grids.get('values')!.data.flat()).toContain(
        planned.request.analysis!.cells.flat().find((cell) => cell?.formula)!.formula,
      );
      // The record reads back as it was planned, for the next import to find its settings.
      const record = server('readSheetValues')(
        sheet,
        `N1:Q${dataSheet.record.length}`,
      ) as DataValue[][];
      expect(record).toEqual(
        dataSheet.record.map((row) => Array.from({ length: 4 }, (_, c) => row[c]?.value ?? '')),
      );
    },
  );
});

describe('insertTemplate pipeline from the gallery', () => {
  it('writes the example deals first when the spreadsheet has no data sheet', () => {
    // The defaults the server takes from the fake's user locale "en" and spreadsheet locale "en_US".
    const built = buildPlan('pipeline', {}, sheetsHostDefaults('en', 'en_US'), {
      functionPrefix: '',
    });
    if (!built.ok || !built.dataSheet) throw new Error('no example data sheet');
    const answer = server('insertTemplate')({ templateId: 'pipeline', options: {} }) as {
      sheetName: string;
    };
    expect(answer.sheetName).toBe(built.plan.sheetName);
    expect(sheetNames()).toEqual(['Sheet1', 'Deals', built.plan.sheetName]);
    const deals = world.spreadsheet.sheet('Deals')!;
    expect(dataRows(deals, built.dataSheet.rows.length)).toEqual(built.dataSheet.rows);
    expect(namedRange(built.dataSheet.tableName)).toBe(
      `Deals!A1:L${built.dataSheet.rows.length + 1}`,
    );
  });

  it("inserts only the analysis when a data sheet is there, leaving the user's deals alone", () => {
    useWorld({ userLocale: 'fi' });
    server('importDeals')(request(deals(7), false, 'fi'), null);
    const before = structuredClone(world.spreadsheet.sheet('Kaupat')!.filledCells());
    world.recorder.calls.length = 0;
    const answer = server('insertTemplate')({ templateId: 'pipeline', options: {} }) as {
      sheetName: string;
    };
    expect(sheetNames()).toEqual(['Sheet1', 'Kaupat', 'Lead funnel', answer.sheetName]);
    expect(world.spreadsheet.sheet('Kaupat')!.filledCells()).toEqual(before);
    expect(world.recorder.tally()['Spreadsheet.insertSheet']).toBe(1);
  });
});
