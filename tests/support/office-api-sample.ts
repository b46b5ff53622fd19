/// <reference types="office-js" />
/// <reference types="custom-functions-runtime" />
// Sample add-in code for the requirement-set reader's own test: each "needs:" comment lists, from @types/office-js by hand, what its line uses.
import type { ExcelSupport } from '../../excel-addin/support';

export function sample(context: Excel.RequestContext, support: ExcelSupport, ask: boolean): void {
  const sheet = context.workbook.worksheets.getItem('KPI'); // needs: Excel.Workbook.worksheets ExcelApi 1.1; Excel.WorksheetCollection.getItem ExcelApi 1.1
  const { application } = context.workbook; // needs: Excel.Workbook.application ExcelApi 1.1
  if (ask)
    application.calculationMode = 'Manual'; // needs: Excel.Application.calculationMode ExcelApi 1.8
  else console.log(application.calculationMode); // needs: Excel.Application.calculationMode ExcelApi 1.1
  sheet.protection.protect({ allowEditObjects: true }); // needs: Excel.Worksheet.protection ExcelApi 1.2; Excel.WorksheetProtection.protect ExcelApi 1.2; Excel.WorksheetProtectionOptions.allowEditObjects ExcelApi 1.7
  const part: 'conditionalFormats' | 'dataValidation' = ask
    ? 'conditionalFormats'
    : 'dataValidation';
  console.log(sheet.getRange('A1')[part]); // needs: Excel.Worksheet.getRange ExcelApi 1.1; Excel.Range.conditionalFormats ExcelApi 1.6; Excel.Range.dataValidation ExcelApi 1.8
  if (support.notes) sheet.notes.add('A1', 'Why'); // needs: Excel.Worksheet.notes ExcelApi 1.18 behind notes; Excel.NoteCollection.add ExcelApi 1.18 behind notes
  const target: Excel.Range | Excel.RangeAreas = support.rangeAreas
    ? sheet.getRanges('A1, C3') // needs: Excel.Worksheet.getRanges ExcelApi 1.9 behind rangeAreas
    : sheet.getRange('A1'); // needs: Excel.Worksheet.getRange ExcelApi 1.1
  target.format.fill.color = 'yellow'; // needs: Excel.Range.format ExcelApi 1.1; Excel.RangeFormat.fill ExcelApi 1.1; Excel.RangeFill.color ExcelApi 1.1
  if (!support.screenUpdating) return;
  application.suspendScreenUpdatingUntilNextSync(); // needs: Excel.Application.suspendScreenUpdatingUntilNextSync ExcelApi 1.9 behind screenUpdating
}

export function divide(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero); // needs: CustomFunctions.Error CustomFunctionsRuntime 1.2; CustomFunctions.ErrorCode.divisionByZero CustomFunctionsRuntime 1.3
}
