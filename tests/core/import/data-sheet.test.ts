// The data sheet an import writes: deals as values in the sheet's language, and the record a re-import reads back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DATA_COLUMNS,
  RECORD_RANGE,
  dataSheetName,
  dataSheetPlan,
  importDeals,
  parseImportRecord,
  proposeMapping,
  readTable,
  type ImportedDeals,
  type Mapping,
} from '../../../core/import/index';
import { reasonText } from '../../../core/import/reasons';
import { parseRange } from '../../../core/templates/a1';
import { widthToFit } from '../../../core/templates/measure';
import { styleOf } from '../../../core/templates/theme';
import type { RecordCell } from '../../../core/import/workbook-types';

function imported(name: string): ImportedDeals {
  const bytes = new Uint8Array(
    readFileSync(new URL(`../../fixtures/crm/${name}`, import.meta.url)),
  );
  const result = importDeals(bytes);
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Excel serial day of a calendar date, counted here independently of the importer. */
function serial(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;
}

/** The record's cells as a host reads RECORD_RANGE back: values only, "" for a blank cell. */
function readBack(record: (RecordCell | null)[][]): string[][] {
  const { row2, col2, col1 } = parseRange(RECORD_RANGE);
  return Array.from({ length: row2 + 1 }, (_, r) =>
    Array.from({ length: col2 - col1 + 1 }, (_, c) => {
      const value = record[r]?.[c]?.value;
      return value === undefined ? '' : String(value);
    }),
  );
}

/** The mapping the importer proposes for `csv`'s headers. */
function proposalOf(csv: string): Mapping {
  const table = readTable(csv);
  if (!table.ok) throw new Error('unreadable');
  return proposeMapping(table.value.headers).mapping;
}

/** The record's texts, one line per row, for reading the layout in an assertion. */
const lines = (record: (RecordCell | null)[][]) =>
  record.map((row) => row.map((cell) => (cell ? String(cell.value) : '')).join(' | '));

describe('data sheet of the HubSpot export', () => {
  const deals = imported('hubspot-deals.csv');
  const plan = dataSheetPlan(deals, { lang: 'en', currency: 'eur', fileName: 'hubspot-deals.csv' });

  it('is named "Deals" with a header of the twelve columns in their fixed order', () => {
    expect(plan.sheetName).toBe('Deals');
    expect(plan.header).toEqual([
      'Row in file',
      'Deal ID',
      'Deal name',
      'Stage',
      'Outcome',
      'Amount',
      'Currency',
      'Created',
      'Closed',
      'Owner',
      'Source',
      'Pipeline',
    ]);
    expect(plan.columns.map((column) => column.key)).toEqual([...DATA_COLUMNS]);
    expect(plan.columns.find((column) => column.key === 'created')?.format).toBe('yyyy-mm-dd');
    expect(plan.example).toBe(false);
  });

  it('holds one row per deal: text as text, dates as serials, the currency where the file gives none', () => {
    expect(plan.rows).toHaveLength(24);
    expect(plan.rows[0]).toEqual([
      2,
      '18234001',
      'Nordic Logistics – renewal',
      'Closed Won',
      'won',
      12000,
      'EUR',
      serial('2026-01-05'),
      serial('2026-01-25'),
      'Aino Virtanen',
      'Offline Sources',
      'Sales Pipeline',
    ]);
    // An open deal has no close date: a blank cell, never the expected date of the file.
    expect(plan.rows[23]).toEqual([
      25,
      '18234024',
      'Savonlinna Opera tickets',
      'Contract Sent',
      'open',
      3000,
      'EUR',
      serial('2026-04-20'),
      '',
      'Mikko Laine',
      'Direct Traffic',
      'Sales Pipeline',
    ]);
    for (const row of plan.rows) expect(row).toHaveLength(DATA_COLUMNS.length);
  });

  it('records the file, the columns read and every stage with its outcome, starting at N1', () => {
    expect(plan.recordAnchor).toBe('N1');
    const text = lines(plan.record);
    expect(text.slice(0, 5)).toEqual([
      'Import record |  |  | ',
      'File | hubspot-deals.csv |  | ',
      'Deals imported | 24 |  | ',
      'Rows reported | 0 |  | ',
      'Currency where the file gives none | EUR |  | ',
    ]);
    expect(text).toContain('Amount | Amount |  | ');
    expect(text).toContain('Created | Create Date |  | ');
    expect(text).toContain('Closed Won | won |  | ');
    expect(text).toContain('Contract Sent | open |  | ');
    expect(text.slice(-3)).toEqual([
      'Import issues |  |  | ',
      'Row | Column | Value | Reason',
      'No rows reported. |  |  | ',
    ]);
    for (const row of plan.record) expect(row).toHaveLength(4);
  });

  it('reads back the column and stage mappings from the record', () => {
    expect(parseImportRecord(readBack(plan.record))).toEqual({
      columns: {
        id: 'Record ID',
        name: 'Deal Name',
        stage: 'Deal Stage',
        amount: 'Amount',
        created: 'Create Date',
        closed: 'Close Date',
        owner: 'Deal owner',
        source: 'Original Source Type',
        pipeline: 'Pipeline',
      },
      columnLists: {
        id: ['Record ID'],
        name: ['Deal Name'],
        stage: ['Deal Stage'],
        amount: ['Amount'],
        created: ['Create Date'],
        closed: ['Close Date'],
        owner: ['Deal owner'],
        source: ['Original Source Type'],
        pipeline: ['Pipeline'],
      },
      stages: {
        'Closed Won': 'won',
        'Closed Lost': 'lost',
        'Appointment Scheduled': 'open',
        'Qualified To Buy': 'open',
        'Presentation Scheduled': 'open',
        'Decision Maker Bought-In': 'open',
        'Contract Sent': 'open',
      },
    });
  });
});

describe('data sheet in Finnish', () => {
  const plan = dataSheetPlan(imported('pipedrive-fi.csv'), {
    lang: 'fi',
    currency: 'EUR',
    fileName: 'kaupat.csv',
  });

  it('is named "Kaupat" and writes outcomes as voitettu / hävitty / avoin', () => {
    expect(dataSheetName('fi')).toBe('Kaupat');
    expect(plan.sheetName).toBe('Kaupat');
    expect(plan.header[4]).toBe('Tulos');
    expect(new Set(plan.rows.map((row) => row[4]))).toEqual(
      new Set(['voitettu', 'hävitty', 'avoin']),
    );
    expect(plan.rows[0]?.[5]).toBe(1234.5);
  });

  it('is read back in either language', () => {
    const settings = parseImportRecord(readBack(plan.record));
    expect(settings?.columns.amount).toBe('Kauppa - Arvo');
    // The status column decides the outcome: the stages the file names are none of won or lost.
    expect(settings?.stages.Neuvottelu).toBe('open');
  });
});

describe('data sheet of the Pipedrive and Salesforce exports', () => {
  it('records both close-time columns of Pipedrive, in order', () => {
    const plan = dataSheetPlan(imported('pipedrive-deals.csv'), {
      lang: 'en',
      currency: 'USD',
      fileName: 'p.csv',
    });
    const settings = parseImportRecord(readBack(plan.record));
    expect(settings?.columns.closed).toBe('Deal - Won time');
    expect(settings?.columnLists?.closed).toEqual(['Deal - Won time', 'Deal - Lost time']);
    // The file names its currency: the fallback is never used.
    expect(new Set(plan.rows.map((row) => row[6]))).toEqual(new Set(['EUR']));
  });

  it('records the Won and Closed checkboxes of Salesforce', () => {
    const plan = dataSheetPlan(imported('salesforce-opportunities.csv'), {
      lang: 'en',
      currency: 'USD',
      fileName: 's.csv',
    });
    expect(parseImportRecord(readBack(plan.record))?.flags).toEqual({
      won: 'Won',
      closed: 'Closed',
    });
    expect(plan.rows[0]?.[6]).toBe('USD');
  });
});

describe('data sheet of the messy export', () => {
  const plan = dataSheetPlan(imported('messy-deals.csv'), {
    lang: 'en',
    currency: 'EUR',
    fileName: 'messy.csv',
  });

  it('keeps the rows read and lists every reported row under "Import issues" as text', () => {
    expect(plan.rows.map((row) => row[0])).toEqual([2, 3, 5, 6, 8, 12, 14]);
    expect(plan.rows[1]?.[2]).toBe('Multi-line\ndeal "Beta"');
    const text = lines(plan.record);
    const issues = text.indexOf('Import issues |  |  | ');
    expect(text.slice(issues + 2)).toEqual([
      '7 | Close Date | 2026-02-30 | not a date',
      '8 | Amount |  | no amount: read as 0, row kept',
      '9 | Amount | n/a | not a number',
      '10 | Create Date | soon | not a date',
      '13 | Close Date |  | won or lost without a close date',
      '15 |  | Total | a totals row, not a deal',
    ]);
    expect(text).toContain('Rows reported | 6 |  | ');
  });

  it('never carries a formula: values that look like one are plain strings for the host to keep as text', () => {
    for (const row of plan.record)
      for (const cell of row) if (cell) expect(Object.keys(cell)).not.toContain('formula');
  });
});

describe('day order answers in the record', () => {
  // Every slashed date of this file reads both ways: the user answered day first for Created
  // and month first for Closed. 03/04/2026 read day first is 3 April, month first 4 March.
  const csv = [
    'Deal Name,Deal Stage,Amount,Create Date,Close Date',
    'A,Closed Won,100,03/04/2026,05/06/2026',
    'B,Open,200,01/02/2026,',
  ].join('\n');
  const answered = (() => {
    const first = importDeals(csv);
    if (first.ok || first.error.kind !== 'ambiguous-dates') throw new Error('dates not ambiguous');
    const proposed = importDeals(csv, {
      ...proposalOf(csv),
      dayOrders: { 3: 'dmy', 4: 'mdy' },
    });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed.error));
    return proposed.value;
  })();

  it('writes the order of each answered date column beside its header, in the language of the sheet', () => {
    expect(answered.deals[0]?.created).toBe(serial('2026-04-03'));
    expect(answered.deals[0]?.closed).toBe(serial('2026-05-06'));
    const en = lines(
      dataSheetPlan(answered, { lang: 'en', currency: 'EUR', fileName: 'd.csv' }).record,
    );
    expect(en).toContain('Field | Column in the file | Date order | ');
    expect(en).toContain('Created | Create Date | day first | ');
    expect(en).toContain('Closed | Close Date | month first | ');
    expect(en).toContain('Amount | Amount |  | ');
    const fi = lines(
      dataSheetPlan(answered, { lang: 'fi', currency: 'EUR', fileName: 'd.csv' }).record,
    );
    expect(fi).toContain('Luotu | Create Date | päivä ensin | ');
    expect(fi).toContain('Suljettu | Close Date | kuukausi ensin | ');
  });

  it('reads them back by field in either language', () => {
    for (const lang of ['en', 'fi'] as const) {
      const plan = dataSheetPlan(answered, { lang, currency: 'EUR', fileName: 'd.csv' });
      expect(parseImportRecord(readBack(plan.record))?.dayOrders).toEqual({
        created: 'dmy',
        closed: 'mdy',
      });
    }
  });

  it('records no order where the file left none to answer', () => {
    const plan = dataSheetPlan(imported('hubspot-deals.csv'), {
      lang: 'en',
      currency: 'EUR',
      fileName: 'h.csv',
    });
    expect(parseImportRecord(readBack(plan.record))?.dayOrders).toBeUndefined();
  });

  it('reads a hand-written record: "Date order" cells of either language, others ignored', () => {
    expect(
      parseImportRecord([
        ['Luetut sarakkeet', ''],
        ['Kenttä', 'Sarake tiedostossa', 'Päivämäärien järjestys'],
        ['Created', 'Opened', 'Month first'],
        ['Suljettu', 'Shut', 'päivä ensin'],
        ['Amount', 'Value', 'sideways'],
      ])?.dayOrders,
    ).toEqual({ created: 'mdy', closed: 'dmy' });
  });
});

describe('parseImportRecord', () => {
  it('gives null for cells without a record (a sheet of that name the user made)', () => {
    expect(parseImportRecord([])).toBeNull();
    expect(
      parseImportRecord([
        ['Deals by region', ''],
        ['North', '12'],
      ]),
    ).toBeNull();
  });

  it('ignores blanks given as null and stops at the issues', () => {
    const settings = parseImportRecord([
      ['Columns read', null],
      ['Field', 'Column in the file'],
      ['Amount', 'Value'],
      [null, null],
      ['Vaiheet', ''],
      ['Vaihe', 'Tulos'],
      ['Signed', 'voitettu'],
      ['Gone', 'LOST'],
      ['', ''],
      ['Import issues', ''],
      ['Row', 'Column'],
      ['Stage', 'Amount'],
    ]);
    expect(settings).toEqual({
      columns: { amount: 'Value' },
      columnLists: { amount: ['Value'] },
      stages: { Signed: 'won', Gone: 'lost' },
    });
  });
});

describe('the record’s column widths', () => {
  const messy = imported('messy-deals.csv');
  const plans = (['en', 'fi'] as const).map((lang) =>
    dataSheetPlan(messy, { lang, currency: 'EUR', fileName: 'messy.csv' }),
  );
  const label = styleOf({ role: 'label' });
  const body = styleOf({ role: 'body' });

  it('gives one width per record column: no line is longer, the widest line as long', () => {
    for (const plan of plans) {
      expect(plan.recordColumns).toHaveLength(4);
      expect(Math.max(...plan.record.map((line) => line.length))).toBe(4);
    }
  });

  it('fits the labels and reasons of both languages, so both sheets are laid out alike', () => {
    const [en, fi] = plans.map((plan) => plan.recordColumns.map((column) => column.width));
    expect(en).toEqual(fi);
    // Each column fits its longest label or reason in either language.
    expect(en![0]).toBeGreaterThanOrEqual(
      widthToFit('Valuutta, kun tiedosto ei kerro sitä', label),
    );
    expect(en![0]).toBeGreaterThanOrEqual(widthToFit('Currency where the file gives none', label));
    expect(en![3]).toBeGreaterThanOrEqual(widthToFit(reasonText('fi', 'blank-closed'), body));
    expect(en![3]).toBeGreaterThanOrEqual(widthToFit(reasonText('en', 'blank-closed'), body));
  });

  it('lets a very long file name show cut rather than make its column wider than 400 px', () => {
    const plan = dataSheetPlan(messy, {
      lang: 'en',
      currency: 'EUR',
      fileName: `${'export '.repeat(60)}.csv`,
    });
    expect(Math.max(...plan.recordColumns.map((column) => column.width))).toBe(400);
  });
});
