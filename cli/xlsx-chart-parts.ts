// The DrawingML text of a plan's chart (xl/charts/chartN.xml) and of the drawing that places it on the sheet.
import { isKpiError } from '../core/errors';
import { columnName, parseCell, parseRange } from '../core/templates/a1';
import type { ComputedValue } from '../core/templates/evaluate';
import type { ChartPlan, Lang, SheetPlan } from '../core/templates/plan';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

/** Excel's own default series colours (Office theme accents 1–6), as the hosts' inserted charts show. */
const SERIES_COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** DrawingML lengths are in EMU: 9525 per pixel at 96 dpi. */
const EMU_PER_PIXEL = 9525;

const LANGUAGE_TAGS: Record<Lang, string> = { en: 'en-US', fi: 'fi-FI' };

/** Text as XML character data or attribute value; characters XML 1.0 forbids are dropped. */
/** Attribute or text content of XML back to plain text: the five entities and character references. */
export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** "'Lead funnel'!$B$5:$G$5": a range of the plan's sheet as a chart formula, the name always quoted. */
export function sheetRangeFormula(sheetName: string, range: string): string {
  const { row1, col1, row2, col2 } = parseRange(range);
  const absolute = (row: number, col: number) => `$${columnName(col)}$${row + 1}`;
  const corners =
    row1 === row2 && col1 === col2
      ? absolute(row1, col1)
      : `${absolute(row1, col1)}:${absolute(row2, col2)}`;
  return `'${sheetName.replace(/'/g, "''")}'!${corners}`;
}

/** The plan cells and computed values of a one-row or one-column range, in order. */
function rangeCells(
  plan: SheetPlan,
  computed: ComputedValue[][],
  range: string,
): { format: string | undefined; values: ComputedValue[] } {
  const { row1, col1, row2, col2 } = parseRange(range);
  const values: ComputedValue[] = [];
  for (let r = row1; r <= row2; r++)
    for (let c = col1; c <= col2; c++) values.push(computed[r]![c]!);
  return { format: plan.cells[row1]?.[col1]?.format, values };
}

function numberCache(format: string | undefined, values: readonly ComputedValue[]): string {
  const points = values
    .map((value, i) =>
      typeof value === 'number' && Number.isFinite(value)
        ? `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`
        : '',
    )
    .join('');
  return `<c:numCache><c:formatCode>${escapeXml(format ?? 'General')}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function stringCache(values: readonly ComputedValue[]): string {
  const points = values
    .map((value, i) =>
      value === null || value === '' || isKpiError(value)
        ? ''
        : `<c:pt idx="${i}"><c:v>${escapeXml(String(value))}</c:v></c:pt>`,
    )
    .join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

/** Whether the filled cells are all numbers (month serials): such categories keep their number format. */
function allNumbers(values: readonly ComputedValue[]): boolean {
  const filled = values.filter((v) => v !== null && v !== '');
  return filled.length > 0 && filled.every((v) => typeof v === 'number');
}

function categoryData(formula: string, cells: ReturnType<typeof rangeCells>): string {
  return allNumbers(cells.values)
    ? `<c:cat><c:numRef><c:f>${escapeXml(formula)}</c:f>${numberCache(cells.format, cells.values)}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${escapeXml(formula)}</c:f>${stringCache(cells.values)}</c:strRef></c:cat>`;
}

function seriesLook(type: ChartPlan['type'], colour: string): string {
  if (type === 'line')
    return `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`;
  return `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
}

function richText(text: string, lang: Lang, size: number, bold: boolean): string {
  const run = `sz="${size}" b="${bold ? 1 : 0}"`;
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${run}/></a:pPr><a:r><a:rPr lang="${LANGUAGE_TAGS[lang]}" ${run}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`;
}

const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

function axes(
  type: ChartPlan['type'],
  categoryFormat: string | undefined,
  valueFormat: string,
): string {
  // A bar chart lies on its side: categories down the left, values along the bottom.
  const [categoryPosition, valuePosition] = type === 'bar' ? ['l', 'b'] : ['b', 'l'];
  const ticks =
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  const categoryNumbers =
    categoryFormat === undefined
      ? '<c:numFmt formatCode="General" sourceLinked="1"/>'
      : `<c:numFmt formatCode="${escapeXml(categoryFormat)}" sourceLinked="0"/>`;
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${categoryPosition}"/>${categoryNumbers}${ticks}<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${valuePosition}"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="0"/>` +
    `${ticks}<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/**
 * The chart part for one plan chart on the sheet named `sheetName`: the plan's type, title and
 * literal series names, ranges on that sheet with the values cached (viewers that do not
 * recalculate still draw it), and the value axis in the values' own number format (the sheet's
 * currency or percent), as Excel shows it for the hosts' inserted charts.
 */
export function chartPartXml(
  chart: ChartPlan,
  plan: SheetPlan,
  computed: ComputedValue[][],
  sheetName: string,
): string {
  const lang = plan.options.lang;
  const categoriesFormula = sheetRangeFormula(sheetName, chart.categories);
  const categories = rangeCells(plan, computed, chart.categories);
  const numericCategories = allNumbers(categories.values);
  const series = chart.series.map((s, i) => {
    const values = rangeCells(plan, computed, s.values);
    const formula = sheetRangeFormula(sheetName, s.values);
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
      seriesLook(chart.type, SERIES_COLOURS[i % SERIES_COLOURS.length]!) +
      categoryData(categoriesFormula, categories) +
      `<c:val><c:numRef><c:f>${escapeXml(formula)}</c:f>${numberCache(values.format, values.values)}</c:numRef></c:val>` +
      (chart.type === 'line' ? '<c:smooth val="0"/>' : '') +
      '</c:ser>'
    );
  });
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  const plot =
    chart.type === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join('')}<c:marker val="1"/>${axisIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="${chart.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        `${series.join('')}<c:gapWidth val="150"/>${axisIds}</c:barChart>`;
  const valueFormat = rangeCells(
    plan,
    computed,
    chart.series[0]?.values ?? chart.categories,
  ).format;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:lang val="${LANGUAGE_TAGS[lang]}"/><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx>${richText(chart.title, lang, 1400, true)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    `<c:plotArea><c:layout/>${plot}${axes(chart.type, numericCategories ? categories.format : undefined, valueFormat ?? 'General')}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/**
 * The drawing part placing each chart with its top-left corner at its anchor cell and its
 * size in pixels, whatever the rows' heights; `chartIds[i]` is the relationship id of chart i.
 */
export function drawingPartXml(charts: readonly ChartPlan[], chartIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const { row, col } = parseCell(chart.anchor);
    return (
      '<xdr:oneCellAnchor>' +
      `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${chart.width * EMU_PER_PIXEL}" cy="${chart.height * EMU_PER_PIXEL}"/>` +
      '<xdr:graphicFrame macro="">' +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${chartIds[i]}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`
  );
}
