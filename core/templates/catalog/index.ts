// The template catalogue: every template definition, in the gallery's order.
import type { TemplateId } from '../options';
import { activity } from './activity';
import { dashboard } from './dashboard';
import type { TemplateDefinition } from './definition';
import { email } from './email';
import { funnel } from './funnel';
import { inhouseVsOutsourced } from './inhouse-vs-outsourced';
import { pipeline } from './pipeline';
import { exampleDataSheet } from './pipeline-example';
import { pricingModels } from './pricing-models';
import { renewals } from './renewals';
import { roi } from './roi';
import { satisfaction } from './satisfaction';
import { scorecard } from './scorecard';
import { unitEconomics } from './unit-economics';
import { vendorEvaluation } from './vendor-evaluation';

export const TEMPLATES: Record<TemplateId, TemplateDefinition> = {
  scorecard,
  roi,
  funnel,
  email,
  activity,
  satisfaction,
  'unit-economics': unitEconomics,
  'inhouse-vs-outsourced': inhouseVsOutsourced,
  'pricing-models': pricingModels,
  'vendor-evaluation': vendorEvaluation,
  renewals,
  dashboard,
  pipeline: { ...pipeline, dataSheet: exampleDataSheet },
};
