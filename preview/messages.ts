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
    edit: 'Edit {value}',
    blankSheet: 'Sheet1',
    dataSheetExists:
      'The workbook already has a sheet named “{value}”: nothing was imported. Import again and choose to replace its rows.',
    importFailed: 'Nothing was imported, and the workbook is as it was: {value}',
  },
  fi: {
    title: 'Myynnin KPI-mallipohjat — esikatselu',
    sheets: 'Taulukot',
    cell: 'Valittu solu',
    content: 'Solun sisältö',
    locked: 'Solu on lukittu: vain keltaisia syöttösoluja voi muokata.',
    empty: 'Valitse mallipohja sivupaneelista ja lisää se.',
    edit: 'Muokkaa solua {value}',
    blankSheet: 'Taul1',
    dataSheetExists:
      'Työkirjassa on jo taulukko ”{value}”: mitään ei tuotu. Tuo uudelleen ja valitse sen rivien korvaaminen.',
    importFailed: 'Mitään ei tuotu, ja työkirja on ennallaan: {value}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type PreviewMessage = keyof (typeof MESSAGES)['en'];

/** The preview text `key` in `lang`, with "{value}" (a cell, a sheet name, a reason) filled in. */
export function previewText(lang: Lang, key: PreviewMessage, value = ''): string {
  return MESSAGES[lang][key].replace('{value}', value);
}
