/// <reference types="google-apps-script" />
// A recording fake of the Apps Script services the Sheets add-on uses: state to inspect, every call logged, any call made to fail.

/** One call on a fake object: which object, which method, with what. */
export interface Call {
  kind: string;
  target: object;
  method: string;
  args: unknown[];
}

const TARGET = Symbol('fake target');

/** Logs every method call on the objects it wraps and throws on the call it is told to fail. */
export class Recorder {
  readonly calls: Call[] = [];
  private readonly failures = new Map<string, { message: string; times: number }>();

  /** The next `times` calls of `method` (on any object) throw an Error with `message`. */
  failOn(method: string, message = `${method} failed`, times = 1): void {
    this.failures.set(method, { message, times });
  }

  /** How many times each "Kind.method" was called. */
  tally(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) {
      const key = `${call.kind}.${call.method}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** The calls made on one fake object (its unwrapped state object). */
  callsOn(target: object): Call[] {
    return this.calls.filter((call) => call.target === target);
  }

  /** The object as the code under test sees it: methods recorded, `this` results re-wrapped. */
  wrap<T extends object>(kind: string, target: T): T {
    const proxy: T = new Proxy(target, {
      get: (object, property, receiver) => {
        if (property === TARGET) return object;
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          this.calls.push({ kind, target: object, method: property, args });
          const failure = this.failures.get(property);
          if (failure) {
            if (--failure.times <= 0) this.failures.delete(property);
            throw new Error(failure.message);
          }
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
          return result === object ? proxy : result;
        };
      },
    });
    return proxy;
  }
}

/** The state object behind a wrapped fake. */
export function unwrap<T extends object>(wrapped: T): T {
  return ((wrapped as Record<symbol, unknown>)[TARGET] as T | undefined) ?? wrapped;
}

function columnLetters(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** 1-based row and column of "B5". */
function cellPosition(ref: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new Error(`Range not found: ${ref}`);
  const col = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), col };
}

/** A cell's content as Sheets stores it after parsing what was written "as typed". */
export type FakeContent =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'formula'; value: string };

const TYPED_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/**
 * What Sheets makes of one value given to setValues, as if the user typed it: a leading
 * apostrophe keeps the rest as text; "=…", and "+…", "-…" that are not numbers, become formulas;
 * "12", "+1", "25%" numbers; TRUE/FALSE booleans. Blank ("" or null) is no content.
 */
export function typedContent(value: unknown): FakeContent | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  const text = String(value);
  if (text.startsWith("'")) return { kind: 'text', value: text.slice(1) };
  if (TYPED_NUMBER.test(text))
    return { kind: 'number', value: Number.parseFloat(text.replace(/^\+/, '')) };
  if (/^[=+-]/.test(text))
    return { kind: 'formula', value: text.startsWith('=') ? text : `=${text}` };
  if (/^(true|false)$/i.test(text)) return { kind: 'boolean', value: /^true$/i.test(text) };
  return { kind: 'text', value: text };
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {
    if (row + numRows - 1 > sheet.maxRows || col + numColumns - 1 > sheet.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }

  getA1Notation(): string {
    const first = `${columnLetters(this.col)}${this.row}`;
    const last = `${columnLetters(this.col + this.numColumns - 1)}${this.row + this.numRows - 1}`;
    return first === last ? first : `${first}:${last}`;
  }

  private write(aspect: string, data: unknown[][]): this {
    if (data.length !== this.numRows || data.some((row) => row.length !== this.numColumns))
      throw new Error(`The data does not match the range ${this.getA1Notation()}.`);
    this.sheet.grids.set(aspect, { a1: this.getA1Notation(), data });
    return this;
  }

  setValues(values: unknown[][]): this {
    this.write('values', values);
    values.forEach((row, r) =>
      row.forEach((value, c) =>
        this.sheet.setContent(this.row + r, this.col + c, typedContent(value)),
      ),
    );
    return this;
  }
  /** The stored values (a formula reads as "": the fake computes none), dates as Date. */
  getValues(): unknown[][] {
    return this.map((content) =>
      content === undefined || content.kind === 'formula' ? '' : content.value,
    );
  }
  getFormulas(): string[][] {
    return this.map((content) => (content?.kind === 'formula' ? content.value : ''));
  }
  clearContent(): this {
    this.map((_, row, col) => this.sheet.setContent(row, col, undefined));
    return this;
  }
  /** Clears contents and formats (the fake keeps no formats per cell, so: the contents). */
  clear(): this {
    return this.clearContent();
  }
  /** Copies the contents (and, unless contentsOnly, nothing else the fake keeps) to `destination`'s top left. */
  copyTo(destination: FakeRange, options?: { contentsOnly?: boolean }): void {
    const target = unwrap(destination);
    void options;
    const contents = this.map((content) => content);
    contents.forEach((row, r) =>
      row.forEach((content, c) => target.sheet.setContent(target.row + r, target.col + c, content)),
    );
  }
  private map<T>(read: (content: FakeContent | undefined, row: number, col: number) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, r) =>
      Array.from({ length: this.numColumns }, (_, c) =>
        read(this.sheet.content(this.row + r, this.col + c), this.row + r, this.col + c),
      ),
    );
  }
  setNumberFormats(formats: string[][]): this {
    return this.write('numberFormats', formats);
  }
  setBackgrounds(colours: (string | null)[][]): this {
    return this.write('backgrounds', colours);
  }
  setFontColors(colours: (string | null)[][]): this {
    return this.write('fontColors', colours);
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.write('fontWeights', weights);
  }
  setFontStyles(styles: (string | null)[][]): this {
    return this.write('fontStyles', styles);
  }
  setFontSizes(sizes: number[][]): this {
    return this.write('fontSizes', sizes);
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.write('horizontalAlignments', alignments);
  }
  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this.write('verticalAlignments', alignments);
  }
  setWraps(wraps: boolean[][]): this {
    return this.write('wraps', wraps);
  }
  setNotes(notes: (string | null)[][]): this {
    return this.write('notes', notes);
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.write('dataValidations', rules);
  }
  setDataValidation(rule: FakeDataValidation): this {
    this.sheet.rangeValidations.push({ a1: this.getA1Notation(), rule });
    return this;
  }
  merge(): this {
    this.sheet.merges.push(this.getA1Notation());
    return this;
  }
  getSheet(): FakeSheet {
    return this.sheet.spreadsheet.getSheets().find((sheet) => unwrap(sheet) === this.sheet)!;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  /** The cell at 1-based `row`, `column` within the range. */
  getCell(row: number, column: number): FakeRange {
    return this.sheet.getRange(this.row + row - 1, this.col + column - 1);
  }
  /** The top-left cell's formula; "" when it holds none. */
  getFormula(): string {
    return this.topLeft().formula ?? '';
  }
  /** The top-left cell's value as shown; the fake computes no formulas, so "" for one. */
  getDisplayValue(): string {
    return this.topLeft().display ?? '';
  }
  setFormula(formula: string): this {
    this.sheet.cells.set(this.topLeftA1(), { ...this.topLeft(), formula, display: undefined });
    return this;
  }
  setNumberFormat(numberFormat: string): this {
    this.sheet.cells.set(this.topLeftA1(), { ...this.topLeft(), numberFormat });
    return this;
  }
  private topLeftA1(): string {
    return `${columnLetters(this.col)}${this.row}`;
  }
  private topLeft(): FakeCellState {
    return this.sheet.cells.get(this.topLeftA1()) ?? {};
  }
}

/** One cell written or read one at a time (setFormula, getDisplayValue…), by A1 address. */
export interface FakeCellState {
  formula?: string;
  /** The value as the cell shows it. */
  display?: string;
  numberFormat?: string;
}

export class FakeRangeList {
  constructor(
    private readonly recorder: Recorder,
    readonly ranges: FakeRange[],
  ) {}

  getRanges(): FakeRange[] {
    return this.ranges.map((range) => this.recorder.wrap('Range', range));
  }

  setNumberFormat(format: string): this {
    this.ranges[0]?.sheet.numberFormatRanges.push({
      ranges: this.ranges.map((range) => range.getA1Notation()),
      format,
    });
    return this;
  }
  clearContent(): this {
    for (const range of this.ranges) range.clearContent();
    return this;
  }

  setBorder(...args: unknown[]): this {
    const [top, left, bottom, right, vertical, horizontal, colour, style] = args;
    this.ranges[0]?.sheet.borders.push({
      ranges: this.ranges.map((range) => range.getA1Notation()),
      sides: { top, left, bottom, right, vertical, horizontal },
      colour,
      style,
    });
    return this;
  }
}

export interface FakeDataValidation {
  criteria: string;
  args: unknown[];
  helpText: string | undefined;
  allowInvalid: boolean;
}

export class FakeDataValidationBuilder {
  private rule: FakeDataValidation = {
    criteria: 'NONE',
    args: [],
    helpText: undefined,
    allowInvalid: true,
  };

  private require(criteria: string, args: unknown[]): this {
    this.rule = { ...this.rule, criteria, args };
    return this;
  }
  requireDate(): this {
    return this.require('DATE_IS_VALID_DATE', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): this {
    return this.require('VALUE_IN_LIST', [values, showDropdown]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): this {
    return this.require('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.require('CUSTOM_FORMULA', [formula]);
  }
  setHelpText(helpText: string): this {
    this.rule = { ...this.rule, helpText };
    return this;
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.rule = { ...this.rule, allowInvalid };
    return this;
  }
  build(): FakeDataValidation {
    return { ...this.rule };
  }
}

export interface FakeConditionalFormatRule {
  textEqualTo: string | undefined;
  background: string | undefined;
  fontColor: string | undefined;
  ranges: string[];
}

export class FakeConditionalFormatRuleBuilder {
  private rule: FakeConditionalFormatRule = {
    textEqualTo: undefined,
    background: undefined,
    fontColor: undefined,
    ranges: [],
  };

  whenTextEqualTo(text: string): this {
    this.rule.textEqualTo = text;
    return this;
  }
  setBackground(colour: string): this {
    this.rule.background = colour;
    return this;
  }
  setFontColor(colour: string): this {
    this.rule.fontColor = colour;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.rule.ranges = ranges.map((range) => unwrap(range).getA1Notation());
    return this;
  }
  build(): FakeConditionalFormatRule {
    return { ...this.rule, ranges: [...this.rule.ranges] };
  }
}

export interface FakeChart {
  chartType: unknown;
  ranges: string[];
  numHeaders: number | undefined;
  transposed: boolean;
  position: [number, number, number, number] | undefined;
  options: Record<string, unknown>;
}

export class FakeChartBuilder {
  private chart: FakeChart = {
    chartType: undefined,
    ranges: [],
    numHeaders: undefined,
    transposed: false,
    position: undefined,
    options: {},
  };

  setChartType(type: unknown): this {
    this.chart.chartType = type;
    return this;
  }
  addRange(range: FakeRange): this {
    this.chart.ranges.push(unwrap(range).getA1Notation());
    return this;
  }
  setNumHeaders(headers: number): this {
    this.chart.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this.chart.transposed = transpose;
    return this;
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number): this {
    this.chart.position = [row, col, offsetX, offsetY];
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.chart.options[option] = value;
    return this;
  }
  build(): FakeChart {
    return structuredClone(this.chart);
  }
}

/** Who may edit the spreadsheet, and who runs the script. Groups are editors with members. */
export interface FakeSharing {
  owner: string;
  /** The user the script runs as (Session's effective user). */
  currentUser: string;
  /** Editors the spreadsheet is shared with, users or groups, besides the owner. */
  editors: readonly string[];
  /** Members of each group among the editors. */
  groups: Readonly<Record<string, readonly string[]>>;
  /** The Google Workspace domain owning the spreadsheet; absent for a gmail.com owner. */
  domain?: string;
  /** Whether the spreadsheet is shared for editing with everyone in the domain. */
  domainCanEdit: boolean;
}

const DEFAULT_SHARING: FakeSharing = {
  owner: 'owner@example.com',
  currentUser: 'owner@example.com',
  editors: [],
  groups: {},
  domainCanEdit: false,
};

/** Base.User: only an email address. */
export class FakeUser {
  constructor(readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

/**
 * A sheet protection as the Apps Script reference describes it: until the editor list or domain
 * edit is changed it mirrors the spreadsheet's own permissions (so it protects nothing); the owner
 * and the current user cannot be removed; removing the group the current user edits through is
 * refused; setting domain edit outside a Workspace domain throws.
 */
export class FakeProtection {
  description: string | undefined;
  unprotectedRanges: string[] = [];
  warningOnly = false;
  /** True until the script changes the editors or domain edit. */
  mirrorsSpreadsheet = true;
  /** Editors besides the owner, once no longer mirroring. */
  editors: string[];
  domainEdit: boolean;

  constructor(private readonly sharing: FakeSharing) {
    this.editors = [...sharing.editors];
    this.domainEdit = sharing.domain !== undefined && sharing.domainCanEdit;
  }

  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  setUnprotectedRanges(ranges: FakeRange[]): this {
    this.unprotectedRanges = ranges.map((range) => unwrap(range).getA1Notation());
    return this;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  getEditors(): FakeUser[] {
    return [this.sharing.owner, ...this.editors].map((email) => new FakeUser(email));
  }
  removeEditor(user: FakeUser | string): this {
    return this.removeEditors([user]);
  }
  removeEditors(users: readonly (FakeUser | string)[]): this {
    const emails = users.map((user) => (typeof user === 'string' ? user : user.getEmail()));
    const { owner, currentUser, groups } = this.sharing;
    const listed = currentUser === owner || this.editors.includes(currentUser);
    const viaGroups = this.editors.filter((email) => groups[email]?.includes(currentUser));
    if (!listed && viaGroups.length > 0 && viaGroups.every((group) => emails.includes(group)))
      throw new Error('You cannot remove your own access to this range.');
    this.editors = this.editors.filter(
      (email) => email === owner || email === currentUser || !emails.includes(email),
    );
    this.mirrorsSpreadsheet = false;
    return this;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    if (this.sharing.domain === undefined)
      throw new Error(
        'Domain edit can only be set on a spreadsheet owned by a Google Workspace domain.',
      );
    this.domainEdit = editable;
    this.mirrorsSpreadsheet = false;
    return this;
  }
}

export class FakeSheet {
  /** Sheets' size for a new sheet. */
  maxRows = 1000;
  maxColumns = 26;
  /** The last 2-D write per aspect ("values", "numberFormats", …) with the range it went to. */
  readonly grids = new Map<string, { a1: string; data: unknown[][] }>();
  /** Rules set on a whole range at once (setDataValidation), which read formulas from its top-left cell. */
  readonly rangeValidations: { a1: string; rule: FakeDataValidation }[] = [];
  readonly merges: string[] = [];
  readonly borders: {
    ranges: string[];
    sides: Record<string, unknown>;
    colour: unknown;
    style: unknown;
  }[] = [];
  /** Width in pixels per 1-based column that was set. */
  readonly columnWidths = new Map<number, number>();
  /**
   * Height in pixels per 1-based row that was set, and whether it was forced (setRowHeightsForced
   * keeps it even where the content is taller; setRowHeights lets the row grow to fit).
   */
  readonly rowHeights = new Map<number, { height: number; forced: boolean }>();
  frozenRows = 0;
  frozenColumns = 0;
  conditionalFormatRules: FakeConditionalFormatRule[] = [];
  protection: FakeProtection | undefined;
  readonly charts: FakeChart[] = [];
  /** Cells as the single-cell calls see them (setFormula, getDisplayValue…). */
  readonly cells = new Map<string, FakeCellState>();
  /** Contents written with setValues (or copied, cleared), by 1-based row and column. */
  readonly contents: (FakeContent | undefined)[][] = [];
  /** RangeList.setNumberFormat calls: the ranges and the format. */
  readonly numberFormatRanges: { ranges: string[]; format: string }[] = [];
  hidden = false;

  constructor(
    private readonly recorder: Recorder,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
  ) {}

  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    if (
      this.spreadsheet.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())
    )
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return this;
  }
  hideSheet(): this {
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.hidden = false;
    return this;
  }
  content(row: number, col: number): FakeContent | undefined {
    return this.contents[row - 1]?.[col - 1];
  }
  setContent(row: number, col: number, content: FakeContent | undefined): void {
    if (content === undefined && this.contents[row - 1] === undefined) return;
    const cells = (this.contents[row - 1] ??= []);
    cells[col - 1] = content;
  }
  /** Every cell holding content, by A1 address: what the sheet shows, however it was written. */
  filledCells(): Record<string, FakeContent> {
    const filled: Record<string, FakeContent> = {};
    this.contents.forEach((cells, r) =>
      cells?.forEach((content, c) => {
        if (content) filled[`${columnLetters(c + 1)}${r + 1}`] = content;
      }),
    );
    return filled;
  }
  /** The last row holding content, 0 for none. */
  getLastRow(): number {
    for (let row = this.contents.length; row > 0; row--)
      if (this.contents[row - 1]?.some((content) => content !== undefined)) return row;
    return 0;
  }
  /** Row `row`'s contents as getValues would read them, `columns` wide. */
  rowValues(row: number, columns: number): unknown[] {
    return Array.from({ length: columns }, (_, c) => this.content(row, c + 1)?.value ?? '');
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition > this.maxRows || howMany < 1) throw new Error('Invalid argument: howMany');
    this.maxRows += howMany;
    return this;
  }
  /** Deletes rows: those below move up. */
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows)
      throw new Error('Those rows are out of bounds.');
    this.contents.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns)
      throw new Error('Those columns are out of bounds.');
    this.maxColumns -= howMany;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition > this.maxColumns || howMany < 1)
      throw new Error('Invalid argument: howMany');
    this.maxColumns += howMany;
    return this;
  }
  getRange(...args: (number | string)[]): FakeRange {
    return this.recorder.wrap('Range', this.range(args));
  }
  getRangeList(a1s: string[]): FakeRangeList {
    if (a1s.length === 0) throw new Error('Exception: Range list is empty.');
    return this.recorder.wrap(
      'RangeList',
      new FakeRangeList(
        this.recorder,
        a1s.map((a1) => this.range([a1])),
      ),
    );
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let col = startColumn; col < startColumn + numColumns; col++)
      this.columnWidths.set(col, width);
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    for (let row = startRow; row < startRow + numRows; row++)
      this.rowHeights.set(row, { height, forced: false });
    return this;
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): this {
    for (let row = startRow; row < startRow + numRows; row++)
      this.rowHeights.set(row, { height, forced: true });
    return this;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.conditionalFormatRules = rules;
  }
  protect(): FakeProtection {
    this.protection ??= new FakeProtection(this.spreadsheet.sharing);
    return this.recorder.wrap('Protection', this.protection);
  }
  /**
   * Whether `email` may change cell `a1` (e.g. "B5"): a spreadsheet editor may, unless the cell is
   * under an enforced protection that no longer mirrors the spreadsheet and lists neither the user,
   * a group of theirs, nor (with domain edit) their domain.
   */
  editableBy(email: string, a1: string): boolean {
    const { owner, editors, groups, domain, domainCanEdit } = this.spreadsheet.sharing;
    const inDomain = domain !== undefined && email.endsWith(`@${domain}`);
    const allowedBy = (list: readonly string[], domainEdit: boolean) =>
      email === owner ||
      list.includes(email) ||
      list.some((group) => groups[group]?.includes(email)) ||
      (domainEdit && inDomain);
    if (!allowedBy(editors, domainCanEdit)) return false;
    const protection = this.protection;
    if (!protection || protection.warningOnly || protection.mirrorsSpreadsheet) return true;
    const cell = cellPosition(a1);
    const open = protection.unprotectedRanges.some((range) => {
      const [first, last = first] = range.split(':') as [string, string?];
      const a = cellPosition(first);
      const b = cellPosition(last!);
      return cell.row >= a.row && cell.row <= b.row && cell.col >= a.col && cell.col <= b.col;
    });
    return open || allowedBy(protection.editors, protection.domainEdit);
  }
  newChart(): FakeChartBuilder {
    return this.recorder.wrap('EmbeddedChartBuilder', new FakeChartBuilder());
  }
  insertChart(chart: FakeChart): void {
    this.charts.push(chart);
  }
  activate(): this {
    this.spreadsheet.active = this;
    return this;
  }

  private range(args: (number | string)[]): FakeRange {
    if (typeof args[0] === 'string') {
      const [first, last = first] = args[0].split(':') as [string, string?];
      const a = cellPosition(first);
      const b = cellPosition(last!);
      return new FakeRange(this, a.row, a.col, b.row - a.row + 1, b.col - a.col + 1);
    }
    const [row, col, numRows = 1, numColumns = 1] = args as number[];
    return new FakeRange(this, row!, col!, numRows, numColumns);
  }
}

/** A named range: a name and the range it points at. */
export class FakeNamedRange {
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    readonly name: string,
    public range: FakeRange,
  ) {}
  getName(): string {
    return this.name;
  }
  getRange(): FakeRange {
    return this.range;
  }
  setRange(range: FakeRange): this {
    this.range = unwrap(range);
    return this;
  }
  remove(): void {
    this.spreadsheet.removeNamedRange(this.name);
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[];
  readonly namedRanges: FakeNamedRange[] = [];
  active: FakeSheet | undefined;
  /** The user's selection on the active sheet ("B4", "B4:D9"); null for none. */
  selection: string | null = 'A1';

  constructor(
    private readonly recorder: Recorder,
    sheetNames: readonly string[],
    private readonly locale: string,
    readonly sharing: FakeSharing = DEFAULT_SHARING,
  ) {
    this.sheets = sheetNames.map((name) => new FakeSheet(recorder, this, name));
    this.active = this.sheets[0];
  }

  getSheets(): FakeSheet[] {
    return this.sheets.map((sheet) => this.recorder.wrap('Sheet', sheet));
  }
  insertSheet(name: string): FakeSheet {
    if (this.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this.recorder, this, name);
    this.sheets.push(sheet);
    this.active = sheet;
    return this.recorder.wrap('Sheet', sheet);
  }
  deleteSheet(sheet: FakeSheet): void {
    const index = this.sheets.indexOf(unwrap(sheet));
    if (index < 0) throw new Error('Sheet not found.');
    this.sheets.splice(index, 1);
    if (this.active === unwrap(sheet)) this.active = this.sheets[0];
  }
  getNamedRanges(): FakeNamedRange[] {
    return this.namedRanges.map((named) => this.recorder.wrap('NamedRange', named));
  }
  /** Sheets refuses a name already taken (names are unique in a spreadsheet). */
  setNamedRange(name: string, range: FakeRange): void {
    if (this.namedRanges.some((named) => named.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A named range called "${name}" already exists.`);
    this.namedRanges.push(new FakeNamedRange(this, name, unwrap(range)));
  }
  removeNamedRange(name: string): void {
    const index = this.namedRanges.findIndex((named) => named.name === name);
    if (index < 0) throw new Error(`Named range "${name}" not found.`);
    this.namedRanges.splice(index, 1);
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  /** The active range: `selection` on the active sheet; null when `selection` is. */
  getActiveRange(): FakeRange | null {
    return this.active && this.selection !== null ? this.active.getRange(this.selection) : null;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }
}

export class FakeMenu {
  readonly items: { caption: string; functionName: string }[] = [];
  constructor(private readonly ui: FakeUi) {}

  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addToUi(): void {
    this.ui.addonMenus.push(this);
  }
}

export class FakeHtmlOutput {
  title: string | undefined;
  /** The page as the project file holds it, until the code under test replaces it. */
  content = '<!doctype html><html><head><title>KPI Templates</title></head><body></body></html>';
  constructor(readonly file: string) {}

  getContent(): string {
    return this.content;
  }

  setContent(content: string): this {
    this.content = content;
    return this;
  }

  setTitle(title: string): this {
    this.title = title;
    return this;
  }
}

export class FakeUi {
  readonly addonMenus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  constructor(private readonly recorder: Recorder) {}

  createAddonMenu(): FakeMenu {
    return this.recorder.wrap('Menu', new FakeMenu(this));
  }
  showSidebar(page: FakeHtmlOutput): void {
    this.sidebars.push(unwrap(page));
  }
}

export interface FakeAppsScriptOptions {
  /** The spreadsheet's sheets before the test; default one "Sheet1". */
  sheetNames?: readonly string[];
  /** What Session.getActiveUserLocale returns (default "en"). */
  userLocale?: string;
  /** What Spreadsheet.getSpreadsheetLocale returns (default "en_US"). */
  spreadsheetLocale?: string;
  /** Who may edit the spreadsheet (default: only its owner, who runs the script). */
  sharing?: Partial<FakeSharing>;
}

/** A fresh fake world: the recorder, the spreadsheet's state, and the globals Apps Script offers. */
export function fakeAppsScript(options: FakeAppsScriptOptions = {}) {
  const recorder = new Recorder();
  const spreadsheet = new FakeSpreadsheet(
    recorder,
    options.sheetNames ?? ['Sheet1'],
    options.spreadsheetLocale ?? 'en_US',
    { ...DEFAULT_SHARING, ...options.sharing },
  );
  const ui = new FakeUi(recorder);
  const chartTypes = { LINE: 'LINE', COLUMN: 'COLUMN', BAR: 'BAR' };
  const spreadsheetApp = recorder.wrap('SpreadsheetApp', {
    BorderStyle: { SOLID: 'SOLID' },
    getUi: () => recorder.wrap('Ui', ui),
    getActiveSpreadsheet: () => recorder.wrap('Spreadsheet', spreadsheet),
    newDataValidation: () =>
      recorder.wrap('DataValidationBuilder', new FakeDataValidationBuilder()),
    newConditionalFormatRule: () =>
      recorder.wrap('ConditionalFormatRuleBuilder', new FakeConditionalFormatRuleBuilder()),
  });
  const htmlService = recorder.wrap('HtmlService', {
    createHtmlOutputFromFile: (file: string) =>
      recorder.wrap('HtmlOutput', new FakeHtmlOutput(file)),
  });
  const session = recorder.wrap('Session', {
    getActiveUserLocale: () => options.userLocale ?? 'en',
  });
  return {
    recorder,
    spreadsheet,
    ui,
    /** The spreadsheet as the code under test receives it. */
    spreadsheetApi: recorder.wrap(
      'Spreadsheet',
      spreadsheet,
    ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    /** The services argument of applyPlanToSheets. */
    services: {
      spreadsheetApp: spreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
      charts: { ChartType: chartTypes } as unknown as GoogleAppsScript.Charts.Charts,
    },
    /** The Apps Script globals, for vi.stubGlobal. */
    globals: {
      SpreadsheetApp: spreadsheetApp,
      HtmlService: htmlService,
      Session: session,
      Charts: { ChartType: chartTypes },
    },
  };
}
