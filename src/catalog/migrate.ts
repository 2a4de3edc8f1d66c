import type { Issue } from "../util/errors.js";

/**
 * Format 1 → 2. Format 2 only adds optional fields (`risk` on scopes and endpoints,
 * `undocumented`), so a format-1 catalog reads as a format-2 one with every scope
 * unrated, which risk gates and tie-breaks count as above critical (fail closed).
 * A format-1 file that already uses a format-2 field is refused: it is mislabelled.
 * Returns the value to validate, or the issues that refuse it.
 */
export const migrateCatalog = (value: unknown): { value: unknown } | { issues: Issue[] } => {
  const data = value as { formatVersion?: unknown; scopes?: unknown; undocumented?: unknown } | null;
  if (data?.formatVersion !== 1) return { value };
  const issues: Issue[] = [];
  const v2 = (path: string, field: string): void => {
    issues.push({ code: "schema", path, message: `${field} needs formatVersion 2 (this file says 1)` });
  };
  if (data.undocumented !== undefined) v2("$.undocumented", "undocumented");
  if (Array.isArray(data.scopes)) {
    data.scopes.forEach((scope: unknown, i) => {
      const s = (scope ?? {}) as { risk?: unknown; endpoints?: unknown };
      if (s.risk !== undefined) v2(`$.scopes[${i}].risk`, "risk");
      if (!Array.isArray(s.endpoints)) return;
      s.endpoints.forEach((e: unknown, j) => {
        if ((e as { risk?: unknown } | null)?.risk !== undefined) v2(`$.scopes[${i}].endpoints[${j}].risk`, "risk");
      });
    });
  }
  return issues.length > 0 ? { issues } : { value: { ...data, formatVersion: 2 } };
};
