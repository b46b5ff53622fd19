// Names a pipeline lists that COUNTIFS could read as wildcards, escapes or operators: the core, HyperFormula and LibreOffice must count each literally.
/**
 * Each name beside the names a wildcard or operator reading of it would also count
 * ("Partner*" beside "Partner A", "<>Web" beside "Web", " spaced " beside "spaced").
 */
export const CRITERIA_NAMES = [
  'Partner*',
  'Partner A',
  'Who?',
  'Whom',
  'a~b',
  'a~*',
  'a~~b',
  'a~Xb',
  '=Direct',
  'Direct',
  '<>Web',
  'Web',
  '>A',
  '<B',
  '>=C',
  ' spaced ',
  'spaced',
];
