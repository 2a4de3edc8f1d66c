import type { CallInput } from "../../matcher/read-call.js";
import type { MatchResult } from "../../matcher/result.js";

/** A literal read as a Dynamic API path: `definite` when it carries a Dynamic base URL or `/api/v0`. */
export interface DynamicPath {
  readonly path: string;
  readonly definite: boolean;
}

const API_PREFIX = "/api/v0";
const stripQuery = (text: string): string => text.replace(/[?#].*$/s, "");
const under = (text: string, base: string): string | undefined =>
  text === base ? "/" : text.startsWith(`${base}/`) ? text.slice(base.length) : undefined;

/**
 * Reads literal text as a Dynamic API path, or undefined when it is not one: a Dynamic
 * base URL or `/api/v0` prefix makes it definite; a bare path (or one after an unresolved
 * base expression, `{base}/…`) counts only if `known` says the catalog has the path.
 */
export const classifyUrl = (
  text: string,
  baseUrls: readonly string[],
  known: (path: string) => boolean,
): DynamicPath | undefined => {
  let t = stripQuery(text.trim());
  for (const base of baseUrls) {
    const rest = under(t, base.replace(/\/+$/, ""));
    if (rest !== undefined) return { path: rest, definite: true };
  }
  const absolute = /^https?:\/\/[^/]*(\/.*)?$/s.exec(t);
  if (absolute) {
    const rest = under(absolute[1] ?? "", API_PREFIX);
    return rest === undefined ? undefined : { path: rest, definite: true };
  }
  // `${baseUrl}/environments/…`: an unresolved leading expression is taken for the base URL.
  const afterBase = /^\{[^}/]*\}(\/.*)$/s.exec(t);
  if (afterBase) t = afterBase[1] as string;
  const rest = under(t, API_PREFIX);
  if (rest !== undefined) return { path: rest, definite: true };
  return t.startsWith("/") && t.length > 1 && known(t) ? { path: t, definite: false } : undefined;
};

const PROBE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Methods the catalog has for `path`, via `requiredScopes` (method-not-allowed lists the others). */
export const catalogMethods = (path: string, requiredScopes: (call: CallInput) => MatchResult): string[] => {
  const found = new Set<string>();
  for (const method of PROBE_METHODS) {
    const r = requiredScopes({ method, path });
    if (r.status === "matched") found.add(method);
    if (r.status === "method-not-allowed") for (const m of r.allowedMethods) found.add(m);
  }
  return [...found].sort();
};
