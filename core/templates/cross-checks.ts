// Cross-cell validation: an input that is the part of another input (spec "part ≤ whole") may not exceed it.
import { getFunction } from '../registry/index';
import { cellRef, parseCell } from './a1';
import type { Calc, PlanCell, ValidationPlan } from './plan';

/** A step from one cell to another, so equal relations in different rows group into one range. */
interface Offset {
  rows: number;
  cols: number;
}

/** The inputs a cell is a part of (it may not exceed them), and the inputs that are parts of it. */
export interface PartWhole {
  wholes: Offset[];
  parts: Offset[];
}

type NumberRule = Extract<ValidationPlan['rule'], { type: 'number' }>;

/** The "part ≤ whole" calls of a computation, its `ifText` branches included. */
function partWholeCalls(calc: Calc): { part: string; whole: string }[] {
  if (calc.kind === 'ifText')
    return [...partWholeCalls(calc.then), ...partWholeCalls(calc.otherwise)];
  if (calc.kind !== 'call') return [];
  const spec = getFunction(calc.fn);
  const pair = spec?.mode === 'each' ? spec.partOfWhole : undefined;
  if (!pair) return [];
  const part = calc.args[pair.part];
  const whole = calc.args[pair.whole];
  // Literals, ranges and flags are no cells a user types a part or whole into.
  if (typeof part !== 'string' || typeof whole !== 'string') return [];
  if (part.includes(':') || whole.includes(':')) return [];
  return [{ part, whole }];
}

function addOnce(list: Offset[], offset: Offset): void {
  if (!list.some((o) => o.rows === offset.rows && o.cols === offset.cols)) list.push(offset);
}

/**
 * Per input cell ("row,col"), the part-whole relations the plan's formulas state between two
 * input cells: a count converted of a count received, satisfied of all responses, and so on.
 */
export function partWholeRelations(
  cells: readonly (readonly (PlanCell | null)[])[],
): Map<string, PartWhole> {
  const isInput = (ref: string) => {
    const { row, col } = parseCell(ref);
    return cells[row]?.[col]?.input === true;
  };
  const relations = new Map<string, PartWhole>();
  const relationOf = (row: number, col: number) => {
    const key = `${row},${col}`;
    let relation = relations.get(key);
    if (!relation) relations.set(key, (relation = { wholes: [], parts: [] }));
    return relation;
  };
  for (const line of cells)
    for (const cell of line) {
      if (!cell?.calc || cell.formula === undefined) continue;
      for (const { part, whole } of partWholeCalls(cell.calc)) {
        if (!isInput(part) || !isInput(whole)) continue;
        const p = parseCell(part);
        const w = parseCell(whole);
        addOnce(relationOf(p.row, p.col).wholes, { rows: w.row - p.row, cols: w.col - p.col });
        addOnce(relationOf(w.row, w.col).parts, { rows: p.row - w.row, cols: p.col - w.col });
      }
    }
  return relations;
}

/** A key that is equal for cells with the same relations to their neighbours. */
export function relationKey(relation: PartWhole): string {
  const offsets = (list: Offset[]) =>
    list
      .map((o) => `${o.rows}:${o.cols}`)
      .sort()
      .join(',');
  return `wholes ${offsets(relation.wholes)} parts ${offsets(relation.parts)}`;
}

/**
 * The custom rule of a number input with part-whole relations, for the cell at (row, col),
 * the top-left of its range: a number of the base rule's domain, not above any of its wholes
 * and not below any of its parts (a blank neighbour is no limit yet).
 */
export function partWholeRule(
  base: NumberRule,
  relation: PartWhole,
  row: number,
  col: number,
): ValidationPlan['rule'] {
  const self = cellRef(row, col);
  const other = (o: Offset) => cellRef(row + o.rows, col + o.cols);
  const conditions = [`ISNUMBER(${self})`];
  if (base.min !== undefined) conditions.push(`${self}>=${base.min}`);
  if (base.max !== undefined) conditions.push(`${self}<=${base.max}`);
  if (base.whole) conditions.push(`${self}=INT(${self})`);
  for (const whole of relation.wholes.map(other))
    conditions.push(`OR(${whole}="",${self}<=${whole})`);
  for (const part of relation.parts.map(other)) conditions.push(`OR(${part}="",${self}>=${part})`);
  return { type: 'custom', formula: `=AND(${conditions.join(',')})` };
}
