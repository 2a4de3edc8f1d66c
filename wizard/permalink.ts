// The page's state in the URL's fragment, which browsers never send to a server. It holds the typed
// calls, the calls read from files (identified ones as their catalog template, so no IDs; unidentified
// ones as read, so they stay unidentified), the ticked scopes, the note, environment ID and host, and
// the scope names of a compared token: never a token document, so never a secret.
import { catalogInfo, isScope, type CallInput } from "./core.js";

export interface LinkState {
  readonly calls: string;
  readonly files: readonly {
    readonly name: string;
    readonly calls: readonly CallInput[];
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

export const emptyState = (): LinkState => ({
  calls: "",
  files: [],
  picked: null,
  compare: null,
  note: DEFAULT_NOTE,
  environmentId: "",
  baseUrl: catalogInfo.baseUrls[0]!,
});

/** The fragment (without `#`) for a state; fields at their defaults are left out. */
export const encodeState = (state: LinkState): string => {
  const p = new URLSearchParams();
  p.set("v", "1");
  if (state.calls !== "") p.set("calls", state.calls);
  if (state.files.length > 0) p.set("files", JSON.stringify(state.files));
  if (state.picked) p.set("pick", state.picked.join(","));
  if (state.compare) p.set("cmp", state.compare.join(","));
  if (state.note !== DEFAULT_NOTE) p.set("note", state.note);
  if (state.environmentId !== "") p.set("env", state.environmentId);
  if (state.baseUrl !== catalogInfo.baseUrls[0]) p.set("base", state.baseUrl);
  return p.toString();
};

const text = (value: string | null, max: number): string | undefined =>
  value === null ? undefined : value.slice(0, max);

const names = (value: string | null): string[] | null =>
  value === null
    ? null
    : [
        ...new Set(
          value
            .split(",")
            .map((s) => s.trim().slice(0, LIMITS.scopeName))
            .filter((s) => s !== ""),
        ),
      ].slice(0, LIMITS.scopes);

const files = (value: string | null, problems: string[]): LinkState["files"] => {
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
  return parsed.slice(0, LIMITS.files).flatMap((f: unknown, i) => {
    const { name, calls, dropped } = (typeof f === "object" && f !== null ? f : {}) as {
      name?: unknown;
      calls?: unknown;
      dropped?: unknown;
    };
    if (typeof name !== "string" || !Array.isArray(calls)) {
      problems.push(`file ${i + 1} in the link could not be read`);
      return [];
    }
    if (calls.length > LIMITS.fileCalls)
      problems.push(`${name.slice(0, 80)}: more than ${LIMITS.fileCalls} calls in the link; the rest were not read`);
    // Every value stays a call, whatever it is: the library reports the ones it cannot read.
    const more = typeof dropped === "number" && Number.isSafeInteger(dropped) && dropped > 0 ? { dropped } : {};
    return [{ name: name.slice(0, LIMITS.name), calls: calls.slice(0, LIMITS.fileCalls) as CallInput[], ...more }];
  });
};

/**
 * Reads a fragment back. A link is text anyone can write: every field is bounded, the host must be one
 * of the catalog's, ticked scopes must be catalog scopes, and what cannot be read is said, not hidden.
 */
export const decodeState = (fragment: string): { state: LinkState; problems: string[] } => {
  const base = emptyState();
  const p = new URLSearchParams(fragment.replace(/^#/, ""));
  if (p.get("v") !== "1")
    return { state: base, problems: fragment === "" || fragment === "#" ? [] : ["the link is not one this page made"] };
  const problems: string[] = [];
  const baseUrl = p.get("base");
  const picked = names(p.get("pick"));
  const calls = p.get("calls");
  if (calls !== null && calls.length > LIMITS.calls)
    problems.push("the link's typed calls were cut at 1,000,000 characters");
  if (baseUrl !== null && !catalogInfo.baseUrls.includes(baseUrl))
    problems.push(`the link's API host is not one of Dynamic's; ${base.baseUrl} is used`);
  const state: LinkState = {
    calls: text(calls, LIMITS.calls) ?? base.calls,
    files: files(p.get("files"), problems),
    picked: picked === null ? null : picked.filter(isScope),
    compare: names(p.get("cmp")),
    note: text(p.get("note"), LIMITS.note) ?? base.note,
    environmentId: text(p.get("env"), LIMITS.environmentId) ?? base.environmentId,
    baseUrl: baseUrl !== null && catalogInfo.baseUrls.includes(baseUrl) ? baseUrl : base.baseUrl,
  };
  return { state, problems };
};
