// The contract between the one sidebar UI and the host it runs in (Excel, Google Sheets, preview).
import type { HostDefaults, TemplateId, TemplateOptionsInput } from '../templates/options';

/** What the sidebar asks a host to insert: the same request shape everywhere (templates.md). */
export interface InsertRequest {
  templateId: TemplateId;
  options: TemplateOptionsInput;
}

/**
 * Everything the sidebar needs from a host. Each host implements this once (excel-addin/,
 * sheets-addon/, the preview); the UI never calls a host API itself.
 */
export interface SidebarHost {
  /** Which host this is: selects the CSS theme (Fluent in Excel, Google's add-on look in Sheets). */
  readonly kind: 'excel' | 'sheets' | 'preview';
  /** How formulas name the KPI functions in this host: "KPI." in Excel, "" in Sheets. */
  readonly functionPrefix: string;
  /** The host's display language (BCP 47, e.g. "fi-FI"), currency and current month. */
  defaults(): HostDefaults & { displayLanguage?: string };
  /**
   * Inserts a template into a new sheet. Resolves with the created sheet's name; rejects with an
   * Error whose message the sidebar shows to the user as is.
   */
  insertTemplate(request: InsertRequest): Promise<{ sheetName: string }>;
  /** Puts a formula into the active cell, where the host can; otherwise the sidebar offers copying. */
  insertFormula?(formula: string): Promise<void>;
}
