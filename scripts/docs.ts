// `npm run docs`: regenerates the README's function and template references and CRM field table, and docs/formulas.md, from the registry, catalogue and import headers.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FORMULAS_DOC_PATH, renderFormulaReference } from './docs/formulas';
import { withGeneratedSections } from './docs/readme';

/** Writes `content` to `path` when it differs, and says which. */
function update(path: string, name: string, content: (current: string) => string): void {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // A missing file is written afresh.
  }
  const updated = content(current);
  if (updated === current) {
    console.log(`docs: ${name} is up to date`);
  } else {
    writeFileSync(path, updated);
    console.log(`docs: ${name} regenerated`);
  }
}

update(fileURLToPath(new URL('../README.md', import.meta.url)), 'README.md references', (readme) =>
  withGeneratedSections(readme),
);
update(FORMULAS_DOC_PATH, 'docs/formulas.md', () => renderFormulaReference());
