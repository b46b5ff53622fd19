// The import tab's parts as DOM: file chooser, column mapping with parsed first rows, stages, date orders, result and reported rows.
import type { Crm } from '../import/headers';
import { FIELD_KEYS, type FieldKey, type Outcome, type RowProblem } from '../import/types';
import type { Lang } from '../templates/options';
import { h, type Child } from './dom';
import {
  ambiguousDateColumns,
  columnOptions,
  columnsValue,
  missingRequired,
  previewCells,
  REQUIRED_FIELDS,
  type ImportChoices,
  type ImportSummary,
  type LoadedFile,
  type StageQuestion,
} from './import-model';
import { reasonText } from '../import/reasons';
import { countText, fieldName, outcomeName } from './import-texts';
import type { DecimalMark } from '../import/numbers';
import { uiText } from './texts';

const CRM_NAMES: Record<Crm, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
};

const OUTCOMES: readonly Outcome[] = ['won', 'lost', 'open'];

/** The most reported rows listed; the rest are counted (the sheet's "Import issues" block has them). */
export const MAX_PROBLEMS_SHOWN = 50;

type Id = (name: string) => string;

export function renderFileChooser(lang: Lang, id: Id): HTMLElement {
  return h(
    'div',
    { class: 'kpi-field' },
    h('label', { for: id('file') }, uiText(lang, 'import.file')),
    h('input', {
      type: 'file',
      id: id('file'),
      accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain',
      'data-import': 'file',
    }),
  );
}

/** "HubSpot export: 25 rows.", and whether the columns came from the workbook's last import. */
export function renderDetected(
  lang: Lang,
  file: LoadedFile,
  resumedFrom: string | null,
): HTMLElement {
  // The totals row counts as read, as the result after the import counts it.
  const rows = countText(lang, file.rowCount + file.problems.length);
  const crm = file.proposal.crm;
  return h(
    'div',
    { class: 'kpi-import__detected' },
    h(
      'p',
      {},
      crm
        ? uiText(lang, 'import.detected', { crm: CRM_NAMES[crm], rows })
        : uiText(lang, 'import.unknownCrm', { rows }),
    ),
    resumedFrom !== null && h('p', {}, uiText(lang, 'import.resumed', { sheet: resumedFrom })),
  );
}

function previewList(
  lang: Lang,
  id: string,
  field: FieldKey,
  cells: ReturnType<typeof previewCells>,
): Child {
  if (cells.length === 0) return null;
  return h(
    'ul',
    {
      id,
      class: 'kpi-import__preview',
      'aria-label': uiText(lang, 'import.preview', { field: fieldName(lang, field) }),
    },
    ...cells.map((cell) =>
      h(
        'li',
        { class: cell.read ? undefined : 'kpi-error' },
        cell.text === ''
          ? uiText(lang, 'import.blank')
          : cell.read
            ? cell.text
            : uiText(lang, 'import.unreadable', { value: cell.text }),
      ),
    ),
  );
}

/** Field → column, one labelled select per field, required ones marked, the first rows parsed below. */
export function renderMapping(
  lang: Lang,
  id: Id,
  file: LoadedFile,
  choices: ImportChoices,
  decimalMark: DecimalMark,
): HTMLElement {
  const missing = new Set(missingRequired(file, choices));
  const flags = file.proposal.mapping.flags;
  const usedFlags =
    flags !== undefined &&
    !Object.values(choices.columns).some(
      (c) => c?.includes(flags.won) || c?.includes(flags.closed),
    );
  return h(
    'fieldset',
    { class: 'kpi-fieldset kpi-import__mapping' },
    h('legend', {}, uiText(lang, 'import.columns')),
    h('p', { class: 'kpi-hint' }, uiText(lang, 'import.columnsHelp')),
    usedFlags &&
      h(
        'p',
        { class: 'kpi-hint' },
        uiText(lang, 'import.flags', {
          won: file.headers[flags.won] ?? '',
          closed: file.headers[flags.closed] ?? '',
        }),
      ),
    ...FIELD_KEYS.map((field) => {
      const control = id(`column-${field}`);
      const required = REQUIRED_FIELDS.includes(field);
      const refused = missing.has(field);
      const chosen = choices.columns[field];
      const preview = previewList(
        lang,
        `${control}-preview`,
        field,
        previewCells(file, choices, field, decimalMark),
      );
      return h(
        'div',
        { class: 'kpi-field' },
        h(
          'label',
          { for: control },
          fieldName(lang, field),
          required &&
            h('span', { class: 'kpi-import__required' }, ` (${uiText(lang, 'import.required')})`),
        ),
        h(
          'select',
          {
            id: control,
            'data-import': 'column',
            'data-import-field': field,
            'aria-invalid': refused ? 'true' : undefined,
            'aria-describedby': preview ? `${control}-preview` : undefined,
          },
          h(
            'option',
            { value: '', selected: columnsValue(chosen) === '' },
            uiText(lang, 'import.noColumn'),
          ),
          ...columnOptions(file, field, chosen).map((option) =>
            h(
              'option',
              { value: option.value, selected: option.value === columnsValue(chosen) },
              option.headers.join(' + '),
            ),
          ),
        ),
        preview,
      );
    }),
  );
}

/** One won / lost / open select per stage name, most deals first; new names marked. */
export function renderStages(
  lang: Lang,
  id: Id,
  { questions, more }: { questions: readonly StageQuestion[]; more: number },
): Child {
  if (questions.length === 0) return null;
  return h(
    'fieldset',
    { class: 'kpi-fieldset kpi-import__stages' },
    h('legend', {}, uiText(lang, 'import.stages')),
    h('p', { class: 'kpi-hint' }, uiText(lang, 'import.stagesHelp')),
    ...questions.map((question, index) => {
      const control = id(`stage-${index}`);
      return h(
        'div',
        { class: 'kpi-field' },
        h(
          'label',
          { for: control },
          uiText(lang, 'import.stage', {
            stage: question.stage,
            count: countText(lang, question.count),
          }),
          question.isNew &&
            h('span', { class: 'kpi-import__new' }, ` ${uiText(lang, 'import.stageNew')}`),
        ),
        h(
          'select',
          { id: control, 'data-import': 'stage', 'data-index': index },
          ...OUTCOMES.map((outcome) =>
            h(
              'option',
              { value: outcome, selected: outcome === question.outcome },
              outcomeName(lang, outcome),
            ),
          ),
        ),
      );
    }),
    more > 0 &&
      h(
        'p',
        { class: 'kpi-hint' },
        uiText(lang, 'import.stagesMore', { count: countText(lang, more) }),
      ),
  );
}

/** Day first or month first, for each date column where both read every value. */
export function renderDateOrders(
  lang: Lang,
  id: Id,
  file: LoadedFile,
  choices: ImportChoices,
): Child {
  const columns = ambiguousDateColumns(file, choices);
  if (columns.length === 0) return null;
  return h(
    'div',
    { class: 'kpi-import__dates' },
    h('h3', { class: 'kpi-subheading' }, uiText(lang, 'import.dates')),
    ...columns.map(({ column, header, example }) =>
      h(
        'fieldset',
        { class: 'kpi-fieldset' },
        h('legend', {}, uiText(lang, 'import.dateOrder', { column: header, example })),
        ...(['dmy', 'mdy'] as const).map((order) => {
          const control = id(`order-${column}-${order}`);
          return h(
            'div',
            { class: 'kpi-check' },
            h('input', {
              type: 'radio',
              id: control,
              name: id(`order-${column}`),
              value: order,
              checked: choices.dayOrders[column] === order,
              'data-import': 'dayOrder',
              'data-column': column,
            }),
            h(
              'label',
              { for: control },
              uiText(lang, order === 'dmy' ? 'import.dayFirst' : 'import.monthFirst'),
            ),
          );
        }),
      ),
    ),
  );
}

function problemLine(lang: Lang, problem: RowProblem): string {
  const params = {
    row: problem.row,
    column: problem.column,
    value: problem.value,
    reason: reasonText(lang, problem.reason),
  };
  return uiText(lang, problem.column === '' ? 'import.problemRow' : 'import.problem', params);
}

/** Rows read and left out, the currencies kept apart, and every reported row up to a cap. */
export function renderResult(lang: Lang, id: Id, result: ImportSummary): HTMLElement {
  const { read, leftOut, currencies, problemCount } = result;
  const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN);
  return h(
    'div',
    { class: 'kpi-import__result' },
    h(
      'p',
      {},
      uiText(lang, 'import.counts', {
        read: countText(lang, read),
        leftOut: countText(lang, leftOut),
      }),
    ),
    currencies.length > 1 &&
      h('p', {}, uiText(lang, 'import.currencies', { currencies: currencies.join(', ') })),
    shown.length > 0 &&
      h(
        'h3',
        { id: id('problems-heading'), class: 'kpi-subheading' },
        uiText(lang, 'import.problems'),
      ),
    shown.length > 0 &&
      h(
        'ul',
        { class: 'kpi-import__problems', 'aria-labelledby': id('problems-heading') },
        ...shown.map((problem) => h('li', {}, problemLine(lang, problem))),
      ),
    problemCount > shown.length &&
      h(
        'p',
        { class: 'kpi-hint' },
        uiText(lang, 'import.problemsMore', {
          count: countText(lang, problemCount - shown.length),
        }),
      ),
  );
}
