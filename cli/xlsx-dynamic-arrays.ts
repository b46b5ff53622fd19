// Marks a package's array formulas as Excel 365 dynamic arrays (spills): the cell metadata ExcelJS cannot write.
import JSZip from 'jszip';

/*
 * ExcelJS writes a spilling formula as an array formula over its range (<f t="array" ref="…">),
 * which Excel 2019 and LibreOffice compute as a fixed (Ctrl+Shift+Enter) array. Excel 365 and
 * 2021 treat it as a dynamic array only when the cell points (cm="1") at the XLDAPR dynamic
 * array properties of the workbook's metadata part ([MS-XLSX] 2.3.3, 2.6.98): without them
 * they show the formula in {braces} and protect its range as a legacy array.
 */
const METADATA_PATH = 'xl/metadata.xml';
const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" ' +
  'pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" ' +
  'clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst>' +
  '<ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">' +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';
const METADATA_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata';
const METADATA_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';

/** A cell element whose first child is an array formula, without a cell metadata index yet. */
const ARRAY_FORMULA_CELL = /<c((?:\s+(?!cm=)[\w:]+="[^"]*")*)\s*>(?=<f\s+t="array")/g;

async function part(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the package has no ${path}`);
  return file.async('string');
}

/** The workbook's relationships with one to the metadata part, under an id not yet taken. */
function withMetadataRelationship(rels: string): string {
  const taken = new Set([...rels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const added = `<Relationship Id="rId${n}" Type="${METADATA_TYPE}" Target="metadata.xml"/>`;
  return rels.replace(/<\/Relationships>\s*$/, `${added}</Relationships>`);
}

/**
 * The package with every array formula marked as a dynamic array, and the metadata part that
 * says so; a package without array formulas, or one that already has metadata, is returned
 * as it is.
 */
export async function markDynamicArrays(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  if (zip.file(METADATA_PATH)) return xlsx;
  let marked = 0;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const sheet = await part(zip, path);
    const updated = sheet.replace(ARRAY_FORMULA_CELL, (_, attributes: string) => {
      marked++;
      return `<c${attributes} cm="1">`;
    });
    if (updated !== sheet) zip.file(path, updated);
  }
  if (marked === 0) return xlsx;
  zip.file(METADATA_PATH, METADATA_XML);
  const relsPath = 'xl/_rels/workbook.xml.rels';
  zip.file(relsPath, withMetadataRelationship(await part(zip, relsPath)));
  const types = await part(zip, '[Content_Types].xml');
  const override = `<Override PartName="/${METADATA_PATH}" ContentType="${METADATA_CONTENT_TYPE}"/>`;
  zip.file('[Content_Types].xml', types.replace(/<\/Types>\s*$/, `${override}</Types>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
