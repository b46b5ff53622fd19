// Reads the charts of an .xlsx package the way a viewer finds them: workbook → sheet → drawing → chart parts.
import JSZip from 'jszip';
import { allElements, parseXml, type XmlElement } from '../support/xml';

export interface PackageSeries {
  name: string;
  categories: string;
  values: string;
  /** The format code cached with the values. */
  valuesFormat: string | undefined;
  /** The cached values by point index (points without a value are absent). */
  cached: Map<number, number>;
  pointCount: number;
  /** The series' own colour ("4472C4"), when it sets one. */
  colour: string | undefined;
}

export interface PackageChart {
  path: string;
  /** "line", "col" or "bar" (a barChart's barDir). */
  type: string;
  title: string;
  series: PackageSeries[];
  categoryAxisFormat: { code: string; sourceLinked: string } | undefined;
  valueAxisFormat: { code: string; sourceLinked: string } | undefined;
  /** The drawing anchor's top-left cell (zero-based) and, for a one-cell anchor, size in EMU. */
  from: { col: number; row: number };
  size: { cx: number; cy: number } | undefined;
}

export interface SheetCharts {
  worksheetPath: string;
  /** The names of the worksheet root's children, in order. */
  worksheetChildren: string[];
  charts: PackageChart[];
}

const local = (name: string) => name.replace(/^[^:]*:/, '');
const children = (e: XmlElement, name: string) => e.children.filter((c) => local(c.name) === name);
const child = (e: XmlElement | undefined, name: string) => (e ? children(e, name)[0] : undefined);
const descendants = (e: XmlElement, name: string) =>
  allElements(e).filter((d) => local(d.name) === name);

const colourOf = (spPr: XmlElement | undefined) =>
  spPr ? descendants(spPr, 'srgbClr')[0]?.attrs.val : undefined;

function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** An opened package: parsed parts (each checked well-formed) and relationships by id. */
export class XlsxPackage {
  private constructor(readonly zip: JSZip) {}

  static async open(xlsx: Buffer | Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(xlsx));
  }

  /** Every file part's path (folders left out). */
  paths(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  async xml(path: string): Promise<XmlElement> {
    const file = this.zip.file(path);
    if (!file) throw new Error(`no part ${path}`);
    return parseXml(await file.async('string'));
  }

  /** The part's relationships: id → { type, target path }. */
  async relationships(path: string): Promise<Map<string, { type: string; target: string }>> {
    const slash = path.lastIndexOf('/');
    const relsPath = `${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`;
    const rels = new Map<string, { type: string; target: string }>();
    if (!this.zip.file(relsPath)) return rels;
    for (const rel of children(await this.xml(relsPath), 'Relationship'))
      rels.set(rel.attrs.Id!, {
        type: rel.attrs.Type!.split('/').pop()!,
        target: resolve(path, rel.attrs.Target!),
      });
    return rels;
  }

  /** The content type declared for a part (Override, else Default by extension). */
  async contentType(path: string): Promise<string | undefined> {
    const types = await this.xml('[Content_Types].xml');
    const override = children(types, 'Override').find((o) => o.attrs.PartName === `/${path}`);
    if (override) return override.attrs.ContentType;
    const extension = path.split('.').pop();
    return children(types, 'Default').find((d) => d.attrs.Extension === extension)?.attrs
      .ContentType;
  }

  async worksheetPath(sheetName: string): Promise<string> {
    const workbook = await this.xml('xl/workbook.xml');
    const sheet = descendants(workbook, 'sheet').find((s) => s.attrs.name === sheetName);
    if (!sheet) throw new Error(`no sheet "${sheetName}"`);
    const rel = (await this.relationships('xl/workbook.xml')).get(sheet.attrs['r:id']!);
    if (!rel) throw new Error(`sheet "${sheetName}" has no part`);
    return rel.target;
  }

  async charts(sheetName: string): Promise<SheetCharts> {
    const worksheetPath = await this.worksheetPath(sheetName);
    const worksheet = await this.xml(worksheetPath);
    const result: SheetCharts = {
      worksheetPath,
      worksheetChildren: worksheet.children.map((c) => local(c.name)),
      charts: [],
    };
    const drawings = children(worksheet, 'drawing');
    if (drawings.length === 0) return result;
    const sheetRels = await this.relationships(worksheetPath);
    const drawingPath = sheetRels.get(drawings[0]!.attrs['r:id']!)!.target;
    const drawing = await this.xml(drawingPath);
    const drawingRels = await this.relationships(drawingPath);
    for (const anchor of drawing.children) {
      const chartRef = descendants(anchor, 'chart')[0];
      if (!chartRef) continue;
      const path = drawingRels.get(chartRef.attrs['r:id']!)!.target;
      const from = child(anchor, 'from')!;
      const ext = child(anchor, 'ext');
      result.charts.push({
        ...(await this.chart(path)),
        from: { col: Number(child(from, 'col')!.text), row: Number(child(from, 'row')!.text) },
        size: ext ? { cx: Number(ext.attrs.cx), cy: Number(ext.attrs.cy) } : undefined,
      });
    }
    return result;
  }

  private async chart(path: string): Promise<Omit<PackageChart, 'from' | 'size'>> {
    const space = await this.xml(path);
    const plotArea = descendants(space, 'plotArea')[0]!;
    const plot = plotArea.children.find((c) => /Chart$/.test(local(c.name)))!;
    const type =
      local(plot.name) === 'barChart' ? child(plot, 'barDir')!.attrs.val! : local(plot.name);
    const title = descendants(child(descendants(space, 'chart')[0]!, 'title')!, 't')
      .map((t) => t.text)
      .join('');
    const axisFormat = (axis: string) => {
      const numFmt = child(child(plotArea, axis), 'numFmt');
      return numFmt
        ? { code: numFmt.attrs.formatCode!, sourceLinked: numFmt.attrs.sourceLinked! }
        : undefined;
    };
    return {
      path,
      type: type.replace(/Chart$/, ''),
      title,
      series: children(plot, 'ser').map((ser) => {
        const val = child(ser, 'val')!;
        const cache = descendants(val, 'numCache')[0];
        const cached = new Map<number, number>();
        for (const pt of cache ? children(cache, 'pt') : [])
          cached.set(Number(pt.attrs.idx), Number(child(pt, 'v')!.text));
        return {
          name: descendants(child(ser, 'tx')!, 'v')[0]!.text,
          categories: descendants(child(ser, 'cat')!, 'f')[0]!.text,
          values: descendants(val, 'f')[0]!.text,
          valuesFormat: cache ? child(cache, 'formatCode')?.text : undefined,
          cached,
          pointCount: Number(child(cache!, 'ptCount')?.attrs.val),
          colour: colourOf(child(ser, 'spPr')),
        };
      }),
      categoryAxisFormat: axisFormat('catAx') ?? axisFormat('dateAx'),
      valueAxisFormat: axisFormat('valAx'),
    };
  }
}
