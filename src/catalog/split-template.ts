/** One segment of a catalog template: a literal to compare, or a param that takes any one segment. */
export type TemplateSegment =
  { readonly kind: "literal"; readonly value: string } | { readonly kind: "param"; readonly name: string };

/**
 * Splits a template already known to be valid. No path-to-regexp here, so the
 * browser core need not bundle it; {@link parseTemplate} (parse-template.ts) guarantees the two agree.
 */
export const splitTemplate = (path: string): TemplateSegment[] =>
  path === "/"
    ? []
    : path
        .slice(1)
        .split("/")
        .map((s) => (s.startsWith(":") ? { kind: "param", name: s.slice(1) } : { kind: "literal", value: s }));
