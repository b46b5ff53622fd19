// The Apps Script project's files and the global the core bundle defines, shared by build and wrappers.

/** The core and the adapter, bundled by esbuild as one global (esbuild drops comments). */
export const CORE_FILE = 'Core.js';

/** The generated top-level functions Sheets lists, with the JSDoc it shows as formula help. */
export const CODE_FILE = 'Code.js';

/** The Apps Script manifest. */
export const MANIFEST_FILE = 'appsscript.json';

/** The global through which Code.js reaches the bundled core. */
export const CORE_GLOBAL = 'SalesKpi';
