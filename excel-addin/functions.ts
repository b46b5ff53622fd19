/// <reference types="custom-functions-runtime" />
// Entry of dist/excel/functions.js: registers every registry function with Excel's runtime.
import { FUNCTIONS } from '../core/index';
import { excelFunction } from './adapter';

// The task pane page loads this script; opened outside Excel there is no runtime to register with.
if (typeof CustomFunctions !== 'undefined') {
  for (const spec of FUNCTIONS) {
    CustomFunctions.associate(spec.name, excelFunction(spec.name, spec.params.length));
  }
}
