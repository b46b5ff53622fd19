// The reference's Insert: the example formula into the active cell, asking before it replaces what the cell holds.
import { FUNCTIONS } from '../registry/index';
import { DEFAULT_CURRENCY, type Lang } from '../templates/options';
import { h, replaceChildren } from './dom';
import { exampleFormula, resultNumberFormat } from './example-formula';
import type { FormulaOutcome, TargetCell } from './host';
import { functionConfirmId, functionInsertId, functionStatusId } from './reference';
import type { RenderContext } from './state';
import { uiText } from './texts';

/** The longest cell content a question quotes in full; longer content is cut short with "…". */
const SHOWN_CONTENT_LENGTH = 60;

/** `content` short enough to quote in a sentence. */
export function shownContent(content: string): string {
  const chars = [...content];
  return chars.length <= SHOWN_CONTENT_LENGTH
    ? content
    : `${chars.slice(0, SHOWN_CONTENT_LENGTH - 1).join('')}…`;
}

/** What the sidebar does with a host's answer: tell the user what happened, or ask first. */
export type FormulaAnswer =
  { ask: false; text: string } | { ask: true; question: string; cell: TargetCell };

/**
 * The answer to `outcome` of inserting `formula`. `confirmed`: the user had already agreed to
 * replace the cell, so a refusal now means the cell changed meanwhile and is not asked about again.
 */
export function answerFor(
  lang: Lang,
  formula: string,
  outcome: FormulaOutcome,
  confirmed: boolean,
): FormulaAnswer {
  if (outcome.status === 'noCell')
    return { ask: false, text: uiText(lang, 'functions.selectCell') };
  const { cell } = outcome;
  const place = { cell: cell.address, selection: cell.selection ?? '' };
  if (outcome.status === 'written') {
    const key = cell.selection ? 'functions.insertedTopLeft' : 'functions.inserted';
    return { ask: false, text: uiText(lang, key, { ...place, formula }) };
  }
  if (confirmed) return { ask: false, text: uiText(lang, 'functions.changed', place) };
  const key = cell.selection ? 'functions.confirmTopLeft' : 'functions.confirm';
  const question = uiText(lang, key, { ...place, content: shownContent(cell.content) });
  return { ask: true, question, cell };
}

/**
 * Runs the reference's Insert, Replace and Cancel buttons inside `root`. Insert writes at once
 * into an empty cell; otherwise it asks, inline, whether to replace what the cell holds, and
 * only Replace writes, and only if the cell still holds that. One question is open at a time;
 * re-rendering the list drops it, which writes nothing.
 */
export function mountFormulaInsert(root: HTMLElement, context: () => RenderContext): void {
  const doc = root.ownerDocument;
  let pending: { name: string; cell: TargetCell } | undefined;
  const busy = new Set<string>();
  const byId = (id: string) => doc.getElementById(id);

  function closeQuestion(): void {
    if (pending) {
      const box = byId(functionConfirmId(context().id, pending.name));
      if (box) replaceChildren(box);
    }
    pending = undefined;
  }

  /** Shows `text` in the status line of function `name`; no text empties it. */
  function tell(name: string, text?: string): void {
    const status = byId(functionStatusId(context().id, name));
    if (status) replaceChildren(status, text);
  }

  function ask(name: string, question: string, cell: TargetCell): void {
    const { lang, id } = context();
    closeQuestion();
    const box = byId(functionConfirmId(id, name));
    if (!box) return;
    pending = { name, cell };
    const questionId = id(`function-${name}-question`);
    const group = h(
      'div',
      { role: 'group', 'aria-labelledby': questionId, 'data-confirm': name },
      h('p', { id: questionId }, question),
      h(
        'div',
        { class: 'kpi-fn__actions' },
        h(
          'button',
          { type: 'button', 'data-action': 'replace-formula', 'data-function': name },
          uiText(lang, 'functions.replace'),
        ),
        h(
          'button',
          { type: 'button', 'data-action': 'cancel-formula', 'data-function': name },
          uiText(lang, 'functions.cancel'),
        ),
      ),
    );
    replaceChildren(box, group);
    // Cancel, the choice that loses nothing, takes the focus; the group's label reads the question.
    group.querySelector<HTMLElement>('[data-action="cancel-formula"]')?.focus();
  }

  async function insert(name: string, expected?: TargetCell): Promise<void> {
    const { lang, host } = context();
    const spec = FUNCTIONS.find((candidate) => candidate.name === name);
    if (!spec || !host.insertFormula || busy.has(name)) return;
    const formula = exampleFormula(spec, host.functionPrefix);
    const currency = host.defaults().currency ?? DEFAULT_CURRENCY;
    const numberFormat = resultNumberFormat(spec, lang, currency.toUpperCase());
    busy.add(name);
    try {
      const outcome = await host.insertFormula({
        formula,
        ...(numberFormat !== undefined ? { numberFormat } : {}),
        ...(expected ? { expected } : {}),
      });
      const answer = answerFor(context().lang, formula, outcome, expected !== undefined);
      if (answer.ask) {
        tell(name);
        ask(name, answer.question, answer.cell);
      } else tell(name, answer.text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      tell(name, uiText(context().lang, 'functions.insertFailed', { message }));
    } finally {
      busy.delete(name);
    }
  }

  /** Closes the question for `name` and returns focus to its Insert button; the cell it asked about. */
  function settle(name: string): TargetCell | undefined {
    const cell = pending?.name === name ? pending.cell : undefined;
    closeQuestion();
    byId(functionInsertId(context().id, name))?.focus();
    return cell;
  }

  function cancel(name: string): void {
    const cell = settle(name);
    if (cell) tell(name, uiText(context().lang, 'functions.cancelled', { cell: cell.address }));
  }

  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!target || !root.contains(target)) return;
    const name = target.dataset.function ?? '';
    switch (target.dataset.action) {
      case 'insert-formula':
        closeQuestion();
        void insert(name);
        break;
      case 'replace-formula': {
        const cell = settle(name);
        if (cell) void insert(name, cell);
        break;
      }
      case 'cancel-formula':
        cancel(name);
    }
  });

  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const group = (event.target as Element).closest<HTMLElement>('[data-confirm]');
    if (!group || !root.contains(group)) return;
    event.preventDefault();
    cancel(group.dataset.confirm ?? '');
  });
}
