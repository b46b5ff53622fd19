// Generates the Code.js section that makes the server functions top-level, where Apps Script looks for them.
import { CORE_GLOBAL } from './files';

const FUNCTION_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

/**
 * One top-level function per server function (onOpen, showSidebar, insertTemplate, …): Apps Script
 * runs triggers, menu items and google.script.run calls only on top-level declarations, and the
 * bundle's functions live inside its global. Each hands its arguments to `SERVER_FUNCTIONS`.
 */
export function serverFunctionWrappers(names: readonly string[]): string {
  return names
    .map((name) => {
      if (!FUNCTION_NAME.test(name)) throw new Error(`Not a server function name: ${name}`);
      return [
        `/** Server function: see sheets-addon/server.ts. */`,
        `function ${name}() {`,
        `  return ${CORE_GLOBAL}.SERVER_FUNCTIONS.${name}.apply(null, arguments);`,
        '}',
      ].join('\n');
    })
    .join('\n\n');
}
