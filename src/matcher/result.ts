import type { Endpoint } from "../catalog/types.js";
import type { EndpointRef, UndocumentedEndpoint } from "../catalog/types.js";

/** Why a call was refused as `invalid`. */
export type InvalidCode =
  | "bad-call"
  | "bad-method"
  | "bad-url"
  | "too-long"
  | "too-many-calls"
  | "outside-base-path"
  | "empty-segment"
  | "dot-segment"
  | "bad-escape"
  | "encoded-unreserved"
  | "encoded-delimiter"
  | "control-character"
  | "backslash"
  | "look-alike";

/** The request as scopewise read it: upper-case method, path relative to the base URL. */
export interface NormalizedRequest {
  readonly method: string;
  readonly path: string;
}

/** Which scopes a request needs. A discriminated union on `status`; never thrown. */
export type MatchResult<S extends string = string> =
  | {
      readonly status: "matched";
      /** Any one of these scopes is enough. */
      readonly anyOf: readonly S[];
      readonly endpoint: Endpoint;
      /** Param values by template name, percent-decoded. */
      readonly params: Readonly<Record<string, string>>;
    }
  | {
      readonly status: "method-not-allowed";
      /** Methods the catalog has for this path. */
      readonly allowedMethods: readonly string[];
      readonly request: NormalizedRequest;
    }
  | {
      readonly status: "unknown";
      /** Up to 3 nearest catalog endpoints, nearest first (none for an undocumented endpoint). */
      readonly suggestions: readonly EndpointRef[];
      readonly request: NormalizedRequest;
      /** Set when the endpoint is known to exist but no scope is documented for it: still unknown. */
      readonly undocumented?: UndocumentedEndpoint;
    }
  | {
      readonly status: "invalid";
      readonly code: InvalidCode;
      readonly reason: string;
    };

/** The `invalid` member of {@link MatchResult}. */
export type Invalid = Extract<MatchResult, { status: "invalid" }>;

export const invalid = (code: InvalidCode, reason: string): Invalid => ({ status: "invalid", code, reason });
