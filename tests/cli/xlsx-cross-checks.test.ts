// Exported .xlsx files carry the part ≤ whole rules as custom validations, relative to each range's top-left cell.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planToXlsx } from '../../cli/xlsx-writer';
import { buildPlan } from '../../core/templates/index';
import { LANGS, TEMPLATE_IDS } from '../../core/templates/options';
import { readValidations } from '../support/xlsx-values';

const dir = mkdtempSync(join(tmpdir(), 'kpi-xlsx-cross-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(TEMPLATE_IDS.flatMap((id) => LANGS.map((lang) => [id, lang] as const)))(
  '%s (%s)',
  (id, lang) => {
    it('writes every custom rule on its range, with its formula and help', async () => {
      const built = buildPlan(id, { lang }, {}, { functionPrefix: 'KPI.' });
      if (!built.ok) throw new Error(JSON.stringify(built.errors));
      const file = join(dir, `${id}-${lang}.xlsx`);
      writeFileSync(file, await planToXlsx(built.plan));
      const [stored] = await readValidations(file);
      const custom = built.plan.validations.filter((v) => v.rule.type === 'custom');
      for (const validation of custom) {
        const written = stored!.find((v) => v.sqref === validation.range);
        expect(written, validation.range).toEqual({
          type: 'custom',
          sqref: validation.range,
          formula1: validation.rule.type === 'custom' ? validation.rule.formula.slice(1) : '',
          prompt: validation.help,
        });
      }
    });
  },
);
