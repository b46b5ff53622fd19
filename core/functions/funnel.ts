// Funnel and conversion: rates of one funnel step over another (spec "Funnel and conversion").
import type { FunctionSpec } from '../registry/types';
import { ratioFunction } from './ratio';
import { STANDARD } from './sources';

const category = 'Funnel and conversion';

const totalLeads = {
  name: 'total_leads',
  description: 'Number of leads received in the period.',
  kind: 'count',
} as const;

const sent = {
  name: 'sent',
  description: 'Number of emails sent (delivered) in the campaign.',
  kind: 'count',
} as const;

export const funnelFunctions: FunctionSpec[] = [
  ratioFunction({
    name: 'LEAD_CONVERSION',
    category,
    description: 'Share of leads that converted into customers or opportunities.',
    numerator: {
      name: 'converted',
      description: 'Number of leads that converted.',
      kind: 'count',
    },
    denominator: totalLeads,
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [
      { args: [120, 400], result: 0.3, note: '120 of 400 leads converted: 30%' },
      { args: [5, 0], result: '#DIV/0!', note: 'no leads yet' },
      { args: [120, 100], result: '#VALUE!', note: 'converted cannot exceed total_leads' },
    ],
  }),
  ratioFunction({
    name: 'LEAD_RESPONSE_RATE',
    category,
    description: 'Share of leads that received (or gave) a response.',
    numerator: {
      name: 'responded',
      description: 'Number of leads that were responded to.',
      kind: 'count',
    },
    denominator: totalLeads,
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [{ args: [450, 500], result: 0.9, note: '450 of 500 leads answered: 90%' }],
  }),
  ratioFunction({
    name: 'CUSTOMER_ACQUISITION_RATE',
    category,
    description: 'Share of leads that became new customers.',
    numerator: {
      name: 'new_customers',
      description: 'Number of new customers won from the leads.',
      kind: 'count',
    },
    denominator: totalLeads,
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [{ args: [25, 1000], result: 0.025, note: '25 customers from 1,000 leads: 2.5%' }],
  }),
  ratioFunction({
    name: 'DEAL_CLOSURE_RATE',
    category,
    description: 'Share of the deals in the pipeline that were closed.',
    numerator: {
      name: 'deals_closed',
      description: 'Number of deals closed (won).',
      kind: 'count',
    },
    denominator: {
      name: 'deals_in_pipeline',
      description: 'Number of deals in the pipeline.',
      kind: 'count',
    },
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [{ args: [12, 48], result: 0.25, note: '12 of 48 pipeline deals closed: 25%' }],
  }),
  ratioFunction({
    name: 'STAGE_CONVERSION',
    category,
    description: 'Share of one funnel stage that reached the next (e.g. meetings to deals).',
    numerator: {
      name: 'next_stage',
      description: 'Number that reached the next stage.',
      kind: 'count',
    },
    denominator: {
      name: 'this_stage',
      description: 'Number in this stage.',
      kind: 'count',
    },
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [{ args: [8, 40], result: 0.2, note: '40 meetings gave 8 deals: 20%' }],
  }),
  ratioFunction({
    name: 'OPEN_RATE',
    category,
    description: 'Share of sent emails that were opened.',
    numerator: { name: 'opened', description: 'Number of emails opened.', kind: 'count' },
    denominator: sent,
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [{ args: [420, 2000], result: 0.21, note: '420 of 2,000 opened: 21%' }],
  }),
  ratioFunction({
    name: 'CLICK_THROUGH_RATE',
    category,
    description: 'Share of sent emails whose link was clicked.',
    numerator: { name: 'clicked', description: 'Number of emails clicked.', kind: 'count' },
    denominator: sent,
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [{ args: [52, 2000], result: 0.026, note: '52 of 2,000 clicked: 2.6%' }],
  }),
  ratioFunction({
    name: 'RESPONSE_RATE',
    category,
    description: 'Share of sent emails that got a reply.',
    numerator: { name: 'responses', description: 'Number of replies received.', kind: 'count' },
    denominator: sent,
    result: 'rate',
    partOfWhole: true,
    source: STANDARD,
    examples: [{ args: [30, 2000], result: 0.015, note: '30 replies to 2,000 emails: 1.5%' }],
  }),
];
