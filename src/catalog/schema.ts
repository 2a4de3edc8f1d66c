import { z } from "zod";
import { RISK_LEVELS } from "./risk.js";
import type { CatalogData } from "./types.js";

/** Highest catalog file format this build reads (format 1 is migrated on load; see parse-catalog.ts). */
export const FORMAT_VERSION = 2;

// Literal path characters a router compares byte for byte: RFC 3986 pchar minus
// pct-encoded and ":" (":" starts a path-to-regexp param). Keeping "%" out of
// literals is what lets the matcher compare raw request segments safely.
const LITERAL_CHARS = /^[A-Za-z0-9._~!$&'()*+,;=@-]+$/;

/** The catalog file: the zod schema every catalog type is inferred from. */
// Built inside a pure-annotated IIFE: bundlers then drop zod from browser builds that never validate.
export const catalogSchema = /* @__PURE__ */ (() => {
  // Text a report prints: no control, bidi or line-separator characters, which could rewrite a terminal or
  // reorder what a reader sees (a catalog is input too: `--catalog`, `catalog diff OLD NEW`).
  const text = () =>
    z.string().regex(/^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]*$/, {
      error: "text holds a control or bidi character",
    });

  const scopeName = z
    .string()
    .regex(/^[\w.:$-]{1,128}$/, "scope names use letters, digits and . _ : $ - (at most 128)")
    .describe("Scope name as the API spells it, e.g. environment.users.read.");

  const method = z
    .string()
    .regex(/^[A-Z][A-Z-]{0,31}$/, "methods are upper-case HTTP method names, e.g. GET")
    .describe("HTTP method, upper case.");

  const template = z
    .string()
    .min(1)
    .max(2048)
    .startsWith("/", "templates start with /")
    .describe("path-to-regexp template relative to the base URL; each :param fills a whole segment.");

  const riskSchema = z
    .object({
      level: z.enum(RISK_LEVELS).describe("read < write < admin < critical"),
      rationale: text().min(1).max(300).describe("One line: why this level."),
    })
    .strict();

  const endpointRefSchema = z
    .object({ method, path: template })
    .strict()
    .describe("Reference to another endpoint of this catalog.");

  const endpointSchema = z
    .object({
      method,
      path: template,
      summary: text().min(1).max(500).describe("One-line summary from the docs page."),
      deprecated: z.boolean().optional().describe("The docs page marks this endpoint deprecated."),
      replacedBy: endpointRefSchema.optional().describe("The endpoint to use instead; only with deprecated."),
      alsoUnlockedBy: z
        .array(scopeName)
        .optional()
        .describe("Other scopes that unlock this endpoint on their own (any one of them is enough)."),
      risk: riskSchema
        .optional()
        .describe("This endpoint's own rating, where it differs from its scope's; never above the scope's."),
    })
    .strict();

  const scopeSchema = z
    .object({
      name: scopeName,
      group: text().max(200).optional().describe("Heading the docs page files the scope under."),
      description: text().max(1000).optional(),
      implies: z
        .array(scopeName)
        .optional()
        .describe("Scopes this one grants as well, transitively. Only what the API documents."),
      endpoints: z.array(endpointSchema),
      risk: riskSchema
        .optional()
        .describe("What a token holding this scope can do; an unrated scope counts as above critical."),
    })
    .strict();

  const undocumentedSchema = z
    .object({
      source: text().min(1).max(500).describe("Where they are known from: an SDK version or a docs URL."),
      endpoints: z
        .array(z.string().regex(/^[A-Z][A-Z-]{0,31} \/[^\s]{0,2047}$/, "endpoints are written METHOD /template"))
        .describe("METHOD /template of each endpoint that exists but has no documented scope."),
      prefixes: z
        .array(z.string().regex(/^\/[^\s]{0,2047}$/, "prefixes are written /template"))
        .optional()
        .describe("Path templates whose whole subtree (any method) is an API with no documented scope."),
    })
    .strict();

  return z
    .object({
      $schema: z.string().optional(),
      formatVersion: z
        .literal(FORMAT_VERSION, { error: `formatVersion is ${FORMAT_VERSION} (format 1 is read and migrated)` })
        .describe("File format version; readers reject newer ones."),
      name: z
        .string()
        .regex(/^[\w.-]{1,64}$/)
        .describe("Catalog identifier, e.g. dynamic."),
      version: z
        .string()
        .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/, "version is semver, e.g. 1.2.0")
        .describe("Content version: a new endpoint is minor, a moved or removed one is major."),
      source: z
        .object({
          title: text().max(200).optional(),
          url: z.url({ protocol: /^https?$/ }),
          retrieved: z.iso.date().describe("Day the source page was read (YYYY-MM-DD)."),
        })
        .strict(),
      baseUrls: z
        .array(z.url({ protocol: /^https?$/ }))
        .min(1)
        .describe("Base URLs of the API; request paths are relative to these."),
      scopes: z.array(scopeSchema).min(1),
      undocumented: z
        .array(undocumentedSchema)
        .optional()
        .describe("Endpoints known to exist with no documented scope: still unknown, with that reason."),
    })
    .strict();
})();

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// The typecheck fails here if the written-out public types (types.ts) drift from the schema.
export const typesMatchSchema: Equal<CatalogData, z.infer<typeof catalogSchema>> = true;

/** True when `segment` may stand as a literal template segment. */
export const isLiteralSegment = (segment: string): boolean => LITERAL_CHARS.test(segment);
