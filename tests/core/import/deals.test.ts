// Rows → deals: what is reported (with the value cut short), ambiguous day order, checkboxes, statuses.
import { describe, expect, it } from 'vitest';
import { importDeals, type ImportedDeals, type Mapping } from '../../../core/import/index';

function imported(csv: string, mapping?: Mapping): ImportedDeals {
  const result = importDeals(csv, mapping);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('applyMapping', () => {
  it('asks for the day order of a column where both readings fit every value, then uses the answer', () => {
    const csv =
      'Stage,Amount,Created Date,Close Date\nClosed Won,1,03/04/2026,03/14/2026\nClosed Lost,2,05/06/2026,07/08/2026\n';
    const refused = importDeals(csv);
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'ambiguous-dates', columns: [{ column: 2, header: 'Created Date' }] },
    });
    const proposal = importDeals(csv.replace(/\d\d\/\d\d\/2026/g, '2026-01-01'));
    if (!proposal.ok) throw new Error('the same headers with ISO dates import');
    const mapping: Mapping = { ...proposal.value.mapping, dayOrders: { 2: 'dmy' } };
    const result = imported(csv, mapping);
    // 3 April 2026 = 46023 + 31 + 28 + 31 + 2; closed 14 March 2026 (month-first, detected).
    expect(result.deals[0]).toMatchObject({ created: 46023 + 92, closed: 46023 + 72 });
  });

  it('echoes a long bad value cut to 40 characters and "…"', () => {
    const long = 'x'.repeat(100);
    const result = imported(
      `Stage,Amount,Created,Closed\nopen,${long},2026-01-01,\nopen,5,2026-01-01,\n`,
    );
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'Amount',
        value: `${'x'.repeat(40)}…`,
        reason: 'bad-number',
        leftOut: true,
      },
    ]);
  });

  it('reports a status it does not know and a row with neither status nor stage', () => {
    const result = imported(
      'Deal - Status,Deal - Value,Deal - Deal created,Deal - Won time\nwon,1,2026-01-01,2026-01-02\ndeleted,2,2026-01-01,\n,3,2026-01-01,\n',
    );
    expect(result.deals.map((deal) => deal.row)).toEqual([2]);
    expect(result.problems).toEqual([
      {
        row: 3,
        column: 'Deal - Status',
        value: 'deleted',
        reason: 'unknown-outcome',
        leftOut: true,
      },
      { row: 4, column: 'Deal - Status', value: '', reason: 'unknown-outcome', leftOut: true },
    ]);
  });

  it('decides Salesforce outcomes by the Won and Closed checkboxes, reporting one that is neither', () => {
    const result = imported(
      'Stage,Amount,Created Date,Close Date,Won,Closed\nDone,1,2026-01-01,2026-01-05,1,1\nClosed Won,2,2026-01-01,2026-01-05,0,1\nClosed Won,3,2026-01-01,,0,0\nX,4,2026-01-01,,maybe,0\n',
    );
    expect(result.deals.map((deal) => deal.outcome)).toEqual(['won', 'lost', 'open']);
    expect(result.problems).toEqual([
      { row: 5, column: 'Won', value: 'maybe', reason: 'unknown-outcome', leftOut: true },
    ]);
  });

  it('reads the currency from the amount when the file has no currency column', () => {
    const result = imported(
      'Stage,Amount,Created,Closed\nwon,"€1,000",2026-01-01,2026-01-02\nwon,$500,2026-01-01,2026-01-02\n',
    );
    expect(result.deals.map((deal) => deal.currency)).toEqual(['EUR', 'USD']);
    expect(result.currencies).toEqual(['EUR', 'USD']);
  });
});
