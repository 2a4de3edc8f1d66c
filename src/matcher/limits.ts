/** Longest URL (path and query) scopewise reads; longer ones are `invalid`, as a server would answer 414. */
export const MAX_URL_LENGTH = 8192;

/** Longest method name accepted. */
export const MAX_METHOD_LENGTH = 32;

/**
 * Most calls one `checkToken` or `minimalScopes` run reads; the rest are not
 * read, and one `invalid` (`too-many-calls`) entry says so, so the answer is never complete.
 */
export const MAX_CALLS = 1_000_000;
