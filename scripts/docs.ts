// `npm run docs`: regenerates the function reference in README.md from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withFunctionReference } from './docs/readme';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const current = readFileSync(readmePath, 'utf8');
const updated = withFunctionReference(current);
if (updated === current) {
  console.log('docs: README.md function reference is up to date');
} else {
  writeFileSync(readmePath, updated);
  console.log('docs: README.md function reference regenerated');
}
