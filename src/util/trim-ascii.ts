const isAsciiSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Trims only ASCII spaces, tabs and line breaks: other Unicode whitespace (a no-break
 * space, U+2028, a BOM) stays in the URL, as in `{ method, url }`. A loop, not a regex:
 * /\s+$/ backtracks quadratically over a long run of spaces.
 */
export const trimAscii = (input: string): string => {
  let start = 0;
  let end = input.length;
  while (start < end && isAsciiSpace(input.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(input.charCodeAt(end - 1))) end--;
  return input.slice(start, end);
};
