// Finds blocks of cells computing the same thing over shifted references: one spilling call in KPI-functions mode, one line in docs/formulas.md.
import { getFunction } from '../registry/index';
import { cellRef, parseRange, rangeRef } from './a1';
import { renderFormula, type FormulaStyle } from './formulas';
import type { Calc, DataCriterion, PlanCell, SheetPlan } from './plan';

/**
 * A rectangle of cells (zero-based, inclusive) whose computations are the top-left cell's with
 * its references shifted: `moves[i]` says whether the i-th reference shifts with the cell
 * (otherwise it is the same cell everywhere, such as a tolerance).
 */
export interface CalcBlock {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
  moves: readonly boolean[];
}

/** The keys under which a Calc holds references; every other string in it is text. */
const REF_KEYS = new Set([
  'ref',
  'a',
  'b',
  'range',
  'guard',
  'refs',
  'total',
  'parts',
  'unlessBlank',
]);

/**
 * `calc` with every reference (cell or range) replaced by `f(reference)`, visited in a fixed
 * order; texts, labels and literals are kept.
 */
function mapRefs(calc: Calc, f: (ref: string) => string): Calc {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(calc)) {
    if (key === 'then' || key === 'otherwise') out[key] = mapRefs(value as Calc, f);
    else if (key === 'args')
      out[key] = (value as unknown[]).map((arg) =>
        typeof arg === 'string'
          ? f(arg)
          : typeof arg === 'object' && arg !== null
            ? { ...arg, ref: f((arg as { ref: string }).ref) }
            : arg,
      );
    else if (key === 'criteria')
      // A data-sheet criterion may compare with a cell of this sheet (a month, a source name).
      out[key] = (value as DataCriterion[]).map((criterion) =>
        criterion.ref === undefined ? criterion : { ...criterion, ref: f(criterion.ref) },
      );
    else if (REF_KEYS.has(key) && typeof value === 'string') out[key] = f(value);
    else if (REF_KEYS.has(key) && Array.isArray(value))
      out[key] = value.map((ref) => f(ref as string));
    else out[key] = value;
  }
  return out as Calc;
}

/** The references of `calc`, in the order `mapRefs` visits them. */
function refsOf(calc: Calc): string[] {
  const refs: string[] = [];
  mapRefs(calc, (ref) => (refs.push(ref), ref));
  return refs;
}

/** What two computations must share to be one block: everything but where their references point. */
function shapeOf(calc: Calc): string {
  return JSON.stringify(mapRefs(calc, (ref) => (ref.includes(':') ? '#range' : '#cell')));
}

/** `ref` (a cell or a range) moved down `rows` and right `cols`. */
function shifted(ref: string, rows: number, cols: number): string {
  const r = parseRange(ref);
  const moved = rangeRef(r.row1 + rows, r.col1 + cols, r.row2 + rows, r.col2 + cols);
  return ref.includes(':') && !moved.includes(':') ? `${moved}:${moved}` : moved;
}

interface Candidate {
  shape: string;
  refs: string[];
  role: PlanCell['role'];
}

/**
 * Blocks covering every cell `eligible` accepts, greedily from the top left: a block grows
 * from its first cell along a row, then down (or down first, then along: whichever covers
 * more), over cells of the same role whose computations are its first cell's shifted. A cell
 * that matches no neighbour is a block of its own.
 */
export function calcBlocks(
  cells: readonly (readonly (PlanCell | null)[])[],
  eligible: (cell: PlanCell) => boolean,
): CalcBlock[] {
  const candidates = cells.map((line) =>
    line.map((cell): Candidate | null =>
      cell?.calc && eligible(cell)
        ? { shape: shapeOf(cell.calc), refs: refsOf(cell.calc), role: cell.role }
        : null,
    ),
  );
  const taken = cells.map((line) => line.map(() => false));

  /** Grows a block from (row, col), along a row first or down a column first. */
  function grow(row: number, col: number, rowFirst: boolean): CalcBlock & { area: number } {
    const anchor = candidates[row]![col]!;
    let classes: (boolean | undefined)[] = anchor.refs.map(() => undefined);
    /** Whether cell (r, c) is the anchor shifted, under classes settled so far (updated in `next`). */
    const fits = (r: number, c: number, next: (boolean | undefined)[]): boolean => {
      const other = candidates[r]?.[c];
      if (!other || taken[r]![c] || other.shape !== anchor.shape || other.role !== anchor.role)
        return false;
      return anchor.refs.every((ref, i) => {
        const same = other.refs[i] === ref;
        const moved = other.refs[i] === shifted(ref, r - row, c - col);
        if (next[i] === undefined && (same || moved)) next[i] = moved;
        return next[i] ? moved : same;
      });
    };
    /** Whether every cell of the line fits; settles the classes only when all do. */
    const lineFits = (positions: [number, number][]): boolean => {
      const next = [...classes];
      if (!positions.every(([r, c]) => fits(r, c, next))) return false;
      classes = next;
      return true;
    };
    let height = 1;
    let width = 1;
    const column = (c: number) =>
      Array.from({ length: height }, (_, i): [number, number] => [row + i, c]);
    const line = (r: number) =>
      Array.from({ length: width }, (_, i): [number, number] => [r, col + i]);
    if (rowFirst) {
      while (lineFits([[row, col + width]])) width++;
      while (lineFits(line(row + height))) height++;
    } else {
      while (lineFits([[row + height, col]])) height++;
      while (lineFits(column(col + width))) width++;
    }
    return {
      row1: row,
      col1: col,
      row2: row + height - 1,
      col2: col + width - 1,
      moves: classes.map((moves) => moves === true),
      area: height * width,
    };
  }

  const blocks: CalcBlock[] = [];
  candidates.forEach((line, row) =>
    line.forEach((candidate, col) => {
      if (!candidate || taken[row]![col]) return;
      const along = grow(row, col, true);
      const down = grow(row, col, false);
      const { row1, col1, row2, col2, moves } = down.area > along.area ? down : along;
      const block = { row1, col1, row2, col2, moves };
      for (let r = block.row1; r <= block.row2; r++)
        for (let c = block.col1; c <= block.col2; c++) taken[r]![c] = true;
      blocks.push(block);
    }),
  );
  return blocks;
}

/**
 * Whether one call over ranges computes `calc` for a whole block, element by element: a
 * registry function taking each argument cell by cell (not a data set), over single cells,
 * or a choice between two such calls.
 */
function spillable(calc: Calc): boolean {
  if (calc.kind === 'ifText') return spillable(calc.then) && spillable(calc.otherwise);
  if (calc.kind === 'unlessZero') return spillable(calc.then);
  if (calc.kind !== 'call' || calc.guard !== undefined) return false;
  if (getFunction(calc.fn)?.mode !== 'each') return false;
  return calc.args.every((arg) => typeof arg !== 'string' || !arg.includes(':'));
}

/** The block's computation with every moving reference widened to the range it covers. */
function overRanges(calc: Calc, block: CalcBlock): Calc {
  const rows = block.row2 - block.row1;
  const cols = block.col2 - block.col1;
  let i = 0;
  return mapRefs(calc, (ref) => (block.moves[i++] ? `${ref}:${shifted(ref, rows, cols)}` : ref));
}

/** Whether a range the block reads overlaps the block itself (a spill would read its own result). */
function readsItself(calc: Calc, block: CalcBlock): boolean {
  const own = { row1: block.row1, col1: block.col1, row2: block.row2, col2: block.col2 };
  return refsOf(overRanges(calc, block)).some((ref) => {
    const r = parseRange(ref);
    return r.row1 <= own.row2 && own.row1 <= r.row2 && r.col1 <= own.col2 && own.col1 <= r.col2;
  });
}

/**
 * Whether Sheets needs ARRAYFORMULA to evaluate the spilled formula over arrays: anything but a
 * bare function call on references and literals (a comparison, IF or SUBSTITUTE around it).
 */
function needsArrayFormula(calc: Calc): boolean {
  if (calc.kind !== 'call') return true;
  return calc.statusLabels !== undefined || calc.args.some((arg) => typeof arg === 'object');
}

/** The formula of a block's first cell computing the whole block as one spilling array. */
export function renderSpilledFormula(calc: Calc, block: CalcBlock, style: FormulaStyle): string {
  const wide = overRanges(calc, block);
  const formula = renderFormula(wide, style);
  // Excel 365 evaluates every formula over arrays; Sheets (the unprefixed form) only inside ARRAYFORMULA.
  return style.prefix === '' && needsArrayFormula(wide)
    ? `=ARRAYFORMULA(${formula.slice(1)})`
    : formula;
}

/**
 * The plan with each row, column or rectangle of the same KPI call over shifted references
 * written as one call over ranges in its first cell, whose result spills over the others
 * (KPI-functions mode only: a Sheets funnel of 24 periods makes a handful of custom-function
 * calls instead of 150). The covered cells keep their style, format and `calc` (what they
 * show, for `evaluatePlan`) but no formula. Portable plans are returned as they are: native
 * formulas stay one per cell, as spills do not work in older Excel or LibreOffice.
 */
export function spillRepeatedCalls(plan: SheetPlan, style: FormulaStyle): SheetPlan {
  if (style.mode !== 'functions') return plan;
  const cells = plan.cells.map((line) => [...line]);
  for (const block of calcBlocks(plan.cells, (cell) => spillable(cell.calc!))) {
    if (block.row1 === block.row2 && block.col1 === block.col2) continue;
    const anchor = cells[block.row1]![block.col1]!;
    const calc = anchor.calc!;
    if (readsItself(calc, block)) continue;
    const spill = rangeRef(block.row1, block.col1, block.row2, block.col2);
    const from = cellRef(block.row1, block.col1);
    for (let r = block.row1; r <= block.row2; r++)
      for (let c = block.col1; c <= block.col2; c++) {
        const covered: PlanCell = { ...cells[r]![c]!, spilledFrom: from };
        delete covered.formula;
        cells[r]![c] = covered;
      }
    cells[block.row1]![block.col1] = {
      ...anchor,
      formula: renderSpilledFormula(calc, block, style),
      spill,
    };
  }
  return { ...plan, cells };
}
