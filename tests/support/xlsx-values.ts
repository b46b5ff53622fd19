// Reads the stored values and validations of every sheet of an .xlsx file straight from its XML (ExcelJS drops a cached 0 or FALSE).
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { decodeXml } from '../../cli/xlsx-chart-parts';
import type { EngineValue } from './template-inputs';

/** A sheet's values by A1 address; a formula cell holds its stored result. */
export type SheetValues = Map<string, EngineValue>;

/** The text of every <t> inside `xml`, joined (rich text runs included). */
function textOf(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decodeXml(m[1]!)).join('');
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
}

function cellValue(type: string | undefined, body: string, shared: readonly string[]): EngineValue {
  const raw = /<v>([^<]*)<\/v>/.exec(body)?.[1];
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? null;
    case 'str':
      return decodeXml(raw ?? '');
    case 'inlineStr':
      return textOf(body);
    case 'b':
      return raw === '1';
    case 'e':
      return { error: decodeXml(raw ?? '') };
    default:
      return raw === undefined ? null : Number(raw);
  }
}

/** Every sheet's values, in the workbook's sheet order. */
export async function readSheetValues(file: string): Promise<SheetValues[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const shared = [...(await read('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => textOf(m[1]!),
  );
  const relations = new Map(
    [...(await read('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\s([^>]*)\/?>/g)].map(
      (m) => [attribute(m[1]!, 'Id'), attribute(m[1]!, 'Target')] as const,
    ),
  );
  const sheets: SheetValues[] = [];
  for (const [, attributes] of (await read('xl/workbook.xml')).matchAll(/<sheet\s([^>]*)\/?>/g)) {
    const target = relations.get(attribute(attributes!, 'r:id'))!;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const values: SheetValues = new Map();
    for (const [, cellAttributes, body] of (await read(path)).matchAll(
      /<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g,
    )) {
      const address = attribute(cellAttributes!, 'r')!;
      values.set(address, cellValue(attribute(cellAttributes!, 't'), body ?? '', shared));
    }
    sheets.push(values);
  }
  return sheets;
}

/** A data validation as the file stores it. */
export interface StoredValidation {
  type: string | undefined;
  sqref: string | undefined;
  formula1: string | undefined;
  prompt: string | undefined;
}

/** Every sheet's data validations, in the workbook's sheet order. */
export async function readValidations(file: string): Promise<StoredValidation[][]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const relations = new Map(
    [...(await read('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\s([^>]*)\/?>/g)].map(
      (m) => [attribute(m[1]!, 'Id'), attribute(m[1]!, 'Target')] as const,
    ),
  );
  const sheets: StoredValidation[][] = [];
  for (const [, attributes] of (await read('xl/workbook.xml')).matchAll(/<sheet\s([^>]*)\/?>/g)) {
    const target = relations.get(attribute(attributes!, 'r:id'))!;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const xml = await read(path);
    sheets.push(
      [...xml.matchAll(/<dataValidation\s([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map(
        ([, validationAttributes, body]) => {
          const formula = /<formula1>([^<]*)<\/formula1>/.exec(body!)?.[1];
          const value = (name: string) => {
            const raw = attribute(validationAttributes!, name);
            return raw === undefined ? undefined : decodeXml(raw);
          };
          return {
            type: value('type'),
            sqref: value('sqref'),
            formula1: formula === undefined ? undefined : decodeXml(formula),
            prompt: value('prompt'),
          };
        },
      ),
    );
  }
  return sheets;
}
