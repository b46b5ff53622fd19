// docs/formulas.md is generated from the catalogue, kept up to date, and shows every formula cell of every template in both modes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TEMPLATE_IDS,
  buildPlan,
  cellRef,
  parseRange,
  type FormulaMode,
} from '../core/templates/index';
import { FORMULAS_DOC_PATH, renderFormulaReference } from '../scripts/docs/formulas';

const doc = readFileSync(FORMULAS_DOC_PATH, 'utf8');

/** The table rows of a template's section: cells, and the two formulas as written. */
function sectionRows(id: string): { cells: string; portable: string; functions: string }[] {
  const start = doc.indexOf(`(\`${id}\`)\n`);
  expect(start, `docs/formulas.md has a section for ${id}`).toBeGreaterThan(0);
  const end = doc.indexOf('\n## ', start);
  return doc
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => /^\| [A-Z]+\d+/.test(line))
    .map((line) => {
      const [cells, , portable, functions] = line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((part) => part.replace(/\\\|/g, '|'));
      return { cells: cells!, portable: portable!, functions: functions! };
    });
}

const plan = (id: string, mode: FormulaMode) => {
  const built = buildPlan(
    id,
    { mode },
    { lang: 'en', currency: 'EUR', startMonth: '2026-01' },
    { functionPrefix: 'KPI.' },
  );
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.plan;
};

describe('docs/formulas.md', () => {
  it('is up to date with the catalogue (run npm run docs)', () => {
    expect(doc === renderFormulaReference(), 'docs/formulas.md is stale: run npm run docs').toBe(
      true,
    );
  });

  it.each(TEMPLATE_IDS)(
    '%s: lists every formula cell once, with its first cell’s formula in both modes',
    (id) => {
      const portable = plan(id, 'portable');
      const functions = plan(id, 'functions');
      const listed = new Map<string, number>();
      for (const row of sectionRows(id)) {
        const r = parseRange(row.cells);
        for (let rr = r.row1; rr <= r.row2; rr++)
          for (let cc = r.col1; cc <= r.col2; cc++) {
            const at = cellRef(rr, cc);
            listed.set(at, (listed.get(at) ?? 0) + 1);
          }
        expect(row.portable).toBe(`\`${portable.cells[r.row1]![r.col1]!.formula}\``);
        expect(row.functions.startsWith(`\`${functions.cells[r.row1]![r.col1]!.formula}\``)).toBe(
          true,
        );
      }
      const formulaCells = portable.cells.flatMap((line, row) =>
        line.flatMap((cell, col) => (cell?.formula ? [cellRef(row, col)] : [])),
      );
      expect([...listed.keys()].sort()).toEqual([...formulaCells].sort());
      expect([...listed.values()].every((n) => n === 1)).toBe(true);
    },
  );

  it('shows a KPI-functions block as one call over ranges that spills over the block', () => {
    const rates = sectionRows('funnel').find((row) => row.cells === 'I6:L17');
    expect(rates?.functions).toBe('`=KPI.STAGE_CONVERSION(D6:G17,C6:F17)` (spills over the cells)');
  });
});
