// A recording stand-in for Excel's Office.js proxies: calls are queued and applied to an in-memory workbook on sync.
import { parseRange, rangeRef } from '../../core/templates/index';

/*
 * Every proxy offers only members that Office.js declares, under the Office.js type it stands
 * for ("Excel.RangeFont"): a misspelt property (`font.italics`) or a made-up method throws
 * `NotInOfficeJs` at once instead of being stored and ignored. tests/excel-addin/fake-excel.test.ts
 * checks every offered member, and every value the adapter passes, against @types/office-js.
 */

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
  /** Format properties set on the cell, by path under Range.format ("fill.color", "borders.EdgeBottom.style"). */
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
  /** Properties set on the format, by path under the conditional format ("format.fill.color"). */
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

/** An Excel table: its workbook-wide name and the cells it covers, header row included. */
export interface FakeTable {
  name: string;
  address: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  /** Column widths in points, by zero-based column. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by zero-based row. */
  rowHeights: Map<number, number>;
  frozen?: { rows: number; columns: number };
  merges: string[];
  autofitRows: string[];
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  notes: Map<string, string>;
  protection: { protected: boolean; options?: Record<string, unknown>; password?: string };
  /** `Worksheet.calculate` calls: recalculations of this sheet alone. */
  calculations: number;
  /** Print settings made through `Worksheet.pageLayout`, by member ("orientation", "setPrintArea"). */
  pageLayout: Record<string, unknown>;
  tables: FakeTable[];
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  activeSheet?: string;
  /**
   * The selection on the active sheet ("B4", "B4:D9"); default A1. Several areas ("B4,D6")
   * make getSelectedRange fail with InvalidSelection, as Excel does.
   */
  selection?: string;
  /** `Application.calculate` calls: recalculations of every open workbook. */
  recalculations?: number;
}

/** An empty sheet as Excel adds it. */
export function emptySheet(name: string): FakeSheet {
  return {
    name,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    autofitRows: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    notes: new Map(),
    protection: { protected: false },
    calculations: 0,
    pageLayout: {},
    tables: [],
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

/** Code used a member Office.js does not declare, or wrote a read-only one: a bug in that code. */
export class NotInOfficeJs extends TypeError {
  override readonly name = 'NotInOfficeJs';
}

/** How the fake misbehaves: reject a whole sync, or fail at the first queued call at a location. */
export interface FakeFailure {
  /** The 1-based sync (or syncs) that fail before applying anything. */
  sync?: number | readonly number[];
  /** The queued call whose location ("DataValidation.rule", "WorksheetCollection.add") matches fails; calls before it stay applied. */
  at?: RegExp;
  /** Only the first call matching `at` fails (a passing glitch); later ones, a rollback's say, succeed. */
  once?: boolean;
  code?: string;
  message?: string;
}

/** Which optional API sets the fake Excel has (older Excel lacks them and fails with ApiNotFound). */
export interface FakeApiSets {
  rangeAreas: boolean;
  notes: boolean;
  /** `Worksheet.pageLayout`, ExcelApi 1.9 like RangeAreas: present exactly when RangeAreas is, unless given. */
  pageLayout?: boolean;
  /** `Table.resize` (ExcelApi 1.13); present unless given as false. */
  tableResize?: boolean;
}

/**
 * Excel on the web refuses a request or a response above 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", learn.microsoft.com). The fake measures a batch as the JSON
 * of the values it sets and passes (UTF-8 bytes), which is what dominates Office.js's request.
 */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The JSON size in UTF-8 bytes of a value the code under test hands Office.js; a proxy counts as a short reference. */
export function payloadBytes(value: unknown): number {
  if (typeof value === 'string') {
    let bytes = 2;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      bytes += code === 0x22 || code === 0x5c ? 2 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    }
    return bytes;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  if (value === null || value === undefined) return 4;
  if (officeTypeOf(value) !== undefined) return 32;
  if (Array.isArray(value)) {
    let bytes = 1 + value.length;
    for (const item of value) bytes += payloadBytes(item);
    return bytes;
  }
  if (typeof value === 'object') {
    let bytes = 2;
    for (const [key, item] of Object.entries(value))
      bytes += payloadBytes(key) + 2 + payloadBytes(item);
    return bytes;
  }
  return 16;
}

/** One use of an Office.js member by the code under test, kept to check against the declarations. */
export interface ApiUse {
  /** The Office.js type, "Excel.RangeFont". */
  type: string;
  member: string;
  access: 'get' | 'set' | 'call';
  /** The value set, or the arguments passed. */
  values: unknown[];
  /** The Office.js type of the proxy a get or call returned, if it returned one. */
  returned?: string;
}

/** What kind of member a fake type offers: a method, a property read only, or one that can be set. */
export type MemberKind = 'method' | 'readonly' | 'writable';

/** Every member each fake Office.js type offers, filled in as proxies are made. */
export const OFFERED_MEMBERS = new Map<string, Map<string, MemberKind>>();

const proxyTypes = new WeakMap<object, string>();
const rangeAddresses = new WeakMap<object, string[]>();

/** The Office.js type a fake proxy stands for ("Excel.Range"), or undefined for anything else. */
export function officeTypeOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? proxyTypes.get(value) : undefined;
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

/** Excel's rules for a sheet name: why `name` is refused for `sheet`, or undefined when it is accepted. */
function sheetNameProblem(
  model: FakeWorkbook,
  name: unknown,
  location: string,
  sheet?: FakeSheet,
): FakeOfficeError | undefined {
  const valid =
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history';
  if (!valid)
    return new FakeOfficeError(
      'InvalidArgument',
      'The argument is invalid or missing or has an incorrect format.',
      { errorLocation: location },
    );
  const taken = model.sheets.some(
    (s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase(),
  );
  return taken
    ? new FakeOfficeError(
        'ItemAlreadyExists',
        'A resource with the same name or identifier already exists.',
        { errorLocation: location },
      )
    : undefined;
}

/** Calls that change cell contents: each makes Excel recalculate the formulas reading them. */
const CELL_WRITES = new Set(['Range.values', 'Range.formulas', 'Range.clear']);

/** The in-memory Excel: a workbook, a queue of calls, and the sync that applies them. */
export class FakeExcelContext {
  /** Calls to `sync()`; each with something queued is a round trip to Excel. */
  syncs = 0;
  /** Every call applied, by location, in order. */
  readonly applied: string[] = [];
  /** Every call queued, by location, in order (applied or not). */
  readonly queued: string[] = [];
  /** Every Office.js member the code under test used, in order. */
  readonly apiUses: ApiUse[] = [];
  /**
   * Calculation passes Excel ran for each sync, in order: one after every cell write (values,
   * formulas, clear) in automatic mode, but one for the whole batch from the point it called
   * `Application.suspendApiCalculationUntilNextSync` (calculation resumes after the sync).
   */
  readonly calculationPasses: number[] = [];
  /** Runs just before sync number `n` reaches the workbook: other people's edits land here. */
  beforeSync?: (n: number) => void;
  /** The request size Excel refuses (bytes; see WEB_PAYLOAD_LIMIT); none when undefined. */
  requestLimit?: number;
  /** The response size Excel refuses (bytes); none when undefined. */
  responseLimit?: number;
  /** The size of each sync's request in bytes, in order. */
  readonly requestSizes: number[] = [];
  private batchBytes = 0;
  /** Whether a call matching `failure.at` has failed yet. */
  private failedAt = false;
  readonly workbook: OfficeProxy;
  private queue: Operation[] = [];
  private afterSync: (() => void)[] = [];
  /** Objects made by a method such as `add` in the batch being built; see `madeByMethod`. */
  private madeInBatch: { valid: boolean }[] = [];

  constructor(
    readonly model: FakeWorkbook,
    readonly failure: FakeFailure = {},
    readonly apiSets: FakeApiSets = { rangeAreas: true, notes: true },
  ) {
    this.workbook = workbook(this);
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

  /** Adds the values the code under test sets or passes to the size of the batch being built. */
  countPayload(values: readonly unknown[]): void {
    if (this.requestLimit !== undefined) this.batchBytes += payloadBytes(values);
  }

  /** Reads what a load returns, refusing it when the response would pass `responseLimit`. */
  respond(read: () => unknown[], location: string): unknown[] {
    const values = read();
    if (this.responseLimit !== undefined && payloadBytes(values) > this.responseLimit)
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
        { errorLocation: location },
      );
    return values;
  }

  /**
   * Tracks an object made by a method in the current batch. Office.js invalidates such an object
   * path when the batch is sent and repairs it from the batch's results, so after a failed sync
   * any further use of it throws InvalidObjectPath.
   */
  madeByMethod(): { valid: boolean } {
    const state = { valid: true };
    this.madeInBatch.push(state);
    return state;
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.beforeSync?.(this.syncs);
    const operations = this.queue;
    const loads = this.afterSync;
    const made = this.madeInBatch;
    const bytes = this.batchBytes;
    this.queue = [];
    this.afterSync = [];
    this.madeInBatch = [];
    this.batchBytes = 0;
    this.requestSizes.push(bytes);
    try {
      if (this.requestLimit !== undefined && bytes > this.requestLimit)
        throw new FakeOfficeError(
          'RequestPayloadSizeLimitExceeded',
          'The request payload size has exceeded the limit.',
          { errorLocation: '' },
        );
      this.run(operations);
      for (const load of loads) load();
    } catch (error) {
      for (const state of made) state.valid = false;
      throw error;
    }
  }

  private run(operations: Operation[]): void {
    const { failure } = this;
    const failing = failure.sync;
    if (typeof failing === 'number' ? failing === this.syncs : failing?.includes(this.syncs))
      throw new FakeOfficeError(
        failure.code ?? 'GeneralException',
        failure.message ?? 'The request failed.',
        { errorLocation: '' },
      );
    let passes = 0;
    let suspended = false;
    let dirty = false;
    for (const operation of operations) {
      if (operation.location === 'Application.suspendApiCalculationUntilNextSync') suspended = true;
      else if (CELL_WRITES.has(operation.location)) {
        if (suspended) dirty = true;
        else passes++;
      }
      if (failure.at?.test(operation.location) && !(failure.once && this.failedAt)) {
        this.failedAt = true;
        throw new FakeOfficeError(
          failure.code ?? 'InvalidArgument',
          failure.message ?? 'The argument is invalid.',
          { errorLocation: operation.location },
        );
      }
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
    this.calculationPasses.push(passes + (dirty ? 1 : 0));
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

/** A method, or a property with a getter and, when it can be set, a setter. */
type Member =
  ((...args: never[]) => unknown) | { get: () => unknown; set?: (value: never) => void };

type OfficeProxy = Record<string, never>;

/** Where a proxy's calls act: its context, its sheet (resolved when applied), and whether its path still works. */
interface Origin {
  context: FakeExcelContext;
  sheet: () => FakeSheet;
  valid: () => boolean;
}

function kindOf(member: Member): MemberKind {
  if (typeof member === 'function') return 'method';
  return member.set ? 'writable' : 'readonly';
}

/**
 * A proxy for Office.js type `type` offering exactly `members`: anything else read, written or
 * called throws NotInOfficeJs, and once its path is invalid every call and write throws
 * InvalidObjectPath, as Office.js does.
 */
function officeObject(
  origin: Pick<Origin, 'context' | 'valid'>,
  type: string,
  members: Record<string, Member>,
): OfficeProxy {
  let offered = OFFERED_MEMBERS.get(type);
  if (!offered) OFFERED_MEMBERS.set(type, (offered = new Map()));
  for (const [name, member] of Object.entries(members)) offered.set(name, kindOf(member));

  const { context } = origin;
  const lookup = (key: string): Member => {
    if (!Object.hasOwn(members, key)) throw new NotInOfficeJs(`${type} has no member "${key}".`);
    return members[key]!;
  };
  const ensureValid = (key: string) => {
    if (!origin.valid())
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `The object path '${type}.${key}' isn't working for what you're trying to do.`,
        { errorLocation: `${type}.${key}` },
      );
  };
  const proxy = new Proxy(Object.create(null) as OfficeProxy, {
    get(_target, key) {
      // Promise resolution and printing probe these; an Office.js proxy has neither.
      if (typeof key === 'symbol' || key === 'then') return undefined;
      const member = lookup(key);
      if (typeof member === 'function')
        return (...args: unknown[]) => {
          ensureValid(key);
          const use: ApiUse = { type, member: key, access: 'call', values: args };
          context.apiUses.push(use);
          context.countPayload(args);
          const result = (member as (...a: unknown[]) => unknown)(...args);
          use.returned = officeTypeOf(result);
          return result;
        };
      const use: ApiUse = { type, member: key, access: 'get', values: [] };
      context.apiUses.push(use);
      const value = member.get();
      use.returned = officeTypeOf(value);
      return value;
    },
    set(_target, key, value: unknown) {
      if (typeof key === 'symbol') throw new NotInOfficeJs(`${type} has no symbol members.`);
      const member = lookup(key);
      if (typeof member === 'function' || !member.set)
        throw new NotInOfficeJs(`${type}.${key} is read-only.`);
      ensureValid(key);
      context.apiUses.push({ type, member: key, access: 'set', values: [value] });
      context.countPayload([value]);
      (member.set as (v: unknown) => void)(value);
      return true;
    },
    has: (_target, key) => typeof key === 'string' && Object.hasOwn(members, key),
  });
  proxyTypes.set(proxy, type);
  return proxy;
}

/** The short type name Office.js reports in error locations ("RangeFill" for "Excel.RangeFill"). */
function locationOf(type: string, member: string): string {
  return `${type.replace(/^Excel\./, '')}.${member}`;
}

/** A property Office.js only returns after `load`, which the code under test never needs. */
function notLoaded(type: string, member: string): () => never {
  return () => {
    throw new FakeOfficeError('PropertyNotLoaded', `The property '${member}' is not available.`, {
      errorLocation: locationOf(type, member),
    });
  };
}

/** Writable scalar properties whose values `store` keeps under `path` + name. */
function scalars(
  type: string,
  names: readonly string[],
  store: (key: string, value: unknown, location: string) => void,
  path = '',
): Record<string, Member> {
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        get: notLoaded(type, name),
        set: (value: unknown) => store(`${path}${name}`, value, locationOf(type, name)),
      },
    ]),
  );
}

/** The addresses behind a Range or RangeAreas proxy, or the address given as text. */
function addressOf(value: unknown, location: string): string {
  if (typeof value === 'string') return value;
  const addresses = typeof value === 'object' && value !== null && rangeAddresses.get(value);
  if (!addresses)
    throw new FakeOfficeError('InvalidArgument', 'Expected a range or an address.', {
      errorLocation: location,
    });
  return addresses.join(',');
}

function workbook(context: FakeExcelContext): OfficeProxy {
  const type = 'Excel.Workbook';
  const worksheets = worksheetCollection(context);
  const app = application(context);
  const tables = tableCollection(context);
  return officeObject({ context, valid: () => true }, type, {
    worksheets: { get: () => worksheets },
    tables: { get: () => tables },
    application: { get: () => app },
    getSelectedRange: () => {
      const { model } = context;
      const selection = model.selection ?? 'A1';
      const location = locationOf(type, 'getSelectedRange');
      context.enqueue(location, () => {
        if (selection.includes(','))
          throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid.', {
            errorLocation: location,
          });
      });
      const sheet = () =>
        context.sheetNamed(model.activeSheet ?? model.sheets[0]?.name ?? '', location);
      return range({ context, sheet, valid: () => true }, selection.split(','), 'Excel.Range');
    },
  });
}

function application(context: FakeExcelContext): OfficeProxy {
  const type = 'Excel.Application';
  const origin = { context, valid: () => true };
  const queued = (member: string, apply: () => void) => () =>
    context.enqueue(locationOf(type, member), apply);
  return officeObject(origin, type, {
    calculate: (_calculationType: string) =>
      context.enqueue(locationOf(type, 'calculate'), () => {
        context.model.recalculations = (context.model.recalculations ?? 0) + 1;
      }),
    suspendApiCalculationUntilNextSync: queued('suspendApiCalculationUntilNextSync', () => {}),
    suspendScreenUpdatingUntilNextSync: queued('suspendScreenUpdatingUntilNextSync', () => {}),
  });
}

function worksheetCollection(context: FakeExcelContext): OfficeProxy {
  const type = 'Excel.WorksheetCollection';
  let loaded: OfficeProxy[] | undefined;
  return officeObject({ context, valid: () => true }, type, {
    items: {
      get: () => {
        if (!loaded) return notLoaded(type, 'items')();
        return loaded;
      },
    },
    load: (_propertyNames: string) => {
      context.onSync(() => {
        loaded = context.model.sheets.map((sheet) =>
          worksheet({ context, sheet: () => sheet, valid: () => true }, sheet.name),
        );
      });
      return undefined;
    },
    add: (name: string) => {
      const state = context.madeByMethod();
      let created: FakeSheet | undefined;
      context.enqueue(locationOf(type, 'add'), () => {
        const problem = sheetNameProblem(context.model, name, locationOf(type, 'add'));
        if (problem) throw problem;
        created = emptySheet(name);
        context.model.sheets.push(created);
      });
      const sheet = () => {
        if (!created || !context.model.sheets.includes(created))
          throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", {
            errorLocation: 'Worksheet',
          });
        return created;
      };
      return worksheet({ context, sheet, valid: () => state.valid });
    },
    getItem: (key: string) =>
      worksheet({
        context,
        sheet: () => context.sheetNamed(key, locationOf(type, 'getItem')),
        valid: () => true,
      }),
  });
}

/** A Worksheet proxy; `loadedName` is its name when it came from a loaded collection. */
function worksheet(origin: Origin, loadedName?: string): OfficeProxy {
  const type = 'Excel.Worksheet';
  const { context } = origin;
  const queue = (member: string, apply: (sheet: FakeSheet) => void) =>
    context.enqueue(locationOf(type, member), () => apply(origin.sheet()));
  let name = loadedName;
  let tables: OfficeProxy | undefined;
  const proxy: OfficeProxy = officeObject(origin, type, {
    load: (_propertyNames: string) => {
      context.onSync(() => {
        name = origin.sheet().name;
      });
      return proxy;
    },
    name: {
      get: () => (name === undefined ? notLoaded(type, 'name')() : name),
      set: (name: string) =>
        queue('name', (sheet) => {
          const problem = sheetNameProblem(context.model, name, locationOf(type, 'name'), sheet);
          if (problem) throw problem;
          if (context.model.activeSheet === sheet.name) context.model.activeSheet = name;
          sheet.name = name;
        }),
    },
    freezePanes: { get: () => freezePanes(origin) },
    protection: { get: () => worksheetProtection(origin) },
    notes: { get: () => noteCollection(origin) },
    charts: { get: () => chartCollection(origin) },
    pageLayout: { get: () => pageLayout(origin) },
    getRange: (address: string) => range(origin, [address], 'Excel.Range'),
    getUsedRange: (valuesOnly?: boolean) =>
      measuredRange(origin, (sheet) => usedBox(sheet, valuesOnly === true)),
    tables: { get: () => (tables ??= tableCollection(context, origin)) },
    getRanges: (addresses: string) => {
      if (addresses.length > 8192)
        throw new FakeOfficeError('InvalidArgument', 'The address is too long.', {
          errorLocation: locationOf(type, 'getRanges'),
        });
      queue('getRanges', () =>
        context.requireApi(context.apiSets.rangeAreas, locationOf(type, 'getRanges')),
      );
      const list = addresses.split(',').map((a) => a.trim());
      return range(origin, list, 'Excel.RangeAreas');
    },
    activate: () =>
      queue('activate', (sheet) => {
        context.model.activeSheet = sheet.name;
      }),
    delete: () =>
      queue('delete', (sheet) => {
        context.model.sheets = context.model.sheets.filter((s) => s !== sheet);
      }),
    calculate: (_markAllDirty: boolean) =>
      queue('calculate', (sheet) => {
        sheet.calculations++;
      }),
  });
  return proxy;
}

function freezePanes(origin: Origin): OfficeProxy {
  const type = 'Excel.WorksheetFreezePanes';
  const freeze = (member: string, rows: number, columns: number) =>
    origin.context.enqueue(locationOf(type, member), () => {
      origin.sheet().frozen = { rows, columns };
    });
  return officeObject(origin, type, {
    freezeRows: (count: number) => freeze('freezeRows', count, 0),
    freezeColumns: (count: number) => freeze('freezeColumns', 0, count),
    freezeAt: (frozenRange: unknown) => {
      const { row2, col2 } = parseRange(addressOf(frozenRange, locationOf(type, 'freezeAt')));
      freeze('freezeAt', row2 + 1, col2 + 1);
    },
  });
}

function worksheetProtection(origin: Origin): OfficeProxy {
  const type = 'Excel.WorksheetProtection';
  return officeObject(origin, type, {
    protect: (options?: Record<string, unknown>, password?: string) =>
      origin.context.enqueue(locationOf(type, 'protect'), () => {
        origin.sheet().protection = { protected: true, options, password };
      }),
  });
}

function noteCollection(origin: Origin): OfficeProxy {
  const type = 'Excel.NoteCollection';
  const { context } = origin;
  return officeObject(origin, type, {
    add: (cellAddress: unknown, content: string) => {
      const address = addressOf(cellAddress, locationOf(type, 'add'));
      context.enqueue(locationOf(type, 'add'), () => {
        context.requireApi(context.apiSets.notes, locationOf(type, 'add'));
        origin.sheet().notes.set(address, content);
      });
      return undefined;
    },
  });
}

/** Excel's print settings of a sheet; title rows must be whole rows ("5:5"), as Excel requires. */
function pageLayout(origin: Origin): OfficeProxy {
  const type = 'Excel.PageLayout';
  const { context } = origin;
  const keep = (member: string, value: unknown, valid = true) => {
    const location = locationOf(type, member);
    context.enqueue(location, () => {
      context.requireApi(context.apiSets.pageLayout ?? context.apiSets.rangeAreas, location);
      if (!valid)
        throw new FakeOfficeError('InvalidArgument', 'The argument is invalid.', {
          errorLocation: location,
        });
      origin.sheet().pageLayout[member] = value;
    });
  };
  const address = (value: unknown, member: string) =>
    addressOf(value, locationOf(type, member)).replace(/\$/g, '');
  return officeObject(origin, type, {
    ...scalars(type, ['orientation', 'zoom', 'centerHorizontally'], (key, value) =>
      keep(key, value),
    ),
    setPrintArea: (printArea: unknown) => {
      const area = address(printArea, 'setPrintArea');
      keep('setPrintArea', area, /^[A-Z]+\d+:[A-Z]+\d+$/.test(area));
    },
    setPrintTitleRows: (printTitleRows: unknown) => {
      const rows = address(printTitleRows, 'setPrintTitleRows');
      keep('setPrintTitleRows', rows, /^\d+:\d+$/.test(rows));
    },
    setPrintMargins: (unit: string, marginOptions: Record<string, number>) =>
      keep('setPrintMargins', { unit, ...marginOptions }),
  });
}

function chartCollection(origin: Origin): OfficeProxy {
  const type = 'Excel.ChartCollection';
  return officeObject(origin, type, {
    add: (chartType: string, sourceData: unknown, seriesBy?: string) => {
      const source = addressOf(sourceData, locationOf(type, 'add'));
      const model: FakeChart = { type: chartType, source, seriesBy, series: [], properties: {} };
      origin.context.enqueue(locationOf(type, 'add'), () => {
        const { row1, col1, row2, col2 } = parseRange(source);
        const count = seriesBy === 'Rows' ? row2 - row1 + 1 : col2 - col1 + 1;
        for (let i = 0; i < count; i++) model.series.push({});
        origin.sheet().charts.push(model);
      });
      return chart(origin, model);
    },
  });
}

function chart(origin: Origin, model: FakeChart): OfficeProxy {
  const type = 'Excel.Chart';
  const { context } = origin;
  const store = (key: string, value: unknown, location: string) =>
    context.enqueue(location, () => {
      model.properties[key] = value;
    });
  const seriesType = 'Excel.ChartSeries';
  const series = (found: () => FakeSeries) =>
    officeObject(origin, seriesType, {
      name: {
        get: notLoaded(seriesType, 'name'),
        set: (name: string) =>
          context.enqueue(locationOf(seriesType, 'name'), () => {
            found().name = name;
          }),
      },
      setValues: (sourceData: unknown) => {
        const address = addressOf(sourceData, locationOf(seriesType, 'setValues'));
        context.enqueue(locationOf(seriesType, 'setValues'), () => {
          found().values = address;
        });
      },
      setXAxisValues: (sourceData: unknown) => {
        const address = addressOf(sourceData, locationOf(seriesType, 'setXAxisValues'));
        context.enqueue(locationOf(seriesType, 'setXAxisValues'), () => {
          found().xValues = address;
        });
      },
    });
  const collectionType = 'Excel.ChartSeriesCollection';
  return officeObject(origin, type, {
    title: {
      get: () =>
        officeObject(
          origin,
          'Excel.ChartTitle',
          scalars('Excel.ChartTitle', ['text'], store, 'title.'),
        ),
    },
    legend: {
      get: () =>
        officeObject(
          origin,
          'Excel.ChartLegend',
          scalars('Excel.ChartLegend', ['position', 'visible'], store, 'legend.'),
        ),
    },
    series: {
      get: () =>
        officeObject(origin, collectionType, {
          getItemAt: (index: number) =>
            series(() => {
              const found = model.series[index];
              if (!found)
                throw new FakeOfficeError('ItemNotFound', 'No such series.', {
                  errorLocation: locationOf(collectionType, 'getItemAt'),
                });
              return found;
            }),
          add: (name?: string) => {
            const added: FakeSeries = { name };
            context.enqueue(locationOf(collectionType, 'add'), () => model.series.push(added));
            return series(() => added);
          },
        }),
    },
    ...scalars(type, ['width', 'height'], store),
    setPosition: (startCell: unknown, endCell?: unknown) => {
      const start = addressOf(startCell, locationOf(type, 'setPosition'));
      const end =
        endCell === undefined ? undefined : addressOf(endCell, locationOf(type, 'setPosition'));
      context.enqueue(locationOf(type, 'setPosition'), () => {
        model.position = { start, end };
      });
    },
  });
}

/** A cell as Range.formulas reads it: the formula, else the constant; "" when empty. */
function formulaOf(cell: FakeCell | undefined): unknown {
  const content = cell?.content;
  if (!content) return '';
  if (content.kind === 'text') return content.text;
  if (content.kind === 'number') return content.number;
  return content.kind === 'boolean' ? content.boolean : content.formula;
}

/** A cell as Range.values reads it. The fake does not calculate: a formula reads as 0. */
function valueOf(cell: FakeCell | undefined): unknown {
  return cell?.content?.kind === 'formula' ? 0 : formulaOf(cell);
}

/** The rectangle `measure` finds when the batch runs, read back through `load` (a used range, a table's range). */
function measuredRange(
  origin: Origin,
  measure: (sheet: FakeSheet) => { row1: number; col1: number; row2: number; col2: number },
): OfficeProxy {
  const type = 'Excel.Range';
  const loaded = new Map<string, unknown>();
  const readers: Record<string, (box: ReturnType<typeof measure>) => unknown> = {
    rowIndex: (box) => box.row1,
    columnIndex: (box) => box.col1,
    rowCount: (box) => box.row2 - box.row1 + 1,
    columnCount: (box) => box.col2 - box.col1 + 1,
  };
  const member = (name: string) => ({
    get: () => (loaded.has(name) ? loaded.get(name) : notLoaded(type, name)()),
  });
  const proxy: OfficeProxy = officeObject(origin, type, {
    load: (propertyNames: string) => {
      const names = propertyNames.split(',').map((name) => name.trim());
      if (names.some((name) => !Object.hasOwn(readers, name)))
        throw new Error(`The fake cannot load ${propertyNames} of a measured range`);
      origin.context.onSync(() => {
        const box = measure(origin.sheet());
        for (const name of names) loaded.set(name, readers[name]!(box));
      });
      return proxy;
    },
    rowIndex: member('rowIndex'),
    columnIndex: member('columnIndex'),
    rowCount: member('rowCount'),
    columnCount: member('columnCount'),
  });
  return proxy;
}

/** The smallest rectangle holding every cell with a value (or, unless `valuesOnly`, any format); A1 when none. */
function usedBox(sheet: FakeSheet, valuesOnly: boolean) {
  let box: { row1: number; col1: number; row2: number; col2: number } | undefined;
  for (const [address, cell] of sheet.cells) {
    if (valuesOnly && !cell.content) continue;
    const { row1: r, col1: c } = parseRange(address);
    box = box
      ? {
          row1: Math.min(box.row1, r),
          col1: Math.min(box.col1, c),
          row2: Math.max(box.row2, r),
          col2: Math.max(box.col2, c),
        }
      : { row1: r, col1: c, row2: r, col2: c };
  }
  return box ?? { row1: 0, col1: 0, row2: 0, col2: 0 };
}

/** The tables of the workbook (`sheetOnly` undefined) or of one sheet, as Excel's TableCollection. */
function tableCollection(context: FakeExcelContext, sheetOnly?: Origin): OfficeProxy {
  const type = 'Excel.TableCollection';
  const inScope = () => (sheetOnly ? [sheetOnly.sheet()] : context.model.sheets);
  const find = (name: string, location: string) => {
    for (const sheet of inScope()) {
      const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (table) return { sheet, table };
    }
    throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", {
      errorLocation: location,
    });
  };
  let loaded: OfficeProxy[] | undefined;
  const origin = { context, valid: sheetOnly?.valid ?? (() => true) };
  return officeObject(origin, type, {
    items: { get: () => loaded ?? notLoaded(type, 'items')() },
    load: (_propertyNames: string) => {
      context.onSync(() => {
        loaded = inScope().flatMap((sheet) =>
          sheet.tables.map((table) =>
            tableProxy(
              context,
              () => ({ sheet, table }),
              () => true,
              table.name,
            ),
          ),
        );
      });
      return undefined;
    },
    getItem: (key: string) =>
      tableProxy(
        context,
        () => find(key, locationOf(type, 'getItem')),
        () => true,
      ),
    add: (address: unknown, _hasHeaders: boolean) => {
      if (!sheetOnly) throw new Error('The fake adds tables through a worksheet only');
      const cells = addressOf(address, locationOf(type, 'add'));
      const state = context.madeByMethod();
      let created: { sheet: FakeSheet; table: FakeTable } | undefined;
      context.enqueue(locationOf(type, 'add'), () => {
        const sheet = sheetOnly.sheet();
        const names = new Set(context.model.sheets.flatMap((s) => s.tables.map((t) => t.name)));
        let n = 1;
        while (names.has(`Table${n}`)) n++;
        created = { sheet, table: { name: `Table${n}`, address: cells } };
        sheet.tables.push(created.table);
      });
      return tableProxy(
        context,
        () => {
          if (!created) throw new Error('The table was never added');
          return created;
        },
        () => state.valid,
      );
    },
  });
}

function tableProxy(
  context: FakeExcelContext,
  found: () => { sheet: FakeSheet; table: FakeTable },
  valid: () => boolean,
  loadedName?: string,
): OfficeProxy {
  const type = 'Excel.Table';
  const origin: Origin = { context, valid, sheet: () => found().sheet };
  const queue = (member: string, apply: (found: { sheet: FakeSheet; table: FakeTable }) => void) =>
    context.enqueue(locationOf(type, member), () => apply(found()));
  return officeObject(origin, type, {
    name: {
      get: () => loadedName ?? notLoaded(type, 'name')(),
      set: (name: string) =>
        queue('name', ({ table }) => {
          const taken = context.model.sheets.some((s) =>
            s.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase()),
          );
          if (taken)
            throw new FakeOfficeError(
              'ItemAlreadyExists',
              'A resource with the same name or identifier already exists.',
              { errorLocation: locationOf(type, 'name') },
            );
          table.name = name;
        }),
    },
    getRange: () => measuredRange(origin, () => parseRange(found().table.address)),
    resize: (newRange: unknown) => {
      const address = addressOf(newRange, locationOf(type, 'resize'));
      queue('resize', ({ table }) => {
        context.requireApi(context.apiSets.tableResize !== false, locationOf(type, 'resize'));
        table.address = address;
      });
    },
    convertToRange: () => {
      queue('convertToRange', ({ sheet, table }) => {
        sheet.tables = sheet.tables.filter((t) => t !== table);
      });
      return undefined;
    },
  });
}

/** A Range (one rectangle, or whole columns "A:C") or RangeAreas (several) proxy. */
function range(
  origin: Origin,
  addresses: string[],
  type: 'Excel.Range' | 'Excel.RangeAreas',
): OfficeProxy {
  const { context } = origin;
  const address = addresses.join(',');
  const queue = (location: string, apply: (sheet: FakeSheet) => void) =>
    context.enqueue(location, () => apply(origin.sheet()));

  const setFormat = (key: string, value: unknown, location: string) =>
    queue(location, (sheet) => {
      for (const area of addresses) {
        const columns = /^([A-Z]+):([A-Z]+)$/.exec(area);
        if (columns) {
          if (key !== 'columnWidth')
            throw new Error(`Only column widths are set on whole columns, not ${key}`);
          for (let c = columnIndex(columns[1]!); c <= columnIndex(columns[2]!); c++)
            sheet.columnWidths.set(c, value as number);
          continue;
        }
        if (key === 'rowHeight') {
          const { row1, row2 } = parseRange(area);
          for (let r = row1; r <= row2; r++) sheet.rowHeights.set(r, value as number);
          continue;
        }
        for (const cellAddress of addressesOf(area)) {
          const cell = cellOf(sheet, cellAddress);
          if (key === 'protection.locked') cell.locked = value as boolean;
          else cell.format[key] = value;
        }
      }
    });

  const writeGrid =
    (member: string, write: (cell: FakeCell, input: unknown) => void) => (grid: unknown) =>
      queue(locationOf(type, member), (sheet) => {
        const { row1, col1, row2, col2 } = parseRange(address);
        const rows = grid as unknown[][];
        const fits =
          Array.isArray(rows) &&
          rows.length === row2 - row1 + 1 &&
          rows.every((row) => Array.isArray(row) && row.length === col2 - col1 + 1);
        if (!fits)
          throw new FakeOfficeError(
            'InvalidArgument',
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
            { errorLocation: locationOf(type, member) },
          );
        rows.forEach((row, r) =>
          row.forEach((input, c) =>
            write(cellOf(sheet, rangeRef(row1 + r, col1 + c, row1 + r, col1 + c)), input),
          ),
        );
      });

  // What `load` read at the last sync, by property name; reading one not loaded throws, as in Office.js.
  const loaded = new Map<string, unknown>();
  const loadedValue = (member: string) => () =>
    loaded.has(member) ? loaded.get(member) : notLoaded(type, member)();
  const readers: Record<string, (sheet: FakeSheet) => unknown> = {
    rowIndex: () => parseRange(address).row1,
    columnIndex: () => parseRange(address).col1,
    rowCount: () => parseRange(address).row2 - parseRange(address).row1 + 1,
    columnCount: () => parseRange(address).col2 - parseRange(address).col1 + 1,
    formulas: (sheet) => grid(sheet, formulaOf),
    values: (sheet) => grid(sheet, valueOf),
  };
  const grid = (sheet: FakeSheet, read: (cell: FakeCell | undefined) => unknown) =>
    context.respond(
      () => {
        const { row1, col1, row2, col2 } = parseRange(address);
        return Array.from({ length: row2 - row1 + 1 }, (_, r) =>
          Array.from({ length: col2 - col1 + 1 }, (_, c) =>
            read(sheet.cells.get(rangeRef(row1 + r, col1 + c, row1 + r, col1 + c))),
          ),
        );
      },
      locationOf(type, 'load'),
    );
  let sheetProxy: OfficeProxy | undefined;

  const shared: Record<string, Member> = {
    format: { get: () => rangeFormat(origin, addresses, setFormat) },
    conditionalFormats: { get: () => conditionalFormats(origin, address) },
    dataValidation: { get: () => dataValidation(origin, address) },
  };
  const proxy: OfficeProxy =
    type === 'Excel.RangeAreas'
      ? officeObject(origin, type, shared)
      : officeObject(origin, type, {
          ...shared,
          numberFormat: {
            get: notLoaded(type, 'numberFormat'),
            set: writeGrid('numberFormat', (cell, input) => {
              cell.numberFormat = String(input);
            }),
          },
          formulas: {
            get: loadedValue('formulas'),
            set: writeGrid('formulas', (cell, input) => {
              cell.content = parseInput(input);
            }),
          },
          rowIndex: { get: loadedValue('rowIndex') },
          columnIndex: { get: loadedValue('columnIndex') },
          rowCount: { get: loadedValue('rowCount') },
          columnCount: { get: loadedValue('columnCount') },
          worksheet: { get: () => (sheetProxy ??= worksheet(origin)) },
          load: (propertyNames: string) => {
            const names = propertyNames.split(',').map((name) => name.trim());
            const unknown = names.filter((name) => !Object.hasOwn(readers, name));
            if (unknown.length > 0) throw new Error(`The fake cannot load Range ${unknown.join()}`);
            context.onSync(() => {
              for (const name of names) loaded.set(name, readers[name]!(origin.sheet()));
            });
            return proxy;
          },
          getCell: (row: number, column: number) => {
            const { row1, col1 } = parseRange(addresses[0]!);
            return range(
              origin,
              [rangeRef(row1 + row, col1 + column, row1 + row, col1 + column)],
              type,
            );
          },
          clear: (applyTo?: string) =>
            queue(locationOf(type, 'clear'), (sheet) => {
              if (applyTo !== undefined && applyTo !== 'Contents' && applyTo !== 'All')
                throw new Error(`The fake cannot clear ${applyTo}`);
              const { row1, col1, row2, col2 } = parseRange(address);
              for (const [cellAddress, cell] of sheet.cells) {
                const { row1: r, col1: c } = parseRange(cellAddress);
                if (r < row1 || r > row2 || c < col1 || c > col2) continue;
                if (applyTo === 'Contents') delete cell.content;
                else sheet.cells.delete(cellAddress);
              }
            }),
          values: {
            get: loadedValue('values'),
            set: writeGrid('values', (cell, input) => {
              cell.content = parseInput(input);
            }),
          },
          merge: (_across?: boolean) =>
            queue(locationOf(type, 'merge'), (sheet) => sheet.merges.push(address)),
        });
  rangeAddresses.set(proxy, addresses);
  return proxy;
}

function rangeFormat(
  origin: Origin,
  addresses: string[],
  setFormat: (key: string, value: unknown, location: string) => void,
): OfficeProxy {
  const type = 'Excel.RangeFormat';
  const child = (childType: string, path: string, names: readonly string[]) => ({
    get: () => officeObject(origin, childType, scalars(childType, names, setFormat, path)),
  });
  return officeObject(origin, type, {
    ...scalars(
      type,
      ['columnWidth', 'horizontalAlignment', 'verticalAlignment', 'wrapText', 'rowHeight'],
      setFormat,
    ),
    fill: child('Excel.RangeFill', 'fill.', ['color']),
    font: child('Excel.RangeFont', 'font.', [
      'bold',
      'italic',
      'color',
      'size',
      'name',
      'underline',
      'strikethrough',
    ]),
    protection: child('Excel.FormatProtection', 'protection.', ['locked', 'formulaHidden']),
    borders: {
      get: () =>
        officeObject(origin, 'Excel.RangeBorderCollection', {
          getItem: (index: string) =>
            officeObject(
              origin,
              'Excel.RangeBorder',
              scalars(
                'Excel.RangeBorder',
                ['style', 'weight', 'color'],
                setFormat,
                `borders.${index}.`,
              ),
            ),
        }),
    },
    autofitRows: () =>
      origin.context.enqueue(locationOf(type, 'autofitRows'), () =>
        origin.sheet().autofitRows.push(...addresses),
      ),
  });
}

function conditionalFormats(origin: Origin, address: string): OfficeProxy {
  const type = 'Excel.ConditionalFormatCollection';
  const { context } = origin;
  return officeObject(origin, type, {
    add: (formatType: string) => {
      const entry: FakeConditionalFormat = { range: address, type: formatType, format: {} };
      context.enqueue(locationOf(type, 'add'), () => origin.sheet().conditionalFormats.push(entry));
      const store = (key: string, value: unknown, location: string) =>
        context.enqueue(location, () => {
          if (key === 'rule') entry.rule = value;
          else entry.format[key] = value;
        });
      const child = (childType: string, path: string, names: readonly string[]) => ({
        get: () => officeObject(origin, childType, scalars(childType, names, store, path)),
      });
      const cellValue = officeObject(origin, 'Excel.CellValueConditionalFormat', {
        format: {
          get: () =>
            officeObject(origin, 'Excel.ConditionalRangeFormat', {
              fill: child('Excel.ConditionalRangeFill', 'format.fill.', ['color']),
              font: child('Excel.ConditionalRangeFont', 'format.font.', [
                'color',
                'bold',
                'italic',
              ]),
            }),
        },
        ...scalars('Excel.CellValueConditionalFormat', ['rule'], store),
      });
      return officeObject(origin, 'Excel.ConditionalFormat', {
        cellValue: { get: () => cellValue },
      });
    },
  });
}

/** Excel's limits on a validation's texts (support.microsoft.com, "Apply data validation to cells"). */
const VALIDATION_TEXT_LIMITS: Record<string, { message: number; title: number }> = {
  prompt: { message: 255, title: 32 },
  errorAlert: { message: 225, title: 32 },
};

function dataValidation(origin: Origin, address: string): OfficeProxy {
  const type = 'Excel.DataValidation';
  const store = (key: string, value: unknown, location: string) =>
    origin.context.enqueue(location, () => {
      if (key === 'rule' && Object.keys(value as object).length !== 1)
        throw new FakeOfficeError('InvalidArgument', 'A rule has exactly one type.', {
          errorLocation: location,
        });
      const limits = VALIDATION_TEXT_LIMITS[key];
      const text = value as { message?: string; title?: string };
      if (
        limits &&
        ((text.message?.length ?? 0) > limits.message || (text.title?.length ?? 0) > limits.title)
      )
        throw new FakeOfficeError('InvalidArgument', 'The message is too long.', {
          errorLocation: location,
        });
      const sheet = origin.sheet();
      let entry = sheet.validations.find((v) => v.range === address);
      if (!entry) sheet.validations.push((entry = { range: address }));
      (entry as unknown as Record<string, unknown>)[key] = value;
    });
  return officeObject(
    origin,
    type,
    scalars(type, ['ignoreBlanks', 'rule', 'prompt', 'errorAlert'], store),
  );
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
        pageLayout: versionAtLeast(excelApi, '1.9'),
        tableResize: versionAtLeast(excelApi, '1.13'),
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
