// Header → field proposals for the three CRMs and unknown exports, and a mapping the user edits.
import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  classifyOutcome,
  importDeals,
  mapByHeaders,
  proposeMapping,
  readTable,
  stageOutcomes,
  type Mapping,
  type RawTable,
} from '../../../core/import/index';

function table(text: string): RawTable {
  const result = readTable(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('proposeMapping', () => {
  it('maps Pipedrive’s Finnish headers and both close-time columns', () => {
    const proposal = proposeMapping([
      'Kauppa - Otsikko',
      'Kauppa - Arvo',
      'Kauppa - Valuutta',
      'Kauppa - Tila',
      'Kauppa - Kauppa luotu',
      'Kauppa - Voittoaika',
      'Kauppa - Häviämisaika',
      'Kauppa - Omistaja',
    ]);
    expect(proposal.crm).toBe('pipedrive');
    expect(proposal.mapping.columns).toEqual({
      name: [0],
      amount: [1],
      currency: [2],
      outcome: [3],
      created: [4],
      closed: [5, 6],
      owner: [7],
    });
    expect(proposal.missing).toEqual([]);
  });

  it('rates verified headers above assumed ones and header words lowest', () => {
    const proposal = proposeMapping(['Deal Name', 'Kaupan vaihe', 'Deal value (EUR)', 'Opened on']);
    const confidence = Object.fromEntries(
      proposal.fields.map((field) => [field.field, field.confidence]),
    );
    expect(confidence).toEqual({ name: 1, stage: 0.9, amount: 0.5 });
    expect(proposal.missing).toEqual(['created', 'closed']);
  });

  it('guesses an unknown export’s columns from words in its headers', () => {
    const proposal = proposeMapping([
      'Status',
      'Revenue',
      'Created on',
      'Closed on',
      'Sales rep',
      'Channel',
    ]);
    expect(proposal.crm).toBeNull();
    expect(proposal.mapping.columns).toEqual({
      outcome: [0],
      amount: [1],
      created: [2],
      closed: [3],
      owner: [4],
      source: [5],
    });
  });
});

describe('a mapping the user edits', () => {
  const csv =
    'Stage,Amount,Value in EUR,Created,Closed\nSigned,1,100,2026-01-01,2026-01-11\nLost,2,200,2026-01-02,2026-01-05\n';

  it('is applied as edited: another amount column, a stage answered once', () => {
    const proposed = proposeMapping(table(csv).headers).mapping;
    expect(proposed.columns.amount).toEqual([1]);
    const edited: Mapping = {
      ...proposed,
      columns: { ...proposed.columns, amount: [2] },
      outcomes: { Signed: 'won' },
    };
    const result = importDeals(csv, JSON.parse(JSON.stringify(edited)) as Mapping);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.deals.map((deal) => [deal.outcome, deal.amount])).toEqual([
      ['won', 100],
      ['lost', 200],
    ]);
  });

  it('reads a stage no one classified as open and lists the stages to ask about', () => {
    const read = table(csv);
    const mapping = proposeMapping(read.headers).mapping;
    const result = applyMapping(read, mapping);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.deals[0]?.outcome).toBe('open');
    expect(stageOutcomes(read, mapping)).toEqual([
      { stage: 'Signed', outcome: 'open', known: false, count: 1 },
      { stage: 'Lost', outcome: 'lost', known: true, count: 1 },
    ]);
    expect(stageOutcomes(read, { ...mapping, outcomes: { signed: 'won' } })[0]).toMatchObject({
      outcome: 'won',
      known: true,
    });
  });

  it('takes fields by header text, as the CLI’s --map field=Header does, naming headers the file lacks', () => {
    const read = table(csv);
    const { mapping, unknown } = mapByHeaders(proposeMapping(read.headers).mapping, read.headers, {
      amount: ['value in eur'],
      owner: ['Rep'],
    });
    expect(mapping.columns.amount).toEqual([2]);
    expect(mapping.columns.owner).toEqual([]);
    expect(unknown).toEqual(['Rep']);
  });

  it('refuses a mapping that leaves a required field without a column', () => {
    const read = table(csv);
    const proposed = proposeMapping(read.headers).mapping;
    const columns = { ...proposed.columns, created: [] };
    expect(applyMapping(read, { columns })).toEqual({
      ok: false,
      error: { kind: 'missing-fields', fields: ['created'] },
    });
  });
});

describe('classifyOutcome', () => {
  it('knows each CRM’s won and lost names in English and Finnish, case and spacing aside', () => {
    const names = {
      won: ['Closed Won', 'closedwon', 'won', 'Voitettu', ' closed  WON '],
      lost: ['Closed Lost', 'closedlost', 'lost', 'Hävitty'],
      open: ['open', 'Avoin'],
    };
    for (const [outcome, texts] of Object.entries(names))
      for (const text of texts) expect(classifyOutcome(text), text).toBe(outcome);
    expect(classifyOutcome('Contract Sent')).toBeNull();
  });

  it('lets the user’s answer override a default', () => {
    expect(classifyOutcome('Closed Lost', { 'closed lost': 'open' })).toBe('open');
  });
});
