// importDeals keeps what the sidebar shows (headers, first rows, stage counts) and no more of the file; the reader's streaming edges.
import { describe, expect, it } from 'vitest';
import { importDeals, readTable } from '../../../core/import/index';
import { PREVIEW_ROWS, readColumns } from '../../../core/import/table';

const HEADER = 'Deal Stage,Amount,Create Date,Close Date,Deal owner,Notes';

/** `count` rows: "Closed Won" except every seventh ("Closed Lost") and the last ("Demo booked"). */
function csv(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const stage = i === count - 1 ? 'Demo booked' : i % 7 === 6 ? 'Closed Lost' : 'Closed Won';
    return `${stage},${100 + i},2026-01-02,2026-01-12,Aino,note ${i}`;
  });
  return `${HEADER}\n${rows.join('\n')}\n`;
}

describe('importDeals', () => {
  const result = importDeals(csv(25));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const imported = result.value;

  it('keeps the headers and only the first rows whole, with the number of rows read', () => {
    expect(imported.table.headers).toEqual(HEADER.split(','));
    expect(imported.table.rows.map((row) => row.row)).toEqual(
      Array.from({ length: PREVIEW_ROWS }, (_, i) => i + 2),
    );
    expect(imported.table.rows[0]?.cells).toEqual([
      'Closed Won',
      '100',
      '2026-01-02',
      '2026-01-12',
      'Aino',
      'note 0',
    ]);
    expect(imported.rowCount).toBe(25);
    expect(imported.deals).toHaveLength(25);
  });

  it('counts every stage over all rows, also one met after the first rows', () => {
    // 25 rows: rows 6, 13, 20 (0-based i = 6, 13, 20) lost, the last one "Demo booked", 21 won.
    expect(imported.stages).toEqual([
      { stage: 'Closed Won', outcome: 'won', known: true, count: 21 },
      { stage: 'Closed Lost', outcome: 'lost', known: true, count: 3 },
      { stage: 'Demo booked', outcome: 'open', known: false, count: 1 },
    ]);
  });
});

describe('readColumns', () => {
  it('keeps only the columns asked for, each cell trimmed, in row order', () => {
    const read = readColumns('a,b,c\n 1 ,x,y\n\n2,z,w\n', () => [2, 0]);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.columns).toEqual([['1', '2'], undefined, ['y', 'w']]);
    expect(read.value.rowNumbers).toEqual([2, 4]);
  });

  it('reads a file whose lines end in a carriage return only', () => {
    const read = readColumns('a,b\r1,2\r3,4\r', () => [1]);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.columns[1]).toEqual(['2', '4']);
  });

  it('detects the delimiter when the first line is longer than the part it is guessed from', () => {
    const long = 'x'.repeat(70_000);
    const read = readTable(`"${long}";b\n1,5;2\n3,5;4\n`);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.delimiter).toBe(';');
    expect(read.value.rows.map((row) => row.cells)).toEqual([
      ['1,5', '2'],
      ['3,5', '4'],
    ]);
  });
});
