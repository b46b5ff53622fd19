// Customer satisfaction and NPS: a survey log in period blocks, NPS and CSAT per period and overall.
import {
  DATE_FORMAT,
  monthFormat,
  NPS_FORMAT,
  PERCENT_FORMAT,
  WHOLE_FORMAT,
} from '../../i18n/number-format';
import { cellRef, rangeRef } from '../a1';
import type { SheetBuilder } from '../builder';
import type { TemplateDefinition } from './definition';
import { SATISFIED_FROM, surveyScores } from './example-company';
import { monthAt, monthSerial } from './periods';

const SUMMARY_HEADER = 5;
const SUMMARY_FIRST = 6;
const SCORE = 3;
const SATISFIED = 4;

/** Answers, NPS, satisfied, answered and CSAT over the given score and satisfied ranges. */
function summaryRow(
  b: SheetBuilder,
  row: number,
  scores: string,
  satisfied: string,
  role: 'result' | 'total',
): void {
  const at = (col: number) => cellRef(row, col);
  const body = role === 'total' ? 'total' : 'body';
  b.calc(row, 1, { kind: 'count', range: scores }, WHOLE_FORMAT, body);
  b.calc(row, 2, { kind: 'call', fn: 'NPS', args: [scores], guard: scores }, NPS_FORMAT, role);
  b.calc(
    row,
    3,
    { kind: 'countText', range: satisfied, text: b.tr('common.yes') },
    WHOLE_FORMAT,
    body,
  );
  b.calc(row, 4, { kind: 'countFilled', range: satisfied }, WHOLE_FORMAT, body);
  b.calc(row, 5, { kind: 'call', fn: 'CSAT', args: [at(3), at(4)] }, PERCENT_FORMAT, role);
}

function build(b: SheetBuilder): void {
  const { periods, rows: answers, startMonth } = b.options;
  const yes = b.tr('common.yes');
  const no = b.tr('common.no');
  b.heading(b.tr('satisfaction.name'), b.tr('satisfaction.purpose'), 6);

  const overall = SUMMARY_FIRST + periods;
  const note = b.linesOf(b.tr('satisfaction.note'));
  const logSection = overall + note.length + 2;
  const logHeader = logSection + 1;
  const logFirst = logHeader + 1;
  const logLast = logFirst + periods * answers - 1;
  const block = (p: number, col: number) =>
    rangeRef(logFirst + p * answers, col, logFirst + (p + 1) * answers - 1, col);

  b.value(SUMMARY_HEADER - 1, 0, b.tr('satisfaction.summary'), 'section');
  b.headers(SUMMARY_HEADER, 0, [
    b.tr('col.period'),
    b.tr('col.npsAnswers'),
    b.tr('kpi.nps'),
    b.tr('col.satisfied'),
    b.tr('col.csatAnswers'),
    b.tr('kpi.csat'),
  ]);
  for (let p = 0; p < periods; p++) {
    const row = SUMMARY_FIRST + p;
    b.value(row, 0, monthSerial(startMonth, p), 'label', monthFormat(b.options.lang));
    summaryRow(b, row, block(p, SCORE), block(p, SATISFIED), 'result');
  }
  b.value(overall, 0, b.tr('common.overall'), 'total');
  summaryRow(
    b,
    overall,
    rangeRef(logFirst, SCORE, logLast, SCORE),
    rangeRef(logFirst, SATISFIED, logLast, SATISFIED),
    'total',
  );

  b.value(logSection, 0, b.tr('satisfaction.log'), 'section');
  b.headers(logHeader, 0, [
    b.tr('col.period'),
    b.tr('col.date'),
    b.tr('col.customer'),
    b.tr('col.score'),
    b.tr('col.satisfiedYesNo'),
  ]);
  const customers = b.tr('satisfaction.exampleCustomers').split('|');
  for (let p = 0; p < periods; p++) {
    // The example company's survey (example-company.ts): answered months only, a dip in July.
    const { year, month } = monthAt(startMonth, p);
    const scores = b.isPast(year, month) ? surveyScores(month, answers) : [];
    for (let r = 0; r < answers; r++) {
      const row = logFirst + p * answers + r;
      const score = scores[r];
      const answered = score !== undefined;
      b.value(row, 0, monthSerial(startMonth, p), 'label', monthFormat(b.options.lang));
      const day = answered ? monthSerial(startMonth, p, 2 + ((3 * r) % 26)) : undefined;
      b.input(row, 1, day, { kind: 'date' }, DATE_FORMAT);
      const customer = customers[(p * answers + r) % customers.length]!;
      b.input(row, 2, answered ? customer : undefined, 'text');
      b.input(row, SCORE, score, { kind: 'npsScore' }, WHOLE_FORMAT);
      const satisfied = answered ? (score >= SATISFIED_FROM ? yes : no) : undefined;
      b.input(row, SATISFIED, satisfied, { list: [yes, no] });
    }
  }
  b.paragraph(overall + 1, 0, note);
  b.columnWidths([100, 100, 160, 90, 90, 90]);
  // The summary and the log have different headings: only the period column stays in view.
  b.freeze(0, 1);
}

export const satisfaction: TemplateDefinition = {
  id: 'satisfaction',
  name: 'satisfaction.name',
  purpose: 'satisfaction.purpose',
  kpis: ['kpi.nps', 'kpi.csat'],
  build,
};
