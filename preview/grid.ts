// Shows one preview sheet as an accessible, keyboard-usable HTML grid whose editable cells are typed into in place.
import { cellRef, columnName, parseRange } from '../core/templates/a1';
import { STATUS_STYLES, styleOf, type CellStyle } from '../core/templates/theme';
import { h } from '../core/ui/dom';
import { previewText } from './messages';
import { displayText, type EngineValue } from './number-format';
import { editText } from './typed-input';
import { formatAt, type CellPosition, type PreviewSheet, type PreviewWorkbook } from './workbook';

const ROW_HEADER_WIDTH = 44;
/** Excel's default column width in pixels, for columns a sheet gives no width. */
const DEFAULT_COLUMN_WIDTH = 80;

function columnWidth(sheet: PreviewSheet, col: number): number {
  return sheet.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
}

const MOVES: Record<string, CellPosition> = {
  ArrowUp: { row: -1, col: 0 },
  ArrowDown: { row: 1, col: 0 },
  ArrowLeft: { row: 0, col: -1 },
  ArrowRight: { row: 0, col: 1 },
};

/**
 * Sets a width through the style property: a style="…" attribute is inline CSS, which the
 * dev server's Content-Security-Policy refuses.
 */
function withWidth<T extends HTMLElement>(element: T, pixels: number): T {
  element.style.width = `${pixels}px`;
  return element;
}

function applyStyle(td: HTMLElement, style: CellStyle, value: EngineValue): void {
  td.style.fontWeight = style.bold ? 'bold' : '';
  td.style.fontStyle = style.italic ? 'italic' : '';
  td.style.fontSize = style.fontSize ? `${style.fontSize}pt` : '';
  td.style.color = style.fontColor ?? '';
  td.style.backgroundColor = style.fill ?? '';
  td.style.whiteSpace = style.wrap ? 'normal' : '';
  td.style.textAlign = style.horizontalAlignment ?? (typeof value === 'number' ? 'right' : '');
  td.style.verticalAlign =
    style.verticalAlignment === 'center' ? 'middle' : (style.verticalAlignment ?? '');
  td.style.borderBottom = style.borderBottom ? `1px solid ${style.borderBottom}` : '';
}

/** A sheet of up to this many rows is drawn whole: every template at its default size. */
const WHOLE_SHEET_ROWS = 300;
/** Rows drawn around the view of a longer sheet (a data sheet of 100,000 deals): about three screens. */
const WINDOW_ROWS = 100;
/** A row's height until one has been measured: a 22 px cell, its padding and border. */
const ROW_HEIGHT_GUESS = 25;

/** Which cells merges anchor (with their spans) and which they cover. */
function mergeLayout(sheet: PreviewSheet): {
  spans: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
} {
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const merge of sheet.merges) {
    const r = parseRange(merge);
    spans.set(`${r.row1},${r.col1}`, { rows: r.row2 - r.row1 + 1, cols: r.col2 - r.col1 + 1 });
    for (let row = r.row1; row <= r.row2; row++)
      for (let col = r.col1; col <= r.col2; col++)
        if (row !== r.row1 || col !== r.col1) covered.add(`${row},${col}`);
  }
  return { spans, covered };
}

/**
 * The grid of one sheet; `refresh` redraws values, styles and the selection from the workbook.
 * A long sheet is drawn in part: its frozen rows, and a window of `WINDOW_ROWS` that follows the
 * scrolling and the selection, with empty rows of the same total height standing in for the rest.
 */
export class SheetGrid {
  /** The scrolling container holding the table. */
  readonly element: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly body: HTMLTableSectionElement;
  private readonly topSpacer: HTMLTableRowElement;
  private readonly bottomSpacer: HTMLTableRowElement;
  private readonly merges: ReturnType<typeof mergeLayout>;
  /** The drawn cell elements by row and column; undefined where a merge covers the cell. */
  private readonly tds = new Map<number, (HTMLTableCellElement | undefined)[]>();
  /** The drawn rows after the frozen ones: [first, end). */
  private first = 0;
  private end = 0;
  /** The drawn rows' elements, first to last. */
  private drawn: HTMLTableRowElement[] = [];
  private rowHeight = ROW_HEIGHT_GUESS;
  private scrollPending = false;
  /** Ends the grid's listening to the scroller when another grid takes its place. */
  private readonly listening = new AbortController();
  /** The open editor and the cell's content when it opened, so an unchanged edit writes nothing. */
  private editing: { position: CellPosition; input: HTMLInputElement; original: string } | null =
    null;

  constructor(
    private readonly workbook: PreviewWorkbook,
    private readonly sheet: PreviewSheet,
    /** Tells the user something (a refused entry) through the page's live region. */
    private readonly announce: (message: string) => void,
    /** The element that scrolls the grid: the drawn rows follow its scrolling. */
    private readonly scroller: HTMLElement,
  ) {
    this.merges = mergeLayout(sheet);
    const spacer = () =>
      h(
        'tr',
        { class: 'grid-spacer', 'aria-hidden': 'true' },
        h('td', { colspan: sheet.columns + 1 }),
      );
    this.topSpacer = spacer();
    this.bottomSpacer = spacer();
    this.body = h('tbody');
    this.table = this.build();
    this.drawFrom(this.frozenRows());
    this.element = h('div', { class: 'grid-scroll' }, this.table);
    this.table.addEventListener('keydown', (event) => this.onKey(event));
    this.table.addEventListener('click', (event) => {
      const td = (event.target as Element).closest<HTMLElement>('td[data-cell]');
      if (!td || this.editing?.input === event.target) return;
      const position = { row: Number(td.dataset.row), col: Number(td.dataset.col) };
      this.workbook.select(position);
      if (this.workbook.editable(this.sheet, position)) this.startEdit(position);
    });
    scroller.addEventListener('scroll', () => this.onScroll(), {
      passive: true,
      signal: this.listening.signal,
    });
  }

  /** Stops following the scroller: the grid is no longer shown. */
  dispose(): void {
    this.listening.abort();
  }

  private frozenRows(): number {
    return Math.min(this.sheet.frozen.rows, this.sheet.rows);
  }

  /** How many rows after the frozen ones are drawn at a time. */
  private get windowRows(): number {
    const rows = this.sheet.rows - this.frozenRows();
    return rows <= WHOLE_SHEET_ROWS ? rows : WINDOW_ROWS;
  }

  private build(): HTMLTableElement {
    const { sheet } = this;
    const columns = Array.from({ length: sheet.columns }, (_, col) => col);
    const colgroup = h(
      'colgroup',
      {},
      withWidth(h('col'), ROW_HEADER_WIDTH),
      ...columns.map((col) => withWidth(h('col'), columnWidth(sheet, col))),
    );
    const head = h(
      'thead',
      {},
      h(
        'tr',
        { 'aria-rowindex': 1 },
        h('td', { class: 'corner' }),
        ...columns.map((col) => h('th', { scope: 'col' }, columnName(col))),
      ),
    );
    for (let row = 0; row < this.frozenRows(); row++) this.body.append(this.buildRow(row));
    // A fixed-layout table takes its column widths only when its own width is their sum.
    const width = ROW_HEADER_WIDTH + columns.reduce((sum, col) => sum + columnWidth(sheet, col), 0);
    return withWidth(
      h(
        'table',
        {
          role: 'grid',
          'aria-label': sheet.name,
          'aria-rowcount': sheet.rows + 1,
          class: 'grid',
        },
        colgroup,
        head,
        this.body,
      ),
      width,
    );
  }

  /** The row element of sheet row `row`, its cells remembered in `tds`. */
  private buildRow(row: number): HTMLTableRowElement {
    const { sheet } = this;
    const { spans, covered } = this.merges;
    const tr = h('tr', { 'aria-rowindex': row + 2 }, h('th', { scope: 'row' }, String(row + 1)));
    const line: (HTMLTableCellElement | undefined)[] = [];
    for (let col = 0; col < sheet.columns; col++) {
      if (covered.has(`${row},${col}`)) continue;
      const span = spans.get(`${row},${col}`);
      const planCell = sheet.cells[row]?.[col];
      const td = h('td', {
        'data-cell': cellRef(row, col),
        'data-row': row,
        'data-col': col,
        tabindex: -1,
        colspan: span && span.cols > 1 ? span.cols : undefined,
        rowspan: span && span.rows > 1 ? span.rows : undefined,
        'aria-readonly': this.workbook.editable(sheet, { row, col }) ? undefined : 'true',
        title: planCell?.note,
      });
      if (planCell?.input) td.classList.add('input');
      line[col] = td;
      tr.append(td);
    }
    this.tds.set(row, line);
    // A table row's height is its least: a row whose text needs more still grows, as in Sheets.
    const height = sheet.rowHeights?.find((set) => set.row === row)?.height;
    if (height !== undefined) tr.style.height = `${height}px`;
    return tr;
  }

  /**
   * Draws the window of rows starting at `first` (kept within the sheet) in place of the last
   * one, after the frozen rows, between spacers for the rows above and below it (only where
   * there are such rows, so a sheet drawn whole has one table row per sheet row).
   */
  private drawFrom(first: number): void {
    const frozen = this.frozenRows();
    const start = Math.max(frozen, Math.min(first, this.sheet.rows - this.windowRows));
    const end = Math.min(this.sheet.rows, start + this.windowRows);
    if (start === this.first && end === this.end) return;
    for (let row = this.first; row < this.end; row++) this.tds.delete(row);
    while (this.body.rows.length > frozen) this.body.lastElementChild!.remove();
    this.drawn = [];
    for (let row = start; row < end; row++) this.drawn.push(this.buildRow(row));
    this.first = start;
    this.end = end;
    if (start > frozen) this.body.append(this.topSpacer);
    this.body.append(...this.drawn);
    if (end < this.sheet.rows) this.body.append(this.bottomSpacer);
    this.sizeSpacers();
  }

  /** Gives the spacers the height of the rows they stand for. */
  private sizeSpacers(): void {
    this.topSpacer.style.height = `${(this.first - this.frozenRows()) * this.rowHeight}px`;
    this.bottomSpacer.style.height = `${(this.sheet.rows - this.end) * this.rowHeight}px`;
  }

  /** Learns the drawn rows' height once the table is on screen, for the spacers. */
  private measureRows(): void {
    const firstRow = this.drawn[0];
    const lastRow = this.drawn[this.drawn.length - 1];
    // Only a sheet drawn in part has spacers to size.
    const partial = this.topSpacer.isConnected || this.bottomSpacer.isConnected;
    if (!firstRow || !lastRow || !partial) return;
    const height =
      (lastRow.getBoundingClientRect().bottom - firstRow.getBoundingClientRect().top) /
      this.drawn.length;
    if (height > 0 && Math.abs(height - this.rowHeight) > 0.01) {
      this.rowHeight = height;
      this.sizeSpacers();
    }
  }

  /** After scrolling (once per frame): draws the rows around the view when it nears the window's edge. */
  private onScroll(): void {
    if (this.scrollPending) return;
    this.scrollPending = true;
    requestAnimationFrame(() => {
      this.scrollPending = false;
      if (this.listening.signal.aborted) return;
      const frozen = this.frozenRows();
      const top = frozen + Math.floor(this.scroller.scrollTop / this.rowHeight);
      const shown = Math.ceil(this.scroller.clientHeight / this.rowHeight);
      // Redrawn when less than half a screen of drawn rows is left above or below the view.
      const margin = Math.ceil(shown / 2);
      const nearTop = top - margin < this.first && this.first > frozen;
      const nearEnd = top + shown + margin > this.end && this.end < this.sheet.rows;
      if (!nearTop && !nearEnd) return;
      // The focused cell may leave the drawn rows (the arrow keys scroll it into view): the grid
      // keeps the focus. An edited cell's entry is stored (or dropped) as on leaving it.
      const hadFocus = this.table.contains(document.activeElement);
      this.commit(false);
      this.drawFrom(top - Math.floor((this.windowRows - shown) / 2));
      this.refresh();
      if (hadFocus && !this.table.contains(document.activeElement))
        this.tabStop()?.focus({ preventScroll: true });
    });
  }

  /**
   * Redraws every drawn cell from the workbook, first drawing the rows around the selection when
   * it lies outside them, and moves the focus with the selection.
   */
  refresh(): void {
    const hadFocus = this.table.contains(document.activeElement) && !this.editing;
    const selection = this.workbook.selection;
    if (selection && !this.tds.has(selection.row))
      this.drawFrom(selection.row - Math.floor(this.windowRows / 2));
    const tabStop = this.tabStop();
    this.tds.forEach((line, row) =>
      line.forEach((td, col) => td && this.refreshCell(td, { row, col }, tabStop)),
    );
    if (hadFocus) tabStop?.focus();
    this.freezePanes();
    this.measureRows();
  }

  private refreshCell(
    td: HTMLTableCellElement,
    position: CellPosition,
    tabStop = this.tabStop(),
  ): void {
    const { sheet } = this;
    const planCell = sheet.cells[position.row]?.[position.col];
    const value = this.workbook.value(sheet.name, position);
    const text = displayText(value, formatAt(sheet, position), sheet.lang);
    const status = sheet.conditionalFormats.find(
      (rule) => rule.equals === text && this.inRange(rule.range, position),
    );
    const style = {
      ...(planCell ? styleOf(planCell) : {}),
      ...(status ? STATUS_STYLES[status.role] : {}),
    };
    applyStyle(td, style, value);
    td.dataset.raw = JSON.stringify(value);
    td.classList.toggle('error', typeof value === 'object' && value !== null);
    // Like a spreadsheet, text runs on over an empty neighbour instead of being cut.
    const next = this.workbook.value(sheet.name, { row: position.row, col: position.col + 1 });
    td.classList.toggle('spill', typeof value === 'string' && (next === null || next === ''));
    const selection = this.workbook.selection;
    const selected = selection?.row === position.row && selection.col === position.col;
    td.classList.toggle('selected', selected);
    td.setAttribute('aria-selected', String(selected));
    // One tab stop for the whole grid (roving tabindex); arrow keys move within it.
    td.tabIndex = td === tabStop ? 0 : -1;
    if (this.editing?.position.row !== position.row || this.editing.position.col !== position.col)
      td.textContent = text;
  }

  private inRange(range: string, { row, col }: CellPosition): boolean {
    const r = parseRange(range);
    return row >= r.row1 && row <= r.row2 && col >= r.col1 && col <= r.col2;
  }

  /** The grid's one tab stop: the selected cell (its merge's anchor) when drawn, else the first drawn cell. */
  private tabStop(): HTMLTableCellElement | undefined {
    const selection = this.workbook.selection;
    const selected = selection && this.anchorOf(selection);
    if (selected) return selected;
    const first = this.tds.values().next().value ?? [];
    return first.find((td) => td !== undefined);
  }

  /** The element showing a cell: itself, or the merge anchor left of it (plan merges span one row). */
  private anchorOf({ row, col }: CellPosition): HTMLTableCellElement | undefined {
    for (let c = col; c >= 0; c--) {
      const td = this.tds.get(row)?.[c];
      if (td) return td;
    }
    return undefined;
  }

  /** Sticks the frozen rows under the column letters and the frozen columns beside the row numbers. */
  private freezePanes(): void {
    const headerHeight = this.table.tHead!.getBoundingClientRect().height;
    let top = headerHeight;
    for (let row = 0; row < this.sheet.frozen.rows; row++) {
      const tr = this.table.tBodies[0]!.rows[row];
      if (!tr) break;
      for (const cell of Array.from(tr.cells)) {
        cell.classList.add('frozen-row');
        cell.style.top = `${top}px`;
      }
      top += tr.getBoundingClientRect().height;
    }
    let left = ROW_HEADER_WIDTH;
    for (let col = 0; col < this.sheet.frozen.columns; col++) {
      for (const line of this.tds.values()) {
        const td = line[col];
        if (!td) continue;
        td.classList.add('frozen-column');
        td.style.left = `${left}px`;
      }
      left += columnWidth(this.sheet, col);
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editing) return;
    const selection = this.workbook.selection ?? { row: 0, col: 0 };
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const row = Math.min(Math.max(selection.row + move.row, 0), this.sheet.rows - 1);
      const col = Math.min(Math.max(selection.col + move.col, 0), this.sheet.columns - 1);
      this.workbook.select({ row, col });
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit(selection);
    } else if (event.key === 'Delete') {
      const result = this.workbook.enter(selection, '');
      if (!result.ok) this.announce(result.message);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(selection, event.key);
    }
  }

  /** Opens an editor in the cell, starting from its formula or value (Enter, click) or the key typed. */
  private startEdit(position: CellPosition, typed?: string): void {
    const { sheet } = this;
    if (!this.workbook.editable(sheet, position)) {
      this.announce(previewText(sheet.lang, 'locked'));
      return;
    }
    const td = this.anchorOf(position);
    if (!td || this.editing) return;
    const format = formatAt(sheet, position);
    const input = h('input', {
      type: 'text',
      class: 'cell-editor',
      'aria-label': previewText(sheet.lang, 'edit', cellRef(position.row, position.col)),
    });
    const original =
      this.workbook.formula(sheet.name, position) ??
      editText(this.workbook.value(sheet.name, position), format, sheet.lang);
    input.value = typed ?? original;
    this.editing = { position, input, original };
    td.replaceChildren(input);
    input.focus();
    if (typed === undefined) input.select();
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter' || event.key === 'Tab') {
        if (event.key === 'Enter') event.preventDefault();
        this.commit(event.key === 'Enter');
      } else if (event.key === 'Escape') {
        this.close(true);
      }
    });
    input.addEventListener('blur', () => {
      if (this.editing?.input === input) this.commit(false);
    });
  }

  /**
   * Stores the typed text; a refused entry keeps the editor open on Enter and is dropped on
   * leaving. Unchanged text writes nothing, so a formula stays a formula and a value keeps its precision.
   */
  private commit(stayOnRefusal: boolean): void {
    const editing = this.editing;
    if (!editing) return;
    const result =
      editing.input.value === editing.original
        ? ({ ok: true } as const)
        : this.workbook.enter(editing.position, editing.input.value);
    if (result.ok) {
      this.announce('');
      this.close(stayOnRefusal);
      return;
    }
    this.announce(result.message);
    if (stayOnRefusal) editing.input.setAttribute('aria-invalid', 'true');
    else this.close(false);
  }

  private close(refocus: boolean): void {
    const editing = this.editing;
    if (!editing) return;
    this.editing = null;
    const td = this.anchorOf(editing.position);
    if (td) {
      this.refreshCell(td, editing.position);
      if (refocus) td.focus();
    }
  }
}
