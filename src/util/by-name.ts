/** Code-unit string order: locale-independent, so output is the same everywhere. */
export const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
