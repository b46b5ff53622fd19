// The preview page: the one sidebar beside an in-browser workbook, to try the add-in without Excel or Sheets.
import { mountSidebar } from '../core/ui/sidebar';
import { previewHost } from './host';
import { installImportHook } from './import-timing';
import { previewText } from './messages';
import { mountWorkbookView } from './workbook-view';
import { PreviewWorkbook } from './workbook';

/** The size of the blank first sheet, like a new workbook's visible area. */
const BLANK_ROWS = 30;
const BLANK_COLUMNS = 10;

const workbook = new PreviewWorkbook();
const host = previewHost(workbook, navigator.language);
const lang = host.defaults().lang ?? 'en';
document.documentElement.lang = lang;
document.title = previewText(lang, 'title');
workbook.addSheet(
  {
    name: previewText(lang, 'blankSheet'),
    lang,
    cells: [],
    rows: BLANK_ROWS,
    columns: BLANK_COLUMNS,
    columnWidths: [],
    frozen: { rows: 0, columns: 0 },
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    locked: false,
  },
  [],
);
mountWorkbookView(document.getElementById('workbook')!, workbook, lang);
mountSidebar(document.getElementById('sidebar')!, host);
installImportHook(host);
