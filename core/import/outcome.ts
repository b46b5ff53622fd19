// Stage and status text → won / lost / open: CRM defaults plus the user's own answers, kept as a plain object.
import type { Outcome } from './types';

/**
 * The user's answers, stage text as written → outcome. A plain JSON-safe object so a host can
 * keep it with the workbook and a re-import does not ask again.
 */
export type StageOutcomes = Readonly<Record<string, Outcome>>;

// Salesforce's default closed stages, HubSpot's default stage labels and internal ids, Pipedrive's
// statuses, and their Finnish labels (the Finnish ones assumed, not checked against an export).
const DEFAULTS: Readonly<Record<string, Outcome>> = {
  'closed won': 'won',
  closedwon: 'won',
  won: 'won',
  'suljettu voitettu': 'won',
  'suljettu - voitettu': 'won',
  voitettu: 'won',
  'closed lost': 'lost',
  closedlost: 'lost',
  lost: 'lost',
  'suljettu hävitty': 'lost',
  'suljettu - hävitty': 'lost',
  hävitty: 'lost',
  menetetty: 'lost',
  open: 'open',
  avoin: 'open',
};

function key(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * A classifier of stage and status texts: the user's answers first, then the defaults; null
 * when neither knows the text. Remembers each text it has seen, as a file repeats a few stages.
 */
export function outcomeClassifier(answers: StageOutcomes = {}): (text: string) => Outcome | null {
  const answered = new Map(
    Object.entries(answers).map(([stage, outcome]) => [key(stage), outcome]),
  );
  const seen = new Map<string, Outcome | null>();
  return (text) => {
    let outcome = seen.get(text);
    if (outcome === undefined) {
      const wanted = key(text);
      outcome = answered.get(wanted) ?? DEFAULTS[wanted] ?? null;
      seen.set(text, outcome);
    }
    return outcome;
  };
}

/** The outcome a text names by default or by the user's answer; null when neither knows it. */
export function classifyOutcome(text: string, answers: StageOutcomes = {}): Outcome | null {
  return outcomeClassifier(answers)(text);
}

const TRUE_TEXT = new Set(['1', 'true', 'yes', 'x', 'kyllä', 'tosi']);
const FALSE_TEXT = new Set(['0', 'false', 'no', '', 'ei', 'epätosi']);

/** A checkbox column's value (Salesforce "Won", "Closed"): true, false or null when it is neither. */
export function readFlag(text: string): boolean | null {
  const value = key(text);
  if (TRUE_TEXT.has(value)) return true;
  if (FALSE_TEXT.has(value)) return false;
  return null;
}
