// A recording stand-in for Excel's Office.js proxies: calls are queued and applied to an in-memory workbook on sync.
import { parseRange, rangeRef } from '../../core/templates/index';

/** What a cell holds after Excel has parsed the input, as Excel would. */
export type FakeContent =
  | { kind: 'text'; text: string; quotePrefix: boolean }
  | { kind: 'number'; number: number }
  | { kind: 'boolean'; boolean: boolean }
  | { kind: 'formula'; formula: string };

export interface FakeCell {
  content?: FakeContent;
  numberFormat: string;
  /** Excel locks every cell unless told otherwise. */
  locked: boolean;
  /** Format properties set on the cell, by dotted path ("fill.color", "borders.EdgeBottom.style"). */
  format: Record<string, unknown>;
}

export interface FakeValidation {
  range: string;
  rule?: Record<string, unknown>;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks?: boolean;
}

export interface FakeConditionalFormat {
  range: string;
  type: string;
  rule?: unknown;
  format: Record<string, unknown>;
}

export interface FakeSeries {
  name?: string;
  values?: string;
  xValues?: string;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  series: FakeSeries[];
  properties: Record<string, unknown>;
  position?: { start: string; end?: string };
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  /** Column widths in points, by zero-based column. */
  columnWidths: Map<number, number>;
  frozen?: { rows: number; columns: number };
  merges: string[];
  autofitRows: string[];
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  notes: Map<string, string>;
  protection: { protected: boolean; options?: Record<string, unknown>; password?: string };
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  activeSheet?: string;
}

/** An empty sheet as Excel adds it. */
export function emptySheet(name: string): FakeSheet {
  return {
    name,
    cells: new Map(),
    columnWidths: new Map(),
    merges: [],
    autofitRows: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    notes: new Map(),
    protection: { protected: false },
  };
}

/** Shaped like OfficeExtension.Error: a code, a message and where in the batch it happened. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { errorLocation: string },
  ) {
    super(message);
  }
}

/** How the fake misbehaves: reject a whole sync, or fail at the first queued call at a location. */
export interface FakeFailure {
  /** The 1-based sync that fails before applying anything. */
  sync?: number;
  /** The queued call whose location ("DataValidation.rule", "Worksheets.add") matches fails; calls before it stay applied. */
  at?: RegExp;
  code?: string;
  message?: string;
}

/** Which optional API sets the fake Excel has (older Excel lacks them and fails with ApiNotFound). */
export interface FakeApiSets {
  rangeAreas: boolean;
  notes: boolean;
}

interface Operation {
  location: string;
  apply: () => void;
}

/** Excel's parsing of typed input, for the cases the tests need. */
function parseInput(input: unknown): FakeContent | undefined {
  if (typeof input === 'number') return { kind: 'number', number: input };
  if (typeof input === 'boolean') return { kind: 'boolean', boolean: input };
  if (typeof input !== 'string')
    throw new FakeOfficeError('InvalidArgument', 'Bad cell input.', { errorLocation: 'Range' });
  if (input === '') return undefined;
  if (input.startsWith("'")) return { kind: 'text', text: input.slice(1), quotePrefix: true };
  if (/^[+-]?\d+(\.\d+)?%?$/.test(input))
    return { kind: 'number', number: Number.parseFloat(input) };
  if (/^[=+\-@]/.test(input))
    return { kind: 'formula', formula: input.startsWith('=') ? input : `=${input}` };
  if (/^\d{4}-\d{2}(-\d{2})?$|^\d+\/\d+/.test(input)) return { kind: 'number', number: 46023 };
  // A Finnish Excel also reads TOSI and EPÄTOSI as booleans.
  if (/^(true|false|tosi|epätosi)$/i.test(input))
    return { kind: 'boolean', boolean: /^(true|tosi)$/i.test(input) };
  return { kind: 'text', text: input, quotePrefix: false };
}

function columnIndex(letters: string): number {
  return parseRange(`${letters}1`).col1;
}

/** Every cell address of a rectangle "B5:D9". */
function addressesOf(range: string): string[] {
  const { row1, col1, row2, col2 } = parseRange(range);
  const out: string[] = [];
  for (let r = row1; r <= row2; r++)
    for (let c = col1; c <= col2; c++) out.push(rangeRef(r, c, r, c));
  return out;
}

function cellOf(sheet: FakeSheet, address: string): FakeCell {
  let cell = sheet.cells.get(address);
  if (!cell) {
    cell = { numberFormat: 'General', locked: true, format: {} };
    sheet.cells.set(address, cell);
  }
  return cell;
}

/** The in-memory Excel: a workbook, a queue of calls, and the sync that applies them. */
export class FakeExcelContext {
  /** Calls to `sync()`; each with something queued is a round trip to Excel. */
  syncs = 0;
  /** Every call applied, by location, in order. */
  readonly applied: string[] = [];
  /** Every call queued, by location, in order (applied or not). */
  readonly queued: string[] = [];
  readonly workbook: FakeWorkbookProxy;
  private queue: Operation[] = [];
  private afterSync: (() => void)[] = [];

  constructor(
    readonly model: FakeWorkbook,
    readonly failure: FakeFailure = {},
    readonly apiSets: FakeApiSets = { rangeAreas: true, notes: true },
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  get pending(): boolean {
    return this.queue.length > 0 || this.afterSync.length > 0;
  }

  enqueue(location: string, apply: () => void): void {
    this.queued.push(location);
    this.queue.push({ location, apply });
  }

  onSync(load: () => void): void {
    this.afterSync.push(load);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const operations = this.queue;
    const loads = this.afterSync;
    this.queue = [];
    this.afterSync = [];
    const { failure } = this;
    if (failure.sync === this.syncs)
      throw new FakeOfficeError(
        failure.code ?? 'GeneralException',
        failure.message ?? 'The request failed.',
        {
          errorLocation: '',
        },
      );
    for (const operation of operations) {
      if (failure.at?.test(operation.location))
        throw new FakeOfficeError(
          failure.code ?? 'InvalidArgument',
          failure.message ?? 'The argument is invalid.',
          {
            errorLocation: operation.location,
          },
        );
      try {
        operation.apply();
      } catch (error) {
        if (error instanceof FakeOfficeError) throw error;
        throw new FakeOfficeError('GeneralException', String(error), {
          errorLocation: operation.location,
        });
      }
      this.applied.push(operation.location);
    }
    for (const load of loads) load();
  }

  sheetNamed(name: string, location: string): FakeSheet {
    const sheet = this.model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet)
      throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", {
        errorLocation: location,
      });
    return sheet;
  }

  requireApi(available: boolean, location: string): void {
    if (!available)
      throw new FakeOfficeError(
        'ApiNotFound',
        'The API you are trying to use could not be found.',
        { errorLocation: location },
      );
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  readonly application: FakeApplication;

  constructor(context: FakeExcelContext) {
    this.worksheets = new FakeWorksheets(context);
    this.application = new FakeApplication(context);
  }
}

class FakeApplication {
  /** Recalculations the add-in asked for; it must ask after suspending calculation. */
  recalculations = 0;

  constructor(private readonly context: FakeExcelContext) {}

  calculate(_type: string): void {
    this.context.enqueue('Application.calculate', () => {
      this.recalculations++;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue('Application.suspendApiCalculationUntilNextSync', () => {});
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue('Application.suspendScreenUpdatingUntilNextSync', () => {});
  }
}

class FakeWorksheets {
  private loadedItems?: FakeWorksheet[];

  constructor(private readonly context: FakeExcelContext) {}

  get items(): FakeWorksheet[] {
    if (!this.loadedItems)
      throw new FakeOfficeError('PropertyNotLoaded', 'The property items is not loaded.', {
        errorLocation: 'WorksheetCollection.items',
      });
    return this.loadedItems;
  }

  load(_properties: string): this {
    this.context.onSync(() => {
      this.loadedItems = this.context.model.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.context, () => sheet);
        proxy.name = sheet.name;
        return proxy;
      });
    });
    return this;
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.context.enqueue('Worksheets.add', () => {
      if (this.context.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError('ItemAlreadyExists', 'The resource already exists.', {
          errorLocation: 'Worksheets.add',
        });
      created = emptySheet(name);
      this.context.model.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created || !this.context.model.sheets.includes(created))
        throw new FakeOfficeError('ItemNotFound', 'The sheet does not exist.', {
          errorLocation: 'Worksheet',
        });
      return created;
    });
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () =>
      this.context.sheetNamed(name, 'Worksheets.getItem'),
    );
  }
}

class FakeWorksheet {
  name?: string;
  readonly freezePanes;
  readonly protection;
  readonly notes;
  readonly charts;

  constructor(
    private readonly context: FakeExcelContext,
    private readonly sheet: () => FakeSheet,
  ) {
    const enqueue = (location: string, apply: (sheet: FakeSheet) => void) =>
      context.enqueue(location, () => apply(this.sheet()));
    const frozen = (rows: number, columns: number) => (sheet: FakeSheet) => {
      sheet.frozen = { rows, columns };
    };
    this.freezePanes = {
      freezeRows: (count: number) => enqueue('WorksheetFreezePanes.freezeRows', frozen(count, 0)),
      freezeColumns: (count: number) =>
        enqueue('WorksheetFreezePanes.freezeColumns', frozen(0, count)),
      freezeAt: (range: FakeRange | string) => {
        const { row2, col2 } = parseRange(typeof range === 'string' ? range : range.address);
        enqueue('WorksheetFreezePanes.freezeAt', frozen(row2 + 1, col2 + 1));
      },
    };
    this.protection = {
      protect: (options?: Record<string, unknown>, password?: string) =>
        enqueue('WorksheetProtection.protect', (sheet) => {
          sheet.protection = { protected: true, options, password };
        }),
    };
    this.notes = {
      add: (cell: string, content: string) =>
        enqueue('NoteCollection.add', (sheet) => {
          context.requireApi(context.apiSets.notes, 'NoteCollection.add');
          sheet.notes.set(cell, content);
        }),
    };
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        const chart: FakeChart = {
          type,
          source: source.address,
          seriesBy,
          series: [],
          properties: {},
        };
        enqueue('ChartCollection.add', (sheet) => {
          const { row1, col1, row2, col2 } = parseRange(source.address);
          const count = seriesBy === 'Rows' ? row2 - row1 + 1 : col2 - col1 + 1;
          for (let i = 0; i < count; i++) chart.series.push({});
          sheet.charts.push(chart);
        });
        return new FakeChartProxy(context, chart);
      },
    };
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this.sheet, [address], 'Range');
  }

  getRanges(addresses: string): FakeRange {
    const list = addresses.split(',').map((a) => a.trim());
    if (addresses.length > 8192)
      throw new FakeOfficeError('InvalidArgument', 'The address is too long.', {
        errorLocation: 'Worksheet.getRanges',
      });
    this.context.enqueue('Worksheet.getRanges', () =>
      this.context.requireApi(this.context.apiSets.rangeAreas, 'Worksheet.getRanges'),
    );
    return new FakeRange(this.context, this.sheet, list, 'RangeAreas');
  }

  activate(): void {
    this.context.enqueue('Worksheet.activate', () => {
      this.context.model.activeSheet = this.sheet().name;
    });
  }

  delete(): void {
    this.context.enqueue('Worksheet.delete', () => {
      const sheet = this.sheet();
      this.context.model.sheets = this.context.model.sheets.filter((s) => s !== sheet);
    });
  }
}

/** A recorder for nested format objects: every property set is queued and stored on each cell. */
function formatRecorder(
  range: FakeRange,
  path: string,
  store: (key: string, value: unknown) => void,
): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: (_target, property) => {
      const key = String(property);
      if (key === 'getItem')
        return (item: string) => formatRecorder(range, `${path}.${item}`, store);
      if (key === 'autofitRows')
        return () =>
          range.enqueue('RangeFormat.autofitRows', (sheet) =>
            sheet.autofitRows.push(...range.addresses),
          );
      return formatRecorder(range, path === '' ? key : `${path}.${key}`, store);
    },
    set: (_target, property, value: unknown) => {
      store(path === '' ? String(property) : `${path}.${String(property)}`, value);
      return true;
    },
  });
}

class FakeRange {
  readonly format: Record<string, unknown>;
  readonly conditionalFormats;
  readonly dataValidation: Record<string, unknown>;

  constructor(
    private readonly context: FakeExcelContext,
    private readonly sheet: () => FakeSheet,
    readonly addresses: string[],
    private readonly kind: 'Range' | 'RangeAreas',
  ) {
    this.format = formatRecorder(this, '', (key, value) =>
      this.enqueue(`RangeFormat.${key}`, (sheet) => this.setFormat(sheet, key, value)),
    );
    this.conditionalFormats = {
      add: (type: string) => {
        const entry: FakeConditionalFormat = { range: this.address, type, format: {} };
        this.enqueue('ConditionalFormatCollection.add', (sheet) =>
          sheet.conditionalFormats.push(entry),
        );
        const rule = formatRecorder(this, '', (key, value) =>
          this.enqueue(`ConditionalFormat.${key}`, () => {
            if (key.endsWith('rule')) entry.rule = value;
            else entry.format[key] = value;
          }),
        );
        return { cellValue: rule, textComparison: rule };
      },
    };
    const validation = (sheet: FakeSheet): FakeValidation => {
      let entry = sheet.validations.find((v) => v.range === this.address);
      if (!entry) sheet.validations.push((entry = { range: this.address }));
      return entry;
    };
    this.dataValidation = new Proxy({} as Record<string, unknown>, {
      set: (_target, property, value: unknown) => {
        const key = String(property);
        this.enqueue(`DataValidation.${key}`, (sheet) => {
          if (key === 'rule' && Object.keys(value as object).length !== 1)
            throw new FakeOfficeError('InvalidArgument', 'A rule has exactly one type.', {
              errorLocation: 'DataValidation.rule',
            });
          const text = value as { message?: string; title?: string };
          if ((text.message?.length ?? 0) > 255 || (text.title?.length ?? 0) > 32)
            throw new FakeOfficeError('InvalidArgument', 'The message is too long.', {
              errorLocation: `DataValidation.${key}`,
            });
          (validation(sheet) as unknown as Record<string, unknown>)[key] = value;
        });
        return true;
      },
    });
  }

  get address(): string {
    return this.addresses.join(',');
  }

  enqueue(location: string, apply: (sheet: FakeSheet) => void): void {
    this.context.enqueue(location, () => apply(this.sheet()));
  }

  set numberFormat(grid: unknown) {
    this.writeGrid('Range.numberFormat', grid, (cell, input) => {
      cell.numberFormat = String(input);
    });
  }

  set formulas(grid: unknown) {
    this.writeGrid('Range.formulas', grid, (cell, input) => {
      cell.content = parseInput(input);
    });
  }

  set values(grid: unknown) {
    this.writeGrid('Range.values', grid, (cell, input) => {
      cell.content = parseInput(input);
    });
  }

  merge(_across?: boolean): void {
    this.enqueue('Range.merge', (sheet) => sheet.merges.push(this.address));
  }

  private writeGrid(
    location: string,
    grid: unknown,
    write: (cell: FakeCell, input: unknown) => void,
  ): void {
    this.enqueue(location, (sheet) => {
      const { row1, col1, row2, col2 } = parseRange(this.address);
      const rows = grid as unknown[][];
      const fits =
        this.kind === 'Range' &&
        Array.isArray(rows) &&
        rows.length === row2 - row1 + 1 &&
        rows.every((row) => Array.isArray(row) && row.length === col2 - col1 + 1);
      if (!fits)
        throw new FakeOfficeError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          {
            errorLocation: location,
          },
        );
      rows.forEach((row, r) =>
        row.forEach((input, c) =>
          write(cellOf(sheet, rangeRef(row1 + r, col1 + c, row1 + r, col1 + c)), input),
        ),
      );
    });
  }

  private setFormat(sheet: FakeSheet, key: string, value: unknown): void {
    for (const address of this.addresses) {
      const columns = /^([A-Z]+):([A-Z]+)$/.exec(address);
      if (columns) {
        if (key !== 'columnWidth')
          throw new Error(`Only column widths are set on whole columns, not ${key}`);
        for (let c = columnIndex(columns[1]!); c <= columnIndex(columns[2]!); c++)
          sheet.columnWidths.set(c, value as number);
        continue;
      }
      for (const cellAddress of addressesOf(address)) {
        const cell = cellOf(sheet, cellAddress);
        if (key === 'protection.locked') cell.locked = value as boolean;
        else cell.format[key] = value;
      }
    }
  }
}

class FakeChartProxy {
  readonly title;
  readonly legend;
  readonly series;

  constructor(
    private readonly context: FakeExcelContext,
    private readonly chart: FakeChart,
  ) {
    const property = (prefix: string) =>
      new Proxy({} as Record<string, unknown>, {
        set: (_target, key, value: unknown) => {
          context.enqueue(`Chart.${prefix}${String(key)}`, () => {
            chart.properties[`${prefix}${String(key)}`] = value;
          });
          return true;
        },
      });
    this.title = property('title.');
    this.legend = property('legend.');
    const seriesProxy = (series: () => FakeSeries) => ({
      set name(name: string) {
        context.enqueue('ChartSeries.name', () => {
          series().name = name;
        });
      },
      setValues: (range: FakeRange) =>
        context.enqueue('ChartSeries.setValues', () => {
          series().values = range.address;
        }),
      setXAxisValues: (range: FakeRange) =>
        context.enqueue('ChartSeries.setXAxisValues', () => {
          series().xValues = range.address;
        }),
    });
    this.series = {
      getItemAt: (index: number) =>
        seriesProxy(() => {
          const found = chart.series[index];
          if (!found)
            throw new FakeOfficeError('ItemNotFound', 'No such series.', {
              errorLocation: 'ChartSeriesCollection.getItemAt',
            });
          return found;
        }),
      add: (name?: string) => {
        const added: FakeSeries = { name };
        context.enqueue('ChartSeriesCollection.add', () => chart.series.push(added));
        return seriesProxy(() => added);
      },
    };
  }

  setPosition(start: string, end?: string): void {
    this.context.enqueue('Chart.setPosition', () => {
      this.chart.position = { start, end };
    });
  }

  set width(points: number) {
    this.context.enqueue('Chart.width', () => {
      this.chart.properties.width = points;
    });
  }

  set height(points: number) {
    this.context.enqueue('Chart.height', () => {
      this.chart.properties.height = points;
    });
  }
}

/** The same context typed as Office.js's, for the code under test. */
export function asExcelContext(context: FakeExcelContext): Excel.RequestContext {
  return context as unknown as Excel.RequestContext;
}

/** What the fake `Office` global reports: display and editing languages, and the highest ExcelApi version. */
export interface FakeOfficeHost {
  displayLanguage?: string;
  contentLanguage?: string;
  excelApi?: string;
}

function versionAtLeast(version: string, minimum: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [x = 0, y = 0] = minimum.split('.').map(Number);
  return a !== x ? a > x : b >= y;
}

/**
 * Installs `Office` and `Excel.run` globals backed by `model`; returns the contexts each
 * `Excel.run` created (for counting syncs) and a function that removes the globals.
 */
export function installFakeOffice(
  model: FakeWorkbook,
  host: FakeOfficeHost = {},
  failure: FakeFailure = {},
): { contexts: FakeExcelContext[]; uninstall: () => void } {
  const contexts: FakeExcelContext[] = [];
  const excelApi = host.excelApi ?? '1.18';
  const globals = globalThis as Record<string, unknown>;
  globals.Office = {
    context: {
      displayLanguage: host.displayLanguage,
      contentLanguage: host.contentLanguage,
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === 'ExcelApi' && versionAtLeast(excelApi, version),
      },
    },
  };
  globals.Excel = {
    // Like Office.js: run the batch, then sync whatever it left queued (no round trip when nothing is).
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const context = new FakeExcelContext(model, failure, {
        rangeAreas: versionAtLeast(excelApi, '1.9'),
        notes: versionAtLeast(excelApi, '1.18'),
      });
      contexts.push(context);
      const result = await batch(asExcelContext(context));
      if (context.pending) await context.sync();
      return result;
    },
  };
  return {
    contexts,
    uninstall: () => {
      delete globals.Office;
      delete globals.Excel;
    },
  };
}
