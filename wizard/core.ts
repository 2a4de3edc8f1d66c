// The wizard's one door into the library: every library name the page uses passes through here, so a
// rename in the library changes this file and nothing else.
import {
  checkToken,
  dynamicCatalog,
  grants,
  InputError,
  minimalScopes,
  parseCallsFile,
  requiredScopes,
  sdkOperationsInfo,
  type CallInput,
  type CallLike,
  type Endpoint,
  type EndpointRef,
  type MatchResult,
  type Scope,
  type SourceLocation,
  type SourcedCall,
} from "../src/index.js";
import { looksLikeLogLine } from "../src/sources/logs/formats.js";
import { hiddenCharacters, safeJson } from "../src/util/printable.js";

export type { CallInput, CallLike, Endpoint, EndpointRef, MatchResult, Scope, SourceLocation, SourcedCall };
// The CLI's own readers and its inert JSON, so the page reads and writes as `scopewise` does.
export { hiddenCharacters, InputError, looksLikeLogLine, parseCallsFile, safeJson };

/** A call as the wizard holds it: any value a reader read, its source also saying which input (`input`) it came from. */
export interface WizardCall extends SourcedCall {
  readonly source: SourceLocation & { readonly input: string };
}

/** A catalog scope as the page shows it. */
export interface ScopeInfo {
  readonly name: Scope;
  readonly group: string;
  readonly description: string;
  /** Endpoints the scope unlocks, implications included. */
  readonly endpoints: readonly Endpoint[];
}

export const catalogInfo = {
  name: dynamicCatalog.name,
  version: dynamicCatalog.version,
  baseUrls: dynamicCatalog.baseUrls,
  source: dynamicCatalog.source,
  sdk: sdkOperationsInfo.sdk,
} as const;

/** Every scope in catalog order, which is the order of Dynamic's page. */
export const scopes: readonly ScopeInfo[] = dynamicCatalog.scopes.map((name) => {
  const meta = dynamicCatalog.scope(name);
  return { name, group: meta?.group ?? "Other", description: meta?.description ?? "", endpoints: grants(name) };
});

const byScopeName = new Map(scopes.map((s) => [s.name as string, s]));
export const scopeInfo = (name: string): ScopeInfo | undefined => byScopeName.get(name);
export const isScope = (name: string): name is Scope => byScopeName.has(name);

/** Scopes under their group headings, groups in first-seen order. */
export const scopeGroups: readonly { readonly group: string; readonly scopes: readonly ScopeInfo[] }[] = [
  ...new Set(scopes.map((s) => s.group)),
].map((group) => ({ group, scopes: scopes.filter((s) => s.group === group) }));

export const endpointKey = (e: EndpointRef): string => `${e.method} ${e.path}`;

/** How many distinct endpoints a set of scopes unlocks together. */
export const unlockedBy = (names: readonly string[]): Set<string> => {
  const keys = new Set<string>();
  for (const n of names) for (const e of scopeInfo(n)?.endpoints ?? []) keys.add(endpointKey(e));
  return keys;
};

/** What the library answers for a call; pass the WizardCall itself, so it is read exactly as a plan reads it. */
export const lookup = (call: CallLike): MatchResult<Scope> => requiredScopes(call);

/**
 * Folds calls into one per endpoint (or per distinct unidentified request), keeping the first
 * location and a count, so a HAR of 50,000 entries stays a few dozen calls on the page.
 */
export const foldCalls = (calls: readonly WizardCall[], cap = 1000): { calls: WizardCall[]; dropped: number } => {
  const kept = new Map<string, { first: WizardCall; count: number }>();
  let unidentified = 0;
  let dropped = 0;
  for (const c of calls) {
    const r = lookup(c);
    const key =
      r.status === "matched"
        ? endpointKey(r.endpoint)
        : r.status === "invalid"
          ? `invalid ${r.reason}`
          : `${r.status} ${r.request.method} ${r.request.path}`;
    const entry = kept.get(key);
    if (entry) entry.count++;
    else if (r.status !== "matched" && unidentified >= cap) dropped++;
    else {
      if (r.status !== "matched") unidentified++;
      kept.set(key, { first: c, count: 1 });
    }
  }
  const folded = [...kept.values()].map(({ first, count }) =>
    count === 1 ? first : { call: first.call, source: { ...first.source, occurrences: count } },
  );
  return { calls: folded, dropped };
};

/** One call and its answer, with where it came from. */
export interface CallView {
  readonly index: number;
  /** The call as written (cut when long). */
  readonly call: string;
  readonly source: WizardCall["source"];
  readonly result: MatchResult<Scope>;
}

/** A call that could not be identified: a blocker, never dropped. */
export interface UnidentifiedView extends CallView {
  /** Why, and the nearest endpoints: read only for the calls shown (suggestions cost an edit distance each). */
  readonly detail: { readonly reason: string; readonly suggestions?: readonly EndpointRef[] | undefined };
}

export interface PlanView {
  readonly scopes: readonly Scope[];
  readonly complete: boolean;
  /** Endpoints the minimal set unlocks. */
  readonly unlocks: number;
  readonly calls: readonly CallView[];
  readonly reasons: readonly { readonly scope: Scope; readonly unlocks: number; readonly calls: readonly CallView[] }[];
  readonly unidentified: readonly UnidentifiedView[];
  readonly deprecated: readonly { readonly call: CallView; readonly replacedBy?: EndpointRef }[];
}

/** The minimal scopes for `calls`, with every answer tied back to its source (the library carries it). */
export const planFor = (calls: readonly WizardCall[]): PlanView => {
  const plan = minimalScopes(calls);
  const views: CallView[] = plan.calls.map((r) => ({
    index: r.index,
    call: r.call,
    source: (r.source as WizardCall["source"] | undefined) ?? calls[r.index]!.source,
    result: r.result,
  }));
  return {
    scopes: plan.scopes,
    complete: plan.complete,
    unlocks: plan.unlocks,
    calls: views,
    reasons: plan.reasons.map((r) => ({
      scope: r.scope,
      unlocks: r.unlocks,
      calls: r.calls.map((c) => views[c.index]!),
    })),
    unidentified: plan.unidentified.map((u) => ({ ...views[u.index]!, detail: u })),
    deprecated: plan.deprecated.map((d) => ({
      call: views[d.index]!,
      ...(d.replacedBy ? { replacedBy: d.replacedBy } : {}),
    })),
  };
};

/** How a scope set fares against the calls. */
export interface CheckView {
  readonly sufficient: boolean;
  /** Scopes held, known to the catalog, in catalog order. */
  readonly granted: readonly Scope[];
  /** Identified calls the set does not cover, with the scopes any one of which would. */
  readonly missing: readonly { readonly call: CallView; readonly anyOf: readonly Scope[] }[];
  /** The fewest scopes to add. */
  readonly add: readonly Scope[];
  /** Held scopes no call needs, with how many endpoints each unlocks. */
  readonly unused: readonly { readonly scope: Scope; readonly unlocks: number }[];
  /** The unused scopes' names: what to remove. */
  readonly remove: readonly Scope[];
  /** Names no catalog scope has. */
  readonly unknownScopes: readonly { readonly scope: string; readonly didYouMean?: string }[];
  /** Calls nobody could check: never covered. */
  readonly unidentified: number;
}

type OneCheck = Extract<ReturnType<typeof checkToken>, { kind: "token" }>;

/**
 * A check over the calls the plan identified; the unidentified ones cannot be covered by any token, so they
 * are only counted (checking them again would recompute their suggestions for nothing).
 */
interface Checked {
  readonly calls: readonly WizardCall[];
  readonly views: readonly CallView[];
  readonly unidentified: number;
}

/** The identified calls of a plan, ready to check scope sets against. */
export const checkable = (calls: readonly WizardCall[], plan: PlanView): Checked => {
  const views = plan.calls.filter((v) => v.result.status === "matched");
  return { calls: views.map((v) => calls[v.index]!), views, unidentified: plan.unidentified.length };
};

const checkView = (check: OneCheck, on: Checked): CheckView => ({
  sufficient: check.sufficient && on.unidentified === 0,
  granted: check.granted,
  missing: check.missing.map((m) => ({ call: on.views[m.index]!, anyOf: m.anyOf })),
  add: check.add,
  unused: check.unused,
  remove: check.remove,
  unknownScopes: check.unknownScopes,
  unidentified: on.unidentified + check.unidentified.length,
});

/** Checks a plain list of scope names (the ticked boxes) against the calls. */
export const checkScopes = (names: readonly string[], on: Checked): CheckView =>
  checkView(checkToken(names, on.calls), on);

/** The answer for a pasted token document: one token, Dynamic's token list, or why it cannot be read. */
export type TokenView =
  | { readonly kind: "token"; readonly scopes: readonly string[]; readonly check: CheckView }
  | {
      readonly kind: "tokens";
      readonly tokens: readonly {
        readonly id?: string;
        readonly note?: string;
        readonly scopes: readonly string[];
        readonly check: CheckView;
      }[];
    }
  | { readonly kind: "error"; readonly problems: readonly string[] };

/** Checks a parsed token document; only scope names are read from it. */
export const checkTokenDocument = (doc: unknown, on: Checked): TokenView => {
  try {
    const check = checkToken(doc, on.calls);
    if (check.kind === "token") {
      const v = checkView(check, on);
      return { kind: "token", scopes: [...v.granted, ...v.unknownScopes.map((u) => u.scope)], check: v };
    }
    return {
      kind: "tokens",
      tokens: check.tokens.map((t) => {
        const v = checkView(t.check, on);
        return {
          ...(t.id === undefined ? {} : { id: t.id }),
          ...(t.note === undefined ? {} : { note: t.note }),
          scopes: [...v.granted, ...v.unknownScopes.map((u) => u.scope)],
          check: v,
        };
      }),
    };
  } catch (error) {
    if (error instanceof InputError)
      return { kind: "error", problems: error.issues.map((i) => `${i.path}: ${i.message}`) };
    return { kind: "error", problems: [String(error)] };
  }
};

/** Why an answer is not "matched", in one line. */
export const statusLabel = (r: MatchResult): string =>
  r.status === "matched"
    ? "identified"
    : r.status === "unknown"
      ? "not in the catalog"
      : r.status === "method-not-allowed"
        ? "method not allowed"
        : "not readable as a call";
