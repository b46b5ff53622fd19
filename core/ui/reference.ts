// The function reference: the registry's functions, searchable, each with its example formula to copy or insert.
import { functionHelp } from '../i18n/function-help';
import { FUNCTIONS } from '../registry/index';
import type { FunctionSpec } from '../registry/types';
import { h, replaceChildren } from './dom';
import { defaultText, exampleFormula, matchesQuery } from './example-formula';
import type { RenderContext } from './state';
import { uiText } from './texts';

export const searchId = (id: RenderContext['id']) => id('function-search');
const listId = (id: RenderContext['id']) => id('function-list');
const countId = (id: RenderContext['id']) => id('function-count');

/** The element that reports what copying or inserting `name`'s example did. */
export const functionStatusId = (id: RenderContext['id'], name: string) =>
  id(`function-${name}-status`);

/** The Insert button of function `name`. */
export const functionInsertId = (id: RenderContext['id'], name: string) =>
  id(`function-${name}-insert`);

/** Where the question before replacing a cell's content appears, for function `name`. */
export const functionConfirmId = (id: RenderContext['id'], name: string) =>
  id(`function-${name}-confirm`);

/** The example formula of function `name` in this host's spelling; undefined for an unknown name. */
export function formulaOf(context: RenderContext, name: string): string | undefined {
  const spec = FUNCTIONS.find((candidate) => candidate.name === name);
  return spec && exampleFormula(spec, context.host.functionPrefix);
}

function visuallyHidden(text: string): HTMLElement {
  return h('span', { class: 'kpi-visually-hidden' }, text);
}

function renderFunction(context: RenderContext, spec: FunctionSpec): HTMLElement {
  const { lang, id, host } = context;
  const heading = id(`function-${spec.name}`);
  // Descriptions in the reader's language; names stay the registry's, as formulas spell them.
  const help = functionHelp(spec, lang);
  return h(
    'li',
    { class: 'kpi-fn' },
    h('h3', { id: heading, class: 'kpi-fn__name' }, spec.name),
    h('p', { class: 'kpi-fn__description' }, help.description),
    h('p', { class: 'kpi-label' }, uiText(lang, 'functions.params')),
    h(
      'ul',
      { class: 'kpi-fn__params' },
      ...spec.params.map((param, i) =>
        h(
          'li',
          {},
          h('code', {}, param.name),
          ` – ${help.params[i]!.description}`,
          param.default !== undefined &&
            h(
              'span',
              { class: 'kpi-fn__optional' },
              ` (${uiText(lang, 'functions.optional', { value: defaultText(param.default) })})`,
            ),
        ),
      ),
    ),
    h('p', { class: 'kpi-label' }, uiText(lang, 'functions.example')),
    h(
      'code',
      { class: 'kpi-formula', id: id(`function-${spec.name}-formula`) },
      exampleFormula(spec, host.functionPrefix),
    ),
    h(
      'div',
      { class: 'kpi-fn__actions' },
      h(
        'button',
        { type: 'button', 'data-action': 'copy', 'data-function': spec.name },
        uiText(lang, 'functions.copy'),
        visuallyHidden(` ${spec.name}`),
      ),
      host.insertFormula !== undefined &&
        h(
          'button',
          {
            type: 'button',
            id: functionInsertId(id, spec.name),
            'data-action': 'insert-formula',
            'data-function': spec.name,
          },
          uiText(lang, 'functions.insert'),
          visuallyHidden(` ${spec.name}`),
        ),
    ),
    host.insertFormula !== undefined &&
      h('div', { id: functionConfirmId(id, spec.name), class: 'kpi-fn__confirm' }),
    h('p', { id: functionStatusId(id, spec.name), class: 'kpi-fn__status', role: 'status' }),
  );
}

/** Fills the list and its count with the functions matching `query`. */
export function showMatches(scope: ParentNode, context: RenderContext, query: string): void {
  const { lang, id } = context;
  const list = scope.querySelector<HTMLElement>(`#${listId(id)}`);
  const count = scope.querySelector<HTMLElement>(`#${countId(id)}`);
  if (!list || !count) return;
  const matches = FUNCTIONS.filter((spec) => matchesQuery(spec, query, lang));
  replaceChildren(list, ...matches.map((spec) => renderFunction(context, spec)));
  replaceChildren(
    count,
    matches.length === 0 && query.trim() !== ''
      ? uiText(lang, 'functions.none', { query: query.trim() })
      : uiText(lang, 'functions.count', { count: matches.length, total: FUNCTIONS.length }),
  );
}

export function renderReference(context: RenderContext, query: string): HTMLElement {
  const { lang, id } = context;
  const section = h(
    'section',
    { class: 'kpi-reference', 'aria-labelledby': id('functions-heading') },
    h('h2', { id: id('functions-heading') }, uiText(lang, 'functions.heading')),
    h(
      'div',
      { class: 'kpi-field' },
      h('label', { for: searchId(id) }, uiText(lang, 'functions.search')),
      h('input', {
        type: 'search',
        id: searchId(id),
        value: query,
        autocomplete: 'off',
        'aria-controls': listId(id),
        'data-action': 'search',
      }),
    ),
    h('p', { id: countId(id), class: 'kpi-hint', role: 'status' }),
    h('ul', { id: listId(id), class: 'kpi-functions' }),
  );
  showMatches(section, context, query);
  return section;
}
