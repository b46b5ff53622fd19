// The preview page's own few texts, in English and Finnish (the sidebar brings its own).
import type { Lang } from '../core/templates/options';

const MESSAGES = {
  en: {
    title: 'Sales KPI templates — preview',
    sheets: 'Sheets',
    cell: 'Selected cell',
    content: 'Cell content',
    locked: 'This cell is locked: only the yellow input cells can be edited.',
    empty: 'Pick a template in the sidebar and insert it.',
    edit: 'Edit {cell}',
    blankSheet: 'Sheet1',
  },
  fi: {
    title: 'Myynnin KPI-mallipohjat — esikatselu',
    sheets: 'Taulukot',
    cell: 'Valittu solu',
    content: 'Solun sisältö',
    locked: 'Solu on lukittu: vain keltaisia syöttösoluja voi muokata.',
    empty: 'Valitse mallipohja sivupaneelista ja lisää se.',
    edit: 'Muokkaa solua {cell}',
    blankSheet: 'Taul1',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type PreviewMessage = keyof (typeof MESSAGES)['en'];

/** The preview text `key` in `lang`, with "{cell}" filled in. */
export function previewText(lang: Lang, key: PreviewMessage, cell = ''): string {
  return MESSAGES[lang][key].replace('{cell}', cell);
}
