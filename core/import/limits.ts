// The documented limits of a CRM import: a file above them is refused before it can freeze a host.

/** The most data rows one import takes (header and totals row not counted). */
export const MAX_ROWS = 200_000;

/** The largest file, in bytes (or UTF-16 code units for text handed over as a string). */
export const MAX_BYTES = 50 * 1024 * 1024;
