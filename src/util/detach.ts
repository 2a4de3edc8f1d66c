/**
 * A copy of `text` that holds none of the string it was sliced from. A slice of a large text (a
 * chunk of a file being streamed) keeps that whole text alive for as long as the slice lives; what a
 * streaming reader keeps (a call's method and URL) is detached so that memory stays bounded.
 */
export const detach = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));
