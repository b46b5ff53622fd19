// The tablist between the template gallery and the function reference (WAI-ARIA tabs, arrow keys).
import { h } from './dom';
import type { RenderContext, TabId } from './state';
import { uiText } from './texts';

/** The tabs of every host; hosts that can import deals add IMPORT_TAB. */
export const TABS: readonly TabId[] = ['templates', 'functions'];
export const IMPORT_TAB: TabId = 'import';

const TAB_TEXT = {
  templates: 'tab.templates',
  functions: 'tab.functions',
  import: 'tab.import',
} as const satisfies Record<TabId, string>;

export const tabId = (id: RenderContext['id'], tab: TabId) => id(`tab-${tab}`);
export const panelId = (id: RenderContext['id'], tab: TabId) => id(`panel-${tab}`);

/** The tablist; only the selected tab is in the Tab order, the arrow keys move between tabs. */
export function renderTabs(
  { lang, id }: RenderContext,
  selected: TabId,
  tabs: readonly TabId[] = TABS,
): HTMLElement {
  return h(
    'div',
    { class: 'kpi-tabs', role: 'tablist', 'aria-label': uiText(lang, 'tab.list') },
    ...tabs.map((tab) =>
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
        uiText(lang, TAB_TEXT[tab]),
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
export function tabAfterKey(
  key: string,
  current: TabId,
  tabs: readonly TabId[] = TABS,
): TabId | undefined {
  const index = tabs.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return tabs[(index + 1) % tabs.length];
    case 'ArrowLeft':
      return tabs[(index - 1 + tabs.length) % tabs.length];
    case 'Home':
      return tabs[0];
    case 'End':
      return tabs[tabs.length - 1];
    default:
      return undefined;
  }
}
