// Functions-mode exports keep KPI.NAME(...) formulas whose cached values equal the portable export's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planToXlsx } from '../../cli/xlsx-writer';
import { FUNCTIONS } from '../../core/registry/index';
import { buildPlan } from '../../core/templates/index';
import { TEMPLATE_IDS, type FormulaMode, type TemplateId } from '../../core/templates/options';
import { readCells, sameValue } from './workbook-cells';

const dir = mkdtempSync(join(tmpdir(), 'kpi-modes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KPI_CALL = new RegExp(`\\bKPI\\.(${FUNCTIONS.map((f) => f.name).join('|')})\\(`);

async function exported(id: TemplateId, mode: FormulaMode) {
  const built = buildPlan(id, { mode, lang: 'en' }, {}, { functionPrefix: 'KPI.' });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  const file = join(dir, `${id}-${mode}.xlsx`);
  writeFileSync(file, await planToXlsx(built.plan));
  return (await readCells(file)).cells;
}

describe.each(TEMPLATE_IDS)('%s exported in both formula modes', (id) => {
  it('has KPI.NAME(...) formulas in functions mode, none in portable mode, and equal cached values', async () => {
    const portable = await exported(id, 'portable');
    const functions = await exported(id, 'functions');
    const portableFormulas = [...portable.values()].filter((c) => c.formula !== undefined);
    const functionFormulas = [...functions.values()].filter((c) => c.formula !== undefined);
    // A row or column of the same KPI is one spilling formula: its other cells hold only results.
    const portableAddresses = new Set(portableFormulas.map((c) => c.address));
    expect(functionFormulas.filter((c) => !portableAddresses.has(c.address))).toEqual([]);
    expect(functionFormulas.some((c) => KPI_CALL.test(c.formula!))).toBe(true);
    expect(portableFormulas.filter((c) => c.formula!.includes('KPI.'))).toEqual([]);
    const differences = portableFormulas
      .filter((c) => !sameValue(c.value, functions.get(c.address)?.value ?? ''))
      .map(
        (c) =>
          `${c.address}: portable ${JSON.stringify(c.value)}, functions ${JSON.stringify(functions.get(c.address)?.value)}`,
      );
    expect(differences).toEqual([]);
  });
});
