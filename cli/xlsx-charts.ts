// Adds plans' charts to an .xlsx package ExcelJS wrote (ExcelJS cannot write charts): chart, drawing, relationship and content-type parts.
import JSZip from 'jszip';
import { evaluatePlan, type ComputedValue } from '../core/templates/evaluate';
import type { SheetPlan } from '../core/templates/plan';
import { chartPartXml, decodeXml, drawingPartXml, escapeXml } from './xlsx-chart-parts';

/** A sheet of the package, by its name in the workbook, and the plan it was written from. */
export interface PlanSheet {
  sheetName: string;
  plan: SheetPlan;
  /** The plan's cell values (`evaluatePlan`), when the caller has them: charts cache them. */
  computed?: ComputedValue[][];
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const RELATIONSHIP_TYPES = {
  drawing: `${RELATIONSHIPS_NS}/drawing`,
  chart: `${RELATIONSHIPS_NS}/chart`,
} as const;

const CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

/**
 * The worksheet children that CT_Worksheet (ECMA-376 Part 1, 18.3.1.99) puts after <drawing>:
 * <drawing> goes before the first of them, or last.
 */
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/** The attributes of every `<tag …>` element in `xml` (namespace prefixes kept in names). */
function elementsNamed(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const [, attrs] of xml.matchAll(new RegExp(`<${tag}(\\s[^>]*?)?/?>`, 'g'))) {
    const record: Record<string, string> = {};
    for (const [, name, value] of (attrs ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
      record[name!] = decodeXml(value!);
    found.push(record);
  }
  return found;
}

async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the package has no ${path}`);
  return file.async('string');
}

/** "xl/worksheets/sheet1.xml" for "worksheets/sheet1.xml" relative to "xl/", or an absolute "/xl/…". */
function resolveTarget(baseFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = baseFolder.split('/').filter((p) => p !== '');
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** The worksheet part of the sheet named `sheetName`, found through workbook.xml and its relationships. */
export async function worksheetPath(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await readPart(zip, 'xl/workbook.xml');
  const sheet = elementsNamed(workbook, 'sheet').find((s) => s.name === sheetName);
  if (!sheet?.['r:id']) throw new Error(`the workbook has no sheet named "${sheetName}"`);
  const rels = await readPart(zip, 'xl/_rels/workbook.xml.rels');
  const rel = elementsNamed(rels, 'Relationship').find((r) => r.Id === sheet['r:id']);
  if (!rel?.Target) throw new Error(`sheet "${sheetName}" has no part`);
  return resolveTarget('xl', rel.Target);
}

/** The first free "prefixN.xml" number in `folder`. */
function nextPartNumber(zip: JSZip, folder: string, prefix: string): number {
  let n = 1;
  while (zip.file(`${folder}/${prefix}${n}.xml`)) n++;
  return n;
}

function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`
  );
}

/** Adds a relationship to the part's .rels (created when missing); returns its new id. */
async function addRelationship(
  zip: JSZip,
  partPath: string,
  type: string,
  target: string,
): Promise<string> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
  const existing = zip.file(relsPath) ? await readPart(zip, relsPath) : relationshipsXml([]);
  const taken = new Set(elementsNamed(existing, 'Relationship').map((r) => r.Id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const added = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  zip.file(relsPath, existing.replace(/<\/Relationships>\s*$/, `${added}</Relationships>`));
  return id;
}

/**
 * The worksheet with `<drawing r:id>` where CT_Worksheet orders it. The children of the root
 * are found by tracking depth, so an <extLst> inside a rule never counts.
 */
function withDrawingElement(worksheet: string, relationshipId: string): string {
  const tag =
    /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/g;
  let depth = 0;
  let insertAt = -1;
  for (const match of worksheet.matchAll(tag)) {
    const [, closing, , name, selfClosing] = match;
    if (name === undefined) continue; // declaration or comment
    if (closing) {
      depth--;
      if (depth === 0 && insertAt < 0) insertAt = match.index;
      continue;
    }
    if (depth === 1) {
      if (name === 'drawing') throw new Error('the worksheet already has a drawing');
      if (insertAt < 0 && AFTER_DRAWING.has(name)) insertAt = match.index;
    }
    if (!selfClosing) depth++;
  }
  if (insertAt < 0) throw new Error('the worksheet part is not a worksheet');
  // ExcelJS declares the r: prefix on the root; a package that does not gets it declared here.
  const root = /<worksheet\b[^>]*>/.exec(worksheet)?.[0] ?? '';
  const declared = root.includes(`xmlns:r="${RELATIONSHIPS_NS}"`);
  const element = `<drawing${declared ? '' : ` xmlns:r="${RELATIONSHIPS_NS}"`} r:id="${relationshipId}"/>`;
  return worksheet.slice(0, insertAt) + element + worksheet.slice(insertAt);
}

async function addContentTypes(zip: JSZip, overrides: readonly [string, string][]): Promise<void> {
  const types = await readPart(zip, '[Content_Types].xml');
  const added = overrides
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join('');
  zip.file('[Content_Types].xml', types.replace(/<\/Types>\s*$/, `${added}</Types>`));
}

/** One sheet's charts: a drawing part with one chart part per chart, linked from the worksheet. */
async function addSheetCharts(zip: JSZip, sheet: PlanSheet): Promise<void> {
  const { sheetName, plan } = sheet;
  const sheetPath = await worksheetPath(zip, sheetName);
  const computed = sheet.computed ?? evaluatePlan(plan);
  const drawingPath = `xl/drawings/drawing${nextPartNumber(zip, 'xl/drawings', 'drawing')}.xml`;
  const overrides: [string, string][] = [[drawingPath, CONTENT_TYPES.drawing]];
  const chartIds: string[] = [];
  for (const chart of plan.charts) {
    const chartPath = `xl/charts/chart${nextPartNumber(zip, 'xl/charts', 'chart')}.xml`;
    zip.file(chartPath, chartPartXml(chart, plan, computed, sheetName));
    overrides.push([chartPath, CONTENT_TYPES.chart]);
    chartIds.push(
      await addRelationship(
        zip,
        drawingPath,
        RELATIONSHIP_TYPES.chart,
        `../charts/${chartPath.split('/').pop()}`,
      ),
    );
  }
  zip.file(drawingPath, drawingPartXml(plan.charts, chartIds));
  const drawingId = await addRelationship(
    zip,
    sheetPath,
    RELATIONSHIP_TYPES.drawing,
    `../drawings/${drawingPath.split('/').pop()}`,
  );
  zip.file(sheetPath, withDrawingElement(await readPart(zip, sheetPath), drawingId));
  await addContentTypes(zip, overrides);
}

/**
 * The package with each sheet's plan charts added as real chart parts that Excel and
 * LibreOffice open. A package whose sheets have no charts is returned as it is.
 */
export async function addPlanCharts(xlsx: Buffer, sheets: readonly PlanSheet[]): Promise<Buffer> {
  const withCharts = sheets.filter((s) => s.plan.charts.length > 0);
  if (withCharts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  for (const sheet of withCharts) await addSheetCharts(zip, sheet);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
