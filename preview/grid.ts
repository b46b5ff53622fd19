// Shows one preview sheet as an accessible, keyboard-usable HTML grid whose editable cells are typed into in place.
import { cellRef, columnName, parseRange } from '../core/templates/a1';
import { STATUS_STYLES, styleOf, type CellStyle } from '../core/templates/theme';
import { h } from '../core/ui/dom';
import { previewText } from './messages';
import { displayText, type EngineValue } from './number-format';
import { editText } from './typed-input';
import type { CellPosition, PreviewSheet, PreviewWorkbook } from './workbook';

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
  td.style.borderBottom = style.borderBottom ? `1px solid ${style.borderBottom}` : '';
}

/** The grid of one sheet; `refresh` redraws values, styles and the selection from the workbook. */
export class SheetGrid {
  /** The scrolling container holding the table. */
  readonly element: HTMLElement;
  private readonly table: HTMLTableElement;
  /** The cell elements by position; undefined where a merge covers the cell. */
  private readonly tds: (HTMLTableCellElement | undefined)[][] = [];
  /** The open editor and the cell's content when it opened, so an unchanged edit writes nothing. */
  private editing: { position: CellPosition; input: HTMLInputElement; original: string } | null =
    null;

  constructor(
    private readonly workbook: PreviewWorkbook,
    private readonly sheet: PreviewSheet,
    /** Tells the user something (a refused entry) through the page's live region. */
    private readonly announce: (message: string) => void,
  ) {
    this.table = this.build();
    this.element = h('div', { class: 'grid-scroll' }, this.table);
    this.table.addEventListener('keydown', (event) => this.onKey(event));
    this.table.addEventListener('click', (event) => {
      const td = (event.target as Element).closest<HTMLElement>('td[data-cell]');
      if (!td || this.editing?.input === event.target) return;
      const position = { row: Number(td.dataset.row), col: Number(td.dataset.col) };
      this.workbook.select(position);
      if (this.workbook.editable(this.sheet, position)) this.startEdit(position);
    });
  }

  private build(): HTMLTableElement {
    const { sheet } = this;
    const spans = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const merge of sheet.merges) {
      const r = parseRange(merge);
      spans.set(`${r.row1},${r.col1}`, { rows: r.row2 - r.row1 + 1, cols: r.col2 - r.col1 + 1 });
      for (let row = r.row1; row <= r.row2; row++)
        for (let col = r.col1; col <= r.col2; col++)
          if (row !== r.row1 || col !== r.col1) covered.add(`${row},${col}`);
    }
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
        {},
        h('td', { class: 'corner' }),
        ...columns.map((col) => h('th', { scope: 'col' }, columnName(col))),
      ),
    );
    const body = h('tbody');
    for (let row = 0; row < sheet.rows; row++) {
      const tr = h('tr', {}, h('th', { scope: 'row' }, String(row + 1)));
      this.tds[row] = [];
      for (const col of columns) {
        if (covered.has(`${row},${col}`)) continue;
        const span = spans.get(`${row},${col}`);
        const position = { row, col };
        const td = h('td', {
          'data-cell': cellRef(row, col),
          'data-row': row,
          'data-col': col,
          tabindex: -1,
          colspan: span && span.cols > 1 ? span.cols : undefined,
          rowspan: span && span.rows > 1 ? span.rows : undefined,
          'aria-readonly': this.workbook.editable(sheet, position) ? undefined : 'true',
          title: sheet.cells[row]?.[col]?.note,
        });
        if (sheet.cells[row]?.[col]?.input) td.classList.add('input');
        this.tds[row]![col] = td;
        tr.append(td);
      }
      body.append(tr);
    }
    // A fixed-layout table takes its column widths only when its own width is their sum.
    const width = ROW_HEADER_WIDTH + columns.reduce((sum, col) => sum + columnWidth(sheet, col), 0);
    return withWidth(
      h('table', { role: 'grid', 'aria-label': sheet.name, class: 'grid' }, colgroup, head, body),
      width,
    );
  }

  /** Redraws every cell from the workbook and moves the focus with the selection. */
  refresh(): void {
    const hadFocus = this.table.contains(document.activeElement) && !this.editing;
    this.tds.forEach((line, row) =>
      line.forEach((td, col) => td && this.refreshCell(td, { row, col })),
    );
    if (hadFocus) this.selectedCell().focus();
    this.freezePanes();
  }

  private refreshCell(td: HTMLTableCellElement, position: CellPosition): void {
    const { sheet } = this;
    const planCell = sheet.cells[position.row]?.[position.col];
    const value = this.workbook.value(sheet.name, position);
    const text = displayText(value, planCell?.format, sheet.lang);
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
    td.tabIndex = td === this.selectedCell() ? 0 : -1;
    if (this.editing?.position.row !== position.row || this.editing.position.col !== position.col)
      td.textContent = text;
  }

  private inRange(range: string, { row, col }: CellPosition): boolean {
    const r = parseRange(range);
    return row >= r.row1 && row <= r.row2 && col >= r.col1 && col <= r.col2;
  }

  /** The element of the selected cell (of its merge's anchor), or the first cell. */
  private selectedCell(): HTMLTableCellElement {
    const selection = this.workbook.selection;
    return (selection && this.anchorOf(selection)) ?? this.tds[0]![0]!;
  }

  /** The element showing a cell: itself, or the merge anchor left of it (plan merges span one row). */
  private anchorOf({ row, col }: CellPosition): HTMLTableCellElement | undefined {
    for (let c = col; c >= 0; c--) {
      const td = this.tds[row]?.[c];
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
      for (const line of this.tds) {
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
    const format = sheet.cells[position.row]?.[position.col]?.format;
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
