// Pipeline workbooks exported from CRM files, recalculated by LibreOffice: the hand-worked totals, no error cells, the deals' text still text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { CRITERIA_NAMES } from '../support/criteria-names';
import { findSoffice, recalculateInLibreOffice } from '../support/libreoffice';
import type { EngineValue } from '../support/template-inputs';
import { readSheetValues, type SheetValues } from '../support/xlsx-values';

const soffice = findSoffice();
if (!soffice)
  console.warn('libreoffice-pipeline.test.ts skipped: soffice (LibreOffice) is not on the PATH');

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/crm/${name}`, import.meta.url));

/** Names a spreadsheet could take for formulas or escapes, as a CRM might hold them. */
const TRICKY_NAMES = ['=1+1', '@SUM(A1)', '+358 40 123', '-5', '_x0041_'];

/** Names COUNTIFS could read as wildcards or operators, as an import keeps them (trimmed). */
const CRITERIA_CSV_NAMES = CRITERIA_NAMES.filter((name) => name === name.trim());

let dir = '';
const files: Record<
  'hubspot' | 'messy' | 'tricky' | 'criteria',
  { original: string; recalculated: string }
> = {
  hubspot: { original: '', recalculated: '' },
  messy: { original: '', recalculated: '' },
  tricky: { original: '', recalculated: '' },
  criteria: { original: '', recalculated: '' },
};

/**
 * A stored text as spreadsheets read it: "_xHHHH_" is an escaped character in .xlsx text
 * (ECMA-376 ST_Xstring), so "_x005F_x0041_" reads "_x0041_". LibreOffice writes them on save.
 */
function asRead(value: EngineValue): EngineValue {
  return typeof value === 'string'
    ? value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, code: string) =>
        String.fromCharCode(parseInt(code, 16)),
      )
    : value;
}

/** Every sheet's values of `file` as spreadsheets read them. */
async function sheetsOf(file: string): Promise<SheetValues[]> {
  return (await readSheetValues(file)).map(
    (sheet) => new Map([...sheet].map(([address, value]) => [address, asRead(value)])),
  );
}

/** The "All deals" row, each figure by its column header. */
function summary(cells: SheetValues): Record<string, EngineValue> {
  const label = [...cells].find(([, value]) => value === 'All deals');
  if (!label) throw new Error('no "All deals" row');
  const row = Number(/\d+$/.exec(label[0])![0]);
  const figures: Record<string, EngineValue> = {};
  for (const [address, value] of cells) {
    const [, column, line] = /^([A-Z]+)(\d+)$/.exec(address)!;
    if (Number(line) === row - 1) figures[String(value)] = cells.get(`${column}${row}`) ?? null;
  }
  return figures;
}

describe.skipIf(!soffice)('LibreOffice recalculation of exported pipeline workbooks', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-lo-pipeline-'));
    const tricky = join(dir, 'tricky.csv');
    writeFileSync(
      tricky,
      'Deal Name,Deal Stage,Amount,Create Date,Close Date,Deal owner\n' +
        TRICKY_NAMES.map(
          (name, i) => `"${name}",Closed Won,100,2026-01-0${i + 1},2026-01-2${i},"${name}"`,
        ).join('\n'),
    );
    // Deal i: won, from and owned by name i, worth 100 × (i + 1).
    const criteria = join(dir, 'criteria.csv');
    writeFileSync(
      criteria,
      'Deal Name,Deal Stage,Amount,Create Date,Close Date,Deal owner,Original Source Type\n' +
        CRITERIA_CSV_NAMES.map(
          (name, i) =>
            `"${name}",Closed Won,${100 * (i + 1)},2026-01-${String(i + 1).padStart(2, '0')},` +
            `2026-02-01,"${name}","${name}"`,
        ).join('\n'),
    );
    const sources = {
      hubspot: fixture('hubspot-deals.csv'),
      messy: fixture('messy-deals.csv'),
      tricky,
      criteria,
    };
    for (const [key, data] of Object.entries(sources) as [keyof typeof files, string][]) {
      files[key].original = join(dir, `${key}.xlsx`);
      const code = await runCli(
        [
          'export',
          'pipeline',
          '--data',
          data,
          '--out',
          files[key].original,
          ...(key === 'criteria' ? ['--rows', '20'] : []),
        ],
        { out: () => undefined, err: () => undefined },
        { lang: 'en', month: '2026-05' },
      );
      if (code !== 0 && code !== 3) throw new Error(`${key}: exit ${code}`);
    }
    const copies = await recalculateInLibreOffice(
      soffice!,
      Object.values(files).map((f) => f.original),
      join(dir, 'recalculated'),
    );
    Object.values(files).forEach((f, i) => (f.recalculated = copies[i]!));
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the HubSpot totals worked out by hand', async () => {
    const [, analysis] = await sheetsOf(files.hubspot.recalculated);
    expect(summary(analysis!)).toMatchObject({
      'Deals created': 24,
      Won: 10,
      Lost: 8,
      Open: 6,
      'Open pipeline value': 54000,
      'Revenue won': 113000,
      'Average sales cycle': 33,
    });
    expect(summary(analysis!)['Win rate']).toBeCloseTo(10 / 18, 12);
  });

  it('gives the messy file’s totals, money in EUR only', async () => {
    const [, analysis] = await sheetsOf(files.messy.recalculated);
    expect(summary(analysis!)).toMatchObject({
      'Deals created': 7,
      Won: 4,
      Lost: 1,
      Open: 2,
      'Open pipeline value': 5000,
      'Revenue won': 4500,
      'Average deal size': 1500,
      'Average sales cycle': 17.5,
    });
  });

  it('agrees with every value the writer cached, with no error cell anywhere', async () => {
    for (const { original, recalculated } of Object.values(files)) {
      const before = await sheetsOf(original);
      const after = await sheetsOf(recalculated);
      for (const [s, sheet] of before.entries())
        for (const [address, value] of sheet) {
          const again = after[s]!.get(address) ?? null;
          const same =
            typeof value === 'number' && typeof again === 'number'
              ? Math.abs(value - again) <= 1e-9 * Math.max(1, Math.abs(value))
              : (value ?? '') === (again ?? '');
          expect(
            same,
            `${original} sheet ${s + 1} ${address}: ${JSON.stringify(value)} vs ${JSON.stringify(again)}`,
          ).toBe(true);
        }
      for (const sheet of after)
        for (const [address, value] of sheet)
          expect(typeof value === 'object' && value !== null, `${recalculated} ${address}`).toBe(
            false,
          );
    }
  });

  it('keeps names that look like formulas or escapes as the text they are', async () => {
    const [deals, analysis] = await sheetsOf(files.tricky.recalculated);
    TRICKY_NAMES.forEach((name, i) => {
      expect(deals!.get(`C${i + 2}`)).toBe(name);
      expect(deals!.get(`J${i + 2}`)).toBe(name);
    });
    // The owners are listed by name in the analysis and counted by COUNTIFS against them.
    expect(summary(analysis!)).toMatchObject({ 'Deals created': 5, Won: 5, 'Revenue won': 500 });
  });

  it('counts a name COUNTIFS could read as a wildcard or operator as only its own deals', async () => {
    const [, analysis] = await sheetsOf(files.criteria.recalculated);
    const cells = analysis!;
    const header = [...cells].find(([, value]) => value === 'Owner');
    expect(header, 'the owner table').toBeDefined();
    const headerRow = Number(/\d+$/.exec(header![0])![0]);
    const column = (label: string) =>
      [...cells]
        .find(([address, value]) => value === label && address.endsWith(`${headerRow}`))![0]
        .replace(/\d+$/, '');
    CRITERIA_CSV_NAMES.forEach((name, i) => {
      const found = [...cells].find(
        ([address, value]) => value === name && /^A\d+$/.test(address) && address !== header![0],
      );
      expect(found, JSON.stringify(name)).toBeDefined();
      const row = found![0].slice(1);
      expect(
        [
          cells.get(`${column('Deals created')}${row}`),
          cells.get(`${column('Revenue won')}${row}`),
        ],
        JSON.stringify(name),
      ).toEqual([1, 100 * (i + 1)]);
    });
  });
});
