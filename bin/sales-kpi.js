#!/usr/bin/env node
// The installed `sales-kpi` command: runs the built bundle, or says how to build it.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const bundle = new URL('../dist/cli/sales-kpi.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write('sales-kpi: dist/cli/sales-kpi.js is missing; run npm run build first.\n');
  process.exitCode = 1;
}
