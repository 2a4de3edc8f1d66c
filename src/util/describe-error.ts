/** The message of anything thrown, cut short; never throws. */
export const describeError = (error: unknown): string => {
  try {
    return String(error instanceof Error ? error.message : error).slice(0, 200);
  } catch {
    return "(unprintable error)";
  }
};
