// Spilling formulas in exported .xlsx files: Excel 365 dynamic arrays (cm and XLDAPR metadata), cached results in the covered cells, and LibreOffice recomputing them.
import JSZip from 'jszip';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planToXlsx } from '../../cli/xlsx-writer';
import { markDynamicArrays } from '../../cli/xlsx-dynamic-arrays';
import { isKpiError } from '../../core/errors';
import { buildPlan, cellRef, evaluatePlan, type SheetPlan } from '../../core/templates/index';
import { findSoffice, recalculateInLibreOffice } from '../support/libreoffice';
import { readCells } from './workbook-cells';

const soffice = findSoffice();
if (!soffice)
  console.warn('xlsx-spill.test.ts: LibreOffice round trip skipped: no soffice on the PATH');

function funnel(mode: 'portable' | 'functions'): SheetPlan {
  const built = buildPlan(
    'funnel',
    { mode, periods: 3 },
    { startMonth: '2026-01' },
    { functionPrefix: 'KPI.' },
  );
  if (!built.ok) throw new Error('refused');
  return built.plan;
}

async function parts(xlsx: Buffer): Promise<{ sheet: string; all: JSZip }> {
  const all = await JSZip.loadAsync(xlsx);
  return { sheet: await all.file('xl/worksheets/sheet1.xml')!.async('string'), all };
}

/** The XML of the cell `ref` in a worksheet part. */
function cellXml(sheet: string, ref: string): string {
  const match = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheet);
  if (!match) throw new Error(`no cell ${ref}`);
  return match[0];
}

describe('exported spills', () => {
  it('writes each spilling formula as a dynamic array over its range, with cached results in the covered cells', async () => {
    const plan = funnel('functions');
    const computed = evaluatePlan(plan);
    const { sheet, all } = await parts(await planToXlsx(plan));
    let anchors = 0;
    plan.cells.forEach((line, row) =>
      line.forEach((cell, col) => {
        const ref = cellRef(row, col);
        if (cell?.spill !== undefined) {
          anchors++;
          const xml = cellXml(sheet, ref);
          expect(xml).toMatch(/^<c [^>]*\bcm="1"/);
          expect(xml).toContain(`<f t="array" ref="${cell.spill}">`);
        } else if (cell?.spilledFrom !== undefined) {
          const xml = cellXml(sheet, ref);
          expect(xml).not.toContain('<f');
          const value = computed[row]![col]!;
          expect(isKpiError(value) || typeof value !== 'number').toBe(false);
          expect(Number(/<v>([^<]*)<\/v>/.exec(xml)?.[1])).toBeCloseTo(value as number, 12);
        }
      }),
    );
    expect(anchors).toBe(4);
    const metadata = await all.file('xl/metadata.xml')?.async('string');
    expect(metadata).toContain('<metadataType name="XLDAPR"');
    expect(metadata).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(metadata).toContain('<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>');
    expect(await all.file('xl/_rels/workbook.xml.rels')!.async('string')).toMatch(
      /Type="[^"]*\/relationships\/sheetMetadata" Target="metadata.xml"/,
    );
    expect(await all.file('[Content_Types].xml')!.async('string')).toContain(
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
    );
  });

  it('leaves a portable export one formula per cell, without dynamic array metadata', async () => {
    const xlsx = await planToXlsx(funnel('portable'));
    const { sheet, all } = await parts(xlsx);
    expect(sheet).not.toContain('t="array"');
    expect(sheet).not.toContain(' cm="');
    expect(all.file('xl/metadata.xml')).toBeNull();
    // Marking a package without array formulas changes nothing.
    expect(await markDynamicArrays(xlsx)).toBe(xlsx);
  });
});

describe.skipIf(!soffice)('a spill round trip through LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-spill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * A1:C1 and A2:C2 hold inputs; A3 spills A1:C1-A2:C2 over A3:C3; A4 sums the covered cells.
   * The cached results (from `calc`) are wrong on purpose, so a right value after the round
   * trip is LibreOffice's own.
   */
  const plan: SheetPlan = {
    templateId: 'funnel',
    options: {
      lang: 'en',
      mode: 'functions',
      periods: 1,
      startMonth: '2026-01',
      rows: 1,
      currency: 'EUR',
      example: true,
      protect: false,
    },
    sheetName: 'Spill',
    cells: [
      [{ value: 10 }, { value: 20 }, { value: 30 }],
      [{ value: 1 }, { value: 2 }, { value: 3 }],
      [
        { formula: '=A1:C1-A2:C2', calc: { kind: 'copy', ref: 'A1' }, spill: 'A3:C3' },
        { calc: { kind: 'copy', ref: 'B1' }, spilledFrom: 'A3' },
        { calc: { kind: 'copy', ref: 'C1' }, spilledFrom: 'A3' },
      ],
      [{ formula: '=SUM(B3:C3)', calc: { kind: 'copy', ref: 'A2' } }, null, null],
    ],
    lastCell: 'C4',
    columnWidths: [80, 80, 80],
    rowHeights: [],
    frozen: { rows: 0, columns: 0 },
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: { enabled: false, unlockedRanges: [] },
    charts: [],
    print: {
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 1,
      printArea: 'A1:C4',
      titleRows: null,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: false,
    },
  };

  it('recomputes every covered cell and keeps the formula an array over its range', async () => {
    const original = join(dir, 'spill.xlsx');
    writeFileSync(original, await planToXlsx(plan));
    const before = await readCells(original);
    expect(before.cells.get('B3')?.value).toBe(20);
    const [recalculated] = await recalculateInLibreOffice(soffice!, [original], join(dir, 'out'));
    const { cells, sheet } = await readCells(recalculated!);
    expect(['A3', 'B3', 'C3'].map((ref) => cells.get(ref)?.value)).toEqual([9, 18, 27]);
    expect(cells.get('A4')?.value).toBe(45);
    const anchor = sheet.getCell('A3').value as {
      formula?: string;
      shareType?: string;
      ref?: string;
    };
    expect(anchor).toMatchObject({ formula: 'A1:C1-A2:C2', shareType: 'array', ref: 'A3:C3' });
  }, 120_000);
});
