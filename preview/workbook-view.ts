// The workbook half of the preview page: sheet tabs, the selected cell's content, the active sheet's grid and charts.
import { cellRef } from '../core/templates/a1';
import type { Lang } from '../core/templates/options';
import { h } from '../core/ui/dom';
import { chartData, renderChart } from './chart';
import { SheetGrid } from './grid';
import { previewText } from './messages';
import { displayText } from './number-format';
import { formatAt, type PreviewSheet, type PreviewWorkbook } from './workbook';

const PANEL_ID = 'sheet-panel';

/** Shows `workbook` in `root` and keeps it in step with every change; page texts in `lang`. */
export function mountWorkbookView(root: HTMLElement, workbook: PreviewWorkbook, lang: Lang): void {
  const tabs = h('div', {
    role: 'tablist',
    'aria-label': previewText(lang, 'sheets'),
    class: 'tabs',
  });
  const address = h('output', { class: 'name-box', 'aria-label': previewText(lang, 'cell') });
  const content = h('output', {
    class: 'cell-content',
    'aria-label': previewText(lang, 'content'),
  });
  const message = h('div', { role: 'alert', class: 'message' });
  const charts = h('div', { class: 'charts' });
  const panel = h('div', { id: PANEL_ID, role: 'tabpanel', class: 'sheet-panel' });
  root.append(
    h('h1', { class: 'page-title' }, previewText(lang, 'title')),
    h('div', { class: 'formula-bar' }, address, content),
    message,
    panel,
    tabs,
  );

  let grid: SheetGrid | null = null;
  /** The sheet the grid shows: a re-import replaces a sheet by one of the same name. */
  let shownSheet: PreviewSheet | undefined;
  let shownTabs = '';

  const announce = (text: string) => {
    message.textContent = text;
  };

  function renderTabs(): void {
    const names = workbook.sheetNames();
    const active = workbook.active?.name;
    const key = JSON.stringify([names, active]);
    if (key === shownTabs) return;
    shownTabs = key;
    const hadFocus = tabs.contains(document.activeElement);
    tabs.replaceChildren(
      ...names.map((name, i) => {
        const selected = name === active;
        const tab = h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `sheet-tab-${i}`,
            'aria-selected': String(selected),
            'aria-controls': PANEL_ID,
            tabindex: selected ? 0 : -1,
          },
          name,
        );
        tab.addEventListener('click', () => workbook.activate(name));
        tab.addEventListener('keydown', (event) => {
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
          if (step === 0) return;
          // Else the arrow's default action also scrolls the strip, pushing the new tab out of view.
          event.preventDefault();
          const next = names[(i + step + names.length) % names.length]!;
          workbook.activate(next);
        });
        return tab;
      }),
    );
    const activeTab = tabs.querySelector<HTMLElement>('[aria-selected="true"]');
    if (activeTab) {
      panel.setAttribute('aria-labelledby', activeTab.id);
      scrollIntoStrip(activeTab);
    }
    if (hadFocus) activeTab?.focus();
  }

  /** Scrolls the tab strip (only it, not the page) so that `tab` is wholly in view. */
  function scrollIntoStrip(tab: HTMLElement): void {
    const strip = tabs.getBoundingClientRect();
    const box = tab.getBoundingClientRect();
    if (box.left < strip.left) tabs.scrollLeft -= strip.left - box.left;
    else if (box.right > strip.right) tabs.scrollLeft += box.right - strip.right;
  }

  function renderCharts(): void {
    const sheet = workbook.active;
    charts.replaceChildren(
      ...(sheet?.charts ?? []).map((chart, i) =>
        h(
          'figure',
          { class: 'chart-figure' },
          renderChart(chart, chartData(workbook, sheet!, chart), `chart-${i}`, sheet!.lang),
        ),
      ),
    );
  }

  function renderSelection(): void {
    const sheet = workbook.active;
    const selection = workbook.selection;
    if (!sheet || !selection) {
      address.textContent = '';
      content.textContent = '';
      return;
    }
    address.textContent = cellRef(selection.row, selection.col);
    const format = formatAt(sheet, selection);
    content.textContent =
      workbook.formula(sheet.name, selection) ??
      displayText(workbook.value(sheet.name, selection), format, sheet.lang);
  }

  function render(): void {
    renderTabs();
    const sheet = workbook.active;
    if (!sheet) {
      panel.replaceChildren(h('p', { class: 'empty' }, previewText(lang, 'empty')));
    } else if (sheet !== shownSheet) {
      shownSheet = sheet;
      message.textContent = '';
      grid?.dispose();
      grid = new SheetGrid(workbook, sheet, announce, panel);
      panel.replaceChildren(grid.element, charts);
      // The panel is the scroller: a sheet shown anew starts at A1, not where the last one was left.
      panel.scrollTop = 0;
      panel.scrollLeft = 0;
    }
    grid?.refresh();
    renderCharts();
    renderSelection();
  }

  workbook.subscribe(render);
  render();
}
