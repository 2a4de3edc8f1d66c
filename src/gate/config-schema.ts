import { z } from "zod";
import type { ConfigInput, IgnoreEntry, RewriteEntry, ScopewiseConfig } from "./types.js";

/** The file name a config is found by, walking up from the working directory. */
export const CONFIG_FILE = "scopewise.config.json";

/** What an input is read as: detected from name and first bytes (`auto`), or named. */
export const INPUT_KINDS = ["auto", "har", "log", "calls", "scan"] as const;

// Caps: a config is a reviewed file of a screen or two; past these it is not one.
const MAX_ENTRIES = 1000;
const MAX_TOKENS = 100;

/** Token names are identifiers: they end up in messages, PR comments and JSON paths (`tokens.deploy.scopes`). */
export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** One line of plain text: reasons are shown in every report format. */
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

const isCalendarDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** The config file's zod schema: the one source of its type and of `data/config.schema.json`. */
// Built inside a pure-annotated IIFE: bundlers drop zod from builds that never read a config.
export const configSchema = /* @__PURE__ */ (() => {
  const path = z
    .string()
    .min(1)
    .max(1024)
    .regex(ONE_LINE, "one line, no control characters")
    .describe("A file, a directory (scanned as source) or a glob, relative to the config file's directory.");
  const input = z
    .union([
      path,
      z.strictObject({
        path,
        from: z
          .enum(INPUT_KINDS)
          .optional()
          .describe("How to read it: auto (default: by name and first bytes), har, log, calls, or scan (JS/TS)."),
      }),
    ])
    .describe("An input: a path or glob, optionally with how to read it.");
  const inputs = z.array(input).max(MAX_ENTRIES);
  const httpUrl = z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^/]/i, "an absolute http(s) URL")
    .refine((v) => URL.canParse(v), "an absolute http(s) URL");
  const prefix = z
    .string()
    .max(1024)
    .regex(/^\/[^\s?#\\]*$/, "a path starting with /, without spaces, query or fragment");
  const scope = z.string().min(1).max(200).regex(ONE_LINE, "one line, no control characters");
  return z
    .strictObject({
      $schema: z.string().max(2048).optional().describe("The JSON Schema this file follows, for editors."),
      inputs: inputs
        .optional()
        .describe("What to read: recordings (HAR), access logs, calls files, source (scanned), as files or globs."),
      baseUrls: z
        .array(httpUrl)
        .max(100)
        .optional()
        .describe("Extra base URLs whose requests are Dynamic calls (a proxy, a local fake), besides Dynamic's."),
      rewrites: z
        .array(
          z.strictObject({
            from: prefix.describe("Path prefix as recorded, e.g. /dynamic."),
            to: prefix.describe("What it stands for in Dynamic's API, e.g. /api/v0."),
          }),
        )
        .max(100)
        .optional()
        .describe("Path prefixes to rewrite before matching, for proxies that mount the API elsewhere."),
      ignore: z
        .array(
          z.strictObject({
            match: z
              .string()
              .min(1)
              .max(500)
              .regex(ONE_LINE, "one line, no control characters")
              .describe('"METHOD /path" (* a segment, ** the rest), "host:NAME", or an SDK operation like SDKApi.*.'),
            reason: z
              .string()
              .min(1, "a reason is required")
              .max(500)
              .regex(ONE_LINE, "one line, no control characters")
              .refine((s) => s.trim() !== "", "a reason is required")
              .describe("Why these calls need no scope: shown wherever they are listed."),
            expires: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, "a date, YYYY-MM-DD")
              .refine(isCalendarDate, "a real calendar date")
              .optional()
              .describe("From this day (UTC) on the entry is an error until renewed or removed."),
          }),
        )
        .max(MAX_ENTRIES)
        .optional()
        .describe("Calls that need no scope, each with a reason; ignored calls are counted and listed."),
      tokens: z
        .record(
          z.string().regex(TOKEN_NAME, "token names use letters, digits and . _ - (at most 64)"),
          z.strictObject({
            scopes: z.array(scope).max(MAX_ENTRIES).describe("The scopes this token is granted: the reviewed policy."),
            inputs: inputs
              .min(1)
              .optional()
              .describe("The inputs this token serves; the top-level inputs when absent."),
          }),
        )
        .refine((t) => Object.keys(t).length <= MAX_TOKENS, `at most ${MAX_TOKENS} tokens`)
        .optional()
        .describe("The committed policy: each token's granted scopes, checked by scopewise verify."),
      logFormat: z
        .string()
        .min(1)
        .max(2000)
        .optional()
        .describe("How access logs are written: a format name, or a regular expression with named groups."),
    })
    .describe("scopewise.config.json: what scopewise reads, what it ignores, and the scopes each token may hold.");
})();

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** The published type is the schema's: tsc fails here when they drift apart. */
export const typesMatchSchema: Equal<ScopewiseConfig, z.infer<typeof configSchema>> = true;

export type { ScopewiseConfig, ConfigInput, IgnoreEntry, RewriteEntry };
