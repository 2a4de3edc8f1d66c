import fc from "fast-check";
import { compiledOf } from "../../src/catalog/compiled.js";
import type { Catalog } from "../../src/index.js";

/** Literal segments of a catalog's templates. */
export const literalsOf = (catalog: Catalog<string>): string[] => [
  ...new Set(
    catalog.endpoints.flatMap((e) =>
      e.path === "/"
        ? []
        : e.path
            .slice(1)
            .split("/")
            .filter((s) => !s.startsWith(":")),
    ),
  ),
];

/** Methods the catalog uses. */
export const methodsOf = (catalog: Catalog<string>): string[] => [...compiledOf(catalog).tries.keys()];

// Pieces that each exercise a matching rule (README: Matching rules).
const IDS = ["e1", "usr_1", "0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10", "x", "1", "a.b", "a~b", "a-b", "a@b", "a!b", "a=b"];
const TRICKY = [
  "%2e",
  "%2E",
  ".%2e",
  "%2e%2E",
  ".",
  "..",
  "...",
  "%41",
  "%61",
  "%7e",
  "%40",
  "%20",
  "%25",
  "%252e",
  "%2F",
  "%2f",
  "%5C",
  "%3B",
  "%3b",
  "%zz",
  "%4",
  "%",
  "%c0%af",
  "%C4%B1",
  "%e2%80%ae",
  "%00",
  "%7f",
  "%0a",
  ";",
  ";v=1",
  ":x",
  "{x}",
  ":",
  "{",
  "}",
  "{x",
  ":x;y",
  "\\",
  "é",
  "ı",
  "ſ",
  "\u212a",
  "ｐ",
  "\u0000",
  "\u0001",
  "\u007f",
  "\u0085",
  "\t",
  " ",
  "\u00a0",
  "\u2028",
  "\ufeff",
  "?",
  "#",
  "?a=/../b",
  "#/..",
  "&",
  "+",
  "*",
  "$",
  "'",
  "(",
  ")",
  ",",
];

const caseChange = (s: string): fc.Arbitrary<string> =>
  fc.constantFrom(
    s,
    s.toUpperCase(),
    s.toLowerCase(),
    s.charAt(0).toUpperCase() + s.slice(1),
    s.charAt(0).toLowerCase() + s.slice(1),
  );

/** One path segment built from interesting pieces: literals (case-changed), ids, escapes, placeholders, controls. */
export const segmentOf = (literals: readonly string[]): fc.Arbitrary<string> => {
  const lit = literals.length > 0 ? fc.constantFrom(...literals) : fc.constant("a");
  const piece = fc.oneof(
    { weight: 6, arbitrary: lit },
    { weight: 2, arbitrary: lit.chain(caseChange) },
    { weight: 3, arbitrary: fc.constantFrom(...IDS) },
    { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: "binary" }) },
  );
  return fc.oneof(
    { weight: 5, arbitrary: piece },
    { weight: 2, arbitrary: fc.array(piece, { minLength: 2, maxLength: 3 }).map((p) => p.join("")) },
  );
};

/** What goes before the path: nothing, a base path, an origin, another host or prefix. */
export const prefixOf = (catalog: Catalog<string>): fc.Arbitrary<string> =>
  fc.constantFrom(
    "",
    "",
    "",
    "",
    ...compiledOf(catalog).basePaths,
    ...catalog.baseUrls,
    ...compiledOf(catalog).basePaths,
    ...catalog.baseUrls,
    ...compiledOf(catalog).basePaths.map((p) => `http://localhost:8080${p}`),
    ...compiledOf(catalog).basePaths.map((p) => `HTTPS://Other.Test${p}`),
    ...compiledOf(catalog).basePaths.map((p) => `https://user@host.test${p}`),
    ...compiledOf(catalog).basePaths.map((p) => `https://host.test?q=1${p}`),
    ...compiledOf(catalog).basePaths.map((p) => `${p}/`),
    ...compiledOf(catalog).basePaths.map((p) => p.toUpperCase()),
    "https://other.test",
    "https://other.test/api/v1",
    "/api/v1",
    "//host.test",
    "ftp://host.test",
    "https://",
    "http:/",
  );

/** A method: a catalog method in any casing, or HEAD, OPTIONS, an unknown or malformed one. */
export const methodOf = (catalog: Catalog<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...methodsOf(catalog)) },
    { weight: 2, arbitrary: fc.constantFrom(...methodsOf(catalog)).chain(caseChange) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "HEAD",
        "OPTIONS",
        "PATCH",
        "FOO",
        "G3T",
        "",
        "GET ",
        "M-SEARCH",
        "x".repeat(33),
        "__proto__",
        "constructor",
      ),
    },
  );

/** A URL built from the grammar: prefix, segments, optional trailing slash(es), query or fragment. */
export const urlOf = (catalog: Catalog<string>): fc.Arbitrary<string> => {
  const literals = literalsOf(catalog);
  return fc
    .tuple(
      prefixOf(catalog),
      fc.array(segmentOf(literals), { maxLength: 8 }),
      fc.constantFrom("", "", "", "/", "//"),
      fc.constantFrom("", "", "", "?limit=5", "#top", "?", "#", "?a=/../b#c"),
      fc.boolean(),
    )
    .map(
      ([prefix, segments, slash, tail, leading]) =>
        `${prefix}${leading || segments.length === 0 ? "/" : ""}${segments.join("/")}${slash}${tail}`,
    );
};

/** A URL near a catalog endpoint: a template with ids (or literals, placeholders), then 0–2 segments mutated. */
export const nearUrlOf = (catalog: Catalog<string>): fc.Arbitrary<string> => {
  const literals = literalsOf(catalog);
  const piece = segmentOf(literals);
  const fill = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...IDS) },
    { weight: 2, arbitrary: literals.length > 0 ? fc.constantFrom(...literals) : fc.constant("a") },
    { weight: 1, arbitrary: fc.constantFrom(":x", "{x}", "Policies", "BULK", "enable;x=1") },
  );
  const mutation = fc.tuple(fc.nat(), fc.constantFrom("replace", "case", "append", "drop", "double"), piece);
  return fc
    .tuple(
      fc.constantFrom(...catalog.endpoints.map((e) => e.path)),
      fc.array(fill, { minLength: 8, maxLength: 8 }),
      fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 2 })),
      prefixOf(catalog),
      fc.constantFrom("", "", "", "/", "?limit=5", "#top", "?a=/../b#c"),
    )
    .map(([template, ids, mutations, prefix, tail]) => {
      let k = 0;
      const segments =
        template === "/"
          ? []
          : template
              .slice(1)
              .split("/")
              .map((s) => (s.startsWith(":") ? (ids[k++ % ids.length] as string) : s));
      for (const [at, kind, extra] of mutations) {
        if (segments.length === 0) break;
        const i = at % segments.length;
        const s = segments[i] as string;
        if (kind === "replace") segments[i] = extra;
        else if (kind === "case") segments[i] = s === s.toLowerCase() ? s.toUpperCase() : s.toLowerCase();
        else if (kind === "append") segments[i] = s + extra;
        else if (kind === "drop") segments.splice(i, 1);
        else segments.splice(i, 0, s);
      }
      return `${prefix}/${segments.join("/")}${tail}`;
    });
};

/** A method and a URL: half near a catalog endpoint, half free from the grammar. */
export const requestOf = (catalog: Catalog<string>): fc.Arbitrary<{ method: string; url: string }> =>
  fc.record({ method: methodOf(catalog), url: fc.oneof(nearUrlOf(catalog), urlOf(catalog)) });

const HEX = [..."0123456789abcdef"];
const WORD = [..."0123456789abcdefghijklmnopqrstuvwxyz_"];

/**
 * A random id that never equals a literal (it always has a `-`), sometimes with
 * an escape that must be reported decoded: `[raw, decoded]`.
 */
export const randomId = (): fc.Arbitrary<[string, string]> =>
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...HEX), minLength: 1, maxLength: 8 }),
      fc.string({ unit: fc.constantFrom(...WORD), maxLength: 12 }),
      fc.constantFrom(["", ""], ["", ""], ["%40x", "@x"], ["%20", " "], ["%E2%9C%93", "\u2713"]),
    )
    .map(([a, b, [raw, decoded]]) => [`${a}-${b}${raw}`, `${a}-${b}${decoded}`]);

/** A concrete instance of `template` with random ids (never equal to a literal sibling), and its params as reported. */
export const instanceOf = (template: string): fc.Arbitrary<{ path: string; params: Record<string, string> }> => {
  const names = [...template.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  return fc.array(randomId(), { minLength: names.length, maxLength: names.length }).map((ids) => {
    const params: Record<string, string> = {};
    let k = 0;
    const path = template.replace(/:(\w+)/g, (_, name: string) => {
      const [raw, decoded] = ids[k++] as [string, string];
      params[name] = decoded;
      return raw;
    });
    return { path, params };
  });
};
