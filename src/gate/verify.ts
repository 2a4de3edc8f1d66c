import type { Catalog, EndpointRef } from "../catalog/types.js";
import { checkTokenIn, type TokenCheck } from "../checker/check-token.js";
import type { UnidentifiedCall } from "../matcher/match-calls.js";
import { minimalScopesIn, type DeprecatedCall } from "../planner/minimal-scopes.js";
import type { SourceLocation, SourcedCall } from "../sources/types.js";
import { jsonPath } from "../util/errors.js";
import { CONFIG_FILE } from "./config-schema.js";

/** A call the policy does not cover, and the scope to add for it. */
export interface PolicyGap<S extends string = string> {
  /** The scope to add: the one the fewest-scopes addition picks among `anyOf`. */
  readonly scope: S;
  readonly anyOf: readonly S[];
  readonly call: string;
  readonly source?: SourceLocation;
  readonly endpoint: EndpointRef;
}

/** One token of the policy, compared with what its inputs need. */
export interface TokenVerdict<S extends string = string> {
  readonly name: string;
  /** Where its scopes are written: `tokens.deploy.scopes` in the config, with its line. */
  readonly policyPath: string;
  readonly source: SourceLocation;
  /** The scopes the policy grants, as written. */
  readonly policy: readonly string[];
  /** The minimal set for its calls (what `--update` writes). */
  readonly minimal: readonly S[];
  /** Calls its inputs hold (ignored ones excluded). */
  readonly calls: number;
  readonly missing: readonly PolicyGap<S>[];
  readonly unused: readonly { readonly scope: S; readonly unlocks: number; readonly source?: SourceLocation }[];
  readonly unknownScopes: readonly {
    readonly scope: string;
    readonly didYouMean?: S;
    readonly source?: SourceLocation;
  }[];
  /** Covers every call with no unused scope, yet is not the minimal set (scopes that overlap). */
  readonly notMinimal: boolean;
}

/** The answer of `scopewise verify`: the policy of each token against its inputs. */
export interface VerifyResult<S extends string = string> {
  /** The config file, as shown. */
  readonly config: string;
  readonly catalog: { readonly name: string; readonly version: string };
  /** Unused scopes are errors, not warnings. */
  readonly strict: boolean;
  readonly tokens: readonly TokenVerdict<S>[];
  /** Calls no catalog endpoint matches, once each however many tokens read them. */
  readonly unidentified: readonly UnidentifiedCall[];
  readonly deprecated: readonly DeprecatedCall[];
  /** What `--update` wrote, token by token. */
  readonly updated?: readonly {
    readonly token: string;
    readonly added: readonly S[];
    readonly removed: readonly string[];
  }[];
  /** Why `--update` wrote nothing, when it was asked to. */
  readonly notUpdated?: string;
}

/** One token's policy and the calls of the inputs it serves. */
export interface TokenPolicy {
  readonly name: string;
  readonly scopes: readonly string[];
  readonly calls: readonly SourcedCall[];
}

const key = (c: { call: string; source?: SourceLocation }): string =>
  `${c.source?.file ?? ""}:${c.source?.line ?? ""}:${c.source?.column ?? ""}:${c.source?.path ?? ""}:${c.call}`;

const once = <T extends { call: string; source?: SourceLocation }>(items: readonly T[]): T[] => {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(key(i)) && seen.add(key(i)) !== undefined);
};

const verdict = <S extends string>(
  catalog: Catalog<S>,
  token: TokenPolicy,
  check: TokenCheck<S>,
  minimal: readonly S[],
  config: { readonly file: string; readonly lineOf: (path: string) => number | undefined },
): TokenVerdict<S> => {
  const path = ["tokens", token.name, "scopes"];
  const at = (p: string): SourceLocation => {
    const line = config.lineOf(p);
    return { file: config.file, ...(line === undefined ? {} : { line }) };
  };
  const scopeAt = (scope: string): SourceLocation | undefined => {
    const i = token.scopes.indexOf(scope);
    return i === -1 ? undefined : at(jsonPath([...path, i]));
  };
  const add = new Set<S>(check.add);
  const known = new Set<string>(catalog.scopes);
  const policy = new Set(token.scopes.filter((s) => known.has(s)));
  return {
    name: token.name,
    policyPath: jsonPath(path).slice(2),
    source: at(jsonPath(path)),
    policy: token.scopes,
    minimal,
    calls: check.calls.length,
    missing: check.missing.map((m) => ({
      scope: m.anyOf.find((s) => add.has(s)) ?? (m.anyOf[0] as S),
      anyOf: m.anyOf,
      call: m.call,
      ...(m.source ? { source: m.source } : {}),
      endpoint: { method: m.endpoint.method, path: m.endpoint.path },
    })),
    unused: check.unused.map((u) => ({ ...u, ...withSource(scopeAt(u.scope)) })),
    unknownScopes: check.unknownScopes.map((u) => ({ ...u, ...withSource(scopeAt(u.scope)) })),
    notMinimal:
      check.missing.length === 0 &&
      check.unused.length === 0 &&
      check.unidentified.length === 0 &&
      (policy.size !== minimal.length || minimal.some((s) => !policy.has(s))),
  };
};

const withSource = (source: SourceLocation | undefined): { source?: SourceLocation } => (source ? { source } : {});

/**
 * Compares each token's committed scopes with the minimal set its calls need: calls it does not cover
 * (with the scope to add), scopes no call needs, names the catalog does not know. Plain data; the caller
 * turns it into findings and an exit code.
 */
export const verifyPolicy = <S extends string>(
  catalog: Catalog<S>,
  tokens: readonly TokenPolicy[],
  config: {
    readonly file?: string;
    readonly lineOf?: (path: string) => number | undefined;
    readonly strict?: boolean;
  } = {},
): VerifyResult<S> => {
  const file = config.file ?? CONFIG_FILE;
  const where = { file, lineOf: config.lineOf ?? (() => undefined) };
  const unidentified: UnidentifiedCall[] = [];
  const deprecated: DeprecatedCall[] = [];
  const verdicts = tokens.map((token) => {
    const plan = minimalScopesIn(catalog, token.calls);
    const check = checkTokenIn(catalog, [...token.scopes], token.calls) as TokenCheck<S>;
    unidentified.push(...plan.unidentified);
    deprecated.push(...plan.deprecated);
    return verdict(catalog, token, check, plan.scopes, where);
  });
  return {
    config: file,
    catalog: { name: catalog.name, version: catalog.version },
    strict: config.strict ?? false,
    tokens: verdicts,
    unidentified: once(unidentified),
    deprecated: once(deprecated),
  };
};
