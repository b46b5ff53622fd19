// The .xlsx writer on a small hand-made plan: every aspect of the plan arrives in the file.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlanSheet, planToXlsx } from '../../cli/xlsx-writer';
import type { Calc, PlanCell, SheetPlan } from '../../core/templates/plan';
import { readCells } from './workbook-cells';
import { XlsxPackage } from './xlsx-package-charts';

const input = (value?: number): PlanCell => ({ value, input: true, role: 'body', format: '#,##0' });
const conversion = (row: number): PlanCell => {
  const calc: Calc = { kind: 'call', fn: 'LEAD_CONVERSION', args: [`B${row}`, `C${row}`] };
  return {
    formula: `=IF(COUNT(B${row},C${row})<2,"",B${row}/C${row})`,
    calc,
    format: '0.0%',
    role: 'result',
  };
};

/** A–E: label, converted, leads, conversion, status; rows 3–5 data, 6 totals. */
const plan: SheetPlan = {
  templateId: 'funnel',
  options: {
    lang: 'en',
    mode: 'portable',
    periods: 3,
    startMonth: '2026-01',
    rows: 3,
    currency: 'EUR',
    example: true,
    protect: true,
  },
  sheetName: 'Test plan',
  cells: [
    [{ value: 'Test plan', role: 'title' }, null, null, null, null],
    [
      { value: 'Label', role: 'header' },
      { value: 'Converted', role: 'header' },
      { value: 'Leads', role: 'header' },
      { value: 'Conversion', role: 'header' },
      { value: 'Status', role: 'header' },
    ],
    [
      { value: '=1+2', role: 'label' },
      input(120),
      input(400),
      { ...conversion(3), note: 'Converted / leads' },
      { value: 'On track', role: 'status' },
    ],
    [{ value: '-5 units', role: 'label' }, input(), input(10), conversion(4), null],
    [{ value: '@home', role: 'label' }, input(5), input(0), conversion(5), null],
    [
      { value: '+358 total', role: 'total' },
      {
        formula: '=IF(COUNT(B3:B5)=0,"",SUM(B3:B5))',
        calc: { kind: 'sum', refs: ['B3:B5'] },
        role: 'total',
      },
      null,
      null,
      null,
    ],
  ],
  lastCell: 'E6',
  columnWidths: [120, 80, 80, 90, 90],
  rowHeights: [{ row: 0, height: 30 }],
  frozen: { rows: 2, columns: 1 },
  merges: ['A1:C1'],
  validations: [
    {
      range: 'B3:C5',
      rule: { type: 'number', min: 0, whole: false },
      help: 'A count, 0 or more.',
      reject: true,
    },
    {
      range: 'E3:E5',
      rule: { type: 'list', items: ['Yes', 'No'] },
      help: 'Yes or No.',
      reject: true,
    },
  ],
  conditionalFormats: [{ range: 'E3:E5', equals: 'On track', role: 'good' }],
  protection: { enabled: true, unlockedRanges: ['B3:C5'] },
  charts: [
    {
      type: 'line',
      title: 'Conversion',
      categories: 'A3:A5',
      series: [{ name: 'Conversion', values: 'D3:D5' }],
      anchor: 'G2',
      width: 400,
      height: 240,
    },
  ],
  print: {
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 1,
    printArea: 'A1:M15',
    titleRows: '2:2',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  },
};

describe('planToXlsx', () => {
  let dir = '';
  let file = '';
  let read: Awaited<ReturnType<typeof readCells>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-writer-'));
    file = join(dir, 'plan.xlsx');
    writeFileSync(file, await planToXlsx(plan));
    read = await readCells(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes formulas without "=" and with the results computed by the core', () => {
    const { cells } = read;
    expect(cells.get('D3')).toMatchObject({ formula: 'IF(COUNT(B3,C3)<2,"",B3/C3)', value: 0.3 });
    // B4 is blank: the KPI shows "" rather than an error.
    expect(cells.get('D4')).toMatchObject({ formula: 'IF(COUNT(B4,C4)<2,"",B4/C4)', value: '' });
    expect(cells.get('D5')?.value).toEqual({ error: '#DIV/0!' });
    expect(cells.get('B6')).toMatchObject({
      formula: 'IF(COUNT(B3:B5)=0,"",SUM(B3:B5))',
      value: 125,
    });
  });

  it('keeps user text starting with = - @ + as text', () => {
    for (const [address, text] of [
      ['A3', '=1+2'],
      ['A4', '-5 units'],
      ['A5', '@home'],
      ['A6', '+358 total'],
    ] as const) {
      const cell = read.cells.get(address);
      expect(cell).toMatchObject({ value: text, type: ExcelJS.ValueType.String });
      expect(cell?.formula).toBeUndefined();
    }
  });

  it('applies number formats, style roles, widths, frozen panes and merges', () => {
    const { sheet } = read;
    expect(sheet.name).toBe('Test plan');
    expect(sheet.getCell('D3').numFmt).toBe('0.0%');
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    // Input cells are visibly different from results.
    expect(sheet.getCell('B3').fill).not.toEqual(sheet.getCell('D3').fill);
    // (120 px − 5 px padding) / 7 px per character.
    expect(sheet.getColumn(1).width).toBeCloseTo(115 / 7, 2);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(sheet.getCell('B1').isMerged).toBe(true);
    expect(sheet.getCell('C1').master.address).toBe('A1');
  });

  it('aligns every styled cell to the top of its row, numbers as well as wrapped text', () => {
    const { sheet } = read;
    // A wrapped header, a label, an input number, a result, a centred status, a total.
    for (const address of ['A2', 'A3', 'B3', 'D3', 'E3', 'B6'])
      expect(sheet.getCell(address).alignment?.vertical, address).toBe('top');
    expect(sheet.getCell('A2').alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
    expect(sheet.getCell('E3').alignment?.horizontal).toBe('center');
  });

  it('adds validations with help texts', () => {
    const validations = (
      read.sheet as unknown as {
        dataValidations: { model: Record<string, ExcelJS.DataValidation> };
      }
    ).dataValidations.model;
    for (const address of ['B3', 'C5'])
      expect(validations[address]).toMatchObject({
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        prompt: 'A count, 0 or more.',
        showInputMessage: true,
        showErrorMessage: true,
      });
    expect(validations['E4']).toMatchObject({
      type: 'list',
      formulae: ['"Yes,No"'],
      prompt: 'Yes or No.',
    });
  });

  it('colours status cells with a conditional format', () => {
    const formats = (
      read.sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(formats).toHaveLength(1);
    expect(formats[0]).toMatchObject({
      ref: 'E3:E5',
      rules: [{ type: 'cellIs', operator: 'equal', formulae: ['"On track"'] }],
    });
  });

  it('protects the sheet without a password and leaves input cells open', () => {
    const { sheet } = read;
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined();
    expect(sheet.getCell('B3').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('C5').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('D3').protection?.locked).not.toBe(false);
  });

  it('writes notes, and the chart as a chart part rather than a note', async () => {
    const { sheet } = read;
    expect(noteText(sheet.getCell('D3').note)).toBe('Converted / leads');
    expect(sheet.getCell('G2').note).toBeUndefined();
    expect(read.cells.has('G2')).toBe(false);
    const { charts } = await (await XlsxPackage.open(readFileSync(file))).charts('Test plan');
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart).toMatchObject({ type: 'line', title: 'Conversion', from: { col: 6, row: 1 } });
    expect(chart!.valueAxisFormat).toEqual({ code: '0.0%', sourceLinked: '0' });
    // D3 = 120/400; D4 is blank ("") and D5 an error: neither is a point of the line.
    expect(chart!.series).toMatchObject([
      {
        name: 'Conversion',
        categories: "'Test plan'!$A$3:$A$5",
        values: "'Test plan'!$D$3:$D$5",
        valuesFormat: '0.0%',
        pointCount: 3,
      },
    ]);
    expect([...chart!.series[0]!.cached]).toEqual([[0, 0.3]]);
  });
});

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (note === undefined || typeof note === 'string') return note ?? '';
  return (note.texts ?? []).map((t) => t.text).join('');
}

describe('addPlanSheet', () => {
  it('names a second copy "Name (2)" and leaves the first sheet as it was', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = await addPlanSheet(workbook, plan);
    const second = await addPlanSheet(workbook, plan);
    expect([first.name, second.name]).toEqual(['Test plan', 'Test plan (2)']);
    expect(first.getCell('A3').value).toBe('=1+2');
  });

  it('cleans a sheet name of characters the hosts forbid and cuts it to 31 characters', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = await addPlanSheet(workbook, {
      ...plan,
      sheetName: "'=Sum: [Q1/Q2] of all the leads we had?'",
    });
    // ": [ ] / ?" and the apostrophes go; "=Sum Q1Q2 of all the leads we had" is then cut to 31.
    expect(sheet.name).toBe('=Sum Q1Q2 of all the leads we h');
  });

  it('leaves the sheet unprotected and every cell locked state default with protect off', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = await addPlanSheet(workbook, {
      ...plan,
      protection: { enabled: false, unlockedRanges: ['B3:C5'] },
    });
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection ?? null).toBeNull();
  });
});
