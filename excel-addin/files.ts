// Where the Excel add-in's built files live, shared by the build steps and the manifest.

/** The custom-functions script, loaded by the task pane page in the shared runtime. */
export const FUNCTIONS_SCRIPT = 'functions.js';

/** The custom-functions metadata Excel reads to register the functions. */
export const FUNCTIONS_METADATA = 'functions.json';

/**
 * The metadata Finnish Excel reads instead (the manifest's Override for FINNISH_LOCALE): the same
 * ids and names, Finnish descriptions. Microsoft names it after the language, as functions-de.json.
 */
export const FUNCTIONS_METADATA_FI = 'functions-fi.json';

/** The Office locale whose Excel reads FUNCTIONS_METADATA_FI. */
export const FINNISH_LOCALE = 'fi-FI';

/** The page of the shared runtime: the task pane, which also hosts the functions. */
export const TASKPANE_PAGE = 'taskpane.html';

/** The public help page the manifest's SupportUrl names: help, troubleshooting, privacy, contact. */
export const SUPPORT_PAGE = 'support.html';

/** The sizes the icons are drawn in: ribbon (16, 32, 80), add-in list (32, 64), store (128). */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

export type IconSize = (typeof ICON_SIZES)[number];

/** The path of one icon, relative to the add-in's base URL. */
export function iconFile(size: IconSize): string {
  return `assets/icon-${size}.png`;
}
