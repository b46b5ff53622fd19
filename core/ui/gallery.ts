// The template gallery: each template's name, one-line purpose and the KPIs it tracks.
import type { TemplateId, TemplateInfo } from '../templates/index';
import { h } from './dom';
import type { RenderContext } from './state';
import { uiText } from './texts';

/** The id of a template's button in the gallery, where focus returns from its options. */
export const cardButtonId = (id: RenderContext['id'], template: TemplateId) =>
  id(`template-${template}`);

export function renderGallery(
  { lang, id }: RenderContext,
  catalogue: readonly TemplateInfo[],
): HTMLElement {
  return h(
    'section',
    { class: 'kpi-gallery', 'aria-labelledby': id('gallery-heading') },
    h('h2', { id: id('gallery-heading') }, uiText(lang, 'gallery.heading')),
    h(
      'ul',
      { class: 'kpi-cards' },
      ...catalogue.map((template) => {
        const button = cardButtonId(id, template.id);
        // The whole card reacts to a click; the button inside is what the keyboard reaches.
        return h(
          'li',
          { class: 'kpi-card', 'data-action': 'select-template', 'data-template': template.id },
          h(
            'button',
            {
              type: 'button',
              id: button,
              class: 'kpi-card__name',
              'aria-describedby': `${button}-purpose ${button}-kpis`,
              'data-action': 'select-template',
              'data-template': template.id,
            },
            template.name,
          ),
          h('p', { id: `${button}-purpose`, class: 'kpi-card__purpose' }, template.purpose),
          h(
            'p',
            { id: `${button}-kpis`, class: 'kpi-card__kpis' },
            uiText(lang, 'gallery.kpis', { kpis: template.kpis.join(', ') }),
          ),
        );
      }),
    ),
  );
}
