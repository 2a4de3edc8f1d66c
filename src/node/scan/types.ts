import type { CallInput } from "../../matcher/read-call.js";
import type { MatchResult } from "../../matcher/result.js";
import type { SourceLocation, SourceProblem } from "../../sources/types.js";

/**
 * How a scan resolves names. `project`: one TypeScript program per project (nearest
 * `tsconfig.json`/`jsconfig.json`), imports followed across files. `file`: each file alone, imports
 * not followed (what another file exports is unknown).
 */
export type ScanMode = "project" | "file";

/** Progress of a long scan, for a progress line. */
export interface ScanProgress {
  /** `program`: files read and parsed (those scanned and what they import); `scan`: files analysed. */
  readonly phase: "program" | "scan";
  /** Files done in this phase; in `program`, imports make it pass `total` (the files to scan). */
  readonly done: number;
  readonly total: number;
}

/** What the scanner needs; every field has a default (Dynamic's catalog). */
export interface ScanOptions {
  /** Base URLs whose requests are Dynamic calls; default: the catalog's. */
  readonly baseUrls?: readonly string[];
  /** Tells catalog paths from other strings; default: Dynamic's catalog. */
  readonly requiredScopes?: (call: CallInput) => MatchResult;
  /** Default `project`. */
  readonly mode?: ScanMode;
  /** Scan only the files changed since this git ref (merge base with HEAD, plus uncommitted and untracked files). */
  readonly changedSince?: string;
  /** Where relative paths start and what findings are shown relative to; default: the process's. */
  readonly cwd?: string;
  /** Called as a scan advances (about once per file). */
  readonly onProgress?: (progress: ScanProgress) => void;
}

/** Why a place that may be a Dynamic call could not be classified. */
export type UnclassifiedCode =
  /** A name the SDK has, called on a receiver whose type is unknown (`any`). */
  | "untyped-receiver"
  /** An SDK class receiver and a method it does not have. */
  | "not-an-operation"
  /** `api[name](…)` on an SDK client with a name known only at run time. */
  | "computed-name"
  /** A Dynamic URL whose HTTP method cannot be told. */
  | "unknown-method"
  /** A Dynamic URL whose endpoint is built at run time. */
  | "runtime-url"
  /** A Dynamic URL that no request in the scanned files sends. */
  | "not-sent"
  /** A Dynamic URL handed to a function the scan cannot follow to a request. */
  | "passed-on"
  /** A request helper whose URL or method comes from its parameters, not called in the scanned files. */
  | "helper-parameter"
  /** A value cut short by a cap (too long, too many alternatives, too deep). */
  | "too-complex"
  /** A variable, property or object changed after it is made, in a way the scan cannot enumerate. */
  | "reassigned"
  /** A URL rewritten by a string operation the scan does not compute (a regex `replace`, `slice`). */
  | "rewritten"
  /** A request through a client whose middleware or interceptor may rewrite its URL or method. */
  | "rewritten-by-middleware"
  /** A request to Dynamic's host outside the API base (its root, a query or a fragment carrying the path). */
  | "outside-base"
  /** A `scopewise-ignore-next-line` without a reason. */
  | "suppression-without-reason";

/** A Dynamic API call found in source code, or a place that may be one but could not be classified. */
export type ScanFinding =
  | {
      readonly kind: "call";
      readonly via: "sdk" | "url";
      readonly source: SourceLocation;
      readonly text: string;
      readonly call: { readonly method: string; readonly path: string };
    }
  | {
      readonly kind: "unclassified";
      readonly code: UnclassifiedCode;
      readonly source: SourceLocation;
      readonly text: string;
      readonly reason: string;
    };

/** A `// scopewise-ignore-next-line: reason` comment, and the unclassified findings it silenced. */
export interface ScanSuppression {
  readonly source: SourceLocation;
  readonly reason: string;
  /** The findings on the next line it silenced (calls are never silenced: a suppression cannot shrink the scopes). */
  readonly suppressed: readonly ScanFinding[];
}

/** An import the scan could not follow: names from it are unknown. */
export interface UnresolvedImport {
  readonly specifier: string;
  readonly source: SourceLocation;
}

/** One program a scan built: the config it read and how many files it held. */
export interface ScanProject {
  /** The `tsconfig.json`/`jsconfig.json` read, as shown; undefined when there was none (defaults used). */
  readonly config: string | undefined;
  /** Files of this project the scan reports on. */
  readonly files: number;
  /** Files the program loaded to resolve them (imports, the SDK stand-in, libraries). */
  readonly programFiles: number;
  /** What went wrong reading the config (the scan used what it could read). */
  readonly configErrors: readonly string[];
}

/** What a scan found. */
export interface ScanResult {
  readonly mode: ScanMode;
  /** Files scanned. */
  readonly files: number;
  /** Named or linked paths not scanned: not JS/TS, or a link to something that is not a regular file. */
  readonly skipped: readonly string[];
  /** Build output and dot folders not scanned because git ignores them (or, outside a repository, by name). */
  readonly passedOver: readonly string[];
  readonly projects: readonly ScanProject[];
  /** Calls and unclassified places, by file, line and column. */
  readonly findings: ScanFinding[];
  /** Files that could not be read or parsed whole; each makes the answer incomplete. */
  readonly problems: SourceProblem[];
  readonly suppressions: ScanSuppression[];
  /** Imports that could not be followed (the first 100; `unresolvedCount` counts all). */
  readonly unresolved: readonly UnresolvedImport[];
  readonly unresolvedCount: number;
}
