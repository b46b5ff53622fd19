// CSV text → header and data rows: delimiters, blank lines, the totals row, and the files with nothing to import.
import { describe, expect, it } from 'vitest';
import { importDeals, MAX_ROWS, readTable, type RawTable } from '../../../core/import/index';

function table(text: string): RawTable {
  const result = readTable(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('readTable', () => {
  it('refuses an empty file and a file of blank lines', () => {
    expect(readTable('')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(readTable('\r\n \n\t\n')).toEqual({ ok: false, error: { kind: 'empty' } });
  });

  it('refuses a file with headers only, also when its one other row is a totals row', () => {
    expect(readTable('Amount,Stage\n\n')).toEqual({ ok: false, error: { kind: 'headers-only' } });
    expect(readTable('Stage,Amount\nTotal,100\n')).toEqual({
      ok: false,
      error: { kind: 'headers-only' },
    });
  });

  it('detects comma, semicolon and tab delimiters', () => {
    expect(table('a,b\n"1,5",2').delimiter).toBe(',');
    expect(table('a;b\n1,5;2\n3,5;4').delimiter).toBe(';');
    expect(table('a;b\n1,5;2\n3,5;4').rows[0]?.cells).toEqual(['1,5', '2']);
    expect(table('a\tb\n1,5\t2').delimiter).toBe('\t');
  });

  it('skips blank lines but numbers rows as a spreadsheet opening the file does', () => {
    const rows = table('a,b\n\n"x\ny",1\n\n2,3\n').rows;
    expect(rows).toEqual([
      { row: 3, cells: ['x\ny', '1'] },
      { row: 5, cells: ['2', '3'] },
    ]);
  });

  it('drops a trailing totals row with a report line, in English or Finnish', () => {
    for (const label of ['Total', 'Grand Totals (2 records)', 'Yhteensä', 'TOTAL:']) {
      const read = table(`Stage,Amount\nwon,1\nlost,2\n${label},3\n`);
      expect(read.rows.map((row) => row.row)).toEqual([2, 3]);
      expect(read.problems).toEqual([
        { row: 4, column: '', value: label, reason: 'totals-row', leftOut: true },
      ]);
    }
  });

  it('keeps a last deal whose name only starts with "Total"', () => {
    const read = table('Deal Name,Amount\nA,1\nTotal Solutions Oy,3\n');
    expect(read.rows).toHaveLength(2);
    expect(read.problems).toEqual([]);
  });

  it('refuses more data rows than the documented limit', () => {
    const text = `Stage,Amount\n${'won,1\n'.repeat(MAX_ROWS + 1)}`;
    expect(readTable(text)).toEqual({
      ok: false,
      error: { kind: 'too-large', limit: 'rows', max: MAX_ROWS },
    });
    expect(readTable(`Stage,Amount\n${'won,1\n'.repeat(MAX_ROWS)}`).ok).toBe(true);
  });

  it('refuses a file where no required field is recognisable', () => {
    expect(importDeals('Colour,Size\nred,10\n')).toEqual({
      ok: false,
      error: { kind: 'missing-fields', fields: ['stage', 'amount', 'created', 'closed'] },
    });
  });
});
