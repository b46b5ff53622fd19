// Writes a data sheet ("Deals") into an .xlsx: ExcelJS lays out its header, formats, table and record; the deal rows go straight into the sheet's XML.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnName, parseCell } from '../core/templates/a1';
import type { DataSheetPlan, DataValue } from '../core/import/workbook-types';
import { escapeXml } from './xlsx-chart-parts';
import { worksheetPath } from './xlsx-charts';
import { excelStyle, widthInCharacters } from './xlsx-styles';

/*
 * Why the rows bypass ExcelJS: its in-memory workbook holds an object per cell, so 100,000
 * deals (1.2 million cells) took about 1.8 GB and 20 s to write here. ExcelJS still writes
 * everything else, with the first deal as a placeholder row that carries each column's style
 * and makes the table one data row long; `spliceDataRows` then replaces the placeholder by
 * every deal as plain XML (numbers as <v>, text as inline strings), stretches the table and
 * the sheet's dimension over them, and keeps the record cells that share their rows.
 */

/** Adds the data sheet with its header, column formats and widths, frozen header, table, record (with its widths) and placeholder row. */
export function addDataSheetLayout(
  workbook: ExcelJS.Workbook,
  data: DataSheetPlan,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(data.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = data.columns.map(({ width, format }) => ({
    width: widthInCharacters(width),
    ...(format !== '' ? { style: { numFmt: format } } : {}),
  }));
  const placeholder = data.columns.map((_, c) => data.rows[0]?.[c] ?? '');
  sheet.addTable({
    name: data.tableName,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: data.header.map((name) => ({ name, filterButton: true })),
    rows: [placeholder],
  });
  data.columns.forEach(({ format }, c) => {
    sheet.getCell(1, c + 1).font = { bold: true };
    // Every column's style is read back from this row's cells (ExcelJS numbers its styles itself).
    const cell = sheet.getCell(2, c + 1);
    cell.numFmt = format !== '' ? format : 'General';
  });
  const anchor = parseCell(data.recordAnchor);
  data.recordColumns.forEach(({ width }, c) => {
    sheet.getColumn(anchor.col + c + 1).width = widthInCharacters(width);
  });
  data.record.forEach((line, r) =>
    line.forEach((recordCell, c) => {
      if (!recordCell) return;
      const cell = sheet.getCell(anchor.row + r + 1, anchor.col + c + 1);
      cell.style = excelStyle(recordCell, false);
      // ExcelJS writes every string as a shared string, never as a formula: "=x" stays text.
      const { value } = recordCell;
      if (value !== '') cell.value = typeof value === 'string' ? literalText(value) : value;
    }),
  );
  return sheet;
}

// Characters that need work in cell text: XML's own, those XML 1.0 forbids, and "_x…_"
// (Excel reads "_x0041_" as an escaped "A"; "_x005F_" escapes the underscore). Most text has none.
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what is looked for
const NEEDS_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/** Text with its "_xHHHH_" kept literal: Excel would read them as escaped characters. */
export function literalText(text: string): string {
  return text.includes('_x') ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : text;
}

/** Cell text as XML character data that Excel reads back exactly. */
function cellText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return escapeXml(literalText(text));
}

/** One deal cell as XML: a number, an inline string (text stays text), or nothing for "". */
function cellXml(ref: string, value: DataValue, style: string): string {
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  if (value === '') return '';
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${cellText(value)}</t></is></c>`;
}

interface SheetRow {
  /** The <row> start tag's attributes, without "r" and "spans" (they are written anew). */
  attributes: string;
  cells: { col: number; xml: string }[];
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

/** The rows ExcelJS wrote, by 1-based row number. */
function sheetRows(sheetData: string): Map<number, SheetRow> {
  const rows = new Map<number, SheetRow>();
  for (const [, attributes = '', body = ''] of sheetData.matchAll(ROW)) {
    const number = Number(/\br="(\d+)"/.exec(attributes)?.[1]);
    const cells = [...body.matchAll(CELL)].map(([xml, letters]) => ({
      col: columnIndex(letters!),
      xml,
    }));
    rows.set(number, {
      attributes: attributes.replace(/\s(?:r|spans)="[^"]*"/g, ''),
      cells,
    });
  }
  return rows;
}

/** The `s="n"` attribute of each placeholder cell, by column. */
function columnStyles(placeholder: SheetRow | undefined, columns: number): string[] {
  const styles = new Array<string>(columns).fill('');
  for (const { col, xml } of placeholder?.cells ?? [])
    if (col < columns) styles[col] = /\ss="(\d+)"/.exec(xml)?.[0] ?? '';
  return styles;
}

/** Rows are turned into bytes this many at a time: no one string holds the whole sheet. */
const ROWS_PER_CHUNK = 2000;

/** The sheet's <sheetData> with every deal in place of the placeholder row, record cells kept, as UTF-8. */
function sheetDataXml(written: string, data: DataSheetPlan): Buffer[] {
  const rows = sheetRows(written);
  const columns = data.columns.length;
  const letters = data.columns.map((_, c) => columnName(c));
  const styles = columnStyles(rows.get(2), columns);
  // A loop: spreading the record's 200,000 row numbers into Math.max overflows the stack.
  let last = data.rows.length + 1;
  for (const row of rows.keys()) last = Math.max(last, row);
  const chunks: Buffer[] = [];
  let parts: string[] = ['<sheetData>'];
  for (let r = 1; r <= last; r++) {
    if (parts.length >= ROWS_PER_CHUNK) {
      chunks.push(Buffer.from(parts.join(''), 'utf8'));
      parts = [];
    }
    const existing = rows.get(r);
    const deal = r >= 2 ? data.rows[r - 2] : undefined;
    // Row 1 is the header as ExcelJS wrote it; below it, only record cells (right of the deals) stay.
    const kept = (existing?.cells ?? []).filter(({ col }) => r === 1 || col >= columns);
    if (!deal && kept.length === 0) continue;
    let xml = `<row r="${r}"${existing?.attributes ?? ''}>`;
    if (deal)
      for (let c = 0; c < columns; c++)
        xml += cellXml(`${letters[c]}${r}`, deal[c] ?? '', styles[c]!);
    for (const cell of kept) xml += cell.xml;
    parts.push(`${xml}</row>`);
  }
  parts.push('</sheetData>');
  chunks.push(Buffer.from(parts.join(''), 'utf8'));
  return chunks;
}

/** The range a table spans over `rows` deals: the header and at least one (possibly empty) row. */
function tableRange(data: DataSheetPlan): string {
  return `A1:${columnName(data.columns.length - 1)}${Math.max(data.rows.length, 1) + 1}`;
}

/**
 * The package with the data sheet `sheetName` holding every deal of `data` (see the note at
 * the top), its table over them and its dimension stretched to match.
 */
export async function spliceDataRows(
  xlsx: Buffer,
  data: DataSheetPlan,
  sheetName: string,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPath = await worksheetPath(zip, sheetName);
  const sheet = await zip.file(sheetPath)!.async('string');
  const start = sheet.indexOf('<sheetData');
  const end = sheet.indexOf('</sheetData>');
  if (start < 0 || end < 0) throw new Error(`${sheetPath} has no rows`);
  const rows = sheetDataXml(sheet.slice(start, end), data);
  const lastColumn = Math.max(
    data.columns.length - 1,
    parseCell(data.recordAnchor).col + data.recordColumns.length - 1,
  );
  const lastRow = Math.max(
    data.rows.length + 1,
    parseCell(data.recordAnchor).row + data.record.length,
  );
  const dimension = `<dimension ref="A1:${columnName(lastColumn)}${lastRow}"/>`;
  zip.file(
    sheetPath,
    Buffer.concat([
      Buffer.from(sheet.slice(0, start).replace(/<dimension\b[^>]*\/>/, dimension), 'utf8'),
      ...rows,
      Buffer.from(sheet.slice(end + '</sheetData>'.length), 'utf8'),
    ]),
  );
  const range = tableRange(data);
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
    const table = await zip.file(path)!.async('string');
    if (!new RegExp(`\\sname="${data.tableName}"`).test(table)) continue;
    zip.file(
      path,
      table
        .replace(/(<table\b[^>]*?\sref=")[^"]*"/, `$1${range}"`)
        .replace(/(<autoFilter\b[^>]*?\sref=")[^"]*"/, `$1${range}"`),
    );
  }
  // The fastest deflate level: the rows repeat enough that it still packs them about 20:1.
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 1 },
  });
}
