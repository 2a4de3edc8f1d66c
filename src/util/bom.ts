/** Text without a leading byte-order mark, which is not part of the first line. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
