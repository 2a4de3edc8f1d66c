import { CatalogError, jsonPath, type Issue } from "../util/errors.js";
import { describeError } from "../util/describe-error.js";
import { lineFinder, parseJson } from "../util/parse-json.js";
import { compileCatalog } from "./compile-catalog.js";
import type { Catalog } from "./types.js";
import { MAX_CATALOG_ENDPOINTS, MAX_CATALOG_ISSUES, MAX_CATALOG_RELATIONS, MAX_CATALOG_SCOPES } from "./limits.js";
import { catalogSchema, FORMAT_VERSION } from "./schema.js";
import { migrateCatalog } from "./migrate.js";
import { validateExtras } from "./validate-extras.js";
import { validateRelations } from "./validate-relations.js";

/** Options for {@link parseCatalog}. */
export interface ParseCatalogOptions {
  /** File name to put in error messages. */
  readonly file?: string;
}

const schemaIssues = (input: unknown): Issue[] => {
  const result = catalogSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => {
    const keys = i.code === "unrecognized_keys" ? i.keys : [];
    return {
      code: i.code === "unrecognized_keys" ? "unknown-field" : "schema",
      path: jsonPath(keys.length === 1 ? [...i.path, keys[0] as string] : i.path),
      message: i.message,
    };
  });
};

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

// The caps in limits.ts, checked on the raw value before anything that grows with it.
const sizeIssues = (value: unknown): Issue[] => {
  const scopes = (value as { scopes?: unknown } | null)?.scopes;
  if (!Array.isArray(scopes)) return [];
  const issues: Issue[] = [];
  if (scopes.length > MAX_CATALOG_SCOPES) {
    issues.push({
      code: "too-large",
      path: "$.scopes",
      message: `${scopes.length} scopes; the limit is ${MAX_CATALOG_SCOPES}`,
    });
  }
  let endpoints = 0;
  let relations = 0;
  const undocumented = (value as { undocumented?: unknown } | null)?.undocumented;
  if (Array.isArray(undocumented))
    for (const g of undocumented) endpoints += count((g as { endpoints?: unknown } | null)?.endpoints);
  for (const scope of scopes) {
    const s = (typeof scope === "object" && scope !== null ? scope : {}) as { endpoints?: unknown; implies?: unknown };
    endpoints += count(s.endpoints);
    relations += count(s.implies);
    if (Array.isArray(s.endpoints))
      for (const e of s.endpoints) relations += count((e as { alsoUnlockedBy?: unknown } | null)?.alsoUnlockedBy);
  }
  if (endpoints > MAX_CATALOG_ENDPOINTS) {
    issues.push({
      code: "too-large",
      path: "$.scopes",
      message: `${endpoints} endpoints; the limit is ${MAX_CATALOG_ENDPOINTS}`,
    });
  }
  if (relations > MAX_CATALOG_RELATIONS) {
    issues.push({
      code: "too-large",
      path: "$.scopes",
      message: `${relations} implies and alsoUnlockedBy entries; the limit is ${MAX_CATALOG_RELATIONS}`,
    });
  }
  return issues;
};

// At most MAX_CATALOG_ISSUES problems, the last one counting the rest.
const capped = (issues: Issue[]): Issue[] =>
  issues.length <= MAX_CATALOG_ISSUES
    ? issues
    : [
        ...issues.slice(0, MAX_CATALOG_ISSUES - 1),
        {
          code: "too-many-problems",
          path: "$",
          message: `and ${issues.length - MAX_CATALOG_ISSUES + 1} more problems not listed`,
        },
      ];

/**
 * Validates and compiles a catalog (parsed JSON or JSON text).
 * Throws {@link CatalogError} listing every problem with its JSON path (at most
 * 100, the last counting the rest); never half-loads. Catalogs over the caps in
 * `catalog/limits.ts` (1,000 scopes, 10,000 endpoints, 10,000 `implies` and
 * `alsoUnlockedBy` entries, implication chains of 16 scopes) are refused (`too-large`).
 */
export const parseCatalog = <S extends string = string>(
  input: unknown,
  options: ParseCatalogOptions = {},
): Catalog<S> => {
  try {
    return load<S>(input, options);
  } catch (error) {
    if (error instanceof CatalogError) throw error;
    // A getter or Proxy trap that throws, a cyclic object: still a CatalogError, never a half-loaded catalog.
    throw new CatalogError(
      [{ code: "unreadable", path: "$", message: `reading the catalog threw: ${describeError(error)}` }],
      options.file,
    );
  }
};

const load = <S extends string>(input: unknown, options: ParseCatalogOptions): Catalog<S> => {
  const fail = (found: Issue[]): CatalogError => {
    const issues = capped(found);
    if (typeof input !== "string") return new CatalogError(issues, options.file);
    const lineOf = lineFinder(input);
    return new CatalogError(
      issues.map((i) => {
        const line = lineOf(i.path);
        return line === undefined ? i : { ...i, line };
      }),
      options.file,
    );
  };
  let value = input;
  if (typeof input === "string") {
    const parsed = parseJson(input);
    if (!parsed.ok) {
      throw new CatalogError(
        [
          {
            code: "invalid-json",
            path: "$",
            message: `line ${parsed.line}, column ${parsed.column}: ${parsed.message}`,
          },
        ],
        options.file,
      );
    }
    value = parsed.value;
  }
  const format = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof format === "number" && format > FORMAT_VERSION) {
    throw fail([
      {
        code: "unsupported-format",
        path: "$.formatVersion",
        message: `formatVersion ${format} is newer than this scopewise reads (${FORMAT_VERSION}); upgrade scopewise`,
      },
    ]);
  }
  const tooLarge = sizeIssues(value);
  if (tooLarge.length > 0) throw fail(tooLarge);
  const migrated = migrateCatalog(value);
  if ("issues" in migrated) throw fail(migrated.issues);
  const issues = schemaIssues(migrated.value);
  if (issues.length > 0) throw fail(issues);
  const data = catalogSchema.parse(migrated.value);
  const relations = [...validateRelations(data), ...validateExtras(data)];
  if (relations.length > 0) throw fail(relations);
  return compileCatalog<S>(data);
};
