/// <reference types="office-js" />
// Which optional Excel API sets the running Excel offers, so an insertion or import uses them only where present.

/** The optional features insertions and imports can use; everything else needs ExcelApi 1.8. */
export interface ExcelSupport {
  /** `suspendScreenUpdatingUntilNextSync` (ExcelApi 1.9). */
  screenUpdating: boolean;
  /** `Worksheet.getRanges`: many rectangles in one proxy (ExcelApi 1.9). */
  rangeAreas: boolean;
  /** Cell notes, `Worksheet.notes` (ExcelApi 1.18). */
  notes: boolean;
  /** Print settings, `Worksheet.pageLayout` (ExcelApi 1.9). */
  pageLayout: boolean;
  /** `Table.resize` (ExcelApi 1.13); older Excel re-creates a table to change its rows. */
  tableResize: boolean;
}

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    // Outside Office (tests, a plain browser) there is no requirement set to ask.
    return false;
  }
}

/** What the running Excel supports; nothing optional when Office.js is absent. */
export function detectExcelSupport(): ExcelSupport {
  return {
    screenUpdating: supports('1.9'),
    rangeAreas: supports('1.9'),
    notes: supports('1.18'),
    pageLayout: supports('1.9'),
    tableResize: supports('1.13'),
  };
}
