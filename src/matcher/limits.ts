/** Longest URL (path and query) scopewise reads; longer ones are `invalid`, as a server would answer 414. */
export const MAX_URL_LENGTH = 8192;

/** Longest method name accepted. */
export const MAX_METHOD_LENGTH = 32;
