// Templates.md "Same answer includes bad input": random and bad inputs in every exported portable workbook, recalculated by LibreOffice.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDataSheetLayout, spliceDataRows } from '../../cli/xlsx-data-sheet';
import { addPlanSheet } from '../../cli/xlsx-writer';
import type { DataSheetPlan } from '../../core/import/workbook-types';
import { cellRef } from '../../core/templates/a1';
import { TEMPLATE_IDS, type TemplateId } from '../../core/templates/options';
import type { SheetPlan } from '../../core/templates/plan';
import type { InputCell } from '../support/bad-inputs';
import { findSoffice, recalculateInLibreOffice } from '../support/libreoffice';
import {
  describeInputs,
  emptyTally,
  inputSets,
  inputSlots,
  mismatches,
  smallPortableData,
  smallPortablePlan,
  withInputs,
  type InputSlot,
} from '../support/template-inputs';
import {
  readSheetValues,
  readValidations,
  type SheetValues,
  type StoredValidation,
} from '../support/xlsx-values';

const soffice = findSoffice();
if (!soffice)
  console.warn(
    'libreoffice-differential.test.ts skipped: soffice (LibreOffice) is not on the PATH',
  );

const SETS_PER_TEMPLATE = 50;
/**
 * Fewer for a template reading a data sheet: its only inputs are a currency and names, and
 * each of its sheets recalculates hundreds of COUNTIFS over the deals.
 */
const SETS_WITH_DATA = 10;
const SEED = 20260331;

interface Batch {
  id: TemplateId;
  plan: SheetPlan;
  /** The data sheet the plan's formulas read (the pipeline's deals), written once before its sheets. */
  data: DataSheetPlan | undefined;
  slots: InputSlot[];
  sets: InputCell[][];
  file: string;
  recalculated: SheetValues[];
  /** The first sheet's data validations as LibreOffice saved them again. */
  validations: StoredValidation[];
}

/**
 * One workbook per template holding the exported sheet once per input set, the set typed into
 * its input cells. The cached results stay those of the blank sheet, so a match also shows
 * that LibreOffice recalculated.
 */
async function writeBatch(batch: Batch): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const { data } = batch;
  if (data) addDataSheetLayout(workbook, data);
  for (const values of batch.sets) {
    const sheet = await addPlanSheet(workbook, batch.plan, data);
    batch.slots.forEach((slot, i) => {
      sheet.getCell(slot.row + 1, slot.col + 1).value = values[i] ?? null;
    });
  }
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  writeFileSync(batch.file, data ? await spliceDataRows(xlsx, data, data.sheetName) : xlsx);
}

let dir = '';
const batches: Batch[] = [];

describe.skipIf(!soffice)('LibreOffice recalculation of random and bad inputs', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-lo-differential-'));
    for (const id of TEMPLATE_IDS) {
      const plan = smallPortablePlan(id);
      const data = smallPortableData(id);
      // LibreOffice has no TRUE/FALSE values: it computes with them as the numbers 1 and 0.
      const slots = inputSlots(plan, { booleans: false });
      const batch: Batch = {
        id,
        plan,
        data,
        slots,
        sets: inputSets(slots, data ? SETS_WITH_DATA : SETS_PER_TEMPLATE, SEED),
        file: join(dir, `${id}.xlsx`),
        recalculated: [],
        validations: [],
      };
      await writeBatch(batch);
      batches.push(batch);
    }
    // One LibreOffice run for every workbook: its start-up costs more than the recalculation.
    const copies = await recalculateInLibreOffice(
      soffice!,
      batches.map((b) => b.file),
      join(dir, 'recalculated'),
      240_000,
    );
    for (const [i, batch] of batches.entries()) {
      batch.recalculated = await readSheetValues(copies[i]!);
      batch.validations = (await readValidations(copies[i]!))[batch.data ? 1 : 0]!;
    }
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(TEMPLATE_IDS.map((id) => [id] as const))(
    `%s: every formula cell equals the core's value for ${SETS_PER_TEMPLATE} input sets (${SETS_WITH_DATA} beside a data sheet)`,
    (id) => {
      const batch = batches.find((b) => b.id === id)!;
      const tally = emptyTally();
      // The data sheet comes first in the workbook, the input sets' sheets after it.
      const first = batch.data ? 1 : 0;
      expect(batch.recalculated).toHaveLength(batch.sets.length + first);
      const found = batch.sets.flatMap((values, k) => {
        const sheet = batch.recalculated[k + first]!;
        return mismatches(
          withInputs(batch.plan, batch.slots, values),
          (row, col) => sheet.get(cellRef(row, col)) ?? null,
          () => `sheet ${k + 1}: ${describeInputs(batch.slots, values)}`,
          tally,
          2,
          batch.data,
        );
      });
      expect(found.slice(0, 10)).toEqual([]);
      expect(tally.number, JSON.stringify(tally)).toBeGreaterThan(0);
      expect(tally['#VALUE!'], JSON.stringify(tally)).toBeGreaterThan(0);
    },
  );

  it('keeps the part ≤ whole rules as custom validations on their ranges', () => {
    const custom = batches.flatMap((batch) =>
      batch.plan.validations.flatMap((v) =>
        v.rule.type === 'custom' ? [{ batch, range: v.range, formula: v.rule.formula }] : [],
      ),
    );
    expect(custom.length).toBeGreaterThan(0);
    for (const { batch, range, formula } of custom)
      expect(
        batch.validations.find((v) => v.sqref === range),
        `${batch.id} ${range}`,
      ).toMatchObject({ type: 'custom', formula1: formula.slice(1) });
  });
});
