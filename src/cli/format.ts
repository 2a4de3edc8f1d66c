import type { Endpoint } from "../catalog/compile-catalog.js";
import type { UnidentifiedCall } from "../matcher/match-calls.js";
import type { Style } from "./color.js";
import { where, type CallSource } from "./io.js";

/** `GET /path  Summary` with the deprecation note. */
export const endpointLine = (e: Endpoint, style: Style): string =>
  `${e.method} ${e.path}  ${style.dim(e.summary)}${e.deprecated ? style.yellow(" (deprecated)") : ""}`;

/** `file:line  ` prefix for a call, or nothing when it came from the command line. */
export const at = (sources: readonly CallSource[] | undefined, index: number): string => {
  const s = where(sources?.[index]);
  return s === "" ? "" : `${s}  `;
};

/** The "could not identify" block shared by plan and check. */
export const unidentifiedBlock = (
  calls: readonly UnidentifiedCall[],
  sources: readonly CallSource[] | undefined,
  style: Style,
  heading: string,
): string[] =>
  calls.length === 0
    ? []
    : [
        "",
        style.red(`${heading} (${calls.length}):`),
        ...calls.map(
          (c) =>
            `  ${at(sources, c.index)}${c.call}: ${c.status}: ${c.reason}${sources?.[c.index]?.note ? ` (${sources[c.index]?.note})` : ""}`,
        ),
      ];

/** Adds `source` to each item that has an `index`, for JSON output. */
export const withSources = <T extends { readonly index: number }>(
  items: readonly T[],
  sources: readonly CallSource[] | undefined,
): (T & { source?: CallSource })[] =>
  items.map((item) => {
    const source = sources?.[item.index];
    return source === undefined ? item : { ...item, source };
  });

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
