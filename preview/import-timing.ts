// The preview page's import hook for `npm run bench` and the browser tests: reads, maps and plans a CSV export in the page, timed.
import { importDeals, planImport } from '../core/import/index';
import type { SidebarHost } from '../core/ui/host';

/** What one import took, in milliseconds of the page's clock, and what it read. */
export interface ImportTiming {
  deals: number;
  /** Rows reported (left out or kept with a note). */
  problems: number;
  /** Bytes → decoded text → rows → mapped deals (core `importDeals`). */
  readMs: number;
  /** Deals → data sheet plan and pipeline analysis plan (core `planImport`). */
  planMs: number;
  /** readMs + planMs: the budget's "read + map + plan". */
  totalMs: number;
}

/** How an import is asked for: as the sidebar asks by default (a new data sheet with its analysis). */
export interface ImportChoice {
  fileName?: string;
  /** Replace the rows of an existing data sheet. */
  replace?: boolean;
  /** Also plan (and write) the pipeline analysis. */
  withAnalysis?: boolean;
}

/** `window.kpiPreview` on the preview page. */
export interface PreviewImportHook {
  /** Reads, maps and plans `csv` (encoded to UTF-8 bytes first, as a chosen file arrives) without writing it. */
  timeImport(csv: string, choice?: ImportChoice): ImportTiming;
  /**
   * The same, then writes it through the page's host as the sidebar does; adds how long the
   * write took (the engine recalculating everything that reads the deals) and the sheets written.
   */
  importCsv(
    csv: string,
    choice?: ImportChoice,
  ): Promise<ImportTiming & { writeMs: number; dataSheet: string; analysis: string | null }>;
}

/** Installs `window.kpiPreview` for `host`. */
export function installImportHook(host: SidebarHost): void {
  function plan(
    csv: string,
    { fileName = 'deals.csv', replace = false, withAnalysis = true }: ImportChoice = {},
  ) {
    const bytes = new TextEncoder().encode(csv);
    const started = performance.now();
    const imported = importDeals(bytes);
    if (!imported.ok) throw new Error(`Import refused: ${JSON.stringify(imported.error)}`);
    const read = performance.now();
    const planned = planImport(
      imported.value,
      { options: {}, fileName, replace, withAnalysis },
      host.defaults(),
      { functionPrefix: host.functionPrefix },
    );
    if (!planned.ok) throw new Error(planned.errors.map((error) => error.message).join(' '));
    const done = performance.now();
    const timing: ImportTiming = {
      deals: imported.value.deals.length,
      problems: imported.value.problems.length,
      readMs: read - started,
      planMs: done - read,
      totalMs: done - started,
    };
    return { timing, request: planned.request };
  }
  const hook: PreviewImportHook = {
    timeImport: (csv, choice) => plan(csv, choice).timing,
    async importCsv(csv, choice) {
      const { timing, request } = plan(csv, choice);
      const started = performance.now();
      const written = await host.importDeals!(request);
      return { ...timing, writeMs: performance.now() - started, ...written };
    },
  };
  (window as unknown as { kpiPreview: PreviewImportHook }).kpiPreview = hook;
}
