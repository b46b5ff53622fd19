// The Insert button and what it reports: progress (announced), then the new sheet's name or why it failed.
import { h, replaceChildren } from './dom';
import type { InsertPhase, RenderContext } from './state';
import { uiText } from './texts';

const statusId = (id: RenderContext['id']) => id('insert-status');
const alertId = (id: RenderContext['id']) => id('insert-alert');
export const insertButtonId = (id: RenderContext['id']) => id('insert');

/**
 * The button and two live regions, rendered empty so that filling them in later is announced:
 * a polite status for progress and success, an alert for failures.
 */
export function renderInsert(context: RenderContext, phase: InsertPhase): HTMLElement {
  const { lang, id } = context;
  const section = h(
    'div',
    { class: 'kpi-insert' },
    h(
      'button',
      { type: 'submit', id: insertButtonId(id), class: 'kpi-primary' },
      uiText(lang, 'insert.button'),
    ),
    h('div', { id: statusId(id), class: 'kpi-status', role: 'status' }),
    h('div', { id: alertId(id), class: 'kpi-alert', role: 'alert' }),
  );
  showInsertPhase(section, context, phase);
  return section;
}

/** Shows `phase` in the insert section inside `scope` (found by id, so it works on a live page). */
export function showInsertPhase(
  scope: ParentNode,
  { lang, id }: RenderContext,
  phase: InsertPhase,
): void {
  const button = scope.querySelector<HTMLButtonElement>(`#${insertButtonId(id)}`);
  const status = scope.querySelector<HTMLElement>(`#${statusId(id)}`);
  const alert = scope.querySelector<HTMLElement>(`#${alertId(id)}`);
  if (!button || !status || !alert) return;
  const busy = phase.phase === 'busy';
  // aria-disabled rather than disabled: the button keeps focus while the insert runs.
  button.setAttribute('aria-disabled', String(busy));
  switch (phase.phase) {
    case 'busy':
      replaceChildren(
        status,
        h('span', { class: 'kpi-spinner', 'aria-hidden': 'true' }),
        uiText(lang, 'insert.progress', { name: phase.name }),
      );
      replaceChildren(alert);
      break;
    case 'done':
      replaceChildren(
        status,
        h(
          'span',
          { class: 'kpi-success' },
          uiText(lang, 'insert.success', { sheet: phase.sheetName }),
        ),
      );
      replaceChildren(alert);
      break;
    case 'failed':
      replaceChildren(status);
      replaceChildren(alert, h('strong', {}, uiText(lang, 'insert.failed')), ' ', phase.message);
      break;
    case 'invalid':
      replaceChildren(status);
      replaceChildren(alert, uiText(lang, 'options.fix'));
      break;
    case 'idle':
      replaceChildren(status);
      replaceChildren(alert);
  }
}
