// sales-kpi export pipeline --data: exit codes, the row report on standard error, overrides, and the workbook it writes (worked out by hand from the fixtures).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { MAX_BYTES } from '../../core/import/limits';
import type { EngineValue } from '../support/template-inputs';
import { readSheetValues } from '../support/xlsx-values';
import { readCells } from './workbook-cells';

const ENV = { lang: 'en' as const, month: '2026-05' };

function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/crm/${name}`, import.meta.url));
}

async function run(args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, ENV);
  return { code, out, err };
}

let dir = '';
let n = 0;
/** A fresh output path in the test folder. */
const outPath = () => join(dir, `out-${++n}.xlsx`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-deals-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV written into the test folder. */
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * The "All deals" row of the analysis sheet (the workbook's second), each figure by its column
 * header, read from the file's XML (ExcelJS drops a cached 0).
 */
async function analysis(file: string): Promise<Record<string, EngineValue>> {
  const cells = (await readSheetValues(file))[1]!;
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

describe('sales-kpi --help', () => {
  it('documents --data, its overrides with the contract’s field keys, and the exit codes', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    const help = out.join('\n');
    expect(help).toContain('--data <file.csv>');
    expect(help).toContain(
      'fields: id, name, stage, outcome, amount, currency, created, closed, owner, source, pipeline',
    );
    expect(help).toContain('--day-order <field>=dmy|mdy');
    expect(help).toContain('3 some rows were reported and left out');
  });
});

describe('export pipeline --data', () => {
  it('reads every row of a HubSpot export: exit 0, nothing on standard error, the totals cached', async () => {
    const out = outPath();
    const {
      code,
      err,
      out: said,
    } = await run(['export', 'pipeline', '--data', fixture('hubspot-deals.csv'), '--out', out]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(said.join('\n')).toContain('Read 24 deals');
    // By hand from the file: 10 won (113,000), 8 lost, 6 open (54,000); 330 days over 10 won.
    expect(await analysis(out)).toMatchObject({
      'Deals created': 24,
      Won: 10,
      Lost: 8,
      'Closed (won + lost)': 18,
      'Win rate': 10 / 18,
      Open: 6,
      'Open pipeline value': 54000,
      'Revenue won': 113000,
      'Average deal size': 11300,
      'Days created to won, added up': 330,
      'Average sales cycle': 33,
    });
  });

  it('writes the deals as a table of values beside the analysis: names as text, dates as serials', async () => {
    const out = outPath();
    await run(['export', 'pipeline', '--data', fixture('hubspot-deals.csv'), '--out', out]);
    const { cells, sheet } = await readCells(out, 'Deals');
    expect(sheet.workbook.worksheets.map((s) => s.name)).toEqual(['Deals', 'Pipeline analysis']);
    expect(cells.get('C2')?.value).toBe('Nordic Logistics – renewal');
    expect(cells.get('B2')?.value).toBe('18234001');
    expect(cells.get('F2')?.value).toBe(12000);
    // 2026-01-05 as an Excel serial: 46027.
    expect(cells.get('H2')?.value).toBe(46027);
    expect(cells.get('C25')?.value).toBe('Savonlinna Opera tickets');
    expect(cells.has('A26')).toBe(false);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const table = await zip.file('xl/tables/table1.xml')!.async('string');
    expect(table).toMatch(/\sname="KpiDeals"[^>]*\sref="A1:L25"/);
  });

  it('reports each bad row of the messy export on standard error and leaves them out: exit 3', async () => {
    const out = outPath();
    const path = fixture('messy-deals.csv');
    const { code, err } = await run(['export', 'pipeline', '--data', path, '--out', out]);
    expect(code).toBe(3);
    // Worked out from the file (rows as a spreadsheet numbers them; the quoted line break is one row).
    expect(err).toEqual([
      'sales-kpi: Note: the deals are in EUR, USD; the analysis adds up amounts in EUR only (choose with --currency), never across currencies.',
      `${path}: 6 rows reported, 5 of them left out:`,
      '  row 7, column "Close Date", value "2026-02-30": not a date; left out',
      '  row 8, column "Amount", value "": no amount: read as 0, row kept',
      '  row 9, column "Amount", value "n/a": not a number; left out',
      '  row 10, column "Create Date", value "soon": not a date; left out',
      '  row 13, column "Close Date", value "": won or lost without a close date; left out',
      '  row 15, column "", value "Total": a totals row, not a deal; left out',
    ]);
    // Kept: Acme 1,200 EUR won, Beta 2,500 EUR won, Gamma lost, Delta 3,000 USD won, Zeta open
    // (no amount: 0), Iota 800 EUR won, Lambda 5,000 EUR open. Money in EUR only.
    expect(await analysis(out)).toMatchObject({
      'Deals created': 7,
      Won: 4,
      Lost: 1,
      'Win rate': 0.8,
      Open: 2,
      'Open pipeline value': 5000,
      'Revenue won': 4500,
      'Won in this currency': 3,
      'Average deal size': 1500,
      // 10 + 30 + 20 + 10 days over the 4 won, whatever their currency.
      'Average sales cycle': 17.5,
    });
  });

  it('writes the report in the language asked for', async () => {
    const { code, err } = await run([
      'export',
      'pipeline',
      '--lang',
      'fi',
      '--data',
      fixture('messy-deals.csv'),
      '--out',
      outPath(),
    ]);
    expect(code).toBe(3);
    expect(err).toContain(
      '  rivi 7, sarake "Close Date", arvo "2026-02-30": ei ole päivämäärä; jätettiin pois',
    );
    expect(err).toContain(
      '  rivi 15, sarake "", arvo "Total": summarivi, ei kauppa; jätettiin pois',
    );
  });

  it('counts the stages named by --won and --lost so', async () => {
    const out = outPath();
    const { code, err } = await run([
      'export',
      'pipeline',
      '--data',
      fixture('hubspot-deals.csv'),
      '--won',
      'Contract Sent',
      '--lost',
      'appointment scheduled',
      '--out',
      out,
    ]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // Contract Sent: Kajaani 20,000 and Savonlinna 3,000 won, 35 days each; Hanko 4,000 lost.
    expect(await analysis(out)).toMatchObject({
      Won: 12,
      Lost: 9,
      Open: 3,
      'Revenue won': 136000,
      'Open pipeline value': 54000 - 23000 - 4000,
      'Days created to won, added up': 400,
    });
  });

  it('reads a field from the column --map names: Pipedrive’s lost deals lose their close date', async () => {
    const out = outPath();
    const { code, err } = await run([
      'export',
      'pipeline',
      '--data',
      fixture('pipedrive-deals.csv'),
      '--map',
      'closed=Deal - Won time',
      '--out',
      out,
    ]);
    // The six lost deals (104, 105, 108, 109, 111, 113 on rows 5, 6, 9, 10, 12, 14) had their date in "Lost time".
    expect(code).toBe(3);
    expect(err[0]).toContain('6 rows reported, 6 of them left out');
    expect(err.filter((line) => line.includes('won or lost without a close date'))).toHaveLength(6);
    expect(err[1]).toBe(
      '  row 5, column "Deal - Won time", value "": won or lost without a close date; left out',
    );
    expect(await analysis(out)).toMatchObject({ 'Deals created': 14, Won: 7, Lost: 0, Open: 7 });
  });

  it('reads a file of unknown headers once --map names its columns', async () => {
    const path = csv(
      'custom.csv',
      'Title,Money,Opened,Finished,Result\nA,100,2026-01-05,2026-01-15,Closed Won\nB,50,2026-01-06,,Thinking\n',
    );
    const refused = await run(['export', 'pipeline', '--data', path, '--out', outPath()]);
    expect(refused.code).toBe(2);
    expect(refused.err.join('\n')).toContain('--map');
    expect(refused.err.join('\n')).toContain('"Title", "Money", "Opened", "Finished", "Result"');
    const out = outPath();
    const mapped = await run([
      'export',
      'pipeline',
      '--data',
      path,
      ...['--map', 'amount=Money', '--map', 'created=Opened', '--map', 'closed=Finished'],
      ...['--map', 'stage=Result', '--map', 'name=Title'],
      '--out',
      out,
    ]);
    expect(mapped.err).toEqual([]);
    expect(mapped.code).toBe(0);
    expect(await analysis(out)).toMatchObject({
      'Deals created': 2,
      Won: 1,
      Open: 1,
      'Revenue won': 100,
    });
  });

  it('asks which day order an ambiguous date column has, and reads it as --day-order says', async () => {
    const path = csv(
      'ambiguous.csv',
      'Deal Name,Deal Stage,Amount,Create Date,Close Date\nA,Closed Won,100,01/02/2026,03/04/2026\nB,Closed Lost,50,05/06/2026,07/08/2026\n',
    );
    const out = outPath();
    const refused = await run(['export', 'pipeline', '--data', path, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err.join('\n')).toContain('--day-order created=dmy');
    expect(refused.err.join('\n')).toContain('--day-order closed=mdy');
    expect(existsSync(out)).toBe(false);
    const read = await run([
      'export',
      'pipeline',
      '--data',
      path,
      '--day-order',
      'created=dmy',
      '--day-order',
      'closed=dmy',
      '--out',
      out,
    ]);
    expect(read.code).toBe(0);
    const { cells } = await readCells(out, 'Deals');
    // Day first: 1 February 2026 (46054) to 3 April 2026 (46115).
    expect(cells.get('H2')?.value).toBe(46054);
    expect(cells.get('I2')?.value).toBe(46115);
  });
});

describe('export pipeline --data refusals: exit 2, nothing written', () => {
  const refusals: [string, () => string[], RegExp][] = [
    [
      'an unknown field in --map',
      () => ['--data', fixture('hubspot-deals.csv'), '--map', 'price=Amount'],
      /Unknown field "price" in --map\. Fields: id, name, stage/,
    ],
    [
      '--map without "="',
      () => ['--data', fixture('hubspot-deals.csv'), '--map', 'Amount'],
      /--map takes <field>=<column header>/,
    ],
    [
      'a header the file lacks',
      () => ['--data', fixture('hubspot-deals.csv'), '--map', 'amount=Price'],
      /has no column "Price" \(--map amount=Price\)\. The columns are: "Record ID", "Deal Name"/,
    ],
    ['--won without --data', () => ['--won', 'Signed'], /--won applies to the deals file/],
    [
      'a stage both won and lost',
      () => ['--data', fixture('hubspot-deals.csv'), '--won', 'X', '--lost', 'X'],
      /"X" is given both as --won and as --lost/,
    ],
    [
      'a bad --day-order',
      () => ['--data', fixture('hubspot-deals.csv'), '--day-order', 'owner=dmy'],
      /--day-order takes <field>=dmy/,
    ],
    ['a missing file', () => ['--data', join(dir, 'none.csv')], /none\.csv: there is no such file/],
    ['a folder', () => ['--data', dir], /it is not a regular file/],
    [
      'an .xlsx renamed to .csv',
      () => ['--data', csv('book.csv', 'PK\u0003\u0004rest')],
      /book\.csv: This is not a text file: it looks like an Excel workbook/,
    ],
    ['an empty file', () => ['--data', csv('empty.csv', '')], /empty\.csv: The file is empty/],
    [
      'a file of headers only',
      () => ['--data', csv('headers.csv', 'Deal Name,Amount\n')],
      /headers\.csv: The file has column headers but no deals/,
    ],
    [
      'an option the template refuses',
      () => ['--data', fixture('hubspot-deals.csv'), '--periods', '99'],
      /99/,
    ],
  ];
  for (const [what, args, message] of refusals)
    it(`refuses ${what}`, async () => {
      const out = outPath();
      const { code, err } = await run(['export', 'pipeline', ...args(), '--out', out]);
      expect(code).toBe(2);
      expect(err.join('\n')).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });

  it('refuses --data for a template that reads no deals', async () => {
    const out = outPath();
    const { code, err } = await run([
      'export',
      'funnel',
      '--data',
      fixture('hubspot-deals.csv'),
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(err).toEqual([
      'sales-kpi: --data reads deals for the template "pipeline", not "funnel".',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file above the size limit from its size, without reading it', async () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, 'Deal Name,Amount\n');
    // Sparse: the size says MAX_BYTES + 1 while the disk holds almost nothing.
    truncateSync(path, MAX_BYTES + 1);
    const out = outPath();
    const { code, err } = await run(['export', 'pipeline', '--data', path, '--out', out]);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/huge\.csv: The file is larger than 50 MB/);
    expect(existsSync(out)).toBe(false);
  });

  it('stops reading an endless stream after the size limit', async () => {
    const fifo = join(dir, 'endless.csv');
    if (spawnSync('mkfifo', [fifo]).status !== 0) {
      console.warn('endless stream test skipped: mkfifo is not available');
      return;
    }
    // `yes` writes forever; closing the read end ends it (SIGPIPE).
    const writer = spawn('sh', ['-c', `yes 'Deal Name,Amount' > '${fifo}'`], { stdio: 'ignore' });
    try {
      const { code, err } = await run(['export', 'pipeline', '--data', fifo, '--out', outPath()]);
      expect(code).toBe(2);
      expect(err.join('\n')).toMatch(/The file is larger than 50 MB/);
    } finally {
      writer.kill();
    }
  }, 60_000);
});

describe('export pipeline without --data', () => {
  it('writes the example deals and an analysis whose cached totals count them', async () => {
    const out = outPath();
    const { code, err } = await run(['export', 'pipeline', '--out', out]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const { cells: deals } = await readCells(out, 'Deals');
    // Counted here from the written data sheet, apart from the core's evaluation.
    let won = 0;
    let lost = 0;
    let rows = 0;
    let revenue = 0;
    for (let r = 2; deals.has(`A${r}`); r++) {
      rows++;
      const outcome = deals.get(`E${r}`)?.value;
      if (outcome === 'won') {
        won++;
        revenue += Number(deals.get(`F${r}`)?.value);
      }
      if (outcome === 'lost') lost++;
    }
    expect(rows).toBeGreaterThan(10);
    expect(await analysis(out)).toMatchObject({
      'Deals created': rows,
      Won: won,
      Lost: lost,
      'Revenue won': revenue,
    });
  });
});
