// `npm run docs`: regenerates the README's function and template references from the registry and catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withGeneratedSections } from './docs/readme';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const current = readFileSync(readmePath, 'utf8');
const updated = withGeneratedSections(current);
if (updated === current) {
  console.log('docs: README.md references are up to date');
} else {
  writeFileSync(readmePath, updated);
  console.log('docs: README.md references regenerated');
}
