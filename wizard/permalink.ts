// The page's state in the URL's fragment, which browsers never send to a server. It holds the typed
// calls, the calls read from files (identified ones as their catalog template, so no IDs; unidentified
// ones as read, so they stay unidentified), the ticked scopes, the note, environment ID and host, and
// the scope names of a compared token: never a token document, so never a secret. A link ends with
// `end=1`, so a link cut short anywhere (a chat app's length limit) is known to be damaged.
import { catalogInfo, isScope } from "./core.js";

export interface LinkState {
  readonly calls: string;
  readonly files: readonly {
    readonly name: string;
    /** Any values: the library reports the ones it cannot read. */
    readonly calls: readonly unknown[];
    /** Distinct unidentified requests the file had past those listed. */
    readonly dropped?: number;
  }[];
  /** Ticked scopes; `null` while the ticks follow the minimal set. */
  readonly picked: readonly string[] | null;
  /** Scope names of the compared token; `null` when none is compared. */
  readonly compare: readonly string[] | null;
  readonly note: string;
  readonly environmentId: string;
  readonly baseUrl: string;
}

export const LIMITS = {
  calls: 1_000_000,
  files: 50,
  fileCalls: 5_000,
  name: 300,
  note: 1_000,
  environmentId: 200,
  scopes: 200,
  scopeName: 128,
} as const;

export const DEFAULT_NOTE = "least-privilege token (scopewise)";
/** The link format this page writes; version 1 (no end mark) is still read, and said to be unchecked. */
const VERSION = "2";
const KEYS = new Set(["v", "calls", "files", "pick", "cmp", "note", "env", "base", "end"]);
const FILE_KEYS = new Set(["name", "calls", "dropped"]);

export const emptyState = (): LinkState => ({
  calls: "",
  files: [],
  picked: null,
  compare: null,
  note: DEFAULT_NOTE,
  environmentId: "",
  baseUrl: catalogInfo.baseUrls[0]!,
});

/** The fragment (without `#`) for a state; fields at their defaults are left out; `end=1` comes last. */
export const encodeState = (state: LinkState): string => {
  const p = new URLSearchParams();
  p.set("v", VERSION);
  if (state.calls !== "") p.set("calls", state.calls);
  if (state.files.length > 0) p.set("files", JSON.stringify(state.files));
  if (state.picked) p.set("pick", state.picked.join(","));
  if (state.compare) p.set("cmp", state.compare.join(","));
  if (state.note !== DEFAULT_NOTE) p.set("note", state.note);
  if (state.environmentId !== "") p.set("env", state.environmentId);
  if (state.baseUrl !== catalogInfo.baseUrls[0]) p.set("base", state.baseUrl);
  p.set("end", "1");
  return p.toString();
};

/** A fragment that is an anchor in the page (`#need`), not a link's state: it holds no `key=value`. */
export const isAnchor = (fragment: string): boolean => !fragment.includes("=");

/** Link text quoted in a problem: short, and never able to pass for more of the message. */
const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

const text = (p: URLSearchParams, key: string, max: number, what: string, problems: string[]): string | undefined => {
  const value = p.get(key);
  if (value !== null && value.length > max)
    problems.push(`the link's ${what} was cut at ${max.toLocaleString("en-US")} characters`);
  return value?.slice(0, max);
};

const names = (value: string | null, what: string, problems: string[]): string[] | null => {
  if (value === null) return null;
  const all = [...new Set(value.split(",").map((s) => s.trim()))].filter((s) => s !== "");
  if (all.length > LIMITS.scopes || all.some((s) => s.length > LIMITS.scopeName))
    problems.push(`the link's ${what} hold more names, or longer ones, than a link may; the rest were not read`);
  return all.filter((s) => s.length <= LIMITS.scopeName).slice(0, LIMITS.scopes);
};

type LinkFile = LinkState["files"][number];

const file = (f: unknown, i: number, problems: string[]): LinkFile[] => {
  const { name, calls, dropped } = (typeof f === "object" && f !== null ? f : {}) as Record<string, unknown>;
  if (typeof name !== "string" || !Array.isArray(calls)) {
    problems.push(`file ${i + 1} in the link could not be read`);
    return [];
  }
  const shown = quote(name);
  const unknown = Object.keys(f as object).filter((k) => !FILE_KEYS.has(k));
  if (unknown.length > 0)
    problems.push(`${shown} in the link holds parts this page does not know (${unknown.map(quote)})`);
  if (name.length > LIMITS.name) problems.push(`${shown}: the file's name in the link was cut`);
  if (calls.length > LIMITS.fileCalls)
    problems.push(`${shown}: more than ${LIMITS.fileCalls} calls in the link; the rest were not read`);
  const count = typeof dropped === "number" && Number.isSafeInteger(dropped) && dropped > 0 ? dropped : undefined;
  if (dropped !== undefined && count === undefined)
    problems.push(`${shown}: its count of calls not listed is unreadable`);
  // Every value stays a call, whatever it is: the library reports the ones it cannot read.
  const more = count === undefined ? {} : { dropped: count };
  return [{ name: name.slice(0, LIMITS.name), calls: calls.slice(0, LIMITS.fileCalls), ...more }];
};

const files = (value: string | null, problems: string[]): LinkFile[] => {
  if (value === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) {
    problems.push("the link's calls from files could not be read");
    return [];
  }
  if (parsed.length > LIMITS.files)
    problems.push(`the link names more than ${LIMITS.files} files; the rest were not read`);
  return parsed.slice(0, LIMITS.files).flatMap((f: unknown, i) => file(f, i, problems));
};

/** What is wrong with the link as a whole: its version, unknown or repeated parts, and whether it is complete. */
const shapeProblems = (p: URLSearchParams): string[] => {
  const problems: string[] = [];
  const keys = [...p.keys()];
  const unknown = [...new Set(keys.filter((k) => !KEYS.has(k)))];
  if (unknown.length > 0)
    problems.push(`the link holds parts this page does not know: ${unknown.map(quote).join(", ")}`);
  const repeated = [...new Set(keys.filter((k, i) => KEYS.has(k) && keys.indexOf(k) !== i))];
  if (repeated.length > 0) problems.push(`the link gives ${repeated.join(", ")} more than once; the first was read`);
  if (p.get("v") === "1")
    problems.push("the link was made by an earlier version of this page, which did not mark a link's end");
  else if (keys.at(-1) !== "end" || p.get("end") !== "1")
    problems.push("the link does not end where this page ends a link: it was cut short or changed");
  return problems;
};

/**
 * Reads a fragment back. A link is text anyone can write, and may arrive cut short: every field is bounded, the
 * host must be one of the catalog's, ticked scopes must be catalog scopes, and every part that cannot be read
 * as this page wrote it is a problem, which the page shows as a blocker: a link never silently gives less.
 */
export const decodeState = (fragment: string): { state: LinkState; problems: string[] } => {
  const base = emptyState();
  const raw = fragment.replace(/^#/, "");
  if (isAnchor(raw)) return { state: base, problems: [] };
  const p = new URLSearchParams(raw);
  const v = p.get("v");
  if (v !== "1" && v !== VERSION) {
    const which = v === null ? "it names no version" : `version ${quote(v)}`;
    return {
      state: base,
      problems: [`the link is not one this version of the page reads (${which}): nothing was read`],
    };
  }
  const problems = shapeProblems(p);
  const baseUrl = p.get("base");
  if (baseUrl !== null && !catalogInfo.baseUrls.includes(baseUrl))
    problems.push(`the link's API host is not one of Dynamic's; ${base.baseUrl} is used`);
  const picked = names(p.get("pick"), "ticked scopes", problems);
  const notScopes = picked?.filter((s) => !isScope(s)) ?? [];
  if (notScopes.length > 0)
    problems.push(`the link ticks names that are not Dynamic scopes, not ticked: ${notScopes.map(quote).join(", ")}`);
  const env = p.get("env");
  if (env !== null && env.length > LIMITS.environmentId)
    problems.push(`the link's environment ID is longer than ${LIMITS.environmentId} characters, so it was not used`);
  const state: LinkState = {
    calls: text(p, "calls", LIMITS.calls, "typed calls", problems) ?? base.calls,
    files: files(p.get("files"), problems),
    picked: picked === null ? null : picked.filter(isScope),
    compare: names(p.get("cmp"), "compared scopes", problems),
    note: text(p, "note", LIMITS.note, "note", problems) ?? base.note,
    environmentId: env !== null && env.length <= LIMITS.environmentId ? env : base.environmentId,
    baseUrl: baseUrl !== null && catalogInfo.baseUrls.includes(baseUrl) ? baseUrl : base.baseUrl,
  };
  return { state, problems };
};
