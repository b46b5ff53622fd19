// The sidebar's header: its title and the switch between English and Finnish.
import { LANGS } from '../templates/index';
import { h } from './dom';
import type { RenderContext } from './state';
import { LANGUAGE_NAMES, uiText } from './texts';

export function renderHeader({ lang, id }: RenderContext): HTMLElement {
  return h(
    'header',
    { class: 'kpi-header' },
    h('h1', { class: 'kpi-title' }, uiText(lang, 'app.title')),
    h(
      'div',
      { class: 'kpi-lang', role: 'group', 'aria-label': uiText(lang, 'lang.group') },
      ...LANGS.map((code) =>
        h(
          'button',
          {
            type: 'button',
            id: id(`lang-${code}`),
            lang: code,
            'aria-pressed': String(code === lang),
            'data-action': 'lang',
            'data-lang': code,
          },
          LANGUAGE_NAMES[code],
        ),
      ),
    ),
  );
}
