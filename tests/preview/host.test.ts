// The preview's SidebarHost: defaults from the browser language, templates into the workbook, formulas into the selected cell.
import { describe, expect, it } from 'vitest';
import { previewHost } from '../../preview/host';
import { PreviewWorkbook } from '../../preview/workbook';

describe('previewHost', () => {
  it('takes Finnish, euros and this month from "fi-FI" and a date in March 2026', () => {
    const host = previewHost(new PreviewWorkbook(), 'fi-FI', new Date(2026, 2, 15));
    expect(host.kind).toBe('preview');
    expect(host.functionPrefix).toBe('');
    expect(host.defaults()).toEqual({
      lang: 'fi',
      currency: 'EUR',
      startMonth: '2026-03',
      displayLanguage: 'fi-FI',
    });
  });

  it('inserts a template as a new, uniquely named sheet and rejects bad options with the reason', async () => {
    const workbook = new PreviewWorkbook();
    const host = previewHost(workbook, 'en-US');
    await expect(host.insertTemplate({ templateId: 'roi', options: {} })).resolves.toEqual({
      sheetName: 'ROI calculator',
    });
    await expect(host.insertTemplate({ templateId: 'roi', options: {} })).resolves.toEqual({
      sheetName: 'ROI calculator (2)',
    });
    await expect(
      host.insertTemplate({ templateId: 'funnel', options: { periods: 99 } }),
    ).rejects.toThrow(/99/);
    expect(workbook.sheetNames()).toEqual(['ROI calculator', 'ROI calculator (2)']);
  });

  it('puts a formula into an empty selected cell with its number format, and reports no selection', async () => {
    const workbook = new PreviewWorkbook();
    const host = previewHost(workbook, 'en-GB');
    await host.insertTemplate({ templateId: 'roi', options: { protect: false } });
    const request = { formula: '=SALES_ROI(50000, 10000, 0.4)', numberFormat: '0.0%' };
    await expect(host.insertFormula!(request)).resolves.toEqual({ status: 'noCell' });
    // Row 30 of the ROI calculator is below its last row: empty.
    const position = { row: 29, col: 0 };
    workbook.select(position);
    await expect(host.insertFormula!(request)).resolves.toEqual({
      status: 'written',
      cell: { sheet: 'ROI calculator', address: 'A30', content: '' },
    });
    expect(workbook.formula('ROI calculator', position)).toBe(request.formula);
    expect(workbook.value('ROI calculator', position)).toBe(1);
    expect(workbook.active!.cells[29]![0]!.format).toBe('0.0%');
  });

  it('leaves a cell that holds something until the request names what it holds (issue 8, item 3)', async () => {
    const workbook = new PreviewWorkbook();
    const host = previewHost(workbook, 'en-GB');
    await host.insertTemplate({ templateId: 'roi', options: { protect: false } });
    const position = { row: 29, col: 0 };
    workbook.select(position);
    expect(workbook.enter(position, '123').ok).toBe(true);
    const request = { formula: '=6*7', numberFormat: '0.0%' };
    const held = { sheet: 'ROI calculator', address: 'A30', content: '123' };
    await expect(host.insertFormula!(request)).resolves.toEqual({ status: 'refused', cell: held });
    expect(workbook.value('ROI calculator', position)).toBe(123);
    expect(workbook.active!.cells[29]?.[0]?.format).toBeUndefined();
    // Changed since the user was asked: still refused.
    expect(workbook.enter(position, '124').ok).toBe(true);
    await expect(host.insertFormula!({ ...request, expected: held })).resolves.toEqual({
      status: 'refused',
      cell: { ...held, content: '124' },
    });
    expect(workbook.value('ROI calculator', position)).toBe(124);
    // Holding what the user agreed to replace: written.
    await expect(
      host.insertFormula!({ ...request, expected: { ...held, content: '124' } }),
    ).resolves.toMatchObject({ status: 'written' });
    expect(workbook.value('ROI calculator', position)).toBe(42);
  });

  it('passes on a locked cell as an Error with the reason', async () => {
    const workbook = new PreviewWorkbook();
    const host = previewHost(workbook, 'en-GB');
    await host.insertTemplate({ templateId: 'roi', options: {} });
    workbook.select({ row: 29, col: 0 });
    await expect(host.insertFormula!({ formula: '=6*7' })).rejects.toThrow(/locked/);
  });
});
