import { CatalogError, jsonPath, type Issue } from "../errors.js";
import { lineOfPath, parseJson } from "../util/parse-json.js";
import { compileCatalog, type Catalog } from "./compile-catalog.js";
import { catalogSchema, FORMAT_VERSION } from "./schema.js";
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

const withLine = (text: string, path: string): { line?: number } => {
  const line = lineOfPath(text, path);
  return line === undefined ? {} : { line };
};

/**
 * Validates and compiles a catalog (parsed JSON or JSON text).
 * Throws {@link CatalogError} listing every problem with its JSON path; never half-loads.
 */
export const parseCatalog = <S extends string = string>(input: unknown, options: ParseCatalogOptions = {}): Catalog<S> => {
  const fail = (issues: Issue[]): CatalogError =>
    new CatalogError(typeof input === "string" ? issues.map((i) => ({ ...i, ...withLine(input, i.path) })) : issues, options.file);
  let value = input;
  if (typeof input === "string") {
    const parsed = parseJson(input);
    if (!parsed.ok) {
      throw new CatalogError([{ code: "invalid-json", path: "$", message: `line ${parsed.line}, column ${parsed.column}: ${parsed.message}` }], options.file);
    }
    value = parsed.value;
  }
  const format = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof format === "number" && format > FORMAT_VERSION) {
    throw fail([{ code: "unsupported-format", path: "$.formatVersion", message: `formatVersion ${format} is newer than this scopewise reads (${FORMAT_VERSION}); upgrade scopewise` }]);
  }
  const issues = schemaIssues(value);
  if (issues.length > 0) throw fail(issues);
  const data = catalogSchema.parse(value);
  const relations = validateRelations(data);
  if (relations.length > 0) throw fail(relations);
  return compileCatalog<S>(data);
};
