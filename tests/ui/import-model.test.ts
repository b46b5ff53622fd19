// The sidebar's import logic without a browser: the user's column, stage and date answers, the saved record, refusals in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedDeals } from '../../core/import/index';
import type { ImportError } from '../../core/import/types';
import {
  amountDecimalMark,
  ambiguousDateColumns,
  columnOptions,
  initialChoices,
  loadFile,
  missingRequired,
  previewCells,
  readDeals,
  rowCounts,
  stageQuestions,
  type LoadedFile,
} from '../../core/ui/import-model';
import { refusalText } from '../../core/ui/import-texts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/crm/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);

function loaded(name: string, data: Uint8Array): LoadedFile {
  const result = loadFile(name, data);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

function deals(file: LoadedFile, choices = initialChoices(file, null)): ImportedDeals {
  const result = readDeals(file, choices);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

function refusal(name: string, data: Uint8Array): ImportError {
  const result = loadFile(name, data);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('messy export (tests/fixtures/crm/messy-deals.csv)', () => {
  const file = loaded('messy-deals.csv', fixture('messy-deals.csv'));

  it('reports the rows worked out by hand from the file, and counts each row once', () => {
    // Rows as a spreadsheet numbers them: the quoted line break keeps "Multi-line" in row 3,
    // the blank line is row 4. Row 7: 30 February; row 8: no amount (kept as 0); row 9: "n/a";
    // row 10: "soon"; row 13: lost without a close date; row 15: the totals line.
    const result = deals(file);
    expect(result.problems.map((p) => [p.row, p.column, p.value, p.reason, p.leftOut])).toEqual([
      [7, 'Close Date', '2026-02-30', 'bad-date', true],
      [8, 'Amount', '', 'blank-amount', false],
      [9, 'Amount', 'n/a', 'bad-number', true],
      [10, 'Create Date', 'soon', 'bad-date', true],
      [13, 'Close Date', '', 'blank-closed', true],
      [15, '', 'Total', 'totals-row', true],
    ]);
    // 12 data rows (2, 3, 5–10, 12–15): 7 deals, 5 rows left out.
    expect(rowCounts(result)).toEqual({ read: 12, leftOut: 5 });
    expect(result.currencies).toEqual(['EUR', 'USD']);
  });

  it('previews the first three rows as they will be read', () => {
    const choices = initialChoices(file, null);
    expect(previewCells(file, choices, 'amount', '.')).toEqual([
      { text: '1200', read: true },
      { text: '2500 EUR', read: true },
      { text: '-1000', read: true },
    ]);
    expect(previewCells(file, choices, 'created', '.').map((cell) => cell.text)).toEqual([
      '2026-01-05',
      '2026-01-10',
      '2026-01-12',
    ]);
    // A field the file has no column for shows nothing.
    expect(previewCells(file, choices, 'source', '.')).toEqual([]);
  });
});

describe('HubSpot export: the user changes the mapping and the stages', () => {
  const file = loaded('hubspot-deals.csv', fixture('hubspot-deals.csv'));

  it('asks about the stages most deals first, the CRM defaults already set', () => {
    const { questions, more } = stageQuestions(file, initialChoices(file, null));
    expect(questions.map((q) => [q.stage, q.outcome, q.count, q.isNew])).toEqual([
      ['Closed Won', 'won', 10, false],
      ['Closed Lost', 'lost', 8, false],
      ['Contract Sent', 'open', 2, true],
      ['Appointment Scheduled', 'open', 1, true],
      ['Qualified To Buy', 'open', 1, true],
      ['Presentation Scheduled', 'open', 1, true],
      ['Decision Maker Bought-In', 'open', 1, true],
    ]);
    expect(more).toBe(0);
  });

  it('reads "Contract Sent" as won once the user says so: 12 won instead of 10', () => {
    const choices = initialChoices(file, null);
    const count = (result: ImportedDeals) =>
      result.deals.filter((deal) => deal.outcome === 'won').length;
    expect(count(deals(file, choices))).toBe(10);
    choices.outcomes['Contract Sent'] = 'won';
    const answered = deals(file, choices);
    expect(count(answered)).toBe(12);
    expect(answered.deals.find((d) => d.id === '18234023')?.outcome).toBe('won');
  });

  it('reads the owner from the column the user chose', () => {
    const choices = initialChoices(file, null);
    choices.columns.owner = [file.headers.indexOf('Pipeline')];
    expect(deals(file, choices).deals[0]?.owner).toBe('Sales Pipeline');
  });

  it('refuses to read without an amount column, naming the field', () => {
    const choices = initialChoices(file, null);
    choices.columns.amount = [];
    expect(missingRequired(file, choices)).toEqual(['amount']);
    const result = readDeals(file, choices);
    expect(result.ok ? null : refusalText('en', result.error)).toBe('Choose a column for: Amount.');
    expect(result.ok ? null : refusalText('fi', result.error)).toBe(
      'Valitse sarake kentille: Summa.',
    );
  });

  it("starts from the workbook's saved record: its columns and its stage answers", () => {
    const choices = initialChoices(file, {
      columns: { owner: 'Original Source Type', amount: 'No such column' },
      stages: { 'Contract Sent': 'lost' },
    });
    expect(choices.columns.owner).toEqual([8]);
    // A saved header the new file lacks keeps the detected column.
    expect(choices.columns.amount).toEqual([5]);
    const contract = stageQuestions(file, choices).questions.find(
      (q) => q.stage === 'Contract Sent',
    );
    expect(contract).toEqual({ stage: 'Contract Sent', outcome: 'lost', count: 2, isNew: false });
  });
});

describe('Pipedrive export: the close date read from two columns', () => {
  const file = loaded('pipedrive-deals.csv', fixture('pipedrive-deals.csv'));

  it('offers the won time and lost time together as one choice, and keeps it from a saved record', () => {
    const won = file.headers.indexOf('Deal - Won time');
    const lost = file.headers.indexOf('Deal - Lost time');
    const choices = initialChoices(file, {
      columns: { closed: 'Deal - Won time' },
      columnLists: { closed: ['Deal - Won time', 'Deal - Lost time'] },
      stages: {},
    });
    expect(choices.columns.closed).toEqual([won, lost]);
    const pair = columnOptions(file, 'closed', choices.columns.closed).at(-1);
    expect(pair).toEqual({
      value: `${won},${lost}`,
      headers: ['Deal - Won time', 'Deal - Lost time'],
    });
  });
});

describe('dates only the user can read', () => {
  const csv = [
    'Deal Name,Deal Stage,Amount,Create Date,Close Date',
    'A,Closed Won,100,01/02/2026,03/04/2026',
    'B,Closed Lost,200,05/06/2026,07/08/2026',
  ].join('\n');
  const file = loaded('slashed.csv', bytes(csv));

  it('asks for every date column where day-first and month-first both fit, then reads as answered', () => {
    const choices = initialChoices(file, null);
    expect(ambiguousDateColumns(file, choices)).toEqual([
      { column: 3, header: 'Create Date', example: '01/02/2026' },
      { column: 4, header: 'Close Date', example: '03/04/2026' },
    ]);
    const refused = readDeals(file, choices);
    expect(refused.ok ? null : refusalText('en', refused.error)).toBe(
      'Say whether the day or the month comes first in the dates of: “Create Date”, “Close Date”.',
    );
    choices.dayOrders = { 3: 'dmy', 4: 'mdy' };
    const read = deals(file, choices);
    // 1 February 2026 (day first) and 4 March 2026 (month first), as Excel serials.
    expect(read.deals[0]?.created).toBe(46054);
    expect(read.deals[0]?.closed).toBe(46085);
  });

  it("takes the date answers from the workbook's saved record, by field", () => {
    const saved = {
      columns: {},
      stages: {},
      dayOrders: { created: 'dmy', closed: 'mdy' },
    } as const;
    const choices = initialChoices(file, saved);
    expect(choices.dayOrders).toEqual({ 3: 'dmy', 4: 'mdy' });
    const read = deals(file, choices);
    expect(read.deals[0]?.created).toBe(46054);
    expect(read.deals[0]?.closed).toBe(46085);
  });

  it('keeps a saved answer off columns whose dates read one way only', () => {
    // HubSpot's dates are ISO: a saved "month first" must not change how they are read.
    const hubspot = loaded('hubspot-deals.csv', fixture('hubspot-deals.csv'));
    const choices = initialChoices(hubspot, {
      columns: {},
      stages: {},
      dayOrders: { created: 'mdy', closed: 'mdy' },
    });
    expect(choices.dayOrders).toEqual({});
  });
});

describe('a large file is summed, not kept', () => {
  // 5,000 deals, each name and id its own; two stages, amounts with a decimal comma.
  const lines = ['Deal ID;Deal Name;Deal Stage;Amount;Create Date;Close Date'];
  for (let i = 0; i < 5000; i++)
    lines.push(
      `${100000 + i};Deal ${i};${i % 4 === 0 ? 'Closed Won' : 'Negotiation'};${1000 + i},50;2026-01-05;2026-02-0${1 + (i % 9)}`,
    );
  const file = loaded('large.csv', bytes(lines.join('\n')));

  /** Every string the loaded file holds outside its bytes. */
  function strings(value: unknown, seen = new Set<unknown>()): number {
    if (typeof value === 'string') return 1;
    if (typeof value !== 'object' || value === null || seen.has(value)) return 0;
    if (value instanceof Uint8Array) return 0;
    seen.add(value);
    const entries = value instanceof Map ? [...value.entries()].flat() : Object.values(value);
    return entries.reduce((sum: number, item) => sum + strings(item, seen), 0);
  }

  it('holds the headers, three rows and at most 1,000 distinct values per column, not 30,000 cells', () => {
    expect(file.rowCount).toBe(5000);
    expect(file.rows.map((row) => row.cells[1])).toEqual(['Deal 0', 'Deal 1', 'Deal 2']);
    // 6 columns × at most 1,000 values, plus headers, first rows and the proposal's texts.
    expect(strings({ ...file, bytes: null })).toBeLessThan(6 * 1000 + 200);
  });

  it('still counts every stage over all rows and reads the decimal comma', () => {
    const choices = initialChoices(file, null);
    expect(
      stageQuestions(file, choices).questions.map((q) => [q.stage, q.outcome, q.count]),
    ).toEqual([
      ['Negotiation', 'open', 3750],
      ['Closed Won', 'won', 1250],
    ]);
    expect(previewCells(file, choices, 'amount', amountDecimalMark(file, choices))).toEqual([
      { text: '1000.5', read: true },
      { text: '1001.5', read: true },
      { text: '1002.5', read: true },
    ]);
    const read = deals(file, choices);
    expect(read.deals).toHaveLength(5000);
    expect(read.deals[0]?.amount).toBe(1000.5);
  });
});

describe('refused files, in English and Finnish', () => {
  const cases: [string, Uint8Array, string, string][] = [
    [
      'an .xlsx renamed',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      'This is not a text file: it looks like an Excel workbook (.xlsx). Save it as CSV and choose that file.',
      'Tämä ei ole tekstitiedosto: se näyttää Excel-työkirjalta (.xlsx). Tallenna se CSV-muodossa ja valitse se tiedosto.',
    ],
    [
      'a binary',
      new Uint8Array([0x47, 0x49, 0x46, 0x00, 0x01]),
      'This is not a text file. Choose a CSV or TSV export.',
      'Tämä ei ole tekstitiedosto. Valitse CSV- tai TSV-vienti.',
    ],
    ['an empty file', bytes('  \n\n'), 'The file is empty.', 'Tiedosto on tyhjä.'],
    [
      'headers only',
      bytes('Deal Name,Amount,Create Date,Close Date,Deal Stage\n'),
      'The file has column headers but no deals.',
      'Tiedostossa on sarakeotsikot mutta ei yhtään kauppaa.',
    ],
  ];
  for (const [what, data, english, finnish] of cases)
    it(`refuses ${what}`, () => {
      const error = refusal('deals.csv', data);
      expect(refusalText('en', error)).toBe(english);
      expect(refusalText('fi', error)).toBe(finnish);
    });

  it('refuses a file above the size limit, saying the limit in each language', () => {
    const error = refusal('huge.csv', new Uint8Array(50 * 1024 * 1024 + 1));
    expect(refusalText('en', error)).toBe(
      'The file is larger than 50 MB, the most one import takes. Export a shorter period and import it.',
    );
    expect(refusalText('fi', { kind: 'too-large', limit: 'rows', max: 200_000 })).toBe(
      // Finnish groups digits with a no-break space.
      'Tiedostossa on yli 200\u00a0000 kauppaa, enempää yksi tuonti ei ota. Vie lyhyempi jakso ja tuo se.',
    );
    expect(refusalText('en', { kind: 'too-large', limit: 'rows', max: 200_000 })).toContain(
      'more than 200,000 deals',
    );
  });
});
