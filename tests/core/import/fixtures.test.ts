// Each sample export (tests/fixtures/crm) read end to end; the expected KPIs were worked out by hand from the files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDeals, summarise, type ImportedDeals } from '../../../core/import/index';

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/crm/${name}`, import.meta.url)));
}

function imported(input: string | Uint8Array): ImportedDeals {
  const result = importDeals(input);
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Excel serial day of a calendar date, counted here independently of the importer. */
function serial(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;
}

describe('HubSpot deals export', () => {
  const result = imported(fixture('hubspot-deals.csv'));

  it('is recognised as HubSpot with every field but outcome and currency mapped to its column', () => {
    expect(result.proposal.crm).toBe('hubspot');
    expect(result.mapping.columns).toEqual({
      id: [0],
      name: [1],
      stage: [2],
      closed: [3],
      owner: [4],
      amount: [5],
      created: [6],
      pipeline: [7],
      source: [8],
    });
    expect(result.problems).toEqual([]);
  });

  it('gives the KPIs worked out by hand', () => {
    // Won: 12000 + 4500 + 30000 + 2500 + 8000 + 15000 + 6000 + 9500 + 22000 + 3500 = 113000.
    // Cycle days: 20, 30, 60, 10, 30, 60, 20, 30, 60, 10 = 330 over 10 won deals = 33.
    // Open: 4000 + 6500 + 12500 + 8000 + 20000 + 3000 = 54000.
    expect(summarise(result.deals)).toEqual({
      deals: 24,
      won: 10,
      lost: 8,
      open: 6,
      winRate: 10 / 18,
      revenueWon: { '': 113000 },
      openPipeline: { '': 54000 },
      averageCycleDays: 33,
    });
  });

  it('keeps text as text and the calendar day of a timestamp, with no close date for open deals', () => {
    expect(result.deals[0]).toEqual({
      row: 2,
      id: '18234001',
      name: 'Nordic Logistics – renewal',
      stage: 'Closed Won',
      outcome: 'won',
      amount: 12000,
      currency: '',
      created: serial('2026-01-05'),
      closed: serial('2026-01-25'),
      owner: 'Aino Virtanen',
      source: 'Offline Sources',
      pipeline: 'Sales Pipeline',
    });
    expect(result.deals[23]?.closed).toBeNull();
  });
});

describe('Salesforce opportunity report', () => {
  const result = imported(fixture('salesforce-opportunities.csv'));

  it('is recognised as Salesforce, its Won / Closed checkboxes deciding the outcome', () => {
    expect(result.proposal.crm).toBe('salesforce');
    expect(result.mapping.flags).toEqual({ won: 11, closed: 12 });
    expect(result.mapping.columns.created).toEqual([8]);
    expect(result.mapping.columns.closed).toEqual([7]);
    // The custom stage "Signed" is won by its checkbox, not by a stage name the defaults know.
    expect(result.deals.find((deal) => deal.stage === 'Signed')?.outcome).toBe('won');
  });

  it('reads month-first US dates and "25,000.00" amounts, with the KPIs worked out by hand', () => {
    expect(result.deals[0]?.created).toBe(serial('2026-01-05'));
    expect(result.deals[0]?.closed).toBe(serial('2026-02-04'));
    // Won: 25000 + 10000 + 48500 + 7250 + 15000 + 32000 + 5500 + 18750 = 162000.
    // Cycle days: 30, 10, 60, 20, 30, 60, 10, 30 = 250 over 8 = 31.25.
    // Open: 14000 + 8000 + 27500 + 5000 + 11000 + 19500 = 85000.
    expect(summarise(result.deals)).toEqual({
      deals: 20,
      won: 8,
      lost: 6,
      open: 6,
      winRate: 8 / 14,
      revenueWon: { '': 162000 },
      openPipeline: { '': 85000 },
      averageCycleDays: 31.25,
    });
    expect(result.problems).toEqual([]);
  });
});

describe('Pipedrive deals export', () => {
  const result = imported(fixture('pipedrive-deals.csv'));

  it('takes the close date from whichever of won time and lost time is filled', () => {
    expect(result.proposal.crm).toBe('pipedrive');
    expect(result.mapping.columns.closed).toEqual([10, 11]);
    expect(result.deals[0]?.closed).toBe(serial('2026-01-17'));
    expect(result.deals[3]).toMatchObject({ outcome: 'lost', closed: serial('2026-01-30') });
  });

  it('takes the outcome from the status, not the stage the deal stood in', () => {
    expect(result.deals[0]).toMatchObject({ stage: 'Negotiations Started', outcome: 'won' });
  });

  it('gives the KPIs worked out by hand, in the file’s currency', () => {
    // Won: 8000 + 14500 + 3200 + 26000 + 9900 + 5400 + 12000 = 79000.
    // Cycle days: 10, 30, 20, 60, 10, 30, 20 = 180 over 7.
    // Open: 5000 + 6000 + … + 11000 = 56000.
    expect(summarise(result.deals)).toEqual({
      deals: 20,
      won: 7,
      lost: 6,
      open: 7,
      winRate: 7 / 13,
      revenueWon: { EUR: 79000 },
      openPipeline: { EUR: 56000 },
      averageCycleDays: 180 / 7,
    });
    expect(result.currencies).toEqual(['EUR']);
    expect(result.problems).toEqual([]);
  });
});

describe('Finnish Pipedrive export (semicolons, decimal comma, day-first dates)', () => {
  const result = imported(fixture('pipedrive-fi.csv'));

  it('detects the delimiter, the decimal comma and the Finnish headers', () => {
    expect(result.delimiter).toBe(';');
    expect(result.decimalMark).toBe(',');
    expect(result.proposal.crm).toBe('pipedrive');
    expect(result.proposal.missing).toEqual([]);
    expect(result.deals[2]?.name).toBe('KauppaCiklo; "Pyörät"');
  });

  it('reads "1 234,50" with plain, no-break and narrow no-break spaces, and 14.3.2026 dates', () => {
    expect(result.deals.map((deal) => deal.amount).slice(0, 9)).toEqual([
      1234.5, 12000, 3450.75, 2000, 980.25, 25500, 5600.4, 900.6, 7800,
    ]);
    expect(result.deals[0]).toMatchObject({
      created: serial('2026-01-05'),
      closed: serial('2026-01-15'),
    });
  });

  it('gives the KPIs worked out by hand', () => {
    const summary = summarise(result.deals);
    // Won: 1234.50 + 12000 + 3450.75 + 980.25 + 25500 + 7800 + 4100.50 + 15000 = 70066.
    // Cycle days: 10, 30, 20, 60, 10, 30, 20, 60 = 240 over 8 = 30.
    // Open: 6000 + 4500 + 9999.99 + 1000.01 + 8500 + 10000 = 40000.
    expect(summary).toMatchObject({
      deals: 20,
      won: 8,
      lost: 6,
      open: 6,
      winRate: 8 / 14,
      averageCycleDays: 30,
    });
    expect(summary.revenueWon.EUR).toBeCloseTo(70066, 6);
    expect(summary.openPipeline.EUR).toBeCloseTo(40000, 6);
    expect(result.problems).toEqual([]);
  });
});

describe('messy export', () => {
  const bytes = fixture('messy-deals.csv');

  /** The file as UTF-16 with a byte order mark, what Excel's "Unicode text" writes. */
  function utf16(text: string, order: 'le' | 'be'): Uint8Array {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
      out[2 + 2 * i] = first;
      out[3 + 2 * i] = second;
    }
    return out;
  }

  const text = new TextDecoder().decode(bytes);
  const variants: [string, string | Uint8Array][] = [
    ['UTF-8', bytes],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])],
    ['UTF-16 LE with BOM', utf16(text, 'le')],
    ['UTF-16 BE with BOM', utf16(text, 'be')],
    ['text', text],
  ];

  for (const [label, input] of variants)
    it(`reports every row it leaves out and keeps the rest (${label})`, () => {
      const result = imported(input);
      expect(result.problems).toEqual([
        { row: 7, column: 'Close Date', value: '2026-02-30', reason: 'bad-date', leftOut: true },
        { row: 8, column: 'Amount', value: '', reason: 'blank-amount', leftOut: false },
        { row: 9, column: 'Amount', value: 'n/a', reason: 'bad-number', leftOut: true },
        { row: 10, column: 'Create Date', value: 'soon', reason: 'bad-date', leftOut: true },
        { row: 13, column: 'Close Date', value: '', reason: 'blank-closed', leftOut: true },
        { row: 15, column: '', value: 'Total', reason: 'totals-row', leftOut: true },
      ]);
      expect(result.deals.map((deal) => deal.row)).toEqual([2, 3, 5, 6, 8, 12, 14]);
      expect(result.deals[1]?.name).toBe('Multi-line\ndeal "Beta"');
      expect(result.deals[2]?.amount).toBe(-1000);
    });

  it('keeps two currencies apart and names both', () => {
    const result = imported(bytes);
    expect(result.currencies).toEqual(['EUR', 'USD']);
    // Won EUR: 1200 + 2500 + 800 = 4500; won USD: 3000. Cycle days 10, 30, 20, 10 = 70 over 4.
    expect(summarise(result.deals)).toEqual({
      deals: 7,
      won: 4,
      lost: 1,
      open: 2,
      winRate: 4 / 5,
      revenueWon: { EUR: 4500, USD: 3000 },
      openPipeline: { EUR: 5000 },
      averageCycleDays: 17.5,
    });
  });
});
