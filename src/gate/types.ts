import type { EndpointRef } from "../catalog/types.js";
import type { SourceLocation } from "../sources/types.js";

/** One call an ignore entry took out of the run: listed in every report, never silently dropped. */
export interface IgnoredCall {
  readonly call: string;
  readonly source: SourceLocation;
  /** Set when the catalog identifies the call: an ignore hid a documented endpoint (a warning). */
  readonly endpoint?: EndpointRef;
  readonly anyOf?: readonly string[];
}

/** One `ignore[]` entry and what it did in this run. */
export interface IgnoreRuleReport {
  /** Position in `ignore`, from 0. */
  readonly index: number;
  readonly match: string;
  readonly reason: string;
  readonly expires?: string;
  /** Where the entry is written (the config file and line). */
  readonly source: SourceLocation;
  /** `expired`: past its date, so it ignored nothing (an error); `unused`: it matched no call (a warning). */
  readonly status: "applied" | "unused" | "expired";
  /** Input items it ignored (folded log lines counted one by one). */
  readonly count: number;
  /** The distinct calls it ignored, first location each, up to a cap. */
  readonly calls: readonly IgnoredCall[];
  /** Distinct calls past the cap, counted only. */
  readonly more: number;
  /**
   * Calls it matched but may not take, since a server could route them to an endpoint (an ambiguous
   * spelling, Dynamic's API host, a case variant): they stay in the run and fail as unidentified.
   */
  readonly refused?: number;
}

/** What the config's `ignore` did in a run. */
export interface IgnoreReport {
  /** The config file, as shown. */
  readonly file: string;
  readonly rules: readonly IgnoreRuleReport[];
  /** Input items ignored in all. */
  readonly ignored: number;
}

/** One entry of `inputs`: a path or glob, or `{ path, from }` naming how to read it. */
export type ConfigInput = string | { path: string; from?: "auto" | "har" | "log" | "calls" | "scan" | undefined };

/** One entry of `rewrites`: a recorded path prefix and what it stands for in Dynamic's API. */
export interface RewriteEntry {
  from: string;
  to: string;
}

/** One entry of `ignore`. */
export interface IgnoreEntry {
  match: string;
  reason: string;
  expires?: string | undefined;
}

/** `scopewise.config.json`, parsed (the zod schema in gate/config-schema.ts is checked to give this type). */
export interface ScopewiseConfig {
  $schema?: string | undefined;
  inputs?: ConfigInput[] | undefined;
  baseUrls?: string[] | undefined;
  rewrites?: RewriteEntry[] | undefined;
  ignore?: IgnoreEntry[] | undefined;
  tokens?: Record<string, { scopes: string[]; inputs?: ConfigInput[] | undefined }> | undefined;
  logFormat?: string | undefined;
}
