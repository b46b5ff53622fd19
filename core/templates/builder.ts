// Assembles a SheetPlan cell by cell for the template builders, then groups inputs into ranges.
import { KIND_DOMAINS, displayBounds, type ParamKind } from '../args/kinds';
import { t, type MessageKey } from '../i18n/index';
import { moneyFormat } from '../i18n/number-format';
import { getFunction } from '../registry/index';
import { cellRef, rangeRef } from './a1';
import { partWholeRelations, partWholeRule, relationKey } from './cross-checks';
import { renderFormula, type FormulaStyle } from './formulas';
import { fixedRowHeights, printPlan } from './print';
import type { TemplateId, TemplateOptions } from './options';
import {
  STATUS_TEXTS,
  type Calc,
  type CellValue,
  type ChartPlan,
  type ConditionalFormatPlan,
  type PlanCell,
  type SheetPlan,
  type StatusLabels,
  type StyleRole,
  type ValidationPlan,
} from './plan';
import { columnNeeds, fitWidths, wrapLines, type ColumnNeeds } from './measure';
import { sanitizeSheetName } from './sheet-name';
import { ROLE_STYLES } from './theme';

/** Excel's default column width in pixels: the least width of a column a template sets none for. */
const MIN_COLUMN_WIDTH = 64;
/** The longest line of a note, in pixels: narrower than every template's table and easy to read. */
const PARAGRAPH_WIDTH = 800;

/** What a template builder gets: the resolved options and the formula style. */
export interface BuildContext {
  options: TemplateOptions;
  style: FormulaStyle;
  /** The current month, "YYYY-MM": example actuals lie before it, plans (deadlines) after it. */
  currentMonth: string;
  /**
   * Names a template lists from the user's data rather than typing them in (the pipeline's
   * sources and owners, most deals first, from an import); absent for a template on its own.
   */
  names?: { sources: readonly string[]; owners: readonly string[] };
}

/**
 * What an input cell accepts: the domain of a registry parameter kind, a whole-number scale,
 * a choice from a list, or free text (names, labels: no validation).
 */
export type InputRule =
  | { kind: ParamKind }
  | { scale: { min: number; max: number } }
  | { list: readonly string[] }
  | 'text';

/** A validation (rule and help) keyed so equal neighbours merge into one range. */
interface PendingValidation {
  key: string;
  rule: ValidationPlan['rule'];
  help: string;
}

interface Run {
  row1: number;
  row2: number;
  col1: number;
  col2: number;
  key: string;
}

/**
 * Groups marked cells into rectangles: vertical runs of equal keys per column, then equal runs
 * side by side. `keyAt` gives a cell's key, undefined for an unmarked cell.
 */
function rectangles(
  keyAt: (row: number, col: number) => string | undefined,
  rows: number,
  cols: number,
): Run[] {
  const merged: Run[] = [];
  // Runs that may still grow to the right, by "row1,row2,key" of their last column.
  let open = new Map<string, Run>();
  for (let col = 0; col < cols; col++) {
    const next = new Map<string, Run>();
    let run: Run | null = null;
    const close = () => {
      if (!run) return;
      const id = `${run.row1},${run.row2},${run.key}`;
      const left = open.get(id);
      if (left) left.col2 = col;
      else merged.push(run);
      next.set(id, left ?? run);
    };
    for (let row = 0; row < rows; row++) {
      const key = keyAt(row, col);
      if (run && key === run.key) {
        run.row2 = row;
        continue;
      }
      close();
      run = key === undefined ? null : { row1: row, row2: row, col1: col, col2: col, key };
    }
    close();
    open = next;
  }
  return merged;
}

/** A mutable sheet under construction; positions are zero-based (row, column). */
export class SheetBuilder {
  private readonly cells: (PlanCell | undefined)[][] = [];
  /** Per input cell its validation, or null for free text; undefined where there is no input. */
  private readonly inputs: (PendingValidation | null | undefined)[][] = [];
  private readonly validationCache = new Map<string, PendingValidation | null>();
  private readonly merges: string[] = [];
  private readonly conditionalFormats: ConditionalFormatPlan[] = [];
  private readonly charts: ChartPlan[] = [];
  private widths: number[] = [];
  /** The same sheet's needs in the other languages, so its columns are alike in all of them. */
  private readonly alsoFit: ColumnNeeds[] = [];
  /** Paragraph lines to merge to the sheet's last column, known only when it is built. */
  private readonly paragraphLines: { row: number; col: number }[] = [];
  private frozen = { rows: 0, columns: 0 };
  private maxRow = 0;
  private maxCol = 0;

  constructor(readonly ctx: BuildContext) {}

  get options(): TemplateOptions {
    return this.ctx.options;
  }

  /** A text in the plan's language. */
  tr(key: MessageKey, params: Record<string, string | number> = {}): string {
    return t(this.options.lang, key, params);
  }

  /** KPI_STATUS's identifiers as this sheet shows them, in its language. */
  get statusLabels(): StatusLabels {
    return {
      onTrack: this.tr('status.onTrack'),
      atRisk: this.tr('status.atRisk'),
      offTrack: this.tr('status.offTrack'),
    };
  }

  /**
   * `calc` with every status call showing this sheet's texts; unchanged where they are the
   * identifiers themselves (English), so those formulas stay plain calls.
   */
  private localized(calc: Calc): Calc {
    if (calc.kind === 'ifText')
      return {
        ...calc,
        then: this.localized(calc.then),
        otherwise: this.localized(calc.otherwise),
      };
    if (calc.kind !== 'call' || getFunction(calc.fn)?.result !== 'status') return calc;
    const labels = this.statusLabels;
    const same = (Object.keys(STATUS_TEXTS) as (keyof StatusLabels)[]).every(
      (key) => labels[key] === STATUS_TEXTS[key],
    );
    return same ? calc : { ...calc, statusLabels: labels };
  }

  /** Whether a month lies before the current one: only such a month has example actuals. */
  isPast(year: number, month: number): boolean {
    const [nowYear, nowMonth] = this.ctx.currentMonth.split('-').map(Number) as [number, number];
    return year * 12 + month < nowYear * 12 + nowMonth;
  }

  /** The money format of the chosen currency. */
  get money(): string {
    return moneyFormat(this.options.lang, this.options.currency);
  }

  put(row: number, col: number, cell: PlanCell): void {
    (this.cells[row] ??= [])[col] = cell;
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
  }

  /** A literal (label, header, generated period); strings stay text. */
  value(
    row: number,
    col: number,
    value: CellValue,
    role?: StyleRole,
    format?: string,
    note?: string,
  ): void {
    this.put(row, col, { value, role, format, note });
  }

  /** A computed cell: the formula rendered from `calc` in the plan's mode. */
  calc(
    row: number,
    col: number,
    calc: Calc,
    format?: string,
    role: StyleRole = 'result',
    note?: string,
  ): void {
    const shown = this.localized(calc);
    this.put(row, col, {
      formula: renderFormula(shown, this.ctx.style),
      calc: shown,
      format,
      role,
      note,
    });
  }

  /**
   * An input cell holding `example` when example data is on (blank otherwise), validated by `rule`.
   * `keep` writes the value even without example data (published benchmarks, fixed questions).
   */
  input(
    row: number,
    col: number,
    example: CellValue | undefined,
    rule: InputRule,
    format?: string,
    options: { keep?: boolean; role?: StyleRole; note?: string } = {},
  ): void {
    const value = this.options.example || options.keep ? example : undefined;
    this.put(row, col, {
      value,
      format,
      role: options.role ?? 'body',
      input: true,
      note: options.note,
    });
    (this.inputs[row] ??= [])[col] = this.validationFor(rule);
  }

  /** The validation of a rule, made once per rule (templates have thousands of equal inputs). */
  private validationFor(rule: InputRule): PendingValidation | null {
    const key =
      rule === 'text'
        ? 'text'
        : 'list' in rule
          ? `list:${rule.list.join('|')}`
          : 'scale' in rule
            ? `scale:${rule.scale.min}:${rule.scale.max}`
            : `kind:${rule.kind}`;
    let validation = this.validationCache.get(key);
    if (validation === undefined) {
      validation = this.makeValidation(key, rule);
      this.validationCache.set(key, validation);
    }
    return validation;
  }

  private makeValidation(key: string, rule: InputRule): PendingValidation | null {
    if (rule === 'text') return null;
    if ('list' in rule)
      return {
        key,
        rule: { type: 'list', items: rule.list },
        help: this.tr('help.list', { items: rule.list.join(', ') }),
      };
    if ('scale' in rule) {
      const { min, max } = rule.scale;
      return {
        key,
        rule: { type: 'number', min, max, whole: true },
        help: this.tr('help.scale', { min, max }),
      };
    }
    const domain = KIND_DOMAINS[rule.kind];
    if (domain.isFlag) throw new Error('Flag inputs need a list rule');
    return {
      key,
      rule: domain.isDate
        ? { type: 'date' }
        : { type: 'number', min: domain.min, max: domain.max, whole: domain.integer ?? false },
      help: this.tr(`help.${rule.kind}` as MessageKey, displayBounds(rule.kind)),
    };
  }

  /**
   * The inputs' validations, equal neighbours grouped into ranges. A number input that is the
   * part or the whole of another input gets a custom rule that also compares it with them, so
   * a part above its whole is refused as it is typed.
   */
  private validations(cells: (PlanCell | null)[][], rows: number, cols: number): ValidationPlan[] {
    const relations = partWholeRelations(cells);
    const byKey = new Map<string, PendingValidation>();
    for (const v of this.validationCache.values()) if (v) byKey.set(v.key, v);
    const relationAt = (row: number, col: number) => {
      const v = this.inputs[row]?.[col];
      return v?.rule.type === 'number' ? relations.get(`${row},${col}`) : undefined;
    };
    const keyAt = (row: number, col: number) => {
      const v = this.inputs[row]?.[col];
      const relation = relationAt(row, col);
      return v && relation ? `${v.key}|${relationKey(relation)}` : v?.key;
    };
    return rectangles(keyAt, rows, cols).map((run): ValidationPlan => {
      const v = byKey.get(this.inputs[run.row1]![run.col1]!.key)!;
      const relation = relationAt(run.row1, run.col1);
      const range = rangeRef(run.row1, run.col1, run.row2, run.col2);
      if (!relation || v.rule.type !== 'number')
        return { range, rule: v.rule, help: v.help, reject: true };
      const help = [
        v.help,
        ...(relation.wholes.length > 0 ? [this.tr('help.notAboveWhole')] : []),
        ...(relation.parts.length > 0 ? [this.tr('help.notBelowParts')] : []),
      ].join(' ');
      const rule = partWholeRule(v.rule, relation, run.row1, run.col1);
      return { range, rule, help, reject: true };
    });
  }

  /** Title, purpose and (with example data) the example label in rows 1–3, merged across `width` columns. */
  heading(title: string, purpose: string, width: number): number {
    this.value(0, 0, title, 'title');
    this.value(1, 0, purpose, 'purpose');
    this.merge(0, 0, 0, width - 1);
    this.merge(1, 0, 1, width - 1);
    if (this.options.example) {
      this.value(2, 0, this.tr('common.exampleLabel'), 'example');
      this.merge(2, 0, 2, width - 1);
    }
    return 4;
  }

  /**
   * A note or source of one or more sentences, from (row, col) down: a sentence per line, none
   * wider than PARAGRAPH_WIDTH, so no host or print area cuts it at the sheet's edge and no row
   * needs a height fitted to wrapped text. Returns the row after its last line.
   */
  paragraph(
    row: number,
    col: number,
    text: string | readonly string[],
    role: StyleRole = 'note',
  ): number {
    const lines = typeof text === 'string' ? this.linesOf(text, role) : text;
    lines.forEach((line, i) => {
      this.value(row + i, col, line, role);
      // A role that wraps would fold the line inside its own column: it spans the sheet instead.
      if (ROLE_STYLES[role].wrap) this.paragraphLines.push({ row: row + i, col });
    });
    return row + lines.length;
  }

  /** The lines `paragraph` writes `text` in, to know beforehand how many rows it takes. */
  linesOf(text: string, role: StyleRole = 'note'): string[] {
    return wrapLines(text, ROLE_STYLES[role], PARAGRAPH_WIDTH);
  }

  /** A row of column headers starting at `col`. */
  headers(row: number, col: number, labels: readonly string[]): void {
    labels.forEach((label, i) => this.value(row, col + i, label, 'header'));
  }

  merge(row1: number, col1: number, row2: number, col2: number): void {
    if (row1 !== row2 || col1 !== col2) this.merges.push(rangeRef(row1, col1, row2, col2));
  }

  /** Colours On track / At risk / Off track in the range, as the sheet's language shows them. */
  statusColours(range: string): void {
    const labels = this.statusLabels;
    this.conditionalFormats.push(
      { range, equals: labels.onTrack, role: 'good' },
      { range, equals: labels.atRisk, role: 'neutral' },
      { range, equals: labels.offTrack, role: 'bad' },
    );
  }

  chart(chart: ChartPlan): void {
    this.charts.push(chart);
  }

  /**
   * The least width of each column, in pixels: room to type names and numbers. Columns widen
   * beyond it to fit their cells (measure.ts).
   */
  columnWidths(widths: readonly number[]): void {
    this.widths = [...widths];
  }

  freeze(rows: number, columns = 0): void {
    this.frozen = { rows, columns };
  }

  /** What the cells need of the column widths, texts in this sheet's language. */
  needs(): ColumnNeeds {
    const statusTexts = [...new Set(this.conditionalFormats.map((c) => c.equals))];
    const cols = Math.max(this.maxCol + 1, this.widths.length);
    return columnNeeds(this.cells, cols, this.merges, statusTexts, this.money);
  }

  /** Widens the columns also for `needs`: the same sheet built in another language. */
  fitAlso(needs: ColumnNeeds): void {
    this.alsoFit.push(needs);
  }

  /** The finished plan: a dense grid, inputs grouped into validation and unlocked ranges. */
  build(templateId: TemplateId, sheetName: string): SheetPlan {
    const rows = this.maxRow + 1;
    const cols = Math.max(this.maxCol + 1, this.widths.length);
    for (const { row, col } of this.paragraphLines) this.merge(row, col, row, cols - 1);
    const cells: (PlanCell | null)[][] = [];
    for (let row = 0; row < rows; row++) {
      const source = this.cells[row] ?? [];
      const line: (PlanCell | null)[] = new Array(cols);
      for (let col = 0; col < cols; col++) line[col] = source[col] ?? null;
      cells.push(line);
    }
    const inputAt = (row: number, col: number) => this.inputs[row]?.[col];
    const validations = this.validations(cells, rows, cols);
    const unlockedRanges = rectangles(
      (r, c) => (inputAt(r, c) === undefined ? undefined : 'input'),
      rows,
      cols,
    ).map((r) => rangeRef(r.row1, r.col1, r.row2, r.col2));
    const minimums = Array.from({ length: cols }, (_, i) => this.widths[i] ?? MIN_COLUMN_WIDTH);
    const columnWidths = fitWidths(minimums, [this.needs(), ...this.alsoFit]);
    const rowHeights = fixedRowHeights(cells, this.merges, columnWidths);
    const { merges, charts } = this;
    return {
      templateId,
      options: this.options,
      sheetName: sanitizeSheetName(sheetName),
      cells,
      lastCell: cellRef(rows - 1, cols - 1),
      columnWidths,
      rowHeights,
      frozen: this.frozen,
      merges,
      validations,
      conditionalFormats: this.conditionalFormats,
      protection: { enabled: this.options.protect, unlockedRanges },
      charts,
      print: printPlan({ cells, columnWidths, rowHeights, merges, charts }),
    };
  }
}
