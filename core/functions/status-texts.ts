// The status identifiers KPI_STATUS returns: stable in every language, so formulas and rules can match them.
export const STATUS_TEXTS = {
  onTrack: 'On track',
  atRisk: 'At risk',
  offTrack: 'Off track',
} as const;
