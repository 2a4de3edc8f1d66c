// Characters some tools take for a line break (a bare CR, VT, FF, NEL, U+2028, U+2029) and other controls
// but tab: inside one line of a log or calls file they can hide a second line from a reader that splits
// only on LF. Found by an outside attack; a line holding one is never read as harmless.
const HIDDEN_BREAK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** True when a line (without its LF, and without one CR before it) holds a control or line-separator character. */
export const hasHiddenBreak = (line: string): boolean => HIDDEN_BREAK.test(line);
