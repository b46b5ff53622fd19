// A reproducible HubSpot-style deals export of any size, with the deals it holds, for the import bench and the 100,000-row tests.
import { randomInt, seededRandom } from './data';

/** One generated deal as the file states it (dates as ISO days), for plain loops to check against. */
export interface GeneratedDeal {
  readonly id: string;
  readonly name: string;
  readonly stage: string;
  readonly outcome: 'won' | 'lost' | 'open';
  readonly amount: number;
  /** "2026-03-14" */
  readonly created: string;
  /** The close date the file holds (HubSpot fills an expected one for open deals too). */
  readonly closed: string;
  readonly owner: string;
  readonly source: string;
}

export interface GeneratedExport {
  /** The file as HubSpot writes it: every field quoted, CRLF line ends, no BOM. */
  readonly csv: string;
  readonly deals: readonly GeneratedDeal[];
}

export const HUBSPOT_HEADERS = [
  'Record ID',
  'Deal Name',
  'Deal Stage',
  'Close Date',
  'Deal owner',
  'Amount',
  'Create Date',
  'Pipeline',
  'Original Source Type',
] as const;

const STAGES: readonly { stage: string; outcome: GeneratedDeal['outcome']; weight: number }[] = [
  { stage: 'Closed Won', outcome: 'won', weight: 30 },
  { stage: 'Closed Lost', outcome: 'lost', weight: 35 },
  { stage: 'Appointment Scheduled', outcome: 'open', weight: 10 },
  { stage: 'Qualified To Buy', outcome: 'open', weight: 10 },
  { stage: 'Contract Sent', outcome: 'open', weight: 15 },
];
const OWNERS = [
  'Aino Virtanen',
  'Mikko Laine',
  'Sara Nieminen',
  'Jukka Mäkinen',
  'Emma Korhonen',
  'Ville Heikkinen',
  'Laura Koskinen',
  'Antti Järvinen',
];
const SOURCES = [
  'Offline Sources',
  'Organic Search',
  'Paid Search',
  'Direct Traffic',
  'Referrals',
  'Email Marketing',
  'Social Media',
];
const COMPANIES = ['Nordic', 'Baltic', 'Kone', 'Porvoo', 'Oulu', 'Savo', 'Lapland', 'Aurora'];
const KINDS = ['renewal', 'pilot', 'framework agreement', 'expansion', 'licences', 'services'];

const MS_PER_DAY = 86_400_000;
/** 2024-01-01: the generated deals are created over the following three years. */
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAYS = 3 * 365;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** `count` deals from a fixed seed: the same file every run, about 150 bytes a row. */
export function hubspotExport(count: number, seed = 10): GeneratedExport {
  const random = seededRandom(seed);
  const totalWeight = STAGES.reduce((sum, s) => sum + s.weight, 0);
  const pick = <T>(items: readonly T[]) => items[randomInt(random, 0, items.length - 1)] as T;
  const lines: string[] = [HUBSPOT_HEADERS.map(quoted).join(',')];
  const deals: GeneratedDeal[] = [];
  for (let i = 0; i < count; i++) {
    let draw = random() * totalWeight;
    const stage = STAGES.find((s) => (draw -= s.weight) < 0) ?? STAGES[0]!;
    const createdMs = FIRST_DAY + randomInt(random, 0, DAYS - 1) * MS_PER_DAY;
    const closedMs = createdMs + randomInt(random, 1, 120) * MS_PER_DAY;
    const deal: GeneratedDeal = {
      id: String(30_000_000 + i),
      name: `${pick(COMPANIES)} ${pick(KINDS)} ${i}`,
      stage: stage.stage,
      outcome: stage.outcome,
      amount: randomInt(random, 5, 600) * 50,
      created: isoDay(createdMs),
      closed: isoDay(closedMs),
      owner: pick(OWNERS),
      source: pick(SOURCES),
    };
    deals.push(deal);
    const time = `${String(randomInt(random, 8, 17)).padStart(2, '0')}:${String(randomInt(random, 0, 59)).padStart(2, '0')}`;
    lines.push(
      [
        deal.id,
        deal.name,
        deal.stage,
        `${deal.closed} ${time}`,
        deal.owner,
        String(deal.amount),
        `${deal.created} ${time}`,
        'Sales Pipeline',
        deal.source,
      ]
        .map(quoted)
        .join(','),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, deals };
}
