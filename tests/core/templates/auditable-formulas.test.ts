// Formulas an analyst can audit (templates.md): literals folded, no hidden tolerance or magic number, references to labelled cells.
import { describe, expect, it } from 'vitest';
import { t } from '../../../core/i18n/index';
import { getFunction } from '../../../core/registry/index';
import {
  FORMULA_MODES,
  LANGS,
  TEMPLATE_IDS,
  buildPlan,
  cellRef,
  parseCell,
  parseRange,
  type Calc,
  type PlanCell,
  type SheetPlan,
} from '../../../core/templates/index';

const variants = TEMPLATE_IDS.flatMap((id) =>
  FORMULA_MODES.flatMap((mode) => LANGS.map((lang) => [id, mode, lang] as const)),
);

/** The plan with and without example data (inputs filled or blank). */
function plans(id: string, mode: string, lang: string): SheetPlan[] {
  return [true, false].map((example) => {
    const built = buildPlan(
      id,
      { mode, lang, example },
      { startMonth: '2026-01' },
      { functionPrefix: 'KPI.' },
    );
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    return built.plan;
  });
}

/** A formula without its quoted texts, so only what it computes is searched. */
const withoutTexts = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');

/** Every registry call in a computation, its choices' included. */
function callsIn(calc: Calc): Extract<Calc, { kind: 'call' }>[] {
  if (calc.kind === 'call') return [calc];
  return calc.kind === 'ifText' ? [...callsIn(calc.then), ...callsIn(calc.otherwise)] : [];
}

/** Every cell reference a computation reads, ranges expanded to their corners' rectangle. */
function cellsRead(calc: Calc): string[] {
  const refs: string[] = [];
  JSON.stringify(calc, (key, value: unknown) => {
    if (typeof value === 'string' && /^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(value) && key !== 'equals')
      refs.push(value);
    return value;
  });
  return refs.flatMap((ref) => {
    const r = parseRange(ref);
    const cells: string[] = [];
    for (let row = r.row1; row <= r.row2; row++)
      for (let col = r.col1; col <= r.col2; col++) cells.push(cellRef(row, col));
    return cells;
  });
}

/** The formula that computes a cell: its own, or the spilling formula of the cell it is part of. */
function formulaOf(p: SheetPlan, cell: PlanCell): string {
  if (cell.formula !== undefined) return cell.formula;
  const { row, col } = parseCell(cell.spilledFrom!);
  return p.cells[row]![col]!.formula!;
}

/** A cell a reader can name: text to its left in its row, or a column header above it. */
function labelled(p: SheetPlan, row: number, col: number): boolean {
  const text = (cell: PlanCell | null | undefined) =>
    typeof cell?.value === 'string' && !cell.input;
  if (p.cells[row]!.slice(0, col).some(text)) return true;
  return p.cells.slice(0, row).some((line) => line[col]?.role === 'header');
}

const TOLERANCE = getFunction('KPI_STATUS')!.params.find((p) => p.name === 'tolerance')!;

describe.each(variants)('%s (%s, %s)', (id, mode, lang) => {
  const [withExample, blank] = plans(id, mode, lang);
  const cells = (p: SheetPlan) =>
    p.cells.flatMap((line, row) =>
      line.flatMap((cell, col) => (cell?.calc ? [{ row, col, cell }] : [])),
    );

  it('folds literals: no IF(TRUE()…) or IF(FALSE()…) and no long decimal constants', () => {
    for (const p of [withExample!, blank!])
      for (const { cell } of cells(p)) {
        const formula = withoutTexts(formulaOf(p, cell));
        expect(formula, formula).not.toMatch(/IF\((TRUE|FALSE)\(\)/);
        // 0.999999999999, 1.000000000001, 0.045000000000000005: slack or float noise, not a KPI's figure.
        expect(formula, formula).not.toMatch(/\d\.\d{5,}/);
      }
  });

  it('reads every status’s tolerance from the sheet’s labelled tolerance cell, never a hidden constant', () => {
    const label = t(lang, 'status.tolerance', { atRisk: t(lang, 'status.atRisk') });
    for (const p of [withExample!, blank!])
      for (const { cell } of cells(p))
        for (const call of callsIn(cell.calc!)) {
          if (call.fn !== 'KPI_STATUS') continue;
          const ref = call.args[3];
          expect(typeof ref, `${id}: a status without a tolerance cell`).toBe('string');
          const { row, col } = parseCell(ref as string);
          const input = p.cells[row]![col]!;
          expect(input.input).toBe(true);
          expect(p.cells[row]![col - 1]?.value).toBe(label);
          // A setting, filled even without example data: the function's own default.
          expect(input.value).toBe(TOLERANCE.default);
          const formula = withoutTexts(formulaOf(p, cell));
          expect(formula).toMatch(new RegExp(`(?<![A-Z])${ref}(?!\\d)`));
          // What is left once the tolerance cell (and its blank fallback) is read: no decimal figure.
          const rest = formula.replace(
            new RegExp(`IF\\(${ref}="",[\\d.]+,${ref}\\)`, 'g'),
            ref as string,
          );
          expect(rest, formula).not.toMatch(/(?<![A-Z\d])\d*\.\d+/);
        }
  });

  it('references only cells a reader can name by a label or a column header', () => {
    const unlabelled = new Set<string>();
    for (const { cell } of cells(withExample!))
      for (const ref of cellsRead(cell.calc!)) {
        const { row, col } = parseCell(ref);
        if (!labelled(withExample!, row, col)) unlabelled.add(ref);
      }
    expect([...unlabelled]).toEqual([]);
  });
});
