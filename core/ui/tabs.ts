// The tablist between the template gallery and the function reference (WAI-ARIA tabs, arrow keys).
import { h } from './dom';
import type { RenderContext, TabId } from './state';
import { uiText } from './texts';

export const TABS: readonly TabId[] = ['templates', 'functions'];

export const tabId = (id: RenderContext['id'], tab: TabId) => id(`tab-${tab}`);
export const panelId = (id: RenderContext['id'], tab: TabId) => id(`panel-${tab}`);

/** The tablist; only the selected tab is in the Tab order, the arrow keys move between tabs. */
export function renderTabs({ lang, id }: RenderContext, selected: TabId): HTMLElement {
  return h(
    'div',
    { class: 'kpi-tabs', role: 'tablist', 'aria-label': uiText(lang, 'tab.list') },
    ...TABS.map((tab) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: tabId(id, tab),
          'aria-selected': String(tab === selected),
          'aria-controls': panelId(id, tab),
          tabindex: tab === selected ? 0 : -1,
          'data-action': 'tab',
          'data-tab': tab,
        },
        uiText(lang, tab === 'templates' ? 'tab.templates' : 'tab.functions'),
      ),
    ),
  );
}

/** The panel of `tab`, hidden unless selected. */
export function renderPanel(
  { id }: RenderContext,
  tab: TabId,
  selected: TabId,
  ...content: HTMLElement[]
): HTMLElement {
  return h(
    'div',
    {
      class: 'kpi-panel',
      role: 'tabpanel',
      id: panelId(id, tab),
      'aria-labelledby': tabId(id, tab),
      hidden: tab !== selected,
    },
    ...content,
  );
}

/** The tab a key moves to from `current` (ArrowLeft/Right wrap, Home, End); undefined for other keys. */
export function tabAfterKey(key: string, current: TabId): TabId | undefined {
  const index = TABS.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return TABS[(index + 1) % TABS.length];
    case 'ArrowLeft':
      return TABS[(index - 1 + TABS.length) % TABS.length];
    case 'Home':
      return TABS[0];
    case 'End':
      return TABS[TABS.length - 1];
    default:
      return undefined;
  }
}
