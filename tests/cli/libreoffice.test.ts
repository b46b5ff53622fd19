// Every template exported to .xlsx and recalculated by LibreOffice equals the cached results the writer stored.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planToXlsx } from '../../cli/xlsx-writer';
import { buildPlan } from '../../core/templates/index';
import { LANGS, TEMPLATE_IDS, type Lang, type TemplateId } from '../../core/templates/options';
import { findSoffice, recalculateInLibreOffice } from '../support/libreoffice';
import { readCells, sameValue, type StoredCell } from './workbook-cells';

const soffice = findSoffice();
if (!soffice) console.warn('libreoffice.test.ts skipped: soffice (LibreOffice) is not on the PATH');

interface Export {
  id: TemplateId;
  lang: Lang;
  example: boolean;
  original: string;
  recalculated?: string;
  /** The template's sheet: the pipeline's comes after the data sheet it reads. */
  sheetName?: string;
}

/** Each template in both languages with example data, and once in English without (blank inputs). */
const exports: Export[] = TEMPLATE_IDS.flatMap((id) => [
  ...LANGS.map((lang) => ({ id, lang, example: true, original: '' })),
  { id, lang: 'en' as const, example: false, original: '' },
]);
let canary = { original: '', recalculated: '' };
let dir = '';

describe.skipIf(!soffice)('LibreOffice recalculation of exported templates', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-lo-'));
    for (const entry of exports) {
      const options = { lang: entry.lang, mode: 'portable', example: entry.example };
      const built = buildPlan(entry.id, options, {}, { functionPrefix: 'KPI.' });
      if (!built.ok) throw new Error(`${entry.id}/${entry.lang}: ${JSON.stringify(built.errors)}`);
      const name = `${entry.id}-${entry.lang}${entry.example ? '' : '-blank'}.xlsx`;
      entry.original = join(dir, name);
      writeFileSync(entry.original, await planToXlsx(built.plan, built.dataSheet));
      entry.sheetName = built.plan.sheetName;
    }
    // A file whose cached result is wrong on purpose: proves LibreOffice recalculated, not echoed.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Canary');
    sheet.getCell('A1').value = 3;
    sheet.getCell('B1').value = 4;
    sheet.getCell('C1').value = { formula: 'A1/B1', result: 999 };
    canary.original = join(dir, 'canary.xlsx');
    await workbook.xlsx.writeFile(canary.original);

    const files = [...exports.map((e) => e.original), canary.original];
    const copies = await recalculateInLibreOffice(soffice!, files, join(dir, 'recalculated'));
    exports.forEach((entry, i) => (entry.recalculated = copies[i]));
    canary = { ...canary, recalculated: copies[copies.length - 1]! };
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recalculates on load (a wrong cached result is replaced)', async () => {
    const { cells } = await readCells(canary.recalculated);
    expect(cells.get('C1')?.value).toBe(0.75);
  });

  it.each(
    exports.map((e) => [`${e.id} (${e.lang}${e.example ? '' : ', no example data'})`, e] as const),
  )('%s: LibreOffice values equal the cached results, with no error cells', async (_, entry) => {
    const before = await readCells(entry.original, entry.sheetName);
    const after = await readCells(entry.recalculated!, entry.sheetName);
    const formulas = [...before.cells.values()].filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(0);

    const mismatches: string[] = [];
    for (const cell of formulas) {
      const recalculated: StoredCell | undefined = after.cells.get(cell.address);
      const value = recalculated?.value ?? '';
      if (recalculated?.formula === undefined) mismatches.push(`${cell.address}: formula lost`);
      if (!sameValue(cell.value, value))
        mismatches.push(
          `${cell.address} =${cell.formula}: cached ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(value)}`,
        );
    }
    expect(mismatches).toEqual([]);

    const errors = [...after.cells.values()].filter((c) => typeof c.value === 'object');
    expect(errors.map((c) => `${c.address}: ${JSON.stringify(c.value)}`)).toEqual([]);
    // With example data every KPI has a value; without, the computed cells wait blank ("").
    const numbers = formulas.filter((c) => typeof c.value === 'number');
    if (entry.example) expect(numbers.length).toBeGreaterThan(0);
  });
});
