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

  it('puts a formula into the selected cell, and asks for a selection when there is none', async () => {
    const workbook = new PreviewWorkbook();
    const host = previewHost(workbook, 'en-GB');
    await host.insertTemplate({ templateId: 'roi', options: { protect: false } });
    await expect(host.insertFormula!('=6*7')).rejects.toThrow(/Select a cell/);
    workbook.select({ row: 0, col: 0 });
    await host.insertFormula!('=6*7');
    expect(workbook.value('ROI calculator', { row: 0, col: 0 })).toBe(42);
  });
});
