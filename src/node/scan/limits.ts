// Every cap the scanner applies, in one place. Each one bounds the work a hostile file can cause;
// hitting one is reported (a problem or an `unclassified` finding), never a silent drop.

/** Largest source file read; a larger one is a `too-large` problem and is not scanned. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** Largest declaration file read from `node_modules` (generated API types run to megabytes). */
export const MAX_DECLARATION_BYTES = 32 * 1024 * 1024;

/** Most files one scan lists; more is an `InputError` (scan a smaller folder). */
export const MAX_SCAN_FILES = 50_000;

/**
 * Deepest syntax nesting read (chains of `+` do not count). TypeScript's parser, binder and checker
 * recurse and overflow the stack near 700 levels; a deeper file is a `too-deep` problem, not scanned.
 */
export const MAX_NESTING = 400;

/** How many constants, parameters and helper functions one value may be followed through. */
export const MAX_VALUE_DEPTH = 24;

/** Longest text a string value is evaluated to (the matcher's URL limit); longer is cut and marked. */
export const MAX_VALUE_TEXT = 8192;

/** Evaluation steps a file may spend, plus {@link STEPS_PER_BYTE} per byte of it; past that, a problem. */
export const BASE_STEPS = 50_000;
export const STEPS_PER_BYTE = 10;

/** Wall-clock time one file's analysis may take whatever its steps (work outside them, a slow machine). */
export const MAX_FILE_MS = 20_000;

/** How many request helpers deep a call is followed (`dynamicFetch` → `request` → `fetch`). */
export const MAX_INLINE_DEPTH = 4;

/** Largest function body (in syntax nodes) searched for the requests it sends. */
export const MAX_HELPER_NODES = 5_000;

/** Most literal alternatives (`"getUser" | "deleteUser"`) a computed name or method is expanded to. */
export const MAX_ALTERNATIVES = 8;

/** Most unresolved imports listed; the rest are counted. */
export const MAX_UNRESOLVED_LISTED = 100;

/** Most syntax errors reported per file; the rest are counted in the last message. */
export const MAX_PARSE_ERRORS_PER_FILE = 3;
