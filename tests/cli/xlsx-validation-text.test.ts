// Validation texts in an exported file stay within the file format's limits, so Excel opens it unrepaired.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../cli/xlsx-chart-parts';
import { planToXlsx } from '../../cli/xlsx-writer';
import { buildPlan } from '../../core/templates/index';

describe('validation texts in .xlsx', () => {
  it('clips the prompt at 255 characters and the error alert at 224 (MS-OI29500)', async () => {
    const built = buildPlan(
      'roi',
      { example: false },
      { lang: 'en', startMonth: '2026-01' },
      { functionPrefix: 'KPI.' },
    );
    if (!built.ok) throw new Error('roi plan');
    const longHelp = 'x'.repeat(300);
    const plan = {
      ...built.plan,
      validations: built.plan.validations.map((v) => ({ ...v, help: longHelp })),
    };
    const zip = await JSZip.loadAsync(await planToXlsx(plan));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const validations = [...sheetXml.matchAll(/<dataValidation [^>]*>/g)].map((m) => m[0]);
    expect(validations.length).toBeGreaterThan(0);
    for (const element of validations) {
      const error = decodeXml(/ error="([^"]*)"/.exec(element)![1]!);
      const prompt = decodeXml(/ prompt="([^"]*)"/.exec(element)![1]!);
      expect(error.length).toBeLessThanOrEqual(224);
      expect(prompt.length).toBeLessThanOrEqual(255);
      expect(prompt.length).toBeGreaterThan(224);
    }
  });
});
