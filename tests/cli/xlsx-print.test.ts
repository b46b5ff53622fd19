// Every exported template carries its print settings in the .xlsx package: fit to one page wide, orientation, print area, repeated rows, title row height.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { planToXlsx } from '../../cli/xlsx-writer';
import { buildPlan } from '../../core/templates/index';
import { LANGS, TEMPLATE_IDS, type Lang, type TemplateId } from '../../core/templates/options';
import type { SheetPlan } from '../../core/templates/plan';

function plan(id: TemplateId, lang: Lang): SheetPlan {
  const built = buildPlan(id, { lang, periods: 24, rows: 50 }, {}, { functionPrefix: 'KPI.' });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  return built.plan;
}

/** The attributes of the first `<tag …>` element in `xml`, or undefined when there is none. */
function attributesOf(xml: string, tag: string): Record<string, string> | undefined {
  const element = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml);
  if (!element) return undefined;
  return Object.fromEntries(
    [...(element[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

/** The workbook's defined names as "name@localSheetId" → text, XML entities decoded. */
function definedNames(workbookXml: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(
    /<definedName name="([^"]+)"(?: localSheetId="(\d+)")?>([^<]*)<\/definedName>/g,
  ))
    names.set(`${m[1]}@${m[2] ?? ''}`, m[3]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
  return names;
}

/** "A1:N20" as the absolute reference Excel stores: "$A$1:$N$20"; "5:5" as "$5:$5". */
const absolute = (range: string) =>
  range.replace(/([A-Z]*)(\d+)/g, (_, c: string, r) => `${c ? `$${c}` : ''}$${r}`);

const cases = TEMPLATE_IDS.flatMap((id) => LANGS.map((lang) => [id, lang] as const));

describe('print settings in the exported .xlsx', () => {
  it.each(cases)('%s (%s)', async (id, lang) => {
    const p = plan(id, lang);
    const zip = await JSZip.loadAsync(await planToXlsx(p));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const workbook = await zip.file('xl/workbook.xml')!.async('string');

    // Fit to page, one page wide; 0 pages tall is "as many as needed" (ECMA-376 18.3.1.63).
    expect(attributesOf(sheet, 'pageSetUpPr')).toEqual({ fitToPage: '1' });
    expect(sheet).toMatch(/<sheetPr>(?:(?!<\/sheetPr>).)*<pageSetUpPr fitToPage="1"\/>/);
    expect(attributesOf(sheet, 'pageSetup')).toMatchObject({
      orientation: p.print.orientation,
      fitToWidth: '1',
      fitToHeight: String(p.print.fitToHeight),
    });
    expect(attributesOf(sheet, 'pageMargins')).toEqual({
      left: '0.5',
      right: '0.5',
      top: '0.6',
      bottom: '0.6',
      header: '0.3',
      footer: '0.3',
    });
    expect(attributesOf(sheet, 'printOptions')).toEqual({ horizontalCentered: '1' });

    // The title row keeps the height its 16 pt font needs: Excel does not fit merged cells.
    const titleRow = attributesOf(sheet, 'row r="1"');
    expect(Number(titleRow?.ht)).toBeGreaterThanOrEqual(16 * 1.2);
    expect(titleRow?.customHeight).toBe('1');

    // The print area and the repeated rows, as names local to the sheet (localSheetId 0).
    const quoted = `'${p.sheetName}'`;
    const names = definedNames(workbook);
    expect(names.get('_xlnm.Print_Area@0')).toBe(`${quoted}!${absolute(p.print.printArea)}`);
    expect(names.get('_xlnm.Print_Titles@0')).toBe(`${quoted}!${absolute(p.print.titleRows!)}`);
  });

  it('names no template sheet with an apostrophe, which ExcelJS would not double in the print names', () => {
    for (const id of TEMPLATE_IDS)
      for (const lang of LANGS) expect(plan(id, lang).sheetName, id).not.toContain("'");
  });
});
