// Caps on what one input item may be. Past a cap an item is reported, never held or half-read.

/**
 * Longest line (of a log or a calls file) read, in characters. A longer line is a bad
 * line (`line-too-long`): it is not read as a call, and the streaming readers never hold
 * more of it than this, so a single 300 MiB line costs about 1 MiB.
 */
export const MAX_LINE_LENGTH = 1 << 20;

/** The problem message for a line over {@link MAX_LINE_LENGTH}. */
export const LINE_TOO_LONG = `line longer than ${MAX_LINE_LENGTH} characters; not read`;
