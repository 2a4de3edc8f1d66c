import { InputError, type Issue } from "../util/errors.js";

/**
 * A path-prefix rewrite for a proxy that mounts Dynamic's API elsewhere: a call whose path is
 * `from` or starts with `from/` is matched as if its path started with `to` instead
 * (`{ from: "/dynamic", to: "/api/v0" }`: `/dynamic/environments/e1/users` → `/api/v0/environments/e1/users`).
 */
export interface Rewrite {
  /** A path prefix as the proxy receives it: starts with `/`; compared byte for byte, whole segments only. */
  readonly from: string;
  /** What the proxy sends Dynamic instead: a path starting with `/`. */
  readonly to: string;
}

/** Applies the rewrites to a call's URL or path; `undefined` when none applies. */
export type RewriteFn = (url: string) => string | undefined;

// A prefix is a path: no query, fragment, backslash, whitespace or control character.
const PREFIX = /^\/[^?#\\\s\u0000-\u001f\u007f]*$/;

const quoted = (value: unknown): string => (value === undefined ? "nothing" : JSON.stringify(value));

/** Why a rewrite is refused (an issue per bad field, located under `$.rewrites[i]`), or none. */
export const rewriteIssues = (rewrites: readonly Rewrite[]): Issue[] =>
  rewrites.flatMap((r, i) =>
    (["from", "to"] as const).flatMap((key): Issue[] => {
      const value = (r as Partial<Rewrite> | null)?.[key];
      if (typeof value === "string" && PREFIX.test(value)) return [];
      const message = `${key} must be a path starting with / (no ?, #, backslash or spaces), not ${quoted(value)}`;
      return [{ code: "bad-option", path: `$.rewrites[${i}].${key}`, message }];
    }),
  );

const trimSlash = (path: string): string =>
  path.length > 1 && path.endsWith("/") ? trimSlash(path.slice(0, -1)) : path;

/** Where a URL's path starts: after `scheme://authority`, or 0 for a path. */
const pathStart = (url: string): number => {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url);
  if (!scheme) return 0;
  const end = url.slice(scheme[0].length).search(/[/?#]/);
  return end === -1 ? url.length : scheme[0].length + end;
};

/**
 * Compiles rewrites: the longest matching `from` wins (ties: the first listed), applied once,
 * to the path only (query and fragment kept). An `InputError` lists every bad rewrite.
 */
export const compileRewrites = (rewrites: readonly Rewrite[] = []): RewriteFn | undefined => {
  if (rewrites.length === 0) return undefined;
  const issues = rewriteIssues(rewrites);
  if (issues.length > 0) throw new InputError("bad-option", issues);
  const rules = rewrites
    .map((r) => ({ from: trimSlash(r.from), to: trimSlash(r.to) }))
    .sort((a, b) => b.from.length - a.from.length);
  return (url) => {
    const start = pathStart(url);
    for (const { from, to } of rules) {
      if (!url.startsWith(from, start)) continue;
      const next = url.charCodeAt(start + from.length);
      // Whole segments: `/dynamic` rewrites `/dynamic`, `/dynamic/…`, `/dynamic?…`, never `/dynamically`.
      if (from !== "/" && !(Number.isNaN(next) || next === 47 || next === 63 || next === 35)) continue;
      const rest = url.slice(start + from.length);
      const joined =
        from === "/" ? `${to === "/" ? "" : to}/${rest}` : to === "/" && rest.startsWith("/") ? rest : to + rest;
      return url.slice(0, start) + (joined === "" ? "/" : joined);
    }
    return undefined;
  };
};
