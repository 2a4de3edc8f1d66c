import { unidentifiedReason, type CallReport } from "../matcher/match-calls.js";
import { isDenial, type SourceLocation } from "../matcher/sourced-call.js";

/** A recorded call whose response was 401 or 403, explained from the catalog (and the token, when known). */
export interface DeniedCall {
  readonly index: number;
  readonly call: string;
  readonly source?: SourceLocation;
  readonly status: 401 | 403;
  /** Any one of these scopes lets a token make the call; absent when the catalog documents none for it. */
  readonly anyOf?: readonly string[];
  /** Why the catalog has no scope for it, when it has none. */
  readonly reason?: string;
  /** With a known token: whether it holds one of `anyOf`. */
  readonly tokenHas?: boolean;
}

/**
 * The denied calls among `calls` (by the status their sources carry). A denied call still counts for
 * the plan: this only explains it. `granted` is the token's scopes when the token is known.
 */
export const deniedCalls = (calls: readonly CallReport[], granted?: readonly string[]): DeniedCall[] =>
  calls.flatMap(({ index, call, source, result }): DeniedCall[] => {
    const status = source?.status;
    if (source === undefined || !isDenial(status)) return [];
    if (result.status !== "matched")
      return [
        {
          index,
          call,
          source,
          status,
          reason: result.status === "unknown" ? "not in the catalog" : unidentifiedReason(result),
        },
      ];
    return [
      {
        index,
        call,
        source,
        status,
        anyOf: result.anyOf,
        ...(granted === undefined ? {} : { tokenHas: result.anyOf.some((s) => granted.includes(s)) }),
      },
    ];
  });

/**
 * One line for a denied call: "`DELETE …/tokens/t1` was denied (403): it needs environment.apiTokens.write,
 * which the token lacks". `token` names the token when known ("the token" by default).
 */
export const deniedMessage = (d: DeniedCall, token = "the token"): string => {
  const head = `${d.call} was denied (${d.status})`;
  const auth =
    d.status === 401 ? "; a 401 means the API did not accept the token at all (missing, expired, revoked)" : "";
  if (d.anyOf === undefined) return `${head}: it has no documented scope (${d.reason ?? "not in the catalog"})${auth}`;
  const needs = `${head}: it needs ${d.anyOf.join(" or ")}`;
  if (d.tokenHas === undefined) return `${needs}${auth}`;
  if (!d.tokenHas) return `${needs}, which ${token} lacks${auth}`;
  const why = "another environment, a revoked or expired token, or a rule beyond scopes";
  return `${needs}, which ${token} has, so the denial is not about scopes (${why})${auth}`;
};
