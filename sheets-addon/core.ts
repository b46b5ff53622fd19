// Entry of dist/sheets/Core.js: the core and the Sheets adapter as one global for Code.js.
export { customFunction } from './adapter';
export { SERVER_FUNCTIONS } from './server';
