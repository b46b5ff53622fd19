// A page script for the import browser tests: the one sidebar on a fake host that records what it is asked to read and write.
import type { DataValue, ImportRequest } from '../../../core/import/workbook-types';
import type { SidebarHost } from '../../../core/ui/host';
import { mountSidebar } from '../../../core/ui/sidebar';

/** What the test sets before this script runs, as `window.__importConfig`. */
export interface ImportHostConfig {
  displayLanguage: string;
  /** Leave out importDeals, as a host that cannot import. */
  noImport?: boolean;
  /** Refuse every import with this message. */
  failWith?: string;
}

/** One importDeals request as recorded: the data sheet whole, the analysis by its name. */
export interface RecordedImport {
  dataSheet: ImportRequest['dataSheet'];
  analysis: string | null;
  replace: boolean;
}

export interface ImportHostRecord {
  reads: [string, string][];
  imports: RecordedImport[];
  /** Sheet name → the record cells N1:Q… as a host would read them back ("" for blanks). */
  sheets: Record<string, DataValue[][]>;
}

const config = (window as unknown as { __importConfig: ImportHostConfig }).__importConfig;
const record: ImportHostRecord = { reads: [], imports: [], sheets: {} };
(window as unknown as { __importHost: ImportHostRecord }).__importHost = record;

const host: SidebarHost = {
  kind: 'preview',
  functionPrefix: '',
  defaults: () => ({
    lang: config.displayLanguage.startsWith('fi') ? 'fi' : 'en',
    currency: 'EUR',
    startMonth: '2026-06',
    displayLanguage: config.displayLanguage,
  }),
  insertTemplate: () => Promise.reject(new Error('not used here')),
  readSheetValues: async (sheet, range) => {
    record.reads.push([sheet, range]);
    return record.sheets[sheet] ?? null;
  },
  ...(config.noImport
    ? {}
    : {
        importDeals: async (request: ImportRequest) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          if (config.failWith !== undefined) throw new Error(config.failWith);
          const { dataSheet, analysis, replace } = request;
          record.imports.push({ dataSheet, analysis: analysis?.sheetName ?? null, replace });
          // Keeps the record as the workbook would, for the next import to read back.
          record.sheets[dataSheet.sheetName] = dataSheet.record.map((row) =>
            row.map((cell) => cell?.value ?? ''),
          );
          return {
            dataSheet: dataSheet.sheetName,
            analysis: analysis ? `${analysis.sheetName} (2)` : null,
          };
        },
      }),
};

mountSidebar(document.getElementById('app')!, host);
